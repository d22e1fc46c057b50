"""Where SmartPlan keeps its data: computed on demand, never created at import time."""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "SMARTPLAN_HOME"


def data_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--home DIR`, else `$SMARTPLAN_HOME`, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_HOME)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("smartplan", appauthor=False))
