"""Bad input of any kind is refused with one line naming what and where, and writes nothing.

One test (or one parametrised group) per kind of bad input; `test_import_fuzz.py` throws a
few hundred hostile files at the importer on top of these.
"""

from __future__ import annotations

import dataclasses
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.collection_registry import ACTIONS, NOTES, SWOT, TOWS, VOTES
from smartplan_tui.exercises import swot
from smartplan_tui.model import (
    Action,
    AgendaItem,
    Ballot,
    ModelError,
    Note,
    Quadrant,
    SessionInfo,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
)
from smartplan_tui.store import SessionStore, document_to_session, dumps, loads, slugify

runner = CliRunner()
HEAD = '{"format": "smartplan/session", "version": 1, "session": {"id": "bad", "title": "Bad"}'
AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


def _files(home: Path) -> dict[str, bytes]:
    """Every file under the data home with its bytes (empty: nothing was written)."""
    if not home.exists():
        return {}
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


def _import(home: Path, tmp_path: Path, content: str | bytes, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "in.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return _cli(home, "import", str(path), *extra)


def _refused(result: tuple[int, str, str], *expected: str, usage: bool = False) -> str:
    """One error line naming `expected`; exit code 2 for a usage error, else 1."""
    code, out, err = result
    assert code == (2 if usage else 1) and out == "", (code, out, err)
    assert err.startswith("smartplan: error: ") and err.count("\n") == 1, err
    assert "unexpected" not in err and "Traceback" not in err and "please report" not in err, err
    for part in expected:
        assert part in err, (part, err)
    return err


def _doc(**lists: Any) -> dict[str, Any]:
    return {"format": "smartplan/session", "version": 1,
            "session": {"id": "bad", "title": "Bad"}, **lists}


# ------------------------------------------------------------------ JSON that breaks the parser


def test_json_nested_two_thousand_deep_is_one_line_naming_the_file(home: Path, tmp_path: Path) -> None:
    text = HEAD[:-1] + ', "place": ' + "[" * 2000 + "]" * 2000 + "}}"
    _refused(_import(home, tmp_path, text), "in.json", "nested too deeply")
    assert _files(home) == {}


def test_an_integer_of_five_thousand_digits_names_file_line_and_column(
        home: Path, tmp_path: Path) -> None:
    text = HEAD + ',\n"agenda": [{"title": "x",\n  "minutes": ' + "9" * 5000 + "}]}"
    _refused(_import(home, tmp_path, text), "in.json", "line 3 column 14", "5000 digits")
    assert _files(home) == {}


@pytest.mark.parametrize(("literal", "where"), [
    ("NaN", "line 2 column 42"), ("Infinity", "line 2 column 42"), ("-Infinity", "line 2 column 42"),
    ("1e400", "line 2 column 42")])
def test_nan_infinity_and_overflowing_floats_are_not_numbers(
        home: Path, tmp_path: Path, literal: str, where: str) -> None:
    text = HEAD + ',\n"actions": [{"title": "x", "budget_eur": ' + literal + "}]}"
    _refused(_import(home, tmp_path, text), "in.json", where, literal)
    assert _files(home) == {}


def test_invalid_utf8_and_encoded_surrogates_are_refused(home: Path, tmp_path: Path) -> None:
    for raw in (b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf"):
        content = HEAD.encode() + b', "place": "a' + raw + b'"}'
        _refused(_import(home, tmp_path, content), "in.json", "not UTF-8")
    assert _files(home) == {}


def test_a_utf8_byte_order_mark_is_ignored_as_json_allows(home: Path, tmp_path: Path) -> None:
    assert _import(home, tmp_path, b"\xef\xbb\xbf" + dumps(_doc()).encode())[0] == 0


# ------------------------------------------------------------------ values of the wrong type or size


def test_an_id_that_is_a_list_names_its_path(home: Path, tmp_path: Path) -> None:
    doc = _doc(swot=[{"id": ["s1"], "quadrant": "S", "text": "t"}])
    _refused(_import(home, tmp_path, json.dumps(doc)), "in.json", "swot[0].id: must be text, not a list")
    assert _files(home) == {}


@pytest.mark.parametrize(("case", "lists", "expected"), [
    ("wall count of 2**63", {"votes": [{"id": "v1", "question": "q", "options": [{"id": "A", "text": "a"}],
                                        "ballots": [{"dots": {"A": 2**63}, "aggregate": True}]}]},
     "votes[0].ballots[0].dots.A: 9223372036854775808 is above 1000000"),
    ("scale to 2**64", {"votes": [{"id": "v1", "question": "q", "method": "score",
                                   "options": [{"id": "A", "text": "a"}], "scale": [0, 2**64]}]},
     "votes[0].scale"),
    ("budget of 2**63", {"actions": [{"title": "x", "budget_eur": 2**63}]}, "actions[0].budget_eur"),
    ("budget of 1e308", {"actions": [{"title": "x", "budget_eur": 1e308}]}, "actions[0].budget_eur"),
    ("minutes of 2**63", {"agenda": [{"title": "x", "minutes": 2**63}]}, "agenda[0].minutes"),
])
def test_numbers_beyond_the_bounds_are_refused_before_anything_is_written(
        home: Path, tmp_path: Path, case: str, lists: dict[str, Any], expected: str) -> None:
    _refused(_import(home, tmp_path, json.dumps(_doc(**lists))), "in.json", expected)
    assert _files(home) == {}, "no lock file, no backup, no session"


@pytest.mark.parametrize("make", [
    lambda: Action("a1", "x", budget_eur=float("nan")),
    lambda: Action("a1", "x", budget_eur=float("inf")),
    lambda: Action("a1", "x", budget_eur=-1),
    lambda: Action("a1", "x", budget_eur=10**12 + 1),
    lambda: AgendaItem("ag1", "x", 24 * 60 + 1),
    lambda: Ballot(dots={"A": 1_000_001}, aggregate=True),
    lambda: Ballot(dots={"A": 10**5000}, aggregate=True),
    lambda: Ballot(scores={"A": {"impact": 2**63}}),
    lambda: Ballot(ranking=("A", 1)),  # type: ignore[arg-type]
    lambda: Ballot(dots={"A": 1}, aggregate=1),  # type: ignore[arg-type]
    lambda: Vote("v1", "q", VoteMethod.SCORE, (VoteOption("A", "a"),), scale=(1, 2**63)),
    lambda: Vote("v1", "q", VoteMethod.SCORE, (VoteOption("A", "a"),), scale=(-(2**63), 1)),
    lambda: Vote("v1", "q", options=(VoteOption("A", "a"),), hidden="yes"),  # type: ignore[arg-type]
    lambda: Vote("v1", "q", options=(VoteOption("A", "a"),), ballots=("A=1",)),  # type: ignore[arg-type]
], ids=["nan", "inf", "negative", "over-1e12", "minutes", "wall", "huge-int", "score", "ranking",
        "aggregate", "scale-high", "scale-low", "hidden", "ballots"])
def test_the_model_bounds_every_number_and_checks_every_type(make: Any) -> None:
    with pytest.raises(ModelError) as caught:
        make()
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 200


def test_the_cli_gets_the_model_bounds(home: Path) -> None:
    _cli(home, "new", "W", "--id", "w")
    _cli(home, "add", "vote", "w", "Which?", "--option", "a")
    before = _files(home)
    _refused(_cli(home, "add", "action", "w", "T", "--budget", "nan"), "budget")
    _refused(_cli(home, "add", "action", "w", "T", "--budget", "1e400"), "budget")
    _refused(_cli(home, "add", "ballot", "w", "v1", "--aggregate", "--dots", f"A={2**63}"), "dots")
    _refused(_cli(home, "add", "ballot", "w", "v1", "--dots", "A=²"), "'A=²' should look like A=2",
             usage=True)
    _refused(_cli(home, "add", "ballot", "w", "v1", "--dots", "A=1,A=1"), "'A' is given twice",
             usage=True)
    assert _files(home) == before


# ------------------------------------------------------------------ session ids


@pytest.mark.parametrize(("text", "new", "legacy"), [
    ("kurzeme-2027", True, True), ("a", True, True), ("9", True, True), ("a" * 64, True, True),
    ("a" * 65, False, False), ("abc\n", False, False), ("Camp", False, True),
    ("camp.2026", False, True), ("x.json", False, True), ("my_camp", False, True),
    ("-camp", False, False), (".camp", False, False), ("con", False, True), ("CON", False, True),
    ("nul", False, True), ("com1", False, True), ("Lpt9", False, True), ("aux", False, True),
    ("prn", False, True), ("con-session", True, True), ("com10", True, True), ("", False, False),
    ("käse", False, False), ("a b", False, False),
])
def test_new_and_legacy_session_ids(text: str, new: bool, legacy: bool) -> None:
    from smartplan_tui.model import is_new_session_id, legacy_session_id_ok, session_id_problem

    assert is_new_session_id(text) is new
    assert legacy_session_id_ok(text) is legacy
    assert (session_id_problem(text) is None) is new


def test_a_session_id_with_a_trailing_newline_is_refused_everywhere(home: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"^session\.id: "):
        SessionInfo("abc\n", "t")
    _refused(_cli(home, "new", "T", "--id", "abc\n"), "--id")
    doc = _doc()
    doc["session"]["id"] = "abc\n"
    _refused(_import(home, tmp_path, json.dumps(doc)), "in.json", "session.id")
    assert _files(home) == {}


@pytest.mark.parametrize(("session_id", "reason"), [
    ("Camp", "lower-case"), ("x.json", "lower-case"), ("con", "reserved"), ("LPT1", "lower-case"),
    ("a" * 65, "64")])
def test_new_sessions_get_only_portable_ids(
        home: Path, tmp_path: Path, session_id: str, reason: str) -> None:
    _refused(_cli(home, "new", "T", "--id", session_id), "--id", reason)
    doc = _doc()
    doc["session"]["id"] = session_id
    _refused(_import(home, tmp_path, json.dumps(doc)), "in.json: session.id", reason)
    assert _files(home) == {}


@pytest.mark.parametrize(("title", "expected"), [
    ("Con", "con-session"), ("PRN", "prn-session"), ("com1", "com1-session"), ("Nul!", "nul-session"),
    ("Kurzeme × Klaipėda", "kurzeme-klaipeda"), ("...", "session"), ("A" * 100, "a" * 48)])
def test_ids_made_from_titles_are_valid_new_ids(title: str, expected: str) -> None:
    from smartplan_tui.model import is_new_session_id

    assert slugify(title) == expected and is_new_session_id(expected)


def test_a_title_that_is_a_reserved_name_makes_a_usable_id(home: Path) -> None:
    assert _cli(home, "new", "Con")[1].strip() == "con-session"


def test_a_session_stored_under_an_old_style_id_keeps_working(home: Path, tmp_path: Path) -> None:
    sessions = home / "sessions"
    sessions.mkdir(parents=True)
    old = {"session": {"1": {"id": "Camp.2026", "title": "Old camp"}}}
    (sessions / "Camp.2026.json").write_text(json.dumps(old))
    assert SessionStore(home).load("Camp.2026").info.title == "Old camp"
    assert _cli(home, "add", "swot", "Camp.2026", "S", "Ports")[0] == 0
    code, exported, _ = _cli(home, "export", "Camp.2026")
    assert code == 0
    doc = json.loads(exported)
    # Re-importing over the stored session is allowed: the id is not new there.
    assert document_to_session(doc, existing=lambda i: i == "Camp.2026").id == "Camp.2026"
    with pytest.raises(ModelError, match=r"session\.id"):
        document_to_session(doc)


# ------------------------------------------------------------------ the document's own rules


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "1e0", "[1]", "null"])
def test_version_must_be_the_number_1(home: Path, tmp_path: Path, version: str) -> None:
    text = '{"format": "smartplan/session", "version": ' + version + ', "session": {"title": "x"}}'
    _refused(_import(home, tmp_path, text), "in.json", "version")
    assert _files(home) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ('{"format": "smartplan/session", "version": 1, "version": 1, "session": {"title": "x"}}',
     "the key 'version' appears twice in the top-level object"),
    (HEAD[:-1] + ', "title": "y"}}', "session: the key 'title' appears twice"),
    (HEAD + ', "votes": [{"id": "v1", "question": "q", "options": [{"id": "A", "text": "a"}],'
            ' "ballots": [{"dots": {"A": 1}}, {"dots": {"A": 1, "A": 2}}]}]}',
     "votes[0].ballots[1].dots: the key 'A' appears twice"),
])
def test_duplicate_keys_are_refused_naming_the_object_and_the_key(
        home: Path, tmp_path: Path, text: str, expected: str) -> None:
    _refused(_import(home, tmp_path, text), "in.json", expected)
    assert _files(home) == {}


def test_loads_reports_every_problem_as_a_model_error() -> None:
    for text in ("[" * 5000, "1" * 5000, "NaN", '{"a": 1, "a": 2}', b"\xff", "", "\ufeff"):
        with pytest.raises(ModelError, match=r"^x\.json: "):
            loads(text, "x.json")


# ------------------------------------------------------------------ one validation path


def test_a_note_for_a_missing_agenda_item_is_refused_like_import_refuses_it(
        home: Path, tmp_path: Path) -> None:
    _cli(home, "new", "W", "--id", "w")
    before = _files(home)
    err = _refused(_cli(home, "add", "note", "w", "Text", "--agenda-item", "ag99"),
                   "--agenda-item: no agenda item 'ag99'")
    assert _files(home) == before
    doc = _doc(notes=[{"id": "n1", "at": "2026-12-01T10:00:00+00:00", "text": "x",
                       "agenda_item": "ag99"}])
    imported = _refused(_import(home, tmp_path, json.dumps(doc)), "notes[0].agenda_item")
    assert err.split(": ")[-1] == imported.split(": ")[-1], "the same reason either way"


def test_an_action_for_a_missing_priority_is_refused_by_the_cli(home: Path) -> None:
    _cli(home, "new", "W", "--id", "w")
    before = _files(home)
    _refused(_cli(home, "add", "action", "w", "T", "--priority", "v1:Z"), "--priority: no vote option 'v1:Z'")
    assert _files(home) == before


def test_every_store_edit_checks_the_references_it_makes(store: SessionStore) -> None:
    store.create(SessionInfo("ws", "Workshop"))
    handle = store.open("ws")
    s1 = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ports"))
    o1 = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.OPPORTUNITIES, "Wind"))
    with pytest.raises(ModelError, match=r"^agenda_item: no agenda item 'ag9'$"):
        handle.add(NOTES, lambda i: Note(i, AT, "x", agenda_item="ag9"))
    with pytest.raises(ModelError, match=r"^priority: no vote option 'A'$"):
        handle.add(ACTIONS, lambda i: Action(i, "x", priority="A"))
    with pytest.raises(ModelError, match=r"^options\[0\]\.source: no SWOT item or TOWS strategy 't9'$"):
        handle.add(VOTES, lambda i: Vote(i, "q", options=(VoteOption("A", "a", "t9"),)))
    strategy = handle.add(TOWS, lambda i: TowsStrategy(i, TowsType.SO, "x", (s1.id, o1.id)))
    with pytest.raises(ModelError, match=r"^links\[1\]: no SWOT item 's9'$"):
        handle.update(TOWS, strategy.id, lambda t: dataclasses.replace(t, links=(s1.id, "s9")))
    with pytest.raises(ModelError, match=r"^agenda_item: no agenda item 'ag9'$"):
        handle.restore(NOTES, Note("n5", AT, "x", agenda_item="ag9"))
    with pytest.raises(ModelError, match=r"^actions\.a1\.priority: no vote option 'Z'$"):
        handle.apply(lambda s, new_id: dataclasses.replace(
            s, actions=(Action(new_id(ACTIONS), "x", priority="Z"),)))
    fresh = SessionStore(store.home).load("ws")
    assert fresh.tows == (strategy,) and fresh.notes == () and fresh.actions == () and fresh.votes == ()


def test_an_edit_does_not_fail_over_a_broken_reference_it_did_not_make(store: SessionStore) -> None:
    """A vote whose option's source is gone can still take ballots: the edit made no new break."""
    store.create(SessionInfo("ws", "Workshop"))
    handle = store.open("ws")
    s1 = handle.add(SWOT, lambda i: SwotItem(i, Quadrant.STRENGTHS, "Ports"))
    vote = handle.add(VOTES, lambda i: Vote(i, "q", options=(VoteOption("A", "a", s1.id),)))
    handle.remove(SWOT, s1.id)
    cast = handle.update(VOTES, vote.id, lambda v: dataclasses.replace(
        v, ballots=(Ballot("p1", dots={"A": 1}),)))
    assert len(cast.ballots) == 1


def test_what_the_app_may_do_stays_importable(demo_store: SessionStore, home: Path, tmp_path: Path) -> None:
    """Deleting a linked SWOT item or moving one leaves TOWS strategies that no longer fit their
    type: the app tells the facilitator, and the export can be imported again."""
    handle = demo_store.open("coast-camp")
    handle.apply(lambda s, _new_id: swot.delete_item(s, "s1"))
    handle.update(SWOT, "s12", lambda item: swot.move(item, Quadrant.THREATS))
    code, exported, _ = _cli(home, "export", "coast-camp")
    assert code == 0
    other = tmp_path / "other"
    assert _import(other, tmp_path, exported)[0] == 0


def test_a_reference_check_is_a_few_lookups_even_at_ten_thousand_items() -> None:
    from smartplan_tui.model import item_problems
    from smartplan_tui.store.codec import StoredReferences

    data: dict[str, Any] = {
        "agenda": {f"ag{i}": {"id": f"ag{i}", "title": "t"} for i in range(10_000)},
        "votes": {f"v{i}": {"id": f"v{i}", "options": [{"id": "A"}, {"id": "B"}]} for i in range(50)},
        "swot": {f"s{i}": {"id": f"s{i}"} for i in range(10_000)},
    }
    refs = StoredReferences(data)
    note = Note("n1", AT, "x", agenda_item="ag9999")
    action = Action("a1", "x", priority="v49:B")
    strategy = TowsStrategy("t1", TowsType.SO, "x", ("s1", "s9999"))
    for item, collection in ((note, NOTES), (action, ACTIONS), (strategy, TOWS)):
        assert item_problems(refs, collection, item) == []
    start = time.perf_counter()
    for _ in range(1000):
        item_problems(refs, NOTES, note)
        item_problems(refs, ACTIONS, action)
        item_problems(refs, TOWS, strategy)
    per_edit = (time.perf_counter() - start) / 3000
    assert per_edit < 50e-6, f"{per_edit * 1e6:.1f} µs per check"
