"""The interchange format v1: a whole session as one JSON document (docs/format.md).

`session_to_document` and `document_to_session` are exact inverses on valid data, which
makes export → import → export identical. Import validates everything first and reports
the JSON path of the first problem, so a bad file never writes half a session.

`loads` is strict where Python's `json` is lenient: duplicate keys, `NaN`, `Infinity`,
numbers that overflow and nesting that exhausts the stack are errors naming the file (and
the line and column, or the JSON path), never a traceback or a silently dropped value.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from smartplan_tui.collection_registry import COLLECTIONS, Collection
from smartplan_tui.i18n import _, ngettext
from smartplan_tui.model import (
    RESERVED_NAMES,
    ModelError,
    Session,
    describe,
    key_path,
    reference_problems,
    session_id_problem,
)
from smartplan_tui.store.codec import INFO, Doc, decode, encode

FORMAT = "smartplan/session"
VERSION = 1
_TOP_LEVEL = ("format", "version", "session", *(c.name for c in COLLECTIONS))


def session_to_document(session: Session) -> Doc:
    """The interchange document of a session, every field written out (canonical form)."""
    doc: Doc = {"format": FORMAT, "version": VERSION, "session": encode(session.info)}
    for collection in COLLECTIONS:
        doc[collection.name] = [encode(item) for item in collection.items(session)]
    return doc


def slugify(title: str) -> str:
    """A session id made from a title: `Piekrastes inovāciju nometne` → `piekrastes-inovaciju-nometne`.

    Always a valid new session id (`model.is_new_session_id`): a title that is a name
    Windows reserves for a device (`Con`) gets `-session` added (`con-session`).
    """
    plain = unicodedata.normalize("NFKD", title[:1000])
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:48].strip("-")
    if slug in RESERVED_NAMES:
        slug = f"{slug}-session"
    return slug or "session"


def document_to_session(doc: Any, *, existing: Callable[[str], bool] | None = None) -> Session:
    """Build and validate a session from an interchange document; ModelError names the path.

    The session's id must be valid for a new session (`model.session_id_problem`) unless
    `existing(id)` says a session with that id is stored already (re-importing a session
    made under an older, looser id rule, with --replace).
    """
    if not isinstance(doc, dict):
        raise ModelError("", _("the file must hold a JSON object with \"format\": \"{format}\"")
                         .format(format=FORMAT))
    if doc.get("format") != FORMAT:
        raise ModelError("format", _("must be {expected}, not {value}").format(
            expected=repr(FORMAT), value=describe(doc.get("format"))))
    version = doc.get("version")
    if type(version) is not int or version != VERSION:  # True == 1 == 1.0, but neither is 1
        raise ModelError("version", _("version {version} is not supported (this SmartPlan reads "
                                       "version {supported})").format(
                                           version=describe(version), supported=VERSION))
    unknown = [k for k in doc if k not in _TOP_LEVEL]
    if unknown:
        raise ModelError(key_path("", unknown[0]), _("unknown field (known: {fields})").format(
            fields=", ".join(_TOP_LEVEL)))
    head = doc.get("session")
    if not isinstance(head, dict):
        raise ModelError("session", _("must be an object with at least a title"))
    title = head.get("title")
    defaults = {"id": slugify(title)} if isinstance(title, str) else {}
    info = INFO.decode("session", head, defaults=defaults)
    problem = session_id_problem(info.id)
    if problem is not None and not (existing is not None and existing(info.id)):
        raise ModelError("session.id", problem)
    lists: dict[str, tuple[Any, ...]] = {}
    for collection in COLLECTIONS:
        raw = doc.get(collection.name)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise ModelError(collection.name, _("must be a list"))
        lists[collection.name] = _decode_list(collection, raw)
    session = Session.of(info, lists)
    problems = reference_problems(session)
    if problems:
        first = problems[0]
        if len(problems) == 1:
            raise ModelError(first.path, first.reason)
        others = len(problems) - 1
        raise ModelError(first.path, ngettext("{problem} (and {n} more)",
                                              "{problem} (and {n} more)", others).format(
                                                  problem=first.reason, n=others))
    return session


def _decode_list(collection: Collection[Any], raw: list[Any]) -> tuple[Any, ...]:
    """Decode one list, giving items without an id the next free one (`s1`, `s2`, …)."""
    name, prefix = collection.name, collection.id_prefix
    taken = {item.get("id") for item in raw if isinstance(item, dict) and isinstance(item.get("id"), str)}
    counter = 0
    items = []
    for i, item in enumerate(raw):
        defaults = None
        if isinstance(item, dict) and "id" not in item:
            counter += 1
            while f"{prefix}{counter}" in taken:
                counter += 1
            defaults = {"id": f"{prefix}{counter}"}
        items.append(decode(collection, item, f"{name}[{i}]", defaults=defaults))
    return tuple(items)


def dumps(doc: Doc) -> str:
    """The document as UTF-8 JSON text: readable, diacritics as themselves, stable order."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class _Refused(ValueError):
    """A number or constant that `loads` does not accept; `token` is how the file spells it."""

    def __init__(self, token: str, reason: str) -> None:
        super().__init__(reason)
        self.token = token
        self.reason = reason


#: More digits than any value the model accepts could need, far below Python's limit of
#: 4,300 (beyond which `int()` raises): refused at once, with the line and column.
MAX_DIGITS = 100


def _parse_int(token: str) -> int:
    digits = len(token.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _Refused(token, ngettext("a whole number of {n} digit is too large",
                                       "a whole number of {n} digits is too large",
                                       digits).format(n=digits))
    return int(token)


def _parse_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _Refused(token, _("the number {number} is too large").format(number=token[:40]))
    return value


def _parse_constant(token: str) -> Any:
    raise _Refused(token, _("{token} is not a number JSON allows").format(token=token))


#: A JSON string (skipped) or a number or constant (captured), to find where a refused
#: token is: the text before it parsed, so this tokenizer sees it as the parser did.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|-?Infinity)')


def _where(text: str, token: str) -> tuple[int, int] | None:
    """(line, column) of the first number or constant spelled `token`, or None."""
    for match in _TOKEN.finditer(text):
        if match.group(1) == token:
            start = match.start(1)
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            return line, column
    return None


class _Duplicates:
    """`object_pairs_hook` that notes objects with a key given twice (json keeps the last)."""

    def __init__(self) -> None:
        self.found: list[tuple[dict[str, Any], str]] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    self.found.append((obj, key))
                    break
                seen.add(key)
        return obj


def _path_of(root: Any, target: object) -> str:
    """The JSON path of the object `target` inside `root` (walked without recursion)."""
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        path, value = stack.pop()
        if value is target:
            return path
        if isinstance(value, dict):
            stack.extend((key_path(path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
    return ""


def loads(text: str | bytes, source: str) -> Any:
    """Parse JSON text strictly; every problem is a one-line ModelError naming the file.

    Bytes must be UTF-8 (a byte order mark is ignored, as JSON allows) or UTF-16/32 with
    its byte order mark, as Windows tools write; lone surrogates are not text.
    """
    if isinstance(text, bytes):
        encoding = json.detect_encoding(text)
        try:
            decoded = codecs.decode(text, encoding)
        except UnicodeDecodeError as error:
            name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
            raise ModelError("", _("{source}: not {encoding} text (byte {at})").format(
                source=source, encoding=name, at=error.start)) from None
        text = decoded  # the codec has dropped the byte order mark, if any
    else:
        text = text.removeprefix("\ufeff")
    duplicates = _Duplicates()
    try:
        doc = json.loads(text, object_pairs_hook=duplicates, parse_int=_parse_int,
                         parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise ModelError("", _("{source}: not valid JSON at line {line} column {column}: "
                                 "{reason}").format(source=source, line=error.lineno,
                                                    column=error.colno, reason=error.msg)
                         ) from None
    except _Refused as error:
        where = _where(text, error.token)
        raise ModelError("", f"{source}: {error.reason}" if where is None else
                         _("{source}: {reason} at line {line} column {column}").format(
                             source=source, reason=error.reason, line=where[0],
                             column=where[1])) from None
    except RecursionError:
        raise ModelError("", _("{source}: the JSON is nested too deeply").format(
            source=source)) from None
    except ValueError as error:  # any other limit of the parser: still one line, no traceback
        raise ModelError("", _("{source}: not valid JSON: {reason}").format(
            source=source, reason=describe(str(error)))) from None
    if duplicates.found:
        obj, key = duplicates.found[0]
        path = _path_of(doc, obj)
        if path:
            raise ModelError(path, _("the key {key} appears twice").format(key=describe(key)))
        raise ModelError("", _("{source}: the key {key} appears twice in the top-level "
                               "object").format(source=source, key=describe(key)))
    return doc
