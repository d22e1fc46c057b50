"""One list of export formats for the command line and the app, and one list of report sections
for the Word and the Markdown report: each format written for real and read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx_readback import body_text, headings, open_docx
from session_factory import rich_session
from textual.widgets import Input, OptionList, Select
from tui_support import settle, toasts
from typer.testing import CliRunner

from smartplan_tui.app import make_app
from smartplan_tui.cli import app as cli_app
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.export_formats import FORMATS
from smartplan_tui.exports import write_markdown, write_report
from smartplan_tui.exports.sections import REPORT_SECTIONS
from smartplan_tui.screens.export import ExportScreen, retarget
from smartplan_tui.store import SessionStore, session_to_document

runner = CliRunner()


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli_app, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


PDF_HEADINGS = {s.heading for s in REPORT_SECTIONS if s.heading}
NEEDS_LIBREOFFICE = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="the PDF format needs LibreOffice (soffice) and poppler (pdftotext) installed")


def _formats() -> list[object]:
    return [pytest.param(kind, marks=NEEDS_LIBREOFFICE) if kind == "pdf" else kind
            for kind in FORMATS]


def read_back(kind: str, path: Path) -> object:
    """What a reader of the file sees, enough to tell the formats apart."""
    if kind in ("docx", "attendance"):
        return [text for style, text in headings(open_docx(path)) if style == "Heading 1"]
    if kind == "pdf":
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        return [line.strip() for line in text.splitlines() if line.strip() in PDF_HEADINGS]
    if kind == "md":
        return [line[3:] for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")]
    if kind == "csv":
        with zipfile.ZipFile(path) as archive:
            rows = list(csv.reader(io.StringIO(archive.read("participants.csv")
                                               .decode("utf-8-sig"))))
            return sorted(archive.namelist()), rows[1][1]
    return json.loads(path.read_text(encoding="utf-8"))


def expected(kind: str, store: SessionStore) -> object:
    report = [s.heading for s in REPORT_SECTIONS if s.heading]
    session = store.load(DEMO_ID)
    return {"docx": report, "md": report, "pdf": report, "attendance": ["Attendance list"],
            "csv": (["actions.csv", "agenda.csv", "notes.csv", "participants.csv",
                     "session.csv", "swot.csv", "tows.csv", "vote_results.csv"],
                    session.participants[0].name),
            "json": session_to_document(session)}[kind]


# ------------------------------------------------------------------ the command line


def test_the_command_line_offers_exactly_the_registry(home: Path) -> None:
    code, out, _ = _cli(home, "export", "--help")
    assert code == 0
    assert f"--format {'|'.join(FORMATS)}" in " ".join(out.split())
    assert next(iter(FORMATS)) == "json" and {"docx", "attendance", "md", "csv"} <= set(FORMATS)


@pytest.mark.parametrize("bad", ["odt", "DOCX", ""])
def test_an_unknown_format_is_a_one_line_usage_error(home: Path, demo_store: SessionStore,
                                                     bad: str) -> None:
    code, _, err = _cli(home, "export", DEMO_ID, "--format", bad)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{bad!r} is not one of {', '.join(FORMATS)}" in err


@pytest.mark.parametrize("kind", _formats())
def test_every_format_is_written_by_the_command_line_under_its_own_name(
        home: Path, demo_store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["-o", f"{DEMO_ID}.json"] if kind == "json" else []  # json alone goes to stdout
    code, out, err = _cli(home, "export", DEMO_ID, "--format", kind, *args)
    assert (code, err) == (0, "")
    written = tmp_path / FORMATS[kind].file_name(DEMO_ID)
    assert out.strip() == written.name
    assert read_back(kind, written) == expected(kind, demo_store)


def test_json_goes_to_stdout_without_an_output(home: Path, demo_store: SessionStore) -> None:
    code, out, _ = _cli(home, "export", DEMO_ID)
    assert code == 0
    assert json.loads(out) == session_to_document(demo_store.load(DEMO_ID))


@pytest.mark.parametrize("kind", ["md", "csv", "json"])
def test_a_template_is_refused_for_formats_that_take_none(home: Path, demo_store: SessionStore,
                                                          tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    code, _, err = _cli(home, "export", DEMO_ID, "--format", kind, "-o", str(target),
                        "--template", str(tmp_path / "t.docx"))
    assert code == 1 and err.count("\n") == 1
    assert f"--template: only docx, attendance and pdf take a template, not {kind}" in err
    assert not target.exists()


# ------------------------------------------------------------------ the app


async def _export_from_the_app(home: Path, kind: str, folder: Path) -> tuple[str, Path]:
    """Choose `kind` in the app's export dialog, keep the file name it offers, export."""
    app = make_app(home, DEMO_ID)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one(Select).action_show_overlay()  # the list a user opens
        await settle(pilot)
        shown = dialog.query_one(OptionList)
        labels = [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]
        await pilot.press("escape")
        await settle(pilot)
        path_input = dialog.query_one("#export-path", Input)
        path_input.value = str(folder / FORMATS["docx"].file_name(DEMO_ID))
        dialog.query_one(Select).value = kind
        await settle(pilot)
        offered = Path(path_input.value)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert toasts(app) == [f"Exported\nSaved to {offered.resolve()}"], toasts(app)
    return "\n".join(labels), offered


@pytest.mark.parametrize("kind", _formats())
async def test_the_app_offers_and_writes_every_format(demo_store: SessionStore, tmp_path: Path,
                                                      kind: str) -> None:
    labels, written = await _export_from_the_app(demo_store.home, kind, tmp_path)
    assert labels.splitlines() == [f.label for f in FORMATS.values()]
    assert written == tmp_path / FORMATS[kind].file_name(DEMO_ID)
    assert read_back(kind, written) == expected(kind, demo_store)


async def test_the_app_and_the_command_line_write_the_same_file(
        demo_store: SessionStore, tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "cli").mkdir()
    for kind in ("md", "json"):
        _, from_app = await _export_from_the_app(demo_store.home, kind, tmp_path / "app")
        from_cli = tmp_path / "cli" / from_app.name
        assert _cli(demo_store.home, "export", DEMO_ID, "--format", kind, "-o",
                    str(from_cli))[0] == 0
        assert from_app.read_bytes() == from_cli.read_bytes()


def test_changing_format_renames_only_a_name_the_dialog_made() -> None:
    report, attendance, markdown = FORMATS["docx"], FORMATS["attendance"], FORMATS["md"]
    assert retarget(Path("out/camp-report.docx"), attendance) == Path("out/camp-attendance.docx")
    assert retarget(Path("camp-attendance.docx"), markdown) == Path("camp.md")
    assert retarget(Path("camp.docx"), markdown) == Path("camp.md")
    assert retarget(Path("camp.md"), report) == Path("camp-report.docx")
    assert retarget(Path("minutes.txt"), report) == Path("minutes.txt")


# ------------------------------------------------------------------ one list of report sections


def test_word_and_markdown_walk_the_same_sections(tmp_path: Path) -> None:
    session = rich_session()
    word = headings(open_docx(write_report(session, tmp_path / "r.docx")))
    markdown = write_markdown(session, tmp_path / "r.md").read_text(encoding="utf-8")
    md_headings = [(line.count("#", 0, 3), line.lstrip("# ")) for line in markdown.splitlines()
                   if line.startswith("#")]
    level = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
    assert [(level[style], text) for style, text in word
            if style != "Heading 2" or text in {v.question for v in session.votes}] == [
        (n, text) for n, text in md_headings
        if n < 3 or text in {v.question for v in session.votes}]
    tops = [text for n, text in md_headings if n == 2]
    assert tops == [s.heading for s in REPORT_SECTIONS if s.heading]


def test_both_reports_leave_out_the_same_empty_sections(tmp_path: Path) -> None:
    from smartplan_tui.model import Note, NoteKind, Session, SessionInfo

    note = Note("n1", datetime(2026, 12, 1, 10, 0, tzinfo=UTC), "Ask the ministry",
                kind=NoteKind.PARKING_LOT)
    sparse = Session(SessionInfo("sparse", "Sparse"), notes=(note,))
    markdown = write_markdown(sparse, tmp_path / "e.md").read_text(encoding="utf-8")
    word = open_docx(write_report(sparse, tmp_path / "e.docx"))
    expected = ["Notes and decisions", "Next steps"]
    assert [text for style, text in headings(word) if style == "Heading 1"] == expected
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == expected
    for section in REPORT_SECTIONS:
        if section.empty:
            assert section.empty not in markdown and section.empty not in body_text(word)
