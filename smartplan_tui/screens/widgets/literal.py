"""Participant text made safe to *show*, never changed where it is stored.

Text is always a `rich.text.Text` (so `[bold]` stays `[bold]`); control characters are shown
as their visible Unicode pictures (␇) instead of being sent to the terminal, and very long
texts are cut for list rows (the full text is in the edit form and the reports). How text
is made visible lives in `smartplan_tui.text`, shared with the command line.
"""

from __future__ import annotations

from rich.text import Text

from smartplan_tui.text import LONG_REST, ROW_LIMIT, visible

__all__ = ["LONG_REST", "ROW_LIMIT", "literal", "visible"]


def literal(text: str, style: str = "", limit: int | None = ROW_LIMIT) -> Text:
    """A Text that shows `text` literally (no markup), safe for a terminal."""
    return Text(visible(text, limit), style=style)
