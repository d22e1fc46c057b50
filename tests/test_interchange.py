"""The interchange format: lossless round trips and bad files that write nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.demo import demo_session
from smartplan_tui.model import Quadrant, SwotItem
from smartplan_tui.store import SessionStore, dumps, session_to_document

runner = CliRunner()
NASTY = ["Liepāja ļoti šķērsgriezums, Klaipėdos uostas ąčęėįšųūž 🌊🚲",
         "[bold]not bold[/] [link=x]y[/link] $var {0}", "vertical\x0btab, bell\x07, nul\x00, \x1b[31m",
         "Ö" * 50_000]


def _rich_document() -> dict:  # type: ignore[type-arg]
    session = demo_session()
    extra = tuple(SwotItem(f"x{n}", Quadrant.WEAKNESSES, text, ("tāgs", "🏷"), "p1")
                  for n, text in enumerate(NASTY))
    doc = session_to_document(session)
    doc["swot"] += [session_to_document(session.__class__(info=session.info, swot=extra))["swot"]][0]
    doc["notes"][0]["text"] = NASTY[2]
    doc["session"]["title"] = NASTY[0]
    return doc


def _cli(home: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--home", str(home), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_export_import_export_is_identical(tmp_path: Path) -> None:
    home_a, home_b = tmp_path / "a", tmp_path / "b"
    source = tmp_path / "in.json"
    source.write_text(dumps(_rich_document()), encoding="utf-8")
    code, out, err = _cli(home_a, "import", str(source))
    assert (code, err) == (0, "") and out.strip() == "coast-camp"
    code, first, _ = _cli(home_a, "export", "coast-camp", "--format", "json")
    assert code == 0
    (tmp_path / "first.json").write_text(first, encoding="utf-8")
    assert _cli(home_b, "import", str(tmp_path / "first.json"))[0] == 0
    code, second, _ = _cli(home_b, "export", "coast-camp", "--format", "json")
    assert second == first
    assert json.loads(first) == _rich_document()
    texts = [i["text"] for i in json.loads(second)["swot"]]
    assert all(t in texts for t in NASTY)


def test_a_missing_session_id_is_made_from_the_title(home: Path, tmp_path: Path) -> None:
    doc = {"format": "smartplan/session", "version": 1,
           "session": {"title": "Klaipėdos dirbtuvės Nr. 2"},
           "swot": [{"quadrant": "S", "text": "Uostas"}]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    code, out, _ = _cli(home, "import", str(path))
    assert (code, out.strip()) == (0, "klaipedos-dirbtuves-nr-2")
    session = SessionStore(home).load("klaipedos-dirbtuves-nr-2")
    assert [(i.id, i.quadrant) for i in session.swot] == [("s1", Quadrant.STRENGTHS)]


BAD = [
    ("broken JSON", '{"format": "smartplan/session", "version": 1,,}', "line 1 column 46"),
    ("not an object", "[1, 2]", "JSON object"),
    ("wrong format", {"format": "other", "version": 1, "session": {"title": "x"}}, "format: must be"),
    ("newer version", {"version": 2}, "version 2 is not supported"),
    ("no title", {"session": {"id": "x"}}, "session: title is missing"),
    ("impossible date", {"session": {"title": "x", "date": "2027-02-30"}},
     "session.date: 2027-02-30 is not a real date"),
    ("unknown field", {"swot": [{"id": "s1", "quadrant": "S", "text": "t", "colour": "red"}]},
     "swot[0].colour: unknown field"),
    ("unknown quadrant", {"swot": [{"id": "s1", "quadrant": "X", "text": "t"}]},
     "swot[0].quadrant: unknown quadrant 'X'"),
    ("duplicate id", {"swot": [{"id": "s1", "quadrant": "S", "text": "a"},
                               {"id": "s1", "quadrant": "S", "text": "b"}]},
     "swot[1].id: 's1' is used twice"),
    ("unknown link", {"tows": [{"id": "t1", "type": "SO", "text": "x", "links": ["s404"]}]},
     "tows[0].links[0]: no SWOT item 's404'"),
    ("over budget", {"votes": [{"id": "v1", "question": "q", "method": "dot",
                                "options": [{"id": "A", "text": "a"}], "dots_per_voter": 3,
                                "ballots": [{"dots": {"A": 1}}, {"dots": {"A": 1}},
                                            {"dots": {"A": 4}}]}]},
     "votes[0].ballots[2]: 4 dots exceed the budget of 3"),
    ("unknown option", {"votes": [{"id": "v1", "question": "q", "method": "borda",
                                   "options": [{"id": "A", "text": "a"}],
                                   "ballots": [{"ranking": ["A", "Z"]}]}]},
     "votes[0].ballots[0]: unknown option 'Z'"),
    ("text as number", {"actions": [{"id": "a1", "title": "t", "budget_eur": "lots"}]},
     "actions[0].budget_eur: must be a number"),
    ("lone surrogate", '{"format":"smartplan/session","version":1,"session":{"title":"\\ud800"}}',
     "session.title: contains an invalid character U+D800"),
]


@pytest.mark.parametrize(("case", "content", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_files_get_one_line_naming_the_path_and_write_nothing(
        home: Path, tmp_path: Path, case: str, content: object, expected: str) -> None:
    if isinstance(content, dict):
        content = json.dumps({"format": "smartplan/session", "version": 1,
                              "session": {"title": "Bad", "id": "bad"}, **content})
    path = tmp_path / "bad.json"
    path.write_text(str(content), encoding="utf-8")
    code, out, err = _cli(home, "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith("smartplan: error: ") and err.count("\n") == 1, err
    assert expected in err and str(path) in err
    assert "Traceback" not in err
    assert not (home / "sessions").exists() or not list((home / "sessions").glob("*.json"))


def test_a_second_import_is_refused_unless_replace(home: Path, tmp_path: Path) -> None:
    doc = _rich_document()
    path = tmp_path / "in.json"
    path.write_text(dumps(doc), encoding="utf-8")
    assert _cli(home, "import", str(path))[0] == 0
    changed = copy.deepcopy(doc)
    changed["session"]["place"] = "Klaipėda"
    path.write_text(dumps(changed), encoding="utf-8")
    code, _, err = _cli(home, "import", str(path))
    assert code == 1 and "exists already (id coast-camp); use --replace" in err
    assert SessionStore(home).load("coast-camp").info.place == "Liepāja"
    assert _cli(home, "import", str(path), "--replace")[0] == 0
    assert SessionStore(home).load("coast-camp").info.place == "Klaipėda"
    assert SessionStore(home).backups("coast-camp"), "the replaced session is kept as a backup"
