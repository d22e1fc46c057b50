"""Themes of a cross-border SWOT: the tags of several sessions, told apart by meaning.

Sessions in Latvia and Lithuania tag the same subject in three languages and many spellings
(`Tūrisms`, `turizmas`, ` Tourism `, `tourism-sector`). Two tags are the same tag when they
differ only in case, spaces, hyphens, underscores or diacritics (`same_tag`); a theme map
(`tag_themes.json` in the data home, or a file given on the command line) then says which
tags, in whichever language, make one theme. A tag no theme lists is its own theme, under
the spelling met first.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from smartplan_tui.exports.errors import ExportError
from smartplan_tui.i18n import N_, _
from smartplan_tui.text import visible

__all__ = ["DEFAULT_THEMES", "THEMES_FILE", "ThemeMap", "load_themes", "same_tag"]

#: The file in the data home that replaces `DEFAULT_THEMES` when it exists.
THEMES_FILE = "tag_themes.json"

#: Common planning themes of Kurzeme and Klaipėda, each with its English, Latvian and
#: Lithuanian tag (and a few usual variants); a report names them in its own language.
DEFAULT_THEMES: Mapping[str, tuple[str, ...]] = {
    N_("Tourism"): ("tourism", "tūrisms", "turizmas"),
    N_("Transport"): ("transport", "transports", "transportas", "mobility", "mobilitāte",
                       "judumas"),
    N_("Ports"): ("ports", "port", "ostas", "osta", "uostai", "uostas"),
    N_("Education"): ("education", "izglītība", "švietimas", "skills", "prasmes", "įgūdžiai"),
    N_("Youth"): ("youth", "jaunieši", "jaunimas", "young people"),
    N_("Energy"): ("energy", "enerģētika", "energetika", "enerģija", "energija"),
    N_("Business"): ("business", "uzņēmējdarbība", "verslas", "entrepreneurship"),
    N_("Environment"): ("environment", "vide", "aplinka", "nature", "daba", "gamta"),
    N_("Culture"): ("culture", "kultūra", "kultura", "heritage", "mantojums", "paveldas"),
    N_("Health"): ("health", "veselība", "sveikata"),
    N_("Demography"): ("demography", "demogrāfija", "demografija", "population", "iedzīvotāji",
                        "gyventojai"),
    N_("Digital"): ("digital", "digitalisation", "digitalizācija", "skaitmeninimas"),
    N_("Funding"): ("funding", "finansējums", "finansavimas"),
    N_("Fisheries"): ("fisheries", "zivsaimniecība", "žuvininkystė", "fishing"),
}

_IGNORED = {" ", "-", "_", "\u2010", "\u2011", "\u2013", "\u00a0"}


def same_tag(tag: str) -> str:
    """The form two spellings of one tag share: no case, spaces, hyphens or diacritics
    (`Tūrisms`, `turisms` and `TU-RISMS` give `turisms`)."""
    decomposed = unicodedata.normalize("NFKD", tag.casefold())
    return "".join(c for c in decomposed
                   if c not in _IGNORED and not unicodedata.combining(c))


class ThemeMap:
    """Which theme each known spelling of a tag belongs to."""

    def __init__(self, themes: Mapping[str, Iterable[str]], *, built_in: bool = False) -> None:
        self.themes = {theme: tuple(spellings) for theme, spellings in themes.items()}
        self._built_in = built_in
        self._by_key: dict[str, str] = {}
        for theme, spellings in self.themes.items():
            for spelling in (theme, *spellings):
                self._by_key.setdefault(same_tag(spelling), theme)

    def theme_of(self, tag: str) -> str | None:
        """The theme listing `tag` in any spelling, or None."""
        return self._by_key.get(same_tag(tag))

    def label(self, theme: str) -> str:
        """What a report calls `theme`: one of `DEFAULT_THEMES` in the current language,
        a themes file's theme and a tag of no theme as they are written."""
        return _(theme) if self._built_in and theme in self.themes else theme

    def group(self, tags: Iterable[str]) -> dict[str, str]:
        """Each tag as written → its theme: a mapped theme, else the tag's first spelling."""
        first: dict[str, str] = {}
        named: dict[str, str] = {}
        for tag in tags:
            theme = self.theme_of(tag)
            if theme is None:
                theme = first.setdefault(same_tag(tag), tag.strip())
            named[tag] = theme
        return named


def load_themes(path: str | os.PathLike[str] | None) -> ThemeMap:
    """The theme map of a JSON file `{"Theme": ["spelling", …], …}`; None gives the defaults.

    A file that cannot be read or is not of that form is an `ExportError` naming the file
    and what is wrong.
    """
    if path is None:
        return ThemeMap(DEFAULT_THEMES, built_in=True)
    where = Path(path)
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except OSError as error:
        raise ExportError(N_("themes file {path}: cannot be read ({reason})"),
                          path=where, reason=error) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(N_("themes file {path}: not JSON ({reason})"),
                          path=where, reason=error) from None
    if not isinstance(data, dict):
        raise ExportError(N_("themes file {path}: must be an object of theme → list of "
                            "tags"), path=where)
    themes: dict[str, tuple[str, ...]] = {}
    for theme, spellings in data.items():
        if not theme.strip():
            raise ExportError(N_("themes file {path}: a theme has an empty name"),
                              path=where)
        if not isinstance(spellings, list) or not all(isinstance(s, str) for s in spellings):
            raise ExportError(N_("themes file {path}: theme {theme} must map to a list of tags "
                                "(strings)"), path=where, theme=repr(visible(theme)))
        themes[theme.strip()] = tuple(spellings)
    return ThemeMap(themes)
