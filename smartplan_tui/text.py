"""Text for people: participant text made safe to *show* on a terminal, never changed where
it is stored.

The one place for how control characters look and how a text is cut to one line, shared by
the command line (plain `print`), the plain-text vote tables and the Textual screens. No
Textual or Rich here, so `smartplan add note …` stays quick.

Why: a title holding `ESC ] 0 ; … BEL` or `ESC [ 2 J` would retitle or clear the terminal of
whoever lists the sessions, and a bidi override (U+202E) reorders the rest of a line. Each
such character is shown as a visible picture instead of being sent to the terminal.
"""

from __future__ import annotations

import re

__all__ = ["LONG_REST", "PICTURES", "ROW_LIMIT", "json_text", "visible"]

#: Characters shown in one list row before it is cut with an ellipsis.
ROW_LIMIT = 280

#: A cut-off rest this long is counted, so a pasted page does not pass for a sentence.
LONG_REST = 1000

#: Bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069): invisible, yet
#: they reorder the terminal line they are printed on.
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))

#: `str.translate` table of every character that must not reach a terminal as itself:
#: C0 as the Unicode control pictures (␛ for ESC, ␊ for a line feed), DEL as ␡, C1 as the
#: replacement character, bidi controls as their code point written out (`<U+202E>`).
PICTURES: dict[int, str] = (
    {code: chr(0x2400 + code) for code in range(0x20)}
    | {0x7F: "\u2421"}
    | {code: "\ufffd" for code in range(0x80, 0xA0)}
    | {code: f"<U+{code:04X}>" for code in _BIDI}
)

_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: One line: a new line as ⏎ between spaces, a tab as a space, the rest as pictures.
_ONE_LINE = PICTURES | {ord("\n"): " ⏎ ", ord("\t"): " "}
#: Several lines (a detail pane): new lines kept, tabs as a space, the rest as pictures.
_LINES = PICTURES | {ord("\n"): "\n", ord("\t"): " "}

#: What JSON output writes as `\\uXXXX` although `json.dumps` would leave it raw.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, limit: int | None = ROW_LIMIT, *, one_line: bool = True) -> str:
    """`text` with control characters as pictures, new lines as ⏎, cut at `limit`.

    With `one_line=False` new lines stay new lines. Returns `text` itself when nothing needs
    changing: the common case, and the one a 2,000-item board takes 2,000 times.
    """
    long = limit is not None and len(text) > limit
    if not long and not _SPECIAL.search(text):
        return text
    cut = text[:limit] if long else text
    shown = cut.translate(_ONE_LINE if one_line else _LINES)
    if long:
        assert limit is not None
        rest = len(text) - limit
        shown += f"… (+{rest:,} characters)" if rest >= LONG_REST else "…"
    return shown


def json_text(dumped: str) -> str:
    """JSON text (from `json.dumps(…, ensure_ascii=False)`) safe to print on a terminal.

    `json.dumps` escapes C0 itself but leaves DEL, C1 and bidi controls raw; they are
    written as `\\uXXXX` here. Those characters can only occur inside JSON strings, so the
    document stays valid JSON and every value reads back exactly as stored.
    """
    if not _JSON_RAW.search(dumped):
        return dumped
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", dumped)
