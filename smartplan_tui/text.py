"""Text for people: participant text made safe to *show* on a terminal, never changed where
it is stored.

The one place for how control characters look, how a text is cut to one line (by terminal
columns: `shorten`, `fit`) and how several names are listed (`and_list`), shared by the
command line (plain `print`), the plain-text vote tables, the vote explanations and the
Textual screens; numbers are `smartplan_tui.numbers`. No Textual or Rich here, so
`smartplan add note …` stays quick.

Why: a title holding `ESC ] 0 ; … BEL` or `ESC [ 2 J` would retitle or clear the terminal of
whoever lists the sessions, and a bidi override (U+202E) reorders the rest of a line. Each
such character is shown as a visible picture instead of being sent to the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from smartplan_tui.i18n import _

__all__ = ["LONG_REST", "PICTURES", "ROW_LIMIT", "and_list", "columns", "eighths_bar", "fit",
           "json_text", "quoted", "shorten", "visible"]

#: Columns of an item's text when a message names the item by it.
QUOTE_WIDTH = 40

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

#: Text that is one terminal column per character with nothing to show differently: ASCII
#: and the Latin letters of Latvian and Lithuanian (up to U+02FF, below the combining marks).
_NARROW = re.compile("[\x20-\x7e\xa0-\u02ff]*")

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


def columns(text: str) -> int:
    """Terminal columns `text` takes: wide (CJK) characters two, combining marks none."""
    if _NARROW.fullmatch(text):
        return len(text)
    return sum(_width(ch) for ch in text)


def shorten(text: str, width: int) -> str:
    """`text` as `visible` shows it on one line, cut with … to at most `width` columns."""
    return _shorten(text, width)[0]


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` shortened to `width` columns and padded to exactly that (a table cell)."""
    shown, used = _shorten(text, width)
    padding = " " * (width - used)
    return padding + shown if right else shown + padding


def quoted(text: str, width: int = QUOTE_WIDTH) -> str:
    """`“Ferry link”`: how a message names an item, by a short form of its own text.

    Ids such as `s10` mean nothing to the people in the room; the words they wrote do.
    """
    return f"“{shorten(text, width)}”"


def and_list(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`: how an explanation names several options (in the
    current language: a report's `A, B un C`)."""
    if len(names) <= 1:
        return "".join(names)
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def _shorten(text: str, width: int) -> tuple[str, int]:
    """(the text shortened, the columns it takes)."""
    if width <= 0:
        return "", 0
    if _NARROW.fullmatch(text, 0, width):  # the common cases, each in one C call
        if len(text) <= width:
            return text, len(text)
        if _NARROW.fullmatch(text, width, width + 1):  # one column more: it is cut
            return text[: width - 1] + "…", width
    kept: list[tuple[str, int]] = []
    used = 0
    for ch in text:
        shown = _ONE_LINE.get(ord(ch), ch)
        w = columns(shown) if len(shown) > 1 else _width(shown)
        if used + w > width:
            while kept and used + 1 > width:  # room for the ellipsis
                used -= kept.pop()[1]
            if used + 1 <= width:
                kept.append(("…", 1))
                used += 1
            break
        kept.append((shown, w))
        used += w
    return "".join(piece for piece, _ in kept), used


def _width(ch: str) -> int:
    if _NARROW.fullmatch(ch):
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


_EIGHTHS = " ▏▎▍▌▋▊▉"


def eighths_bar(value: float, top: float, width: int) -> str:
    """A bar of `width` cells at `top`, in eighths of a cell so that small gaps still show
    (the command line's result tables and the screens' charts draw the same bars)."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(value / top * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")
