"""The hub's pure parts: keys and cookies, links, the QR code, forms, the room's progress."""

from __future__ import annotations

import segno

from smartplan_tui.hub import forms
from smartplan_tui.hub.keys import CODE_ALPHABET, HubKeys, device_tag, normal_code, sign, verify
from smartplan_tui.hub.links import Links, public_host, reaches_room
from smartplan_tui.hub.progress import vote_progress
from smartplan_tui.hub.qr import qr_lines
from smartplan_tui.hub.room_view import Refused
from smartplan_tui.model import (
    Ballot,
    Participant,
    Room,
    RoomActivity,
    Session,
    SessionInfo,
    Vote,
    VoteMethod,
    VoteOption,
)


def test_cookies_are_signed_and_a_new_key_revokes_them() -> None:
    keys = HubKeys()
    cookie = sign(keys.device_key, "device-1")
    assert verify(keys.device_key, cookie) == "device-1"
    value, _, signature = cookie.rpartition(".")
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    for forged in ("device-2." + signature, f"{value}.{flipped}", value, "", None, "a" * 500):
        assert verify(keys.device_key, forged) is None
    assert verify(keys.new_code().device_key, cookie) is None
    assert verify(keys.new_token().device_key, cookie) == "device-1"  # note-takers only


def test_the_join_code_is_readable_and_the_token_long() -> None:
    keys = HubKeys()
    assert len(keys.code) == 6 and set(keys.code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)
    assert len(keys.token) >= 22  # ≥ 128 bits as base64
    assert normal_code(f" {keys.code.lower()} ") == keys.code
    assert normal_code("ABC") is None and normal_code("ABCDE0") is None
    fresh = keys.new_code()
    assert fresh.device_key != keys.device_key and fresh.token == keys.token
    assert HubKeys.from_json(keys.to_json()) == keys
    assert HubKeys.from_json({**keys.to_json(), "code": "bad"}) is None
    assert HubKeys.from_json({"code": keys.code}) is None


def test_a_device_tag_differs_per_vote_so_ballots_cannot_be_linked() -> None:
    keys = HubKeys()
    assert device_tag(keys, "dev", "v1") == device_tag(keys, "dev", "v1")
    assert device_tag(keys, "dev", "v1") != device_tag(keys, "dev", "v2")
    assert device_tag(keys, "dev", "v1") != device_tag(keys, "other", "v1")
    Ballot(dots={"A": 1}, device=device_tag(keys, "dev", "v1"))  # a valid device field


def test_links_name_the_lan_address_when_listening_everywhere() -> None:
    assert public_host("0.0.0.0", ["192.168.1.20"]) == "192.168.1.20"
    assert public_host("0.0.0.0", []) == "127.0.0.1"
    assert public_host("10.0.0.5") == "10.0.0.5"
    assert reaches_room("192.168.1.20") and not reaches_room("127.0.0.1")
    assert not reaches_room("localhost")
    links = Links("http://192.168.1.20:8765", "K7QX2M", "tok")
    assert links.participants == "http://192.168.1.20:8765/j/K7QX2M"
    assert links.notetakers == "http://192.168.1.20:8765/n/login?token=tok"


def test_the_qr_code_encodes_the_link_in_half_blocks_or_full_blocks() -> None:
    link = "http://192.168.1.20:8765/j/K7QX2M"
    size = len(list(segno.make(link, error="m").matrix_iter(border=2)))
    compact = qr_lines(link)
    big = qr_lines(link, compact=False)
    assert len(compact) == (size + 1) // 2 and {len(line) for line in compact} == {size}
    assert len(big) == size and {len(line) for line in big} == {2 * size}
    assert set("".join(compact)) <= set(" ▀▄█")


def test_plain_form_fields_become_the_apis_ballots() -> None:
    dot = Vote("v1", "Q", options=(VoteOption("A", "a"), VoteOption("B", "b")))
    rank = Vote("v2", "Q", VoteMethod.BORDA, options=dot.options)
    score = Vote("v3", "Q", VoteMethod.SCORE, options=dot.options)
    assert forms.ballot_doc({"vote": "v1", "dots.A": "2", "dots.B": ""}, dot) == {
        "vote": "v1", "dots": {"A": 2}}
    assert forms.ballot_doc({"vote": "v2", "rank.B": "1", "rank.A": "2"}, rank)["ranking"] == [
        "B", "A"]
    assert forms.ballot_doc({"vote": "v3", "score.A.impact": "4", "voter": "p1"}, score) == {
        "vote": "v3", "voter": "p1", "scores": {"A": {"impact": 4}}}
    for fields, vote, message in [({"dots.A": "x"}, dot, "dots.A: 'x' is not a whole number"),
                                  ({"rank.A": "1", "rank.B": "1"}, rank, "both ranked 1")]:
        try:
            forms.ballot_doc(fields, vote)
        except Refused as refused:
            assert refused.status == 400 and message in refused.message
        else:
            raise AssertionError(fields)


def test_progress_names_people_only_when_the_vote_asks_for_names() -> None:
    vote = Vote("v1", "Q", options=(VoteOption("A", "a"), VoteOption("B", "b")),
                ballots=(Ballot(voter="p1", dots={"A": 1}, device="d1"),
                         Ballot(dots={"A": 1, "B": 2}, device="d2"), Ballot(dots={"B": 3})))
    session = Session(SessionInfo("s", "S"), participants=(
        Participant("p1", "Ilze"), Participant("p2", "Jonas")), votes=(vote,))
    anonymous = vote_progress(session, Room(RoomActivity.VOTE, "v1"), vote, 5)
    assert anonymous == ["3 ballots counted (2 from devices in the room)",
                         "2 of 5 devices have voted; 3 still to vote",
                         "1 ballot has dots left (2 dots in all)"]
    named = vote_progress(session, Room(RoomActivity.VOTE, "v1", names=True), vote, None)
    assert named[1:] == ["Still to vote: Jonas", "Dots left: Ilze 2"]
