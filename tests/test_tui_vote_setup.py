"""Setting up a vote: options grouped by quadrant and TOWS type, a filter, visible ticks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, SelectionList
from tui_support import settle
from tui_votes_steps import SIZE, demo_app, open_screen, press, stored

from smartplan_tui.screens.vote_setup import VoteSetupScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.store import SessionStore


def _lines(setup: VoteSetupScreen) -> list[str]:
    """The option list as drawn, line by line, without its styles (no colour)."""
    sources = setup.query_one("#sources", SelectionList)
    return [sources.render_line(y).text.rstrip() for y in range(sources.option_count)
            if y < sources.size.height]


async def test_options_are_grouped_filtered_and_ticked_without_colour(
        demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        setup = await open_screen(pilot, "n", VoteSetupScreen)
        await press(pilot, *"Which port first")
        await press(pilot, "tab", "space")  # the first strength, under its heading
        lines = _lines(setup)
        assert lines[0].strip() == "Strengths"
        assert lines[1].startswith("▐✓▌") and "Ice-free ports" in lines[1]
        assert lines[2].startswith("▐ ▌")
        await press(pilot, "ctrl+f")
        assert isinstance(app.screen.focused, Input)
        await press(pilot, *"ports")
        await settle(pilot)
        shown = [line.strip() for line in _lines(setup)]
        assert [line for line in shown if not line.startswith("▐")] == [
            "Strengths", "Threats", "SO strategies"]
        assert len([line for line in shown if line.startswith("▐")]) == 3
        assert shown[1].startswith("▐✓▌")  # still ticked while filtered
        await press(pilot, "shift+tab", "end", "space")  # t1, last: the ports and offshore wind
        await press(pilot, "ctrl+s")
    vote = stored(home).votes[-1]
    assert [o.source for o in vote.options] == ["s1", "t1"]
