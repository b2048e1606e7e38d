"""The follow-ups of an inspection's corrective actions, chained onto its record.

Each follow-up (整改跟进) stores ``chain_hash`` = SHA-256 of the previous follow-up's chain hash (the first:
the inspection's record hash) and its own content. ``verify-record`` recomputes the chain, so a follow-up
changed, removed, reordered or moved to another record by SQL is found; whoever recomputes the chain as well
(it is plain SHA-256, like the audit trail) is not — see the README's trust model for that limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json


def follow_up_hash(
    previous: str, inspection_id: int, action_id: int, status: str, note: str, on: dt.date | str, by: str
) -> str:
    """The chain hash of one follow-up on top of ``previous``."""
    content = {
        "inspection": inspection_id,
        "action": action_id,
        "status": status,
        "note": note,
        "on": on.isoformat() if isinstance(on, dt.date) else str(on),
        "by": by,
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous + text).encode("utf-8")).hexdigest()
