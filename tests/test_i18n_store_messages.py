"""The store's and the privacy tools' messages in Latvian and Lithuanian: damaged, newer and
refused files, an item another terminal deleted, who made a change, and an erasure's report."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import orjson
import pytest

import smartplan_tui.store.session_file as session_file
from smartplan_tui.collection_registry import NOTES, PARTICIPANTS, SWOT
from smartplan_tui.i18n import set_interface_language
from smartplan_tui.model import ModelError, Note, Participant, Quadrant, SessionInfo, SwotItem
from smartplan_tui.privacy import Person, is_erased, what_erasure_changes
from smartplan_tui.store import SessionStore, StoreError, dumps, loads, session_to_document
from smartplan_tui.store.journal import DamagedError, check_entry

NAME = "Līga Bērziņa"
LANGUAGE_VARIABLES = ("SMARTPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def smartplan(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m smartplan_tui --home HOME …` with no language but the one `args` ask for."""
    clean = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    return subprocess.run([sys.executable, "-m", "smartplan_tui", "--home", str(home), *args],
                          capture_output=True, text=True, env=clean, timeout=120)


def _workshop(store: SessionStore, language: str = "") -> None:
    store.create(SessionInfo("ws", "Liepāja workshop", language=language))
    handle = store.open("ws")
    handle.add(PARTICIPANTS, lambda i: Participant(i, NAME, "Kurzeme Planning Region"))
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ice-free port", (), NAME))


def test_a_damaged_session_file_is_one_latvian_line_on_the_command_line(
        store: SessionStore, home: Path, tmp_path: Path) -> None:
    _workshop(store)
    path = home / "sessions" / "ws.json"
    path.write_bytes(b'{"meta": {"info": ')
    run = smartplan(home, "--lang", "lv", "export", "ws", "--format", "json",
                    "--output", str(tmp_path / "ws.json"))
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert f"{path} nevar nolasīt (" in lines[0]
    assert "tas atstāts, kā ir; jaunākā rezerves kopija ir " in lines[0]
    assert "cannot be read" not in lines[0] and "Traceback" not in run.stderr
    assert path.read_bytes() == b'{"meta": {"info": '


def test_a_damaged_journal_line_and_a_newer_file_are_named_in_lithuanian(
        store: SessionStore, home: Path) -> None:
    _workshop(store)
    journal = home / "sessions" / "ws.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b"garbage"
    journal.write_bytes(b"\n".join(lines))
    set_interface_language("lt")
    with pytest.raises(StoreError) as damaged:
        SessionStore(home).load("ws")
    assert f"{journal} negalima perskaityti (2 eilutė sugadinta: netinkamas JSON)" \
        in str(damaged.value)

    snapshot = home / "sessions" / "ws.json"
    data = orjson.loads(snapshot.read_bytes())
    data["meta"]["store"]["schema"] = 99
    snapshot.write_bytes(orjson.dumps(data))
    journal.unlink()
    with pytest.raises(StoreError) as newer:
        SessionStore(home).load("ws")
    assert str(newer.value) == (f"{snapshot} įrašytas naujesne SmartPlan versija (schema 99); "
                                "ši versija skaito iki schemos 1 — atnaujinkite SmartPlan")


HOLD_THE_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_session_another_smartplan_holds_locked_is_busy_in_latvian(
        store: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _workshop(store)
    monkeypatch.setattr(session_file, "LOCK_TIMEOUT_S", 0.2)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(home / "sessions")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        set_interface_language("lv")
        with pytest.raises(StoreError) as busy:
            SessionStore(home).open("ws").add(
                NOTES, lambda i: Note(i, datetime(2026, 12, 1, 10), "Ferry at 9"))
    finally:
        holder.communicate("")
    path = home / "sessions" / "ws.json"
    assert str(busy.value) == f"{path}: aizņemts — cits SmartPlan to tur bloķētu jau 0 s"


def test_a_full_disk_says_in_latvian_that_the_change_was_not_stored(
        store: SessionStore, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _workshop(store)
    handle = store.open("ws")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    set_interface_language("lv")
    with pytest.raises(StoreError) as refused:
        handle.add(NOTES, lambda i: Note(i, datetime(2026, 12, 1, 10), "Ferry at 9"))
    monkeypatch.undo()
    path = home / "sessions" / "ws.json"
    assert str(refused.value) == (f"{path}: neizdevās saglabāt (diskā nav vietas); pēdējās "
                                  "izmaiņas netika saglabātas")
    assert SessionStore(home).load("ws").notes == ()


def test_an_import_refuses_a_huge_number_and_an_export_the_data_folder_in_latvian(
        store: SessionStore, home: Path) -> None:
    set_interface_language("lv")
    with pytest.raises(ModelError) as huge:
        loads('{"version":\n  ' + "9" * 150 + "}", "in.json")
    assert str(huge.value) == ("in.json: vesels skaitlis ar 150 cipariem ir par lielu (2. rindā, "
                               "3. kolonnā)")
    inside = home / "report.docx"
    with pytest.raises(StoreError) as refused:
        store.check_output(inside)
    assert str(refused.value) == (f"{inside}: atrodas SmartPlan datu mapē {home}; izvēlieties "
                                  "failu citur")


def test_a_journal_lines_shape_is_explained_in_latvian() -> None:
    set_interface_language("lv")
    with pytest.raises(DamagedError, match=r"^labojums 2: nenorāda id$"):
        check_entry([{"t": "swot", "order": []}, {"t": "swot", "doc": {}}])


def test_an_item_another_terminal_deleted_is_named_by_its_text_and_who(
        store: SessionStore, home: Path) -> None:
    _workshop(store)
    other = SessionStore(home, author="terminal pts/4").open("ws")
    mine = SessionStore(home, author="terminal pts/1").open("ws")
    item_id = mine.load().swot[0].id
    other.remove(SWOT, item_id)
    with pytest.raises(StoreError) as english:
        mine.update(SWOT, item_id, lambda item: item)
    assert str(english.value).startswith("SWOT item “Ice-free port” is no longer in the "
                                         "session: terminal pts/4 deleted it at ")
    assert item_id not in str(english.value)
    set_interface_language("lv")
    with pytest.raises(StoreError) as latvian:
        mine.update(SWOT, item_id, lambda item: item)
    assert str(latvian.value).startswith("SVID ieraksts “Ice-free port” vairs nav sesijā: to "
                                         "dzēsa terminālis pts/4 plkst. ")


def test_a_history_entry_names_the_list_and_the_author_in_latvian(store: SessionStore,
                                                                 home: Path) -> None:
    _workshop(store)
    handle = SessionStore(home, author="terminal pts/1").open("ws")
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Winter storms"))
    set_interface_language("lv")
    newest = handle.history()[0]
    assert (newest.by, newest.what) == ("terminālis pts/1",
                                        "Pievienots: SVID ieraksts “Winter storms”")


def test_the_history_names_the_command_line_in_latvian(store: SessionStore,
                                                         home: Path) -> None:
    _workshop(store)
    added = smartplan(home, "add", "note", "ws", "Ferry at 9")
    assert added.returncode == 0, added.stderr
    listing = smartplan(home, "--lang", "lv", "history", "ws", "--limit", "1")
    assert listing.returncode == 0, listing.stderr
    assert "komandrinda" in listing.stdout and "command line" not in listing.stdout
    journal = (home / "sessions" / "ws.journal").read_text(encoding="utf-8")
    assert '"by":"command line"' in journal  # stored as the machine label, whatever the language


def test_a_second_import_names_the_session_by_its_title_in_latvian(
        store: SessionStore, home: Path, tmp_path: Path) -> None:
    _workshop(store)
    document = tmp_path / "ws.json"
    document.write_text(dumps(session_to_document(store.load("ws"))), encoding="utf-8")
    english = smartplan(home, "import", str(document))
    assert english.returncode == 1
    assert ("a session “Liepāja workshop” exists already (id ws); use --replace to overwrite "
            "it") in english.stderr
    latvian = smartplan(home, "--lang", "lv", "import", str(document))
    assert latvian.returncode == 1
    assert ("sesija “Liepāja workshop” jau pastāv (id ws); lietojiet --replace, lai to "
            "pārrakstītu") in latvian.stderr


def test_an_erasure_reports_in_lithuanian_and_labels_in_the_sessions_language(
        store: SessionStore, home: Path) -> None:
    _workshop(store, language="lt")
    damaged = store.backups_dir / "ws" / "damaged"
    damaged.mkdir(parents=True)
    (damaged / "20261201T100000-000000001.json").write_text(f"{NAME} {{ not json",
                                                             encoding="utf-8")
    run = smartplan(home, "--lang", "lt", "privacy", "erase", NAME, "--session", "ws")
    assert run.returncode == 0, run.stderr
    assert (f"{damaged / '20261201T100000-000000001.json'}: pašalintas: jame minimas šis "
            "žmogus, o jo nepavyko išvalyti") in run.stdout
    assert "ištrintas iš: sesija ws" in run.stdout
    session = SessionStore(home).load("ws")
    erased = session.participants[0]
    assert erased.name == "ištrintas dalyvis 1" and is_erased(erased)
    assert session.swot[0].author == "ištrintas dalyvis 1"


def test_what_an_erasure_changes_counts_in_lithuanian(store: SessionStore) -> None:
    _workshop(store)
    handle = store.open("ws")
    handle.add(SWOT, lambda i: SwotItem(i, Quadrant.THREATS, "Storms", (), NAME))
    session = handle.load()
    session = replace(session, info=replace(session.info, language="lt"))
    set_interface_language("lt")
    text = what_erasure_changes(session, Person("p1", NAME, "", "ištrintas dalyvis 1"))
    assert "nuo šiol jis vadinamas „ištrintas dalyvis 1“" in text
    assert "(2 SSGG įrašai, 0 pastabų ir 0 veiksmų)" in text


def test_a_persons_data_readme_is_in_latvian(store: SessionStore, home: Path,
                                              tmp_path: Path) -> None:
    _workshop(store)
    output = tmp_path / "liga.zip"
    run = smartplan(home, "--lang", "lv", "privacy", "export", NAME, "--output", str(output))
    assert run.returncode == 0, run.stderr
    readme = zipfile.ZipFile(output).read("README.txt").decode("utf-8")
    assert readme.startswith("Personas dati, ko SmartPlan glabā par vienu cilvēku.")
    assert ("swot.json, swot.csv: viņa rakstītie SVID ieraksti un apvienoto ierakstu daļas, "
            "kas bija viņa (1)") in readme
