"""The session, SWOT and votes screens in Latvian and Lithuanian at 80×24: translated, whole.

The interface language is fixed once per process before the screens are imported, so each
screen is drawn by a child process (`lang_screen_child.py`) started with `$SMARTPLAN_LANG`;
it prints the SVG and the text of the screen, and the keys the screen offers. This test
checks the words a planner reads in that language, that the English labels are gone, that
every key of the key bar and the screen's title are on screen in full, and keeps the SVG as
a snapshot (`pytest tests/test_tui_languages.py --snapshot-update` after a deliberate change;
look at the new SVGs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from syrupy.extensions.image import SVGImageSnapshotExtension

from smartplan_tui.demo import ensure_demo
from smartplan_tui.store import SessionStore

CHILD = Path(__file__).with_name("lang_screen_child.py")

#: Words each screen must show, per language (the planners' own terms).
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "lv": {
        "session": ("Darba kārtība", "Punkts", "Uzdevums", "Balsojumi", "SVID", "nenotiek",
                    "Palīdzība", "Iziet"),
        "swot": ("Stiprās puses", "Vājās puses", "Iespējas", "Draudi", "Palīdzība"),
        "votes": ("Balsojumi", "Jauns balsojums", "Biļeteni", "Pārskaitīt",
                  "10 biļeten", "8 balsotāji", "Rīcības plāns"),
    },
    "lt": {
        "session": ("Darbotvarkė", "Punktas", "Užduotis", "Balsavimai", "SSGG", "Nevyksta",
                    "Pagalba", "Išeiti"),
        "swot": ("Stiprybės", "Silpnybės", "Galimybės", "Grėsmės", "Pagalba"),
        "votes": ("Balsavimai", "Naujas balsavimas", "Biuleteniai", "Perskaičiuoti",
                  "biuletenių", "8 balsuotojai", "Veiksmų planas"),
    },
}

#: English labels of each screen that must not be left over in either language.
ENGLISH: dict[str, tuple[str, ...]] = {
    "session": ("Agenda", "Sessions", "Add item", "Edit item", "Planned", "Help", "Quit",
                "No agenda item running", "palette"),
    "swot": ("Strengths", "Weaknesses", "Threats", "Next quadrant", "Leave field", "Help",
             "Quick note", "Quit"),
    "votes": ("New vote", "Ballots", "Wall counts", "Recount", "ballots", "voters", "Help",
              "Action plan"),
}


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("languages") / "home"
    ensure_demo(SessionStore(home))
    return home


def draw(language: str, screen: str, home: Path) -> dict[str, Any]:
    """What the child process drew: `svg`, `lines` (the screen's text), `keys`, `title`."""
    env = {**os.environ, "SMARTPLAN_LANG": language, "SMARTPLAN_HOME": str(home)}
    done = subprocess.run([sys.executable, str(CHILD), str(home), screen], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    drawn: dict[str, Any] = json.loads(done.stdout)
    return drawn


@pytest.mark.parametrize("screen", ["session", "swot", "votes"])
@pytest.mark.parametrize("language", ["lv", "lt"])
def test_screen_reads_in_the_language_at_80x24_with_nothing_cut(
        language: str, screen: str, demo_home: Path, snapshot: Any) -> None:
    drawn = draw(language, screen, demo_home)
    lines: list[str] = drawn["lines"]
    text = "\n".join(lines)
    for word in WORDS[language][screen]:
        assert word in text, f"{word!r} not on the {screen} screen in {language}:\n{text}"
    for word in ENGLISH[screen]:
        assert word not in text, f"English {word!r} left on the {screen} screen:\n{text}"
    # Every key of the key bar, with its whole description, and the title in the header.
    for key in drawn["keys"]:
        assert key in text, f"key {key!r} cut off or missing in {language}:\n{text}"
    assert drawn["title"] and drawn["title"] in lines[0]
    if screen == "session":
        heading = next(line for line in lines if line.lstrip("│ ").startswith("#"))
        assert "…" not in heading, heading
    assert drawn["svg"] == snapshot.use_extension(SVGImageSnapshotExtension)
