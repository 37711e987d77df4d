"""Both generations of record ids in results: `_id` (the hosted platform, once on MongoDB) and `id` (the services'
open-source HEAD, on Postgres).

Code written against either generation reads its own name: where a record carries one and not the other, the SDK
adds the missing one with the same value. Only the top level of a reply, or each record of a list reply, is touched.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["with_both_ids"]

T = TypeVar("T")


def with_both_ids(value: T, key: str = "id") -> T:
    """`value` with `_id` added from `id` where absent and the reverse; records of a list alike.

    `key` names the record's own id field when it is not `id` (e.g. `guardrails_config_id`): then `_id` and `id`
    are both added from it where absent. Records are changed in place (they are the caller's fresh reply) and
    `value` is returned; a None id is not copied.
    """
    records = [value] if isinstance(value, dict) else value if isinstance(value, list) else ()
    if key != "id":
        for record in records:
            if isinstance(record, dict) and record.get(key) is not None:
                record.setdefault("_id", record[key])
                record.setdefault("id", record[key])
        return value
    # The common case, every record of a list reply: one loop with no call per record (it runs on each list call).
    for record in records:
        if record.__class__ is not dict:
            continue
        if "_id" not in record:
            native = record.get("id")
            if native is not None:
                record["_id"] = native
        elif "id" not in record and record["_id"] is not None:
            record["id"] = record["_id"]
    return value
