"""No escape sequence from participant text ever reaches a terminal.

Participant text is stored exactly as entered; wherever it is shown (the command line, its
error messages, the screens' headers) its control characters appear as visible pictures.
The command line is run under a real pseudo-terminal, as a facilitator would see it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tui_votes_steps import SIZE, demo_app, open_screen

from smartplan_tui import text
from smartplan_tui.demo import DEMO_ID
from smartplan_tui.screens.actions import ActionPlanScreen
from smartplan_tui.screens.votes import VotesScreen
from smartplan_tui.screens.widgets import literal
from smartplan_tui.store import SessionStore

#: Sets the terminal's window title, then clears the screen.
EVIL = "\x1b]0;pwned\x07\x1b[2J"
ESC_PICTURE, BEL_PICTURE = "\u241b", "\u2407"
#: What must never reach the terminal raw: ESC, BEL, CSI as one C1 character (UTF-8),
#: right-to-left override (UTF-8).
FORBIDDEN = (b"\x1b", b"\x07", "\x9b".encode(), "\u202e".encode())
CONTROLS = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0),
                             *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


# ------------------------------------------------------------------ text.visible


def test_c0_as_control_pictures() -> None:
    assert text.visible("a\x00b\x07c\x1b[2J\x1f") == "a\u2400b\u2407c\u241b[2J\u241f"
    assert text.visible(EVIL) == "\u241b]0;pwned\u2407\u241b[2J"


def test_del_and_c1_visible() -> None:
    assert text.visible("a\x7fb") == "a\u2421b"
    shown = text.visible("x\x9b2J\x80\x85\x9fy")
    assert shown == "x\ufffd2J\ufffd\ufffd\ufffdy"
    assert not CONTROLS & set(shown)


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
def test_bidi_controls_visible(code: int) -> None:
    shown = text.visible(f"abc{chr(code)}def")
    assert chr(code) not in shown
    assert shown == f"abc<U+{code:04X}>def"


def test_new_lines_and_tabs() -> None:
    assert text.visible("one\ntwo\tthree\r") == "one ⏎ two three\u240d"
    assert text.visible("one\ntwo\tthree", one_line=False) == "one\ntwo three"


def test_cut_at_limit() -> None:
    assert text.visible("abcdef", 3) == "abc…"
    assert text.visible("a\x1bcdef", 3) == "a\u241bc…"
    assert text.visible("x" * 1300, 200) == "x" * 200 + "… (+1,100 characters)"
    assert text.visible("x" * 1300, None) == "x" * 1300


def test_fast_path_returns_the_same_string() -> None:
    ordinary = "Cross-border [bold]bus[/bold] line — Rīga ↔ Tartu"
    assert text.visible(ordinary) is ordinary
    assert text.visible(ordinary, None) is ordinary


def test_one_mapping_everywhere() -> None:
    """The screens and the vote tables use text.py's pictures, not their own."""
    from smartplan_tui.exercises import voting
    from smartplan_tui.model import Ballot, Vote, VoteOption

    assert literal.visible is text.visible
    vote = Vote("v1", "Q", options=(VoteOption("A", "\x1b[2J\x07\u202e\x9b"),),
                ballots=(Ballot("p1", dots={"A": 1}),))
    table = voting.render_table(voting.count(vote), explain=False)
    assert "\u241b[2J\u2407<U+202E>\ufffd" in table
    assert text.fit("\x1b[2J\x07\u202e\x9b", 20).rstrip() == "\u241b[2J\u2407<U+202E>\ufffd"


def test_json_text_stays_exact_json() -> None:
    value = {"title": EVIL + "\x7f\x9b\u202eend"}
    dumped = text.json_text(json.dumps(value, ensure_ascii=False))
    assert json.loads(dumped) == value
    assert not CONTROLS & set(dumped)
    plain = json.dumps({"title": "Rīga"}, ensure_ascii=False)
    assert text.json_text(plain) is plain


# ------------------------------------------------------------------ the command line on a pty


def on_terminal(home: Path, *args: str) -> tuple[int, bytes]:
    """Run `smartplan --home HOME ARGS` with stdout and stderr on a pseudo-terminal."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONUTF8": "1", "SMARTPLAN_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "smartplan_tui", "--home", str(home), *args],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child is gone and closed the terminal
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
    return proc.wait(timeout=30), bytes(out)


def assert_shown_safely(output: bytes, *pictures: str) -> None:
    for raw in FORBIDDEN:
        assert raw not in output, f"{raw!r} reached the terminal: {output!r}"
    shown = output.decode()
    for picture in pictures:
        assert picture in shown, f"{picture!r} missing from {shown!r}"


@pytest.fixture
def evil_session(tmp_path: Path) -> Path:
    """A data home with one imported session whose title and vote hold escape sequences."""
    home = tmp_path / "home"
    document = {
        "format": "smartplan/session", "version": 1,
        "session": {"id": "evil", "title": EVIL + "\u202e\x9b"},
        "votes": [{"id": "v1", "question": "Which? " + EVIL, "method": "dot",
                   "options": [{"id": "A", "text": EVIL + "\u202e"}, {"id": "B", "text": "Bus"}],
                   "ballots": [{"dots": {"A": 2, "B": 1}}]}],
    }
    source = tmp_path / "evil.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    code, out = on_terminal(home, "import", str(source))
    assert code == 0, out
    assert b"evil" in out
    return home


def test_list_on_a_terminal(evil_session: Path) -> None:
    code, out = on_terminal(evil_session, "list")
    assert code == 0
    assert_shown_safely(out, ESC_PICTURE + "]0;pwned" + BEL_PICTURE, "<U+202E>")


def test_json_output_is_exact_json(evil_session: Path) -> None:
    """JSON escapes what could drive the terminal, and every value reads back exactly."""
    code, out = on_terminal(evil_session, "list", "--json")
    assert code == 0
    assert_shown_safely(out)
    assert json.loads(out.decode())[0]["title"] == EVIL + "\u202e\x9b"
    code, out = on_terminal(evil_session, "export", "evil")
    assert code == 0
    assert_shown_safely(out)
    document = json.loads(out.decode())
    assert document["session"]["title"] == EVIL + "\u202e\x9b"
    assert document["votes"][0]["options"][0]["text"] == EVIL + "\u202e"


def test_results_on_a_terminal(evil_session: Path) -> None:
    code, out = on_terminal(evil_session, "results", "evil")
    assert code == 0
    assert_shown_safely(out, "Which? " + ESC_PICTURE, BEL_PICTURE)
    code, out = on_terminal(evil_session, "results", "evil", "--json")
    assert code == 0
    assert_shown_safely(out)
    vote = json.loads(out.decode())["votes"][0]
    assert vote["question"] == "Which? " + EVIL


def test_errors_quoting_user_text_on_a_terminal(evil_session: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "smartplan/session", "version": 1,
                               "session": {"title": "x", EVIL: 1}}), encoding="utf-8")
    code, out = on_terminal(evil_session, "import", str(bad))
    assert code == 1
    assert out.startswith(b"smartplan: error: ")
    assert_shown_safely(out, ESC_PICTURE + "]0;pwned" + BEL_PICTURE)
    # Click's own usage error echoes the extra argument.
    code, out = on_terminal(evil_session, "add", "swot", "evil", "S", "text", "\u202e\x9b2J")
    assert code == 2
    assert_shown_safely(out, "<U+202E>")


# ------------------------------------------------------------------ the screens' headers


def evil_title(store: SessionStore) -> None:
    store.open(DEMO_ID).update_info(lambda info: dataclasses.replace(
        info, title="Coast \x1b[2J\x07 camp"))


def assert_header_safe(sub_title: str | None) -> None:
    assert sub_title is not None
    assert not CONTROLS & set(sub_title), repr(sub_title)
    assert "\u241b[2J\u2407" in sub_title


async def test_votes_screen_header(demo_store: SessionStore, home: Path) -> None:
    evil_title(demo_store)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "v", VotesScreen)
        assert_header_safe(screen.sub_title)
        assert screen.title == "Votes"


async def test_action_plan_screen_header(demo_store: SessionStore, home: Path) -> None:
    evil_title(demo_store)
    app = demo_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "p", ActionPlanScreen)
        assert_header_safe(screen.sub_title)
        assert screen.title == "Action plan"
