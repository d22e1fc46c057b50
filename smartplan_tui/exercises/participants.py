"""The participant register: counts by country and organisation, and CSV import.

CSV import validates every row before anything is stored: a bad row is reported as
`people.csv line 4: country: 'Latvia' is not a two-letter country code`, and nothing of
the file is added, so a half-imported list never needs cleaning up.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence

from smartplan_tui.exercises.consent import consent_columns, consent_from_row
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import DEFAULT_CONSENT_PURPOSES, ModelError, Participant

__all__ = ["CSV_FIELDS", "count_by", "parse_csv"]

#: The columns read from a CSV file (a header row names them; order does not matter).
CSV_FIELDS = ("name", "organisation", "country", "role", "email")

#: The purposes a CSV's consent columns may name when no profile says otherwise.
DEFAULT_PURPOSE_IDS = tuple(p.id for p in DEFAULT_CONSENT_PURPOSES)

_ALIASES = {"organization": "organisation", "org": "organisation", "e-mail": "email",
            "mail": "email"}


def count_by(participants: Iterable[Participant], field: str) -> dict[str, int]:
    """`country` or `organisation` → how many people, most first; blank counts as ""."""
    counts = Counter(getattr(p, field) for p in participants)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def parse_csv(text: str, source: str = "CSV",
              purposes: Sequence[str] = DEFAULT_PURPOSE_IDS) -> list[Participant]:
    """Participants from CSV text with a header row; ids are `new1`, `new2`, … (drafts).

    A country is upper-cased (`lv` → `LV`); empty rows are skipped. Consent comes from
    `consent_<purpose>` columns (`exercises.consent.consent_from_row`). Any problem raises
    ModelError naming the source, line and field.
    """
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], ",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), dialect)
    rows = list(reader)
    if not rows:
        raise ModelError(source, _("is empty"))
    header = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    if "name" not in header:
        raise ModelError(_("{source} line {line}").format(source=source, line=1), _(
            "needs a header row with a 'name' column (columns: {columns})").format(
                columns=", ".join(CSV_FIELDS)))
    known = (*CSV_FIELDS, *consent_columns(purposes))
    unknown = [h for h in header if h and h not in known]
    if unknown:
        raise ModelError(_("{source} line {line}").format(source=source, line=1), _(
            "unknown column {column!r} (known: {known})").format(column=unknown[0],
                                                                known=", ".join(known)))
    people: list[Participant] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ModelError(_("{source} line {line}").format(source=source, line=line),
                             ngettext("has {cells} cell; the header names {n}",
                                      "has {cells} cells; the header names {n}",
                                      len(row)).format(cells=len(row), n=len(header)))
        cells = {h: cell.strip() for h, cell in zip(header, row, strict=False) if h}
        values = {h: v for h, v in cells.items() if h in CSV_FIELDS}
        values["country"] = values.get("country", "").upper()
        try:
            people.append(Participant(id=f"new{len(people) + 1}", **values,
                                      consent=consent_from_row(cells, purposes)))
        except ModelError as error:
            raise ModelError(_("{source} line {line}").format(source=source, line=line),
                             str(error)) from None
    return people
