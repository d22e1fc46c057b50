"""How long a big Word export takes, against the fastest python-docx can build the same tables.

Run by hand: `python bench/bench_export.py [--swot 10000] [--actions 1000] [--runs 3]`.

Each figure is a whole process (interpreter start, imports, building the session, writing
the file), timed from outside, best of `--runs`:

- `floor`: python-docx building the same two big tables (the 2×2 SWOT with every item, the
  1,000-row action plan) the fastest documented way: deep-copying a template row (or
  paragraph) at the lxml level and setting its text, then saving. No other section.
- `add_row` (only with `--add-row`): the action plan alone through python-docx's
  `add_row()` and `cell.text`, the common but slow way, for comparison.
- `report`: `smartplan_tui.exports.write_report`, the real export with every section,
  charts, header, footer and the landscape section.
- `markdown`, `csv zip`: the other writers, for scale.
- `session only`: the same process doing nothing but build the session; the part of every
  figure that is not export.

Target: report ≤ 1.5 × floor.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import sys, time
sys.path.insert(0, {root!r})
from tests.session_factory import big_session
session = big_session({swot}, {actions})
"""

JOBS = {
    "session only": "",
    "floor": """
import copy
import docx
from docx.shared import Cm
W = "{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}"
doc = docx.Document()
doc.add_heading(session.info.title, 0)
swot = doc.add_table(rows=2, cols=2)
swot.style = "Table Grid"
cells = [c._tc for row in swot.rows for c in row.cells]
template_p = copy.deepcopy(cells[0].findall(W + "p")[0])
template_p.append(copy.deepcopy(doc.add_paragraph("x").runs[0]._r))
quadrants = ["strengths", "weaknesses", "opportunities", "threats"]
counters = dict.fromkeys(quadrants, 0)
for item in session.swot:
    q = item.quadrant.value
    counters[q] += 1
    p = copy.deepcopy(template_p)
    p.find(".//" + W + "t").text = (f"{{q[0].upper()}}{{counters[q]}}  {{item.text}}  "
                                    + " ".join("#" + t for t in item.tags) + " · Anna Ozola")
    cells[quadrants.index(q)].append(p)
doc.add_section()
plan = doc.add_table(rows=2, cols=11)
plan.style = "Table Grid"
for cell, title in zip(plan.rows[0].cells, ["Action", "Priority", "Owner", "Partners", "Start",
                                            "Due", "Budget", "Indicator", "Baseline", "Status",
                                            "SMART"]):
    cell.text = title
for cell in plan.rows[1].cells:
    cell.text = "x"
template_tr = plan.rows[1]._tr
tbl = plan._tbl
for a in session.actions:
    tr = copy.deepcopy(template_tr)
    values = [a.title, a.priority, a.owner, ", ".join(a.partners), str(a.start), str(a.due),
              f"{{a.budget_eur:,}} €", a.indicator, f"{{a.baseline}} → {{a.target}}",
              a.status.value, "none"]
    for t, value in zip(tr.iter(W + "t"), values):
        t.text = value
    tbl.append(tr)
tbl.remove(template_tr)
doc.save(OUT)
""",
    "add_row": """
import docx
doc = docx.Document()
plan = doc.add_table(rows=1, cols=11)
plan.style = "Table Grid"
for a in session.actions:
    cells = plan.add_row().cells
    values = [a.title, a.priority, a.owner, ", ".join(a.partners), str(a.start), str(a.due),
              f"{{a.budget_eur:,}} €", a.indicator, f"{{a.baseline}} → {{a.target}}",
              a.status.value, "none"]
    for cell, value in zip(cells, values):
        cell.text = value
doc.save(OUT)
""",
    "report": """
from smartplan_tui.exports import write_report
write_report(session, OUT)
""",
    "markdown": """
from smartplan_tui.exports import write_markdown
write_markdown(session, OUT)
""",
    "csv zip": """
from smartplan_tui.exports import write_csv_zip
write_csv_zip(session, OUT)
""",
}


def run_job(name: str, swot: int, actions: int, folder: Path) -> float:
    """Seconds for one whole process running `name`."""
    out = folder / f"{name.replace(' ', '_')}.out"
    code = (PRELUDE.format(root=str(ROOT), swot=swot, actions=actions)
            + f"OUT = {str(out)!r}\n" + JOBS[name].format())
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swot", type=int, default=10_000)
    parser.add_argument("--actions", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--add-row", action="store_true",
                        help="also time python-docx add_row() per row (slow)")
    args = parser.parse_args()
    best: dict[str, float] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        names = [n for n in JOBS if args.add_row or n != "add_row"]
        for _ in range(args.runs):
            for name in names:  # interleaved, so a busy moment hurts every job alike
                seconds = run_job(name, args.swot, args.actions, folder)
                best[name] = min(best.get(name, seconds), seconds)
        for name in names:
            out = folder / f"{name.replace(' ', '_')}.out"
            sizes[name] = out.stat().st_size if out.exists() else 0
    floor = best["floor"]
    if args.json:
        print(json.dumps({"seconds": best, "bytes": sizes, "ratio": best["report"] / floor}))
        return
    print(f"Export of {args.swot:,} SWOT items and {args.actions:,} actions "
          f"(whole process, best of {args.runs})")
    print(f"{'job':<14}{'seconds':>9}{'× floor':>9}{'file KB':>10}")
    for name, seconds in best.items():
        size = f"{sizes[name] / 1024:,.0f}" if sizes[name] else "-"
        print(f"{name:<14}{seconds:>9.3f}{seconds / floor:>9.2f}{size:>10}")
    ratio = best["report"] / floor
    print(f"report / floor = {ratio:.2f} (target ≤ 1.50): {'OK' if ratio <= 1.5 else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
