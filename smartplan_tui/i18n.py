"""Translations: the one way a string is marked for translation, and the language it is read in.

Two languages are in play at once. The *interface* language (en, lv, lt) is chosen once per
process, before the screens and the command line are imported, so class-level texts (key
descriptions, help) may be translated where they are defined. A *report* is written in its
session's language, which may differ: `writing_in(lang)` sets it for the code that runs inside
(a context variable, so a worker thread writing a report does not change the screens).

Mark every text a person reads with `_()` where it is used, `ngettext()` where a count stands
before a noun, `pgettext(context, text)` where a short text has two senses (a field's "Start"
and a key's "Start"), and `N_()` for a module-level constant that a report reads (it is translated
later, by `_()` at the point of use, in whatever language is current then). Participants' and
facilitators' own text is never passed through these.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from smartplan_tui.mo_file import Catalogue, read_catalogue

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "LOCALE_DIR",
    "N_",
    "_",
    "choose_language",
    "current_language",
    "interface_language",
    "ngettext",
    "normalise_language",
    "npgettext",
    "pgettext",
    "set_interface_language",
    "writing_in",
]

LANGUAGES: tuple[str, ...] = ("en", "lv", "lt")
"""The languages SmartPlan speaks; English is the source language of every message id."""

LANGUAGE_NAMES: dict[str, str] = {"en": "English", "lv": "Latviešu", "lt": "Lietuvių"}
"""Each language by its own name, as a speaker looks for it in a list (never translated)."""

DEFAULT_LANGUAGE = "en"
DOMAIN = "smartplan"
LANGUAGE_VARIABLE = "SMARTPLAN_LANG"
"""The environment variable that chooses the interface language (after `--lang`)."""
LOCALE_DIR = Path(__file__).parent / "locale"

_interface = DEFAULT_LANGUAGE
_writing: ContextVar[str | None] = ContextVar("smartplan_writing_language", default=None)
_catalogues: dict[str, Catalogue] = {}


def _catalogue(language: str) -> Catalogue:
    """The compiled catalogue of `language` (an empty one for English or when none is found)."""
    found = _catalogues.get(language)
    if found is None:
        try:
            found = read_catalogue(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo")
        except (OSError, ValueError):  # gettext's fallback: the texts stay in English
            found = Catalogue({}, {}, lambda n: 0 if n == 1 else 1)
        _catalogues[language] = found
    return found


def normalise_language(value: str | None) -> str | None:
    """`lv`, `LV`, `lv_LV.UTF-8`, `lt-LT` → the SmartPlan language, or None when not one of ours."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose_language(asked: str | None, environ: Mapping[str, str], saved: object = None) -> str:
    """The interface language: `--lang`, else `$SMARTPLAN_LANG`, else the setting saved from
    the app, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.

    A value SmartPlan does not speak (`de_DE.UTF-8`, `C`) lets the next one in the chain
    speak, as gettext itself does; only `--lang` is checked strictly, by the command line.
    """
    chain: list[object] = [asked, environ.get(LANGUAGE_VARIABLE), saved]
    chain += [environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    for value in chain:
        code = normalise_language(value) if isinstance(value, str) else None
        if code is not None:
            return code
    return DEFAULT_LANGUAGE


def set_interface_language(language: str) -> None:
    """Choose the language of the screens, the command line and the hub's pages."""
    global _interface
    code = normalise_language(language)
    if code is None:
        raise ValueError(_("unknown language {language!r}: choose one of {choices}").format(
            language=language, choices=", ".join(LANGUAGES)))
    _interface = code


def interface_language() -> str:
    """The language of the screens and the command line."""
    return _interface


def current_language() -> str:
    """The language texts are read in here: a report's while one is written, else the interface's."""
    return _writing.get() or _interface


@contextmanager
def writing_in(language: str | None) -> Iterator[str]:
    """Translate into `language` (e.g. a session's) inside the block; None keeps the current one."""
    code = normalise_language(language) or current_language()
    token = _writing.set(code)
    try:
        yield code
    finally:
        _writing.reset(token)


def _(message: str) -> str:
    """`message` in the current language (itself in English or when it has no translation)."""
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return message
    return _catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` by the current language's plural rule; the caller formats `n` in."""
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return singular if n == 1 else plural
    return _catalogue(language).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the sense `context` names: one short English word may need two words in
    Latvian or Lithuanian ("Start" a date field's noun, "Start" the agenda key's verb)."""
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return message
    return _catalogue(language).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """`ngettext` in the sense `context` names (see `pgettext`)."""
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return singular if n == 1 else plural
    return _catalogue(language).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for extraction without translating it yet (`_()` translates it at use)."""
    return message
