"""A failed export leaves no file and no temp file behind, and never clobbers an old report."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from session_factory import rich_session

from smartplan_tui.exports import (
    ExportError,
    docx_report,
    write_attendance,
    write_csv_zip,
    write_handbook,
    write_markdown,
    write_report,
)
from smartplan_tui.exports.atomic import atomic_write

WRITERS: dict[str, Callable[[Path], Path]] = {
    "report": lambda p: write_report(rich_session(), p),
    "attendance": lambda p: write_attendance(rich_session(), p),
    "handbook": lambda p: write_handbook([rich_session()], p),
    "markdown": lambda p: write_markdown(rich_session(), p),
    "csv": lambda p: write_csv_zip(rich_session(), p),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_writer_replaces_an_old_file_whole(tmp_path: Path, name: str) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old report")
    assert WRITERS[name](target) == target
    assert target.read_bytes() != b"old report" and target.stat().st_size > 100
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_failure_while_building_leaves_nothing(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(docx_report, "swot_section", broken)
    with pytest.raises(RuntimeError):
        write_report(rich_session(), tmp_path / "r.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_failure_while_writing_leaves_the_old_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     name: str) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old report")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ExportError, match=r"^cannot write .*out\.bin: No space left on device$"):
        WRITERS[name](target)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_half_written_stream_is_removed(tmp_path: Path) -> None:
    def half(stream: Any) -> None:
        stream.write(b"PK\x03\x04 half a zip")
        raise ValueError("interrupted")

    with pytest.raises(ValueError):
        atomic_write(tmp_path / "x.docx", half)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_places_give_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"^cannot write .*missing/r\.docx: No such file or directory$"):
        write_report(rich_session(), tmp_path / "missing" / "r.docx")
    with pytest.raises(ExportError, match="it is a folder"):
        write_markdown(rich_session(), tmp_path)
    assert list(tmp_path.iterdir()) == []
