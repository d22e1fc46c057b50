"""Typing in ballots, one voter after another, without leaving the dialog.

Why it stays open: at a workshop the facilitator enters a stack of paper ballots (or
reads the wall of sticky dots) in one go. After each ballot is counted the next voter who
has not voted yet is picked and the editor is empty again, so a ballot of three dots takes
four keys (`a a c Enter`). Picking a voter who already voted loads their ballot to correct
it; casting it replaces the old one. A refused ballot stays on screen with the reason.

A ballot replaces a voter's earlier one only when that earlier ballot was loaded here: if
the same person voted meanwhile in another terminal, counting is refused rather than
silently overwriting their ballot.

The dialog does not write: `submit(ballot, replaces)` (the votes screen's store write, under the
session lock) returns the vote as stored now or raises `ModelError`/`StoreError`, whose
one-line message is shown; `remove(voter)` likewise takes a ballot out again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select, Static

from smartplan_tui.i18n import _
from smartplan_tui.model import Ballot, ModelError, Participant, Vote
from smartplan_tui.screens.widgets.ballot_editors import (
    BallotEditor,
    counted,
    editor_for,
    voters_of,
)
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.store import StoreError

__all__ = ["ANONYMOUS", "BallotEntryScreen", "Remove", "Submit"]

#: Counts a ballot; the flag says the voter's earlier ballot, shown here, may be replaced.
Submit = Callable[[Ballot, bool], Vote]
#: Takes a voter's ballot out; returns the vote as stored now.
Remove = Callable[[str], Vote]
#: The voter value of a paper ballot without a name.
ANONYMOUS = ""

_HELP = {
    "dots": _("Letter = one more dot on that option (shift+letter: one less), digits set the "
              "highlighted option, ⌫ undoes the last dot."),
    "ranking": _("Letters put options next in your ranking (again: take out), a digit moves "
                 "the highlighted option to that place, ⌫ unranks the last."),
    "scores": _("Digits give the highlighted cell its mark and move on; ↑↓ options, ←→ "
                "criteria."),
}


class BallotEntryScreen(ModalScreen[int]):
    """Returns how many ballots were counted while it was open."""

    CSS_PATH = "ballot_entry.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "cast", _("Count ballot"), priority=False, id="ballot_cast"),
        Binding("ctrl+s", "cast", _("Count ballot"), show=False),
        Binding("escape", "done", _("Done"), id="ballot_done"),
        Binding("ctrl+o", "focus_voter", _("Voter"), id="ballot_voter"),
        Binding("ctrl+d", "remove", _("Remove ballot"), id="ballot_remove"),
    ]

    def __init__(self, vote: Vote, participants: Sequence[Participant], submit: Submit, *,
                 aggregate: bool = False, remove: Remove | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.vote = vote
        self.participants = tuple(participants)
        self.submit = submit
        self.correcting: str | None = None
        """The voter whose earlier ballot is in the editor (only theirs may be replaced)."""
        self.take_out = remove
        self.aggregate = aggregate
        self.ballots_cast = 0

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog ballot-dialog"):
            title = _("Wall counts") if self.aggregate else _("Ballot")
            heading = Text(f"{title} — ").append_text(literal(self.vote.question, limit=70))
            yield Label(heading, classes="title-line")
            if not self.aggregate:
                yield Select(self._voter_options(), allow_blank=False, id="voter",
                             value=self._next_voter())
            yield editor_for(self.vote, aggregate=self.aggregate, id="editor")
            yield Static(_HELP[self.vote.method.ballot_kind], classes="ballot-help",
                         markup=False)
            yield Static(id="ballot-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.editor.focus()
        self._load_voter()

    @property
    def editor(self) -> BallotEditor:
        return self.query_one("#editor", BallotEditor)

    @property
    def voter(self) -> str:
        if self.aggregate:
            return ANONYMOUS
        value = self.query_one("#voter", Select).value
        return value if isinstance(value, str) else ANONYMOUS

    def _voter_options(self) -> list[tuple[Text, str]]:
        voted = voters_of(self.vote.ballots)
        options = [(Text(("✓ " if p.id in voted else "  ") + p.name), p.id)
                   for p in self.participants]
        return [*options, (Text("  " + _("(anonymous paper ballot)")), ANONYMOUS)]

    def _next_voter(self) -> str:
        """The first participant without a ballot; anonymous when everyone has voted."""
        voted = voters_of(self.vote.ballots)
        return next((p.id for p in self.participants if p.id not in voted), ANONYMOUS)

    # ------------------------------------------------------------------ events

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._load_voter()

    def on_ballot_editor_edited(self, event: BallotEditor.Edited) -> None:
        """Say at once when the ballot breaks a rule (and stop saying it once it does not)."""
        ballot = self._typed()
        problem = self.vote.ballot_problem(ballot) if ballot is not None else None
        if problem:
            self._status(problem, error=True)
        elif self.query_one("#ballot-status").has_class("-error"):
            self._status("")

    def _load_voter(self) -> None:
        """Show the chosen voter's earlier ballot, so that they can correct it."""
        voter = self.voter
        earlier = next((b for b in self.vote.ballots if voter and b.voter == voter), None)
        self.correcting = voter if earlier is not None else None
        self.editor.load(earlier)
        if earlier is not None:
            self._status(_("Correcting this voter's ballot: counting it replaces the earlier "
                           "one."))

    def _typed(self) -> Ballot | None:
        try:
            return self.editor.ballot(self.voter)
        except ModelError as error:
            self._status(str(error), error=True)
            return None

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#ballot-status", Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    # ------------------------------------------------------------------ actions

    def action_cast(self) -> None:
        """Count the ballot; on success move on to the next voter, else show why not."""
        ballot = self._typed()
        if ballot is None:
            return
        try:
            self.vote = self.submit(ballot, ballot.voter == self.correcting)
        except (ModelError, StoreError) as error:
            self._status(_("Refused: {error}").format(error=error), error=True)
            return
        self.ballots_cast += 1
        who = self._voter_name(ballot.voter)
        ballots = counted(len(self.vote.ballots))
        self._status(_("Counted {voter}'s ballot: {ballots} in.").format(voter=who, ballots=ballots)
                     if who else _("Counted: {ballots} in.").format(ballots=ballots))
        self._next()

    def action_remove(self) -> None:
        """Take the chosen voter's ballot out (entered for the wrong person, say).

        With no voter (a paper ballot, wall counts) the last such entry goes.
        """
        voter = self.voter
        has_one = (voter in voters_of(self.vote.ballots) if voter else any(
            not b.voter and b.aggregate == self.aggregate for b in self.vote.ballots))
        if self.take_out is None or not has_one:
            self._status(_("Nothing to remove for this voter."), error=True)
            return
        try:
            self.vote = self.take_out(voter)
        except (ModelError, StoreError) as error:
            self._status(_("Not removed: {error}").format(error=error), error=True)
            return
        ballots = counted(len(self.vote.ballots))
        if voter:
            removed = _("Removed {voter}'s ballot: {ballots} in.").format(
                voter=self._voter_name(voter), ballots=ballots)
        elif self.aggregate:
            removed = _("Removed the last wall count: {ballots} in.").format(ballots=ballots)
        else:
            removed = _("Removed the last paper ballot: {ballots} in.").format(ballots=ballots)
        self._status(removed)
        self._next()

    def update_vote(self, vote: Vote) -> None:
        """The vote as stored now (another terminal may have added ballots): new voter marks."""
        self.vote = vote
        if not self.aggregate:
            self._set_voters(self.voter)

    def _set_voters(self, voter: str) -> None:
        select = self.query_one("#voter", Select)
        with select.prevent(Select.Changed):
            select.set_options(self._voter_options())
            select.value = voter

    def _voter_name(self, voter: str) -> str:
        return next((p.name for p in self.participants if p.id == voter), "")

    def _next(self) -> None:
        """An empty editor for the next voter who has not voted (voter marks refreshed)."""
        if not self.aggregate:
            self._set_voters(self._next_voter())
        self.editor.load(None)

    def action_done(self) -> None:
        self.dismiss(self.ballots_cast)

    def action_focus_voter(self) -> None:
        if not self.aggregate:
            self.query_one("#voter", Select).focus()
