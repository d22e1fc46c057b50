"""What a person reads for a value of the model: one place for every label of a fixed value.

Quadrants, TOWS types, session kinds, action and vote statuses, counting methods and the
exercises an agenda names are stored as machine values (`strengths`, `in-progress`, `irv`),
which scripts and the CSV keep. Reports and screens show them through these functions, in
the current language (`i18n.current_language()`): the constants are marked with `N_()` and
translated when read, so one module can serve a Lithuanian report and an English screen.
Planners' own words are used: SWOT is SVID in Latvian and SSGG in Lithuanian; TOWS types keep
their letters; counting methods keep their authors' names (Borda, Schulze).
"""

from __future__ import annotations

from smartplan_tui.i18n import N_, _
from smartplan_tui.model import (
    DEFAULT_CONSENT_PURPOSES,
    ActionStatus,
    ConsentPurpose,
    Quadrant,
    SessionKind,
    TieRule,
    TowsType,
    VoteMethod,
    VoteStatus,
)

__all__ = [
    "ACTION_STATUS_NAMES",
    "BALLOT_KIND_NAMES",
    "CONSENT_WAY_NAMES",
    "CRITERION_NAMES",
    "EXERCISE_NAMES",
    "KIND_NAMES",
    "METHOD_NAMES",
    "QUADRANT_NAMES",
    "SWOT_NAME",
    "TIE_RULE_NAMES",
    "TOWS_NAME",
    "VOTE_STATUS_NAMES",
    "action_status_name",
    "ballot_kind_name",
    "consent_purpose_name",
    "consent_purpose_text",
    "consent_way_name",
    "criterion_name",
    "exercise_name",
    "kind_name",
    "method_name",
    "quadrant_name",
    "swot_name",
    "tie_rule_name",
    "tows_meaning",
    "tows_type_label",
    "vote_status_name",
]

SWOT_NAME = N_("SWOT")
TOWS_NAME = N_("TOWS")

QUADRANT_NAMES: dict[Quadrant, str] = {
    Quadrant.STRENGTHS: N_("Strengths"),
    Quadrant.WEAKNESSES: N_("Weaknesses"),
    Quadrant.OPPORTUNITIES: N_("Opportunities"),
    Quadrant.THREATS: N_("Threats"),
}

KIND_NAMES: dict[SessionKind, str] = {
    SessionKind.WORKSHOP: N_("Workshop"),
    SessionKind.INNOVATION_CAMP: N_("Innovation camp"),
    SessionKind.STUDY_VISIT: N_("Study visit"),
    SessionKind.CONFERENCE: N_("Conference"),
    SessionKind.MEETING: N_("Meeting"),
}

#: Lower case: a status is read inside a sentence or a table cell (`in progress`).
ACTION_STATUS_NAMES: dict[ActionStatus, str] = {
    ActionStatus.PLANNED: N_("planned"),
    ActionStatus.IN_PROGRESS: N_("in progress"),
    ActionStatus.DONE: N_("done"),
    ActionStatus.DROPPED: N_("dropped"),
}

VOTE_STATUS_NAMES: dict[VoteStatus, str] = {
    VoteStatus.OPEN: N_("open"),
    VoteStatus.CLOSED: N_("closed"),
}

METHOD_NAMES: dict[VoteMethod, str] = {
    VoteMethod.DOT: N_("Dot voting"),
    VoteMethod.BORDA: N_("Borda count"),
    VoteMethod.SCHULZE: N_("Schulze method"),
    VoteMethod.IRV: N_("Instant-runoff"),
    VoteMethod.SCORE: N_("Score voting"),
}

#: What a score vote's default criteria (`model.Vote.criteria`) are called; a facilitator's
#: own criteria are shown as typed.
CRITERION_NAMES: dict[str, str] = {"impact": N_("impact"), "feasibility": N_("feasibility")}

#: What a ballot holds (`Ballot.kind`, `VoteMethod.ballot_kind`), as a message names it.
BALLOT_KIND_NAMES: dict[str, str] = {
    "dots": N_("dots"), "ranking": N_("ranking"), "scores": N_("scores"),
}

#: What the default consent purposes are called; a profile's own purposes show their id.
CONSENT_PURPOSE_NAMES: dict[str, str] = {
    "attendance": N_("Attendance"), "photos": N_("Photos"), "contact": N_("Contact"),
}

#: How a consent was given (`model.CONSENT_WAYS`), as the consent form offers it.
CONSENT_WAY_NAMES: dict[str, str] = {
    "form": N_("on the form"), "paper": N_("on paper"), "verbal": N_("verbally"),
}

#: What an agenda item's `exercise` is called (`voting` → Voting); other values as written.
EXERCISE_NAMES: dict[str, str] = {
    "swot": SWOT_NAME, "tows": TOWS_NAME, "voting": N_("Voting"), "votes": N_("Voting"),
    "actions": N_("Action plan"), "participants": N_("Participants"), "notes": N_("Notes"),
}


def swot_name() -> str:
    """`SWOT`, `SVID`, `SSGG`: what planners call the analysis."""
    return _(SWOT_NAME)


def quadrant_name(quadrant: Quadrant) -> str:
    """`Strengths`, `Stiprās puses`, `Stiprybės`."""
    return _(QUADRANT_NAMES[quadrant])


def tows_meaning(kind: TowsType) -> str:
    """What the letters stand for: `Strengths–Opportunities` for SO."""
    internal, external = kind.quadrants
    return f"{quadrant_name(internal)}\u2013{quadrant_name(external)}"


def tows_type_label(kind: TowsType) -> str:
    """`SO (Strengths–Opportunities)`: the letters everyone knows, then their meaning."""
    return f"{kind.value} ({tows_meaning(kind)})"


def kind_name(kind: SessionKind) -> str:
    """`Innovation camp`, `Inovāciju nometne`, `Inovacijų stovykla`."""
    return _(KIND_NAMES[kind])


def action_status_name(status: ActionStatus) -> str:
    """`in progress`, `tiek īstenota`, `vykdomas`."""
    return _(ACTION_STATUS_NAMES[status])


def vote_status_name(status: VoteStatus) -> str:
    """`open` or `closed`, in the current language."""
    return _(VOTE_STATUS_NAMES[status])


#: What the facilitator decided about ties, as the vote's form and its results say it.
TIE_RULE_NAMES: dict[TieRule, str] = {
    TieRule.REPORT: N_("Report ties as ties"),
    TieRule.OPTION_ORDER: N_("Option listed first goes first"),
    TieRule.FACILITATOR: N_("Facilitator's order"),
}


def tie_rule_name(rule: TieRule) -> str:
    """`Report ties as ties` in the current language."""
    return _(TIE_RULE_NAMES[rule])


def method_name(method: VoteMethod) -> str:
    """`Borda count`, `Bordas metode`, `Borda metodas`."""
    return _(METHOD_NAMES[method])


def ballot_kind_name(kind: str) -> str:
    """`dots`, `ranking` or `scores` in the current language (`punkti`, `ranžējums`)."""
    known = BALLOT_KIND_NAMES.get(kind)
    return _(known) if known is not None else kind


def exercise_name(exercise: str) -> str:
    """The exercise an agenda item names, by its label; a value not known as written."""
    known = EXERCISE_NAMES.get(exercise)
    return _(known) if known is not None else exercise


def criterion_name(criterion: str) -> str:
    """A default criterion of a score vote in the current language (`impact` → `ietekme`);
    a facilitator's own as typed."""
    known = CRITERION_NAMES.get(criterion)
    return _(known) if known is not None else criterion


def consent_purpose_name(purpose: ConsentPurpose) -> str:
    """A default purpose by its translated name; a purpose a profile defines by its own id."""
    if purpose in DEFAULT_CONSENT_PURPOSES:
        return _(CONSENT_PURPOSE_NAMES[purpose.id])
    return purpose.id


def consent_way_name(way: str) -> str:
    """How a consent was given (`paper` → `on paper`, `uz papīra`); another value as written."""
    known = CONSENT_WAY_NAMES.get(way)
    return _(known) if known is not None else way


def consent_purpose_text(purpose: ConsentPurpose) -> str:
    """A default purpose's statement in the current language; a profile's own as written."""
    return _(purpose.text) if purpose in DEFAULT_CONSENT_PURPOSES else purpose.text
