# Generated from src/imbrace/_async/client.py by codegen/unasync.py: edit that file.
"""The client (`ImbraceClient`, `AsyncImbraceClient`): configuration, credentials and the namespaces over one
transport (five written by hand, the rest generated from the vendor specs and inherited). The sync client is derived
from the async one by `codegen/unasync.py`; both take the same arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

import httpx
from typing_extensions import Self, Unpack

from .._auth import Credentials, mask
from .._config import DEFAULT_MAX_RETRIES, Environment, one_gateway, read_env, resolve_services, resolve_timeout
from .._limits import DEFAULT_LIMITS, Limits
from .._logs import redact_url, setup_from_env
from .._types import HeadersLike, RequestOptions, Timeout
from .resources._generated import GeneratedNamespaces
from .transport import Transport

if TYPE_CHECKING:
    from .._generated.gateway.shapes import ExchangeTokenResponse, LoginResponse
    from .resources.ai import AiResource
    from .resources.ai_agent import AiAgentResource
    from .resources.boards import BoardsResource
    from .resources.chat_ai import ChatAiResource
    from .resources.folders import FoldersResource

__all__ = ["ImbraceClient"]


class ImbraceClient(GeneratedNamespaces):
    """A client of the Imbrace platform.

    Credentials come from the arguments (a key or token passed here wins over both variables), else from
    IMBRACE_API_KEY / IMBRACE_ACCESS_TOKEN; the organization from `organization_id=`, else IMBRACE_ORGANIZATION_ID;
    the gateway from `gateway=` (or `base_url=`), else IMBRACE_GATEWAY_URL (or IMBRACE_BASE_URL), else the `env`
    (IMBRACE_ENV: "stable" by default, "prodv2", "sandbox", "develop"; any case). `services={"ai": ...,
    "data_board": ..., "ai_agent": ...}` moves single services (IMBRACE_AI_AGENT_URL moves the AI-agent service).
    Use it as a context manager, or call `close()`, to release connections.
    `check_health=True` calls the AI-agent health endpoint on construction (sync client) or on `async with`
    (async client).
    `limits=imbrace.Limits(...)` raises or lowers the retry-wait budget and the body and stream-event size caps.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        organization_id: str | None = None,
        env: Environment | None = None,
        gateway: str | None = None,
        base_url: str | None = None,
        services: Mapping[str, str] | None = None,
        timeout: Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: HeadersLike | None = None,
        http_client: httpx.Client | None = None,
        check_health: bool = False,
        limits: Limits | None = None,
    ) -> None:
        setup_from_env()
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(f"http_client must be an httpx.Client, got {type(http_client).__name__}")
        if not (api_key or access_token):
            api_key, access_token = read_env("IMBRACE_API_KEY"), read_env("IMBRACE_ACCESS_TOKEN")
        credentials = Credentials(
            api_key=api_key,
            access_token=access_token,
            organization_id=organization_id or read_env("IMBRACE_ORGANIZATION_ID"),
        )
        self._transport = Transport(
            services=resolve_services(env_name=env, gateway=one_gateway(gateway, base_url), services=services),
            credentials=credentials,
            timeout=resolve_timeout(timeout),
            max_retries=max_retries,
            headers=headers,
            http_client=http_client,
            limits=limits or DEFAULT_LIMITS,
        )
        self._check_health = check_health
        if check_health:
            self.ai_agent.get_health()

    @classmethod
    def _from_transport(cls, transport: Transport) -> Self:
        client = cls.__new__(cls)
        client._transport = transport
        client._check_health = False
        return client

    @property
    def organization_id(self) -> str | None:
        return self._transport.credentials.organization_id

    @property
    def services(self) -> Mapping[str, str]:
        """Each service's base URL, with any user info (`user:password@`) redacted."""
        return {name: redact_url(url) for name, url in self._transport.services._asdict().items()}

    @cached_property
    def chat_ai(self) -> ChatAiResource:
        from .resources.chat_ai import ChatAiResource

        return ChatAiResource(self)

    @cached_property
    def ai_agent(self) -> AiAgentResource:
        from .resources.ai_agent import AiAgentResource

        return AiAgentResource(self)

    @cached_property
    def ai(self) -> AiResource:
        from .resources.ai import AiResource

        return AiResource(self)

    @cached_property
    def boards(self) -> BoardsResource:
        from .resources.boards import BoardsResource

        return BoardsResource(self)

    @cached_property
    def folders(self) -> FoldersResource:
        from .resources.folders import FoldersResource

        return FoldersResource(self)

    def with_options(
        self,
        *,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
        headers: HeadersLike | None = None,
    ) -> Self:
        """A client with other defaults that shares this one's connection pool and credentials.

        Cheap enough to call per request: it opens nothing, and closing it closes nothing. `headers` are merged over
        this client's (a key given here wins). `copy(...)` is the same method, under openai's name.
        """
        transport = self._transport.copy(
            timeout=None if timeout is None else resolve_timeout(timeout),
            max_retries=max_retries,
            headers=headers,
        )
        return type(self)._from_transport(transport)

    copy = with_options

    def set_access_token(self, token: str) -> None:
        """Use this token from now on (the API key, if any, is dropped)."""
        self._transport.credentials.set_access_token(token)

    def clear_access_token(self) -> None:
        """Stop sending the access token (an API key dropped by `set_access_token` does not come back)."""
        self._transport.credentials.clear_access_token()

    def request_otp(self, email: str, **options: Unpack[RequestOptions]) -> None:
        """Ask the platform to e-mail a one-time password to `email`."""
        from .auth import sync_request_otp

        sync_request_otp(self._transport, email, options)

    def login(self, email: str, password: str, **options: Unpack[RequestOptions]) -> LoginResponse:
        """Log in with a password; the returned token is used from now on. Returns the platform's answer."""
        from .auth import sync_login

        return sync_login(self._transport, {"email": email, "password": password}, options)

    def login_with_otp(self, email: str, otp: str, **options: Unpack[RequestOptions]) -> LoginResponse:
        """Log in with a one-time password from `request_otp`; the returned token is used from now on."""
        from .auth import sync_login

        return sync_login(self._transport, {"email": email, "otp": otp}, options)

    def select_organization(self, organization_id: str, **options: Unpack[RequestOptions]) -> ExchangeTokenResponse:
        """Exchange the login token for one scoped to `organization_id`; on failure nothing changes."""
        from .auth import sync_select_organization

        return sync_select_organization(self._transport, organization_id, options)

    def close(self) -> None:
        """Close the connections this client opened (never an `http_client` that was passed in)."""
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        c = self._transport.credentials
        return (
            f"{type(self).__name__}(gateway={redact_url(self._transport.services.gateway)!r}, "
            f"api_key={mask(c.api_key)!r}, access_token={mask(c.access_token)!r}, "
            f"organization_id={c.organization_id!r})"
        )
