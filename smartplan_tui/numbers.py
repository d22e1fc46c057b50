"""Numbers for people: the one way SmartPlan writes a score, a mean, a budget or a minute count.

Shared by the vote explanations, the command line's tables, the results JSON, the reports and
the screens, so `2.5` dots never read `2.50` in one place and `2.5` in another. Rounding comes
first and trailing zeros go after it: `2.996` is `3`, never `3.` or `3.00`. No Textual here.

Written in the current language (`i18n.current_language()`: a report's while one is written,
else the interface's), with the separators Babel knows for it: `1,234.5` in English,
`1 234,5` in Latvian and Lithuanian (a no-break space, so a figure never splits at a line
end). Babel is asked once per language, and not at all for English, which is Python's own
form (loading Babel's locale data costs a process some 50 ms); formatting itself is Python's,
which keeps a big report fast. What scripts read (`rounded`, the CSV) is never localised.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from smartplan_tui.i18n import DEFAULT_LANGUAGE, current_language

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["babel_locale", "format_column", "format_money", "format_number", "rounded"]

#: The Babel locale each SmartPlan language writes in (British English: `1 December 2026`).
LOCALES = {"en": "en_GB", "lv": "lv_LV", "lt": "lt_LT"}


@cache
def babel_locale(language: str) -> Locale:
    """The Babel locale of a SmartPlan language, parsed once (parsing costs milliseconds)."""
    from babel import Locale

    return Locale.parse(LOCALES.get(language, LOCALES["en"]))


@cache
def _separators(language: str) -> dict[int, str] | None:
    """How to turn Python's `1,234.5` into the language's form; None when it is the same."""
    if language == DEFAULT_LANGUAGE:
        return None
    from babel.numbers import get_decimal_symbol, get_group_symbol

    found = babel_locale(language)
    decimal, group = get_decimal_symbol(found), get_group_symbol(found)
    if (decimal, group) == (".", ","):
        return None
    return str.maketrans({".": decimal, ",": group})


@cache
def _money_pattern(language: str) -> str:
    """`€{amount}` or `{amount} €`: where the language's currency pattern puts the sign."""
    if language == DEFAULT_LANGUAGE:
        return "\u20ac{amount}"  # Babel's en_GB `¤#,##0.00`, without loading it
    pattern = babel_locale(language).currency_formats["standard"].pattern
    return "\u20ac{amount}" if pattern.lstrip().startswith("\u00a4") else "{amount}\u00a0\u20ac"


def _localised(text: str) -> str:
    table = _separators(current_language())
    return text if table is None else text.translate(table)


def rounded(value: float, places: int = 2) -> int | float:
    """`value` rounded to `places` decimals, as an `int` when that is whole (`2.996` → `3`).

    What JSON output writes, so a whole score is `3`, not `3.0`.
    """
    number = round(float(value), places)
    return int(number) if number.is_integer() else number


def format_number(value: float, places: int = 2, *, grouped: bool = False) -> str:
    """`3`, `2.5` (`2,5` in Latvian), `3.33`: at most `places` decimals, no trailing zeros.

    `grouped` puts thousands separators in (`12,000`; `12 000`), as the reports do for budgets.
    """
    number = rounded(value, places)
    if isinstance(number, int):
        return _localised(f"{number:,}") if grouped else str(number)
    # Not whole after rounding, so at least one decimal is not zero: only zeros are stripped.
    text = (f"{number:,.{places}f}" if grouped else f"{number:.{places}f}").rstrip("0")
    return _localised(text)


def format_money(value: float) -> str:
    """A sum in euros as the language writes it: `€12,500` in English, `12 500 €` in Latvian
    and Lithuanian (Babel's currency pattern), grouped, cents only when there are some, and
    then both digits (`€12,500.50`, never `€12,500.5`)."""
    language = current_language()
    number = rounded(value)
    amount = (format_number(number, grouped=True) if isinstance(number, int)
              else _localised(f"{number:,.2f}"))
    return _money_pattern(language).format(amount=amount)


def format_column(values: Sequence[float], places: int = 2) -> list[str]:
    """A column of scores whose decimal points line up: whole numbers stay whole (`4`, `3`),
    otherwise every value gets `places` decimals (`11.50`, `8.00`)."""
    numbers = [rounded(value, places) for value in values]
    if all(isinstance(number, int) for number in numbers):
        return [str(number) for number in numbers]
    return [_localised(f"{number:.{places}f}") for number in numbers]
