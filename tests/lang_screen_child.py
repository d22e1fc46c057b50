"""Draw one screen of the demo session in the language of `$SMARTPLAN_LANG`, at 80×24.

Run as a child process by `tests/test_tui_languages.py`: the interface language is fixed
once per process, before the screens are imported, so each language needs a process of its
own. `python tests/lang_screen_child.py HOME SCREEN` prints one JSON object: the SVG of
the screen (`svg`), its text, one string per terminal line (`lines`), read back from that
SVG, every key the key bar should show as it shows it (`keys`: `n New vote`) and the
screen's title (`title`). SCREEN is one of `SCREENS`; HOME is a data home holding the demo
session.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import sys
from pathlib import Path

from smartplan_tui.i18n import set_interface_language

#: The keys that lead from the session screen to each screen drawn (none: the screen itself).
SCREENS: dict[str, tuple[str, ...]] = {
    "home": ("escape",),
    "session": (),
    "swot": ("w",),
    "votes": ("v",),
    "actions": ("p",),
    "participants": ("r",),
    "help": ("f1",),
    "notes": ("l",),
}

SIZE = (80, 24)

#: Width of one terminal cell in Rich's SVG export (its default font size and metrics).
CELL_WIDTH = 12.2

_TEXT = re.compile(r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#[\w-]*?line-(\d+)\)">'
                   r"([^<]*)</text>")


def svg_lines(svg: str, height: int) -> list[str]:
    """The terminal's lines as drawn in `svg` (Rich's export puts each run at its x)."""
    lines = [[" "] * SIZE[0] for _row in range(height)]
    for x, row, content in _TEXT.findall(svg):
        column = round(float(x) / CELL_WIDTH)
        for offset, char in enumerate(html.unescape(content).replace("\xa0", " ")):
            if int(row) < height and column + offset < SIZE[0]:
                lines[int(row)][column + offset] = char
    return ["".join(line).rstrip() for line in lines]


async def draw(home: Path, keys: tuple[str, ...]) -> dict[str, object]:
    """Open the demo session, press `keys`, wait for the screen to settle and draw it."""
    from textual.pilot import Pilot

    from smartplan_tui.app import make_app
    from smartplan_tui.screens.widgets.commands import commands

    async def settle(pilot: Pilot[None]) -> None:
        for _round in range(10):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            if all(worker.is_finished for worker in pilot.app.workers):
                break
        await pilot.pause()

    app = make_app(home, "coast-camp")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        svg = app.export_screenshot(title=type(app.screen).__name__)
        shown = [f"{'/'.join(c.keys[:2])} {c.description}"
                 for c in commands(app.screen, app) if c.binding.show]
        title = app.screen.title or ""
    return {"svg": svg, "lines": svg_lines(svg, SIZE[1]), "keys": shown, "title": title}


def main(argv: list[str]) -> None:
    home, screen = Path(argv[0]), argv[1]
    set_interface_language(os.environ.get("SMARTPLAN_LANG", "en"))
    print(json.dumps(asyncio.run(draw(home, SCREENS[screen]))))


if __name__ == "__main__":
    main(sys.argv[1:])
