"""The interface language on the command line and in the app: how it is chosen, and switched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import Input
from textual.widgets.option_list import Option
from tui_support import settle, type_into

from smartplan_tui.app import make_app
from smartplan_tui.i18n import choose_language, set_interface_language
from smartplan_tui.launch import global_option, with_language
from smartplan_tui.screens.widgets.palette import TranslatedPalette
from smartplan_tui.store import SessionStore

LOCALE_VARIABLES = ("SMARTPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_interface_language("en")


def smartplan(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m smartplan_tui …` with no language in its environment but `env`'s."""
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    return subprocess.run([sys.executable, "-m", "smartplan_tui", "--home", str(home), *args],
                          capture_output=True, text=True, env={**clean, **env}, timeout=60)


@pytest.mark.parametrize(("language", "words", "english"), [
    ("lv", ["Lietošana: smartplan", "Opcijas:", "Komandas:", "Parādīt šo ziņojumu un iziet.",
            "Saskarnes valoda", "Izveidot sesiju; izdrukā tās id."],
     ["Usage:", "Options:", "Commands:", "Show this message"]),
    ("lt", ["Naudojimas: smartplan", "Parinktys:", "Komandos:", "Parodyti šį pranešimą ir išeiti.",
            "Sąsajos kalba", "Sukurti sesiją; išspausdina jos id."],
     ["Usage:", "Options:", "Commands:", "Show this message"]),
])
def test_help_is_in_the_language_asked_for(home: Path, language: str, words: list[str],
                                           english: list[str]) -> None:
    run = smartplan(home, "--lang", language, "--help")
    assert run.returncode == 0, run.stderr
    for word in words:
        assert word in run.stdout
    for word in english:
        assert word not in run.stdout


def test_a_commands_help_and_its_usage_error_are_in_latvian(home: Path) -> None:
    helped = smartplan(home, "--lang", "lv", "add", "note", "--help")
    assert "Lietošana: smartplan add note [OPTIONS] ID TEXT" in helped.stdout
    assert "Argumenti:" in helped.stdout and "Pievienot piezīmi, lēmumu" in helped.stdout
    missing = smartplan(home, "--lang", "lv", "new")
    assert missing.returncode == 2
    assert missing.stderr == "smartplan: kļūda: Trūkst argumenta 'TITLE'.\n"
    wrong = smartplan(home, "--lang", "lv", "list", "--jso")
    assert wrong.stderr == ("smartplan: kļūda: Nav tādas opcijas: --jso (iespējamās opcijas: "
                            "--json)\n")


def test_the_chain_lang_then_environment_then_setting_then_locale(home: Path) -> None:
    def first_line(*args: str, **env: str) -> str:
        return smartplan(home, *args, "--help", **env).stdout.splitlines()[0]

    assert first_line().startswith("Usage:")
    assert first_line(LANG="lt_LT.UTF-8").startswith("Naudojimas:")
    assert first_line(LANG="de_DE.UTF-8").startswith("Usage:")  # not ours: English
    SessionStore(home).save_setting("language", "lv")
    assert first_line(LANG="lt_LT.UTF-8").startswith("Lietošana:")  # the app's setting first
    assert first_line(SMARTPLAN_LANG="lt").startswith("Naudojimas:")
    assert first_line("--lang", "en", SMARTPLAN_LANG="lt").startswith("Usage:")
    assert first_line("--lang=lt").startswith("Naudojimas:")


def test_a_bad_lang_is_a_usage_error_in_the_language_chosen_so_far(home: Path) -> None:
    english = smartplan(home, "--lang", "de", "list")
    assert english.returncode == 2
    assert english.stderr == ("smartplan: error: Invalid value for '--lang': 'de' is not one "
                              "of en, lv, lt\n")
    latvian = smartplan(home, "--lang", "xx", "list", SMARTPLAN_LANG="lv")
    assert latvian.returncode == 2
    assert latvian.stderr == ("smartplan: kļūda: Nederīga vērtība '--lang': 'xx' nav neviena no "
                              "valodām en, lv, lt\n")


def test_the_launcher_reads_global_options_only_before_the_command() -> None:
    assert global_option(["--home", "/x", "--lang", "lv", "list"], "--lang") == "lv"
    assert global_option(["--lang=lt"], "--lang") == "lt"
    assert global_option(["export", "s1", "--lang", "lv"], "--lang") is None  # export's own
    assert global_option(["--home", "/x", "list"], "--home") == "/x"
    assert with_language(["--lang", "en", "demo"], "lv") == ["--lang", "lv", "demo"]
    assert with_language(["--lang=en", "demo"], "lt") == ["--lang", "lt", "demo"]
    assert with_language(["--home", "/h", "export", "s", "--lang", "en"], "lv") == [
        "--lang", "lv", "--home", "/h", "export", "s", "--lang", "en"]
    assert choose_language(None, {"LC_ALL": "C", "LANG": "lv_LV.UTF-8"}) == "lv"
    assert choose_language(None, {}, saved="lt") == "lt"
    assert choose_language(None, {}, saved=7) == "en"


async def test_switching_the_language_saves_it_and_asks_for_a_restart(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, TranslatedPalette)
        await type_into(pilot, "Latv")
        await pilot.press("enter")
        await settle(pilot)
    assert SessionStore(home).settings()["language"] == "lv"
    assert app.restart_language == "lv"
    assert app.return_code == 0


async def test_textuals_palette_speaks_the_interface_language(home: Path) -> None:
    set_interface_language("lt")
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, TranslatedPalette)
        assert palette.query_one(Input).placeholder == "Ieškoti komandų…"
        titles = [command.title for command in app.get_system_commands(palette)]
        assert "Ekrano kopija" in titles and "Screenshot" not in titles
        await type_into(pilot, "zzzqqq")
        # Textual says "no matches" on a timer of its own: wait for it, up to a deadline.
        deadline = time.monotonic() + 5
        while not any("Nieko nerasta" in _prompt(o) for o in palette.query_one(CommandList).options):
            assert time.monotonic() < deadline, "no 'no matches' line"
            await pilot.pause(0.05)


def _prompt(option: Option) -> str:
    prompt = option.prompt
    return str(getattr(prompt, "renderable", prompt))
