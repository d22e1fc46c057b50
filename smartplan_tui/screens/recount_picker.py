"""The methods a vote can be recounted with: only those its ballots fit, picked in place.

The vote's own rules decide what is offered (`voting.recount_methods`), so a facilitator
never picks a method that would only answer "cannot recount". The list sits under the
votes and the recount beside the count follows its highlight, so comparing methods is
arrow keys, and the screen's other keys (`a`, `k`) still work while it is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from smartplan_tui.i18n import N_, _
from smartplan_tui.labels import method_name
from smartplan_tui.model import VoteMethod

#: What each method does, in a planner's words, beside its name in the list.
METHOD_HINTS = {
    VoteMethod.DOT: N_("dots added up"),
    VoteMethod.BORDA: N_("points per place"),
    VoteMethod.SCHULZE: N_("head to head"),
    VoteMethod.IRV: N_("runoff rounds"),
    VoteMethod.SCORE: N_("mean marks"),
}


def method_entry(method: VoteMethod) -> Text:
    """A method as the list offers it: its name as the results call it (never the command
    line's `irv`), then what it does, dimmed; a long pair wraps in the narrow list."""
    return Text.assemble(method_name(method), (f" · {_(METHOD_HINTS[method])}", "dim"))


#: The entry that takes the recount off the screen.
OWN_ONLY = "own"


class RecountMethods(OptionList):
    """Offers `methods` for one vote; posts `Chosen` as the highlight moves, `Done` to leave."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", _("Done recounting"), id="recount_done"),
    ]

    class Chosen(Message):
        """The highlighted method (None: the vote's own count only)."""

        def __init__(self, method: VoteMethod | None) -> None:
            super().__init__()
            self.method = method

    class Done(Message):
        """Enter or Escape: back to the list of votes."""

    def offer(self, methods: Sequence[VoteMethod], shown: VoteMethod | None) -> None:
        """Show `methods` with `shown` (else the first) highlighted, and take the focus."""
        self.set_options([Option(method_entry(m), id=m.value) for m in methods]
                         + [Option(_("own count only"), id=OWN_ONLY)])
        self.display = True
        self.highlighted = methods.index(shown) if shown is not None and shown in methods else 0
        self.focus()
        self.post_message(self.Chosen(methods[self.highlighted]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        picked = event.option.id or OWN_ONLY
        self.post_message(self.Chosen(None if picked == OWN_ONLY else VoteMethod(picked)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        self.display = False
        self.post_message(self.Done())
