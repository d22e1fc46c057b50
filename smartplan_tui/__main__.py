"""`python -m smartplan_tui` runs the `smartplan` command line, language chosen first."""

from smartplan_tui.launch import main

if __name__ == "__main__":
    main()
