"""The SWOT item form (text, tags, author; a merged item's original texts, read-only) and
the participant choices it offers."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static

from smartplan_tui.i18n import _
from smartplan_tui.model import Session, SwotItem
from smartplan_tui.screens.widgets.form import FormScreen, field
from smartplan_tui.screens.widgets.literal import literal, visible


def participant_choices(session: Session) -> list[tuple[str, str]]:
    """(shown name, participant id) for a Select; names are shown as typed."""
    return [(f"{p.name} ({p.organisation})" if p.organisation else p.name, p.id)
            for p in session.participants]


def split_tags(text: str) -> tuple[str, ...]:
    """`tourism, ports , tourism` → ('tourism', 'ports'): trimmed, each once, in order."""
    tags: list[str] = []
    for tag in (t.strip() for t in text.split(",")):
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


class SwotItemForm(FormScreen[SwotItem]):
    """Returns the item with the new text, tags and author (validated by the model)."""

    heading = _("Edit SWOT item")

    def __init__(self, item: SwotItem, session: Session) -> None:
        super().__init__()
        self.item = item
        self.people = participant_choices(session)
        self.names = {p.id: p.name for p in session.participants}
        if item.author and item.author not in {pid for _, pid in self.people}:
            self.people.append((item.author, item.author))

    def compose_fields(self) -> ComposeResult:
        item = self.item
        yield from field(_("Text"), Input(item.text, id="swot-text"))
        yield from field(_("Tags (comma-separated)"),
                         Input(", ".join(item.tags), id="swot-tags"))
        yield from field(_("Author"), Select([(_("(anonymous)"), ""), *self.people],
                                             id="swot-author", allow_blank=False,
                                             value=item.author))
        if item.merged_from:
            yield Label(_("Merged from (as written; kept in the reports)"),
                        classes="field-label")
            yield Static(self.originals(), id="swot-merged-from")

    def originals(self) -> Text:
        """Each text the item was merged from, whole, with who wrote it."""
        shown = Text()
        for n, origin in enumerate(self.item.merged_from):
            shown.append("\n" if n else "")
            shown.append("• ")
            shown.append_text(literal(origin.text, limit=None))
            if origin.author:
                author = self.names.get(origin.author, origin.author)
                shown.append(f" — {visible(author, 60)}", style="dim")
        return shown

    def build(self) -> SwotItem:
        author = self.choice("swot-author")
        return replace(self.item, text=self.text("swot-text"),
                       tags=split_tags(self.text("swot-tags")),
                       author=author if isinstance(author, str) else "")
