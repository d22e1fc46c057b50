"""`python -m smartplan_tui` runs the `smartplan` command line."""

from smartplan_tui.cli import run

if __name__ == "__main__":
    run()
