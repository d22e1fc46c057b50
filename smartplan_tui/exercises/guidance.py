"""The facilitator's cards: the steps of each method, its timing and the questions to ask.

Pure data, so the cards are translated and tested without a terminal. The texts are marked
with `N_()` here and translated with `_()` where a screen shows them (`card_lines`), in the
interface language of that moment.
"""

from __future__ import annotations

from smartplan_tui.i18n import N_, _
from smartplan_tui.labels import METHOD_NAMES
from smartplan_tui.model import VoteMethod
from smartplan_tui.records import record

__all__ = ["CARDS", "Card", "card_for", "card_lines"]


@record
class Card:
    """One method's card; every text is a message id, translated when shown."""

    title: str
    timing: str
    steps: tuple[str, ...]
    questions: tuple[str, ...]


CARDS: dict[str, Card] = {
    "swot": Card(
        N_("SWOT analysis"),
        N_("About 45 min: 10 writing, 25 sharing, 10 merging and tagging."),
        (N_("Name the scope: which area, which horizon (e.g. the coast, 2030)."),
         N_("Silent writing first, one item per line, 5 min per pair of quadrants."),
         N_("Strengths, weaknesses: inside the region. Opportunities, threats: outside."),
         N_("Read the items aloud; merge duplicates (space, g) and tag themes (t)."),
         N_("Ask for evidence: an item is a fact, not a wish.")),
        (N_("What do we do better than the neighbouring regions?"),
         N_("What holds back firms, ports or young people here?"),
         N_("Which EU, national or cross-border trends could help us?"),
         N_("What could hurt us in five years, and how likely is it?")),
    ),
    "tows": Card(
        N_("TOWS strategies"),
        N_("About 40 min: 10 for each pair of quadrants."),
        (N_("Keep the SWOT in view; pick the 3–5 strongest items per quadrant."),
         N_("SO: use strengths to seize opportunities. WO: fix weaknesses with them."),
         N_("ST: use strengths against threats. WT: shield weaknesses from threats."),
         N_("One strategy per line, starting with a verb, linked to its SWOT items."),
         N_("Look at the empty combinations the screen lists: fill or drop them.")),
        (N_("Which strength lets us take this opportunity first?"),
         N_("Which weakness would stop us, and what removes it?"),
         N_("What can we do across the border that neither side can do alone?")),
    ),
    VoteMethod.DOT.value: Card(
        METHOD_NAMES[VoteMethod.DOT],
        N_("10–15 min: 5 voting, 5–10 discussing the result."),
        (N_("Read every option aloud; merge near-duplicates before voting."),
         N_("Say the budget: how many dots each, how many at most on one option."),
         N_("Everyone votes at once: sticky dots on the wall (w) or phones (Room)."),
         N_("Keep results hidden (h) until the last ballot, then reveal them."),
         N_("Discuss the top three and any surprise before closing (c).")),
        (N_("Is anything missing from the list before we vote?"),
         N_("Why did the top option win: impact or urgency?"),
         N_("Can those who voted against the winner live with it?")),
    ),
    VoteMethod.BORDA.value: Card(
        METHOD_NAMES[VoteMethod.BORDA],
        N_("15–20 min: ranking takes longer than dots."),
        (N_("Each person ranks the options, best first (or only their top few)."),
         N_("Points by place: the last gets 1, the first gets the most."),
         N_("Say that middle places count: a shared second choice can win."),
         N_("Keep results hidden (h) until every ranking is in."),
         N_("If the room doubts the result, compare a recount (r).")),
        (N_("Which option is on everyone's shortlist, even if not first?"),
         N_("Did anyone rank a rival last on purpose?")),
    ),
    VoteMethod.SCHULZE.value: Card(
        METHOD_NAMES[VoteMethod.SCHULZE],
        N_("15–20 min, and 5 more to explain the result."),
        (N_("Each person ranks the options; ties and short lists are allowed."),
         N_("Every pair of options is compared head to head."),
         N_("The winner beats each other option through its strongest chain of wins."),
         N_("Use it when the choice is contested and must be defensible."),
         N_("Show the strongest paths on screen; the report keeps them.")),
        (N_("Which option would win every two-way run-off?"),
         N_("Is the margin so narrow that we should revisit it later?")),
    ),
    VoteMethod.IRV.value: Card(
        METHOD_NAMES[VoteMethod.IRV],
        N_("About 15 min."),
        (N_("Each person ranks the options in order of preference."),
         N_("Count first choices; without a majority the last option drops out."),
         N_("Its ballots go to their next choice; repeat until one has a majority."),
         N_("Good for choosing one lead project or a single priority."),
         N_("Read the rounds aloud so that every elimination is seen to be fair.")),
        (N_("Which option has a majority once the others drop out?"),
         N_("Whose first choice went out first, and where did those votes go?")),
    ),
    VoteMethod.SCORE.value: Card(
        METHOD_NAMES[VoteMethod.SCORE],
        N_("20–30 min for 8–10 options, each scored on impact and on feasibility."),
        (N_("Agree the scale first: 1 very low, 5 very high."),
         N_("Score each option on impact, then on feasibility."),
         N_("Impact: how much it changes the region by the horizon year."),
         N_("Feasibility: money, partners, permits and time within reach."),
         N_("Read the matrix: high on both are quick wins; high impact, hard: plan it.")),
        (N_("Who would fund or lead this, and is it eligible for Interreg?"),
         N_("What would have to be true for this to be feasible?"),
         N_("Which high-impact option are we dismissing too quickly?")),
    ),
    "actions": Card(
        N_("Action plan"),
        N_("30–45 min: about 5 per action."),
        (N_("Start from the winning priorities (a on the votes screen)."),
         N_("One action per line, starting with a verb."),
         N_("Give each action one named owner, not only an institution."),
         N_("Set a due date and an indicator with baseline → target."),
         N_("Note the budget and its source; fill the SMART gaps shown under the table.")),
        (N_("Who will do this, and have they agreed?"),
         N_("How will we know it is done, and by when?"),
         N_("What is the first step next Monday?"),
         N_("What does it need from the other side of the border?")),
    ),
}
"""By exercise name (`swot`, `tows`, `actions`) and by voting method (`VoteMethod` values)."""


def card_for(topic: str) -> Card:
    """The card of an exercise or voting method; an unknown one gets the dot-voting card."""
    return CARDS.get(topic, CARDS["dot"])


def card_lines(card: Card) -> list[tuple[str, str]]:
    """The card as (style, translated line) pairs, in reading order: title, timing, steps,
    questions. The style names the part (`title`, `heading`, `timing`, `step`, `question`)."""
    lines = [("title", _(card.title)), ("timing", _(card.timing)), ("heading", _("Steps"))]
    lines += [("step", f"{number}. {_(step)}") for number, step in enumerate(card.steps, 1)]
    lines.append(("heading", _("Ask the room")))
    lines += [("question", f"• {_(question)}") for question in card.questions]
    return lines
