"""The TOWS strategy form: pick internal and external SWOT items, write the strategy.

The type (SO, ST, WO, WT) is inferred from the picked items unless chosen; the check is
`exercises.tows.make_strategy`, whose one-line reason shows under the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList
from textual.widgets.selection_list import Selection

from smartplan_tui.exercises import tows
from smartplan_tui.i18n import _
from smartplan_tui.model import Session, TowsStrategy, TowsType
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.literal import literal
from smartplan_tui.screens.widgets.tick_list import TickList

TYPE_CHOICES = [(_("Infer from the items picked"), ""), *((t.value, t.value) for t in TowsType)]


def swot_selections(session: Session, internal: bool, chosen: tuple[str, ...]
                    ) -> list[Selection[str]]:
    """The internal (S, W) or external (O, T) items, labelled by quadrant letter."""
    return [Selection(literal(f"{item.quadrant.letter} · {item.text}", limit=120), item.id,
                      item.id in chosen)
            for item in session.swot if item.quadrant.internal is internal]


class TowsForm(FormScreen[TowsStrategy]):
    """Returns a checked strategy (id `new` for a new one)."""

    #: A type that does not fit is fixed by picking other items, so the error goes there.
    error_fields: ClassVar[Mapping[str, str]] = {"type": "tows-internal",
                                                  "links": "tows-internal"}

    def __init__(self, session: Session, strategy: TowsStrategy | None = None) -> None:
        super().__init__()
        self.session = session
        self.strategy = strategy
        self.heading = _("Edit strategy") if strategy else _("New TOWS strategy")

    def compose_fields(self) -> ComposeResult:
        links = self.strategy.links if self.strategy else ()
        # Ticks that read without colour: on a projector the linked items must show.
        internal = TickList(*swot_selections(self.session, True, links), id="tows-internal")
        external = TickList(*swot_selections(self.session, False, links), id="tows-external")
        yield from field(_("Strengths / weaknesses (space picks)"), internal)
        yield from field(_("Opportunities / threats (space picks)"), external)
        yield from field(_("Strategy"), Input(self.strategy.text if self.strategy else "",
                                              id="tows-text"))
        yield from field(_("Type"), Select(TYPE_CHOICES, id="tows-type", allow_blank=False,
                                           value=self.strategy.type.value if self.strategy
                                           else ""))

    def build(self) -> TowsStrategy:
        links = [*self.query_one("#tows-internal", SelectionList).selected,
                 *self.query_one("#tows-external", SelectionList).selected]
        chosen = self.choice("tows-type")
        kind = chosen if isinstance(chosen, str) and chosen else None
        strategy_id = self.strategy.id if self.strategy else "new"
        return tows.make_strategy(self.session, strategy_id, kind, self.text("tows-text"),
                                  links)

