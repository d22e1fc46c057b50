"""The action plan: actions grouped under the priority they serve, with their SMART gaps.

Groups come from `exercises.actions.by_priority` (votes in session order, options by
their rank), each headed by a row naming the priority; the SMART column lists the letters
an action still lacks, and the line under the table spells them out for the highlighted
action beside its indicator and baseline → target (a column of its own on wide terminals).
`a` makes an action for the winner of the latest vote, `s` moves an action to its next
status in the room ("started?" – "done!"), `f` and `o` filter by status and by owner.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import RowDoesNotExist

from smartplan_tui.collection_registry import ACTIONS
from smartplan_tui.dates import short_date
from smartplan_tui.exercises import actions
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.labels import action_status_name
from smartplan_tui.model import Action, ActionStatus, Session, Vote, VoteStatus
from smartplan_tui.screens.action_flows import ActionFlowsScreen
from smartplan_tui.screens.guide_card import GuideCard, guide_binding, toggle_guide
from smartplan_tui.screens.projector_key import projector_binding
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.store import SessionHandle

__all__ = ["ActionPlanScreen", "cycle"]

#: Prefix of the keys of group heading rows (never an action id: ids have no spaces).
GROUP_KEY = "group "
#: Room the columns after the title take (owner, due, status, budget, SMART, padding).
OWNER_WIDTH = 14
OTHER_COLUMNS = 5 + OWNER_WIDTH + 11 + 11 + 8 + 6 * 2 + 2
_COLUMNS = (_("Action"), _("SMART"), _("Owner"), _("Due"), _("Status"), _("Budget €"))
#: The measure column, shown from `WIDE` columns on (below, only the line under the table).
MEASURE_COLUMN = _("Indicator: baseline → target")
MEASURE_WIDTH = 30
WIDE = 120
#: What the measure says for a value not given.
MISSING = "—"
_STATUSES: tuple[ActionStatus, ...] = tuple(ActionStatus)


def cycle(values: list[str], current: str | None) -> str | None:
    """The value after `current` (None = all, first), and None again after the last."""
    if current is None:
        return values[0] if values else None
    index = values.index(current) + 1 if current in values else len(values)
    return values[index] if index < len(values) else None


def _budget(action: Action) -> str:
    if action.budget_eur is None:
        return ""
    return f"{action.budget_eur:,.0f}".replace(",", " ")


def measure(action: Action) -> str:
    """`People trained: 0 → 40`; empty when the action has no indicator, baseline or target."""
    if not (action.indicator or action.baseline or action.target):
        return ""
    return (f"{action.indicator or MISSING}: {action.baseline or MISSING} → "
            f"{action.target or MISSING}")


def _group_title(session: Session, group: actions.PriorityGroup, width: int) -> Text:
    """The heading row of a group, cut to the title column so the other columns fit."""
    if group.vote is None or group.option is None:
        head = Text(_("Not linked to a priority"), style="bold italic")
    else:
        rank = f"#{group.rank} " if group.rank is not None else ""
        head = Text(rank, style="bold").append_text(literal(
            actions.priority_name(session, group.vote, group.option), "bold", None))
    head.truncate(width, overflow="ellipsis")
    return head


class ActionPlanScreen(ActionFlowsScreen):
    """`ActionPlanScreen(handle)`: the session's action plan."""

    CSS_PATH = "actions.tcss"

    screen_title = _("Action plan")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", _("New action"), id="actions_new"),
        Binding("e,enter", "edit", _("Edit"), id="actions_edit"),
        Binding("a", "from_winner", _("Action for winner"), id="actions_winner"),
        Binding("s", "next_status", _("Next status"), id="actions_status"),
        Binding("f", "filter_status", _("Filter status"), id="actions_filter_status"),
        Binding("o", "filter_owner", _("Filter owner"), id="actions_filter_owner"),
        Binding("d,delete", "delete", _("Delete"), show=False, id="actions_delete"),
        guide_binding(),
        projector_binding(),
    ]

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__(handle)
        self.status_filter: ActionStatus | None = None
        self.owner_filter: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="action-filters", markup=False)
        table: DataTable[Text] = DataTable(id="action-table", cursor_type="row",
                                           zebra_stripes=False)
        yield table
        yield Static(id="action-detail", markup=False)
        yield GuideCard()
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#action-table", DataTable)
        table.focus()
        self.show_plan()

    def _columns(self) -> tuple[str, ...]:
        wide = (self.size.width or 80) >= WIDE
        return (*_COLUMNS, MEASURE_COLUMN) if wide else _COLUMNS

    # ------------------------------------------------------------------ showing

    def on_resize(self) -> None:
        self.show_plan()

    def watch_session(self, session: Session) -> None:
        if self.is_mounted and self.query("#action-table"):
            self.show_plan()

    def shown_actions(self) -> list[Action]:
        return actions.filter_actions(
            self.session.actions, self.status_filter.value if self.status_filter else None,
            self.owner_filter)

    def show_plan(self) -> None:
        """Refill the table, keeping the cursor on the same action."""
        table: DataTable[Text] = self.query_one("#action-table", DataTable)
        current = self.selected
        columns = self._columns()
        if tuple(str(c.label) for c in table.columns.values()) != columns:
            table.clear(columns=True)
            table.add_columns(*columns)
        else:
            table.clear()
        wide = MEASURE_COLUMN in columns
        session = self.session
        width = max(16, (self.size.width or 80) - OTHER_COLUMNS
                    - (MEASURE_WIDTH + 2 if wide else 0))
        for number, group in enumerate(actions.by_priority(self.shown_actions(), session)):
            table.add_row(_group_title(session, group, width), *([Text("")] * (len(columns) - 1)),
                          key=f"{GROUP_KEY}{number}")
            for action in group.actions:
                gaps = "".join(g.letter for g in actions.smart_gaps(action, session))
                title = Text("  ").append_text(literal(action.title, limit=None))
                title.truncate(width, overflow="ellipsis")
                owner = literal(action.owner, limit=None)
                owner.truncate(OWNER_WIDTH, overflow="ellipsis")
                cells = [
                    title, Text(gaps or "✓", style="red" if gaps else "green"), owner,
                    Text(short_date(action.due)),
                    Text(action_status_name(action.status)),
                    Text(_budget(action), justify="right")]
                if wide:
                    cells.append(literal(measure(action), limit=MEASURE_WIDTH))
                table.add_row(*cells, key=action.id)
        if current is not None:
            with contextlib.suppress(RowDoesNotExist):  # filtered out or gone
                table.move_cursor(row=table.get_row_index(current.id))
        self.show_detail()
        status = action_status_name(self.status_filter) if self.status_filter else _("any")
        shown = len(self.shown_actions())
        anyone = self.owner_filter if self.owner_filter is not None else _("anyone")
        self.query_one("#action-filters", Static).update(Text(ngettext(
            "{shown} of {n} action · status: {status} · owner: {owner}",
            "{shown} of {n} actions · status: {status} · owner: {owner}",
            len(session.actions)).format(shown=shown, n=len(session.actions), status=status,
                                         owner=anyone)))

    def show_detail(self) -> None:
        """The highlighted action's measure and its SMART gaps, each spelled out."""
        action = self.selected
        detail = self.query_one("#action-detail", Static)
        if action is None:
            detail.update(Text(_("Highlight an action for its indicator and SMART gaps."),
                               style="dim"))
            return
        text = Text(MEASURE_COLUMN + "  ", style="bold")
        text.append_text(literal(measure(action) or _("none yet"), limit=None))
        gaps = actions.smart_gaps(action, self.session)
        text.append("\n" + _("SMART: "), style="bold")
        text.append("; ".join(f"{g.criterion}: {g.reason}" for g in gaps) if gaps
                    else _("specific, measurable, achievable, relevant and time-bound"))
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    @property
    def selected(self) -> Action | None:
        """The action under the cursor (None on a heading row or an empty table)."""
        table = self.query_one("#action-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        found = self.session.find(ACTIONS, key)
        return found if isinstance(found, Action) else None

    # ------------------------------------------------------------------ actions

    def action_guide(self) -> None:
        toggle_guide(self, "actions")

    def action_projector(self) -> None:
        from smartplan_tui.screens.projector import ProjectorScreen  # at the key: a view of its own

        self.app.push_screen(ProjectorScreen(self.handle, "actions"))

    def action_new(self) -> None:
        self.new_action()

    def action_edit(self) -> None:
        action = self.selected
        if action is None:
            self.refuse(_("No action is highlighted: press n to add one."))
            return
        self.edit_action(action)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_from_winner(self) -> None:
        """An action for the winner of the latest closed vote (else the latest vote)."""
        votes = list(reversed(self.session.votes))
        closed = [v for v in votes if v.status is VoteStatus.CLOSED]
        vote: Vote | None = next(iter(closed or votes), None)
        if vote is None:
            self.notify(_("No vote yet: set one up on the votes screen."), severity="warning")
            return
        self.open_winner_form(vote)

    def action_next_status(self) -> None:
        action = self.selected
        if action is None:
            self.refuse(_("No action is highlighted: press n to add one."))
            return
        status = _STATUSES[(_STATUSES.index(action.status) + 1) % len(_STATUSES)]
        self.save(lambda: self.handle.update(
            ACTIONS, action.id, lambda a: dataclasses.replace(a, status=status)))

    def action_filter_status(self) -> None:
        value = cycle([s.value for s in _STATUSES],
                      self.status_filter.value if self.status_filter else None)
        self.status_filter = ActionStatus(value) if value is not None else None
        self.show_plan()

    def action_filter_owner(self) -> None:
        owners = sorted({a.owner for a in self.session.actions if a.owner})
        self.owner_filter = cycle(owners, self.owner_filter)
        self.show_plan()

    def action_delete(self) -> None:
        action = self.selected
        if action is None:
            self.refuse(_("No action is highlighted: press n to add one."))
            return
        self.confirm_remove(ACTIONS, action.id, _("Delete the action {title}?").format(
            title=literal(action.title, limit=80).plain))
