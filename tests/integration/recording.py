"""How the integration tests record and replay HTTP: where cassettes live, what is scrubbed, how they are written.

Every request and response passes through `scrub_request` / `scrub_response` before it is stored, and every
request passes through `scrub_request` again before it is matched, so the stored and the live request compare equal:
- the gateway's origin becomes `FAKE_GATEWAY` and the organization id `FAKE_ORGANIZATION`, so a replay matches
  whatever server and account the cassette was recorded with;
- only `KEPT_REQUEST_HEADERS` / `KEPT_RESPONSE_HEADERS` are stored: no credential, cookie, date or request id;
- token-like query parameters and anything secret-shaped in a URL or body (`SECRET_TEXT`, and the exact credential
  values used, raw or URL-encoded) become `REDACTED`; compressed bodies are stored decoded, multipart boundaries
  fixed;
- in JSON bodies (and form or query values), every string under a secret field name (`is_secret_field`: password,
  *token, *secret, api_key, otp, email, ...) becomes `REDACTED`, whatever its shape, in both directions.
`scan` finds what must never be in a cassette; `tests/integration/test_cassettes.py` runs it on `cassettes/`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import vcr
import yaml
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
# Field names (lower case, without "_" and "-") whose string values are secret whatever they look like.
_SECRET_FIELD = re.compile(
    r"(password|passwd|secret|token|apikey|otp|privatekey|credentials?|signature)$|^(email|authorization|cookie|key)$"
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
    """`data` with the target's real values (raw or URL-encoded) replaced and anything secret-shaped redacted."""
    for real, placeholder in replacements.items():
        data = data.replace(real.encode(), placeholder.encode())
        data = data.replace(quote(real, safe="").encode(), placeholder.encode())
    return SECRET_TEXT.sub(REDACTED.encode(), data)


def is_secret_field(name: str) -> bool:
    """Whether a JSON field, form field or query parameter of this name holds a secret (`refresh_token`, `apiKey`)."""
    return bool(_SECRET_FIELD.search(name.lower().replace("_", "").replace("-", "")))


def _redact_fields(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: REDACTED if is_secret_field(k) and isinstance(v, str) and v else _redact_fields(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_fields(item) for item in value]
    return value


def scrub_json_fields(body: bytes) -> bytes:
    """A JSON body with the value of every secret field redacted; any other body as it is."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return body
    cleaned = _redact_fields(data)
    return body if cleaned == data else json.dumps(cleaned, separators=(",", ":"), ensure_ascii=False).encode()


def scrub_pairs(encoded: str, replacements: Mapping[str, str]) -> str:
    """A query string or form body with secret fields redacted and every value scrubbed after URL-decoding."""
    pairs = parse_qsl(encoded, keep_blank_values=True)
    cleaned = [(k, REDACTED if is_secret_field(k) else scrub(v.encode(), replacements).decode()) for k, v in pairs]
    changed = cleaned != pairs or any(is_secret_field(k) for k, _ in pairs)
    return urlencode(cleaned) if changed else encoded


def make_vcr(target: Target, *, record: bool) -> vcr.VCR:
    """A VCR that records everything (`record`) or only replays, failing on any request its cassette lacks."""

    def scrub_request(request: Request) -> Request:
        parts = urlsplit(scrub(request.uri.encode(), target.replacements).decode())
        request.uri = urlunsplit(parts._replace(query=scrub_pairs(parts.query, target.replacements)))
        headers = {k.lower(): v for k, v in request.headers.items() if k.lower() in KEPT_REQUEST_HEADERS}
        body = request.body
        if isinstance(body, bytes):
            boundary = _BOUNDARY.search(headers.get("content-type", ""))
            if boundary:
                body = body.replace(boundary[1].encode(), _FIXED_BOUNDARY.encode())
                headers["content-type"] = headers["content-type"].replace(boundary[1], _FIXED_BOUNDARY)
            if headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                body = scrub_pairs(body.decode(), target.replacements).encode()
            request.body = scrub_json_fields(scrub(body, target.replacements))
        request.headers = headers
        return request

    def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
        headers = response["headers"].items()
        response["headers"] = {k.lower(): v for k, v in headers if k.lower() in KEPT_RESPONSE_HEADERS}
        body = response["body"]["string"]
        if isinstance(body, bytes):
            response["body"]["string"] = scrub_json_fields(scrub(body, target.replacements))
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
        found += [f"query {name}={value}" for name, value in query if is_secret_field(name) and value != REDACTED]
        found += [f"query {name}: {value}" for name, value in query if SECRET_TEXT.search(value.encode())]
        for body in (request.get("body"), response.get("body", {}).get("string")):
            found += [f"field {name}" for name in _secret_fields(body)]
    return found


def _secret_fields(body: object) -> list[str]:
    """The secret fields holding a value in a JSON body, or in the JSON `data:` lines of a stream."""
    text = body.decode(errors="replace") if isinstance(body, bytes) else body
    if not isinstance(text, str) or not text:
        return []
    documents = [text, *(line[5:] for line in text.splitlines() if line.startswith("data:"))]
    found: list[str] = []
    for document in documents:
        try:
            _collect_secret_fields(json.loads(document), found)
        except (ValueError, RecursionError):
            continue
    return found


def _collect_secret_fields(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if is_secret_field(k) and isinstance(v, str) and v and v != REDACTED:
                found.append(k)
            else:
                _collect_secret_fields(v, found)
    elif isinstance(value, list):
        for item in value:
            _collect_secret_fields(item, found)
