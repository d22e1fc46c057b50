"""The export dialog: closes once the file is written, offers the last folder, never the
working directory or the data home."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input
from tui_support import settle, toasts

from smartplan_tui.app import make_app
from smartplan_tui.screens.export import ExportScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.store import SessionStore


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Documents folder of the test's own, and a working directory that is not it."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(folder))
    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return folder


async def _offered_path(home: Path) -> str:
    """The file the export dialog offers when it opens, in a fresh app."""
    app = make_app(home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        return app.screen.query_one("#export-path", Input).value


async def test_the_first_export_is_offered_in_documents_not_the_working_directory(
        demo_store: SessionStore, documents: Path) -> None:
    offered = Path(await _offered_path(demo_store.home))
    assert offered == documents / "coast-camp-report.docx"


async def test_without_documents_the_home_folder_is_offered(
        demo_store: SessionStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "none"))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    (tmp_path / "user").mkdir()
    offered = Path(await _offered_path(demo_store.home))
    assert offered.parent == tmp_path / "user"


async def test_a_written_export_closes_the_dialog_and_its_folder_is_offered_next_time(
        demo_store: SessionStore, documents: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports for the county"
    reports.mkdir()
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = str(reports / "camp.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert toasts(app) == [f"Exported\nSaved to {(reports / 'camp.docx').resolve()}"]
        assert (reports / "camp.docx").stat().st_size > 0
        # Opened again in the same app: the same folder.
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(
            reports / "coast-camp-report.docx")
    # And in the next app started on this data home (another day, another session too).
    assert Path(await _offered_path(demo_store.home)).parent == reports


async def test_a_remembered_folder_that_is_gone_or_in_the_data_home_is_not_offered(
        demo_store: SessionStore, documents: Path, tmp_path: Path) -> None:
    demo_store.save_setting("export_folder", str(tmp_path / "deleted since"))
    assert Path(await _offered_path(demo_store.home)).parent == documents
    demo_store.save_setting("export_folder", str(demo_store.home))
    assert Path(await _offered_path(demo_store.home)).parent == documents


async def test_a_failed_export_keeps_the_dialog_open_and_the_folder_unchanged(
        demo_store: SessionStore, documents: Path, tmp_path: Path) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "no" / "x.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert str(app.screen.query_one("#export-status").render()).startswith("Not exported:")
    assert "export_folder" not in SessionStore(demo_store.home).settings()
