"""A horizontal bar chart of a vote's result, as PNG bytes for the Word report.

Drawn with Pillow at 200 dpi so it stays sharp when Word scales it to the text width: a
picture renders the same in Word and in LibreOffice, which a native Word chart does not.
Bars are best first; the options ranked first (several when tied) are drawn in the accent
colour. Each label is the option's id and its whole text, wrapped onto as many lines as it
needs (at most `MAX_LINES`, for a text as long as a paragraph); the caption and the alt text
are the report's (`alt_text`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from smartplan_tui.exports.content import fmt_number, shorten
from smartplan_tui.exports.text import one_line
from smartplan_tui.i18n import _
from smartplan_tui.records import record

__all__ = ["DPI", "MAX_BARS", "MAX_LINES", "alt_text", "bar_chart", "chart_width_cm", "wrap"]

DPI = 200
WIDTH_PX = 1260  # 16 cm at 200 dpi
BAR_PX = 46
GAP_PX = 18
PAD_PX = 24
FONT_PX = 26
WINNER = (47, 84, 150)
OTHER = (157, 179, 214)
TEXT = (38, 38, 38)
AXIS = (191, 191, 191)
MAX_BARS = 40
MAX_HEIGHT_PX = 1500  # 19 cm: a chart of forty options still fits on a page with its heading
#: At most this share of the width holds the labels; the bars have the rest.
LABEL_SHARE = 0.45
#: A label longer than this many lines (a paragraph pasted as an option) ends with `…`.
MAX_LINES = 4
MIN_FONT_PX = 14
#: How much of each option's text the alt text reads out.
ALT_LABEL = 200


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans where the system has it (covers Latvian, Lithuanian, Polish), else Pillow's."""
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def wrap(text: str, font: Font, width_px: int, max_lines: int = MAX_LINES) -> list[str]:
    """`text` on lines no wider than `width_px`, broken at spaces (a word wider than a line
    is broken where it must); past `max_lines` the last line ends with `…`."""
    measure = _Measure(font)
    lines: list[str] = []
    line = ""
    for word in one_line(text).split(" "):
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width_px:
            line = candidate
            continue
        if line:
            lines.append(line)
        while measure(word) > width_px and len(word) > 1:
            cut = max(1, _fitting(word, measure, width_px))
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and measure(f"{last}…") > width_px:
            last = last[:-1].rstrip()
        lines = [*lines[:max_lines - 1], f"{last.rstrip()}…"]
    return lines


class _Measure:
    """A font's text width in pixels, remembered per text (labels repeat their words)."""

    def __init__(self, font: Font) -> None:
        self._draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
        self._font = font
        self._seen: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self._seen.get(text)
        if width is None:
            width = self._seen[text] = self._draw.textlength(text, font=self._font)
        return width


def _fitting(word: str, measure: _Measure, width_px: int) -> int:
    """How many characters of `word` fit on a line."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width_px:
            low = middle
        else:
            high = middle - 1
    return low


@record
class _Layout:
    """How a chart of so many labels is drawn: sizes in pixels, every label's lines."""

    font: Font
    line_px: int
    bar_px: int
    gap_px: int
    lines: list[list[str]]

    def row_px(self, lines: int) -> int:
        """The height of one option's row: its bar or its label's lines, and a gap."""
        return max(self.bar_px, lines * self.line_px) + self.gap_px

    @property
    def height(self) -> int:
        return PAD_PX * 2 + sum(self.row_px(len(lines)) for lines in self.lines or [[""]])


def _layout(labels: Sequence[str]) -> _Layout:
    """The largest font at which the chart fits `MAX_HEIGHT_PX` (bars thinner when there
    are many), with fewer lines per label if even the smallest font does not fit."""
    pitch = min(BAR_PX + GAP_PX, (MAX_HEIGHT_PX - 2 * PAD_PX) // max(len(labels), 1))
    bar_px = max(pitch * BAR_PX // (BAR_PX + GAP_PX), 8)
    gap_px = max(pitch - bar_px, 4)
    label_px = int(WIDTH_PX * LABEL_SHARE)
    largest = max(min(FONT_PX, bar_px * 4 // 5 + 4), MIN_FONT_PX)
    for max_lines in range(MAX_LINES, 0, -1):
        for size in range(largest, MIN_FONT_PX - 1, -2):
            font = _font(size)
            layout = _Layout(font, size * 5 // 4, bar_px, gap_px,
                             [wrap(label, font, label_px, max_lines) for label in labels])
            if layout.height <= MAX_HEIGHT_PX:
                return layout
    return layout


def bar_chart(labels: Sequence[str], scores: Sequence[float], winners: int = 1) -> bytes:
    """PNG bytes: one bar per label (at most `MAX_BARS`), the first `winners` highlighted."""
    values = [float(s) for s in scores[:MAX_BARS]]
    layout = _layout(labels[:MAX_BARS])
    height, font = layout.height, layout.font
    image = Image.new("RGB", (WIDTH_PX, height), "white")
    draw = ImageDraw.Draw(image)
    label_px = min(max((int(draw.textlength(line, font=font)) for lines in layout.lines
                        for line in lines), default=0), int(WIDTH_PX * LABEL_SHARE)) + 16
    value_px = 110
    left = PAD_PX + label_px
    span = WIDTH_PX - left - value_px - PAD_PX
    low = min(0.0, *values) if values else 0.0
    high = max([*values, low + 1e-9])
    draw.line([(left, PAD_PX // 2), (left, height - PAD_PX // 2)], fill=AXIS, width=2)
    top = PAD_PX
    half = layout.bar_px // 2
    for i, (lines, value) in enumerate(zip(layout.lines, values, strict=True)):
        row_px = layout.row_px(len(lines))
        middle = top + (row_px - layout.gap_px) // 2
        length = max(int(span * (value - low) / (high - low)), 2)
        colour = WINNER if i < winners else OTHER
        draw.rectangle([(left, middle - half), (left + length, middle + half)], fill=colour)
        first = middle - (len(lines) - 1) * layout.line_px / 2
        for index, line in enumerate(lines):
            draw.text((left - 10, first + index * layout.line_px), line, font=font, fill=TEXT,
                      anchor="rm")
        draw.text((left + length + 10, middle), fmt_number(value), font=font,
                  fill=TEXT, anchor="lm")
        top += row_px
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(DPI, DPI), compress_level=6)
    return out.getvalue()


def alt_text(method: str, labels: Sequence[str], scores: Sequence[float]) -> str:
    """What the chart shows, for a reader who cannot see it: the method, then each option
    (its text cut at `ALT_LABEL` characters) with its score, best first."""
    results = "; ".join(f"{shorten(one_line(label), ALT_LABEL)}: {fmt_number(score)}"
                        for label, score in zip(labels, scores, strict=False))
    return _("Bar chart of the results ({method}), best first: {results}.").format(
        method=method, results=results)


def chart_width_cm(png_px: int = WIDTH_PX) -> float:
    """The printed width of a chart at its native resolution."""
    return png_px / DPI * 2.54
