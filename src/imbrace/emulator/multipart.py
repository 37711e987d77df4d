"""`multipart/form-data` bodies parsed as they arrive (python-multipart, as starlette's `request.form()`).

Text fields are kept in memory (up to 1 MiB each, part headers up to 16 KiB); each file part is spooled to a
temporary file, in memory up to 1 MiB and on disk beyond, so an upload's size never becomes the emulator's memory.
File names are decoded as clients send them: UTF-8 raw in `filename="..."` (HTML5, httpx), else latin-1.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterable
from dataclasses import dataclass, field
from tempfile import SpooledTemporaryFile
from typing import IO, TYPE_CHECKING

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, MultipartState, parse_options_header

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

__all__ = ["Form", "MultipartError", "UploadedFile", "read_form"]

_SPOOL_BYTES = 1024 * 1024
_MAX_FIELD_BYTES = 1024 * 1024
_MAX_HEADER_BYTES = 16 * 1024


class MultipartError(ValueError):
    """The body is not the multipart document its content type announces."""


@dataclass(frozen=True)
class UploadedFile:
    """A file part: `size` bytes in `file` (a spooled temporary file, closed once the request is answered)."""

    filename: str
    content_type: str
    size: int
    file: IO[bytes]

    def head(self, size: int) -> bytes:
        """The first `size` bytes."""
        self.file.seek(0)
        return self.file.read(size)


@dataclass(frozen=True)
class Form:
    """Text fields and file parts by name (the last part wins when a name repeats), the SHA-256 of the body read,
    and why the body is not a multipart document (`error`, then nothing else is kept)."""

    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)
    sha256: str = ""
    error: str | None = None

    def close(self) -> None:
        for upload in self.files.values():
            upload.file.close()


async def read_form(content_type: str, chunks: AsyncIterable[bytes]) -> Form:
    """The form read from `chunks`; a malformed body gives a Form with `error` (the rest of the body is not read).
    Exceptions of `chunks` (a 413, a disconnect) pass through, with every spooled file closed."""
    digest = hashlib.sha256()
    boundary = parse_options_header(content_type)[1].get(b"boundary")
    if not boundary:
        return Form(error="multipart/form-data without a boundary")
    parts = _Parts()
    parser = MultipartParser(boundary, parts.callbacks())
    try:
        async for chunk in chunks:
            digest.update(chunk)
            parser.write(chunk)
        if parser.state != MultipartState.END:
            raise MultipartError("the multipart body is not terminated by its closing boundary")
    except (MultipartError, FormParserError) as exc:
        parts.close()
        return Form(sha256=digest.hexdigest(), error=str(exc))
    except BaseException:
        parts.close()
        raise
    return Form(parts.fields, parts.files, digest.hexdigest())


class _Parts:
    """python-multipart's callbacks: each part's headers, then its data into a field buffer or a spooled file."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.files: dict[str, UploadedFile] = {}
        self._header = b""
        self._value = b""
        self._headers: dict[bytes, bytes] = {}
        self._name = ""
        self._filename: str | None = None
        self._data = bytearray()
        self._file: IO[bytes] | None = None
        self._size = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def close(self) -> None:
        for upload in self.files.values():
            upload.file.close()
        if self._file is not None:
            self._file.close()

    def _begin(self) -> None:
        self._headers, self._data, self._size = {}, bytearray(), 0

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header += data[start:end]
        self._check_header()

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]
        self._check_header()

    def _check_header(self) -> None:
        if len(self._header) + len(self._value) > _MAX_HEADER_BYTES:
            raise MultipartError(f"a multipart part header is larger than {_MAX_HEADER_BYTES} bytes")

    def _header_end(self) -> None:
        self._headers[self._header.lower()] = self._value.strip()
        self._header = self._value = b""

    def _headers_finished(self) -> None:
        disposition = parse_options_header(self._headers.get(b"content-disposition", b""))[1]
        self._name = _text(disposition.get(b"name", b""))
        if not self._name:
            raise MultipartError("a multipart part has no name")
        filename = disposition.get(b"filename")
        self._filename = None if filename is None else _text(filename)
        if filename is not None:
            self._file = SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 (closed with the form)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None:
            self._file.write(data[start:end])
            self._size += end - start
            return
        self._data += data[start:end]
        if len(self._data) > _MAX_FIELD_BYTES:
            raise MultipartError(f"a multipart text field is larger than {_MAX_FIELD_BYTES} bytes")

    def _part_end(self) -> None:
        name, file = self._name, self._file
        self._file = None
        if file is None or self._filename is None:
            self.fields[name] = self._data.decode("utf-8", errors="replace")
            return
        file.seek(0)
        content_type = self._headers.get(b"content-type", b"").decode("latin-1") or "application/octet-stream"
        replaced = self.files.get(name)
        self.files[name] = UploadedFile(self._filename, content_type, self._size, file)
        if replaced is not None:
            replaced.file.close()


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
