"""The translation catalogues: complete, consistent with the code, compiled as committed."""

from __future__ import annotations

import ast
import fcntl
import re
import string
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from smartplan_tui.i18n import LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import catalogue  # noqa: E402

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
#: English grammar a translation may leave out: the article before a strategy's type.
ENGLISH_ONLY_FIELDS = frozenset({"article"})


def _po(language: str) -> Catalog:
    with catalogue.po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def _forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple | list) else [message.string]


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _fields(text: str) -> set[str]:
    """The `{names}` of a str.format text and the `%(names)s` of a %-format one."""
    names = {name.split(".")[0].split("[")[0].split("!")[0]
             for _, name, _, _ in string.Formatter().parse(text) if name}
    return names | set(re.findall(r"%\((\w+)\)", text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_translation_in_every_form(language: str) -> None:
    catalog = _po(language)
    missing = [_ids(m)[0] for m in catalog if m.id and not all(_forms(m))]
    assert not missing, f"{language}: {len(missing)} without a translation, e.g. {missing[:5]}"
    plurals = [m for m in catalog if m.pluralizable]
    assert plurals and all(len(_forms(m)) == catalog.num_plurals for m in plurals)


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translation_fills_in_the_values_its_message_id_names(language: str) -> None:
    wrong = []
    for message in _po(language):
        if not message.id:
            continue
        fields = [_fields(i) for i in _ids(message)]
        allowed = set().union(*fields)  # a name no id has would fail at run time
        required = set.intersection(*fields) - ENGLISH_ONLY_FIELDS  # else a value is lost
        wrong += [(_ids(message)[0], form) for form in _forms(message)
                  if not required <= _fields(form) <= allowed]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_plural_rule_is_cldrs_through_babel(language: str) -> None:
    catalog = _po(language)
    rule = get_plural(language)
    assert catalog.num_plurals == rule.num_plurals == 3
    assert catalog.plural_expr == rule.plural_expr


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_committed_mo_is_the_po_compiled(language: str) -> None:
    compiled = BytesIO()
    write_mo(compiled, _po(language), use_fuzzy=False)
    committed = LOCALE_DIR / language / "LC_MESSAGES" / "smartplan.mo"
    assert committed.read_bytes() == compiled.getvalue(), "run tools/catalogue.py compile"


def test_the_catalogue_holds_every_text_the_code_marks() -> None:
    in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue.extract() if m.id}
    for language in TRANSLATED:
        in_po = {_ids(m)[0] for m in _po(language) if m.id}
        assert in_code <= in_po, (language, sorted(in_code - in_po)[:5],
                                  "run tools/catalogue.py update and translate")
    assert "Usage:" in in_code and "Missing argument {name}." in in_code  # the CLI engine's


def test_the_catalogue_tool_waits_for_another_run_and_gives_up_with_one_line() -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl,sys;f=open(sys.argv[1],'a');"
         "fcntl.flock(f,fcntl.LOCK_EX);print('held',flush=True);sys.stdin.read()",
         str(catalogue.LOCK)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(SystemExit) as stopped, catalogue.locked(wait_seconds=0.3):
            pass
        assert "still held" in str(stopped.value)
    finally:
        holder.communicate("")
    # Free again once the other run ends; and held, it keeps a third one out.
    with (catalogue.locked(wait_seconds=5), catalogue.LOCK.open("a") as other,
          pytest.raises(BlockingIOError)):
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _marked_in_source() -> set[str]:
    """Every literal passed to `_`, `N_`, `ngettext`, `pgettext` or `npgettext` in the package,
    found by Python's parser (which, unlike Babel's tokenizer on Python 3.11, sees calls inside
    f-strings)."""
    message_at = {"_": 0, "N_": 0, "ngettext": 0, "pgettext": 1, "npgettext": 1}
    found: set[str] = set()
    for path in (ROOT / "smartplan_tui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in message_at):
                continue
            at = message_at[node.func.id]
            message = node.args[at] if len(node.args) > at else None
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                found.add(message.value)
    return found


def test_no_marked_text_hides_where_the_extractor_cannot_see_it() -> None:
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue.extract() if m.id}
    hidden = sorted(_marked_in_source() - extracted)
    assert not hidden, f"marked but not extracted (inside an f-string?): {hidden[:5]}"
