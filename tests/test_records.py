"""`record` builds classes that behave as `dataclass(frozen=True, slots=True)` ones do."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from pathlib import Path
from typing import Any

import pytest

from smartplan_tui.model import Ballot, Quadrant, Session, SessionInfo, SwotItem
from smartplan_tui.records import record


@record
class Fast:
    """A record with every kind of field."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    made: list[str] = field(default_factory=list)
    cache: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("count")


@dataclass(frozen=True, slots=True)
class Standard:
    """The same class, built by the standard library."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    made: list[str] = field(default_factory=list)
    cache: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("count")


@record(eq=False)
class ByIdentity:
    name: str


@record
class OwnMethods:
    name: str

    def __repr__(self) -> str:
        return "mine"

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


def _both(*args: Any, **kwargs: Any) -> tuple[Any, Any]:
    return Fast(*args, **kwargs), Standard(*args, **kwargs)


def test_fields_defaults_and_post_init_are_the_standard_ones() -> None:
    fast, standard = _both("a", 2, made=["x"])
    assert [(f.name, f.init, f.repr, f.compare) for f in dataclasses.fields(fast)] == [
        (f.name, f.init, f.repr, f.compare) for f in dataclasses.fields(standard)]
    assert (fast.name, fast.count, fast.tags, fast.made, fast.cache) == ("a", 2, (), ["x"], {})
    assert Fast("b").made is not Fast("c").made  # a new list from the factory each time
    assert Fast.__match_args__ == Standard.__match_args__
    assert not hasattr(fast, "__dict__")
    with pytest.raises(ValueError, match="count"):
        Fast("a", -1)
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast("a", cache={})  # type: ignore[call-arg]


def test_repr_equality_and_hash_follow_the_compared_fields() -> None:
    fast, standard = _both("a", 2, ("t",))
    assert repr(fast) == repr(standard).replace("Standard", "Fast")
    assert fast == Fast("a", 2, ("t",))
    assert fast != Fast("a", 3, ("t",))
    assert fast.__eq__(standard) is NotImplemented
    other = Fast("a", 2, ("t",))
    other.cache["k"] = 1  # not compared
    assert fast == other
    with pytest.raises(TypeError, match="unhashable"):
        hash(fast)  # as the standard one: its list field cannot be hashed
    with pytest.raises(TypeError, match="unhashable"):
        hash(standard)
    items = [SwotItem("s1", Quadrant.STRENGTHS, "Harbour"), SwotItem("s1", Quadrant.STRENGTHS, "Harbour"),
             SwotItem("s2", Quadrant.STRENGTHS, "Harbour")]
    assert hash(items[0]) == hash(items[1])
    assert len(set(items)) == 2
    twin = ByIdentity("a")
    assert twin != ByIdentity("a") and twin == twin
    assert repr(OwnMethods("a")) == "mine" and OwnMethods("a") == OwnMethods("b")


def test_frozen_and_copies_by_value() -> None:
    fast = Fast("a", 2)
    with pytest.raises(FrozenInstanceError):
        fast.count = 3  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del fast.count  # type: ignore[misc]
    assert dataclasses.replace(fast, count=5) == Fast("a", 5)
    with pytest.raises(ValueError):
        dataclasses.replace(fast, count=-1)
    for copied in (pickle.loads(pickle.dumps(fast)), copy.deepcopy(fast), copy.copy(fast)):
        assert copied == fast and copied is not fast


def test_model_classes_are_records() -> None:
    item = SwotItem("s1", Quadrant.STRENGTHS, "Harbour", ("port",))
    assert dataclasses.replace(item, text="Port") == SwotItem("s1", Quadrant.STRENGTHS, "Port", ("port",))
    assert repr(item).startswith("SwotItem(id='s1', quadrant=")
    with pytest.raises(FrozenInstanceError):
        item.text = "x"  # type: ignore[misc]
    session = Session(SessionInfo(id="w1", title="Workshop"), swot=(item,))
    assert session.find  # the index field is left out of init, repr and equality
    assert "_by_id" not in repr(session)
    assert session == pickle.loads(pickle.dumps(session))
    ballot = Ballot(dots={"o1": 1})
    assert ballot == Ballot(dots={"o1": 1})  # by its own `__eq__`, which is kept
    assert ballot != Ballot(dots={"o1": 2})


def test_every_frozen_value_class_of_the_package_is_a_record() -> None:
    package = Path(__file__).resolve().parent.parent / "smartplan_tui"
    written = [f"{path.relative_to(package)}:{number}"
               for path in sorted(package.rglob("*.py")) if path.name != "records.py"
               for number, line in enumerate(path.read_text().splitlines(), 1)
               if line.lstrip().startswith("@dataclass(frozen=True")]
    assert not written, f"use @record from smartplan_tui/records.py: {written}"
