"""Hostile files against the real importer: refused in one line, and nothing is written.

A fixed corpus, generated deterministically from one valid document that uses every field:
each value and each container in turn replaced by something the importer must refuse,
plus nesting, huge numbers, NaN, duplicate keys, byte order marks, broken UTF-8, truncated
files, bad versions and bad ids. Most cases run in-process through Typer's CliRunner (fast);
a sample runs `python -m smartplan_tui --home TMP import FILE` for real. Hypothesis adds
random values anywhere: those may be valid, and then they must import and export cleanly.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartplan_tui.cli import app
from smartplan_tui.model import MAX_TEXT, ModelError
from smartplan_tui.store import loads

runner = CliRunner()
#: The click command of the app, built once: Typer's own runner rebuilds it on every call,
#: which costs ten times the import being tested.
COMMAND = typer.main.get_command(app)
SEED = 20270120

BASE: dict[str, Any] = {
    "format": "smartplan/session", "version": 1,
    "session": {"id": "fuzz", "title": "Fuzz camp", "kind": "workshop", "date": "2027-01-20",
                "place": "Liepāja", "region": "Kurzeme", "facilitator": "Ilze", "language": "lv"},
    "participants": [{"id": "p1", "name": "Anna", "organisation": "KPR", "country": "LV",
                      "role": "planner", "email": "anna@example.lv"}],
    "agenda": [{"id": "ag1", "title": "SWOT", "minutes": 45, "exercise": "swot",
                "started_at": "2027-01-20T09:00:00+02:00", "ended_at": "2027-01-20T09:50:00+02:00"}],
    "swot": [{"id": "s1", "quadrant": "strengths", "text": "Ports", "tags": ["sea"], "author": "p1",
              "merged_from": [{"id": "s3", "text": "Harbour", "author": "p1"}]},
             {"id": "s2", "quadrant": "opportunities", "text": "Wind", "tags": [], "author": ""}],
    "tows": [{"id": "t1", "type": "SO", "text": "Wind ports", "links": ["s1", "s2"]}],
    "votes": [
        {"id": "v1", "question": "Which?", "method": "dot",
         "options": [{"id": "A", "text": "Wind ports", "source": "t1"}, {"id": "B", "text": "Other"}],
         "dots_per_voter": 3, "max_dots_per_option": 2, "criteria": ["impact", "feasibility"],
         "scale": [1, 5], "ballots": [{"voter": "p1", "dots": {"A": 2, "B": 1}},
                                      {"dots": {"A": 40}, "aggregate": True}],
         "status": "open", "tie_rule": "report", "tie_break": ["A"], "hidden": False},
        {"id": "v2", "question": "Rank", "method": "borda",
         "options": [{"id": "A", "text": "a"}, {"id": "B", "text": "b"}],
         "ballots": [{"ranking": ["B", "A"]}]},
        {"id": "v3", "question": "Score", "method": "score", "options": [{"id": "A", "text": "a"}],
         "ballots": [{"scores": {"A": {"impact": 4, "feasibility": 2}}}]},
    ],
    "actions": [{"id": "a1", "title": "Office", "description": "d", "priority": "v1:A", "owner": "KPR",
                 "partners": ["KU"], "start": "2027-02-01", "due": "2027-06-30", "budget_eur": 85000,
                 "indicator": "i", "baseline": "0", "target": "12", "status": "planned"}],
    "notes": [{"id": "n1", "at": "2027-01-20T09:30:00+02:00", "author": "p1", "kind": "decision",
               "text": "Decided", "agenda_item": "ag1"}],
}

Path_ = tuple[str | int, ...]
HOLE = "@@hole@@"
DUP = "@@dup@@"

#: Replacements that no position of BASE accepts (the exceptions are skipped below).
LIST = [{"\u0000": [1]}]
DICT = {"\u0007": [None]}
CONTROL = "\u0000\n\u001b[31m\u202e\ud800"  # a lone surrogate is text nowhere
REPLACEMENTS: dict[str, Any] = {
    "list": LIST, "dict": DICT, "control": CONTROL, "null": None, "true": True,
    "2**63": 2**63, "-1": -1, "1e308": 1e308, "huge string": "x" * (MAX_TEXT + 1),
}
#: Where null is allowed (optional values; a missing list is an empty one).
NULLABLE = {"date", "started_at", "ended_at", "max_dots_per_option", "start", "due", "budget_eur",
            "dots", "ranking", "scores", "participants", "agenda", "swot", "tows", "votes",
            "actions", "notes"}


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes


def _positions(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _positions(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _positions(child, (*path, i))


def _set(doc: Any, path: Path_, value: Any) -> Any:
    if not path:
        return value
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


def _get(doc: Any, path: Path_) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _text(doc: Any) -> str:
    return json.dumps(doc, indent=1)


def _with_hole(path: Path_, raw: str) -> bytes:
    """BASE with the value at `path` replaced by raw JSON text (which json.dumps cannot write)."""
    text = _text(_set(copy.deepcopy(BASE), path, HOLE))
    return text.replace(json.dumps(HOLE), raw, 1).encode("utf-8")


def _allowed(path: Path_, kind: str) -> bool:
    """Whether `kind` at `path` could be valid (such cases stay out of the corpus)."""
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    if kind == "null":
        return bool(path) and path[-1] in NULLABLE
    if kind == "true":
        return bool(path) and path[-1] in ("hidden", "aggregate")
    if kind == "-1":
        return key == "scale" and path[-1] == 0
    return False


def _corpus() -> list[Case]:
    rng = random.Random(SEED)
    cases: list[Case] = []
    positions = list(_positions(BASE))
    # Every value and container replaced in turn, by two of the replacements each.
    for path in positions:
        kinds = [k for k in REPLACEMENTS if not _allowed(path, k)]
        for kind in rng.sample(kinds, 2):
            doc = _set(copy.deepcopy(BASE), path, copy.deepcopy(REPLACEMENTS[kind]))
            cases.append(Case(f"{kind} at {_name(path)}", _text(doc).encode("utf-8")))
    numbers = [p for p in positions if type(_get(BASE, p)) is int and "scale" not in p]
    texts = [p for p in positions if isinstance(_get(BASE, p), str)]
    for depth in (1000, 2000, 100_000):
        for path in rng.sample(positions, 3):
            cases.append(Case(f"nested {depth} at {_name(path)}",
                              _with_hole(path, "[" * depth + "]" * depth)))
    cases.append(Case("nested objects", _with_hole(("session", "place"), '{"a":' * 3000 + "1"
                                                   + "}" * 3000)))
    for digits in (101, 4301, 5000, 100_000):
        for path in rng.sample(numbers + texts, 3):
            sign = rng.choice(["", "-"])
            cases.append(Case(f"{digits} digits at {_name(path)}", _with_hole(path, sign + "7" * digits)))
    for literal in ("NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1.5e999"):
        for path in rng.sample(numbers + texts, 2):
            cases.append(Case(f"{literal} at {_name(path)}", _with_hole(path, literal)))
    objects = [p for p in positions if isinstance(_get(BASE, p), dict) and _get(BASE, p)]
    for path in objects:
        key = rng.choice(list(_get(BASE, path)))
        doc = copy.deepcopy(BASE)
        _get(doc, path)[DUP] = None
        raw = json.dumps(key) + ": " + json.dumps(_get(BASE, path)[key])
        cases.append(Case(f"duplicate {key!r} in {_name(path)}",
                          _text(doc).replace(json.dumps(DUP) + ": null", raw, 1).encode("utf-8")))
    valid = _text(BASE).encode("utf-8")
    for offset in [0, *sorted(rng.sample(range(len(valid) - 1), 20))]:
        cases.append(Case(f"truncated at byte {offset}", valid[:offset]))
    bad_doc = _text(_set(copy.deepcopy(BASE), ("version",), 2))
    cases += [
        Case("utf-8 BOM before a bad document", b"\xef\xbb\xbf" + bad_doc.encode()),
        Case("two BOMs", b"\xef\xbb\xbf\xef\xbb\xbf" + valid),
        Case("BOM only", b"\xef\xbb\xbf"),
        Case("utf-16 BOM, odd length", b"\xff\xfe" + valid[:-1].decode().encode("utf-16-le")[:-1]),
        Case("utf-16 of a bad document", bad_doc.encode("utf-16")),
        Case("utf-16 BOM on utf-8 bytes", b"\xff\xfe" + valid),
        Case("utf-32 of a bad document", bad_doc.encode("utf-32")),
    ]
    for raw in (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf5\x80\x80\x80", b"\x80", b"\xe2\x82"):
        spot = valid.index(b"Fuzz camp")
        cases.append(Case(f"invalid UTF-8 {raw!r}", valid[:spot] + raw + valid[spot:]))
    for version in ("true", "1.0", '"1"', "1e0", "0", "2", "-1", "null", "[1]", '{"v": 1}', "false"):
        cases.append(Case(f"version {version}", _with_hole(("version",), version)))
    for session_id in ("fuzz\n", "Fuzz", "con", "CON", "x.json", "com1", "lpt9", "a" * 65, "",
                       " fuzz", "fuzz\u0000", "-fuzz", ".fuzz", "füzz", ["fuzz"], 7):
        doc = _set(copy.deepcopy(BASE), ("session", "id"), session_id)
        cases.append(Case(f"session id {session_id!r}", _text(doc).encode()))
    for path, item_id in ((("swot", 0, "id"), "s1\n"), (("swot", 1, "id"), "s 2"),
                          (("notes", 0, "id"), "n" * 101), (("agenda", 0, "id"), ["ag1"]),
                          (("actions", 0, "id"), {"id": "a1"}), (("tows", 0, "id"), 1),
                          (("participants", 0, "id"), "p1\t"), (("votes", 0, "id"), "")):
        doc = _set(copy.deepcopy(BASE), path, item_id)
        cases.append(Case(f"item id {item_id!r} at {_name(path)}", _text(doc).encode()))
    cases += [Case("empty file", b""), Case("whitespace", b" \n\t"), Case("a number", b"1"),
              Case("a string", b'"smartplan/session"'), Case("null", b"null"),
              Case("an array of the document", b"[" + valid + b"]"),
              Case("two documents", valid + valid), Case("NUL bytes", b"\x00" * 64)]
    return cases


def _name(path: Path_) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path).lstrip(".") or "root"


CORPUS = _corpus()


def _files(home: Path) -> dict[str, bytes]:
    if not home.exists():
        return {}
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def _check_refused(case: str, code: int, out: str, err: str) -> None:
    assert code != 0, (case, out, err)
    assert err.startswith("smartplan: error: ") and err.count("\n") == 1 and err.endswith("\n"), (case, err)
    for word in ("Traceback", "unexpected", "please report"):
        assert word not in err, (case, err)
    assert len(err) < 500, (case, err)
    assert out == "", (case, out)


def _import(home: Path, path: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(COMMAND, ["--home", str(home), "import", str(path), *extra])
    return result.exit_code, result.stdout, result.stderr


def test_the_base_document_is_valid(tmp_path: Path) -> None:
    """The corpus is made from a document that imports: every refusal is the mutation's."""
    source = tmp_path / "base.json"
    source.write_text(_text(BASE), encoding="utf-8")
    code, out, err = _import(tmp_path / "home", source)
    assert (code, out, err) == (0, "fuzz\n", "")
    assert len(CORPUS) > 300


def test_every_hostile_file_is_refused_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    for n, case in enumerate(CORPUS):
        home = tmp_path / f"home{n}"
        source.write_bytes(case.content)
        _check_refused(case.name, *_import(home, source))
        assert not home.exists() or not any(home.iterdir()), (case.name, list(home.rglob("*")))


def test_hostile_files_leave_an_existing_session_as_it_was(tmp_path: Path) -> None:
    home, source = tmp_path / "home", tmp_path / "in.json"
    source.write_text(_text(BASE), encoding="utf-8")
    assert _import(home, source)[0] == 0
    before = _files(home)
    for case in random.Random(SEED).sample(CORPUS, 60):
        source.write_bytes(case.content)
        _check_refused(case.name, *_import(home, source, "--replace"))
        assert _files(home) == before, case.name


def _run_real(job: tuple[Case, Path]) -> tuple[str, int, str, str, bool]:
    case, folder = job
    folder.mkdir()
    source, home = folder / "in.json", folder / "home"
    source.write_bytes(case.content)
    done = subprocess.run([sys.executable, "-m", "smartplan_tui", "--home", str(home), "import",
                           str(source)], capture_output=True, timeout=60)
    empty = not home.exists() or not any(home.iterdir())
    return (case.name, done.returncode, done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"), empty)


def test_a_sample_is_refused_by_the_real_command_in_a_subprocess(tmp_path: Path) -> None:
    step = len(CORPUS) // 30
    sample = CORPUS[::step][:32]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_run_real, [(c, tmp_path / f"c{n}") for n, c in enumerate(sample)]))
    assert len(results) >= 30
    for name, code, out, err, empty in results:
        _check_refused(name, code, out, err)
        assert empty, name


# ------------------------------------------------------------------ random values anywhere

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children,
                                                                       max_size=3),
    max_leaves=8)
POSITIONS = list(_positions(BASE))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=True)
@given(st.sampled_from(POSITIONS), JSON_VALUES)
def test_any_value_anywhere_is_imported_cleanly_or_refused_in_one_line(
        position: Path_, value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home, source = Path(folder) / "home", Path(folder) / "in.json"
        source.write_text(json.dumps(_set(copy.deepcopy(BASE), position, value)), encoding="utf-8")
        code, out, err = _import(home, source)
        if code == 0:
            assert err == "" and out.count("\n") == 1, (position, value, out, err)
            exported = runner.invoke(COMMAND, ["--home", str(home), "export", out.strip()])
            assert exported.exit_code == 0, (position, value, exported.stderr)
        else:
            _check_refused(f"{position}: {value!r}", code, out, err)
            assert not home.exists() or not any(home.iterdir())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_loads_takes_any_bytes_without_a_traceback(data: bytes) -> None:
    try:
        loads(data, "x.json")
    except ModelError as error:
        assert "\n" not in str(error) and str(error)


@pytest.mark.parametrize("case", [c for c in CORPUS if "nested" in c.name][:3], ids=lambda c: c.name)
def test_deep_nesting_does_not_exhaust_the_stack_of_a_thread(case: Case) -> None:
    """The app imports in a worker thread; the parser's limit must hold there too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(loads, case.content, "x.json")
        with pytest.raises(ModelError, match="nested too deeply"):
            future.result()
