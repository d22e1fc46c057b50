"""One note-taker's SmartPlan: the full app on one session, run by the hub per browser.

`python -m smartplan_tui.notetaker_app --home HOME SESSION_ID`. The hub starts it
with Textual's web driver for each note-taker's websocket; it writes through the store
like a second terminal would. A module of its own (not a `smartplan` command) keeps it
out of the command line's help: nobody types it.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="smartplan-notetaker")
    parser.add_argument("--home", required=True, type=Path)
    parser.add_argument("session_id")
    args = parser.parse_args(argv)
    from smartplan_tui.app import make_app

    make_app(args.home, args.session_id).run()


if __name__ == "__main__":
    main()
