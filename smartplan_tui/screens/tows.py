"""TOWS: the four strategy boxes (SO, ST, WO, WT) and the combinations still empty.

The empty combinations are pairs of SWOT items (`exercises.tows.empty_combinations`); with
big boards that is many pairs, so they are computed in a thread worker and the screen
shows the count and the first few.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from smartplan_tui.collection_registry import SWOT, TOWS
from smartplan_tui.exercises import tows, usage
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import Session, TowsStrategy, TowsType
from smartplan_tui.screens.guide_card import GuideCard, guide_binding, toggle_guide
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.tows_form import TowsForm
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible
from smartplan_tui.text import quoted, shorten

TYPE_TITLES = {
    TowsType.SO: _("SO strengths × opportunities"),
    TowsType.ST: _("ST strengths × threats"),
    TowsType.WO: _("WO weaknesses × opportunities"),
    TowsType.WT: _("WT weaknesses × threats"),
}

#: How many empty pairs are named on screen.
SHOWN_PAIRS = 3


#: The most columns each side of an empty pair takes (`ST: ports… × erosion…`).
PAIR_SIDE_MOST = 50


def pair_side_width(width: int) -> int:
    """How wide each SWOT text of an empty pair is shown so that the pair keeps to one line
    of a screen `width` columns wide (its padding, `  ST: ` and ` × ` beside the texts)."""
    return max(12, min(PAIR_SIDE_MOST, (width - 2 - 6 - 3) // 2))


#: Columns of each linked SWOT item's text in a strategy's row.
LINK_WIDTH = 24


def strategy_prompt(strategy: TowsStrategy, session: Session) -> Text:
    """The strategy's text, then the SWOT items it links, dimmed, by a short form of
    their text (ids mean nothing in the room)."""
    text = literal(strategy.text)
    if strategy.links:
        named = [quoted(item.text, LINK_WIDTH) if (item := session.find(SWOT, link)) else link
                 for link in strategy.links]
        text.append(f"  ({' · '.join(named)})", style="dim")
    return text


class TowsBox(OptionList):
    """The strategies of one type; option ids are strategy ids."""

    def __init__(self, kind: TowsType) -> None:
        super().__init__(id=f"tows-{kind.value}", classes="tows-box", markup=False)
        self.kind = kind

    def show(self, strategies: list[TowsStrategy], session: Session) -> None:
        keep = self.highlighted
        self.border_title = f"{TYPE_TITLES[self.kind]} ({len(strategies)})"
        self.set_options(Option(strategy_prompt(s, session), id=s.id) for s in strategies)
        if strategies:
            self.highlighted = min(keep or 0, len(strategies) - 1)


class TowsScreen(LiveScreen):
    """n writes a strategy; e edits, d deletes the highlighted one."""

    TITLE = "TOWS"

    CSS_PATH = "tows.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="tows_back"),
        Binding("n", "new", _("New strategy"), id="tows_new"),
        Binding("e", "edit", _("Edit"), id="tows_edit"),
        Binding("d,delete", "delete", _("Delete"), id="tows_delete"),
        guide_binding(),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="tows-boxes"):
            for kind in TowsType:
                yield TowsBox(kind)
        yield Static("", id="tows-empty")
        yield GuideCard()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = visible(self.session.info.title, 80)
        self.watch_session(self.session)
        self.query_one(TowsBox).focus()

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        for kind, strategies in tows.by_type(session.tows).items():
            self.query_one(f"#tows-{kind.value}", TowsBox).show(strategies, session)
        self._find_empty(session)

    @work(thread=True, exclusive=True, group="tows-empty", exit_on_error=False)
    def _find_empty(self, session: Session) -> None:
        pairs = tows.empty_combinations(session)
        self.app.call_from_thread(self._show_empty, session, pairs)

    def _show_empty(self, session: Session, pairs: list[tows.Combination]) -> None:
        empty_types = sorted({p.type.value for p in pairs if p.type_empty})
        if not pairs:
            line = Text(_("Every strength or weakness is combined with every opportunity or "
                          "threat."))
        else:
            line = Text(ngettext("Still empty: {n} combination", "Still empty: {n} combinations",
                                 len(pairs)).format(n=len(pairs)))
            if empty_types:
                line.append(_(" — no {types} strategy yet").format(types=", ".join(empty_types)))
            side = pair_side_width(self.size.width)
            for pair in pairs[:SHOWN_PAIRS]:
                a, b = session.find(SWOT, pair.internal), session.find(SWOT, pair.external)
                line.append(f"\n  {pair.type.value}: ")
                line.append(shorten(a.text if a else pair.internal, side))
                line.append(" × ")
                line.append(shorten(b.text if b else pair.external, side))
        self.query_one("#tows-empty", Static).update(line)

    def current(self) -> TowsStrategy | None:
        focused = self.focused
        box = focused if isinstance(focused, TowsBox) else None
        option = box.highlighted_option if box else None
        strategy = self.session.find(TOWS, option.id) if option and option.id else None
        if strategy is None:
            self.notify(_("Highlight a strategy first."), severity="warning")
        return strategy

    def action_guide(self) -> None:
        toggle_guide(self, "tows")

    def action_new(self) -> None:
        self.add_drafted(TOWS, TowsForm(self.session))

    def action_edit(self) -> None:
        strategy = self.current()
        if strategy is None:
            return

        def written(draft: TowsStrategy | None) -> None:
            if draft is not None:
                self.save(lambda: self.handle.update(TOWS, strategy.id, lambda _now: draft))

        self.app.push_screen(TowsForm(self.session, strategy), written)

    def action_delete(self) -> None:
        strategy = self.current()
        if strategy is not None:
            self.confirm_remove(TOWS, strategy.id, usage.delete_question(
                self.session, strategy.id, strategy.text) or _(
                    "Delete the strategy {text}?").format(text=quoted(strategy.text, 80)))
