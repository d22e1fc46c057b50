"""The projector view: the SWOT 2×2, a vote's results or the action plan, for the wall screen.

Large type in a terminal is the terminal's own font, so this view makes what the room reads
big in other ways: bold headings on solid colour, a blank line between items, texts wrapped
in full (never cut), and one panel per part of the picture. A panel whose items do not all
fit says how many are below ("↓ 4 more") and scrolls (Tab picks the panel, ↑/↓ scroll it).
It is a `LiveScreen`, so it redraws within a second of any edit, from any terminal.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Label, Static

from smartplan_tui.collection_registry import VOTES
from smartplan_tui.dates import short_date
from smartplan_tui.exercises import voting
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.labels import action_status_name, method_name, quadrant_name, swot_name
from smartplan_tui.model import ModelError, Quadrant, Session, Vote, VoteMethod
from smartplan_tui.records import record
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.projector_key import PROJECTOR_KEY, projector_binding
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.store import SessionHandle
from smartplan_tui.text import visible

__all__ = ["PROJECTOR_KEY", "Panel", "ProjectorScreen", "panels_of", "projector_binding"]


VIEWS = ("swot", "vote", "actions")

#: Width of a vote's bar, in cells, for the highest count.
BAR_WIDTH = 16


@record
class Panel:
    """One box of the view: a heading and its items, each shown whole."""

    heading: str
    items: tuple[Text, ...]
    empty: str = ""
    """What the panel says when it has no items."""


def _swot_panels(session: Session) -> tuple[str, list[Panel]]:
    panels = []
    for quadrant in Quadrant:
        items = [item for item in session.swot if item.quadrant is quadrant]
        panels.append(Panel(f"{quadrant_name(quadrant)} ({len(items)})",
                            tuple(Text(visible(item.text, None)) for item in items),
                            _("Nothing yet")))
    return swot_name(), panels


def _vote(session: Session, vote_id: str | None) -> Vote | None:
    found = session.find(VOTES, vote_id) if vote_id else None
    if isinstance(found, Vote):
        return found
    return session.votes[-1] if session.votes else None


def _vote_panels(session: Session, vote_id: str | None) -> tuple[str, list[Panel]]:
    vote = _vote(session, vote_id)
    if vote is None:
        return _("Vote"), [Panel(_("No vote yet"), (), _("Set one up on the votes screen."))]
    ballots = ngettext("{n} ballot", "{n} ballots", len(vote.ballots)).format(
        n=len(vote.ballots))
    question = visible(vote.question, None)
    if vote.hidden:
        return question, [Panel(_("Results hidden · {ballots}").format(ballots=ballots), tuple(
            Text(f"{option.id}  {visible(option.text, None)}") for option in vote.options))]
    try:
        result = voting.count(vote)
    except ModelError as error:
        return question, [Panel(ballots, (), visible(str(error), None))]
    top = max((float(row.score) for row in result.rows), default=0.0) or 1.0
    items = []
    for row in result.rows if result.counted > 0 else ():  # none: "No ballot counted yet"
        text = Text(f"{row.rank}. ", style="bold")
        text.append(f"{row.option}  {visible(result.labels.get(row.option, ''), None)}",
                    style="bold")
        bar = "█" * max(1, round(BAR_WIDTH * float(row.score) / top)) if row.score else ""
        score = (ngettext("{n} dot", "{n} dots", int(row.score)).format(n=int(row.score))
                 if vote.method is VoteMethod.DOT else f"{row.score:g}")
        text.append(f"\n   {bar} {score}")
        items.append(text)
    return question, [Panel(f"{method_name(vote.method)} · {ballots}", tuple(items),
                            _("No ballot counted yet"))]


def _action_panels(session: Session) -> tuple[str, list[Panel]]:
    items = []
    for action in session.actions:
        text = Text(visible(action.title, None), style="bold")
        details = [visible(action.owner, None) or _("no owner yet"),
                   short_date(action.due),
                   action_status_name(action.status)]
        text.append("\n" + " · ".join(d for d in details if d))
        items.append(text)
    count = ngettext("{n} action", "{n} actions", len(items)).format(n=len(items))
    return _("Action plan"), [Panel(count, tuple(items), _("No action yet"))]


def panels_of(session: Session, view: str, vote_id: str | None = None
              ) -> tuple[str, list[Panel]]:
    """The view's title and its panels, from the session as it is now."""
    if view == "swot":
        return _swot_panels(session)
    if view == "vote":
        return _vote_panels(session, vote_id)
    return _action_panels(session)


class PanelBody(VerticalScroll):
    """A panel's items; tells its panel how many are below the fold after every change."""

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.update_hint)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.update_hint()

    def hidden_below(self) -> int:
        """Items not (or not wholly) in view below what is shown."""
        bottom = self.scroll_y + self.scrollable_content_region.height
        return sum(1 for child in self.children if child.virtual_region.bottom > bottom)

    def update_hint(self) -> None:
        if not self.is_attached or self.parent is None:
            return
        hint = self.parent.query_one(".projector-more", Label)
        below = self.hidden_below()
        hint.update(ngettext("↓ {n} more", "↓ {n} more", below).format(n=below)
                    if below else "")
        hint.display = below > 0


class PanelView(Vertical):
    """A panel on screen: its heading, its items (a `Static` each) and the hint."""

    def compose(self) -> ComposeResult:
        yield Label("", classes="projector-heading", markup=False)
        yield PanelBody(classes="projector-body")
        yield Label("", classes="projector-more", markup=False)

    def show(self, panel: Panel) -> None:
        self.query_one(".projector-heading", Label).update(panel.heading)
        body = self.query_one(PanelBody)
        lines = panel.items or (Text(panel.empty, style="italic"),)
        shown = list(body.query_children(Static))
        for widget, line in zip(shown, lines, strict=False):
            widget.update(line)
        for widget in shown[len(lines):]:
            widget.remove()
        if len(lines) > len(shown):
            body.mount_all(Static(line, classes="projector-item", markup=False)
                           for line in lines[len(shown):])
        body.call_after_refresh(body.update_hint)


class ProjectorScreen(LiveScreen):
    """`ProjectorScreen(handle, "swot" | "vote" | "actions", vote_id)`; Esc goes back."""

    CSS_PATH = "projector.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", _("Back"), id="projector_back"),
        Binding(PROJECTOR_KEY, "app.pop_screen", _("Back"), show=False),
    ]

    def __init__(self, handle: SessionHandle, view: str, vote_id: str | None = None) -> None:
        if view not in VIEWS:
            raise ValueError(f"no projector view {view!r}: one of {', '.join(VIEWS)}")
        super().__init__(handle, classes=f"view-{view}")
        self.view = view
        self.vote_id = vote_id

    def compose(self) -> ComposeResult:
        yield Static("", id="projector-title", markup=False)
        with Container(id="projector-panels"):
            for _index in range(4 if self.view == "swot" else 1):
                yield PanelView(classes="projector-panel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch_session(self.session)
        self.query_one(PanelBody).focus()

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        title, panels = panels_of(session, self.view, self.vote_id)
        self.query_one("#projector-title", Static).update(
            Text(f"{title} — {visible(session.info.title, None)}"))
        for view, panel in zip(self.query(PanelView), panels, strict=False):
            view.show(panel)
