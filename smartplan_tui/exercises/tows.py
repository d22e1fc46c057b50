"""TOWS: strategies that combine an internal factor with an external one.

SO uses strengths to seize opportunities, ST uses strengths against threats, WO overcomes
weaknesses through opportunities, WT limits weaknesses and avoids threats. A strategy's
type must match what it links: an SO links at least one strength and one opportunity, and
nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from smartplan_tui.collection_registry import SWOT
from smartplan_tui.i18n import _
from smartplan_tui.labels import quadrant_name
from smartplan_tui.model import ModelError, Quadrant, Session, SwotItem, TowsStrategy, TowsType
from smartplan_tui.records import record
from smartplan_tui.text import quoted

__all__ = [
    "Combination",
    "by_type",
    "empty_combinations",
    "infer_type",
    "make_strategy",
    "problems",
]


def _article(kind: TowsType) -> str:
    return "an" if kind.value[0] == "S" else "a"  # "an ess-oh", "a double-u-oh"


def _in_sentence(quadrant: Quadrant) -> str:
    """A quadrant's name inside a sentence: `strengths`, `stiprās puses`, `stiprybės`."""
    return quadrant_name(quadrant).lower()


def infer_type(quadrants: Iterable[Quadrant]) -> TowsType | None:
    """The type a set of linked quadrants makes: one internal plus one external, else None."""
    present = set(quadrants)
    internal = [q for q in present if q.internal]
    external = [q for q in present if not q.internal]
    if len(internal) != 1 or len(external) != 1:
        return None
    return TowsType(internal[0].letter + external[0].letter)


def problems(strategy: TowsStrategy, session: Session) -> list[str]:
    """Why the strategy does not fit its links (empty when it does)."""
    internal, external = strategy.type.quadrants
    found: set[Quadrant] = set()
    found_problems: list[str] = []
    for link in strategy.links:
        item = session.find(SWOT, link)
        if not isinstance(item, SwotItem):
            found_problems.append(_("links {link!r}, which is no SWOT item").format(link=link))
            continue
        found.add(item.quadrant)
        if item.quadrant not in (internal, external):
            found_problems.append(_(
                "{item} is one of the {quadrant}; {article} {type} strategy combines "
                "{internal} with {external}").format(
                    item=quoted(item.text), quadrant=_in_sentence(item.quadrant),
                    article=_article(strategy.type), type=strategy.type.value,
                    internal=_in_sentence(internal), external=_in_sentence(external)))
    for quadrant in (internal, external):
        if quadrant not in found:
            found_problems.append(_("{article} {type} strategy needs at least one of the "
                                    "{quadrant}").format(article=_article(strategy.type),
                                                         type=strategy.type.value,
                                                         quadrant=_in_sentence(quadrant)))
    return found_problems


def make_strategy(session: Session, id: str, type: TowsType | str | None, text: str,
                  links: Iterable[str]) -> TowsStrategy:
    """A strategy checked against the session's SWOT items; `type` None infers it.

    Raises ModelError naming the first problem (`links`: no SWOT item 'x', a strength in
    a WO strategy, a missing opportunity …).
    """
    link_ids = tuple(links)
    if type is None:
        quadrants = [item.quadrant for link in link_ids
                     if isinstance(item := session.find(SWOT, link), SwotItem)]
        inferred = infer_type(quadrants)
        if inferred is None:
            raise ModelError("type", _("the links do not make one type: link strengths or "
                                       "weaknesses with opportunities or threats"))
        kind = inferred
    else:
        try:
            kind = TowsType(type.upper() if isinstance(type, str) else type)
        except ValueError:
            raise ModelError("type", _("unknown strategy type {type!r} (use SO, ST, WO or WT)"
                                       ).format(type=type)) from None
    strategy = TowsStrategy(id, kind, text, link_ids)
    found = problems(strategy, session)
    if found:
        raise ModelError("links", found[0])
    return strategy


def by_type(strategies: Iterable[TowsStrategy]) -> dict[TowsType, list[TowsStrategy]]:
    """All four types (SO, ST, WO, WT order), each with its strategies in their order."""
    grouped: dict[TowsType, list[TowsStrategy]] = {t: [] for t in TowsType}
    for strategy in strategies:
        grouped[strategy.type].append(strategy)
    return grouped


@record
class Combination:
    """An internal × external pair of SWOT items no strategy of `type` combines yet."""

    type: TowsType
    internal: str
    external: str
    type_empty: bool
    """No strategy of this type exists at all."""
    untouched: int
    """How many of the two items no strategy links yet (0, 1 or 2)."""


def empty_combinations(session: Session) -> list[Combination]:
    """The pairs a facilitator should still discuss, the most neglected first.

    A facilitator walks the TOWS matrix cell by cell (this strength with that
    opportunity …), so the answer is pairs of items, not only types: every (internal,
    external) pair that no strategy of its type links both ends of. Pairs of a type with
    no strategy come first, then pairs whose items no strategy uses, then in type order
    (SO, ST, WO, WT) and the SWOT order. A quadrant without items makes no pairs. Screens
    may show just the first few.
    """
    quadrant_items: dict[Quadrant, list[str]] = {q: [] for q in Quadrant}
    for item in session.swot:
        quadrant_items[item.quadrant].append(item.id)
    covered: dict[TowsType, set[tuple[str, str]]] = {t: set() for t in TowsType}
    used: set[str] = set()
    for strategy in session.tows:
        used.update(strategy.links)
        links = set(strategy.links)
        internal, external = strategy.type.quadrants
        for a in quadrant_items[internal]:
            if a in links:
                covered[strategy.type].update((a, b) for b in quadrant_items[external]
                                              if b in links)
    found: list[tuple[tuple[bool, int, int, int, int], Combination]] = []
    for type_order, kind in enumerate(TowsType):
        internal, external = kind.quadrants
        empty = not covered[kind] and not any(s.type is kind for s in session.tows)
        for i, a in enumerate(quadrant_items[internal]):
            for j, b in enumerate(quadrant_items[external]):
                if (a, b) in covered[kind]:
                    continue
                untouched = (a not in used) + (b not in used)
                combo = Combination(kind, a, b, empty, untouched)
                found.append(((not empty, -untouched, type_order, i, j), combo))
    found.sort(key=lambda pair: pair[0])
    return [combo for _, combo in found]
