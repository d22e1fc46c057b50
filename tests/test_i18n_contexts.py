"""One short English word with two senses gets two translations, and the hub refuses in the
room's language.

"Start" names a date field (a noun) and the agenda's key (a verb); Latvian and Lithuanian
need a different word for each, so they are marked with `pgettext` and a context. A
participant's phone shows the hub's refusals, so those are translated too, while the JSON
field names they mention stay as the API spells them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from smartplan_tui.hub.forms import ballot_doc
from smartplan_tui.hub.room_view import Refused, parse_swot
from smartplan_tui.i18n import npgettext, pgettext, writing_in

SENSES = {
    "lv": {("field", "Start"): "Sākums", ("key", "Start"): "Sākt", ("key", "Type"): "Rakstīt"},
    "lt": {("field", "Start"): "Pradžia", ("key", "Start"): "Pradėti",
           ("key", "Type"): "Rašyti"},
}


@pytest.mark.parametrize("language", ["lv", "lt"])
def test_a_field_and_a_key_of_the_same_english_word_read_differently(language: str) -> None:
    with writing_in(language):
        for (context, message), expected in SENSES[language].items():
            assert pgettext(context, message) == expected
        assert pgettext("field", "Start") != pgettext("key", "Start")
    with writing_in("en"):
        assert pgettext("field", "Start") == pgettext("key", "Start") == "Start"
        assert npgettext("key", "{n} vote", "{n} votes", 2) == "{n} votes"


#: Run in a process of its own: class-level texts are translated when the screens are imported.
_READ_SENSES = """
from smartplan_tui.i18n import set_interface_language
set_interface_language("lv")
from smartplan_tui.screens.action_form import _TEXT_FIELDS
from smartplan_tui.screens.session import SessionScreen
from smartplan_tui.screens.swot_board import SwotBoardScreen
keys = {b.id: b.description for cls in (SessionScreen, SwotBoardScreen) for b in cls.BINDINGS
        if not isinstance(b, tuple)}
print(dict((n, label) for n, label, _hint in _TEXT_FIELDS)["start"])
print(keys["agenda_start"], keys["swot_capture"], sep="\\n")
"""


def test_the_screens_use_the_field_sense_and_the_key_sense_in_latvian() -> None:
    done = subprocess.run([sys.executable, "-c", _READ_SENSES], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["Sākums", "Sākt", "Rakstīt"]


@pytest.mark.parametrize(("language", "expected"), [
    ("lv", "vārds: 101 rakstzīme; drīkst ne vairāk kā 100"),
    ("lt", "vardas: 101 simbolis; leidžiama ne daugiau kaip 100"),
    ("en", "name: is 101 characters long; at most 100"),
])
def test_a_refusal_reads_in_the_language_and_names_the_field_as_the_form_does(
        language: str, expected: str) -> None:
    with writing_in(language), pytest.raises(Refused) as refused:
        parse_swot({"quadrant": "S", "text": "Ostas", "name": "x" * 101})
    assert refused.value.message == expected


def test_a_plain_form_refusal_is_latvian_and_quotes_what_was_typed() -> None:
    with writing_in("lv"), pytest.raises(Refused) as refused:
        ballot_doc({"vote": "v1", "dots.A": "trīs"}, None)
    assert refused.value.message == "punkti.A: 'trīs' nav vesels skaitlis"
