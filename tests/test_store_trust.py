"""The store keeps data safe when the disk, the user or another program misbehaves.

Each test stages one misbehaviour for real: a process killed at an exact instant of a replace,
a journal damaged in one of the ways a disk or an editor damages it, a cleaner deleting files,
a read-only copy, a full disk, an export aimed at the store itself, litter from a kill, and
files that other users of the machine could read.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import smartplan_tui.store.session_file as session_file
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SessionInfo, SwotItem
from smartplan_tui.store import SessionStore, StoreError, dumps, session_to_document

CLI = [sys.executable, "-m", "smartplan_tui"]


def _add(store: SessionStore, text: str, session_id: str = "ws") -> str:
    return store.open(session_id).add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, text)).id


def _texts(home: Path, session_id: str = "ws") -> list[str]:
    return [i.text for i in SessionStore(home).load(session_id).swot]


def _cli(home: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "--home", str(home), *args], capture_output=True, text=True,
                          timeout=60, **kwargs)  # type: ignore[call-overload,no-any-return]


def _one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("smartplan: error: "), lines[0]
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    return lines[0]


def _snapshot_of_files(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file()}


@pytest.fixture
def ws(store: SessionStore) -> SessionStore:
    store.create(SessionInfo("ws", "Workshop"))
    return store


# ---------------------------------------------------------------- a kill during a replace

#: Runs `import --replace` and stops dead at write number STOP, before or after it.
REPLACER = """
import os, sys, time
import smartplan_tui.store.session_file as sf
from smartplan_tui.cli import run
real = sf.write_atomically
stop, when = int(os.environ["STOP"]), os.environ["WHEN"]
count = 0
def paused(path, blob):
    global count
    count += 1
    if count == stop and when == "before":
        print("paused", flush=True); time.sleep(60)
    real(path, blob)
    if count == stop and when == "after":
        print("paused", flush=True); time.sleep(60)
sf.write_atomically = paused
sys.argv = ["smartplan", "--home", sys.argv[1], "import", "--replace", sys.argv[2]]
run()
"""


def _document(title: str, texts: list[str]) -> bytes:
    doc = {"format": "smartplan/session", "version": 1,
           "session": {"id": "ws", "title": title},
           "swot": [{"quadrant": "threats", "text": t} for t in texts]}
    return orjson.dumps(doc)


def _journalled_session(home: Path) -> str:
    """A session whose edits are all still in its journal (not compacted); its export."""
    store = SessionStore(home)
    store.create(SessionInfo("ws", "Workshop"))
    for n in range(5):
        _add(store, f"old {n}")
    return dumps(session_to_document(SessionStore(home).load("ws")))


@pytest.mark.slow
def test_a_kill_at_any_instant_of_a_replace_leaves_the_old_session_or_the_new(
        tmp_path: Path) -> None:
    new_file = tmp_path / "new.json"
    new_file.write_bytes(_document("Imported", ["new a", "new b"]))
    seen = {"old": 0, "new": 0}
    for stop in range(1, 7):
        for when in ("before", "after"):
            home = tmp_path / f"home-{stop}-{when}"
            old = _journalled_session(home)
            proc = subprocess.Popen([sys.executable, "-c", REPLACER, str(home), str(new_file)],
                                    stdout=subprocess.PIPE, text=True,
                                    env={**os.environ, "STOP": str(stop), "WHEN": when})
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            proc.kill()
            proc.wait()
            state = SessionStore(home).load("ws")
            texts = [i.text for i in state.swot]
            if texts == ["new a", "new b"] and state.info.title == "Imported":
                seen["new"] += 1
            else:
                seen["old"] += 1
                assert dumps(session_to_document(state)) == old, (stop, when, line, texts)
    assert seen["old"] and seen["new"], seen


def test_generations_only_go_up_through_a_replace(ws: SessionStore, home: Path,
                                                  tmp_path: Path) -> None:
    _add(ws, "one")
    path = home / "sessions" / "ws.json"
    before = orjson.loads(path.read_bytes())["meta"]["store"]["generation"]
    new_file = tmp_path / "new.json"
    new_file.write_bytes(_document("Imported", ["x"]))
    assert _cli(home, "import", "--replace", str(new_file)).returncode == 0
    after = orjson.loads(path.read_bytes())["meta"]["store"]["generation"]
    journal = orjson.loads((home / "sessions" / "ws.journal").read_bytes().split(b"\n")[0])
    assert after > before and journal == {"generation": after}


# ---------------------------------------------------------------- damaged journals


def _journal(home: Path) -> Path:
    return home / "sessions" / "ws.journal"


def _refused(home: Path, pattern: str) -> str:
    with pytest.raises(StoreError, match=pattern) as error:
        SessionStore(home).load("ws")
    message = str(error.value)
    assert "\n" not in message and "ws.journal" in message and "backup" in message
    return message


@pytest.mark.parametrize("header", [None, b'{"generation": 99}', b'{"generation": "x"}',
                                    b'[{"t":"swot","id":"s7","doc":{}}]'])
def test_a_journal_without_its_own_header_is_refused_and_kept(
        ws: SessionStore, home: Path, header: bytes | None) -> None:
    _add(ws, "one")
    _add(ws, "two")
    lines = _journal(home).read_bytes().split(b"\n")
    lines = lines[1:] if header is None else [header, *lines[1:]]
    damaged = b"\n".join(lines)
    _journal(home).write_bytes(damaged)
    _refused(home, r"ws.journal cannot be read \(line 1")
    with pytest.raises(StoreError):
        _add(SessionStore(home), "must not be written")
    assert _journal(home).read_bytes() == damaged


@pytest.mark.parametrize("line", [b"garbage", b"[1,2]", b'[{"t":"swot"}]', b'{"x": 1}', b"[]",
                                  b'[{"t":"swot","id":"s1","doc":5}]', b"null"])
@pytest.mark.parametrize("where", ["middle", "last"])
def test_a_damaged_journal_line_ending_in_a_newline_is_refused(
        ws: SessionStore, home: Path, line: bytes, where: str) -> None:
    for text in ("one", "two", "three"):
        _add(ws, text)
    lines = _journal(home).read_bytes().split(b"\n")  # header, 3 edits, ""
    at = 2 if where == "middle" else 3
    lines[at] = line
    damaged = b"\n".join(lines)
    _journal(home).write_bytes(damaged)
    _refused(home, rf"line {at + 1} is damaged")
    with pytest.raises(StoreError):
        _add(SessionStore(home), "must not be written")
    assert _journal(home).read_bytes() == damaged


def test_only_a_torn_final_line_without_its_newline_is_dropped(ws: SessionStore,
                                                               home: Path) -> None:
    _add(ws, "one")
    with open(_journal(home), "ab") as f:
        f.write(b'[{"t":"swot","id":"s2","doc":{"id":"s2","quadrant":"strengths","te')
    assert _texts(home) == ["one"]
    _add(SessionStore(home), "two")
    assert _texts(home) == ["one", "two"]


def test_a_journal_of_the_previous_generation_is_ignored_only_when_superseded(
        ws: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The crash window of a compaction: the new snapshot names the old journal exactly."""
    monkeypatch.setattr(session_file, "COMPACT_AFTER_LINES", 2)
    _add(ws, "one")
    _add(ws, "two")
    old_journal = _journal(home).read_bytes()
    _add(ws, "three")  # compacts: the snapshot now holds all three
    _journal(home).write_bytes(old_journal)  # as if killed before the journal's reset
    assert _texts(home) == ["one", "two", "three"]
    _journal(home).write_bytes(old_journal + b'[{"t":"swot","id":"s9","del":true}]\n')
    _refused(home, "line 1: it extends generation")


# ---------------------------------------------------------------- a session that does not decode


def _break_an_item(home: Path) -> bytes:
    """Store a value the model refuses (as an older or a foreign program might)."""
    store = SessionStore(home)
    store.save_whole(store.load("ws"), replace_existing=True)  # everything into the snapshot
    path = home / "sessions" / "ws.json"
    data = orjson.loads(path.read_bytes())
    data["swot"]["s1"]["quadrant"] = "sideways"
    blob = orjson.dumps(data)
    path.write_bytes(blob)
    _journal(home).write_bytes(b'{"generation":%d}\n' % data["meta"]["store"]["generation"])
    return blob


def test_a_session_that_cannot_be_loaded_accepts_no_write(ws: SessionStore, home: Path) -> None:
    _add(ws, "one")
    ws.open("ws").load()
    blob = _break_an_item(home)
    export = _cli(home, "export", "ws")
    assert "holds an invalid value at swot.s1.quadrant" in _one_error_line(export)
    added = _cli(home, "add", "swot", "ws", "S", "must not be written")
    assert "holds an invalid value" in _one_error_line(added)
    with pytest.raises(StoreError, match="invalid value"):
        _add(ws, "nor through a handle that loaded it before")
    assert (home / "sessions" / "ws.json").read_bytes() == blob


def test_replacing_a_damaged_session_keeps_its_bytes_first_and_says_where(
        ws: SessionStore, home: Path, tmp_path: Path) -> None:
    _add(ws, "one")
    blob = _break_an_item(home)
    new_file = tmp_path / "new.json"
    new_file.write_bytes(_document("Imported", ["fresh"]))
    result = _cli(home, "import", "--replace", str(new_file))
    assert result.returncode == 0 and result.stdout.strip() == "ws"
    warning = result.stderr.strip()
    assert warning.startswith("smartplan: warning: session 'ws' could not be read")
    copies = SessionStore(home).damaged_copies("ws")
    assert [p.read_bytes() for p in copies if p.suffix == ".json"] == [blob]
    assert str(copies[0].parent) in warning
    assert _texts(home) == ["fresh"]


# ---------------------------------------------------------------- a cleaner deletes files

HOLDER = """
import sys
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("ws")
with handle._file.transaction() as tx:
    print("inside", flush=True)
    sys.stdin.readline()
"""


def _delete_stray_files(home: Path) -> None:
    """What a sync tool or a cleaner does: remove every lock file it finds."""
    for path in (home / "sessions").iterdir():
        if path.name.endswith(".lock"):
            path.unlink(missing_ok=True)


def test_a_writer_waits_for_another_even_when_lock_files_are_deleted(
        ws: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(home)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "inside"
        _delete_stray_files(home)
        monkeypatch.setattr(session_file, "LOCK_TIMEOUT_S", 0.5)
        with pytest.raises(StoreError, match="busy"):
            _add(SessionStore(home), "must wait for the writer inside")
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert _add(SessionStore(home), "after") == "s1"


ADDER = """
import sys, time
from smartplan_tui.collection_registry import SWOT
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore
handle = SessionStore(sys.argv[1]).open("ws")
end = time.monotonic() + float(sys.argv[3])
while time.monotonic() < end:
    item = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, sys.argv[2]))
    print(item.id, flush=True)
"""


def lock_cleaner_run(home: Path, seconds: float) -> tuple[int, int, int]:
    """Three writers add for `seconds` while a cleaner deletes lock files all along.

    Returns (acknowledged adds, adds lost, ids given out twice). Also run, for longer and
    against an older SmartPlan, by `bench/bench_trust.py`.
    """
    logs = [home.parent / f"acknowledged-{n}.txt" for n in range(3)]
    writers = []
    for n, log in enumerate(logs):
        with open(log, "w") as out:  # a file, not a pipe: a full pipe would stall the writer
            writers.append(subprocess.Popen(
                [sys.executable, "-c", ADDER, str(home), f"w{n}", str(seconds)], stdout=out))
    while any(w.poll() is None for w in writers):
        _delete_stray_files(home)
        time.sleep(0.002)
    acknowledged = [line for log in logs for line in log.read_text().split()]
    try:
        stored = {i.id for i in SessionStore(home).load("ws").swot}
    except StoreError:
        stored = set()  # two writers at once damaged the journal: nothing can be read
    # An id acknowledged twice is two edits of which the store kept one: both count as lost.
    return len(acknowledged), len(acknowledged) - len(set(acknowledged) & stored), \
        len(acknowledged) - len(set(acknowledged))


@pytest.mark.slow
def test_three_writers_and_a_cleaner_lose_nothing(ws: SessionStore, home: Path) -> None:
    acknowledged, lost, twice = lock_cleaner_run(home, 3.0)
    assert acknowledged > 100
    assert (lost, twice) == (0, 0)


# ---------------------------------------------------------------- a read-only copy


@contextlib.contextmanager
def _tmpfs(mount: Path, size: str) -> Iterator[Path]:
    """A file system of its own, so a test can fill it or make it read-only for real."""
    if os.geteuid() != 0:
        pytest.skip("mounting a file system needs root")
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                      capture_output=True).returncode:
        pytest.skip("this machine cannot mount a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def read_only_home(tmp_path: Path) -> Iterator[Path]:
    """A data home on a file system mounted read-only (as a USB stick or an archive is)."""
    with _tmpfs(tmp_path / "ro", "8m") as mount:
        home = mount / "home"
        store = SessionStore(home)
        store.create(SessionInfo("ws", "Workshop on a stick"))
        _add(store, "one")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield home


def test_a_read_only_copy_can_be_read_and_says_why_it_cannot_be_written(
        read_only_home: Path) -> None:
    listed = _cli(read_only_home, "list")
    assert listed.returncode == 0 and "Workshop on a stick" in listed.stdout, listed.stderr
    exported = _cli(read_only_home, "export", "ws")
    assert exported.returncode == 0 and '"one"' in exported.stdout
    assert _cli(read_only_home, "results", "ws").returncode == 0
    added = _one_error_line(_cli(read_only_home, "add", "swot", "ws", "S", "two"))
    assert "Read-only file system" in added
    assert _texts(read_only_home) == ["one"]


# ---------------------------------------------------------------- a full disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB file system, so the disk can really be filled."""
    with _tmpfs(tmp_path / "small", "2m") as mount:
        yield mount


def _fill(disk: Path, leave: int) -> Path:
    """Fill the file system until about `leave` bytes are free."""
    filler = disk / "filler"
    with open(filler, "wb") as f:
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        f.write(b"\0" * max(0, free - leave))
    return filler


def test_a_compaction_that_finds_the_disk_full_does_not_block_edits(
        small_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_file, "COMPACT_AFTER_LINES", 3)
    home = small_disk / "home"
    store = SessionStore(home)
    store.create(SessionInfo("ws", "Workshop"))
    handle = store.open("ws")
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "x" * 300_000))  # a big snapshot
    for n in range(2):
        _add(store, f"before {n}")
    filler = _fill(small_disk, 0)
    with pytest.raises(StoreError, match="could not save"):
        for n in range(50):  # the journal's last block fills up too, eventually
            _add(store, f"while full {n}")
    stored = _texts(home)
    assert "while full 0" in stored, "an append must not wait for a compaction that cannot be"
    filler.unlink()
    _add(store, "after")
    _add(store, "and again")
    assert _texts(home)[-2:] == ["after", "and again"]
    assert sorted(p.name for p in (home / "sessions").iterdir()) == ["ws.journal", "ws.json"]


def test_an_import_onto_a_full_disk_names_the_file_and_leaves_nothing(
        small_disk: Path, tmp_path: Path) -> None:
    home = small_disk / "home"
    SessionStore(home).create(SessionInfo("other", "Other"))
    before = _snapshot_of_files(home)
    source = tmp_path / "big.json"
    source.write_bytes(_document("Big", ["y" * 400_000]))
    _fill(small_disk, 4096)
    error = _one_error_line(_cli(home, "import", str(source)))
    assert str(home / "sessions" / "ws.json") in error and "nothing was stored" in error
    assert _snapshot_of_files(home) == before


# ---------------------------------------------------------------- outputs never land in the store


@pytest.mark.parametrize("target", ["sessions/ws.json", "sessions/ws.journal", "backups/x.docx",
                                    "report.docx", "sessions/../sessions/ws.json"])
def test_no_export_can_write_inside_the_data_home(ws: SessionStore, home: Path,
                                                  target: str) -> None:
    _add(ws, "one")
    before = _snapshot_of_files(home)
    for fmt in ("json", "md"):
        error = _one_error_line(_cli(home, "export", "ws", "--format", fmt,
                                     "--output", str(home / target)))
        assert "inside SmartPlan's data folder" in error
    error = _one_error_line(_cli(home, "handbook", "ws", "--output", str(home / target)))
    assert "inside SmartPlan's data folder" in error
    assert _snapshot_of_files(home) == before


def test_an_output_through_a_link_into_the_store_is_refused(ws: SessionStore, home: Path,
                                                            tmp_path: Path) -> None:
    link = tmp_path / "shortcut"
    link.symlink_to(home / "sessions")
    assert "inside" in _one_error_line(_cli(home, "export", "ws", "--output", str(link / "ws.json")))


# ---------------------------------------------------------------- litter left by a kill

STUCK_WRITER = """
import sys, time
from smartplan_tui.atomic import replace_atomically
def write(stream):
    stream.write(b"half")
    stream.flush()
    print("writing", flush=True)
    time.sleep(60)
replace_atomically(sys.argv[1], write)
"""


@pytest.mark.parametrize("name", ["sessions/ws.json", "report.docx"])
def test_temp_files_left_by_a_kill_are_removed_by_the_next_writer(
        ws: SessionStore, home: Path, tmp_path: Path, name: str) -> None:
    target = home / name if name.startswith("sessions") else tmp_path / name
    proc = subprocess.Popen([sys.executable, "-c", STUCK_WRITER, str(target)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    litter = [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert len(litter) == 1
    if name.startswith("sessions"):
        ws.open("ws").load()
        ws.save_whole(ws.load("ws"), replace_existing=True)
    else:
        from smartplan_tui.exports import write_markdown

        write_markdown(ws.load("ws"), target.with_suffix(".md"))
        write_markdown(ws.load("ws"), target)
    assert [p for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_temp_file_of_a_running_writer_is_left_alone(tmp_path: Path) -> None:
    from smartplan_tui.atomic import replace_atomically

    target = tmp_path / "out.txt"
    proc = subprocess.Popen([sys.executable, "-c", STUCK_WRITER, str(target)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        replace_atomically(target, lambda stream: stream.write(b"whole"))
        assert len([p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]) == 1
    finally:
        proc.kill()
        proc.wait()


# ---------------------------------------------------------------- damaged files of the wrong shape


@pytest.mark.parametrize("change", [
    lambda d: {"meta": 5},
    lambda d: {**d, "swot": []},
    lambda d: {**d, "swot": {"s1": [1]}},
    lambda d: {**d, "meta": {**d["meta"], "store": {"schema": 1, "generation": "x"}}},
    lambda d: {**d, "meta": {**d["meta"], "ids": {"swot": "many"}}},
    lambda d: [d],
    lambda d: {**d, "meta": {**d["meta"], "info": None}},
])
def test_a_session_file_of_the_wrong_shape_is_one_line_naming_it(
        ws: SessionStore, home: Path, change: object) -> None:
    _add(ws, "one")
    path = home / "sessions" / "ws.json"
    blob = orjson.dumps(change(orjson.loads(path.read_bytes())))  # type: ignore[operator]
    path.write_bytes(blob)
    for args in (("export", "ws"), ("add", "swot", "ws", "S", "x"), ("results", "ws")):
        error = _one_error_line(_cli(home, *args))
        assert str(path) in error and "cannot be read" in error
    assert path.read_bytes() == blob


# ---------------------------------------------------------------- private files


@pytest.mark.parametrize("umask", [0o022, 0o000, 0o002])
def test_the_data_home_is_private_whatever_the_umask(tmp_path: Path, umask: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_file, "COMPACT_AFTER_LINES", 2)
    monkeypatch.setattr(session_file, "BACKUP_EVERY_S", 0.0)
    home = tmp_path / "home"
    old = os.umask(umask)
    try:
        store = SessionStore(home)
        store.create(SessionInfo("ws", "Workshop"))
        for n in range(5):
            _add(store, f"item {n}")
        store.save_setting("theme", "nord")
        store.delete("ws")
        store.create(SessionInfo("ws", "Workshop"))
    finally:
        os.umask(old)
    paths = [home, *home.rglob("*")]
    assert len(paths) > 6
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_an_older_world_readable_home_is_made_private_at_the_next_write(ws: SessionStore,
                                                                        home: Path) -> None:
    for path in (home, home / "sessions", home / "sessions" / "ws.json"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    _add(SessionStore(home), "one")
    for path in (home, home / "sessions", home / "sessions" / "ws.json",
                 home / "sessions" / "ws.journal"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_exports_follow_the_umask(ws: SessionStore, home: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        result = _cli(home, "export", "ws", "--output", str(tmp_path / "ws.json"))
    finally:
        os.umask(old)
    assert result.returncode == 0
    assert stat.S_IMODE((tmp_path / "ws.json").stat().st_mode) == 0o644


# ---------------------------------------------------------------- threads share the folder lock


def test_threads_of_one_process_take_turns_on_the_folder_lock(ws: SessionStore,
                                                              home: Path) -> None:
    store = SessionStore(home)
    store.create(SessionInfo("other", "Other"))
    errors: list[BaseException] = []

    def adder(session_id: str) -> None:
        try:
            for n in range(40):
                _add(store, f"{session_id} {n}", session_id)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=adder, args=(sid,)) for sid in ("ws", "other", "ws")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(_texts(home, "ws")) == 80 and len(_texts(home, "other")) == 40
