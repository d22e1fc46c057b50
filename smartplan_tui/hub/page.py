"""The participants' page, rendered on the hub: one small HTML document per state.

Why server-rendered: a cheap phone on camp Wi-Fi shows the options on the first response,
and the page works as plain forms when scripts are off. `room.js` only makes it nicer
(taps for dots and ranks, sending without reloading, live results) and reloads the page
when the facilitator changes what the room sees. Every text that came from a person goes
through `html.escape`; nothing here writes raw participant text into the page. Every
text of the page's own is in the current language (`i18n`: the hub sets it per request),
and so is the document's `lang`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from smartplan_tui.hub.room_view import RoomView
from smartplan_tui.i18n import N_, _, current_language, ngettext
from smartplan_tui.labels import method_name
from smartplan_tui.model import Quadrant, RoomActivity, Vote, VoteMethod, VoteStatus

__all__ = ["QUADRANT_LABELS", "page", "unjoined_page"]

QUADRANT_LABELS: dict[Quadrant, tuple[str, str]] = {
    Quadrant.STRENGTHS: (N_("Strength"), N_("inside the region, helps")),
    Quadrant.WEAKNESSES: (N_("Weakness"), N_("inside the region, holds back")),
    Quadrant.OPPORTUNITIES: (N_("Opportunity"), N_("from outside, could help")),
    Quadrant.THREATS: (N_("Threat"), N_("from outside, could harm")),
}
"""The SWOT tiles' names and hints, in English: translated (`_()`) where the page is drawn."""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _document(title: str, body: str, *, data: Mapping[str, str], refresh: bool) -> str:
    attrs = "".join(f' data-{k}="{_e(v)}"' for k, v in data.items())
    # Without scripts, a page that only shows things reloads itself to stay current.
    noscript = ('<noscript><meta http-equiv="refresh" content="5"></noscript>' if refresh
                else "")
    language = _e(current_language())
    return (f"<!doctype html>\n<html lang=\"{language}\" class=\"no-js\"><head>"
            "<meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)} · SmartPlan</title>{noscript}"
            "<link rel=\"stylesheet\" href=\"/assets/room.css\">"
            "<script src=\"/assets/room.js\" defer></script></head>"
            f"<body{attrs}><header><h1>{_e(title)}</h1></header><main>{body}</main>"
            "</body></html>\n")


def unjoined_page() -> str:
    """For a phone without a (valid) device cookie: how to get in."""
    scan = _("Scan the QR code on the screen to join.")
    other_ways = _("Or type the link shown under it. If you joined before, the facilitator "
                   "may have started afresh: scan again.")
    body = (f"<section class=\"card calm\"><p class=\"big\">{_e(scan)}</p>"
            f"<p>{_e(other_ways)}</p></section>")
    return _document("SmartPlan", body, data={"activity": "unjoined"}, refresh=False)


def page(view: RoomView, my_ballot: Mapping[str, Any] | None, *, notice: str = "",
         error: str = "", draft: Mapping[str, str] | None = None) -> str:
    """The page for one device; `draft` refills a form whose sending was refused."""
    doc = view.document
    activity = view.activity
    vote = view.vote
    # What the script says when a send gets no answer at all (the browser's own words
    # would be in the phone's language, and cryptic: "Failed to fetch").
    data = {"activity": activity.value,
            "unreachable": _("The hub did not answer: check the Wi-Fi and send again.")}
    if vote is not None:
        data |= {"vote": vote.id, "status": vote.status.value,
                 "names": "1" if view.room.names else "0",
                 "options": ",".join(vote.option_ids)}
    status = _status(notice, error)
    if activity is RoomActivity.SWOT:
        body = _swot_form(status, draft or {})
    elif activity is RoomActivity.VOTE and vote is not None:
        body = _ballot_form(view, vote, my_ballot, notice, error, draft)
    elif activity is RoomActivity.RESULTS and vote is not None:
        body = _results(vote, doc["results"])
    else:
        waiting = _("Waiting for the facilitator…")
        by_itself = _("This page changes by itself when there is something to do.")
        body = (f"<section class=\"card calm\"><p class=\"big\">{_e(waiting)}</p>"
                f"<p>{_e(by_itself)}</p>{status if notice or error else ''}</section>")
    refresh = activity in (RoomActivity.OFF, RoomActivity.RESULTS) or (
        vote is not None and vote.status is VoteStatus.CLOSED)
    return _document(doc["session"]["title"], body, data=data, refresh=refresh)


def _status(notice: str, error: str) -> str:
    if error:
        return f"<p class=\"status error\" role=\"alert\">{_e(error)}</p>"
    return f"<p class=\"status\" role=\"status\">{_e(notice)}</p>"


def _swot_form(status: str, draft: Mapping[str, str]) -> str:
    chosen = draft.get("quadrant", "")
    tiles = "".join(
        f"<label class=\"quadrant q-{q.value}\"><input type=\"radio\" name=\"quadrant\" "
        f"value=\"{q.value}\" required{' checked' if chosen == q.value else ''}>"
        f"<span class=\"name\">{_e(_(label))}</span><span class=\"hint\">{_e(_(hint))}</span>"
        "</label>"
        for q, (label, hint) in QUADRANT_LABELS.items())
    heading, kind, point = _("Add to the SWOT"), _("Which kind?"), _("Your point")
    name, optional = _("Your name"), _("(optional; leave empty to stay anonymous)")
    add = _("Add")
    return ("<form class=\"card\" id=\"swot\" method=\"post\" action=\"/room/swot\" "
            f"data-done=\"{_e(added_notice())}\"><h2>{_e(heading)}</h2>"
            f"<fieldset class=\"quadrants\"><legend>{_e(kind)}</legend>{tiles}"
            f"</fieldset><label for=\"text\">{_e(point)}</label>"
            f"<textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"4000\" required>"
            f"{_e(draft.get('text', ''))}</textarea>"
            f"<label for=\"name\">{_e(name)} <span class=\"hint\">{_e(optional)}</span></label>"
            f"<input id=\"name\" name=\"name\" maxlength=\"100\" autocomplete=\"name\" "
            f"value=\"{_e(draft.get('name', ''))}\">"
            f"<button type=\"submit\" class=\"primary\">{_e(add)}</button>{status}</form>")


def _rules(vote: Vote) -> str:
    if vote.method is VoteMethod.DOT:
        most = vote.max_dots_per_option
        cap = "" if most is None else " · " + _e(_("at most {n} on one option").format(n=most))
        budget = vote.dots_per_voter
        # The count of dots left is a live figure the script updates: kept in its own span.
        left = ngettext("{left} of {n} dot left", "{left} of {n} dots left", budget)
        before, _sep, after = _e(left.format(left="\0", n=budget)).partition("\0")
        return (f"<p class=\"rules\"><strong>{before}<span id=\"left\">{budget}</span>"
                f"{after}</strong>{cap}</p>")
    if vote.method is VoteMethod.SCORE:
        lo, hi = vote.scale
        text = _("Score each option from {low} (low) to {high} (high).").format(low=lo, high=hi)
        return f"<p class=\"rules\">{_e(text)}</p>"
    return ("<p class=\"rules\">" + _e(_("Tap the options in order, best first; tap again to "
                                        "take one out. You need not rank them all.")) + "</p>")


def _ballot_form(view: RoomView, vote: Vote, mine: Mapping[str, Any] | None, notice: str,
                 error: str, draft: Mapping[str, str] | None) -> str:
    head = f"<h2>{_e(vote.question)}</h2>"
    if vote.status is VoteStatus.CLOSED:
        given = _("Your ballot was counted.") if mine else _("You did not vote in it.")
        closed, wait = _("This vote is closed."), _("Wait for the results.")
        return (f"<section class=\"card calm\">{head}<p class=\"big\">{_e(closed)}</p>"
                f"<p>{_e(given)} {_e(wait)}</p></section>")
    values = _form_values(vote, mine) if draft is None else dict(draft)
    voter = ""
    if view.room.names:
        people = "".join(
            f"<option value=\"{_e(p.id)}\"{' selected' if values.get('voter') == p.id else ''}>"
            f"{_e(p.name)}</option>" for p in view.session.participants)
        who, choose = _("Who is voting?"), _("Choose your name")
        voter = (f"<label for=\"voter\">{_e(who)}</label><select id=\"voter\" "
                 f"name=\"voter\" required><option value=\"\">{_e(choose)}"
                 f"</option>{people}</select>")
    if vote.method is VoteMethod.DOT:
        rows = _dot_rows(vote, values)
    elif vote.method is VoteMethod.SCORE:
        rows = _score_rows(vote, values)
    else:
        rows = _rank_rows(vote, values)
    change = _("Change my ballot")
    label = change if mine else _("Cast my ballot")
    ballot_in = ballot_in_notice()
    if mine and not notice and not error:
        notice = ballot_in
    status = _status(notice, error)
    # Translators: read aloud after an option's text by the page's script; keep {rank} as it is.
    ranked = _("ranked {rank}")
    unranked = _("not ranked")
    attrs = (f" data-method=\"{vote.method.value}\" data-budget=\"{vote.dots_per_voter}\""
             f" data-cap=\"{vote.max_dots_per_option or vote.dots_per_voter}\""
             f" data-done=\"{_e(ballot_in)}\" data-change=\"{_e(change)}\""
             f" data-ranked=\"{_e(ranked)}\" data-unranked=\"{_e(unranked)}\"")
    return (f"<form class=\"card\" id=\"ballot\" method=\"post\" action=\"/room/ballot\"{attrs}>"
            f"<input type=\"hidden\" name=\"vote\" value=\"{_e(vote.id)}\">{head}"
            f"{_rules(vote)}{voter}<ol class=\"options\">{rows}</ol>"
            f"<button type=\"submit\" class=\"primary\">{_e(label)}</button>{status}</form>")


def ballot_in_notice() -> str:
    """What a device is told once its ballot is in (by the page, its script and the hub)."""
    return _("Your ballot is in. You can change it until the vote closes.")


def added_notice() -> str:
    """What a device is told once its SWOT point is in."""
    return _("Added. Add another?")


def _form_values(vote: Vote, mine: Mapping[str, Any] | None) -> dict[str, str]:
    """The form fields of this device's ballot, to show it as it was cast."""
    values: dict[str, str] = {}
    if not mine:
        return values
    if mine.get("voter"):
        values["voter"] = str(mine["voter"])
    for option, n in (mine.get("dots") or {}).items():
        values[f"dots.{option}"] = str(n)
    for rank, option in enumerate(mine.get("ranking") or (), start=1):
        values[f"rank.{option}"] = str(rank)
    for option, marks in (mine.get("scores") or {}).items():
        for criterion, mark in marks.items():
            values[f"score.{option}.{criterion}"] = str(mark)
    return values


def _dot_rows(vote: Vote, values: Mapping[str, str]) -> str:
    cap = vote.max_dots_per_option or vote.dots_per_voter
    rows = []
    for option in vote.options:
        name = f"dots.{option.id}"
        less = _("one dot less for {option}").format(option=option.id)
        more = _("one dot more for {option}").format(option=option.id)
        value = values.get(name, "0")
        rows.append(
            f"<li class=\"option dot\"><span class=\"letter\">{_e(option.id)}</span>"
            f"<label class=\"text\" for=\"{_e(name)}\">{_e(option.text)}</label>"
            "<span class=\"stepper\"><button type=\"button\" class=\"less js-only\" "
            f"aria-label=\"{_e(less)}\">−</button>"
            f"<input type=\"number\" id=\"{_e(name)}\" name=\"{_e(name)}\" min=\"0\" "
            f"max=\"{cap}\" value=\"{_e(value)}\" inputmode=\"numeric\">"
            "<button type=\"button\" class=\"more js-only\" "
            f"aria-label=\"{_e(more)}\">+</button></span></li>")
    return "".join(rows)


def _rank_rows(vote: Vote, values: Mapping[str, str]) -> str:
    n = len(vote.options)
    rank = _("rank")
    rows = []
    for option in vote.options:
        name = f"rank.{option.id}"
        chosen = values.get(name, "")
        choices = "<option value=\"\">—</option>" + "".join(
            f"<option value=\"{r}\"{' selected' if chosen == str(r) else ''}>{r}</option>"
            for r in range(1, n + 1))
        rows.append(
            f"<li class=\"option rank\" data-option=\"{_e(option.id)}\">"
            f"<span class=\"letter\">{_e(option.id)}</span>"
            f"<label class=\"text\" for=\"{_e(name)}\">{_e(option.text)}</label>"
            f"<select id=\"{_e(name)}\" name=\"{_e(name)}\" aria-label=\"{_e(rank)}\">"
            f"{choices}"
            "</select></li>")
    return "".join(rows)


def _score_rows(vote: Vote, values: Mapping[str, str]) -> str:
    lo, hi = vote.scale
    rows = []
    for option in vote.options:
        marks = []
        for criterion in vote.criteria:
            name = f"score.{option.id}.{criterion}"
            chosen = values.get(name, "")
            choices = "<option value=\"\">—</option>" + "".join(
                f"<option value=\"{m}\"{' selected' if chosen == str(m) else ''}>{m}</option>"
                for m in range(lo, hi + 1))
            marks.append(f"<label class=\"mark\"><span>{_e(criterion)}</span>"
                         f"<select name=\"{_e(name)}\">{choices}</select></label>")
        rows.append(f"<li class=\"option score\"><span class=\"letter\">{_e(option.id)}</span>"
                    f"<span class=\"text\">{_e(option.text)}</span>"
                    f"<span class=\"marks\">{''.join(marks)}</span></li>")
    return "".join(rows)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:.2f}"


def result_rows(vote: Vote, results: Mapping[str, Any]) -> Iterable[str]:
    texts = {o.id: o.text for o in vote.options}
    rows = results.get("ranking", [])
    top = max((float(r["score"]) for r in rows), default=0.0)
    for row in rows:
        score = float(row["score"])
        width = 0 if top <= 0 or score <= 0 else round(score / top * 100)
        yield (f"<li><span class=\"rank\">{int(row['rank'])}</span>"
               f"<span class=\"text\">{_e(texts.get(row['option'], row['option']))}</span>"
               f"<span class=\"score\">{_number(score)}</span>"
               f"<span class=\"bar\"><span style=\"width:{width}%\"></span></span></li>")


def _results(vote: Vote, results: Mapping[str, Any] | None) -> str:
    rows = "".join(result_rows(vote, results or {}))
    ballots = int((results or {}).get("ballots", 0))
    return (f"<section class=\"card\" id=\"results\"><h2>{_e(vote.question)}</h2>"
            f"<p class=\"rules\">{_ballot_count(ballots)} · "
            f"{_e(method_name(vote.method))}</p><ol class=\"results\">{rows}</ol></section>")


def _ballot_count(ballots: int) -> str:
    """`12 ballots`, with the figure in the span the script updates live."""
    text = ngettext("{n} ballot", "{n} ballots", ballots)
    before, _sep, after = _e(text.format(n="\0")).partition("\0")
    return f"{before}<span id=\"ballots\">{ballots}</span>{after}"
