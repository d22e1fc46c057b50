"""The .docx files themselves: the session's language on the text (so Word proofs Latvian and
Lithuanian as such), a subject that reads as a sentence, and nothing left of python-docx's
own template (its app.xml, its thumbnail)."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree
from session_factory import rich_session

from smartplan_tui.exports import write_attendance, write_handbook, write_report
from smartplan_tui.exports.docx_document import language_tag

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read(name)


@pytest.mark.parametrize(("language", "tag"), [("lv", "lv-LV"), ("lt", "lt-LT"),
                                               ("en", "en-GB")])
def test_the_text_carries_the_session_language(tmp_path: Path, language: str, tag: str) -> None:
    session = rich_session()
    session = replace(session, info=replace(session.info, language=language))
    for write in (write_report, write_attendance):
        path = write(session, tmp_path / f"{write.__name__}.docx")
        styles = etree.fromstring(_read(path, "word/styles.xml"))
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default is not None and default.get(f"{W}val") == tag
        assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")
                if lang.get(f"{W}val")} == {tag}


def test_language_tags() -> None:
    assert [language_tag(x) for x in ("lv", "LT", "en", "lv-LV", "en-US", "xx", "")] == [
        "lv-LV", "lt-LT", "en-GB", "lv-LV", "en-US", "", ""]


def test_the_subject_is_a_sentence(tmp_path: Path) -> None:
    import docx

    session = rich_session()
    report = docx.Document(str(write_report(session, tmp_path / "r.docx")))
    assert report.core_properties.subject == (
        "Report of the innovation camp \u201cCoastal innovation camp\u201d, held in Liepāja "
        "(Kurzeme) on 1 December 2026.")
    attendance = docx.Document(str(write_attendance(session, tmp_path / "a.docx")))
    assert attendance.core_properties.subject.startswith("Attendance list of the innovation camp")
    handbook = docx.Document(str(write_handbook([session], tmp_path / "h.docx")))
    assert handbook.core_properties.subject == (
        "Handbook of 1 session: Coastal innovation camp.")


def test_no_template_leftovers(tmp_path: Path) -> None:
    path = write_report(rich_session(), tmp_path / "r.docx")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert not any("thumbnail" in name for name in names) and "thumbnail" not in rels
    assert "Macintosh" not in app and "<Application>SmartPlan</Application>" in app
