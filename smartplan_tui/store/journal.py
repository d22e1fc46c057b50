"""What a session file and its journal may hold, and the one function that applies an edit.

A journal line is a list of operations, each on one table of the session's data:
`{"t": T, "id": I, "doc": {...}}` puts a document, `{"t": T, "id": I, "del": true}` deletes
one, `{"t": T, "order": [I, ...]}` orders a table, and `{"t": T, "move": I, "to": N}` puts
one document at place N (the usual reorder or undo: a line of a few bytes instead of every
id of a 10,000-item list, so its fsync costs what an edit costs). `apply_op` is the only code that carries
an operation out: a live edit is applied by it, journalled, and applied by it again when
another process (or a fresh start) replays the journal, so the two can never disagree.

The shape checks turn a damaged file into one line naming where it is damaged, instead of a
`KeyError` somewhere later; a file that fails them is refused and never written over.
"""

from __future__ import annotations

import operator
from typing import Any

from smartplan_tui.i18n import _

Data = dict[str, dict[str, Any]]
Op = dict[str, Any]

#: A table's name: the session's lists and `meta`. Short and plain, so a path can name it.
_MAX_NAME = 64


class DamagedError(ValueError):
    """The reason a snapshot or a journal line cannot be used, fit to show a user."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _key_ok(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 1000


def check_snapshot(data: Any) -> None:
    """Raise DamagedError unless `data` is a session snapshot of the current schema's shape."""
    if not isinstance(data, dict):
        raise DamagedError(_("not a JSON object"))
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedError(_("{path}: must be an object, not {kind}").format(
                path=name, kind=type(table).__name__))
        if name == "meta":
            continue
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise DamagedError(_("{path}: must be an object, not {kind}").format(
                    path=f"{name}.{key}", kind=type(doc).__name__))
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise DamagedError(_("{path}: missing").format(path="meta"))
    store = meta.get("store")
    if not isinstance(store, dict):
        raise DamagedError(_("{path}: must be an object").format(path="meta.store"))
    for key in ("schema", "generation"):
        if not _is_int(store.get(key)) or not 0 <= store[key] < 2**53:
            raise DamagedError(_("{path}: must be a whole number").format(path=f"meta.store.{key}"))
    supersedes = store.get("supersedes")
    if supersedes is not None and not (
            isinstance(supersedes, dict) and _is_int(supersedes.get("generation"))
            and _is_int(supersedes.get("bytes"))):
        raise DamagedError(_("{path}: must name a generation and a size").format(
            path="meta.store.supersedes"))
    ids = meta.get("ids", {})
    if not isinstance(ids, dict) or not all(_is_int(n) and 0 <= n < 2**53 for n in ids.values()):
        raise DamagedError(_("{path}: must map each list to a whole number").format(path="meta.ids"))
    if not isinstance(meta.get("info"), dict):
        raise DamagedError(_("{path}: must be an object").format(path="meta.info"))


def header(generation: int) -> dict[str, int]:
    """A journal's first line: which snapshot generation its edits extend."""
    return {"generation": generation}


def header_generation(entry: Any) -> int:
    """The generation a journal's first line names; DamagedError when it is not a header."""
    if (isinstance(entry, dict) and entry.keys() == {"generation"}
            and _is_int(entry["generation"])):
        return int(entry["generation"])
    raise DamagedError(_("its first line is not the journal's generation header"))


def check_entry(entry: Any) -> list[Op]:
    """A journal line's operations; DamagedError naming what is wrong with them."""
    if not isinstance(entry, list) or not entry:
        raise DamagedError(_("not a list of edits"))
    for n, op in enumerate(entry):
        problem = _op_problem(op)
        if problem:
            raise DamagedError(_("edit {n}: {problem}").format(n=n + 1, problem=problem))
    return entry


def _op_problem(op: Any) -> str | None:
    if not isinstance(op, dict):
        return _("not an object")
    table = op.get("t")
    if not isinstance(table, str) or not 0 < len(table) <= _MAX_NAME:
        return _("names no table")
    keys = op.keys()
    if keys == {"t", "order"}:
        order = op["order"]
        if not isinstance(order, list) or not all(_key_ok(i) for i in order):
            return _("an order must list ids")
        return None
    if keys == {"t", "move", "to"}:
        to = op["to"]
        if not _key_ok(op["move"]) or not _is_int(to) or to < 0:
            return _("a move must name an id and a place")
        return None
    if not _key_ok(op.get("id")):
        return _("names no id")
    if keys == {"t", "id", "del"}:
        return None if op["del"] is True else _("a deletion must say \"del\": true")
    if keys == {"t", "id", "doc"}:
        return None if isinstance(op["doc"], dict) else _("a document must be an object")
    return _("is not a put, a deletion or an order")


def apply_op(data: Data, op: Op, touched: set[tuple[str, str]] | None) -> None:
    """Carry out one operation on `data` in place; note what it changed in `touched`.

    Costs what the operation touches, not what the session holds: a put or a delete is one
    dictionary step, an order is linear in its table.
    """
    name = op["t"]
    table = data.get(name)
    if table is None:
        table = data[name] = {}
    if "order" in op:
        order = op["order"]
        if len(order) == len(table) and table.keys() == set(order):
            # The usual case, every id once: built at C speed (a 10,000-item list in ~0.3 ms).
            data[name] = dict(zip(order, map(table.__getitem__, order), strict=True))
        else:
            named = [i for i in dict.fromkeys(order) if i in table]
            listed = set(named)
            ordered = {i: table[i] for i in named}
            ordered.update((i, doc) for i, doc in table.items() if i not in listed)
            data[name] = ordered
        if touched is not None:
            touched.add((name, ORDER))
    elif "move" in op:
        keys = list(table)
        if op["move"] in table:
            keys.remove(op["move"])
            keys.insert(op["to"], op["move"])
            data[name] = dict(zip(keys, map(table.__getitem__, keys), strict=True))
        if touched is not None:
            touched.add((name, ORDER))
    elif "del" in op:
        table.pop(op["id"], None)
        if touched is not None:
            touched.add((name, op["id"]))
    else:
        table[op["id"]] = op["doc"]
        if touched is not None:
            touched.add((name, op["id"]))


#: The id `touched` records when a table's order changed (no document id can be empty).
ORDER = ""


def order_ops(name: str, current: list[str], wanted: list[str]) -> list[Op]:
    """The operations that turn a table's order `current` into `wanted`: none, one move when
    a single id changed place (compared at C speed), else the whole order."""
    if current == wanted:
        return []
    if len(current) == len(wanted):
        first = _first_difference(current, wanted)
        last = len(current) - _first_difference(current[::-1], wanted[::-1])
        if (wanted[first] == current[last - 1]
                and wanted[first + 1:last] == current[first:last - 1]):
            return [{"t": name, "move": wanted[first], "to": first}]
        if (wanted[last - 1] == current[first]
                and wanted[first:last - 1] == current[first + 1:last]):
            return [{"t": name, "move": current[first], "to": last - 1}]
    return [{"t": name, "order": list(wanted)}]


def _first_difference(a: list[str], b: list[str]) -> int:
    """The first place where two lists of equal length differ (they do differ)."""
    return list(map(operator.eq, a, b)).index(False)
