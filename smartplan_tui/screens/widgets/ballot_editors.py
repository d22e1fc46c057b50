"""Keyboard editors for one ballot: dots, a ranking, or marks on criteria.

Why custom widgets rather than a form of inputs: a facilitator types in eight paper
ballots in a row, so each must take a handful of keys. Every option has a key letter
(`a` for the first, as on the flip chart): in the dot editor a letter adds a dot to that
option (shift+letter takes one away), in the ranking editor a letter puts the option next
in the ranking (again: takes it out). Arrows and digits work too. The editors only hold
what is being typed; whether the ballot is valid is the vote's call (`Vote.ballot_problem`),
shown by the ballot screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import Ballot, Vote, VoteOption
from smartplan_tui.screens.widgets.literal import literal

__all__ = ["BallotEditor", "DotEditor", "RankEditor", "ScoreEditor", "counted", "editor_for",
           "key_letter", "voters_counted", "voters_of"]

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def key_letter(index: int) -> str:
    """The key that picks the option at `index` (first 26 options), else a blank."""
    return LETTERS[index] if index < len(LETTERS) else " "


class BallotEditor(Widget, can_focus=True):
    """Shared cursor, key letters and redraw; subclasses say what a key does to the ballot."""

    DEFAULT_CSS = """
    BallotEditor { height: auto; max-height: 16; padding: 0 1; border: round $primary;
                   text-wrap: nowrap; text-overflow: ellipsis; }
    BallotEditor:focus { border: round $accent; }
    BallotEditor .ballot-editor--cursor { background: $boost; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"ballot-editor--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", _("Up"), show=False),
        Binding("down", "move(1)", _("Down"), show=False),
    ]

    cursor: reactive[int] = reactive(0)
    """The highlighted option (arrows, digits and space act on it)."""

    class Edited(Message):
        """The ballot being typed changed (the screen re-checks it)."""

        def __init__(self, editor: BallotEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> BallotEditor:
            return self.editor

    def __init__(self, vote: Vote, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.vote = vote
        self.options: tuple[VoteOption, ...] = vote.options

    # -------------------------------------------------------------- subclass API

    def ballot(self, voter: str) -> Ballot:
        """The ballot as typed so far, for `voter` ('' = anonymous)."""
        raise NotImplementedError

    def load(self, ballot: Ballot | None) -> None:
        """Show `ballot` for correction, or start empty."""
        raise NotImplementedError

    def pick(self, index: int, *, back: bool = False) -> None:
        """The option's key letter was pressed (with shift when `back`)."""

    def digit(self, value: int) -> None:
        """A digit was typed on the highlighted option."""

    def state(self, index: int) -> Text:
        """How the option at `index` stands on this ballot, e.g. `●●` or `#2`."""
        return Text()

    def summary(self) -> str:
        return ""

    # -------------------------------------------------------------- shared

    def changed(self) -> None:
        self.refresh(layout=True)
        self.post_message(self.Edited(self))

    def action_move(self, step: int) -> None:
        if self.options:
            self.cursor = (self.cursor + step) % len(self.options)

    def watch_cursor(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        char = event.character or ""
        if len(char) == 1 and char.lower() in LETTERS and char.isalpha():
            index = LETTERS.index(char.lower())
            if index < len(self.options):
                event.stop()
                event.prevent_default()
                self.cursor = index
                self.pick(index, back=char.isupper())
        elif len(char) == 1 and char.isdigit():
            event.stop()
            event.prevent_default()
            self.digit(int(char))

    def render(self) -> Text:
        cursor_style = self.get_component_rich_style("ballot-editor--cursor")
        lines: list[Text] = []
        for i, option in enumerate(self.options):
            line = Text(f"{key_letter(i)} ", style="dim")
            line.append(f"{option.id:<3}", style="bold")
            line.append_text(self.state(i))
            line.append(" ")
            line.append_text(literal(option.text, limit=60))
            if i == self.cursor and self.has_focus:
                line.stylize(cursor_style)
            lines.append(line)
        summary = self.summary()
        if summary:
            lines.append(Text(summary, style="italic"))
        return Text("\n").join(lines)


class DotEditor(BallotEditor):
    """Dots per option. `aggregate=True` for counts read off a wall: no budget, big numbers."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus,space", "add(1)", _("Dot +1"), show=False),
        Binding("left,minus", "add(-1)", _("Dot −1"), show=False),
        Binding("backspace", "undo", _("Undo dot"), show=False),
    ]

    def __init__(self, vote: Vote, *, aggregate: bool = False, id: str | None = None) -> None:
        super().__init__(vote, id=id)
        self.aggregate = aggregate
        self.dots: dict[str, int] = {}
        self._history: list[str] = []
        self._typing_number = False

    def ballot(self, voter: str) -> Ballot:
        dots = {o.id: self.dots[o.id] for o in self.options if self.dots.get(o.id)}
        if self.aggregate:
            return Ballot(dots=dots, aggregate=True)
        return Ballot(voter=voter, dots=dots)

    def load(self, ballot: Ballot | None) -> None:
        self.dots = dict(ballot.dots) if ballot is not None and ballot.dots is not None else {}
        self._history = []
        self._typing_number = False
        self.changed()

    def _set(self, option_id: str, value: int) -> None:
        self.dots[option_id] = max(0, value)
        self.changed()

    def pick(self, index: int, *, back: bool = False) -> None:
        option_id = self.options[index].id
        self._typing_number = False
        if not back:
            self._history.append(option_id)
        self._set(option_id, self.dots.get(option_id, 0) + (-1 if back else 1))

    def action_add(self, step: int) -> None:
        if self.options:
            self.pick(self.cursor, back=step < 0)

    def action_undo(self) -> None:
        if self._history:
            option_id = self._history.pop()
            self._set(option_id, self.dots.get(option_id, 0) - 1)

    def digit(self, value: int) -> None:
        """Set the highlighted option's count; wall counts take numbers typed in a row (23)."""
        if not self.options:
            return
        option_id = self.options[self.cursor].id
        current = self.dots.get(option_id, 0) if self._typing_number and self.aggregate else 0
        self._typing_number = True
        self._set(option_id, min(current * 10 + value, 99_999))

    def action_move(self, step: int) -> None:
        self._typing_number = False
        super().action_move(step)

    def state(self, index: int) -> Text:
        n = self.dots.get(self.options[index].id, 0)
        if self.aggregate or n > 5:
            return Text(f"{n:>5} ", style="bold")
        return Text(f"{'●' * n:<5} ", style="bold")

    def summary(self) -> str:
        total = sum(self.dots.values())
        if self.aggregate:
            return ngettext("{n} dot counted off the wall", "{n} dots counted off the wall",
                            total).format(n=total)
        budget = self.vote.dots_per_voter
        left = budget - total
        cap = self.vote.max_dots_per_option
        placed = ngettext("{total} of {n} dot placed", "{total} of {n} dots placed",
                          budget).format(total=total, n=budget)
        if cap is None:
            return _("{placed} ({left} left)").format(placed=placed, left=left)
        return _("{placed} ({left} left, at most {cap} per option)").format(
            placed=placed, left=left, cap=cap)


class RankEditor(BallotEditor):
    """A ranking, best first: letters put options next in line; options left out rank last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,right", "toggle_option", _("Rank / unrank"), show=False),
        Binding("backspace", "undo", _("Unrank last"), show=False),
    ]

    def __init__(self, vote: Vote, *, id: str | None = None) -> None:
        super().__init__(vote, id=id)
        self.ranking: list[str] = []

    def ballot(self, voter: str) -> Ballot:
        return Ballot(voter=voter, ranking=tuple(self.ranking))

    def load(self, ballot: Ballot | None) -> None:
        self.ranking = list(ballot.ranking or ()) if ballot is not None else []
        self.changed()

    def pick(self, index: int, *, back: bool = False) -> None:
        option_id = self.options[index].id
        if option_id in self.ranking:
            self.ranking.remove(option_id)
        elif not back:
            self.ranking.append(option_id)
        self.changed()

    def digit(self, value: int) -> None:
        """Put the highlighted option at place `value` (1 = first)."""
        if not self.options or value < 1:
            return
        option_id = self.options[self.cursor].id
        if option_id in self.ranking:
            self.ranking.remove(option_id)
        self.ranking.insert(min(value - 1, len(self.ranking)), option_id)
        self.changed()

    def action_toggle_option(self) -> None:
        if self.options:
            self.pick(self.cursor)

    def action_undo(self) -> None:
        if self.ranking:
            self.ranking.pop()
            self.changed()

    def state(self, index: int) -> Text:
        option_id = self.options[index].id
        if option_id in self.ranking:
            return Text(f"#{self.ranking.index(option_id) + 1:<3}", style="bold")
        return Text(" –  ", style="dim")

    def summary(self) -> str:
        order = " > ".join(self.ranking) if self.ranking else _("nothing ranked yet")
        return _("Ranking: {order}").format(order=order)


class ScoreEditor(BallotEditor):
    """Marks per option and criterion; a digit sets the mark and moves to the next cell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "criterion(-1)", _("Previous criterion"), show=False),
        Binding("right", "criterion(1)", _("Next criterion"), show=False),
        Binding("backspace", "clear", _("Clear mark"), show=False),
    ]

    column: reactive[int] = reactive(0)
    """The highlighted criterion."""

    def __init__(self, vote: Vote, *, id: str | None = None) -> None:
        super().__init__(vote, id=id)
        self.criteria = vote.criteria
        self.marks: dict[str, dict[str, int]] = {}

    def ballot(self, voter: str) -> Ballot:
        scores = {o: dict(m) for o, m in self.marks.items() if m}
        return Ballot(voter=voter, scores=scores)

    def load(self, ballot: Ballot | None) -> None:
        scores: Mapping[str, Mapping[str, int]] = (
            ballot.scores if ballot is not None and ballot.scores is not None else {})
        self.marks = {o: dict(m) for o, m in scores.items()}
        self.cursor = 0
        self.column = 0
        self.changed()

    def watch_column(self) -> None:
        self.refresh()

    def action_criterion(self, step: int) -> None:
        self.column = (self.column + step) % len(self.criteria)

    def digit(self, value: int) -> None:
        if not self.options:
            return
        option_id = self.options[self.cursor].id
        self.marks.setdefault(option_id, {})[self.criteria[self.column]] = value
        if self.column + 1 < len(self.criteria):
            self.column += 1
        elif self.cursor + 1 < len(self.options):
            self.column = 0
            self.cursor += 1
        self.changed()

    def pick(self, index: int, *, back: bool = False) -> None:
        self.column = 0

    def action_clear(self) -> None:
        if self.options:
            self.marks.get(self.options[self.cursor].id, {}).pop(self.criteria[self.column], None)
            self.changed()

    def state(self, index: int) -> Text:
        marks = self.marks.get(self.options[index].id, {})
        text = Text()
        for c, criterion in enumerate(self.criteria):
            mark = marks.get(criterion)
            here = index == self.cursor and c == self.column and self.has_focus
            style = "reverse" if here else ""
            text.append(f"{'·' if mark is None else mark:>2}", style=style)
        text.append(" ")
        return text

    def summary(self) -> str:
        lo, hi = self.vote.scale
        return _("Criteria: {criteria} — type a mark {lo}–{hi}; ←/→ change criterion").format(
            criteria=", ".join(self.criteria), lo=lo, hi=hi)


def editor_for(vote: Vote, *, aggregate: bool = False, id: str | None = None) -> BallotEditor:
    """The editor that fits the vote's method (dots, ranking or marks)."""
    kind = vote.method.ballot_kind
    if kind == "dots":
        return DotEditor(vote, aggregate=aggregate, id=id)
    if kind == "ranking":
        return RankEditor(vote, id=id)
    return ScoreEditor(vote, id=id)


def voters_of(ballots: Sequence[Ballot]) -> set[str]:
    """Participants who have a ballot in (anonymous ones do not count)."""
    return {b.voter for b in ballots if b.voter}


def counted(n: int) -> str:
    """`1 ballot`, `3 ballots`, in the interface language's plural forms."""
    return ngettext("{n} ballot", "{n} ballots", n).format(n=n)


def voters_counted(n: int) -> str:
    """`1 voter`, `3 voters`, in the interface language's plural forms."""
    return ngettext("{n} voter", "{n} voters", n).format(n=n)
