"""Make participant text safe for Word's XML without changing what it says.

Word refuses characters that XML 1.0 forbids. Text is stored exactly as entered, so it is
cleaned here, at the last moment, and only as much as Word demands: a vertical tab or form feed
(what Word itself puts on the clipboard for a manual line or page break) becomes a line break,
other forbidden characters (C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped. Nothing
is ever interpreted as markup.
"""

from __future__ import annotations

import re

__all__ = ["clean", "one_line", "xml_attr", "xml_escape"]

_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_FORBIDDEN = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FAST_OK = re.compile("[\t\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def clean(text: str) -> str:
    """The text as Word can hold it: breaks normalised to `\\n`, forbidden characters dropped."""
    if _FAST_OK.fullmatch(text):
        return text
    return _FORBIDDEN.sub("", _BREAKS.sub("\n", text))


def one_line(text: str, limit: int = 0) -> str:
    """Cleaned text on one line (chart labels, headers); cut with an ellipsis past `limit`."""
    flat = " ".join(clean(text).split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


def xml_escape(text: str) -> str:
    """Escape for an XML text node; `[bold]` and `<b>` stay literal text."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


_ATTR_SPECIAL = re.compile('[&<>"\t\n\r]')
_ATTR_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;",
                 "\n": "&#10;", "\r": "&#13;"}


def xml_attr(value: str) -> str:
    """Escape for a double-quoted XML attribute: a template's style id may hold `"` or `&`.

    Tabs and line breaks are written as character references, which XML keeps (a raw one
    would be read back as a space), so the value reads back exactly.
    """
    if not _ATTR_SPECIAL.search(value):
        return value
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m[0]], value)
