"""Participant text made safe to *show*, never changed where it is stored.

Text is always a `rich.text.Text` (so `[bold]` stays `[bold]`); control characters are shown
as their visible Unicode pictures (␇) instead of being sent to the terminal, and very long
texts are cut for list rows (the full text is in the edit form and the reports).
"""

from __future__ import annotations

import re

from rich.text import Text

_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

#: Characters shown in one list row before it is cut with an ellipsis.
ROW_LIMIT = 280

#: A cut-off rest this long is counted, so a pasted page does not pass for a sentence.
LONG_REST = 1000


def visible(text: str, limit: int | None = ROW_LIMIT, *, one_line: bool = True) -> str:
    """`text` with control characters as pictures, new lines as ⏎, cut at `limit`."""
    cut = text if limit is None or len(text) <= limit else text[:limit]
    if cut is text and not _SPECIAL.search(text):
        return text  # the common case, and the one a 2,000-item board takes 2,000 times
    out = []
    for ch in cut:
        code = ord(ch)
        if ch == "\n" and one_line:
            out.append(" ⏎ ")
        elif ch == "\t":
            out.append(" ")
        elif code < 32 and ch != "\n":
            out.append(chr(0x2400 + code))
        elif code == 127 or 0x80 <= code < 0xA0:
            out.append("␡" if code == 127 else "�")
        else:
            out.append(ch)
    if limit is not None and len(text) > limit:
        rest = len(text) - limit
        out.append(f"… (+{rest:,} characters)" if rest >= LONG_REST else "…")
    return "".join(out)


def literal(text: str, style: str = "", limit: int | None = ROW_LIMIT) -> Text:
    """A Text that shows `text` literally (no markup), safe for a terminal."""
    return Text(visible(text, limit), style=style)
