"""The projector's key, for the screens that have a view for the wall.

Apart from `projector.py`, so that a screen offers the key without importing the view
(and the vote counting it draws with) until the key is pressed: opening the SWOT board
is timed (`bench/bench_app.py`).
"""

from __future__ import annotations

from textual.binding import Binding

from smartplan_tui.i18n import _

__all__ = ["PROJECTOR_KEY", "projector_binding"]

#: The projector's key on every screen that has a view for the wall.
PROJECTOR_KEY = "f4"


def projector_binding() -> Binding:
    """The binding of every screen that opens this view (one description, one id)."""
    return Binding(PROJECTOR_KEY, "projector", _("Projector"),
                   tooltip=_("Full-screen view for the wall screen"), id="projector")
