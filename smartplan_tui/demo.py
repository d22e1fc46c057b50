"""The demo session: an innovation camp of Kurzeme and Klaipėda planners, fully worked.

Every feature can be shown on it: participants from both countries, a full SWOT, TOWS
strategies, a dot vote and a ranked vote with ballots, an action plan with SMART gaps
left in on purpose, and notes, decisions and parking-lot items.
"""

from __future__ import annotations

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
from smartplan_tui.store import SessionStore

DEMO_ID = "coast-camp"
_TZ = timezone(timedelta(hours=2))
_DAY = date(2026, 12, 1)

_PEOPLE = [
    ("p1", "Ilze Bērziņa", "Kurzeme Planning Region", "LV", "facilitator", "ilze.berzina@example.lv"),
    ("p2", "Jonas Petrauskas", "Klaipėda Region Development Council", "LT", "note-taker",
     "jonas.petrauskas@example.lt"),
    ("p3", "Kristaps Ozoliņš", "Liepāja City Council", "LV", "planner", "kristaps@example.lv"),
    ("p4", "Rūta Kazlauskienė", "Klaipėda District Municipality", "LT", "planner",
     "ruta.k@example.lt"),
    ("p5", "Dace Kalniņa", "Ventspils Development Agency", "LV", "planner", ""),
    ("p6", "Mindaugas Jankauskas", "Palanga Tourism Centre", "LT", "entrepreneur", ""),
    ("p7", "Līga Āboliņa", "Kuldīga Municipality", "LV", "planner", "liga@example.lv"),
    ("p8", "Eglė Vaitkutė", "Klaipėda University", "LT", "researcher", "egle.v@example.lt"),
]

_SWOT = [
    ("s1", Quadrant.STRENGTHS, "Ice-free ports of Liepāja, Ventspils and Klaipėda", ("ports",), "p3"),
    ("s2", Quadrant.STRENGTHS, "Unspoilt Baltic coastline and dune landscapes", ("tourism",), "p6"),
    ("s3", Quadrant.STRENGTHS, "Klaipėda University marine research", ("innovation",), "p8"),
    ("s4", Quadrant.STRENGTHS, "Long tradition of cross-border cooperation (Interreg)", ("cooperation",),
     "p1"),
    ("s5", Quadrant.WEAKNESSES, "Young people leave for Rīga, Vilnius and abroad", ("people",), "p7"),
    ("s6", Quadrant.WEAKNESSES, "No direct public transport between Liepāja and Klaipėda",
     ("transport",), "p4"),
    ("s7", Quadrant.WEAKNESSES, "Small municipalities lack project-writing capacity", ("capacity",),
     "p5"),
    ("s8", Quadrant.WEAKNESSES, "Tourism season lasts barely three months", ("tourism",), "p6"),
    ("s9", Quadrant.OPPORTUNITIES, "Offshore wind farms planned in the Baltic Sea", ("energy", "ports"),
     "p8"),
    ("s10", Quadrant.OPPORTUNITIES, "EU 2028–2034 cohesion funding for border regions",
     ("funding",), "p1"),
    ("s11", Quadrant.OPPORTUNITIES, "Remote workers looking for quiet coastal towns", ("people",), "p3"),
    ("s12", Quadrant.OPPORTUNITIES, "EuroVelo 10 coastal cycle route", ("tourism", "transport"), "p2"),
    ("s13", Quadrant.THREATS, "Coastal erosion and storms", ("climate",), "p8"),
    ("s14", Quadrant.THREATS, "Security situation deters investors and visitors", ("economy",), "p4"),
    ("s15", Quadrant.THREATS, "Shrinking and ageing population", ("people",), "p7"),
    ("s16", Quadrant.THREATS, "Competition from Gdańsk and Tallinn ports", ("ports",), "p5"),
]

_TOWS = [
    ("t1", TowsType.SO, "Turn the ports into service bases for offshore wind", ("s1", "s9")),
    ("t2", TowsType.SO, "Market a joint 'Amber Coast' cycling destination on EuroVelo 10",
     ("s2", "s12")),
    ("t3", TowsType.WO, "Shared cross-border project office for small municipalities",
     ("s7", "s10")),
    ("t4", TowsType.WO, "Coastal remote-work programme to bring young people back", ("s5", "s11")),
    ("t5", TowsType.ST, "Joint coastal erosion monitoring with the university", ("s3", "s13")),
    ("t6", TowsType.WT, "Year-round events to stretch the season and keep people", ("s8", "s15")),
]


def _dot_vote() -> Vote:
    options = (
        VoteOption("A", "Turn the ports into service bases for offshore wind", "t1"),
        VoteOption("B", "Market a joint 'Amber Coast' cycling destination on EuroVelo 10", "t2"),
        VoteOption("C", "Shared cross-border project office for small municipalities", "t3"),
        VoteOption("D", "Coastal remote-work programme to bring young people back", "t4"),
        VoteOption("E", "Year-round events to stretch the season and keep people", "t6"),
    )
    dots = [
        ("p1", {"C": 2, "A": 1}), ("p2", {"B": 2, "C": 1}), ("p3", {"A": 2, "D": 1}),
        ("p4", {"C": 1, "B": 1, "E": 1}), ("p5", {"C": 2, "A": 1}), ("p6", {"B": 2, "E": 1}),
        ("p7", {"D": 2, "C": 1}), ("p8", {"A": 2, "C": 1}),
    ]
    return Vote(
        "v1", "Which cross-border strategy should we pursue first?", VoteMethod.DOT, options,
        dots_per_voter=3, max_dots_per_option=2,
        ballots=tuple(Ballot(voter=v, dots=d) for v, d in dots),
        status=VoteStatus.CLOSED,
    )


def _ranked_vote() -> Vote:
    options = (
        VoteOption("A", "Liepāja–Klaipėda bus line", "s6"),
        VoteOption("B", "Joint tourism brand", "t2"),
        VoteOption("C", "Project-writing academy", "t3"),
        VoteOption("D", "Erosion monitoring network", "t5"),
    )
    rankings = [
        ("p1", ("C", "A", "B", "D")), ("p2", ("A", "C", "B")), ("p3", ("A", "C", "D", "B")),
        ("p4", ("C", "A", "D", "B")), ("p5", ("C", "B", "A", "D")), ("p6", ("B", "A", "C")),
        ("p7", ("A", "C", "B", "D")), ("p8", ("D", "C", "A", "B")),
        ("", ("C", "A")), ("", ("B", "C", "A", "D")),
    ]
    return Vote(
        "v2", "Rank the quick wins for 2027", VoteMethod.SCHULZE, options,
        ballots=tuple(Ballot(voter=v, ranking=r) for v, r in rankings),
    )


def _actions() -> tuple[Action, ...]:
    return (
        Action("a1", "Open a cross-border project office in Liepāja",
               "Two project writers serve the small municipalities of both regions.",
               "v1:C", "Kurzeme Planning Region", ("Klaipėda Region Development Council",),
               date(2027, 1, 15), date(2027, 9, 30), 85000, "Project applications submitted",
               "0", "12", ActionStatus.PLANNED),
        Action("a2", "Project-writing academy for municipal staff", "", "v1:C", "Ilze Bērziņa",
               ("Klaipėda University",), date(2027, 2, 1), date(2027, 6, 30), 24000,
               "People trained", "0", "40", ActionStatus.IN_PROGRESS),
        Action("a3", "Feasibility study: offshore wind service base",
               "Study of quay capacity and skills needed in Liepāja and Klaipėda ports.", "v1:A",
               "Liepāja Port Authority", ("Klaipėda State Seaport Authority",),
               date(2027, 3, 1), date(2027, 2, 1), 60000, "", "", "", ActionStatus.PLANNED),
        Action("a4", "Amber Coast cycling map and signage", "", "v1:B", "",
               (), None, None, None, "Signs installed", "0", "", ActionStatus.PLANNED),
    )


def _notes() -> tuple[Note, ...]:
    at = datetime(2026, 12, 1, 9, 30, tzinfo=_TZ)
    entries = [
        (0, NoteKind.NOTE, "p2", "Camp opened in Liepāja; 8 planners from both regions.", "ag1"),
        (55, NoteKind.NOTE, "p2", "Strong agreement that transport is the missing link.", "ag2"),
        (70, NoteKind.PARKING_LOT, "p1", "Ask the ministries about the Rail Baltica feeder lines.",
         "ag2"),
        (130, NoteKind.DECISION, "p1", "The project office (C) is our first priority.", "ag4"),
        (140, NoteKind.DECISION, "p1",
         "Kurzeme Planning Region leads the office; Klaipėda seconds one project writer.", "ag4"),
        (150, NoteKind.PARKING_LOT, "p4", "Check data protection rules for shared participant lists.",
         "ag5"),
    ]
    return tuple(
        Note(f"n{i + 1}", at + timedelta(minutes=m), text, kind, author, agenda)
        for i, (m, kind, author, text, agenda) in enumerate(entries)
    )


def _agenda() -> tuple[AgendaItem, ...]:
    start = datetime(2026, 12, 1, 9, 30, tzinfo=_TZ)
    plan = [
        ("ag1", "Welcome and introductions", 15, "", 0, 20),
        ("ag2", "SWOT of the coastal border region", 45, "swot", 20, 75),
        ("ag3", "TOWS strategies", 30, "tows", 75, 110),
        ("ag4", "Priority voting", 30, "voting", 110, 145),
        ("ag5", "Action plan drafting", 45, "actions", None, None),
        ("ag6", "Wrap-up and next steps", 15, "", None, None),
    ]
    return tuple(
        AgendaItem(i, title, minutes, exercise,
                   start + timedelta(minutes=a) if a is not None else None,
                   start + timedelta(minutes=b) if b is not None else None)
        for i, title, minutes, exercise, a, b in plan
    )


def demo_session() -> Session:
    """The demo camp, built fresh (validated like any other session)."""
    return Session(
        info=SessionInfo(DEMO_ID, "Coastal innovation camp: Kurzeme × Klaipėda",
                         SessionKind.INNOVATION_CAMP, _DAY, "Liepāja", "Kurzeme / Klaipėda",
                         "Ilze Bērziņa", "en"),
        participants=tuple(Participant(*p) for p in _PEOPLE),
        agenda=_agenda(),
        swot=tuple(SwotItem(i, q, text, tags, author) for i, q, text, tags, author in _SWOT),
        tows=tuple(TowsStrategy(i, t, text, links) for i, t, text, links in _TOWS),
        votes=(_dot_vote(), _ranked_vote()),
        actions=_actions(),
        notes=_notes(),
    )


def ensure_demo(store: SessionStore) -> Session:
    """The demo session in `store`, created on first use (an existing one is left as it is)."""
    if store.exists(DEMO_ID):
        return store.load(DEMO_ID)
    return store.save_whole(demo_session())
