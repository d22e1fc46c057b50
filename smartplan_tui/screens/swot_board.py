"""The SWOT board: four quadrants, fast capture, edit/move/tag/merge, delete with undo.

Each quadrant is an `ItemList` of one-line rows that renders only the rows in view, so
2,000 items cost no more per keystroke than 20; the highlighted item's whole text shows
under the board. A 2×2 grid on wide terminals; at 80 columns one quadrant at
a time under tabs. The board opens in the capture line: whatever is typed there is text
(the letter commands act only once Esc or Tab has moved to the quadrants), Enter adds it to
the active quadrant and keeps the cursor there, and F2 changes quadrant without leaving
the line, so a facilitator can read cards off the wall without a mouse.
Edits go through `exercises.swot` on the item as stored now (`handle.update/apply`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Header, Label, Static, Tab, Tabs

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.exercises import swot, usage
from smartplan_tui.i18n import _, pgettext
from smartplan_tui.labels import quadrant_name, swot_name
from smartplan_tui.model import Origin, Quadrant, Session, SwotItem
from smartplan_tui.screens.confirm import ConfirmScreen
from smartplan_tui.screens.guide_card import GuideCard, guide_binding, toggle_guide
from smartplan_tui.screens.live import LiveScreen
from smartplan_tui.screens.projector_key import projector_binding
from smartplan_tui.screens.swot_forms import SwotItemForm, participant_choices
from smartplan_tui.screens.widgets.capture_line import CaptureLine
from smartplan_tui.screens.widgets.choice_form import ChoiceForm, LineForm
from smartplan_tui.screens.widgets.item_list import ItemList
from smartplan_tui.screens.widgets.key_bar import KeyBar
from smartplan_tui.screens.widgets.literal import literal, visible
from smartplan_tui.store import SessionHandle
from smartplan_tui.text import quoted

#: Below this width the quadrants are shown one at a time under tabs.
WIDE = 100

TITLES = {q: quadrant_name(q) for q in Quadrant}

#: Actions whose keys are letters (or space): they act only from the quadrants.
LETTER_ACTIONS = frozenset({"capture", "quadrant", "edit", "delete", "move", "tag", "author",
                            "mark", "merge", "filter", "originals"})

#: Characters of the highlighted item shown in full under the board.
DETAIL_LIMIT = 600


def item_prompt(item: SwotItem, marked: bool = False,
                names: Mapping[str, str] | None = None) -> Text:
    """One list row: the text (literal, cut), then tags and author's name, dimmed."""
    text = Text("● " if marked else "", style="bold")
    text.append_text(literal(item.text))
    if item.tags:
        text.append("  " + " ".join(f"#{t}" for t in item.tags), style="dim italic")
    if item.author:
        author = names.get(item.author, item.author) if names else item.author
        text.append(f"  — {visible(author, 60)}", style="dim")
    if item.merged_from:
        text.append(f"  (merged ×{len(item.merged_from)})", style="dim")
    return text


def origin_prompt(origin: Origin, names: Mapping[str, str]) -> Text:
    """A row under a merged item: one of the texts it was made of, and who wrote it."""
    text = Text("    ↳ ", style="dim")
    text.append_text(literal(origin.text))
    if origin.author:
        text.append(f"  — {visible(names.get(origin.author, origin.author), 60)}", style="dim")
    return text


def item_of(row_id: str | None) -> str | None:
    """The item a row stands for: its own id, or the merged item an original's row is under
    (`s3 2`: item ids have no spaces, so such a row id is never an item's)."""
    return row_id.partition(" ")[0] if row_id else None


class QuadrantList(ItemList):
    """The items of one quadrant; row ids are item ids, and with the merged texts shown,
    `<item id> <n>` for the n-th text a merged item was made of."""

    def __init__(self, quadrant: Quadrant) -> None:
        super().__init__(id=f"q-{quadrant.value}")
        self.quadrant = quadrant
        self.shown: tuple[SwotItem, ...] = ()
        self.marked: str | None = None
        self.originals = False

    def highlighted_item_id(self) -> str | None:
        return item_of(self.highlighted_id())

    def show(self, items: list[SwotItem], total: int, marked: str | None,
             names: Mapping[str, str], originals: bool = False) -> None:
        """Replace the rows only if something changed; keep the highlighted item.

        A row's text is formatted when the row is first drawn, so 2,000 items cost 2,000
        ids here and about thirty formatted rows on screen. With `originals`, the texts a
        merged item was made of are rows of their own under it, indented."""
        new = tuple(items)
        self.border_title = (f"{TITLES[self.quadrant]} ({len(new)})" if len(new) == total
                             else _("{quadrant} ({shown} of {total})").format(
                                 quadrant=TITLES[self.quadrant], shown=len(new), total=total))
        if new == self.shown and marked == self.marked and originals == self.originals:
            return
        self.shown, self.marked, self.originals = new, marked, originals
        highlighted = self.highlighted_id()
        if not originals:
            def prompt(index: int) -> Text:
                item = new[index]
                return item_prompt(item, item.id == marked, names)

            self.set_lazy([item.id for item in new], prompt, keep=item_of(highlighted))
            return
        rows: list[tuple[SwotItem, Origin | None]] = []
        ids: list[str] = []
        for item in new:
            rows.append((item, None))
            ids.append(item.id)
            for n, origin in enumerate(item.merged_from, 1):
                rows.append((item, origin))
                ids.append(f"{item.id} {n}")

        def row_prompt(index: int) -> Text:
            item, origin = rows[index]
            if origin is None:
                return item_prompt(item, item.id == marked, names)
            return origin_prompt(origin, names)

        self.set_lazy(ids, row_prompt, keep=highlighted)


class SwotBoardScreen(LiveScreen):
    """Letter keys act on the highlighted item of the active quadrant, once it has focus."""

    TITLE = swot_name()

    CSS_PATH = "swot_board.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_field", _("Leave field"), id="swot_leave_field"),
        Binding("escape", "back", _("Back"), id="swot_back"),
        Binding("i", "capture", pgettext("key", "Type"), id="swot_capture"),
        Binding("f2", "next_quadrant", _("Next quadrant"), id="swot_next_quadrant"),
        Binding("shift+f2", "next_quadrant(-1)", _("Previous quadrant"), show=False,
                id="swot_previous_quadrant"),
        Binding("1", "quadrant('strengths')", TITLES[Quadrant.STRENGTHS], show=False,
                id="swot_q1"),
        Binding("2", "quadrant('weaknesses')", TITLES[Quadrant.WEAKNESSES], show=False,
                id="swot_q2"),
        Binding("3", "quadrant('opportunities')", TITLES[Quadrant.OPPORTUNITIES], show=False,
                id="swot_q3"),
        Binding("4", "quadrant('threats')", TITLES[Quadrant.THREATS], show=False, id="swot_q4"),
        Binding("e", "edit", _("Edit"), id="swot_edit"),
        Binding("d,delete", "delete", _("Delete"), id="swot_delete"),
        Binding("u,ctrl+z", "app.undo", _("Undo"), id="swot_undo"),
        Binding("m", "move", _("Move"), id="swot_move"),
        Binding("t", "tag", pgettext("key", "Tag"), id="swot_tag"),
        Binding("a", "author", _("Author"), id="swot_author"),
        Binding("space", "mark", _("Mark"), id="swot_mark"),
        Binding("g", "merge", _("Merge"), id="swot_merge"),
        Binding("f", "filter", _("Filter"), id="swot_filter"),
        Binding("x", "originals", _("Show merged texts"), show=False, id="swot_originals"),
        guide_binding(),
        projector_binding(),
    ]

    active: reactive[Quadrant] = reactive(Quadrant.STRENGTHS, init=False)
    """The quadrant that typed items go to (the focused one, or the tab shown)."""

    tag_filter: reactive[str | None] = reactive(None, init=False)
    """Show only items with this tag (None: all).

    Neither watcher runs on first read (`init=False`): `on_mount` shows the board once;
    an initial watcher call from inside `watch_session` would build it twice."""

    def __init__(self, handle: SessionHandle) -> None:
        super().__init__(handle)
        self.marked: str | None = None
        self.originals = False
        """Whether the texts merged items were made of are shown under them (x)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tabs(*(Tab(TITLES[q], id=f"tab-{q.value}") for q in Quadrant),
                   id="quadrant-tabs")
        with Container(id="quadrants"):
            for quadrant in Quadrant:
                yield QuadrantList(quadrant)
        yield Static("", id="item-detail")
        yield Label("", id="filter-line", markup=False)
        with Horizontal(id="capture-row"):
            yield Label("", id="capture-label", markup=False)
            yield CaptureLine(id="capture", draft_key=f"swot:{self.handle.id}",
                              placeholder=_("Type an item and press Enter"))
        yield GuideCard()
        yield KeyBar()

    def on_mount(self) -> None:
        # From the terminal's width now: the first paint comes before the first Resize,
        # and would otherwise lay out the 2×2 grid at 80 columns, then redo it as tabs.
        self.set_class(self.app.size.width < WIDE, "narrow")
        self.sub_title = visible(self.session.info.title, 80)
        self.watch_session(self.session)
        self.watch_active(self.active)
        self.capture_line().focus()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE, "narrow")

    def quadrant_list(self, quadrant: Quadrant) -> QuadrantList:
        return self.query_one(f"#q-{quadrant.value}", QuadrantList)

    # ------------------------------------------------------------------ showing

    def watch_session(self, session: Session) -> None:
        if not self.is_attached:
            return
        grouped = swot.by_quadrant(session.swot)
        names = {p.id: p.name for p in session.participants}
        for quadrant, items in grouped.items():
            shown = (swot.filter_items(items, tag=self.tag_filter)
                     if self.tag_filter is not None else items)
            self.quadrant_list(quadrant).show(shown, len(items), self.marked, names,
                                              self.originals)
        if self.marked is not None and session.find(SWOT, self.marked) is None:
            self.marked = None

    def watch_tag_filter(self, tag: str | None) -> None:
        if not self.is_attached:
            return
        self.query_one("#filter-line", Label).update(
            "" if tag is None else _("Showing items tagged #{tag} — f to change or clear").format(
                tag=visible(tag, 60)))
        self.watch_session(self.session)

    def watch_active(self, quadrant: Quadrant) -> None:
        if not self.is_attached:
            return
        for q in Quadrant:
            self.quadrant_list(q).set_class(q is quadrant, "active")
        self.query_one(Tabs).active = f"tab-{quadrant.value}"
        self.query_one("#capture-label", Label).update(
            _("Add to {quadrant} ▸").format(quadrant=TITLES[quadrant]))
        self.show_detail(self.quadrant_list(quadrant).highlighted_id())

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, QuadrantList):
            self.active = focused.quadrant

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab.id:
            quadrant = Quadrant(event.tab.id.removeprefix("tab-"))
            if quadrant is not self.active:
                self.active = quadrant
                self.quadrant_list(quadrant).focus()

    def on_item_list_selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self.action_edit()

    def on_item_list_highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        if isinstance(event.item_list, QuadrantList) and event.item_list.quadrant is self.active:
            self.show_detail(event.row_id)

    def show_detail(self, row_id: str | None) -> None:
        """The highlighted row's text at more length (rows are cut to one line): the item's,
        or on an original's row under a merged item, that original's.

        Two fixed lines, updated without a layout pass: this runs on every cursor key.
        """
        item_id = item_of(row_id)
        item = self.session.find(SWOT, item_id) if item_id else None
        text = item.text if item else ""
        if item is not None and row_id != item_id:
            place = int(row_id.rpartition(" ")[2]) - 1 if row_id else -1
            if 0 <= place < len(item.merged_from):
                text = item.merged_from[place].text
        self.query_one("#item-detail", Static).update(
            Text(visible(text, DETAIL_LIMIT)) if text else "", layout=False)

    # ------------------------------------------------------------------ capture

    def capture_line(self) -> CaptureLine:
        return self.query_one("#capture", CaptureLine)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc leaves the capture line first; only from the quadrants does it go back.

        While typing, the letter commands are left out of the key bar: their keys are text.
        """
        typing = isinstance(self.focused, CaptureLine)
        if action == "leave_field":
            return typing
        if action == "back" or action in LETTER_ACTIONS:
            return not typing
        return True

    def action_guide(self) -> None:
        toggle_guide(self, "swot")

    def action_projector(self) -> None:
        from smartplan_tui.screens.projector import ProjectorScreen  # at the key: a view of its own

        self.app.push_screen(ProjectorScreen(self.handle, "swot"))

    def action_capture(self) -> None:
        self.capture_line().focus()

    def action_leave_field(self) -> None:
        self.quadrant_list(self.active).focus()

    def action_back(self) -> None:
        self.dismiss()

    def action_quadrant(self, name: str) -> None:
        self.active = Quadrant(name)
        self.quadrant_list(self.active).focus()

    def action_next_quadrant(self, step: int = 1) -> None:
        """The next (or previous) quadrant; the focus stays where it is, typing and all."""
        quadrants = list(Quadrant)
        self.active = quadrants[(quadrants.index(self.active) + step) % len(quadrants)]
        if isinstance(self.focused, QuadrantList):
            self.quadrant_list(self.active).focus()

    def on_capture_line_captured(self, event: CaptureLine.Captured) -> None:
        event.stop()
        quadrant = self.active
        for text in event.texts:
            if self.add_item(quadrant, text) is None:
                if not event.capture.value:  # refused: back in the line, unless typing goes on
                    event.capture.value = text
                return
        target = self.quadrant_list(quadrant)
        target.cursor = target.row_count - 1

    def add_item(self, quadrant: Quadrant, text: str) -> SwotItem | None:
        """Store a typed item (tagged with the filter shown, so it stays in view)."""
        tags = (self.tag_filter,) if self.tag_filter else ()
        return self.save(lambda: self.handle.add(SWOT, lambda new_id: SwotItem(
            id=new_id, quadrant=quadrant, text=text, tags=tags)))

    # ------------------------------------------------------------------ item actions

    def current(self) -> SwotItem | None:
        """The highlighted item of the active quadrant, as last loaded."""
        item_id = self.quadrant_list(self.active).highlighted_item_id()
        item = self.session.find(SWOT, item_id) if item_id else None
        if item is None:
            self.notify(_("No item highlighted in {quadrant}.").format(
                quadrant=TITLES[self.active]), severity="warning")
        return item

    def action_edit(self) -> None:
        item = self.current()
        if item is None:
            return

        def edited(new: SwotItem | None) -> None:
            if new is None or new == item:
                return
            self.save(lambda: self.handle.update(SWOT, item.id, lambda now: replace(
                now,
                text=new.text if new.text != item.text else now.text,
                tags=new.tags if new.tags != item.tags else now.tags,
                author=new.author if new.author != item.author else now.author)))

        self.app.push_screen(SwotItemForm(item, self.session), edited)

    def action_delete(self) -> None:
        """Delete the highlighted item; first ask, naming them, when strategies or vote
        options take it (an item nobody takes goes at once: undo brings it back)."""
        item = self.current()
        if item is None:
            return
        question = usage.delete_question(self.session, item.id, item.text)
        if question is None:
            self.delete_item(item)
        else:
            self.app.push_screen(ConfirmScreen(question),
                                 lambda yes: self.delete_item(item) if yes else None)

    def delete_item(self, item: SwotItem) -> None:
        if self.save(lambda: self.handle.apply(
                lambda session, _new_id: swot.delete_item(session, item.id))) is not None:
            # The app's undo (u, ctrl+z) is session-wide: it puts back links and sources too.
            self.notify(_("Deleted “{text}”: u undoes it").format(text=visible(item.text, 60)),
                        markup=False)

    def action_move(self) -> None:
        item = self.current()
        if item is None:
            return

        def chosen(value: str | None) -> None:
            if value:
                self.save(lambda: self.handle.update(
                    SWOT, item.id, lambda now: swot.move(now, value)))

        choices = [(TITLES[q], q.value) for q in Quadrant if q is not item.quadrant]
        # The dialog covers the board: its heading says which item moves.
        heading = visible(_("Move {item} to another quadrant").format(item=quoted(item.text)))
        self.app.push_screen(ChoiceForm(heading, _("Quadrant"), choices), chosen)

    def action_tag(self) -> None:
        item = self.current()
        if item is None:
            return

        def typed(tag: str | None) -> None:
            if tag:
                self.save(lambda: self.handle.update(
                    SWOT, item.id, lambda now: swot.add_tag(now, tag)))

        heading = visible(_("Add a tag to {item}").format(item=quoted(item.text)))
        self.app.push_screen(LineForm(heading, _("Tag"), placeholder=_("e.g. tourism")), typed)

    def action_author(self) -> None:
        item = self.current()
        if item is None:
            return

        def chosen(author: str | None) -> None:
            if author is not None:
                self.save(lambda: self.handle.update(
                    SWOT, item.id, lambda now: swot.set_author(now, author)))

        self.app.push_screen(ChoiceForm(_("Who wrote it?"), _("Author"),
                                        participant_choices(self.session), item.author,
                                        blank=_("(anonymous)")), chosen)

    def action_mark(self) -> None:
        item = self.current()
        if item is None:
            return
        self.marked = None if self.marked == item.id else item.id
        if self.marked:
            self.notify(_("Marked {item}: highlight its duplicate and press g to merge").format(
                item=quoted(item.text)), markup=False)
        self.watch_session(self.session)

    def action_merge(self) -> None:
        item = self.current()
        if item is None:
            return
        if self.marked is None:
            self.notify(_("Mark an item first (space), then highlight its duplicate."),
                        severity="warning")
            return
        keep = self.marked
        kept = self.session.find(SWOT, keep)
        if self.save(lambda: self.handle.apply(
                lambda session, _new_id: swot.merge(session, keep, item.id))) is not None:
            self.marked = None
            self.notify(_("Merged {other} into {kept}: x shows the merged texts, u undoes it")
                        .format(other=quoted(item.text),
                                kept=quoted(kept.text) if kept else keep), markup=False)
            self.watch_session(self.session)

    def action_originals(self) -> None:
        """Show (or hide again) the texts and authors each merged item was made of."""
        if not self.originals and not any(i.merged_from for i in self.session.swot):
            self.refuse(_("No merged items: mark one (space), then merge its duplicate (g)."))
            return
        self.originals = not self.originals
        self.watch_session(self.session)

    def action_filter(self) -> None:
        counts = swot.count_by_tag(self.session.swot)
        choices = [(f"#{tag} ({n})", tag) for tag, n in counts.items()]

        def chosen(tag: str | None) -> None:
            if tag is not None:
                self.tag_filter = tag or None

        self.app.push_screen(ChoiceForm(_("Filter by tag"), _("Tag"), choices,
                                        self.tag_filter or "", blank=_("(all items)")), chosen)

