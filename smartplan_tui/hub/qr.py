"""A QR code as lines of block characters, for the terminal and the Room screen.

Dark modules are drawn as the character's ink; the caller must show the lines dark on
light (`ansi_lines` does it with escape codes for a plain terminal, the Room screen with a
style), as phone cameras read a light quiet zone around dark modules best. `compact`
packs two rows of modules into one line with half blocks; otherwise each module is two
full blocks wide (square on most fonts) for a projector.
"""

from __future__ import annotations

import segno

__all__ = ["ansi_lines", "qr_lines"]

#: Light modules around the code, as the QR standard wants a quiet zone.
BORDER = 2
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def _matrix(text: str) -> list[list[bool]]:
    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=BORDER)]


def qr_lines(text: str, *, compact: bool = True) -> list[str]:
    """The QR code of `text`, one string per terminal line."""
    rows = _matrix(text)
    if not compact:
        return ["".join("██" if dark else "  " for dark in row) for row in rows]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return ["".join(_HALVES[top, bottom] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(rows[::2], rows[1::2], strict=True)]


def ansi_lines(text: str) -> list[str]:
    """`qr_lines` in black on bright white, whatever the terminal's colours are."""
    return [f"\x1b[30;107m{line}\x1b[0m" for line in qr_lines(text)]
