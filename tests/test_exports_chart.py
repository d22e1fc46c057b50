"""The vote chart: a PNG Word can scale, winners in the accent colour, bars to scale."""

from __future__ import annotations

import io

from PIL import Image

from smartplan_tui.exports.chart import DPI, MAX_HEIGHT_PX, OTHER, WIDTH_PX, WINNER, bar_chart


def bar_lengths(image: Image.Image, colours: tuple[tuple[int, int, int], ...]) -> list[int]:
    """Length in pixels of each bar, top to bottom (rows through the bars' middles)."""
    rgb = image.convert("RGB")
    data, stride = rgb.tobytes(), rgb.width * 3
    lengths: list[int] = []
    in_bar = False
    for y in range(rgb.height):
        line = data[y * stride:(y + 1) * stride]
        row = [tuple(line[x:x + 3]) for x in range(0, stride, 3)]
        filled = sum(1 for pixel in row if pixel in colours)
        if filled and not in_bar:
            lengths.append(filled)
        in_bar = bool(filled)
    return lengths


def test_bars_are_best_first_to_scale_with_tied_winners_highlighted() -> None:
    png = bar_chart(["A Ferry [bold]", "B Rail\x0bline", "C Wind"], [4, 4, 2], winners=2)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == WIDTH_PX
    assert round(image.info["dpi"][0]) == DPI
    winners = bar_lengths(image, (WINNER,))
    others = bar_lengths(image, (OTHER,))
    assert len(winners) == 2 and winners[0] == winners[1]
    assert len(others) == 1 and abs(others[0] * 2 - winners[0]) <= 2


def test_many_options_fit_a_page() -> None:
    png = bar_chart([f"o{i}" for i in range(100)], list(range(100, 0, -1)))
    image = Image.open(io.BytesIO(png))
    assert image.height <= MAX_HEIGHT_PX
    assert len(bar_lengths(image, (WINNER, OTHER))) == 40


def test_zero_and_negative_scores_still_draw() -> None:
    image = Image.open(io.BytesIO(bar_chart(["a", "b", "c"], [0.0, -1.5, 0.0], winners=2)))
    assert len(bar_lengths(image, (WINNER, OTHER))) == 3


def test_forty_long_labels_still_fit_a_page_with_every_bar() -> None:
    label = "A cross-border green ferry corridor between Liepāja and Klaipėda with shore power"
    png = bar_chart([f"o{i} {label}" for i in range(40)], list(range(40, 0, -1)))
    image = Image.open(io.BytesIO(png))
    assert image.height <= MAX_HEIGHT_PX
    assert len(bar_lengths(image, (WINNER, OTHER))) == 40
