"""`record`: SmartPlan's frozen, slotted dataclasses, built at a fraction of the import cost.

`dataclass(frozen=True, slots=True)` compiles six small functions per class (`__init__`,
`__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`) from generated source, and
the model's sixteen classes made importing `model.py` about a third of SmartPlan's own
start-up. `record` lets the standard `dataclass` do the bookkeeping (fields, slots,
`__match_args__`, what `dataclasses.fields` and `dataclasses.replace` read) without any
generated method, then adds the same methods: a generated `__init__` only (the one method
whose speed counts, at 10,000 items), `__eq__` and `__hash__` as closures over the compared
fields, and shared `__repr__` and frozen `__setattr__`/`__delattr__`. The classes behave as
the standard ones do: equality and hashing by the compared fields in order, `Cls(a=1, b=2)`
as repr, `FrozenInstanceError` on assignment, pickling and copying by field values.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["record"]

C = TypeVar("C", bound=type)

_SHOWN = "__record_shown__"
_FIELD_NAMES = "__record_fields__"


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _comparisons(key: Callable[[object], object]) -> tuple[Callable[..., object],
                                                          Callable[[object], int]]:
    """`__eq__` and `__hash__` by the compared fields (closures: nothing to compile)."""

    def __eq__(self: object, other: object) -> object:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self: object) -> int:
        return hash(key(self))

    return __eq__, __hash__


@reprlib.recursive_repr()
def _repr(self: object) -> str:
    shown: tuple[str, ...] = getattr(self.__class__, _SHOWN)
    values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
    return f"{self.__class__.__qualname__}({values})"


def _getstate(self: object) -> list[Any]:
    return [getattr(self, name) for name in getattr(self.__class__, _FIELD_NAMES)]


def _setstate(self: object, state: list[Any]) -> None:
    for name, value in zip(getattr(self.__class__, _FIELD_NAMES), state, strict=True):
        object.__setattr__(self, name, value)


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The `__init__` the standard `dataclass` would write: the same parameters, defaults,
    default factories and `__post_init__` call (compiled once, as there)."""
    params: list[str] = []
    lines: list[str] = []
    names: dict[str, Any] = {"__set": object.__setattr__, "__missing": MISSING}
    for f in fields:
        if f.init:
            if f.default is not MISSING:
                names[f"__default_{f.name}"] = f.default
                params.append(f"{f.name}=__default_{f.name}")
            elif f.default_factory is not MISSING:
                names[f"__factory_{f.name}"] = f.default_factory
                params.append(f"{f.name}=__missing")
                lines.append(f"if {f.name} is __missing: {f.name} = __factory_{f.name}()")
            else:
                params.append(f.name)
            lines.append(f"__set(self, {f.name!r}, {f.name})")
        elif f.default_factory is not MISSING:
            names[f"__factory_{f.name}"] = f.default_factory
            lines.append(f"__set(self, {f.name!r}, __factory_{f.name}())")
        elif f.default is not MISSING:
            names[f"__default_{f.name}"] = f.default
            lines.append(f"__set(self, {f.name!r}, __default_{f.name})")
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    body = "\n".join(f"    {line}" for line in lines or ["pass"])
    source = f"def __init__(self, {', '.join(params)}) -> None:\n{body}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<record {cls.__qualname__}>", "exec"), names, namespace)
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _build(cls: type, eq: bool) -> type:
    if not cls.__dict__.get("__doc__"):
        cls.__doc__ = cls.__name__  # else `dataclass` works out a signature for it
    built: type = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=True)
    fields = dataclasses.fields(built)
    compared = tuple(f.name for f in fields if f.compare)
    setattr(built, _FIELD_NAMES, tuple(f.name for f in fields))
    setattr(built, _SHOWN, tuple(f.name for f in fields if f.repr))
    methods: dict[str, Any] = {
        "__init__": _init(built, fields), "__repr__": _repr,
        "__setattr__": _frozen_setattr, "__delattr__": _frozen_delattr,
        "__getstate__": _getstate, "__setstate__": _setstate,
    }
    if eq:
        key = operator.attrgetter(*compared) if compared else (lambda _: ())
        methods["__eq__"], methods["__hash__"] = _comparisons(key)
    for name, method in methods.items():
        if name not in built.__dict__:  # a method the class writes itself is kept, as there
            setattr(built, name, method)
    return built


@overload
def record(cls: C, /) -> C: ...
@overload
def record(*, eq: bool = True) -> Callable[[C], C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: C | None = None, /, *, eq: bool = True) -> C | Callable[[C], C]:
    """A frozen, slotted dataclass (`eq=False`: compared and hashed by identity)."""
    if cls is None:
        return lambda c: _build(c, eq)  # type: ignore[return-value]
    return _build(cls, eq)
