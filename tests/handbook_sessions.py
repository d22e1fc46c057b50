"""Three sessions of one cross-border programme, for the handbook's tests.

The demo camp in Liepāja (English tags), a workshop in Klaipėda tagged in Lithuanian and a
conference in Ventspils tagged in Latvian with odd spacing and case, so that `Tūrisms`,
`turizmas` and ` Tourism ` must meet in one theme. The Klaipėda workshop keeps a vote open
and has an action past its due date and one without a budget.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from smartplan_tui.demo import demo_session
from smartplan_tui.model import (
    Action,
    ActionStatus,
    Participant,
    Quadrant,
    Session,
    SessionKind,
    SwotItem,
    TowsStrategy,
    TowsType,
    VoteStatus,
)

__all__ = ["three_sessions"]


def klaipeda_workshop() -> Session:
    base = demo_session()
    info = replace(base.info, id="klaipeda-workshop", title="Klaipėda ports workshop",
                   kind=SessionKind.WORKSHOP, date=date(2027, 3, 10), end_date=date(2027, 3, 11),
                   place="Klaipėda", region="Klaipėda", facilitator="Jonas Petrauskas")
    swot = (SwotItem("s1", Quadrant.STRENGTHS, "Deep-water port with free capacity",
                     ("Uostai",)),
            SwotItem("s2", Quadrant.OPPORTUNITIES, "Cruise passengers on day trips",
                     ("turizmas", "uostai")),
            SwotItem("s3", Quadrant.THREATS, "Storms close the ferry line in winter",
                     ("Transportas",)),
            SwotItem("s4", Quadrant.WEAKNESSES, "Few guides speak Latvian", ()))
    tows = (TowsStrategy("t1", TowsType.SO, "Joint cruise packages Klaipėda–Liepāja",
                         ("s1", "s2")),)
    votes = tuple(replace(vote, status=VoteStatus.OPEN) for vote in base.votes[:1])
    actions = (Action("a1", "Cruise day-trip package", owner="Palanga Tourism Centre",
                      due=date(2027, 4, 1), budget_eur=15000, status=ActionStatus.PLANNED),
               Action("a2", "Guide training in Latvian", owner="Klaipėda University",
                      due=date(2027, 5, 1), status=ActionStatus.IN_PROGRESS),
               Action("a3", "Ferry winter timetable", due=date(2027, 1, 1),
                      budget_eur=500, status=ActionStatus.DONE))
    return replace(base, info=info, swot=swot, tows=tows, votes=votes, actions=actions)


def ventspils_conference() -> Session:
    base = demo_session()
    info = replace(base.info, id="ventspils-conference", title="Ventspils final conference",
                   kind=SessionKind.CONFERENCE, date=date(2027, 9, 20), place="Ventspils",
                   region="Kurzeme", facilitator="Dace Kalniņa")
    people = (*base.participants[:3],
              Participant("p9", "Karin Svensson", "Region Skåne", "SE", "guest"))
    swot = (SwotItem("s1", Quadrant.STRENGTHS, "Beaches with the Blue Flag", ("Tūrisms",)),
            SwotItem("s2", Quadrant.WEAKNESSES, "No evening trains to Rīga", (" transports ",)),
            SwotItem("s3", Quadrant.OPPORTUNITIES, "Nordic visitors by ferry",
                     (" Tourism ", "OSTAS")),
            SwotItem("s4", Quadrant.THREATS, "Schools close in small towns", ("Izglītība",)))
    tows = (TowsStrategy("t1", TowsType.WT, "Shared school bus with Kuldīga", ("s2", "s4")),)
    return replace(base, info=info, participants=people, swot=swot, tows=tows, votes=(),
                   actions=(), notes=())


def three_sessions() -> list[Session]:
    """The demo camp, the Klaipėda workshop and the Ventspils conference, in that order."""
    return [demo_session(), klaipeda_workshop(), ventspils_conference()]
