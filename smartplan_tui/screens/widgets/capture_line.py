"""A one-line capture field: Enter hands over what was typed, in order, and never loses a key.

Why not `Input`'s Enter: it is a binding, and a binding runs only once the key has
bubbled up to the app, by which time the input has already taken the keys typed after
Enter; its value then runs on into the next item ("Ferry oneSkilled two"), and a screen
that clears the field wipes the start of the next one. Here Enter is handled in the
input's own key handler, in turn with the other keys: the text is taken and the field
cleared before the next key, and each text is posted as its own `Captured` message, which
the screen receives in the order typed.

A paste with several lines gives one `Captured` with each non-blank line, in order (the
first joined to what was typed before it). What is left typed
when the field goes away (the screen closes) is kept for this app and put back the next
time a field with the same `draft_key` is shown, so leaving never throws typing away.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.message import Message
from textual.widgets import Input

_DRAFTS: WeakKeyDictionary[App[object], dict[str, str]] = WeakKeyDictionary()
"""Per running app: the text left in each capture line, by draft key."""


class CaptureLine(Input):
    """An `Input` whose Enter (or multi-line paste) posts the lines taken, in order."""

    class Captured(Message):
        """The lines of one Enter or one paste, taken from the field (already cleared)."""

        def __init__(self, capture: CaptureLine, texts: tuple[str, ...]) -> None:
            super().__init__()
            self.capture = capture
            self.texts = texts

        @property
        def control(self) -> CaptureLine:
            return self.capture

    def __init__(self, *, draft_key: str, placeholder: str = "", id: str | None = None) -> None:
        # Focus never selects the text: the next key would replace a restored draft.
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)
        self.draft_key = draft_key

    def _drafts(self) -> dict[str, str]:
        return _DRAFTS.setdefault(self.app, {})

    def on_mount(self) -> None:
        draft = self._drafts().pop(self.draft_key, "")
        if draft:
            self.value = draft
            self.cursor_position = len(draft)

    def on_unmount(self) -> None:
        if self.value.strip():
            self._drafts()[self.draft_key] = self.value

    def _hand_over(self, *texts: str) -> None:
        kept = tuple(text for text in texts if text.strip())
        if kept:
            self.post_message(self.Captured(self, kept))

    async def _on_key(self, event: events.Key) -> None:
        # A blank line is left to `Input`'s own Enter: there is nothing to lose, and a form
        # then says what is missing.
        if event.key == "enter" and self.value.strip():
            event.stop()
            event.prevent_default()
            await self.action_submit()

    async def action_submit(self) -> None:
        """Take the text and clear the field now, before the next key is handled."""
        if not self.value.strip():
            await super().action_submit()
            return
        text, self.value = self.value, ""
        self._hand_over(text)

    def _on_paste(self, event: events.Paste) -> None:
        if "\n" not in event.text and "\r" not in event.text:
            return  # one line: `Input._on_paste` inserts it
        event.stop()
        event.prevent_default()
        lines = event.text.splitlines() or [""]
        self.insert_text_at_cursor(lines[0])
        text, self.value = self.value, ""
        self._hand_over(text, *lines[1:])
