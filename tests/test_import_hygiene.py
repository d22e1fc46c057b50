"""Imports point one way: pure modules never load Textual; screens never load TinyDB.

Each module is imported in a fresh interpreter and `sys.modules` inspected, as harlequin's
import-hygiene test does, so an indirect import through a helper is caught too.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import smartplan_tui

PACKAGE = Path(smartplan_tui.__file__).parent
PURE = ["smartplan_tui.model", "smartplan_tui.store", "smartplan_tui.demo", "smartplan_tui.atomic",
        *[f"smartplan_tui.{pkg}.{m.name}" for pkg in ("exercises", "exports", "store")
          for m in pkgutil.iter_modules([str(PACKAGE / pkg)])]]


@pytest.mark.parametrize("module", PURE)
def test_pure_module_does_not_import_textual(module: str) -> None:
    code = (f"import sys, {module}; bad = sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('textual', 'smartplan_tui.app') or "
            "m.startswith('smartplan_tui.screens')); print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulls in {out.stdout.strip()}"


def test_screens_and_app_never_import_tinydb() -> None:
    offenders = []
    for path in [PACKAGE / "app.py", *sorted((PACKAGE / "screens").rglob("*.py"))]:
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "tinydb" or (n.startswith("smartplan_tui.store.") and
                   n.split(".")[2] in ("session_file", "codec", "repository")) for n in names):
                offenders.append(f"{path.name}: {names}")
    assert offenders == []


def test_the_command_line_starts_without_textual_or_docx() -> None:
    code = ("import sys, smartplan_tui.cli; print(','.join(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('textual', 'docx'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
