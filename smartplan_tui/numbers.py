"""Numbers for people: the one way SmartPlan writes a score, a mean, a budget or a minute count.

Shared by the vote explanations, the command line's tables, the results JSON, the reports and
the screens, so `2.5` dots never read `2.50` in one place and `2.5` in another. Rounding comes
first and trailing zeros go after it: `2.996` is `3`, never `3.` or `3.00`. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["format_column", "format_number", "rounded"]


def rounded(value: float, places: int = 2) -> int | float:
    """`value` rounded to `places` decimals, as an `int` when that is whole (`2.996` → `3`).

    What JSON output writes, so a whole score is `3`, not `3.0`.
    """
    number = round(float(value), places)
    return int(number) if number.is_integer() else number


def format_number(value: float, places: int = 2, *, grouped: bool = False) -> str:
    """`3`, `2.5`, `3.33`: at most `places` decimals and no trailing zeros.

    `grouped` puts thousands separators in (`12,000`), as the reports do for budgets.
    """
    number = rounded(value, places)
    if isinstance(number, int):
        return f"{number:,}" if grouped else str(number)
    # Not whole after rounding, so at least one decimal is not zero: only zeros are stripped.
    return (f"{number:,.{places}f}" if grouped else f"{number:.{places}f}").rstrip("0")


def format_column(values: Sequence[float], places: int = 2) -> list[str]:
    """A column of scores whose decimal points line up: whole numbers stay whole (`4`, `3`),
    otherwise every value gets `places` decimals (`11.50`, `8.00`)."""
    numbers = [rounded(value, places) for value in values]
    if all(isinstance(number, int) for number in numbers):
        return [str(number) for number in numbers]
    return [f"{number:.{places}f}" for number in numbers]
