"""`multipart/form-data` bodies, split exactly on their boundary so binary file parts survive byte for byte."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import Message
from email.utils import collapse_rfc2231_value

__all__ = ["Form", "MultipartError", "UploadedFile", "parse_multipart"]


class MultipartError(ValueError):
    """The body is not the multipart document its content type announces."""


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Form:
    """Text fields and file parts by name (the last part wins when a name repeats)."""

    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)


def parse_multipart(content_type: str, body: bytes) -> Form:
    """The form, cut out of `body` by index: each file part's bytes are copied once (an upload peaks near twice its
    size, not several times)."""
    boundary = _param(f"Content-Type: {content_type}", "content-type", "boundary")
    if not boundary:
        raise MultipartError("multipart/form-data without a boundary")
    delimiter = b"--" + boundary.encode("latin-1")
    form = Form()
    cut = body.find(delimiter)
    parts = 0
    while cut >= 0:
        start = cut + len(delimiter)
        cut = body.find(delimiter, start)
        if cut < 0:
            if parts and body.startswith(b"--", start):
                return form
            break
        _add_part(form, body, start, cut)
        parts += 1
    raise MultipartError("the multipart body is not terminated by its closing boundary")


def _add_part(form: Form, body: bytes, start: int, end: int) -> None:
    if body.startswith(b"\r\n", start):
        start += 2
    blank = body.find(b"\r\n\r\n", start, end)
    if blank < 0:
        raise MultipartError("a multipart part has no header block")
    headers = _decode_headers(body[start:blank])
    name = _param(headers, "content-disposition", "name")
    if not name:
        raise MultipartError("a multipart part has no name")
    data_start = blank + 4
    if end - 2 >= data_start and body.startswith(b"\r\n", end - 2):
        end -= 2
    data = body[data_start:end]
    filename = _param(headers, "content-disposition", "filename")
    if filename is None:
        form.fields[name] = data.decode("utf-8", errors="replace")
    else:
        content_type = _header(headers, "content-type") or "application/octet-stream"
        form.files[name] = UploadedFile(filename, content_type, data)


def _decode_headers(head: bytes) -> str:
    """Part headers as clients send them: a UTF-8 file name raw in `filename="..."` (HTML5, httpx), else latin-1."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("latin-1")


def _param(headers: str, header: str, param: str) -> str | None:
    message = Message()
    value = _header(headers, header)
    if value is None:
        return None
    message[header] = value
    found = message.get_param(param, header=header)
    if found is None:
        return None
    return collapse_rfc2231_value(found)


def _header(headers: str, name: str) -> str | None:
    for line in headers.split("\r\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == name:
            return value.strip()
    return None
