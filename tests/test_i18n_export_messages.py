"""What an export says to the person running it, and what its documents say to their readers,
in Latvian and Lithuanian: errors and progress in the interface language, every report text
(captions, the annex, merged items, themes, SMART gaps, properties) in the report's."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx_readback import body_text, find_table, headings, open_docx, table_rows
from session_factory import rich_session

from smartplan_tui.demo import demo_session
from smartplan_tui.exports import (
    ExportError,
    pdf,
    write_attendance,
    write_handbook,
    write_pdf,
    write_report,
)
from smartplan_tui.exports.handbook import HandbookOptions
from smartplan_tui.exports.tag_themes import load_themes
from smartplan_tui.i18n import set_interface_language, writing_in
from smartplan_tui.model import Origin, ProjectProfile, Session
from smartplan_tui.store import SessionStore
from smartplan_tui.text import and_list

LOCALE_VARIABLES = ("SMARTPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
LONG_TEXT = "Ostas bez ledus visu gadu, un to krasti un dziļums ļauj uzņemt lielus kuģus. " * 8


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def _camp(language: str = "en") -> Session:
    """The demo camp with a long SWOT text (it goes to the annex) made of two merged items."""
    session = demo_session()
    first, *rest = session.swot
    merged = dataclasses.replace(first, text=LONG_TEXT, merged_from=(
        Origin("s90", "Ostas bez ledus", "Kristaps Ozoliņš"), Origin("s91", "Ice-free ports")))
    return dataclasses.replace(session, swot=(merged, *rest),
                               info=dataclasses.replace(session.info, language=language))


def _not_a_template(tmp_path: Path) -> Path:
    bad = tmp_path / "letter.docx"
    bad.write_text("Dear planners,", encoding="utf-8")
    return bad


def test_a_bad_template_is_refused_in_latvian_on_the_command_line(demo_store: SessionStore,
                                                                  tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    target = tmp_path / "out.docx"
    run = subprocess.run(
        [sys.executable, "-m", "smartplan_tui", "--home", str(demo_store.home), "--lang", "lv",
         "export", "coast-camp", "--format", "docx", "--template",
         str(_not_a_template(tmp_path)), "--output", str(target)],
        capture_output=True, text=True, env=clean, timeout=120)
    assert run.returncode == 1
    line = run.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert "veidne " in line and "letter.docx: nav Word .docx vai .dotx fails" in line
    assert "not a Word" not in line
    assert not target.exists()


def test_errors_speak_the_interface_language_while_the_report_is_in_another(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_interface_language("lt")
    with pytest.raises(ExportError) as caught:
        write_report(_camp("lv"), tmp_path / "r.docx", template=tmp_path / "missing.docx")
    assert str(caught.value) == f"šablonas {tmp_path / 'missing.docx'}: tokio failo nėra"
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(ExportError) as caught:
        write_pdf(_camp("lv"), tmp_path / "r.pdf")
    assert str(caught.value).startswith("PDF kurti reikia LibreOffice: įdiekite jį")


def test_a_file_that_cannot_be_written_is_said_in_latvian_with_the_systems_reason(
        tmp_path: Path) -> None:
    set_interface_language("lv")
    target = tmp_path / "no-such-folder" / "r.docx"
    with pytest.raises(ExportError) as caught:
        write_report(_camp("lt"), target)
    assert str(caught.value) == f"nevar ierakstīt {target}: nav tāda faila vai mapes"


def test_a_logo_that_is_no_image_is_refused_in_latvian(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_text("not a picture", encoding="utf-8")
    set_interface_language("lv")
    with pytest.raises(ExportError) as caught:
        write_attendance(_camp("lt"), tmp_path / "a.docx",
                         profile=ProjectProfile(project="Coast", logos=(str(logo),)))
    assert str(caught.value).startswith(f"logotips {logo}: nav attēls, ko Word var parādīt (")
    assert not (tmp_path / "a.docx").exists()


def test_progress_speaks_the_interface_language(tmp_path: Path) -> None:
    set_interface_language("lv")
    seen: list[str] = []
    write_report(_camp("lt"), tmp_path / "r.docx", progress=lambda _, what: seen.append(what))
    assert seen[-2:] == ["saglabā", "saglabāts"]
    assert "Darba kārtība" in seen and "Darbotvarkė" not in seen
    assert "Santrauka" in body_text(open_docx(tmp_path / "r.docx"))  # the report: Lithuanian


def test_a_latvian_report_captions_its_figures_and_names_its_annex_in_latvian(
        tmp_path: Path) -> None:
    document = open_docx(write_report(_camp("lv"), tmp_path / "r.docx"))
    text = body_text(document)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].endswith(". attēls: Which cross-border strategy should we pursue first? "
                                "— Balsošana ar punktiem")
    assert "A pielikums: garie teksti pilnā apjomā" in [title for _, title in headings(document)]
    swot = "\n".join(cell.text for table in document.tables for row in table.rows
                     for cell in row.cells)
    assert "(sk. pielikumu A.1)" in swot
    assert "apvienots no: “Ostas bez ledus” (Kristaps Ozoliņš); “Ice-free ports”" in swot
    assert "T: termiņš 01.02.2027. nav pēc sākuma 01.03.2027." in text
    assert document.core_properties.comments == "Sagatavots ar SmartPlan"
    for english in ("Figure", "Annex", "merged from", "see Annex", "is not after"):
        assert english not in text and english not in swot


def test_a_lithuanian_report_quotes_and_ends_its_sentences_as_lithuanian_does(
        tmp_path: Path) -> None:
    document = open_docx(write_report(_camp("lt"), tmp_path / "r.docx"))
    subject = document.core_properties.subject
    assert subject.endswith("2026 m. gruodžio 1 d.") and not subject.endswith("..")
    assert document.core_properties.comments == "Parengta su SmartPlan"
    cells = "\n".join(cell.text for table in document.tables for row in table.rows
                      for cell in row.cells)
    assert "sujungta iš: „Ostas bez ledus“ (Kristaps Ozoliņš); „Ice-free ports“" in cells


def test_several_names_are_joined_by_the_reports_and() -> None:
    with writing_in("lv"):
        assert and_list(["C", "A", "B"]) == "C, A un B"
    with writing_in("lt"):
        assert and_list(["C", "A"]) == "C ir A"
    assert and_list(["C", "A"]) == "C and A"


def test_the_handbook_names_the_built_in_themes_in_its_language(tmp_path: Path) -> None:
    for language, theme, header in (("lv", "Ostas", "Tēma"), ("lt", "Uostai", "Tema")):
        document = open_docx(write_handbook([_camp()], tmp_path / f"{language}.docx",
                                            language=language))
        assert (theme + " (3)") in [title for _, title in headings(document)]
        rows = table_rows(find_table(document, header))
        assert [theme, "1", "0", "1", "1", "1"] in rows
        assert "Ports" not in [row[0] for row in rows]


def test_a_themes_files_own_names_are_kept_as_written(tmp_path: Path) -> None:
    themes = tmp_path / "themes.json"
    themes.write_text(json.dumps({"Ports": ["ports", "ostas"]}), encoding="utf-8")
    document = open_docx(write_handbook(
        [_camp()], tmp_path / "h.docx", language="lv",
        options=HandbookOptions(themes=load_themes(themes))))
    assert "Ports (3)" in [title for _, title in headings(document)]


def test_an_attendance_list_too_wide_for_portrait_pages_turns_landscape(tmp_path: Path) -> None:
    camp = _camp("lv")
    two_days = dataclasses.replace(camp, info=dataclasses.replace(
        camp.info, end_date=camp.info.date + timedelta(days=1)
        if camp.info.date else date(2026, 12, 2)))
    wide = ProjectProfile(attendance_columns=("email", "organisation type"))
    document = open_docx(write_attendance(two_days, tmp_path / "wide.docx", profile=wide))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.LANDSCAPE]
    header = table_rows(find_table(document, "Nr."))[0]
    assert header[-2:] == ["Paraksts 1. dec.", "Paraksts 2. dec."]
    narrow = docx.Document(str(write_attendance(camp, tmp_path / "narrow.docx")))
    assert [s.orientation for s in narrow.sections] == [WD_ORIENT.PORTRAIT]


def test_consent_purposes_read_as_sentences(tmp_path: Path) -> None:
    document = open_docx(write_attendance(_camp("lv"), tmp_path / "a.docx"))
    consent = next(p.text for p in document.paragraphs if p.text.startswith("Piekrišana: "))
    assert "Dalība: " in consent and ".;" not in consent and ". Fotogrāfijas: " in consent


def test_a_score_votes_default_criteria_are_named_in_the_reports_language(
        tmp_path: Path) -> None:
    session = rich_session()
    session = dataclasses.replace(session, info=dataclasses.replace(session.info, language="lt"))
    document = open_docx(write_report(session, tmp_path / "r.docx"))
    assert table_rows(find_table(document, "Variantas"))[0] == [
        "Variantas", "Tekstas", "poveikis", "įgyvendinamumas", "Klasė"]
    assert "A: poveikis 4,5, įgyvendinamumas 4 → 4,25" in body_text(document)
    assert "impact" not in body_text(document)


def test_a_tie_is_explained_without_the_machine_name_of_its_rule(tmp_path: Path) -> None:
    session = rich_session()
    session = dataclasses.replace(session, info=dataclasses.replace(session.info, language="lv"))
    text = body_text(open_docx(write_report(session, tmp_path / "r.docx")))
    assert "Vienādi: B = C. Vienādie rezultāti paliek: vienādo noteikums tos atstāj vienādus." in text
    assert "report)" not in text
