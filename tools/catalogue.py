"""The translation catalogues: extract the marked texts, merge them into each language, compile.

    python tools/catalogue.py update     # smartplan_tui/ → locale/smartplan.pot → lv, lt .po
    python tools/catalogue.py compile    # every .po → its .mo (committed, so installs need no step)
    python tools/catalogue.py missing    # the message ids a language has no translation for yet
    python tools/catalogue.py add xx     # start a new language (then add it to i18n.LANGUAGES)

Extraction is Babel's, with the keywords `_`, `N_`, `ngettext`, `pgettext` and `npgettext`
(their first argument the context), from the package and from `typer.core`, which calls the
stdlib's `gettext` (the CLI routes it to SmartPlan's catalogue, so its texts must be in it; the
rest of the engine's are listed in `cli_engine.py`). Merging keeps every
existing translation (no fuzzy guesses: a changed text is untranslated until someone
translates it). Both commands hold a lock file, so two people running them at once wait for
each other instead of writing over each other's .po.
"""

from __future__ import annotations

import argparse
import fcntl
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smartplan_tui"
LOCALE = PACKAGE / "locale"
DOMAIN = "smartplan"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
LOCK = LOCALE / ".catalogue.lock"
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None, "N_": None, "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3),
}
#: The CLI engine's modules that mark their texts for gettext (the rest: `cli_engine.py`).
ENGINE_MODULES = ("typer.core",)
WIDTH = 100


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages that have a catalogue (English is the source and has none)."""
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@contextmanager
def locked(wait_seconds: float = 120.0) -> Iterator[None]:
    """Hold the catalogue lock; say so when someone else holds it."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("a") as handle:
        deadline = time.monotonic() + wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    sys.exit(f"catalogue: {LOCK} is still held after {wait_seconds:.0f} s")
                if not told:
                    print("catalogue: someone else is updating the catalogues; waiting…",
                          file=sys.stderr)
                    told = True
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def extract() -> Catalog:
    """Every marked text of the package and the engine, with where it is used."""
    template = Catalog(project="SmartPlan", version="0.1", domain=DOMAIN, fuzzy=False,
                       msgid_bugs_address="", copyright_holder="SmartPlan contributors",
                       header_comment="# The texts SmartPlan shows, to translate (MIT licence).\n#")
    methods = [("**.py", "python"), ("hub/templates/**.html", "jinja2")]
    found = extract_from_dir(PACKAGE, method_map=methods, keywords=KEYWORDS,
                             comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(f"smartplan_tui/{filename}", lineno)],
                     auto_comments=comments, context=context)
    for module in ENGINE_MODULES:
        spec = find_spec(module)
        assert spec is not None and spec.origin is not None, module
        name = module.replace(".", "/") + ".py"
        for lineno, message, comments, context in extract_from_file(
                "python", spec.origin, keywords=KEYWORDS):
            template.add(message, None, [(name, lineno)], auto_comments=comments,
                         context=context)
    return template


def _read(path: Path, language: str) -> Catalog:
    if not path.exists():
        name = Locale.parse(language).english_name
        return Catalog(locale=language, domain=DOMAIN, project="SmartPlan", version="0.1",
                       fuzzy=False, copyright_holder="SmartPlan contributors",
                       header_comment=f"# {name} translations of SmartPlan (MIT licence).\n#",
                       last_translator="SmartPlan contributors", language_team=name,
                       msgid_bugs_address="")
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _write(catalogue: Catalog, path: Path, *, template: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = BytesIO()
    write_po(buffer, catalogue, width=WIDTH, include_lineno=False, sort_output=True,
             omit_header=False, ignore_obsolete=template)
    new = buffer.getvalue()
    if not path.exists() or path.read_bytes() != new:
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_bytes(new)
        temporary.replace(path)


def update(only: list[str] | None = None) -> None:
    """Extract into the .pot, then merge it into each language's .po."""
    template = extract()
    _write(template, TEMPLATE, template=True)
    for language in only or languages():
        path = po_path(language)
        catalogue = _read(path, language)
        catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalogue.fuzzy = False  # the header's Plural-Forms is CLDR's rule, through Babel
        _write(catalogue, path)
        missing = [m for m in catalogue if m.id and not _translated(m.string)]
        print(f"{language}: {len(catalogue)} messages, {len(missing)} without a translation")


def _translated(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def compile_all() -> None:
    """Write every .po's .mo next to it (only when its content changes)."""
    for language in languages():
        path = po_path(language)
        catalogue = _read(path, language)
        buffer = BytesIO()
        write_mo(buffer, catalogue, use_fuzzy=False)
        target = path.with_suffix(".mo")
        if not target.exists() or target.read_bytes() != buffer.getvalue():
            target.write_bytes(buffer.getvalue())
        print(f"{language}: {target.relative_to(ROOT)}")


def missing(language: str) -> None:
    """Print the message ids `language` has no (complete) translation for."""
    for message in _read(po_path(language), language):
        if message.id and not _translated(message.string):
            print(repr(message.id))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract and merge into every language's .po")
    commands.add_parser("compile", help="write the .mo files")
    for name, text in (("missing", "list untranslated ids"), ("add", "start a new language")):
        commands.add_parser(name, help=text).add_argument("language")
    args = parser.parse_args(argv)
    with locked():
        if args.command == "update":
            update()
        elif args.command == "compile":
            compile_all()
        elif args.command == "add":
            Locale.parse(args.language)  # a language Babel (CLDR) knows, or an error
            update([args.language])
        else:
            missing(args.language)


if __name__ == "__main__":
    main()
