"""The participants' page, rendered on the hub: one small HTML document per state.

Why server-rendered: a cheap phone on camp Wi-Fi shows the options on the first response,
and the page works as plain forms when scripts are off. `room.js` only makes it nicer
(taps for dots and ranks, sending without reloading, live results) and reloads the page
when the facilitator changes what the room sees. Every text that came from a person goes
through `html.escape`; nothing here writes raw participant text into the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from smartplan_tui.hub.room_view import RoomView
from smartplan_tui.model import Quadrant, RoomActivity, Vote, VoteMethod, VoteStatus

__all__ = ["QUADRANT_LABELS", "page", "unjoined_page"]

QUADRANT_LABELS: dict[Quadrant, tuple[str, str]] = {
    Quadrant.STRENGTHS: ("Strength", "inside the region, helps"),
    Quadrant.WEAKNESSES: ("Weakness", "inside the region, holds back"),
    Quadrant.OPPORTUNITIES: ("Opportunity", "from outside, could help"),
    Quadrant.THREATS: ("Threat", "from outside, could harm"),
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _document(title: str, body: str, *, data: Mapping[str, str], refresh: bool) -> str:
    attrs = "".join(f' data-{k}="{_e(v)}"' for k, v in data.items())
    # Without scripts, a page that only shows things reloads itself to stay current.
    noscript = ('<noscript><meta http-equiv="refresh" content="5"></noscript>' if refresh
                else "")
    return ("<!doctype html>\n<html lang=\"en\" class=\"no-js\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)} · SmartPlan</title>{noscript}"
            "<link rel=\"stylesheet\" href=\"/assets/room.css\">"
            "<script src=\"/assets/room.js\" defer></script></head>"
            f"<body{attrs}><header><h1>{_e(title)}</h1></header><main>{body}</main>"
            "</body></html>\n")


def unjoined_page() -> str:
    """For a phone without a (valid) device cookie: how to get in."""
    body = ("<section class=\"card calm\"><p class=\"big\">Scan the QR code on the screen "
            "to join.</p><p>Or type the link shown under it. If you joined before, the "
            "facilitator may have started afresh: scan again.</p></section>")
    return _document("SmartPlan", body, data={"activity": "unjoined"}, refresh=False)


def page(view: RoomView, my_ballot: Mapping[str, Any] | None, *, notice: str = "",
         error: str = "", draft: Mapping[str, str] | None = None) -> str:
    """The page for one device; `draft` refills a form whose sending was refused."""
    doc = view.document
    activity = view.activity
    vote = view.vote
    data = {"activity": activity.value}
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
        body = ("<section class=\"card calm\"><p class=\"big\">Waiting for the facilitator…"
                "</p><p>This page changes by itself when there is something to do.</p>"
                f"{status if notice or error else ''}</section>")
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
        f"<span class=\"name\">{label}</span><span class=\"hint\">{hint}</span></label>"
        for q, (label, hint) in QUADRANT_LABELS.items())
    return ("<form class=\"card\" id=\"swot\" method=\"post\" action=\"/room/swot\">"
            "<h2>Add to the SWOT</h2>"
            f"<fieldset class=\"quadrants\"><legend>Which kind?</legend>{tiles}</fieldset>"
            "<label for=\"text\">Your point</label>"
            f"<textarea id=\"text\" name=\"text\" rows=\"3\" maxlength=\"4000\" required>"
            f"{_e(draft.get('text', ''))}</textarea>"
            "<label for=\"name\">Your name <span class=\"hint\">(optional; leave empty to "
            "stay anonymous)</span></label>"
            f"<input id=\"name\" name=\"name\" maxlength=\"100\" autocomplete=\"name\" "
            f"value=\"{_e(draft.get('name', ''))}\">"
            f"<button type=\"submit\" class=\"primary\">Add</button>{status}</form>")


def _rules(vote: Vote) -> str:
    if vote.method is VoteMethod.DOT:
        cap = (f" · at most {vote.max_dots_per_option} on one option"
               if vote.max_dots_per_option is not None else "")
        return (f"<p class=\"rules\"><strong><span id=\"left\">{vote.dots_per_voter}</span> "
                f"of {vote.dots_per_voter} dots left</strong>{cap}</p>")
    if vote.method is VoteMethod.SCORE:
        lo, hi = vote.scale
        return f"<p class=\"rules\">Score each option from {lo} (low) to {hi} (high).</p>"
    return ("<p class=\"rules\">Tap the options in order, best first; tap again to take "
            "one out. You need not rank them all.</p>")


def _ballot_form(view: RoomView, vote: Vote, mine: Mapping[str, Any] | None, notice: str,
                 error: str, draft: Mapping[str, str] | None) -> str:
    head = f"<h2>{_e(vote.question)}</h2>"
    if vote.status is VoteStatus.CLOSED:
        given = "Your ballot was counted." if mine else "You did not vote in it."
        return (f"<section class=\"card calm\">{head}<p class=\"big\">This vote is closed."
                f"</p><p>{given} Wait for the results.</p></section>")
    values = _form_values(vote, mine) if draft is None else dict(draft)
    voter = ""
    if view.room.names:
        people = "".join(
            f"<option value=\"{_e(p.id)}\"{' selected' if values.get('voter') == p.id else ''}>"
            f"{_e(p.name)}</option>" for p in view.session.participants)
        voter = ("<label for=\"voter\">Who is voting?</label><select id=\"voter\" "
                 f"name=\"voter\" required><option value=\"\">Choose your name</option>{people}"
                 "</select>")
    if vote.method is VoteMethod.DOT:
        rows = _dot_rows(vote, values)
    elif vote.method is VoteMethod.SCORE:
        rows = _score_rows(vote, values)
    else:
        rows = _rank_rows(vote, values)
    label = "Change my ballot" if mine else "Cast my ballot"
    if mine and not notice and not error:
        notice = "Your ballot is in. You can change it until the vote closes."
    status = _status(notice, error)
    attrs = (f" data-method=\"{vote.method.value}\" data-budget=\"{vote.dots_per_voter}\""
             f" data-cap=\"{vote.max_dots_per_option or vote.dots_per_voter}\"")
    return (f"<form class=\"card\" id=\"ballot\" method=\"post\" action=\"/room/ballot\"{attrs}>"
            f"<input type=\"hidden\" name=\"vote\" value=\"{_e(vote.id)}\">{head}"
            f"{_rules(vote)}{voter}<ol class=\"options\">{rows}</ol>"
            f"<button type=\"submit\" class=\"primary\">{label}</button>{status}</form>")


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
        value = values.get(name, "0")
        rows.append(
            f"<li class=\"option dot\"><span class=\"letter\">{_e(option.id)}</span>"
            f"<label class=\"text\" for=\"{_e(name)}\">{_e(option.text)}</label>"
            "<span class=\"stepper\"><button type=\"button\" class=\"less js-only\" "
            f"aria-label=\"one dot less for {_e(option.id)}\">−</button>"
            f"<input type=\"number\" id=\"{_e(name)}\" name=\"{_e(name)}\" min=\"0\" "
            f"max=\"{cap}\" value=\"{_e(value)}\" inputmode=\"numeric\">"
            "<button type=\"button\" class=\"more js-only\" "
            f"aria-label=\"one dot more for {_e(option.id)}\">+</button></span></li>")
    return "".join(rows)


def _rank_rows(vote: Vote, values: Mapping[str, str]) -> str:
    n = len(vote.options)
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
            f"<select id=\"{_e(name)}\" name=\"{_e(name)}\" aria-label=\"rank\">{choices}"
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
            f"<p class=\"rules\"><span id=\"ballots\">{ballots}</span> ballots · "
            f"{_e(vote.method.value)}</p><ol class=\"results\">{rows}</ol></section>")
