"""Shared fixtures: a real data home in a temp dir, and the demo session in it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smartplan_tui.demo import ensure_demo
from smartplan_tui.store import SessionStore

# The tests read English: a subprocess must not pick up the developer's own locale
# (`LANG=lv_LV.UTF-8`). Tests of the other languages ask for theirs.
os.environ["SMARTPLAN_LANG"] = "en"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data home of its own; `$SMARTPLAN_HOME` points at it for subprocesses and the CLI."""
    path = tmp_path / "home"
    monkeypatch.setenv("SMARTPLAN_HOME", str(path))
    return path


@pytest.fixture
def store(home: Path) -> SessionStore:
    return SessionStore(home)


@pytest.fixture
def demo_store(store: SessionStore) -> SessionStore:
    ensure_demo(store)
    return store
