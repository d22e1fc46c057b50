"""Pilot tests of the votes screen: set-up, ballots, refusals, corrections, wall counts,
hiding, closing, recounts, explanations and the score matrix.

Each test drives the real app on the demo session in a temp data home and checks what a
fresh `SessionStore` reads back from disk, and what the screen shows.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import OptionList
from tui_support import toasts
from tui_votes_steps import SIZE, demo_app, open_screen, press, stored, stored_vote, text_of

from smartplan_tui.app import SmartPlanApp
from smartplan_tui.collection_registry import VOTES
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.exercises import voting
from smartplan_tui.exports.markdown import render_markdown
from smartplan_tui.model import Ballot, Vote, VoteMethod, VoteOption, VoteStatus
from smartplan_tui.screens.action_form import ActionFormScreen
from smartplan_tui.screens.ballot_entry import BallotEntryScreen
from smartplan_tui.screens.recount_picker import RecountMethods
from smartplan_tui.screens.vote_results import CountView, VoteResults
from smartplan_tui.screens.vote_setup import VoteSetupScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets.bar_chart import BarChart
from smartplan_tui.store import SessionStore
from smartplan_tui.text import quoted


def add_vote(store: SessionStore, **fields: object) -> Vote:
    """A vote of three typed options (A, B, C) added through the store, like another
    terminal would."""
    options = (VoteOption("A", "Bus line"), VoteOption("B", "[bold]Brand[/bold]"),
               VoteOption("C", "Academy"))
    handle = store.open(DEMO_ID)
    return handle.add(VOTES, lambda new_id: dataclasses.replace(
        Vote(new_id, "Which first?", options=options), **fields))


def offered(app: SmartPlanApp) -> list[str]:
    """The methods the recount list offers now (its last entry: the own count only)."""
    methods = app.screen.query_one(RecountMethods)
    assert methods.display and methods.has_focus
    return [methods.get_option_at_index(i).id or "" for i in range(methods.option_count)]


def chart_rows(app: SmartPlanApp, view_id: str = "own-count") -> str:
    return text_of(app.screen.query_one(f"#{view_id}", CountView).query_one(BarChart))


async def test_setup_with_typed_options_and_rules(demo_store: SessionStore, home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        setup = await open_screen(pilot, "n", VoteSetupScreen)
        await pilot.press(*"Pick one")
        setup.query_one("#typed").load_text("Bus line\n[red]Brand[/red]\n\nAcademy\n")
        setup.query_one("#method").value = "score"
        setup.query_one("#criteria").value = "impact, feasibility, cost"
        setup.query_one("#scale-high").value = "7"
        setup.query_one("#hidden").value = True
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, VotesScreen)
    vote = stored(home).votes[-1]
    assert vote.question == "Pick one"
    assert [(o.id, o.text) for o in vote.options] == [
        ("A", "Bus line"), ("B", "[red]Brand[/red]"), ("C", "Academy")]
    assert vote.method is VoteMethod.SCORE
    assert vote.criteria == ("impact", "feasibility", "cost")
    assert vote.scale == (1, 7)
    assert vote.hidden


async def test_setup_refuses_bad_input_inline(demo_store: SessionStore, home: Path) -> None:
    before = stored(home).votes
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        setup = await open_screen(pilot, "n", VoteSetupScreen)
        await press(pilot, "ctrl+s")
        error = text_of(setup.query_one("#form-error"))
        assert error.startswith("Question: must not be empty"), error
        await pilot.press(*"Which?", "tab", "space", "down", "space")
        setup.query_one("#dots").value = "0"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, VoteSetupScreen)
        assert "Dots per voter: 0 is below 1" in text_of(setup.query_one("#form-error"))
    assert stored(home).votes == before


async def test_ballots_refused_with_reason_then_counted(demo_store: SessionStore,
                                                        home: Path) -> None:
    vote = add_vote(demo_store, max_dots_per_option=2)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        entry = await open_screen(pilot, "b", BallotEntryScreen)
        assert entry.voter == "p1"  # the first participant without a ballot
        await press(pilot, "a", "a", "a", "enter")
        status = text_of(entry.query_one("#ballot-status"))
        assert "Refused" in status and "3 dots on A exceed the cap of 2" in status
        assert stored_vote(home, vote.id).ballots == ()
        await press(pilot, "backspace", "c", "enter")
        assert entry.voter == "p2"
        await pilot.press("b", "b", "c", "a")  # four dots: refused while typing already
        await pilot.pause()
        assert "4 dots exceed the budget of 3" in text_of(entry.query_one("#ballot-status"))
        await press(pilot, "A", "enter", "escape")
    ballots = stored_vote(home, vote.id).ballots
    assert ballots == (Ballot("p1", dots={"A": 2, "C": 1}), Ballot("p2", dots={"B": 2, "C": 1}))


async def test_voter_corrects_their_ballot(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, ballots=(Ballot("p3", dots={"A": 3}),))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        entry = await open_screen(pilot, "b", BallotEntryScreen)
        entry.query_one("#voter").value = "p3"
        await pilot.pause()
        assert "Correcting" in text_of(entry.query_one("#ballot-status"))
        assert entry.editor.ballot("p3") == Ballot("p3", dots={"A": 3})
        await press(pilot, "A", "A", "b", "enter", "escape")
    assert stored_vote(home, vote.id).ballots == (Ballot("p3", dots={"A": 1, "B": 1}),)


async def test_wall_counts_are_aggregate(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "w")
        assert isinstance(app.screen, BallotEntryScreen)
        await press(pilot, "1", "2", "down", "down", "7", "enter", "escape")
        assert "A" in chart_rows(app)
        rows = chart_rows(app).splitlines()
        assert rows[0].split()[:3] == ["1", "A", "Bus"] and rows[0].split()[-2] == "12"
    assert stored_vote(home, vote.id).ballots == (
        Ballot(dots={"A": 12, "C": 7}, aggregate=True),)


async def test_ranked_ballot_by_letters(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, method=VoteMethod.IRV)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "b")
        await pilot.press("c", "a", "b", "b", "enter")  # b twice: ranked, then taken out
        await press(pilot, "b", "enter", "escape")
        details = text_of(app.screen.query_one("#own-count .count-details"))
        assert "Instant-runoff rounds" in details
    assert [b.ranking for b in stored_vote(home, vote.id).ballots] == [("C", "A"), ("B",)]


async def test_hidden_until_revealed(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, hidden=True, ballots=(Ballot("p1", dots={"B": 3}),))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        own = app.screen.query_one("#own-count", CountView)
        assert "hidden" in text_of(own.query(".count-title").first())
        assert not own.query_one(BarChart).display
        await press(pilot, "h")
        assert own.query_one(BarChart).display
        assert "Brand" in chart_rows(app).splitlines()[0]
    assert not stored_vote(home, vote.id).hidden


async def test_close_stops_ballots_and_recount_side_by_side(demo_store: SessionStore,
                                                          home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)  # v2 (the latest) is highlighted
        await press(pilot, "c")
        assert stored_vote(home, "v2").status is VoteStatus.CLOSED
        await press(pilot, "b")
        assert app.screen is screen  # no ballot dialog on a closed vote
        assert any("“Rank the quick wins for 2027” is closed" in t for t in toasts(app, "warning"))
        await press(pilot, "r")  # schulze: borda or irv; borda shows at once
        assert offered(app) == ["borda", "irv", "own"]
        recount = screen.query_one("#recount", CountView)
        assert recount.display
        assert "recounted with Borda count" in text_of(recount.query(".count-title").first())
        assert chart_rows(app, "recount").splitlines()[0].split()[:2] == ["1", "C"]
        assert "Strongest paths" in text_of(screen.query_one("#own-count .count-details"))
        await press(pilot, "down")  # irv beside the schulze count
        assert "Instant-runoff" in text_of(recount.query(".count-title").first())
        await press(pilot, "enter", "up")  # v1 is a dot vote: dots read as a ranking
        await press(pilot, "r")
        assert offered(app) == ["borda", "schulze", "own"]  # never irv: no first choices
        borda = voting.count(stored_vote(home, "v1"), VoteMethod.BORDA)
        first = chart_rows(app, "recount").splitlines()[0].split()
        assert first[:2] == ["1", borda.rows[0].option]
        await press(pilot, "c")
    assert stored_vote(home, "v1").status is VoteStatus.OPEN


async def test_score_vote_matrix_on_screen(demo_store: SessionStore, home: Path) -> None:
    add_vote(demo_store, method=VoteMethod.SCORE)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "b")
        await pilot.press("5", "4", "1", "5", "4", "enter", "escape")  # C: impact only
        await pilot.pause()
        matrix = app.screen.query_one("#score-matrix")
        assert matrix.display
        assert "A 5.0/4.0" in text_of(matrix.query_one("#matrix-quick-win"))
        assert "B 1.0/5.0" in text_of(matrix.query_one("#matrix-fill-in"))
        assert "C" in text_of(matrix.query_one("#matrix-unplaced"))
    assert stored(home).votes[-1].ballots == (Ballot("p1", scores={
        "A": {"impact": 5, "feasibility": 4}, "B": {"impact": 1, "feasibility": 5},
        "C": {"impact": 4}}),)


async def test_participant_text_is_literal(demo_store: SessionStore, home: Path) -> None:
    add_vote(demo_store, question="[i]Which[/i] first?", ballots=(Ballot("p1", dots={"B": 2}),))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        assert "[bold]Brand[/bold]" in chart_rows(app)
        head = app.screen.query_one(VoteResults).query_one("#results-head")
        assert text_of(head).endswith("\n[i]Which[/i] first?")


async def test_a_kept_recount_is_stored_and_reported(demo_store: SessionStore,
                                                     home: Path) -> None:
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "k")  # nothing recounted yet
        assert any("r to recount" in t for t in toasts(app, "warning"))
        await press(pilot, "r", "down", "k")  # irv, kept
        assert "kept" in text_of(screen.query_one("#recount .count-title"))
    assert stored_vote(home, "v2").kept_recounts == (VoteMethod.IRV,)
    report = render_markdown(stored(home))
    assert "Recounted with irv" in report


async def test_wall_counts_cannot_be_recounted(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, ballots=(Ballot(dots={"A": 5}, aggregate=True),))
    app = demo_app(home)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        await press(pilot, "r")
        assert app.screen is screen
        assert any(f"Vote {quoted(vote.question)}" in t and "recount" in t
                   for t in toasts(app, "warning"))


async def test_a_vote_is_listed_by_its_question_and_method_and_without_ballots_ties_nothing(
        demo_store: SessionStore, home: Path) -> None:
    add_vote(demo_store, question="Which cross-border project goes into the programme first?",
             method=VoteMethod.SCHULZE)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        listed = screen.query_one("#vote-list", OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts == ["■ Which cross-border strate…\nDot voting · 8 ballots",
                           "● Rank the quick wins for 2…\nSchulze method · 10 ballots",
                           "● Which cross-border projec…\nSchulze method · 0 ballots"]
        entries = listed.region.width - 4  # inside the border and the padding of an entry
        assert all(len(line) <= entries for prompt in prompts for line in prompt.split("\n"))
        own = screen.query_one("#own-count", CountView)
        assert "No ballots yet." in text_of(own.query_one(BarChart))
        assert text_of(own.query_one(".count-ties")) == ""
        assert "Tied" not in text_of(own.query_one(".count-explanation"))
        assert "No ballots yet." in text_of(own.query_one(".count-explanation"))
        assert text_of(screen.query_one("#results-head")).startswith(
            "Schulze method · open · 0 ballots")


async def test_ties_marked_palette_and_delete(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, ballots=(Ballot("p1", dots={"A": 2}), Ballot("p2", dots={"C": 2}),
                                         Ballot("p3", dots={"B": 1})))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        rows = [row.split()[:2] for row in chart_rows(app).splitlines()]
        assert rows == [["1=", "A"], ["1=", "C"], ["3", "B"]]
        assert "Tied (=): A = C — tie rule: Report ties as ties" in text_of(
            screen.query_one("#own-count .count-ties"))
        commands = {command.title for command in app.get_system_commands(screen)}
        assert {"New vote", "Ballots", "Recount", "Close/reopen", "Hide/reveal",
                "Action for winner", "Delete vote"} <= commands
        await press(pilot, "delete")
        await press(pilot, "n")  # the confirmation: no
        assert stored(home).find(VOTES, vote.id) is not None
        await press(pilot, "delete")
        await press(pilot, "y")
    assert stored(home).find(VOTES, vote.id) is None
    assert [v.id for v in stored(home).votes] == ["v1", "v2"]


async def test_ballot_taken_out_again(demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, ballots=(Ballot("p1", dots={"A": 1}), Ballot("p2", dots={"B": 1})))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        entry = await open_screen(pilot, "b", BallotEntryScreen)
        assert entry.voter == "p3"
        await press(pilot, "ctrl+d")
        assert "Nothing to remove" in text_of(entry.query_one("#ballot-status"))
        entry.query_one("#voter").value = "p1"
        await press(pilot, "ctrl+d")
        assert "Removed Ilze Bērziņa's ballot: 1 ballot in." in text_of(
            entry.query_one("#ballot-status"))
        assert entry.voter == "p1"  # free again: the next voter without a ballot
        await press(pilot, "escape")
    assert stored_vote(home, vote.id).ballots == (Ballot("p2", dots={"B": 1}),)


async def test_the_last_paper_ballot_and_wall_count_can_be_taken_out(
        demo_store: SessionStore, home: Path) -> None:
    vote = add_vote(demo_store, ballots=(
        Ballot(dots={"A": 1}), Ballot("p1", dots={"B": 1}), Ballot(dots={"C": 1}),
        Ballot(dots={"A": 9}, aggregate=True)))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        entry = await open_screen(pilot, "b", BallotEntryScreen)
        entry.query_one("#voter").value = ""
        await press(pilot, "ctrl+d")
        assert "Removed the last paper ballot: 3 ballots in." in text_of(
            entry.query_one("#ballot-status"))
        await press(pilot, "escape")
        wall = await open_screen(pilot, "w", BallotEntryScreen)
        await press(pilot, "ctrl+d")
        assert "Removed the last wall count" in text_of(wall.query_one("#ballot-status"))
        await press(pilot, "ctrl+d")
        assert "Nothing to remove" in text_of(wall.query_one("#ballot-status"))
        await press(pilot, "escape")
    assert stored_vote(home, vote.id).ballots == (Ballot(dots={"A": 1}),
                                                  Ballot("p1", dots={"B": 1}))


async def test_long_text_and_control_characters_survive(demo_store: SessionStore,
                                                        home: Path) -> None:
    text = "[b]bell\x07\nnew line[/b] " + "x" * 50_000
    handle = demo_store.open(DEMO_ID)
    vote = handle.add(VOTES, lambda new_id: Vote(new_id, text, options=(
        VoteOption("A", text), VoteOption("B", "short"))))
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "v", VotesScreen)
        await open_screen(pilot, "b", BallotEntryScreen)
        await press(pilot, "a", "enter", "escape")
        first = chart_rows(app).splitlines()[0]
        assert "[b]bell␇ ⏎ new line" in first  # literal, control characters made visible
        await open_screen(pilot, "a", ActionFormScreen)
        await press(pilot, "ctrl+s")
    assert stored_vote(home, vote.id).ballots == (Ballot("p1", dots={"A": 1}),)
    assert stored(home).actions[-1].title == text
