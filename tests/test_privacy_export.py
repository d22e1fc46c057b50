"""`smartplan privacy export`: every record planted for the person, nothing of anyone else."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from session_factory import rich_session
from test_privacy_erase import EMAIL, NAME, build_home, run_cli

from smartplan_tui.store import SessionStore


def test_the_zip_holds_all_of_theirs_and_nothing_of_others(store: SessionStore,
                                                           tmp_path: Path) -> None:
    build_home(store, "camp", "forum")
    target = tmp_path / "liga.zip"
    result = run_cli("privacy", "export", NAME.upper(), "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(target) as archive:
        names = sorted(archive.namelist())
        files = {name: archive.read(name).decode() for name in names}
    kinds = ("actions", "ballots", "notes", "participants", "swot")
    assert names == ["README.txt", *sorted(f"{k}.{s}" for k in kinds for s in ("csv", "json"))]
    data = {kind: json.loads(files[f"{kind}.json"]) for kind in kinds}
    for session_id in ("camp", "forum"):
        mine = {kind: [r for r in rows if r["session"] == session_id]
                for kind, rows in data.items()}
        assert [(p["id"], p["name"], p["email"], p["role"]) for p in mine["participants"]] == [
            ("p5", NAME, EMAIL, "lead planner")]
        assert [s["id"] for s in mine["swot"]] == ["s9"]
        assert sorted(n["text"] for n in mine["notes"]) == [
            f"Asked {EMAIL} about buses", f"{NAME.upper()} will send the port figures"]
        assert [(b["vote"], b.get("dots"), b.get("ranking")) for b in mine["ballots"]] == [
            ("v1", {"C": 3}, None), ("v2", None, ["C", "A"])]
        assert [a["id"] for a in mine["actions"]] == [rich_session().actions[0].id]
    for kind in kinds:
        rows = list(csv.DictReader(io.StringIO(files[f"{kind}.csv"])))
        assert [r["id"] if "id" in r else r["vote"] for r in rows] == [
            r.get("id", r.get("vote")) for r in data[kind]]
    everything = "\n".join(files.values())
    others = rich_session()
    for person in others.participants:
        assert person.name not in everything
    for item in others.swot:
        assert item.text not in everything
    assert "participants.json, participants.csv: the participant records" in files["README.txt"]


def test_the_zip_may_not_go_into_the_data_folder(store: SessionStore, home: Path) -> None:
    build_home(store, "camp")
    result = run_cli("privacy", "export", NAME, "--output", str(home / "liga.zip"))
    assert result.returncode == 1
    assert "is inside SmartPlan's data folder" in result.stderr
    assert not (home / "liga.zip").exists()
