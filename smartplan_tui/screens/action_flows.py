"""Creating and editing actions from any screen of the session: the shared steps.

Both the votes screen and the action plan open the same form (`a` on both: an action
for the winner; `n` and `e` on the plan) and write the same way, so the steps live once here,
in a `LiveScreen` base both inherit.

The key is `a` ("action") on both because `w` already means the SWOT board on the session
screen and wall counts on the votes screen; the SWOT board's `a` (author) is on a screen
without a vote, so no screen has two meanings for it.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType

from smartplan_tui.collection_registry import ACTIONS, Collection
from smartplan_tui.exercises import actions
from smartplan_tui.i18n import _
from smartplan_tui.model import Action, ModelError, Vote
from smartplan_tui.screens.action_form import ActionFormScreen, changed_fields
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.text import and_list, quoted, visible

__all__ = ["DRAFT_ID", "ActionFlowsScreen"]

T = TypeVar("T", Action, Vote)

#: The id a new action or vote carries until the store gives it its own.
DRAFT_ID = "draft"


class ActionFlowsScreen(LiveScreen):
    """A session screen that can open the action form and save what it returns.

    Also what the votes screen and the action plan share as exercise screens: Escape goes
    back to the session, and the header names the screen and the session.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="exercise_back"),
    ]
    screen_title = ""

    def on_mount(self) -> None:
        self.title = self.screen_title
        self.sub_title = visible(self.session.info.title, 80)  # a title, not terminal codes

    def open_winner_form(self, vote: Vote) -> None:
        """Open the action form filled in for `vote`'s winning option (one key in the room)."""
        try:
            winners = actions.winner(self.session, vote.id)
        except ModelError as error:
            self.notify(visible(str(error)), severity="error", markup=False)
            return
        if not winners:
            self.notify(visible(_("Vote {vote} has no winner yet: no ballot was counted.").format(
                vote=quoted(vote.question))), severity="warning", markup=False)
            return
        if len(winners) > 1:
            tied = and_list([o.id for o in winners])
            self.notify(visible(_("{tied} tie in vote {vote}; the action is for {first}: change "
                                  "its priority in the form if the group decides otherwise."
                                  ).format(tied=tied, vote=quoted(vote.question), first=winners[0].id)),
                        severity="warning", markup=False)
        draft = actions.from_priority(self.session, vote.id, winners[0].id, DRAFT_ID)
        self.app.push_screen(ActionFormScreen(self.session, draft), self.add_action)

    def new_action(self) -> None:
        self.app.push_screen(ActionFormScreen(self.session, Action(DRAFT_ID, _("New action"))),
                             self.add_action)

    def add_draft(self, collection: Collection[T], draft: T) -> T | None:
        """Store a vote or action built in a form under `DRAFT_ID`, with an id of its own."""
        return self.save(lambda: self.handle.add(
            collection, lambda new_id: dataclasses.replace(draft, id=new_id)))

    def add_action(self, action: Action | None) -> None:
        saved = self.add_draft(ACTIONS, action) if action is not None else None
        if saved is not None:
            self.notify(visible(_("Action {action} added to the plan.").format(
                action=quoted(saved.title))), markup=False)

    def edit_action(self, before: Action) -> None:
        def edited(after: Action | None) -> None:
            if after is None:
                return
            changes = changed_fields(before, after)
            if changes:
                self.save(lambda: self.handle.update(
                    ACTIONS, before.id, lambda current: dataclasses.replace(current, **changes)))

        self.app.push_screen(ActionFormScreen(self.session, before), edited)
