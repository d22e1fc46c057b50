"""Setting up a vote: question, options, method and its rules, tie rule.

Why the order of the fields: the two things every vote needs (the question and the
options) come first, so the usual dot vote is the question, Tab, space on four SWOT items
and ctrl+s; the method's settings below keep sensible defaults (3 dots, no cap, impact
and feasibility on 1–5, ties reported) and show only for the methods that use them.
The vote is built and validated by the model, whose one-line reason is shown inline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from smartplan_tui.exercises import voting
from smartplan_tui.i18n import _
from smartplan_tui.labels import TIE_RULE_NAMES, quadrant_name, tie_rule_name
from smartplan_tui.model import (
    ModelError,
    Quadrant,
    Session,
    TieRule,
    TowsType,
    Vote,
    VoteMethod,
)
from smartplan_tui.screens.action_flows import DRAFT_ID
from smartplan_tui.screens.widgets.form import FormScreen
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.screens.widgets.tick_list import TickList

__all__ = ["DRAFT_ID", "VoteSetupScreen"]

_METHOD_NAMES = {
    VoteMethod.DOT: _("Dot voting"),
    VoteMethod.BORDA: _("Borda (ranked)"),
    VoteMethod.SCHULZE: _("Schulze (ranked)"),
    VoteMethod.IRV: _("Instant-runoff (ranked)"),
    VoteMethod.SCORE: _("Score on criteria"),
}


def _whole(field: str, text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ModelError(field, _("{text!r} is not a whole number").format(
            text=text.strip())) from None


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class VoteSetupScreen(FormScreen[Vote]):
    """Returns the new vote (id `DRAFT_ID`), or None when cancelled."""

    CSS_PATH = "vote_setup.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "find", _("Filter options"), id="setup_find"),
    ]

    heading = _("New vote")
    submit_label = _("Create vote")

    #: Where a refused value is typed, for the error line (`FormScreen.error_fields`).
    error_fields: ClassVar[Mapping[str, str]] = {
        "dots_per_voter": "dots", "max_dots_per_option": "cap", "scale": "scale-low",
        "options": "sources", "tie_break": "tie-break"}

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.add_class("vote-setup")
        self.ticked: set[str] = set()
        """The sources picked, kept while a filter hides some of them."""

    def compose_fields(self) -> ComposeResult:
        yield Input(placeholder=_("Question, e.g. Which strategy do we pursue first?"),
                    id="question")
        yield Label(_("Options from SWOT and TOWS (space picks, ctrl+f filters)"),
                    classes="field-label")
        yield TickList(*self._selections(""), id="sources")
        # After the list, so Tab from the question still goes straight to the options.
        yield Input(placeholder=_("Filter the options: type part of their text"),
                    id="source-filter")
        yield Label(_("Options typed in, one per line"), classes="field-label")
        yield TextArea(id="typed", soft_wrap=True, show_line_numbers=False)
        yield Label(_("Method"), classes="field-label")
        yield Select([(name, m.value) for m, name in _METHOD_NAMES.items()],
                     value=VoteMethod.DOT.value, allow_blank=False, id="method")
        with Horizontal(classes="for-dot form-row"):
            yield Label(_("Dots per voter"))
            yield Input("3", type="integer", id="dots")
            yield Label(_("Cap per option"))
            yield Input(placeholder=_("none"), type="integer", id="cap")
        with Horizontal(classes="for-score form-row"):
            yield Label(_("Criteria"))
            yield Input(_("impact, feasibility"), id="criteria")
            yield Label(_("Scale"))
            yield Input("1", type="integer", id="scale-low")
            yield Input("5", type="integer", id="scale-high")
        yield Label(_("Ties"), classes="field-label")
        yield Select([(tie_rule_name(r), r.value) for r in TIE_RULE_NAMES],
                     value=TieRule.REPORT.value, allow_blank=False, id="tie-rule")
        yield Input(placeholder=_("Tie order: option ids best first, e.g. C, A"),
                    id="tie-break", classes="for-facilitator")
        yield Checkbox(_("Hide results until revealed"), id="hidden")

    def _groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(heading, [(source id, text)]): SWOT by quadrant, then TOWS by type."""
        groups = [(quadrant_name(quadrant),
                   [(i.id, i.text) for i in self.session.swot if i.quadrant is quadrant])
                  for quadrant in Quadrant]
        groups += [(_("{type} strategies").format(type=kind.value),
                    [(s.id, s.text) for s in self.session.tows if s.type is kind])
                   for kind in TowsType]
        return [(heading, items) for heading, items in groups if items]

    def _selections(self, needle: str) -> list[Selection[str]]:
        """Each group's heading (not pickable) over its items whose text holds `needle`."""
        found = needle.strip().casefold()
        rows: list[Selection[str]] = []
        for heading, items in self._groups():
            shown = [(i, t) for i, t in items if found in t.casefold()]
            if not shown:
                continue
            rows.append(Selection(Text(heading, style="bold"), f"heading {heading}",
                                  disabled=True))
            rows += [Selection(literal(text, limit=70), source, source in self.ticked)
                     for source, text in shown]
        return rows

    def action_find(self) -> None:
        self.query_one("#source-filter", Input).focus()

    @on(Input.Changed, "#source-filter")
    def _filter(self, event: Input.Changed) -> None:
        sources = self.query_one("#sources", TickList)
        sources.clear_options()
        sources.add_options(self._selections(event.value))

    @on(SelectionList.SelectionToggled, "#sources")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        if value in self.ticked:
            self.ticked.discard(value)
        else:
            self.ticked.add(value)

    def on_mount(self) -> None:
        self._show_method_fields()

    @on(Select.Changed)
    def _show_method_fields(self) -> None:
        method = self.query_one("#method", Select).value
        rule = self.query_one("#tie-rule", Select).value
        for row in self.query(".for-dot"):
            row.display = method == VoteMethod.DOT.value
        for row in self.query(".for-score"):
            row.display = method == VoteMethod.SCORE.value
        self.query_one("#tie-break").display = rule == TieRule.FACILITATOR.value

    def build(self) -> Vote:
        """The vote as the form describes it; ModelError names the field that is wrong."""
        method = VoteMethod(str(self.choice("method")))
        order = [source for _, items in self._groups() for source, _ in items]
        options = voting.options_from(self.session, [s for s in order if s in self.ticked])
        vote = Vote(DRAFT_ID, self.text("question"), method, options)
        for line in self.query_one("#typed", TextArea).text.splitlines():
            if line.strip():
                vote = voting.add_option(vote, line.strip())
        if len(vote.options) < 2:
            raise ModelError("options", _("pick or type at least two options"))
        cap = self.text("cap").strip()
        return dataclasses.replace(
            vote,
            dots_per_voter=_whole("dots_per_voter", self.text("dots")),
            max_dots_per_option=_whole("max_dots_per_option", cap) if cap else None,
            criteria=_split(self.text("criteria")),
            scale=(_whole("scale", self.text("scale-low")),
                   _whole("scale-high", self.text("scale-high"))),
            tie_rule=TieRule(str(self.choice("tie-rule"))),
            tie_break=_split(self.text("tie-break").upper()),
            hidden=self.query_one("#hidden", Checkbox).value,
        )
