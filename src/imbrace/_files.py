"""Upload inputs: the doc's `files={"file": open(...)}` dict, or a path, bytes or a file object.

Files are handed to httpx as open file objects, which it streams in chunks: a large upload is never read into
memory, and a retry re-reads it from the start (httpx seeks back). Paths are opened here and closed after the call.
A `(None, "text")` entry is a plain form field, the old package's way to send extra fields through `files=`.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any, Optional, Union

from typing_extensions import TypeAlias

__all__ = ["FileInput", "FilesArg", "multipart_parts"]

FileContent: TypeAlias = Union[IO[bytes], bytes]
FileInput: TypeAlias = Union[
    str,
    os.PathLike[str],
    FileContent,
    tuple[Optional[str], FileContent],
    tuple[Optional[str], FileContent, Optional[str]],
]
FilesArg: TypeAlias = Union[Mapping[str, FileInput], FileInput]
Part: TypeAlias = tuple[str, Union[tuple[Optional[str], Any, Optional[str]], tuple[None, str]]]
DEFAULT_PART = "file"
_FALLBACK_TYPE = "application/octet-stream"


@contextmanager
def multipart_parts(files: FilesArg | None, fields: Mapping[str, object] | None = None) -> Iterator[list[Part]]:
    """The multipart parts for `files` plus the non-None `fields`, with paths open for the duration."""
    if files is None:
        raise ValueError("an upload needs a file: pass files={'file': ...}, a path, bytes or a file object")
    with ExitStack() as stack:
        parts: list[Part] = []
        for name, value in _named(files):
            if _is_form_field(value):
                parts.append((name, (None, _field_text(value[1]))))  # type: ignore[index]
            else:
                parts.append((name, _file_part(value, stack)))
        for name, field in (fields or {}).items():
            if field is not None:
                parts.append((name, (None, _field_text(field))))
        yield parts


def _named(files: FilesArg) -> list[tuple[str, FileInput]]:
    if isinstance(files, Mapping):
        return list(files.items())
    return [(DEFAULT_PART, files)]


def _is_form_field(value: FileInput) -> bool:
    """The old package's way to send a plain field through `files=`: `(None, "value")`."""
    return isinstance(value, tuple) and len(value) == 2 and value[0] is None and isinstance(value[1], str)


def _file_part(value: FileInput, stack: ExitStack) -> tuple[str | None, Any, str | None]:
    if isinstance(value, tuple):
        filename, content = value[0], value[1]
        content_type = value[2] if len(value) > 2 else None
        return filename, content, content_type or _guess(filename)
    if isinstance(value, (str, os.PathLike)):
        path = Path(value)
        if not path.is_file():
            raise FileNotFoundError(f"no file to upload at {path}")
        return path.name, stack.enter_context(path.open("rb")), _guess(path.name)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "upload.bin", bytes(value), _FALLBACK_TYPE
    filename = os.path.basename(str(getattr(value, "name", "") or "")) or "upload.bin"
    return filename, value, _guess(filename)


def _guess(filename: str | None) -> str:
    if not filename:
        return _FALLBACK_TYPE
    return mimetypes.guess_type(filename)[0] or _FALLBACK_TYPE


def _field_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
