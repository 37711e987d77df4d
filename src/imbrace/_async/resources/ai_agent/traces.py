"""Traces of agent runs (Tempo): search, tags, services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import Unpack

from ...._generated.ai_agent.api.ai_agent import (
    get_trace,
    get_trace_services,
    get_trace_tag_values,
    get_trace_tags,
    get_traces,
    search_traceql,
)
from ...._types import RequestOptions

if TYPE_CHECKING:
    from ...._generated.ai_agent.shapes import (
        TraceDetailResponse,
        TraceListResponse,
        TraceQLSearchResponse,
        TraceServicesResponse,
        TraceTagsResponse,
        TraceTagValuesResponse,
    )
from .knowledge import AsyncAgentKnowledge

__all__ = ["AsyncAgentTraces"]


class AsyncAgentTraces(AsyncAgentKnowledge):
    """Traces of agent runs (Tempo): search, tags, services."""

    # ------------------------------------------------------------------ tracing

    async def get_traces(
        self,
        service: str | None = None,
        limit: int | None = None,
        time_range: int | None = None,
        org_id: str | None = None,
        details: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceListResponse:
        """GET /trace/traces: recent traces of a service (sent as `timeRange`, `orgId`; `details=True` adds details).

        `time_range` is in seconds.

        Example: `traces = client.ai_agent.get_traces(service="ai-agent", limit=50, time_range=3600, details=True)`
        """
        kwargs = get_traces.build_request(
            service=service, limit=limit, time_range=time_range, org_id=org_id, details=details
        )
        return await self._json(kwargs, options)

    async def get_trace(
        self,
        trace_id: str,
        format: str | None = None,
        span_metrics: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceDetailResponse:
        """GET /trace/traces/{trace_id}: one whole trace, with size metadata.

        Example: `trace = client.ai_agent.get_trace("trace_id_hex")`
        """
        return await self._json(get_trace.build_request(trace_id, format_=format, span_metrics=span_metrics), options)

    async def get_trace_services(self, **options: Unpack[RequestOptions]) -> TraceServicesResponse:
        """GET /trace/services: the service names seen in the traces.

        Example: `services = client.ai_agent.get_trace_services()`
        """
        return await self._json(get_trace_services.build_request(), options)

    async def get_trace_tags(
        self, time_range: int | None = None, **options: Unpack[RequestOptions]
    ) -> TraceTagsResponse:
        """GET /trace/tags: the span tag names (`time_range` in seconds).

        Example: `tags = client.ai_agent.get_trace_tags()`
        """
        return await self._json(get_trace_tags.build_request(time_range=time_range), options)

    async def get_trace_tag_values(
        self, tag_name: str, time_range: int | None = None, **options: Unpack[RequestOptions]
    ) -> TraceTagValuesResponse:
        """GET /trace/tags/{tag_name}/values: the values seen for one tag (`time_range` in seconds).

        Example: `values = client.ai_agent.get_trace_tag_values("http.status_code")`
        """
        return await self._json(get_trace_tag_values.build_request(tag_name, time_range=time_range), options)

    async def search_traceql(
        self,
        q: str | None = None,
        *,
        queries: str | None = None,
        limit: int | None = None,
        time_range: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TraceQLSearchResponse:
        """GET /trace/search/traceql: traces matching a TraceQL query `q`.

        `queries` is a JSON-encoded array of several queries instead (results deduplicated by trace id).

        Example: `results = client.ai_agent.search_traceql('{ .service.name = "ai-agent" && .http.status = 500 }')`
        """
        kwargs = search_traceql.build_request(q=q, queries=queries, limit=limit, time_range=time_range, org_id=org_id)
        return await self._json(kwargs, options)
