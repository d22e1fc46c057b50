"""A horizontal bar chart of a vote's result, as PNG bytes for the Word report.

Drawn with Pillow at 200 dpi so it stays sharp when Word scales it to the text width. Bars
are best first; the options ranked first (several when tied) are drawn in the accent colour.
Labels are the option ids with the start of their text; the table beside the chart carries
the full text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from smartplan_tui.exports.content import fmt_number
from smartplan_tui.exports.text import one_line

__all__ = ["DPI", "bar_chart"]

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


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans where the system has it (covers Latvian, Lithuanian, Polish), else Pillow's."""
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def bar_chart(labels: Sequence[str], scores: Sequence[float], winners: int = 1) -> bytes:
    """PNG bytes: one bar per label (at most `MAX_BARS`), the first `winners` highlighted."""
    labels = [one_line(label, 34) for label in labels[:MAX_BARS]]
    values = [float(s) for s in scores[:MAX_BARS]]
    pitch = min(BAR_PX + GAP_PX, (MAX_HEIGHT_PX - 2 * PAD_PX) // max(len(values), 1))
    bar_px = max(pitch * BAR_PX // (BAR_PX + GAP_PX), 8)
    font = _font(min(FONT_PX, bar_px * 4 // 5 + 4))
    height = PAD_PX * 2 + max(len(values), 1) * pitch
    image = Image.new("RGB", (WIDTH_PX, height), "white")
    draw = ImageDraw.Draw(image)
    label_px = min(max((int(draw.textlength(t, font=font)) for t in labels), default=0) + 16,
                   WIDTH_PX // 2)
    value_px = 110
    left = PAD_PX + label_px
    span = WIDTH_PX - left - value_px - PAD_PX
    low = min(0.0, *values) if values else 0.0
    high = max([*values, low + 1e-9])
    draw.line([(left, PAD_PX // 2), (left, height - PAD_PX // 2)], fill=AXIS, width=2)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        top = PAD_PX + i * pitch
        middle = top + bar_px // 2
        length = max(int(span * (value - low) / (high - low)), 2)
        colour = WINNER if i < winners else OTHER
        draw.rectangle([(left, top), (left + length, top + bar_px)], fill=colour)
        draw.text((left - 10, middle), label, font=font, fill=TEXT, anchor="rm")
        draw.text((left + length + 10, middle), fmt_number(value), font=font,
                  fill=TEXT, anchor="lm")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(DPI, DPI), compress_level=6)
    return out.getvalue()


def chart_width_cm(png_px: int = WIDTH_PX) -> float:
    """The printed width of a chart at its native resolution."""
    return png_px / DPI * 2.54
