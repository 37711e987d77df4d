"""Grafana Tempo trace queries: a small, fixed set of traces of the emulated services."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from ..ids import now_iso
from ..store import Doc
from .base import Ctx, operation

_SERVICES = ["ai-agent", "app-gateway", "data-board"]
_TAGS = ["http.method", "http.status_code", "http.route", "service.name"]


def _trace(service: str, index: int) -> dict[str, Any]:
    trace_id = hashlib.sha256(f"{service}:{index}".encode()).hexdigest()[:32]
    start = (int(time.time()) - 60 * (index + 1)) * 1_000_000_000
    return {
        "traceID": trace_id,
        "rootServiceName": service,
        "rootTraceName": f"POST /{service}/request-{index}",
        "startTimeUnixNano": str(start),
        "durationMs": 40 + 10 * index,
    }


@operation("get_traces")
def get_traces(ctx: Ctx) -> Doc:
    service = ctx.query("service") or "message-suggestion-service"
    traces = [_trace(service, i) for i in range(min(ctx.query_int("limit", 50), 3))]
    return {"traces": traces, "metrics": {"inspectedTraces": len(traces), "completedJobs": 1}, "timestamp": now_iso()}


@operation("get_trace")
def get_trace(ctx: Ctx) -> Doc:
    trace_id = ctx.path["trace_id"]
    trace = {"batches": [{"resource": {"attributes": []}, "scopeSpans": [{"spans": [{"traceId": trace_id}]}]}]}
    metadata = {"traceId": trace_id, "responseSize": 256, "contentType": "application/json", "format": "json"}
    return {"trace": trace, "metadata": {**metadata, "contentLength": "256", "includeSpanMetrics": False}}


@operation("get_trace_services")
def get_trace_services(ctx: Ctx) -> Doc:
    return {"services": _SERVICES, "timestamp": now_iso()}


@operation("get_trace_tags")
def get_trace_tags(ctx: Ctx) -> Doc:
    return {"tags": _TAGS, "timestamp": now_iso()}


@operation("get_trace_tag_values")
def get_trace_tag_values(ctx: Ctx) -> Doc:
    tag = ctx.path["tag_name"]
    values: list[Any] = ["200", "404", "500"] if tag == "http.status_code" else [f"{tag}-value"]
    return {"tagName": tag, "values": values, "timeRange": ctx.query_int("timeRange", 86400), "timestamp": now_iso()}


@operation("search_traceql")
def search_traceql(ctx: Ctx) -> Doc:
    query = ctx.query("q") or ""
    traces = [_trace("ai-agent", i) for i in range(min(ctx.query_int("limit", 20), 2))]
    return {"traces": traces, "metrics": {"inspectedTraces": len(traces)}, "query": query, "timestamp": now_iso()}
