"""The interchange format v1: a whole session as one JSON document (DESIGN.md).

`session_to_document` and `document_to_session` are exact inverses on valid data, which
makes export → import → export identical. Import validates everything first and reports
the JSON path of the first problem, so a bad file never writes half a session.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from smartplan_tui.model import COLLECTIONS, ModelError, Session, session_problems
from smartplan_tui.store.codec import ID_PREFIX, INFO, SPECS, Doc, encode

FORMAT = "smartplan/session"
VERSION = 1
_TOP_LEVEL = ("format", "version", "session", *COLLECTIONS)


def session_to_document(session: Session) -> Doc:
    """The interchange document of a session, every field written out (canonical form)."""
    doc: Doc = {"format": FORMAT, "version": VERSION, "session": encode(session.info)}
    for name in COLLECTIONS:
        doc[name] = [encode(item) for item in getattr(session, name)]
    return doc


def slugify(title: str) -> str:
    """A session id made from a title: `Piekrastes inovāciju nometne` → `piekrastes-inovaciju-nometne`."""
    plain = unicodedata.normalize("NFKD", title)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:48].strip("-")
    return slug or "session"


def document_to_session(doc: Any) -> Session:
    """Build and validate a session from an interchange document; ModelError names the path."""
    if not isinstance(doc, dict):
        raise ModelError("", "the file must hold a JSON object with \"format\": \"smartplan/session\"")
    if doc.get("format") != FORMAT:
        raise ModelError("format", f"must be {FORMAT!r}, not {doc.get('format')!r}")
    if doc.get("version") != VERSION:
        raise ModelError("version", f"version {doc.get('version')!r} is not supported "
                         f"(this SmartPlan reads version {VERSION})")
    unknown = [k for k in doc if k not in _TOP_LEVEL]
    if unknown:
        raise ModelError(unknown[0], f"unknown field (known: {', '.join(_TOP_LEVEL)})")
    head = doc.get("session")
    if not isinstance(head, dict):
        raise ModelError("session", "must be an object with at least a title")
    title = head.get("title")
    defaults = {"id": slugify(title)} if isinstance(title, str) else {}
    info = INFO.decode("session", head, defaults=defaults)
    lists: dict[str, tuple[Any, ...]] = {}
    for name in COLLECTIONS:
        raw = doc.get(name)
        if raw is None:
            lists[name] = ()
            continue
        if not isinstance(raw, list):
            raise ModelError(name, "must be a list")
        lists[name] = _decode_list(name, raw)
    session = Session.of(info, lists)
    problems = session_problems(session)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ModelError(first.path, first.reason + more)
    return session


def _decode_list(name: str, raw: list[Any]) -> tuple[Any, ...]:
    """Decode one list, giving items without an id the next free one (`s1`, `s2`, …)."""
    spec = SPECS[name]
    taken = {item.get("id") for item in raw if isinstance(item, dict)}
    counter = 0
    items = []
    for i, item in enumerate(raw):
        defaults = None
        if isinstance(item, dict) and "id" not in item:
            counter += 1
            while f"{ID_PREFIX[name]}{counter}" in taken:
                counter += 1
            defaults = {"id": f"{ID_PREFIX[name]}{counter}"}
        items.append(spec.decode(f"{name}[{i}]", item, defaults=defaults))
    return tuple(items)


def dumps(doc: Doc) -> str:
    """The document as UTF-8 JSON text: readable, diacritics as themselves, stable order."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def loads(text: str | bytes, source: str) -> Any:
    """Parse JSON text; a syntax error names the file, line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError("", f"{source}: not valid JSON at line {error.lineno} column "
                         f"{error.colno}: {error.msg}") from None
    except UnicodeDecodeError as error:
        raise ModelError("", f"{source}: not UTF-8 text (byte {error.start})") from None
