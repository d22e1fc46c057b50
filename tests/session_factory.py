"""Sessions built straight from the model's dataclasses, for tests in any area.

`rich_session()` has something in every list: participants from three countries, a run
agenda, tagged SWOT items, TOWS strategies, a dot vote with a tie, a Borda vote, a score vote,
actions with and without SMART gaps, decisions, notes and a parking-lot item.
`big_session(n_swot, n_actions)` is the bench's load. `nasty_texts()` are the texts every
writer must carry through: markup-looking, control characters, long, non-Latin.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from smartplan_tui.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Ballot,
    Note,
    NoteKind,
    Participant,
    Quadrant,
    Session,
    SessionInfo,
    SessionKind,
    SwotItem,
    TowsStrategy,
    TowsType,
    Vote,
    VoteMethod,
    VoteOption,
    VoteStatus,
)

__all__ = ["LONG_TEXT", "MARKUP_TEXT", "big_session", "nasty_texts", "rich_session"]

TZ = timezone(timedelta(hours=2))
START = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
MARKUP_TEXT = "[bold]Ferry[/bold] <b>links</b> & *stars* | pipe # hash"
LONG_TEXT = ("Long harbour note. " * 2700)[:50_000]


def nasty_texts() -> dict[str, str]:
    """Texts that must survive every export (the key says what each one tests)."""
    return {
        "markup": MARKUP_TEXT,
        "vertical_tab": "line one\x0bline two",
        "form_feed": "page one\x0cpage two",
        "controls": "bell\x07 and null\x00 and escape\x1b gone",
        "long": LONG_TEXT,
        "latvian": "Liepājas ostas attīstība — ķēde, šķūnis",
        "tab": "before\tafter",
    }


def rich_session(session_id: str = "coast-camp") -> Session:
    info = SessionInfo(id=session_id, title="Coastal innovation camp", kind=SessionKind.INNOVATION_CAMP,
                       date=date(2026, 12, 1), place="Liepāja", region="Kurzeme",
                       facilitator="Ilze Kalniņa", language="en")
    participants = (
        Participant("p1", "Anna Ozola", "Liepāja City Council", "LV", "planner", "anna@example.lv"),
        Participant("p2", "Jonas Petraitis", "Klaipėda University", "LT", "researcher"),
        Participant("p3", "Karin Svensson", "Region Skåne", "SE", "coordinator"),
        Participant("p4", "Mārtiņš Bērziņš", "Kurzeme Planning Region", "LV", "note-taker"),
    )
    agenda = (
        AgendaItem("ag1", "Welcome and goals", 15, "", START, START + timedelta(minutes=20)),
        AgendaItem("ag2", "SWOT of the coast", 45, "swot", START + timedelta(minutes=20),
                   START + timedelta(minutes=60)),
        AgendaItem("ag3", "Priority vote", 30, "voting", START + timedelta(minutes=60),
                   START + timedelta(minutes=95)),
        AgendaItem("ag4", "Action plan", 60, "actions"),
    )
    swot = (
        SwotItem("s1", Quadrant.STRENGTHS, "Ice-free ports in Liepāja and Klaipėda",
                 ("transport", "ports"), "p1"),
        SwotItem("s2", Quadrant.STRENGTHS, "Strong maritime universities", ("education",), "p2"),
        SwotItem("s3", Quadrant.WEAKNESSES, "Slow rail link to the capitals", ("transport",), "p3"),
        SwotItem("s4", Quadrant.WEAKNESSES, MARKUP_TEXT, (), "p4"),
        SwotItem("s5", Quadrant.OPPORTUNITIES, "EU funds for green shipping",
                 ("funding", "transport")),
        SwotItem("s6", Quadrant.OPPORTUNITIES, "Offshore wind in the Baltic", ("energy",), "p2"),
        SwotItem("s7", Quadrant.THREATS, "Young people move away", ("demography",), "p1"),
        SwotItem("s8", Quadrant.THREATS, "line one\x0bline two", ()),
    )
    tows = (
        TowsStrategy("t1", TowsType.SO, "Green ferry corridor Liepāja–Klaipėda", ("s1", "s5")),
        TowsStrategy("t2", TowsType.WT, "Regional rail lobby", ("s3", "s7")),
    )
    dot_vote = Vote(
        "v1", "Which strategy should we fund first?", VoteMethod.DOT,
        (VoteOption("A", "Green ferry corridor", "t1"), VoteOption("B", "Regional rail lobby", "t2"),
         VoteOption("C", "Wind skills academy")),
        dots_per_voter=3,
        ballots=(Ballot("p1", dots={"A": 2, "B": 1}), Ballot("p2", dots={"A": 1, "C": 2}),
                 Ballot("p3", dots={"B": 2, "C": 1}), Ballot("p4", dots={"A": 1})),
        status=VoteStatus.CLOSED)
    borda_vote = Vote(
        "v2", "Which skills gap matters most?", VoteMethod.BORDA,
        (VoteOption("A", "Welders"), VoteOption("B", "Port logistics"), VoteOption("C", "Data")),
        ballots=(Ballot("p1", ranking=("B", "A", "C")), Ballot("p2", ranking=("B", "C")),
                 Ballot(ranking=("A", "B", "C"))))
    score_vote = Vote(
        "v3", "How good are the project ideas?", VoteMethod.SCORE,
        (VoteOption("A", "Harbour festival"), VoteOption("B", "Shared data portal")),
        ballots=(Ballot("p1", scores={"A": {"impact": 4, "feasibility": 5},
                                      "B": {"impact": 2, "feasibility": 2}}),
                 Ballot("p2", scores={"A": {"impact": 5, "feasibility": 3},
                                      "B": {"impact": 3, "feasibility": 1}})))
    actions = (
        Action("a1", "Apply for Interreg funding", "Joint application for the ferry corridor",
               "v1:A", "Anna Ozola", ("Klaipėda University", "Region Skåne"), date(2027, 1, 10),
               date(2027, 6, 30), 12000, "applications submitted", "0", "1",
               ActionStatus.IN_PROGRESS),
        Action("a2", "Rail lobby letter", priority="v1:B", owner="Karin Svensson",
               due=date(2027, 3, 1)),
        Action("a3", MARKUP_TEXT, budget_eur=2500.5, status=ActionStatus.PLANNED),
    )
    notes = (
        Note("n1", START + timedelta(minutes=5), "Goal: a shared action plan by noon.",
             author="p4", agenda_item="ag1"),
        Note("n2", START + timedelta(minutes=96), "We fund the green ferry corridor first.",
             NoteKind.DECISION, "p1", "ag3"),
        Note("n3", START + timedelta(minutes=97), "Ask the ministry about rail timetables.",
             NoteKind.PARKING_LOT, "p3"),
        Note("n4", START + timedelta(minutes=98), LONG_TEXT, NoteKind.NOTE, "p4"),
    )
    return Session(info, participants, agenda, swot, tows, (dot_vote, borda_vote, score_vote),
                   actions, notes)


def big_session(n_swot: int = 10_000, n_actions: int = 1_000) -> Session:
    """The bench's load: `n_swot` tagged SWOT items and `n_actions` complete actions."""
    base = rich_session("big-session")
    quadrants = list(Quadrant)
    swot = tuple(SwotItem(f"s{i}", quadrants[i % 4],
                          f"Item {i}: the harbour needs better links to the hinterland",
                          (f"tag{i % 7}",), "p1") for i in range(n_swot))
    actions = tuple(Action(f"a{i}", f"Action {i}: improve the ferry link", "Details of the step",
                           "v1:A", "Anna Ozola", ("Region Skåne",), date(2027, 1, 1),
                           date(2027, 12, 31), 1000 + i, "passengers per year", "100", "150",
                           ActionStatus.PLANNED) for i in range(n_actions))
    return replace(base, swot=swot, tows=(), actions=actions)
