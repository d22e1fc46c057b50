"""The command line's outputs and errors in Latvian and Lithuanian, and the model's messages.

The command line is run as a process (`--lang lv`), as a planner runs it: its help texts are
translated when its modules load, so the language must be chosen before, as `launch` does.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartplan_tui.exercises import tows, voting
from smartplan_tui.i18n import set_interface_language
from smartplan_tui.model import (
    Ballot,
    ModelError,
    Quadrant,
    Session,
    SessionInfo,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
)
from smartplan_tui.os_errors import os_reason
from smartplan_tui.store import SessionStore


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def smartplan(home: Path, language: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smartplan_tui", "--home", str(home),
                           "--lang", language, *args],
                          capture_output=True, text=True, timeout=120)


def test_list_names_the_kind_by_its_label_and_json_keeps_the_machine_value(
        home: Path, demo_store: SessionStore) -> None:
    latvian = smartplan(home, "lv", "list")
    assert latvian.returncode == 0, latvian.stderr
    assert "Inovāciju nometne" in latvian.stdout
    assert "48 ieraksti" in latvian.stdout
    assert "innovation-camp" not in latvian.stdout
    lithuanian = smartplan(home, "lt", "list")
    assert "Inovacijų stovykla" in lithuanian.stdout and "48 įrašai" in lithuanian.stdout
    scripted = smartplan(home, "lv", "list", "--json")
    assert json.loads(scripted.stdout)[0]["kind"] == "innovation-camp"


def test_results_name_the_counting_method_in_the_language(
        home: Path, demo_store: SessionStore) -> None:
    run = smartplan(home, "lt", "results", "coast-camp", "--vote", "v1")
    assert run.returncode == 0, run.stderr
    assert "Balsavimas taškais, 8 biuleteniai" in run.stdout.splitlines()
    recount = smartplan(home, "lv", "results", "coast-camp", "--vote", "v2", "--method", "borda")
    assert "Borda skaitīšana, 10 biļeteni" in recount.stdout.splitlines()


def test_a_bad_import_file_is_refused_in_lithuanian(home: Path, demo_store: SessionStore,
                                                     tmp_path: Path) -> None:
    exported = smartplan(home, "en", "export", "coast-camp")
    doc = json.loads(exported.stdout)
    doc["session"]["id"] = "copy"
    doc["tows"][0]["links"] = ["s999"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    run = smartplan(home, "lt", "import", str(bad))
    assert run.returncode == 1
    assert run.stderr == f"smartplan: klaida: {bad}: tows[0].links[0]: nėra SSGG įrašo 's999'\n"
    doc["tows"][0]["links"] = []
    doc["swot"][1]["id"] = doc["swot"][0]["id"]
    bad.write_text(json.dumps(doc), encoding="utf-8")
    twice = smartplan(home, "lt", "import", str(bad))
    assert "swot[1].id: 's1' naudojamas du kartus" in twice.stderr


def test_a_file_that_is_not_there_is_named_in_latvian(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nav.json"
    run = smartplan(home, "lv", "import", str(missing))
    assert run.returncode == 1
    assert run.stderr == f"smartplan: kļūda: {missing}: nav tāda faila vai mapes\n"


def test_privacy_retain_without_a_date_and_the_help_of_every_argument(
        home: Path, demo_store: SessionStore) -> None:
    kept = smartplan(home, "lv", "privacy", "retain", "coast-camp", "none")
    assert kept.stdout == "sesija coast-camp: personas dati tiek glabāti bez beigu datuma\n"
    undo = smartplan(home, "lt", "undo", "--help").stdout
    assert "ENTRY  Pakeitimo įrašo id (žr. `smartplan history`)." in undo
    swot = smartplan(home, "lv", "add", "swot", "--help").stdout
    assert "Kas to uzrakstīja" in swot
    retain = smartplan(home, "lt", "privacy", "retain", "--help").stdout
    assert "ID    Sesijos id" in retain


def _vote() -> Vote:
    return Vote("v1", "Which harbour first?", VoteMethod.DOT,
                (VoteOption("A", "Liepāja"), VoteOption("B", "Klaipėda")))


def test_the_models_messages_are_in_lithuanian() -> None:
    set_interface_language("lt")
    with pytest.raises(ModelError) as twice:
        Vote("v1", "Q", VoteMethod.DOT, (VoteOption("A", "x"),),
             ballots=(Ballot("Ona", dots={"A": 1}), Ballot("Ona", dots={"A": 1})))
    assert str(twice.value) == "ballots[1].voter: 'Ona' balsavo du kartus"
    with pytest.raises(ModelError) as no_option:
        _vote().option("Q")
    assert str(no_option.value) == "balsavime 'Which harbour first?' nėra varianto 'Q'"
    with pytest.raises(ModelError) as bad_id:
        SessionInfo("x y", "Title")
    assert bad_id.value.reason.startswith("'x y' nėra tinkamas sesijos id")
    with pytest.raises(ValueError, match="nežinoma kalba 'xx': pasirinkite vieną iš: en, lv, lt"):
        set_interface_language("xx")


def test_tows_advice_names_quadrants_by_their_latvian_names() -> None:
    set_interface_language("lv")
    session = Session(SessionInfo("s", "S"), swot=(
        SwotItem("s1", Quadrant.STRENGTHS, "Ostas"), SwotItem("s2", Quadrant.THREATS, "Vētras")))
    found = tows.problems(TowsStrategy("t1", TowsType.SO, "Plan", ("s1", "s2")), session)
    assert found[0].startswith("“Vētras” pieder pie: draudi;")
    assert "stiprās puses" in found[0] and "threats" not in found[0]
    assert found[1] == "SO stratēģijai vajag vismaz vienu no: iespējas"


def test_a_recount_names_the_methods_that_fit_in_latvian() -> None:
    set_interface_language("lv")
    vote = Vote("v1", "Which harbour first?", VoteMethod.SCORE,
                (VoteOption("A", "Liepāja"),), criteria=("impact", "feasibility"),
                ballots=(Ballot(scores={"A": {"impact": 4, "feasibility": 2}}),))
    with pytest.raises(ModelError) as refused:
        voting.count(vote, VoteMethod.BORDA)
    assert refused.value.reason.endswith("skaitiet tos ar score")
    assert "ir biļeteni (vērtējumi)" in refused.value.reason
    assert "(tai vajag: ranžējums)" in refused.value.reason
    dots = _vote()
    dots = Vote(dots.id, dots.question, VoteMethod.DOT, dots.options,
                ballots=(Ballot(dots={"A": 2}),))
    with pytest.raises(ModelError) as by_score:
        voting.count(dots, VoteMethod.SCORE)
    assert by_score.value.reason.endswith("skaitiet tos ar dot, borda vai schulze")


def test_the_systems_reasons_are_translated_and_smartplans_own_are_kept() -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/usb/report.docx")
    assert os_reason(full) == "No space left on device"
    set_interface_language("lt")
    assert os_reason(full) == "diske nebėra vietos"
    set_interface_language("lv")
    assert os_reason(full) == "diskā nav vietas"
    assert os_reason(PermissionError(errno.EACCES, os.strerror(errno.EACCES))) == (
        "nav piekļuves tiesību")
    # A port the hub cannot listen on, as `smartplan serve --port` reports it.
    assert os_reason(OSError(errno.EADDRINUSE, os.strerror(errno.EADDRINUSE))) == (
        "Adrese jau tiek izmantota")
    own = OSError(errno.ENOSPC, "the journal could not be started")
    assert os_reason(own) == "the journal could not be started"
    odd = OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    assert os_reason(odd) == os.strerror(errno.EXDEV)
