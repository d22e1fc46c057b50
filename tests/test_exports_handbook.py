"""The Handbook for Cross-border Planning, written from three real sessions and read back:
its contents field, the SWOT by theme across languages, the budget by session, the open
issues; the themes file; the command line; and the pages LibreOffice prints."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx_readback import body_text, find_table, headings, open_docx, table_rows
from handbook_sessions import three_sessions
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.exports import ExportError, write_handbook
from smartplan_tui.exports.handbook import HandbookOptions
from smartplan_tui.exports.tag_themes import ThemeMap, load_themes, same_tag
from smartplan_tui.model import ProjectProfile
from smartplan_tui.store import SessionStore

PROFILE = ProjectProfile(project="Coastal Futures", acronym="CoFu",
                         programme="Interreg VI-A Latvia–Lithuania",
                         introduction="# Why\n\nThree sessions brought planners\ntogether.\n\n"
                                      "- ports\n- tourism")
LATER = date(2027, 6, 1)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("handbook") / "handbook.docx"
    return write_handbook(three_sessions(), path, profile=PROFILE,
                          options=HandbookOptions(today=LATER))


@pytest.fixture(scope="module")
def handbook(written: Path) -> Any:
    return open_docx(written)


def _text(element: Any) -> str:
    """The text of an XML element: its `w:t`s joined."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _theme_table(document: Any, heading: str) -> list[list[str]]:
    """The rows of the table that follows the Heading 2 `heading`."""
    body = list(document.element.body.iterchildren())
    for index, element in enumerate(body):
        is_link = element.find(f".//{qn('w:hyperlink')}") is not None  # a contents line
        if element.tag == qn("w:p") and _text(element) == heading and not is_link:
            table = next(e for e in body[index:] if e.tag == qn("w:tbl"))
            return [[_text(cell) for cell in row.iter(qn("w:tc"))]
                    for row in table.iter(qn("w:tr"))]
    raise AssertionError(f"no heading {heading!r}")


def test_title_subtitle_and_the_big_parts_in_order(handbook: Any) -> None:
    level1 = [text for style, text in headings(handbook) if style in ("Title", "Heading 1")]
    assert level1 == ["Handbook for Cross-border Planning", "Introduction", "The 3 sessions",
                      "Participation", "SWOT by theme", "TOWS strategies", "Action plan",
                      "Open issues"]
    subtitle = next(p.text for p in handbook.paragraphs if p.style.name == "Subtitle")
    assert subtitle == "Coastal Futures (CoFu) · Interreg VI-A Latvia–Lithuania"
    assert handbook.core_properties.subject == (
        "Handbook of 3 sessions: Coastal innovation camp: Kurzeme × Klaipėda; "
        "Klaipėda ports workshop; Ventspils final conference.")


def test_introduction_comes_from_the_profile_as_paragraphs(handbook: Any) -> None:
    styled = [(p.style.name, p.text) for p in handbook.paragraphs]
    start = styled.index(("Heading 2", "Why"))
    texts = [text for _style, text in styled]
    assert texts[start + 1:start + 4] == ["Three sessions brought planners together.",
                                          "\u2022\u00a0\u00a0ports", "\u2022\u00a0\u00a0tourism"]


def test_contents_is_a_toc_field_word_updates_on_opening(written: Path, handbook: Any) -> None:
    body = handbook.element.body
    instructions = [t.text.strip() for t in body.iter(qn("w:instrText"))]
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    first = instructions.index('TOC \\o "1-3" \\h \\z \\u')
    assert kinds[first * 3:first * 3 + 3] == ["begin", "separate", "end"] or (
        kinds.count("begin") == kinds.count("end"))
    # until a program updates it, the field lists the headings, each linked to its bookmark
    links = {h.get(qn("w:anchor")): _text(h) for h in body.iter(qn("w:hyperlink"))}
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    assert "SWOT by theme" in links.values() and "Tourism (6)" in links.values()
    assert set(links) <= marks
    with zipfile.ZipFile(written) as package:
        settings = package.read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings
    assert settings.index("updateFields") < settings.index("<w:compat")


def test_page_breaks_only_before_the_big_parts(handbook: Any) -> None:
    broken = [_text(p) for p in handbook.element.body.iter(qn("w:p"))
              if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]
    assert broken == ["Introduction", "SWOT by theme"]
    assert not [br for br in handbook.element.body.iter(qn("w:br"))
                if br.get(qn("w:type")) == "page"]


def test_swot_by_theme_merges_case_spaces_diacritics_and_languages(handbook: Any) -> None:
    tourism = _theme_table(handbook, "Tourism (6)")
    assert tourism[0] == ["Quadrant", "Item", "Session"]
    assert ["Strengths", "Beaches with the Blue Flag", "Ventspils final conference"] in tourism
    assert ["Opportunities", "Cruise passengers on day trips", "Klaipėda ports workshop"] in tourism
    assert ["Opportunities", "Nordic visitors by ferry", "Ventspils final conference"] in tourism
    assert "Tagged: tourism, turizmas, Tūrisms" in body_text(handbook)
    ports = _theme_table(handbook, "Ports (6)")
    # an item tagged `Uostai` and `uostai` is listed once under Ports
    assert [row[1] for row in ports].count("Cruise passengers on day trips") == 1
    overview = table_rows(find_table(handbook, "Theme"))
    assert overview[0] == ["Theme", "Strengths", "Weaknesses", "Opportunities", "Threats",
                           "Sessions"]
    assert overview[1:3] == [["Ports", "2", "0", "3", "1", "3"],
                             ["Tourism", "2", "1", "3", "0", "3"]]
    assert overview[-1] == ["Untagged", "0", "1", "0", "0", "1"]


def test_tows_by_type_and_participation_by_country(handbook: Any) -> None:
    wt = _theme_table(handbook, "WT: weaknesses and threats to avoid (2)")
    assert wt[-1][0] == "Shared school bus with Kuldīga" and wt[-1][2] == (
        "Ventspils final conference")
    assert "W1 No evening trains to Rīga" in wt[-1][1]
    rows = table_rows(find_table(handbook, "Session"))
    assert rows[0] == ["Session", "Latvia", "Lithuania", "Sweden", "Total"]
    assert rows[-1] == ["All sessions", "10", "9", "1", "20"]


def test_one_action_plan_with_the_budget_of_each_session(handbook: Any) -> None:
    rows = _theme_table(handbook, "Budget by session")
    assert rows == [["Session", "Actions", "Budget"],
                    ["Coastal innovation camp: Kurzeme × Klaipėda", "4",
                     "€169,000 (1 action has no budget)"],
                    ["Klaipėda ports workshop", "3", "€15,500 (1 action has no budget)"],
                    ["All sessions", "7", "€184,500 (2 actions have no budget)"]]
    plan = table_rows(find_table(handbook, "Action"))
    assert plan[1] == ["Coastal innovation camp: Kurzeme × Klaipėda"] * 10
    assert plan[6] == ["Klaipėda ports workshop"] * 10


def test_open_issues_name_parking_lot_open_votes_and_overdue_actions(handbook: Any) -> None:
    text = body_text(handbook)
    assert "Ask the ministries about the Rail Baltica feeder lines." in text
    votes = _theme_table(handbook, "Votes still open (provisional results)")
    assert [row[:2] for row in votes[1:]] == [
        ["Coastal innovation camp: Kurzeme × Klaipėda", "Rank the quick wins for 2027"],
        ["Klaipėda ports workshop", "Which cross-border strategy should we pursue first?"]]
    assert all(row[3].endswith("(provisional: the vote is still open)") for row in votes[1:])
    late = _theme_table(handbook, "Actions past their due date (2027-06-01)")
    assert [row[:2] for row in late[1:]] == [
        ["Feasibility study: offshore wind service base",
         "Coastal innovation camp: Kurzeme × Klaipėda"],
        ["Cruise day-trip package", "Klaipėda ports workshop"],
        ["Guide training in Latvian", "Klaipėda ports workshop"]]  # the done one is left out


def test_options_override_the_title_subtitle_and_introduction(tmp_path: Path) -> None:
    options = HandbookOptions(title="Amber Coast 2030", subtitle="What we agreed",
                              introduction="Our own words.")
    document = open_docx(write_handbook(three_sessions()[:1], tmp_path / "h.docx",
                                        profile=PROFILE, options=options))
    assert headings(document)[0] == ("Title", "Amber Coast 2030")
    assert "What we agreed" in body_text(document) and "Our own words." in body_text(document)
    assert "Three sessions brought planners" not in body_text(document)
    assert ("Heading 1", "The session") in headings(document)


def test_without_a_profile_the_sessions_follow_the_contents_on_a_new_page(
        tmp_path: Path) -> None:
    document = open_docx(write_handbook(three_sessions(), tmp_path / "h.docx"))
    assert "Introduction" not in [text for _style, text in headings(document)]
    broken = [_text(p) for p in document.element.body.iter(qn("w:p"))
              if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None]
    assert broken == ["The 3 sessions", "SWOT by theme"]
    subtitle = next(p.text for p in document.paragraphs if p.style.name == "Subtitle")
    assert subtitle == ("Liepāja (Kurzeme / Klaipėda), Klaipėda, Ventspils (Kurzeme) · "
                        "1 December 2026 – 20 September 2027")


# ---------------------------------------------------------------- themes


def test_same_tag_ignores_case_spaces_hyphens_and_diacritics() -> None:
    assert same_tag(" Tūrisms ") == same_tag("turisms") == same_tag("TU-RISMS")
    assert same_tag("Švietimas") == "svietimas" and same_tag("young people") == "youngpeople"
    assert same_tag("ports") != same_tag("port")


def test_a_themes_file_replaces_the_built_in_themes(tmp_path: Path) -> None:
    path = tmp_path / "themes.json"
    path.write_text(json.dumps({"Sea": ["Ports", "uostai", "Jūra"]}), encoding="utf-8")
    themes = load_themes(path)
    assert themes.group(["OSTAS", "Uostai", "jura", "Tourism"]) == {
        "OSTAS": "OSTAS", "Uostai": "Sea", "jura": "Sea", "Tourism": "Tourism"}
    assert ThemeMap({"Tourism": ["turizmas"]}).theme_of("TURIZMAS") == "Tourism"


@pytest.mark.parametrize(("text", "message"), [
    ("{", "not JSON"), ("[]", "must be an object"),
    ('{"Sea": "ports"}', "theme 'Sea' must map to a list of tags")])
def test_a_bad_themes_file_names_itself(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "themes.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExportError, match=message) as error:
        load_themes(path)
    assert str(path) in str(error.value)


# ---------------------------------------------------------------- command line


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_takes_title_intro_and_themes_and_the_data_homes_themes_file(
        store: SessionStore, home: Path, tmp_path: Path) -> None:
    for session in three_sessions():
        store.save_whole(session)
    intro = tmp_path / "intro.md"
    intro.write_text("Written for the partners.\n", encoding="utf-8")
    (home / "tag_themes.json").write_text(json.dumps({"Coast": ["tourism", "ports"]}),
                                          encoding="utf-8")
    out = tmp_path / "h.docx"
    ids = ["coast-camp", "klaipeda-workshop", "ventspils-conference"]
    result = _run("handbook", *ids, "-o", str(out), "--title", "Amber Coast",
                  "--subtitle", "2026–2027", "--intro", str(intro))
    assert result.exit_code == 0, result.output
    document = open_docx(out)
    assert headings(document)[0] == ("Title", "Amber Coast")
    assert "Written for the partners." in body_text(document)
    # the data home's file: only `tourism` and `ports` make "Coast"; Latvian tags stay apart
    assert ("Heading 2", "Coast (7)") in headings(document)
    assert ("Heading 2", "Tūrisms (1)") in headings(document)
    themes = tmp_path / "themes.json"
    themes.write_text(json.dumps({"Tourism": ["Tūrisms", "turizmas", "tourism"]}),
                      encoding="utf-8")
    assert _run("handbook", *ids, "-o", str(out), "--themes", str(themes)).exit_code == 0
    assert ("Heading 2", "Tourism (6)") in headings(open_docx(out))


def test_cli_refuses_a_bad_themes_or_intro_file_in_one_line(
        store: SessionStore, tmp_path: Path) -> None:
    store.save_whole(three_sessions()[0])
    bad = tmp_path / "themes.json"
    bad.write_text("{oops", encoding="utf-8")
    result = subprocess.run(["smartplan", "handbook", "coast-camp", "-o", str(tmp_path / "h.docx"),
                             "--themes", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"smartplan: error: themes file {bad}: not JSON")
    assert len(result.stderr.splitlines()) == 1
    latin1 = tmp_path / "intro.txt"
    latin1.write_bytes("Liepāja".encode("utf-16"))
    result = subprocess.run(["smartplan", "handbook", "coast-camp", "-o", str(tmp_path / "h.docx"),
                             "--intro", str(latin1)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == f"smartplan: error: introduction {latin1}: not UTF-8 text\n"


# ---------------------------------------------------------------- as LibreOffice prints it


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
def test_libreoffice_prints_the_contents_and_leaves_no_page_nearly_empty(written: Path,
                                                                         tmp_path: Path) -> None:
    from smartplan_tui.exports.pdf import convert_to_pdf

    copy = tmp_path / "handbook.docx"
    shutil.copy(written, copy)
    pdf = convert_to_pdf(copy, tmp_path)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    contents = pages[0]
    for entry in ("Introduction", "The 3 sessions", "SWOT by theme", "Tourism (6)",
                  "Action plan", "Open issues"):
        assert entry in contents
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    # header and footer are 3 lines; every page but the last holds at least 12 lines of text
    assert min(lines[:-1]) >= 15, lines
