"""Where the hub can be reached: the links it prints and the origin it trusts.

`--host 0.0.0.0` listens on every network of the laptop, but a phone needs one address it
can reach: the laptop's address on the room's network, found by asking the operating
system for its interfaces (no packet is sent anywhere to find it).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys

from smartplan_tui.records import record

__all__ = ["Links", "lan_addresses", "public_host", "reaches_room"]

#: Hosts that mean "every address of this laptop".
ANY_HOST = ("0.0.0.0", "::", "")


@record
class Links:
    origin: str
    """`http://host:port`: the only origin whose pages may post to the hub."""
    code: str
    token: str

    @property
    def participants(self) -> str:
        return f"{self.origin}/j/{self.code}"

    @property
    def notetakers(self) -> str:
        return f"{self.origin}/n/login?token={self.token}"


def _linux_addresses() -> list[str]:
    """IPv4 addresses of the network interfaces (SIOCGIFADDR), Linux only."""
    import fcntl

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                answer = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
            except OSError:
                continue  # no IPv4 address on this interface
            found.append(socket.inet_ntoa(answer[20:24]))
    return found


def lan_addresses() -> list[str]:
    """This laptop's IPv4 addresses other than loopback, private networks first."""
    found: list[str] = []
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, ImportError):
            found += _linux_addresses()
    with contextlib.suppress(OSError):
        found += [str(info[4][0]) for info in socket.getaddrinfo(
            socket.gethostname(), None, socket.AF_INET)]
    usable = []
    for text in dict.fromkeys(found):
        address = ipaddress.ip_address(text)
        if not (address.is_loopback or address.is_link_local or address.is_unspecified):
            usable.append(address)
    usable.sort(key=lambda a: not a.is_private)
    return [str(a) for a in usable]


def public_host(host: str, lan: list[str] | None = None) -> str:
    """The host to put in links for a hub listening on `host`."""
    if host in ANY_HOST:
        candidates = lan_addresses() if lan is None else lan
        return candidates[0] if candidates else "127.0.0.1"
    return host


def reaches_room(host: str) -> bool:
    """Whether other devices can reach a hub whose links name `host`."""
    try:
        return not ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host != "localhost"


def origin_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"
