"""Checks on what the caller hands the SDK, made before anything is sent: header values, credentials, limits.

A bad value is refused with a `ValueError` that names the field and never shows the value (it may be a secret).
The rule for header values is RFC 9110's: visible ASCII and inner spaces or tabs, no surrounding whitespace, no
CR, LF or NUL. Credentials from environment variables are stripped of surrounding whitespace first (a key read from
a file keeps its newline); a credential passed as an argument is taken as given and refused if it breaks the rule.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["check_header_value", "check_headers"]

_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?")


def check_header_value(field: str, value: object) -> str:
    """`value` if it can be sent as a header value; else a TypeError/ValueError naming `field`, not the value."""
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a str, got {type(value).__name__}")
    if _VALUE.fullmatch(value) is None:
        raise ValueError(f"{field} is not a valid header value: {_why(value)} (the value is not shown)")
    return value


def check_headers(headers: Mapping[str, str], where: str) -> Mapping[str, str]:
    """Every name and value of `headers`, checked; `where` says where they came from, for the error message."""
    for name, value in headers.items():
        if not isinstance(name, str) or _TOKEN.fullmatch(name) is None:
            raise ValueError(f"{where}: {name!r} is not a valid header name")
        check_header_value(f"{where}: header {name!r}", value)
    return headers


def _why(value: str) -> str:
    if value != value.strip():
        return "it has leading or trailing whitespace (a newline read from a file?)"
    if not value.isascii():
        return "it has non-ASCII characters"
    return "it has control characters"
