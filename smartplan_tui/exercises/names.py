"""How a message names a vote, a vote option or a ballot: by what people wrote, not by ids.

Why: `ballots[1]` or `v2` mean nothing to a facilitator; vote “Top priorities”, option B
“Ferry link” and ballot 2 do. Item texts are shortened (`text.quoted`).
"""

from __future__ import annotations

from smartplan_tui.i18n import _
from smartplan_tui.model import Vote
from smartplan_tui.text import quoted

__all__ = ["ballot_name", "option_name", "vote_name"]


def vote_name(vote: Vote) -> str:
    """`vote “Top priorities”`."""
    return _("vote {question}").format(question=quoted(vote.question))


def option_name(vote: Vote, option_id: str) -> str:
    """`option B “Ferry link”`; an id the vote does not have is named as typed."""
    for option in vote.options:
        if option.id == option_id:
            return _("option {letter} {text}").format(letter=option.id, text=quoted(option.text))
    return _("option {letter}").format(letter=option_id)


def ballot_name(index: int) -> str:
    """`ballot 2`: the ballot at `index`, counted from 1. Not by its voter: that is a
    participant's id when the app typed it in, and the ballot entry shows whose it is."""
    return _("ballot {n}").format(n=index + 1)
