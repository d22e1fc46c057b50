"""The exercises are pure logic: importing them pulls in neither Textual nor TinyDB."""

from __future__ import annotations

import subprocess
import sys

MODULES = ["swot", "tows", "voting", "actions", "agenda"]


def test_exercises_import_without_textual_or_tinydb() -> None:
    code = (
        "import sys\n"
        + "".join(f"import smartplan_tui.exercises.{m}\n" for m in MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'docx'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""
