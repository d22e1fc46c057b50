"""The page's plain forms (scripts off) as the JSON bodies the API takes.

Field names: `quadrant`, `text`, `name` for a SWOT item; `vote`, `voter`, and per option
`dots.A`, `rank.A` or `score.A.impact` for a ballot. Empty fields mean "not given".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from smartplan_tui.hub.room_view import Refused, field_label
from smartplan_tui.i18n import _
from smartplan_tui.model import Vote, VoteMethod

__all__ = ["ballot_doc", "swot_doc"]

_NUMBER = re.compile(r"-?[0-9]{1,9}")


def swot_doc(fields: Mapping[str, str]) -> dict[str, Any]:
    return {k: fields[k] for k in ("quadrant", "text", "name") if k in fields}


def _number(name: str, text: str) -> int:
    if not _NUMBER.fullmatch(text.strip()):
        raise Refused(400, _("{field}: {text} is not a whole number").format(
            field=field_label(name), text=repr(text.strip()[:20])))
    return int(text)


def ballot_doc(fields: Mapping[str, str], vote: Vote | None) -> dict[str, Any]:
    """The ballot a form holds; without a vote shown, an empty one (refused as such)."""
    doc: dict[str, Any] = {"vote": fields.get("vote", "")}
    if fields.get("voter"):
        doc["voter"] = fields["voter"]
    method = vote.method if vote is not None else VoteMethod.DOT
    given = {k: v for k, v in fields.items() if v.strip()}
    if method is VoteMethod.DOT:
        doc["dots"] = {k[5:]: _number(k, v) for k, v in given.items() if k.startswith("dots.")}
    elif method is VoteMethod.SCORE:
        scores: dict[str, dict[str, int]] = {}
        for key, value in given.items():
            if key.startswith("score."):
                option, _dot, criterion = key[6:].partition(".")
                scores.setdefault(option, {})[criterion] = _number(key, value)
        doc["scores"] = scores
    else:
        ranks = {k[5:]: _number(k, v) for k, v in given.items() if k.startswith("rank.")}
        seen: dict[int, str] = {}
        for option, rank in ranks.items():
            if rank in seen:
                raise Refused(400, _("{field}: {first} and {second} are both ranked {rank}").format(
                    field=field_label("rank"), first=seen[rank], second=option, rank=rank))
            seen[rank] = option
        doc["ranking"] = [option for option, _rank in sorted(ranks.items(), key=lambda p: p[1])]
    return doc
