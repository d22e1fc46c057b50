"""Who takes an item: the TOWS strategies that link a SWOT item, the vote options taken from
a SWOT item or a strategy, named for the question asked before it is deleted.

Why: deleting an item drops the strategies' links to it and leaves the options without
their source, silently; the facilitator should know which ones, by their text, first.
"""

from __future__ import annotations

from smartplan_tui.i18n import _
from smartplan_tui.model import Session
from smartplan_tui.text import and_list, quoted

__all__ = ["delete_question", "users_of"]


def users_of(session: Session, item_id: str) -> list[str]:
    """Each strategy linking `item_id` and each vote option taken from it, as a message
    names it: `strategy “Joint ferry marketing” (SO)`, `option B of vote “Top priorities”`."""
    users = [_("strategy {text} ({type})").format(text=quoted(s.text), type=s.type.value)
             for s in session.tows if item_id in s.links]
    users += [_("option {letter} of vote {question}").format(letter=o.id,
                                                             question=quoted(v.question))
              for v in session.votes for o in v.options if o.source == item_id]
    return users


def delete_question(session: Session, item_id: str, text: str) -> str | None:
    """The question to ask before deleting the item with this id and text, naming who takes
    it; None when nothing does (then it is deleted without asking)."""
    users = users_of(session, item_id)
    if not users:
        return None
    # "used by A, by B and by C": each user after the first gets its own "by".
    named = [users[0], *(_("by {user}").format(user=user) for user in users[1:])]
    return _("{item} is used by {users}. Delete it anyway?").format(
        item=quoted(text), users=and_list(named))
