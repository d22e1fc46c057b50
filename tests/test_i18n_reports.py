"""Every report in its session's language: Word, Markdown, the attendance list and the CSV
(which keeps its machine columns in every language), dates and numbers in each language's own
form, `w:lang` on the text, and `--lang` overriding the session's language."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx_readback import body_text, find_table, headings, open_docx, table_rows
from lxml import etree
from session_factory import rich_session
from typer.testing import CliRunner

from smartplan_tui import dates, labels
from smartplan_tui.cli import app
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.export_formats import FORMATS
from smartplan_tui.exports import content, digest
from smartplan_tui.i18n import writing_in
from smartplan_tui.model import Participant, Quadrant, Session, TowsType
from smartplan_tui.numbers import format_column, format_money, format_number
from smartplan_tui.store import SessionStore

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _in(language: str) -> Session:
    session = rich_session()
    return replace(session, info=replace(session.info, language=language))


def _write(session: Session, fmt: str, path: Path, language: str | None = None) -> Path:
    return FORMATS[fmt].write(session, path, language=language)


def _proofing_language(path: Path) -> str | None:
    with zipfile.ZipFile(path) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    found = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return None if found is None else found.get(f"{W}val")


def _footer_text(path: Path) -> str:
    """The first page footer's text, page numbers as Word's placeholder results (`1`)."""
    return "\n".join(p.text for p in open_docx(path).sections[0].footer.paragraphs)


def _cells(document: Any) -> str:
    """The text of every table cell, one per line."""
    return "\n".join(cell.text for table in document.tables for row in table.rows
                     for cell in row.cells)


def _rows_of_table_with(document: Any, text: str) -> list[list[str]]:
    """The rows of the first table one of whose cells starts with `text`."""
    return next(table_rows(table) for table in document.tables
                if any(cell.text.startswith(text) for row in table.rows for cell in row.cells))


def _tops(document: Any) -> list[str]:
    return [text for style, text in headings(document) if style == "Heading 1"]


def test_a_lithuanian_session_gives_a_lithuanian_report(tmp_path: Path) -> None:
    path = _write(_in("lt"), "docx", tmp_path / "lt.docx")
    document = open_docx(path)
    tops = _tops(document)
    assert tops[:4] == ["Santrauka", "Darbotvarkė", "Dalyviai", "SSGG"]
    assert "Veiksmų planas" in tops and "Balsavimo rezultatai" in tops
    text = body_text(document)
    assert "Data: 2026 m. gruodžio 1 d." in text
    assert "Rūšis: Inovacijų stovykla" in text
    for quadrant in ("Stiprybės (2)", "Silpnybės (2)", "Galimybės (2)", "Grėsmės (2)"):
        assert quadrant in _cells(document)
    assert "Bendras biudžetas: 14\u00a0500,50\u00a0€ (1 veiksmas neturi biudžeto)" in text
    plan = table_rows(find_table(document, "Veiksmas"))
    assert plan[0][:3] == ["Veiksmas", "Prioritetas", "Atsakingas"]
    assert plan[1][4] == "2027-01-10 → 2027-06-30" and plan[1][5] == "12\u00a0000\u00a0€"
    assert plan[1][8] == "vykdoma" and plan[2][4] == "iki 2027-03-01"
    tows = table_rows(find_table(document, "Tipas"))
    assert tows[1][0] == "SO (Stiprybės–Galimybės)"
    assert _footer_text(path).endswith("1 psl. iš 1")
    assert _proofing_language(path) == "lt-LT"


def test_a_latvian_session_gives_a_latvian_report(tmp_path: Path) -> None:
    path = _write(_in("lv"), "docx", tmp_path / "lv.docx")
    document = open_docx(path)
    assert _tops(document)[:4] == ["Kopsavilkums", "Darba kārtība", "Dalībnieki", "SVID"]
    text = body_text(document)
    assert "Datums: 2026. gada 1. decembris" in text
    assert "Stiprās puses (2)" in _cells(document) and "Vājās puses (2)" in _cells(document)
    assert "Metode: Balsošana ar punktiem" in text and "Statuss: slēgts" in text
    assert "4 dalībnieki: Latvija 2, Lietuva 1, Zviedrija 1" in text
    plan = _rows_of_table_with(document, "Apply for Interreg funding")
    assert plan[2][4] == "līdz 01.03.2027." and plan[1][5] == "12\u00a0000\u00a0€"
    assert _proofing_language(path) == "lv-LV"


def test_lang_en_on_a_lithuanian_session_writes_english(tmp_path: Path, home: Path) -> None:
    SessionStore(home).save_whole(_in("lt"))
    target = tmp_path / "en.docx"
    result = CliRunner().invoke(app, ["--home", str(home), "export", "coast-camp", "--format",
                                      "docx", "-o", str(target), "--lang", "en"])
    assert result.exit_code == 0, result.output
    document = open_docx(target)
    assert _tops(document)[:4] == ["Summary", "Agenda", "Participants", "SWOT"]
    assert "Date: 1 December 2026" in body_text(document)
    assert _proofing_language(target) == "en-GB"
    assert _footer_text(target).endswith("Page 1 of 1")
    latvian = tmp_path / "lv.docx"
    assert CliRunner().invoke(app, ["--home", str(home), "export", "coast-camp", "--format",
                                    "docx", "-o", str(latvian), "--lang", "lv"]).exit_code == 0
    assert _tops(open_docx(latvian))[0] == "Kopsavilkums"
    assert _proofing_language(latvian) == "lv-LV"
    without = tmp_path / "lt.docx"
    assert CliRunner().invoke(app, ["--home", str(home), "export", "coast-camp", "--format",
                                    "docx", "-o", str(without)]).exit_code == 0
    assert _proofing_language(without) == "lt-LT"
    assert _tops(open_docx(without))[0] == "Santrauka"


def test_handbook_lang_overrides_the_sessions_language(tmp_path: Path, home: Path) -> None:
    SessionStore(home).save_whole(_in("en"))
    target = tmp_path / "h.docx"
    result = CliRunner().invoke(app, ["--home", str(home), "handbook", "coast-camp", "-o",
                                      str(target), "--lang", "lt"])
    assert result.exit_code == 0, result.output
    assert "Veiksmų planas" in _tops(open_docx(target))
    assert _proofing_language(target) == "lt-LT"


def test_lang_must_be_one_of_ours(home: Path) -> None:
    SessionStore(home).save_whole(_in("lt"))
    result = CliRunner().invoke(app, ["--home", str(home), "export", "coast-camp", "--format",
                                      "md", "--lang", "de"])
    assert result.exit_code != 0 and "'de' is not one of en, lv, lt" in result.output


def test_the_markdown_report_in_latvian(tmp_path: Path) -> None:
    text = _write(_in("lv"), "md", tmp_path / "lv.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "## SVID" in lines and "### Stiprās puses (2)" in lines and "### Draudi (2)" in lines
    assert "## Rīcības plāns" in lines and "### SMART nepilnības" in lines
    assert "**Datums:** 2026. gada 1. decembris  " in lines
    assert any(line.startswith("**Metode:** Borda skaitīšana · **Saskaitītie biļeteni:** 3")
               for line in lines)
    assert "| Vieta | Variants | Teksts | Punkti |" in lines
    assert "nav apraksta" in text and "no description" not in text
    assert "## Summary" not in lines


def test_the_csv_is_the_same_in_every_language(tmp_path: Path) -> None:
    def files(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    english = files(_write(_in("en"), "csv", tmp_path / "en.zip"))
    for language in ("lv", "lt"):
        spoken = files(_write(_in(language), "csv", tmp_path / f"{language}.zip",
                              language=language))
        assert spoken.keys() == english.keys()
        for name, data in english.items():
            if name != "session.csv":  # its language column says which one it was
                assert spoken[name] == data, name
    swot = list(csv.reader(io.StringIO(english["swot.csv"].decode("utf-8-sig"))))
    assert swot[0] == ["id", "Code", "Quadrant", "Item", "Tags", "Author"]
    assert swot[1][:3] == ["s1", "S1", "Strengths"]
    plan = list(csv.reader(io.StringIO(english["actions.csv"].decode("utf-8-sig"))))
    assert [plan[1][i] for i in (7, 8, 12)] == ["2027-06-30", "12000", "in-progress"]


def test_the_attendance_list_in_lithuanian(tmp_path: Path) -> None:
    path = _write(_in("lt"), "attendance", tmp_path / "a.docx")
    document = open_docx(path)
    header = table_rows(document.tables[-1])[0]
    assert header == ["Nr.", "Vardas", "Organizacija", "Šalis", "Sutikimas", "Parašas"]
    text = body_text(document)
    assert "Pasirašydamas (-a) patvirtinu, kad dalyvavau" in text
    assert "Data: 2026 m. gruodžio 1 d." in text
    assert "Sutikimas: Dalyvavimas: Mano vardas, pavardė, organizacija ir parašas" in text
    assert "attendance:" not in text and "photos:" not in text
    subject = document.core_properties.subject
    assert subject.startswith("Dalyvių sąrašas") and "inovacijų stovykla „Coastal" in subject
    assert _proofing_language(path) == "lt-LT"


@pytest.mark.parametrize(("language", "number", "money", "column"), [
    ("en", "1,234.5", "€12,500", ["1.50", "2.00"]),
    ("lv", "1\u00a0234,5", "12\u00a0500\u00a0€", ["1,50", "2,00"]),
    ("lt", "1\u00a0234,5", "12\u00a0500\u00a0€", ["1,50", "2,00"]),
])
def test_numbers_in_each_language(language: str, number: str, money: str,
                                  column: list[str]) -> None:
    with writing_in(language):
        assert format_number(1234.5, grouped=True) == number
        assert format_money(12500) == money
        assert format_column([1.5, 2]) == column
        assert format_number(2.996) == "3" and format_number(1234) == "1234"


@pytest.mark.parametrize(("language", "day", "days", "months", "short"), [
    ("en", "1 December 2026", "1–2 December 2026", "30 November 2026 – 1 December 2026",
     "2027-03-01"),
    ("lv", "2026. gada 1. decembris", "2026. gada 1.–2. decembris",
     "2026. gada 30. novembris – 2026. gada 1. decembris", "01.03.2027."),
    ("lt", "2026 m. gruodžio 1 d.", "2026 m. gruodžio 1–2 d.",
     "2026 m. lapkričio 30 d. – 2026 m. gruodžio 1 d.", "2027-03-01"),
])
def test_dates_in_each_language(language: str, day: str, days: str, months: str,
                                short: str) -> None:
    with writing_in(language):
        assert dates.long_date(date(2026, 12, 1)) == day
        assert dates.date_range(date(2026, 12, 1), date(2026, 12, 2)) == days
        assert dates.date_range(date(2026, 11, 30), date(2026, 12, 1)) == months
        assert dates.short_date(date(2027, 3, 1)) == short


def test_the_planners_words_for_swot_and_tows() -> None:
    with writing_in("lv"):
        assert labels.swot_name() == "SVID"
        assert [labels.quadrant_name(q) for q in Quadrant] == [
            "Stiprās puses", "Vājās puses", "Iespējas", "Draudi"]
        assert labels.tows_type_label(TowsType.SO) == "SO (Stiprās puses–Iespējas)"
    with writing_in("lt"):
        assert labels.swot_name() == "SSGG"
        assert [labels.quadrant_name(q) for q in Quadrant] == [
            "Stiprybės", "Silpnybės", "Galimybės", "Grėsmės"]
        assert labels.tows_type_label(TowsType.WT) == "WT (Silpnybės–Grėsmės)"
        assert labels.method_name(rich_session().votes[2].method) == "Balsavimas balais"


@pytest.mark.parametrize(("language", "counts"), [
    ("en", ["1 participant", "3 participants", "10 participants", "21 participants"]),
    ("lv", ["1 dalībnieks", "3 dalībnieki", "10 dalībnieki", "21 dalībnieks"]),
    ("lt", ["1 dalyvis", "3 dalyviai", "10 dalyvių", "21 dalyvis"]),
])
def test_counts_take_the_plural_of_their_language(language: str, counts: list[str]) -> None:
    session = rich_session()
    found = []
    for n in (1, 3, 10, 21):
        people = tuple(Participant(f"p{i}", f"Person {i}") for i in range(n))
        with writing_in(language):
            found.append(digest.who_came(replace(session, participants=people))[0])
    assert found == counts


def test_smart_gaps_and_budgets_speak_the_report_language() -> None:
    session = rich_session()
    with writing_in("lt"):
        plan, gaps = content.action_rows(session)
        assert plan.headers[0] == "Veiksmas" and plan.rows[1][8] == "planuojama"
        assert dict(gaps)["Rail lobby letter"] == (
            "S: nėra aprašymo; M: nėra nei rodiklio, nei siektinos reikšmės")
        assert content.budget_total(session.actions) == (
            "14\u00a0500,50\u00a0€ (1 veiksmas neturi biudžeto)")
    with writing_in("lv"):
        assert content.budget_total(session.actions[1:]) == (
            "2\u00a0500,50\u00a0€ (1 pasākumam nav budžeta)")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
@pytest.mark.parametrize("language", ["lt", "lv"])
@pytest.mark.parametrize("fmt", ["docx", "attendance"])
def test_longer_headers_break_no_word_in_libreoffice(demo_store: SessionStore, tmp_path: Path,
                                                     language: str, fmt: str) -> None:
    from test_exports_libreoffice import WORD, _convert, _pdf_words, _table_words

    session = demo_store.load(DEMO_ID)
    docx = _write(session, fmt, tmp_path / f"{language}.docx", language=language)
    printed = _pdf_words(_convert(docx))
    with writing_in(language):
        names = [*content.headers(*content.ACTION_HEADERS, *content.PARTICIPANT_HEADERS),
                 *(labels.tows_type_label(kind) for kind in TowsType)]
    wanted = {w for p in session.participants for w in WORD.findall(f"{p.name} {p.organisation}")}
    wanted |= {w for name in names for w in WORD.findall(name)}
    in_tables = _table_words(docx)
    assert any(in_tables[w] for w in wanted if w not in {"SO", "ST", "WO", "WT"})
    broken = sorted(w for w in wanted if in_tables[w] and printed[w] < in_tables[w])
    assert broken == [], f"broken across lines in the PDF: {broken}"
