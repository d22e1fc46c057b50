"""Dates for people: the one way a report writes a day, a range of days or a moment.

In the current language (`i18n.current_language()`), by Babel's patterns for it:
`1 December 2026`, `2026. gada 1. decembris`, `2026 m. gruodžio 1 d.`. Table cells get the
short numeric form (`2027-06-30`, `30.06.2027.`). English keeps ISO dates in tables, which
no reader of either side of the Atlantic misreads. What scripts read (the CSV, JSON) stays
ISO and never comes through here.
"""

from __future__ import annotations

from datetime import date, datetime

from smartplan_tui.i18n import current_language
from smartplan_tui.numbers import babel_locale

__all__ = ["date_range", "day_and_month", "long_date", "moment", "short_date"]

#: The numeric date of a table cell, where it is not ISO (Babel's own skeleton for Latvian
#: drops the leading zero of the day only): Babel's `dd.MM.y.`, written with `strftime`,
#: since screens show it too and importing Babel would cost them ~40 ms.
_SHORT = {"lv": "%d.%m.%Y."}


def long_date(value: date | None) -> str:
    """`1 December 2026`, `2026. gada 1. decembris`, `2026 m. gruodžio 1 d.`; `` for None."""
    if value is None:
        return ""
    from babel.dates import format_date

    return format_date(value, "long", locale=babel_locale(current_language()))


def short_date(value: date | None) -> str:
    """`2027-06-30` (English and Lithuanian), `30.06.2027.` (Latvian); `` for None."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    pattern = _SHORT.get(current_language())
    return day.isoformat() if pattern is None else day.strftime(pattern)


def moment(value: datetime | None) -> str:
    """A note's time: `2026-12-01 10:36`, `01.12.2026. 10:36`; `` for None."""
    if value is None:
        return ""
    return f"{short_date(value)} {value:%H:%M}"


def day_and_month(value: date) -> str:
    """`1 Dec`, `1. dec.`, `12-01`: a day within a year the reader already knows."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", value, locale=babel_locale(current_language()))


def date_range(start: date | None, end: date | None) -> str:
    """`12 May 2026`, `12–13 May 2026`, `30 May 2026 – 1 June 2026` (each language's own)."""
    if start is None:
        return ""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        from babel.dates import format_date

        # The long date with the first day before the last (`1–2 December 2026`, `2026. gada
        # 1.–2. decembris`, `2026 m. gruodžio 1–2 d.`): Babel's own ranges abbreviate the month.
        found = babel_locale(current_language())
        return format_date(end, _with_first_day(found.date_formats["long"].pattern, start.day),
                           locale=found)
    return f"{long_date(start)} \u2013 {long_date(end)}"


def _with_first_day(pattern: str, day: int) -> str:
    """A CLDR date pattern whose day field (`d`, outside quotes) reads `{day}–d`, with the
    language's own mark after a day number (`1.` in Latvian) kept after both."""
    parts = pattern.split("'")
    for index in range(0, len(parts), 2):  # even pieces are outside quotes
        piece = parts[index]
        if "d" in piece:
            after_day = "." if piece.split("d", 1)[1].startswith(".") else ""
            parts[index] = piece.replace("d", f"'{day}{after_day}\u2013'd", 1)
            break
    return "'".join(parts)
