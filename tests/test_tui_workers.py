"""A thread worker's unexpected error: shown as one error line, and the screen recovers."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input, Label
from tui_support import settle, toasts

from smartplan_tui.app import make_app
from smartplan_tui.screens.export import ExportScreen
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.store import SessionStore


async def test_an_unexpected_export_error_is_shown_and_export_works_again(
        demo_store: SessionStore, tmp_path: Path) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        path_input = screen.query_one("#export-path", Input)
        # A pasted name with a NUL in it: the file system refuses it with a ValueError,
        # which no writer expects.
        path_input.value = str(tmp_path / "camp\x00report.docx")
        await pilot.press("enter")
        await settle(pilot)
        assert toasts(app, "error") == ["Unexpected error: ValueError: embedded null byte"]
        assert not screen.query_one("#export-go", Button).disabled
        assert "Not exported" in str(screen.query_one("#export-status", Label).render())
        # Recovered for real: the next export, to a good name, is written.
        path_input.value = str(tmp_path / "camp-report.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (tmp_path / "camp-report.docx").stat().st_size > 0
        assert screen.written == tmp_path / "camp-report.docx"


async def test_a_session_read_failing_again_and_again_is_shown_once(
        demo_store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(demo_store.home, "coast-camp")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)

        def broken() -> None:
            raise RuntimeError("the disk\nis on fire")

        monkeypatch.setattr(screen.handle, "load", broken)  # only this handle, this test
        for _ in range(3):  # as the half-second poll would
            screen.reload()
            await settle(pilot)
        [shown] = toasts(app, "error")  # once, though it failed three times
        assert shown.startswith("Unexpected error: RuntimeError: the disk")
        assert shown.endswith("is on fire") and "\n" not in shown  # one line
        assert app.screen is screen and app.is_running
