"""How the integration tests record and replay HTTP: where cassettes live, what is scrubbed, how they are written.

Every request and response passes through `scrub_request` / `scrub_response` before it is stored, and every
request passes through `scrub_request` again before it is matched, so the stored and the live request compare equal:
- the gateway's origin becomes `FAKE_GATEWAY` and the organization id `FAKE_ORGANIZATION`, so a replay matches
  whatever server and account the cassette was recorded with;
- only `KEPT_REQUEST_HEADERS` / `KEPT_RESPONSE_HEADERS` are stored: no credential, cookie, date or request id;
- token-like query parameters and anything secret-shaped in a URL or body (`SECRET_TEXT`, and the exact credential
  values used) become `REDACTED`; compressed bodies are stored decoded, multipart boundaries fixed.
`scan` finds what must never be in a cassette; `tests/integration/test_cassettes.py` runs it on `cassettes/`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import vcr
import yaml
from vcr.filters import replace_query_parameters
from vcr.request import Request
from vcr.serializers import yamlserializer

RECORDING = os.environ.get("IMBRACE_RECORD") == "1"
"""Set by `scripts/record`; read when this module loads, as the suite's autouse fixture hides IMBRACE_* variables."""
CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"
FAKE_GATEWAY = "http://imbrace.test"
FAKE_ORGANIZATION = "org_imbrace_test"
REDACTED = "<REDACTED>"

# Credentials a recording against the emulator sends, shaped like real ones so the scrubbing is put to the test.
RECORD_API_KEY = "sk-test-RECORD-SECRET-123456"
RECORD_ACCESS_TOKEN = "acc_RECORDSECRETtoken123456"

KEPT_REQUEST_HEADERS = frozenset({"accept", "content-type"})
KEPT_RESPONSE_HEADERS = frozenset({"content-type"})
CREDENTIAL_HEADERS = frozenset(
    {"authorization", "cookie", "proxy-authorization", "set-cookie", "x-access-token", "x-api-key"}
)
SECRET_PARAMS = ("access_token", "api_key", "apikey", "key", "password", "secret", "signature", "token")
SECRET_TEXT = re.compile(
    rb"sk-[\w-]{6,}"  # API keys
    rb"|acc_\w{8,}"  # opaque access tokens
    rb"|eyJ[\w-]{4,}\.[\w-]{4,}(?:\.[\w-]*)?"  # JWTs
    rb"|bearer\s+[\w.~+/=-]{12,}",
    re.IGNORECASE,
)
# What the repository's pre-stop hook looks for in cassettes; a cassette must not match it either.
HOOK_PATTERN = re.compile(
    r'(sk-[A-Za-z0-9]{6,}|bearer [A-Za-z0-9._-]{12,}|"x-api-key": *\["[^"]{6,}|acc_[A-Za-z0-9]{8,})', re.IGNORECASE
)
_BOUNDARY = re.compile(r"boundary=([^;\s]+)")
_FIXED_BOUNDARY = "imbrace-test-boundary"


@dataclass(frozen=True)
class Target:
    """The server a test talks to, the credentials it uses, and what a cassette writes in place of real values."""

    gateway: str
    organization_id: str = FAKE_ORGANIZATION
    api_key: str | None = RECORD_API_KEY
    access_token: str | None = RECORD_ACCESS_TOKEN
    replacements: Mapping[str, str] = field(default_factory=dict)
    poll_interval: float = 0.0
    """Seconds between two polls of a job: none for a replay or an emulator, which count polls, not seconds."""

    def client_kwargs(self, *, token: bool = False) -> dict[str, Any]:
        """Client arguments: the API key (else the token), or the access token when `token` and there is one."""
        use_token = (token and self.access_token) or not self.api_key
        credential = {"access_token": self.access_token} if use_token else {"api_key": self.api_key}
        return {**credential, "organization_id": self.organization_id, "gateway": self.gateway}

    @classmethod
    def recording(cls, gateway: str, organization_id: str | None, api_key: str | None, token: str | None) -> Target:
        """A target whose real values are written as placeholders: the origin, the organization, the credentials."""
        secrets = {secret: REDACTED for secret in (api_key, token) if secret}
        organization = {organization_id: FAKE_ORGANIZATION} if organization_id else {}
        replacements = {gateway.rstrip("/"): FAKE_GATEWAY, **organization, **secrets}
        return cls(gateway, organization_id or FAKE_ORGANIZATION, api_key, token, replacements)


def scrub(data: bytes, replacements: Mapping[str, str]) -> bytes:
    """`data` with the target's real values replaced and anything secret-shaped redacted."""
    for real, placeholder in replacements.items():
        data = data.replace(real.encode(), placeholder.encode())
    return SECRET_TEXT.sub(REDACTED.encode(), data)


def make_vcr(target: Target, *, record: bool) -> vcr.VCR:
    """A VCR that records everything (`record`) or only replays, failing on any request its cassette lacks."""

    def scrub_request(request: Request) -> Request:
        request.uri = scrub(request.uri.encode(), target.replacements).decode()
        request = replace_query_parameters(request, [(name, REDACTED) for name in SECRET_PARAMS])
        headers = {k.lower(): v for k, v in request.headers.items() if k.lower() in KEPT_REQUEST_HEADERS}
        body = request.body
        if isinstance(body, bytes):
            boundary = _BOUNDARY.search(headers.get("content-type", ""))
            if boundary:
                body = body.replace(boundary[1].encode(), _FIXED_BOUNDARY.encode())
                headers["content-type"] = headers["content-type"].replace(boundary[1], _FIXED_BOUNDARY)
            request.body = scrub(body, target.replacements)
        request.headers = headers
        return request

    def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
        headers = response["headers"].items()
        response["headers"] = {k.lower(): v for k, v in headers if k.lower() in KEPT_RESPONSE_HEADERS}
        body = response["body"]["string"]
        if isinstance(body, bytes):
            response["body"]["string"] = scrub(body, target.replacements)
        return response

    recorder = vcr.VCR(
        serializer="readable-yaml",
        record_mode="all" if record else "none",
        match_on=("method", "scheme", "host", "port", "path", "query", "body"),
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        decode_compressed_response=True,
    )
    recorder.register_serializer("readable-yaml", ReadableYaml)
    return recorder


class _Dumper(yaml.SafeDumper):
    """Multi-line strings (SSE streams, multipart parts) as literal blocks, never folded; the rest as YAML would."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # PyYAML falls back to a quoted style by itself where a literal block could not hold the string exactly.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


class ReadableYaml:
    """vcrpy's YAML format, written to be read: keys in their natural order, bodies as text, lines unfolded."""

    deserialize = staticmethod(yamlserializer.deserialize)

    @staticmethod
    def serialize(cassette: dict[str, Any]) -> str:
        return yaml.dump(cassette, Dumper=_Dumper, sort_keys=False, width=2**31, allow_unicode=True)


def scan(text: str) -> list[str]:
    """Everything secret in a cassette's text: credential headers, token-like query values, secret-shaped strings."""
    found = [match[0] for match in HOOK_PATTERN.finditer(text)]
    found += [match[0].decode() for match in SECRET_TEXT.finditer(text.encode())]
    for interaction in ReadableYaml.deserialize(text).get("interactions", []):
        request, response = interaction["request"], interaction["response"]
        for headers in (request["headers"], response["headers"]):
            found += [
                f"header {name}: {values}"
                for name, values in headers.items()
                if name.lower() in CREDENTIAL_HEADERS and any(value != REDACTED for value in values)
            ]
        query = parse_qsl(urlsplit(request["uri"]).query)
        found += [f"query {name}={value}" for name, value in query if name in SECRET_PARAMS and value != REDACTED]
    return found
