"""One note-taker's SmartPlan: the full app on one session, run by the hub per browser.

`python -m smartplan_tui.notetaker_app --home HOME --lang L SESSION_ID [--author "browser …"]`.
The hub starts it with Textual's web driver for each note-taker's websocket; it writes
through the store like a second terminal would. A module of its own (not a `smartplan`
command) keeps it out of the command line's help: nobody types it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="smartplan-notetaker")
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("--lang", help="the interface language (the one the hub answers "
                                       "this note-taker's browser in)")
    parser.add_argument("session_id")
    parser.add_argument("--author", default="browser",
                        help="how the session's history names this note-taker's edits")
    args = parser.parse_args(argv)
    from smartplan_tui.launch import choose

    choose(sys.argv[1:] if argv is None else argv)  # before the screens' texts are imported
    from smartplan_tui.app import make_app

    make_app(args.home, args.session_id, author=args.author).run()


if __name__ == "__main__":
    main()
