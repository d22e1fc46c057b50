"""The command line contract (README, docs/format.md), run through Typer's CliRunner and a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from smartplan_tui.cli import app
from smartplan_tui.store import SessionStore

runner = CliRunner()


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


def test_new_add_list_flow(home: Path) -> None:
    code, out, _ = _cli(home, "new", "Kurzeme workshop 1", "--kind", "workshop",
                        "--date", "2027-01-20", "--place", "Kuldīga")
    assert (code, out.strip()) == (0, "kurzeme-workshop-1")
    sid = "kurzeme-workshop-1"
    assert _cli(home, "add", "swot", sid, "S", "Ventas rumba", "--tag", "tourism",
                "--author", "p1")[1].strip() == "s1"
    assert _cli(home, "add", "swot", sid, "threats", "Storms")[1].strip() == "s2"
    assert _cli(home, "add", "participant", sid, "Dace", "--organisation", "KPR",
                "--country", "lv")[1].strip() == "p1"
    assert _cli(home, "add", "note", sid, "Decided X", "--kind", "decision")[1].strip() == "n1"
    assert _cli(home, "add", "vote", sid, "Which?", "--from", "s1", "--option", "Other")[1] \
        .strip() == "v1"
    assert _cli(home, "add", "ballot", sid, "v1", "--dots", "A=2,B=1", "--voter", "p1")[0] == 0
    assert _cli(home, "add", "action", sid, "Do it", "--priority", "A", "--owner", "KPR",
                "--due", "2027-06-30", "--budget", "1200")[1].strip() == "a1"
    session = SessionStore(home).load(sid)
    assert session.swot[0].tags == ("tourism",) and session.participants[0].country == "LV"
    assert session.notes[0].kind.value == "decision"
    assert [o.source for o in session.votes[0].options] == ["s1", ""]
    assert dict(session.votes[0].ballots[0].dots or {}) == {"A": 2, "B": 1}
    assert session.actions[0].budget_eur == 1200
    listed = json.loads(_cli(home, "list", "--json")[1])
    assert listed == [{"id": sid, "title": "Kurzeme workshop 1", "kind": "workshop",
                       "date": "2027-01-20", "place": "Kuldīga", "items": 6}]


def test_errors_are_one_line_with_nonzero_exit(home: Path) -> None:
    _cli(home, "new", "W", "--id", "w")
    cases = [
        (["new", "X", "--date", "2027-02-30"], "--date: 2027-02-30 is not a real date"),
        (["add", "swot", "w", "Q", "x"], "unknown quadrant 'Q'"),
        (["add", "swot", "nope", "S", "x"], "no session 'nope'"),
        (["add", "ballot", "w", "v9", "--dots", "A=1"], "has no vote 'v9'"),
        (["add", "ballot", "w", "v9", "--dots", "A=x"], "'A=x' should look like A=2"),
        (["add", "action", "w", "T", "--priority", "Z"], "--priority: no vote option 'Z'"),
        (["add", "participant", "w", "N", "--country", "Latvia"], "not a two-letter country"),
        (["export", "w", "--format", "odt"], "'odt' is not one of json"),
        (["results", "w", "--vote", "v1"], "has no vote 'v1'"),
        (["import", "/no/such/file.json"], "/no/such/file.json: No such file"),
    ]
    for args, expected in cases:
        code, _, err = _cli(home, *args)
        assert code != 0, args
        assert expected in err, (args, err)
        assert err.count("\n") == 1 and "Traceback" not in err, (args, err)


def test_ballot_over_budget_is_refused_with_the_reason(home: Path) -> None:
    _cli(home, "new", "W", "--id", "w")
    _cli(home, "add", "vote", "w", "Which?", "--option", "a", "--option", "b", "--dots", "3")
    code, _, err = _cli(home, "add", "ballot", "w", "v1", "--dots", "A=3,B=1")
    assert code == 1 and "4 dots exceed the budget of 3" in err
    assert SessionStore(home).load("w").votes[0].ballots == ()


def test_demo_without_a_terminal_prints_where_it_is(home: Path) -> None:
    code, out, _ = _cli(home, "demo")
    assert code == 0 and "coast-camp" in out
    session = SessionStore(home).load("coast-camp")
    assert len(session.participants) >= 8 and len(session.swot) >= 16
    assert {v.method.value for v in session.votes} >= {"dot", "schulze"}
    assert session.actions and session.notes and session.tows


def test_the_installed_entry_point_runs_in_a_subprocess(home: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "smartplan_tui", "--home", str(home), "add",
                           "swot", "missing", "S", "x"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr == "smartplan: error: no session 'missing' in " \
        f"{home / 'sessions'} (known: none yet)\n"
    usage = subprocess.run([sys.executable, "-m", "smartplan_tui", "frobnicate"],
                           capture_output=True, text=True)
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1


def test_results_json_has_the_documented_shape_and_recounts(home: Path) -> None:
    _cli(home, "demo")
    code, out, _ = _cli(home, "results", "coast-camp", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["session"] == "coast-camp"
    v1 = doc["votes"][0]
    assert {k: v1[k] for k in ("id", "method", "ballots", "invalid")} == {
        "id": "v1", "method": "dot", "ballots": 8, "invalid": 0}
    assert v1["ranking"][0] == {"option": "C", "rank": 1, "score": 8}
    assert v1["ties"] == [] and v1["explanation"]
    code, out, _ = _cli(home, "results", "coast-camp", "--vote", "v1", "--method", "borda",
                        "--json")
    recount = json.loads(out)["votes"][0]
    assert recount["method"] == "borda" and recount["ranking"][0]["option"] == "C"
    code, out, err = _cli(home, "results", "coast-camp", "--vote", "v1", "--method", "irv")
    assert code == 1 and "no single first choice for instant-runoff" in err
    code, out, _ = _cli(home, "results", "coast-camp", "--vote", "v2")
    assert code == 0 and "Schulze method, 10 ballots" in out and "█" in out
