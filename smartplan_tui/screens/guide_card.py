"""The facilitator's card: a side panel with the method's steps, timing and questions.

One widget and one key (`GUIDE_KEY`, the same on every exercise screen): a screen yields a
`GuideCard`, lists `guide_binding()` in its BINDINGS and toggles it in `action_guide` with
the topic it is about (`toggle_guide(self, "swot")`). The card takes the right-hand side and
scrolls, so the screen beside it stays usable at 80×24. Its texts are in
`exercises/guidance.py`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from smartplan_tui.exercises.guidance import card_for, card_lines
from smartplan_tui.i18n import _

__all__ = ["GUIDE_KEY", "GuideCard", "guide_binding", "show_guide", "toggle_guide"]

#: The card's key on every screen: an F key, so it works while a capture line has focus.
GUIDE_KEY = "f3"

_STYLES = {"title": "bold reverse", "timing": "italic", "heading": "bold underline",
           "step": "", "question": ""}


def guide_binding() -> Binding:
    """The binding every screen with a card lists (one description, one id everywhere)."""
    return Binding(GUIDE_KEY, "guide", _("Guide"), tooltip=_("Facilitator's card: steps, "
                   "timing, questions"), id="guide")


def card_text(topic: str) -> Text:
    """The card of `topic` as one text, a blank line between its parts."""
    text = Text()
    for style, line in card_lines(card_for(topic)):
        if style in ("heading", "timing") and text:
            text.append("\n")
        text.append(line + "\n", style=_STYLES[style])
    return text


class GuideCard(Vertical):
    """Docked on the right, hidden until its key is pressed; its text scrolls when long."""

    DEFAULT_CSS = """
    GuideCard {
        dock: right;
        width: 34;
        max-width: 50%;
        height: 1fr;
        margin-top: 1;  /* below a header */
        display: none;
    }
    GuideCard.-shown {
        display: block;
    }
    GuideCard > VerticalScroll {
        height: 1fr;
        margin-bottom: 5;  /* above a key bar of up to four lines (a dock's size ignores margins) */
        border: round $accent;
        border-title-style: bold;
        padding: 0 1;
        background: $surface;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="guide-card")
        self.topic = ""
        """What the card is about now (an exercise or a voting method)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="guide-scroll"):
            yield Static(id="guide-text", markup=False)

    @property
    def scroller(self) -> VerticalScroll:
        """The framed, scrolling part (what is read, and what ↑/↓ move when focused)."""
        return self.query_one("#guide-scroll", VerticalScroll)

    def show_topic(self, topic: str) -> None:
        """Show the card of `topic` (shown or not, so a later toggle shows the right one)."""
        self.topic = topic
        self.scroller.border_title = _("Guide")
        self.query_one("#guide-text", Static).update(card_text(topic))

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")


def toggle_guide(screen: Screen[Any], topic: str) -> None:
    """Show `screen`'s card for `topic`; hide it when it already shows that topic."""
    card = screen.query_one(GuideCard)
    hide = card.shown and card.topic == topic
    if not hide:
        card.show_topic(topic)
    card.set_class(not hide, "-shown")


def show_guide(screen: Screen[Any], topic: str) -> None:
    """Follow a new topic (another vote highlighted) while the card is shown."""
    cards = screen.query(GuideCard)
    if cards and cards.first().shown and cards.first().topic != topic:
        cards.first().show_topic(topic)
