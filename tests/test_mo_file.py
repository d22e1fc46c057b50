"""The fast catalogue reader answers exactly as the standard library's gettext does."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from smartplan_tui.i18n import DOMAIN, LOCALE_DIR
from smartplan_tui.mo_file import read_catalogue

LANGUAGES = ("lv", "lt")


def _mo(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_and_plural_form_is_what_gettext_gives(language: str) -> None:
    ours = read_catalogue(_mo(language))
    theirs = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
    catalog: dict[object, str] = theirs._catalog  # type: ignore[attr-defined]
    checked = 0
    for key in catalog:
        if key == "":
            continue
        if isinstance(key, tuple):
            singular = key[0]
            assert isinstance(singular, str)
            context, _, text = singular.rpartition("\x04")
            for n in range(130):
                if context:
                    assert ours.npgettext(context, text, "P", n) == theirs.npgettext(
                        context, text, "P", n)
                else:
                    assert ours.ngettext(text, "P", n) == theirs.ngettext(text, "P", n)
        else:
            assert isinstance(key, str)
            context, _, text = key.rpartition("\x04")
            if context:
                assert ours.pgettext(context, text) == theirs.pgettext(context, text)
            else:
                assert ours.gettext(text) == theirs.gettext(text)
        checked += 1
    assert checked > 1000
    assert ours.gettext("Not a message of ours") == "Not a message of ours"
    assert (ours.ngettext("{n} thing", "{n} things", 1),
            ours.ngettext("{n} thing", "{n} things", 5)) == ("{n} thing", "{n} things")


def test_a_damaged_catalogue_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "x.mo"
    damaged.write_bytes(_mo("lv").read_bytes()[:400])
    with pytest.raises(ValueError, match="catalogue"):
        read_catalogue(damaged)
    damaged.write_bytes(b"not a catalogue at all")
    with pytest.raises(ValueError, match="not a compiled catalogue"):
        read_catalogue(damaged)
