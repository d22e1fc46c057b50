"""The votes of a session: set one up, type in ballots, watch the count, close, recount.

The list of votes is on the left, the highlighted vote's results on the right (live while
it is open, because every reload of the session redraws them). Each step of a vote is one
key: `n` set up, `b` ballots, `w` wall counts, `h` hide/reveal, `c` close/reopen, `r`
recount, `a` an action for the winner. `r` offers only the methods the ballots fit and shows the
recount beside the vote's own count; `k` keeps it for the report. Ballots are written with
`handle.update(VOTES, id, lambda v: voting.cast(v, ballot))`, so ballots typed in at
the same time in another terminal are never lost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList
from textual.widgets.option_list import Option

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.exercises import voting
from smartplan_tui.i18n import _
from smartplan_tui.labels import method_name
from smartplan_tui.model import Ballot, ModelError, Session, Vote, VoteMethod, VoteStatus
from smartplan_tui.screens.action_flows import ActionFlowsScreen
from smartplan_tui.screens.ballot_entry import BallotEntryScreen
from smartplan_tui.screens.guide_card import GuideCard, guide_binding, show_guide, toggle_guide
from smartplan_tui.screens.projector_key import projector_binding
from smartplan_tui.screens.recount_picker import RecountMethods
from smartplan_tui.screens.vote_results import VoteResults
from smartplan_tui.screens.vote_setup import VoteSetupScreen
from smartplan_tui.screens.widgets.ballot_editors import counted, voters_of
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import visible
from smartplan_tui.store import SessionHandle
from smartplan_tui.text import quoted, shorten

__all__ = ["VotesScreen"]


#: Columns of an entry of the list of votes (`votes.tcss`: 32 less border and padding).
_ENTRY_COLUMNS = 28


def _vote_prompt(vote: Vote) -> Text:
    """A vote as the list shows it: its question (shortened to fit), then how it is counted
    and how many have voted, which tell two votes on one question apart."""
    status = "●" if vote.status is VoteStatus.OPEN else "■"
    text = Text(f"{status} {shorten(vote.question, _ENTRY_COLUMNS - 2)}\n",
                style="bold" if vote.status is VoteStatus.OPEN else "")
    return text.append(f"{method_name(vote.method)} · {counted(len(vote.ballots))}", "dim")


class VotesScreen(ActionFlowsScreen):
    """`VotesScreen(handle)`: the voting exercise of one session."""

    CSS_PATH = "votes.tcss"
    """Also styles the results beside the list (`vote_results.py`)."""

    screen_title = _("Votes")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_vote", _("New vote"), id="votes_new"),
        Binding("b", "ballots", _("Ballots"), id="votes_ballots"),
        Binding("w", "wall_counts", _("Wall counts"), id="votes_wall"),
        Binding("h", "toggle_hidden", _("Hide/reveal"), id="votes_hide"),
        Binding("c", "toggle_closed", _("Close/reopen"), id="votes_close"),
        Binding("r", "recount", _("Recount"), id="votes_recount"),
        Binding("k", "keep_recount", _("Keep recount"), id="votes_keep"),
        Binding("a", "action_from_winner", _("Action for winner"), id="votes_action"),
        Binding("p", "action_plan", _("Action plan"), id="votes_plan"),
        Binding("d,delete", "delete_vote", _("Delete vote"), show=False, id="votes_delete"),
        guide_binding(),
        projector_binding(),
    ]

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__(handle)
        self.recounts: dict[str, VoteMethod] = {}
        """The recount shown beside each vote's own count, by vote id."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="vote-column"):
                yield OptionList(id="vote-list")
                picker = RecountMethods(id="recount-methods")
                picker.border_title = _("Recount with")
                picker.display = False
                yield picker
            yield VoteResults(id="vote-results")
        yield GuideCard()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#vote-list", OptionList).focus()
        self.watch_session(self.session)

    def on_resize(self) -> None:
        """Below 100 columns the recount goes under the count instead of beside it."""
        self.set_class(self.size.width < 100, "narrow")

    # ------------------------------------------------------------------ showing

    @property
    def vote(self) -> Vote | None:
        """The highlighted vote as last read from disk."""
        option_list = self.query_one("#vote-list", OptionList)
        index = option_list.highlighted
        if index is None or not self.session.votes:
            return None
        vote_id = option_list.get_option_at_index(index).id
        found = self.session.find(VOTES, vote_id or "")
        return found if isinstance(found, Vote) else None

    def watch_session(self, session: Session) -> None:
        dialog = self.app.screen
        if isinstance(dialog, BallotEntryScreen):  # ballots typed in elsewhere show there too
            fresh = session.find(VOTES, dialog.vote.id)
            if isinstance(fresh, Vote):
                dialog.update_vote(fresh)
        option_list = self.query_one("#vote-list", OptionList)
        current = self.vote.id if self.vote is not None else None
        option_list.set_options(Option(_vote_prompt(v), id=v.id) for v in session.votes)
        if session.votes:
            ids = [v.id for v in session.votes]
            self.select_vote(current if current in ids else ids[-1])
        self.show_results()

    def select_vote(self, vote_id: str) -> None:
        option_list = self.query_one("#vote-list", OptionList)
        option_list.highlighted = option_list.get_option_index(vote_id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_results()
        show_guide(self, self.guide_topic())
        self.refresh_bindings()

    def guide_topic(self) -> str:
        """The card of the highlighted vote's method (dot voting before any vote)."""
        vote = self.vote
        return vote.method.value if vote is not None else VoteMethod.DOT.value

    def action_guide(self) -> None:
        toggle_guide(self, self.guide_topic())

    def action_projector(self) -> None:
        from smartplan_tui.screens.projector import ProjectorScreen  # at the key: a view of its own

        vote = self.vote
        self.app.push_screen(ProjectorScreen(self.handle, "vote",
                                             vote.id if vote is not None else None))

    def on_recount_methods_chosen(self, event: RecountMethods.Chosen) -> None:
        vote = self.vote
        if vote is not None:
            if event.method is None:
                self.recounts.pop(vote.id, None)
            else:
                self.recounts[vote.id] = event.method
            self.show_results()

    def on_recount_methods_done(self, event: RecountMethods.Done) -> None:
        self.query_one("#vote-list", OptionList).focus()

    def show_results(self) -> None:
        vote = self.vote
        recount = self.recounts.get(vote.id) if vote is not None else None
        self.query_one(VoteResults).show(vote, self.session.participants, recount)

    def refused(self, action: str) -> Vote | None:
        """The highlighted vote if `action` applies to it; else say why and return None.

        The keys stay enabled so that a press on the wrong vote is answered, not ignored.
        """
        vote = self.vote
        if vote is None:
            self.refuse(_("No vote yet: press n to set one up."))
        elif action in ("ballots", "wall_counts") and vote.status is VoteStatus.CLOSED:
            self.refuse(_("Vote {vote} is closed: press c to reopen it before counting more."
                          ).format(vote=quoted(vote.question)))
        elif action == "wall_counts" and vote.method is not VoteMethod.DOT:
            self.refuse(_("Wall counts are for dot votes; vote {vote} is {method}: press b to "
                          "type in its ballots.").format(vote=quoted(vote.question),
                                                         method=method_name(vote.method)))
        else:
            return vote
        return None

    # ------------------------------------------------------------------ setting up

    def action_new_vote(self) -> None:
        self.app.push_screen(VoteSetupScreen(self.session), self._created)

    def _created(self, draft: Vote | None) -> None:
        vote = self.add_draft(VOTES, draft) if draft is not None else None
        if vote is not None:
            self.select_vote(vote.id)
            self.notify(visible(_("Vote {vote} is open: press b to type in ballots.").format(
                vote=quoted(vote.question))), markup=False)

    def action_delete_vote(self) -> None:
        vote = self.refused("delete_vote")
        if vote is None:
            return

        self.confirm_remove(VOTES, vote.id, _("Delete vote {vote} and its {ballots}?").format(
            vote=quoted(vote.question), ballots=counted(len(vote.ballots))), _("Delete"))

    # ------------------------------------------------------------------ ballots

    def cast(self, vote_id: str, ballot: Ballot, replaces: bool = False) -> Vote:
        """Count one ballot in the vote as stored now; raises with the reason if refused.

        Unless `replaces` (the voter is correcting the ballot shown to them), a ballot of
        someone who voted meanwhile (in another terminal) is refused, not overwritten.
        """

        def counted_in(vote: Vote) -> Vote:
            if not replaces and ballot.voter in voters_of(vote.ballots):
                raise ModelError("voter", _("{voter} has voted meanwhile; pick them again to "
                                            "see and correct that ballot").format(
                                                voter=ballot.voter))
            return voting.cast(vote, ballot)

        try:
            vote: Vote = self.handle.update(VOTES, vote_id, counted_in)
        finally:
            self.refresh_session()  # also on refusal: the dialog sees what was stored
        return vote

    def remove_ballot(self, vote_id: str, voter: str, aggregate: bool = False) -> Vote:
        """Take `voter`'s ballot out of the vote as stored now; raises if refused.

        Paper ballots and wall counts have no voter: for them (`voter` empty) the last one
        entered goes, which is how a mistyped paper ballot is put right.
        """

        def without(vote: Vote) -> Vote:
            if voter:
                found = [i for i, b in enumerate(vote.ballots) if b.voter == voter]
            else:
                found = [i for i, b in enumerate(vote.ballots)
                         if not b.voter and b.aggregate == aggregate]
            if not found:
                if voter:
                    why = _("{voter} has no ballot in vote {vote}").format(voter=voter,
                                                                          vote=quoted(vote.question))
                elif aggregate:
                    why = _("no wall counts to remove in vote {vote}").format(vote=quoted(vote.question))
                else:
                    why = _("no anonymous ballots to remove in vote {vote}").format(
                        vote=quoted(vote.question))
                raise ModelError("ballots", why)
            return voting.remove_ballot(vote, found[-1])

        try:
            vote: Vote = self.handle.update(VOTES, vote_id, without)
        finally:
            self.refresh_session()
        return vote

    def _enter_ballots(self, *, aggregate: bool) -> None:
        vote = self.refused("wall_counts" if aggregate else "ballots")
        if vote is None:
            return
        screen = BallotEntryScreen(vote, self.session.participants,
                                   lambda ballot, replaces: self.cast(vote.id, ballot, replaces),
                                   aggregate=aggregate,
                                   remove=lambda voter: self.remove_ballot(vote.id, voter,
                                                                           aggregate))
        self.app.push_screen(screen)

    def action_ballots(self) -> None:
        self._enter_ballots(aggregate=False)

    def action_wall_counts(self) -> None:
        self._enter_ballots(aggregate=True)

    # ------------------------------------------------------------------ the count

    def _update_vote(self, change: Callable[[Vote], Vote]) -> None:
        vote = self.vote
        if vote is not None:
            self.save(lambda: self.handle.update(VOTES, vote.id, change))

    def action_toggle_hidden(self) -> None:
        vote = self.refused("toggle_hidden")
        if vote is not None:
            hidden = not vote.hidden
            self._update_vote(lambda v: dataclasses.replace(v, hidden=hidden))

    def action_toggle_closed(self) -> None:
        vote = self.refused("toggle_closed")
        if vote is not None:
            self._update_vote(voting.close if vote.status is VoteStatus.OPEN else voting.reopen)
            self.refresh_bindings()

    def action_recount(self) -> None:
        vote = self.refused("recount")
        if vote is None:
            return
        methods = voting.recount_methods(vote)
        if not methods:
            self.refuse(_("Vote {vote} cannot be recounted: its ballots fit no method but "
                          "{method} (wall counts and marks are counted one way).").format(
                              vote=quoted(vote.question), method=method_name(vote.method)))
            return
        self.query_one(RecountMethods).offer(methods, self.recounts.get(vote.id))

    def action_keep_recount(self) -> None:
        """Store the recount on screen with the vote, so the report shows it too."""
        vote = self.refused("keep_recount")
        if vote is None:
            return
        method = self.recounts.get(vote.id)
        if method is None:
            self.refuse(_("No recount of vote {vote} on screen: press r to recount first."
                          ).format(vote=quoted(vote.question)))
            return
        if method in vote.kept_recounts:
            self.refuse(_("The recount by {method} of vote {vote} is kept already.").format(
                method=method_name(method), vote=quoted(vote.question)))
            return

        def kept(now: Vote) -> Vote:
            if method in now.kept_recounts:
                return now
            return dataclasses.replace(now, kept_recounts=(*now.kept_recounts, method))

        if self.save(lambda: self.handle.update(VOTES, vote.id, kept)) is not None:
            self.notify(_("The recount by {method} of vote {vote} goes into the report."
                          ).format(method=method_name(method), vote=quoted(vote.question)), markup=False)

    # ------------------------------------------------------------------ actions

    def action_action_from_winner(self) -> None:
        """Open the action form filled in for the vote's winning option."""
        vote = self.refused("action_from_winner")
        if vote is not None:
            self.open_winner_form(vote)

    def action_action_plan(self) -> None:
        from smartplan_tui.screens.actions import ActionPlanScreen

        self.app.push_screen(ActionPlanScreen(self.handle))
