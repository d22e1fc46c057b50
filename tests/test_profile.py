"""The project profile: kept once in the data home, overridable per session, set from the
command line and the app, and printed by every document (logos, project, disclaimer)."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from docx_readback import body_text, open_docx
from lxml import etree
from PIL import Image
from tui_support import settle
from typer.testing import CliRunner

from smartplan_tui import exports
from smartplan_tui.app import make_app
from smartplan_tui.cli import app
from smartplan_tui.model import (
    DEFAULT_CONSENT_PURPOSES,
    ConsentPurpose,
    ModelError,
    ProjectProfile,
    SessionInfo,
)
from smartplan_tui.screens.profile_form import ProfileScreen
from smartplan_tui.store import SessionStore, document_to_session, session_to_document
from smartplan_tui.store.codec import INFO, encode

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DISCLAIMER = "Co-funded by the European Union. The contents are the sole responsibility of us."


def _cli(home: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--home", str(home), *args])
    return result.exit_code, result.stdout, result.stderr


def _logo(path: Path, colour: str = "navy", fmt: str = "PNG") -> Path:
    Image.new("RGB", (120, 40), colour).save(path, fmt)
    return path


def _part(path: Path, prefix: str) -> list[bytes]:
    with zipfile.ZipFile(path) as package:
        return [package.read(n) for n in sorted(package.namelist()) if n.startswith(prefix)]


# ---------------------------------------------------------------- model and codec


def test_session_fields_are_encoded_only_when_set() -> None:
    plain = SessionInfo("w", "Workshop")
    assert set(encode(plain)) == {"id", "title", "kind", "date", "place", "region",
                                  "facilitator", "language"}
    camp = SessionInfo("c", "Camp", date=date(2027, 5, 12), end_date=date(2027, 5, 13),
                       start_time=time(9, 30), end_time=time(17, 0),
                       profile=ProjectProfile(acronym="CoFu"))
    doc = encode(camp)
    assert (doc["end_date"], doc["start_time"], doc["end_time"]) == ("2027-05-13", "09:30",
                                                                    "17:00")
    assert doc["profile"] == {"acronym": "CoFu"}
    assert INFO.decode("session", doc) == camp


def test_an_end_date_before_the_start_is_refused() -> None:
    with pytest.raises(ModelError, match=r"session\.end_date: is before the start date"):
        SessionInfo("c", "Camp", date=date(2027, 5, 12), end_date=date(2027, 5, 11))
    with pytest.raises(ModelError, match=r"session\.end_date: needs a start date"):
        SessionInfo("c", "Camp", end_date=date(2027, 5, 11))
    with pytest.raises(ModelError, match="not a time of day"):
        INFO.decode("session", {"id": "c", "title": "C", "start_time": "9"})


def test_a_time_of_day_is_read_as_people_write_it_and_kept_as_hh_mm() -> None:
    from smartplan_tui.model import parse_time

    assert [parse_time(t) for t in ("9:00", "09:00", "9.00", "17:45:30")] == [
        time(9, 0), time(9, 0), time(9, 0), time(17, 45, 30)]
    for bad in ("9", "24:00", "9:5", "09:30+02:00", "9h30", "٩:٣٠"):
        with pytest.raises(ModelError, match="is not a time of day"):
            parse_time(bad)
    read = INFO.decode("session", {"id": "c", "title": "C", "start_time": "9:00"})
    assert encode(read)["start_time"] == "09:00"


def test_a_session_profile_round_trips_through_the_interchange_format() -> None:
    from smartplan_tui.model import Session

    info = SessionInfo("c", "Camp", profile=ProjectProfile(
        project="Coastal Futures", partners=("Klaipėda Region",),
        consent_purposes=(ConsentPurpose("photos", "Photos may be published."),)))
    session = Session(info=info)
    assert document_to_session(session_to_document(session)) == session


def test_the_session_profile_overrides_the_home_field_by_field() -> None:
    home = ProjectProfile(project="Coastal Futures", acronym="CoFu", author="Anna")
    own = ProjectProfile(author="Ilze")
    merged = own.over(home)
    assert (merged.project, merged.acronym, merged.author) == ("Coastal Futures", "CoFu", "Ilze")
    assert merged.purposes == DEFAULT_CONSENT_PURPOSES
    assert [p.id for p in DEFAULT_CONSENT_PURPOSES] == ["attendance", "photos", "contact"]


# ---------------------------------------------------------------- command line


def test_profile_set_show_and_logo_from_the_command_line(home: Path, tmp_path: Path) -> None:
    assert _cli(home, "profile", "set", "project", "Coastal Futures")[0] == 0
    assert _cli(home, "profile", "set", "partners", "Klaipėda Region; Zemgale")[0] == 0
    assert _cli(home, "profile", "set", "consent_purposes",
                "photos=Photos may be published; contact=We may write to you")[0] == 0
    code, out, _ = _cli(home, "profile", "logo", str(_logo(tmp_path / "interreg.png")))
    assert (code, out.strip()) == (0, "logos: interreg.png")
    shown = json.loads(_cli(home, "profile", "show", "--json")[1])
    assert shown["project"] == "Coastal Futures"
    assert shown["partners"] == "Klaipėda Region; Zemgale"
    assert shown["consent_purposes"] == "photos=Photos may be published; contact=We may write to you"
    saved = home / "profile.json"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "logos" / "interreg.png").stat().st_mode) == 0o600
    assert json.loads(saved.read_text())["logos"] == ["interreg.png"]


def test_a_session_profile_is_set_with_session(home: Path) -> None:
    _cli(home, "new", "Camp", "--id", "camp")
    _cli(home, "profile", "set", "project", "Coastal Futures")
    assert _cli(home, "profile", "set", "author", "Ilze", "--session", "camp")[0] == 0
    assert SessionStore(home).load("camp").info.profile == ProjectProfile(author="Ilze")
    assert not json.loads(_cli(home, "profile", "show", "--json")[1])["author"]
    shown = json.loads(_cli(home, "profile", "show", "--session", "camp", "--json")[1])
    assert (shown["project"], shown["author"]) == ("Coastal Futures", "Ilze")
    assert _cli(home, "profile", "set", "author", "", "--session", "camp")[0] == 0
    assert SessionStore(home).load("camp").info.profile is None


def test_a_bad_key_or_a_logo_that_is_no_image_is_one_line(home: Path, tmp_path: Path) -> None:
    code, _, err = _cli(home, "profile", "set", "colour", "blue")
    assert code == 1 and err.count("\n") == 1
    assert "'colour' is not a profile field" in err
    text = tmp_path / "logo.png"
    text.write_text("not an image")
    code, _, err = _cli(home, "profile", "logo", str(text))
    assert code == 1 and err.count("\n") == 1
    assert f"logo {text}: not a PNG, JPEG or GIF image" in err
    assert not (home / "logos").exists() and not (home / "profile.json").exists()


# ---------------------------------------------------------------- documents


@pytest.fixture
def profiled(demo_store: SessionStore, tmp_path: Path) -> SessionStore:
    files = demo_store.profile
    files.save(ProjectProfile(project="Coastal Futures", acronym="CoFu", number="LL-00123",
                              programme="Interreg VI-A Latvia–Lithuania Programme 2021–2027",
                              organiser="Kurzeme Planning Region", disclaimer=DISCLAIMER,
                              author="Report Author"))
    files.add_logo(_logo(tmp_path / "interreg.png"))
    files.add_logo(_logo(tmp_path / "partner.jpg", "red", "JPEG"))
    return demo_store


def _header_and_footer(path: Path) -> tuple[etree._Element, etree._Element]:
    header, *_ = [etree.fromstring(x) for x in _part(path, "word/header")]
    footer, *_ = [etree.fromstring(x) for x in _part(path, "word/footer")]
    return header, footer


@pytest.mark.parametrize("fmt", ["docx", "attendance"])
def test_every_document_carries_the_logos_project_and_disclaimer(
        profiled: SessionStore, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out-{fmt}.docx"
    code, _, err = _cli(profiled.home, "export", "coast-camp", "--format", fmt, "-o", str(target))
    assert code == 0, err
    header, footer = _header_and_footer(target)
    assert len(header.findall(f".//{W}drawing")) == 2
    footer_text = "".join(footer.itertext())
    assert DISCLAIMER in footer_text and "PAGE" in footer_text
    text = body_text(open_docx(target))
    assert "Project: Coastal Futures (CoFu)" in text
    assert "Programme: Interreg VI-A Latvia–Lithuania Programme 2021–2027" in text
    assert "Lead partner: Kurzeme Planning Region" in text
    assert open_docx(target).core_properties.author == "Report Author"
    images = _part(target, "word/media/")
    assert sum(i.startswith(b"\xff\xd8") for i in images) == 1  # the JPEG logo


def test_the_handbook_carries_the_profile(profiled: SessionStore, tmp_path: Path) -> None:
    target = tmp_path / "handbook.docx"
    assert _cli(profiled.home, "handbook", "coast-camp", "-o", str(target))[0] == 0
    header, footer = _header_and_footer(target)
    assert len(header.findall(f".//{W}drawing")) == 2
    assert DISCLAIMER in "".join(footer.itertext())
    assert "Project number: LL-00123" in body_text(open_docx(target))


def test_without_a_profile_no_logo_or_disclaimer_is_added(demo_store: SessionStore,
                                                          tmp_path: Path) -> None:
    target = exports.write_report(demo_store.load("coast-camp"), tmp_path / "plain.docx")
    header, footer = _header_and_footer(target)
    assert header.findall(f".//{W}drawing") == []
    assert "".join(footer.itertext()) == "Page  PAGE 1 of  NUMPAGES 1"
    assert "Project:" not in body_text(open_docx(target))


def test_a_camp_of_two_days_prints_its_dates_and_times(demo_store: SessionStore,
                                                       tmp_path: Path) -> None:
    session = demo_store.load("coast-camp")
    info = replace(session.info, date=date(2027, 5, 12), end_date=date(2027, 5, 13),
                   start_time=time(9, 30), end_time=time(16, 0))
    target = exports.write_report(replace(session, info=info), tmp_path / "camp.docx")
    text = body_text(open_docx(target))
    assert "Date: 12–13 May 2027" in text and "Time: 09:30–16:00" in text


# ---------------------------------------------------------------- the app


async def test_the_profile_screen_saves_the_home_profile(store: SessionStore,
                                                         tmp_path: Path) -> None:
    logo = _logo(tmp_path / "interreg.png")
    app_ = make_app(store.home)
    async with app_.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        form = app_.screen
        assert isinstance(form, ProfileScreen)
        form.query_one("#profile-project").value = "Coastal Futures"  # type: ignore[attr-defined]
        form.query_one("#profile-partners").value = "Klaipėda Region; Zemgale"  # type: ignore[attr-defined]
        form.query_one("#profile-new-logo").value = str(tmp_path / "nope.png")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app_.screen is form
        assert "cannot be read" in str(form.query_one("#form-error").render())
        assert not (store.home / "profile.json").exists()
        form.query_one("#profile-new-logo").value = str(logo)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app_.screen is not form
    saved = SessionStore(store.home).profile.load()
    assert saved.project == "Coastal Futures"
    assert saved.partners == ("Klaipėda Region", "Zemgale")
    assert saved.logos == ("interreg.png",)


async def test_the_profile_is_in_the_command_palette(store: SessionStore) -> None:
    from smartplan_tui.screens.widgets.commands import commands

    app_ = make_app(store.home)
    async with app_.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        names = [c.binding.description for c in commands(app_.screen, app_)]
        assert "Project profile" in names


def test_image_bytes_not_an_image_are_refused_by_the_store(store: SessionStore,
                                                           tmp_path: Path) -> None:
    from smartplan_tui.store import StoreError

    gif = tmp_path / "x.gif"
    gif.write_bytes(io.BytesIO(b"GIF89a" + b"\0" * 20).getvalue())
    assert store.profile.add_logo(gif).logos == ("x.gif",)
    bad = tmp_path / "x.bmp"
    bad.write_bytes(b"BM" + b"\0" * 20)
    with pytest.raises(StoreError, match="not a PNG, JPEG or GIF"):
        store.profile.add_logo(bad)


def test_new_takes_the_days_and_times_of_a_camp(home: Path) -> None:
    code, out, err = _cli(home, "new", "Camp", "--date", "2027-05-12", "--end-date",
                          "2027-05-13", "--start", "09:30", "--end", "16:00")
    assert code == 0, err
    info = SessionStore(home).load(out.strip()).info
    assert (info.end_date, info.start_time, info.end_time) == (date(2027, 5, 13), time(9, 30),
                                                               time(16, 0))
    code, out, err = _cli(home, "new", "Camp", "--start", "9:30", "--end", "16.00")
    assert code == 0, err
    doc = encode(SessionStore(home).load(out.strip()).info)
    assert (doc["start_time"], doc["end_time"]) == ("09:30", "16:00")
    code, _, err = _cli(home, "new", "Camp", "--start", "9h30")
    assert code == 2 and "--start: '9h30' is not a time of day (HH:MM)" in err
    code, _, err = _cli(home, "new", "Camp", "--date", "2027-05-12", "--end-date", "2027-05-01")
    assert code == 1 and "session.end_date: is before the start date" in err
