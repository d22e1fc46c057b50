"""What every command line tool owes its users: --version, shell completion, help that
names values plainly, exit code 2 for a mistyped command line and 1 for a failed command,
and every error as one line on stderr.

Run through Typer's CliRunner, and as real processes where the shell or the exit code of
the interpreter is the point.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import typer.main
from typer import _click
from typer.testing import CliRunner

from smartplan_tui.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SMARTPLAN = [sys.executable, "-m", "smartplan_tui"]


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--home", str(home), *args], prog_name="smartplan")
    return result.exit_code, result.stdout, result.stderr


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SMARTPLAN, *args], capture_output=True, text=True, check=False,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def _bash(script: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `script` in a real bash, the way a user's shell runs smartplan."""
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False,
                          env={**os.environ, "HOME": str(home)}, stdin=subprocess.DEVNULL)


def _one_error_line(err: str) -> None:
    assert err.startswith("smartplan: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Usage:" not in err, err


# ------------------------------------------------------------------ --version


def test_version_is_the_installed_distribution_s() -> None:
    result = runner.invoke(app, ["--version"], prog_name="smartplan")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"smartplan {version('smartplan-tui')}\n", "")
    assert re.fullmatch(r"smartplan \d+\.\d+\.\d+\n", result.stdout)


def test_version_in_a_real_process_comes_before_any_command() -> None:
    done = _run("--version", "list")  # eager: printed and done, `list` never runs
    assert (done.returncode, done.stdout, done.stderr) == (
        0, f"smartplan {version('smartplan-tui')}\n", "")


# ------------------------------------------------------------------ completion


@pytest.fixture
def wrapper(tmp_path: Path) -> Path:
    """A `smartplan` executable for the completion script to call: this interpreter."""
    path = tmp_path / "bin" / "smartplan"
    path.parent.mkdir()
    path.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m smartplan_tui "$@"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def test_bash_completion_is_shown_and_completes_commands_and_choices(
        tmp_path: Path, wrapper: Path) -> None:
    shown = _bash(f'"{wrapper}" --show-completion; exit $?', tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "complete -o default -F _smartplan_completion smartplan" in shown.stdout
    # Load the script as a user's ~/.bashrc would, then ask it what bash would offer.
    asked = _bash(f'''
        eval "$("{wrapper}" --show-completion)"
        COMP_WORDS=(smartplan ad); COMP_CWORD=1
        _smartplan_completion "{wrapper}"; echo "${{COMPREPLY[*]}}"
        COMP_WORDS=(smartplan add vote w Which --method ''); COMP_CWORD=6
        _smartplan_completion "{wrapper}"; echo "${{COMPREPLY[*]}}"
    ''', tmp_path)
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.splitlines() == ["add", "dot borda schulze irv score"]


def test_install_completion_writes_into_the_user_s_bash_setup(tmp_path: Path, wrapper: Path) -> None:
    done = _bash(f'"{wrapper}" --install-completion; exit $?', tmp_path)
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "smartplan.sh"
    assert "_smartplan_completion" in script.read_text(encoding="utf-8")
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")


def test_completion_through_the_runner_offers_subcommands() -> None:
    env = {"_SMARTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "smartplan add n",
           "COMP_CWORD": "2"}
    result = runner.invoke(app, [], env=env, prog_name="smartplan")
    assert (result.exit_code, result.stdout) == (0, "note\n")


# ------------------------------------------------------------------ help


def _command_paths() -> list[list[str]]:
    """Every command and group of the CLI, as the words that name it (`[]` is the top)."""
    paths: list[list[str]] = []

    def walk(command: _click.Command, path: list[str]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


def test_every_command_has_a_help_page() -> None:
    names = {" ".join(p) for p in _command_paths()}
    assert {"", "new", "list", "import", "export", "handbook", "results", "demo", "add",
            "add swot", "add note", "add ballot", "add vote", "add action"} <= names


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "smartplan")
def test_help_names_values_plainly(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"], prog_name="smartplan")
    page = result.stdout
    assert result.exit_code == 0 and page.startswith("Usage: smartplan"), (result.stderr, page)
    for python_type in ("<list[", "<str>", "<int>", "<float>", "<path>", "{"):
        assert python_type not in page, (python_type, page)
    assert not re.search(r"<[\w\[\]|.,-]+>", page), page  # any `<type>` Typer makes up
    for named in re.findall(r"[\w./-]+\.md\b", page):  # a file the help points at is here
        assert (ROOT / named).is_file(), (named, page)


def test_help_shows_the_metavars_a_coordinator_reads() -> None:
    def page(*args: str) -> str:
        return runner.invoke(app, [*args, "--help"], prog_name="smartplan").stdout

    assert "Usage: smartplan new [OPTIONS] TITLE\n" in page("new")
    assert re.search(r"--date DATE\s", page("new")) and re.search(r"--id ID\s", page("new"))
    assert re.search(r"--minutes N\s", page("add", "agenda"))
    assert re.search(r"--budget NUMBER\s", page("add", "action"))
    assert re.search(r"--tag TEXT\s", page("add", "swot"))
    assert "Usage: smartplan add swot [OPTIONS] ID QUADRANT TEXT\n" in page("add", "swot")
    assert re.search(r"--method dot\|borda\|schulze\|irv\|score\s", page("results"))
    assert "Usage: smartplan handbook [OPTIONS] ID...\n" in page("handbook")
    assert re.search(r"--home DIR\s", page())
    assert "docs/format.md" in page("results")


def test_a_missing_argument_is_named_as_the_help_names_it(home: Path) -> None:
    code, out, err = _cli(home, "new")
    assert (code, out) == (2, "")
    _one_error_line(err)
    assert "'TITLE'" in err


# ------------------------------------------------------------------ exit codes


@pytest.fixture
def session(home: Path) -> Path:
    """Session `w` with a dot vote `v1` (options A and B, three dots each)."""
    assert _cli(home, "new", "W", "--id", "w")[0] == 0
    assert _cli(home, "add", "vote", "w", "Which?", "--option", "a", "--option", "b")[0] == 0
    return home


USAGE_ERRORS = [
    (["frobnicate"], "No such command 'frobnicate'"),
    (["add", "frobnicate"], "No such command 'frobnicate'"),
    (["list", "--bogus"], "No such option: --bogus"),
    (["results"], "Missing argument 'ID'"),
    (["list", "extra"], "unexpected extra argument"),
    (["add", "agenda", "w", "Opening", "--minutes", "ten"], "'--minutes'"),
    (["new", "T", "--kind", "party"], "'--kind'"),
    (["new", "T", "--kind"], "'--kind' requires an argument"),
    (["new", "T", "--date", "2027-02-30"], "--date: 2027-02-30 is not a real date"),
    (["new", "T", "--date", "tomorrow"], "--date: 'tomorrow' is not a date in the form YYYY-MM-DD"),
    (["add", "swot", "w", "Q", "x"], "QUADRANT: unknown quadrant 'Q'"),
    (["add", "ballot", "w", "v1", "--dots", "A=x"], "--dots: 'A=x' should look like A=2"),
    (["add", "ballot", "w", "v1", "--dots", "A=1,A=1"], "--dots: 'A' is given twice"),
    (["add", "ballot", "w", "v1", "--scores", "A"], "--scores: 'A' should look like"),
    (["add", "ballot", "w", "v1"], "give exactly one of --dots, --ranking or --scores"),
    (["add"], "add: missing command (one of swot, note, participant, agenda, action, vote, "
              "ballot; see --help)"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS,
                         ids=[" ".join(args) for args, _ in USAGE_ERRORS])
def test_usage_errors_exit_with_2(session: Path, args: list[str], expected: str) -> None:
    code, out, err = _cli(session, *args)
    assert (code, out) == (2, ""), (code, out, err)
    _one_error_line(err)
    assert expected in err, err


def test_a_data_home_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    afile = tmp_path / "not-a-folder"
    afile.write_text("", encoding="utf-8")
    code, out, err = _cli(afile, "list")
    assert (code, out) == (2, "")
    _one_error_line(err)
    assert "'--home'" in err and "is a file" in err


def test_failures_exit_with_1(session: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "smartplan/session",', encoding="utf-8")
    cases = [
        (["export", "nosuch"], "no session 'nosuch'"),
        (["add", "note", "nosuch", "text"], "no session 'nosuch'"),
        (["results", "w", "--vote", "v9"], "has no vote 'v9'"),
        (["add", "ballot", "w", "v9", "--dots", "A=1"], "has no vote 'v9'"),
        (["add", "ballot", "w", "v1", "--dots", "A=3,B=1"], "4 dots exceed the budget of 3"),
        (["add", "action", "w", "T", "--priority", "Z"], "--priority: no vote option 'Z'"),
        (["new", "T", "--id", "w"], "a session with this id exists"),
        (["import", str(tmp_path / "missing.json")], "missing.json: No such file"),
        (["import", str(broken)], "broken.json: not valid JSON"),
        (["import", str(tmp_path)], "Is a directory"),
    ]
    for args, expected in cases:
        code, out, err = _cli(session, *args)
        assert (code, out) == (1, ""), (args, code, out, err)
        _one_error_line(err)
        assert expected in err, (args, err)


def test_add_alone_is_one_error_line_in_a_real_process() -> None:
    done = _run("add")
    assert (done.returncode, done.stdout) == (2, ""), done
    _one_error_line(done.stderr)
    assert "missing command (one of swot, note" in done.stderr
    helped = _run("add", "--help")  # asked for: the help, on stdout
    assert helped.returncode == 0 and helped.stderr == ""
    assert helped.stdout.startswith("Usage: smartplan add [OPTIONS] COMMAND [ARGS]...")


def test_exit_codes_of_a_real_process(home: Path) -> None:
    unknown = _run("frobnicate")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    _one_error_line(unknown.stderr)
    bad_value = _run("new", "T", "--date", "2027-02-30", env={"SMARTPLAN_HOME": str(home)})
    assert (bad_value.returncode, bad_value.stdout) == (2, "")
    _one_error_line(bad_value.stderr)
    missing = _run("export", "nosuch", env={"SMARTPLAN_HOME": str(home)})
    assert (missing.returncode, missing.stdout) == (1, "")
    _one_error_line(missing.stderr)
    assert not home.exists(), "a refused command writes nothing"
