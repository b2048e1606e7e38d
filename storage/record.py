"""The canonical form of an inspection and its record hash.

The canonical record is the inspection as stored, serialised with sorted keys, normalised numbers and ISO
dates in UTF-8. Its SHA-256 is the *record hash*: computed when the inspection is completed, stored when it
is signed, printed on reports, and recomputed by ``fugong verify-record`` to detect any later change.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from storage.models import Inspection

FORMAT = "fugong.inspection/1"


def normalise_number(value: float | int) -> float | int | str:
    """Integers stay integers; an integral float becomes an int; others are rounded to 9 significant digits.
    Non-finite values (never stored by the app, but possible by raw SQL) become strings so they still hash."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.9g}")


def normalise(data: Any) -> Any:
    if isinstance(data, dict):
        return {str(k): normalise(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [normalise(v) for v in data]
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return normalise_number(data)
    if hasattr(data, "isoformat"):
        return data.isoformat()
    return data


def company_part(inspection: Inspection) -> dict[str, Any]:
    """The company and site of a record: as kept when it was completed, else (a draft, or a record completed
    before schema 0015) as they are now."""
    kept = inspection.company_snapshot
    if kept is not None:
        # Whatever is there goes into the hash as it is: a copy damaged by hand makes the hash differ (found),
        # never an error here.
        return dict(kept) if isinstance(kept, dict) else {"company": kept, "site": None}
    company = inspection.company
    return {
        "company": {
            "name": company.name,
            "credit_code": company.credit_code,
            "address": company.address,
            "district": company.district,
            "type": company.company_type,
            "headcount": company.headcount,
        },
        "site": inspection.site.name if inspection.site else None,
    }


def company_type_of(inspection: Inspection) -> str:
    """The company type that decides which items concern a record (LK28's items for malls, restaurants, hotels):
    the type kept at completion for a completed or signed record — the items it was answered, scored and signed
    with — and the company's current type for a draft. A copy damaged by hand without a type falls back to the
    current one (verification finds the damage)."""
    company = company_part(inspection).get("company")
    kept = company.get("type") if isinstance(company, dict) else None
    return kept if isinstance(kept, str) else inspection.company.company_type


def place_names(inspection: Inspection) -> tuple[str, str]:
    """The company's and the site's names a record is shown under: as kept at completion for a completed or
    signed record (what it was signed under), the current ones for a draft; the same rule as the inspections
    list (:mod:`storage.listing`)."""
    place = company_part(inspection)
    company, site = place.get("company"), place.get("site")
    name = company.get("name") if isinstance(company, dict) else None
    return (
        name if isinstance(name, str) else inspection.company.name,
        site if isinstance(site, str) else "" if site is None else str(site),
    )


def canonical_record(inspection: Inspection) -> dict[str, Any]:
    """Everything stored about an inspection that a signature vouches for (not its workflow bookkeeping)."""
    place = company_part(inspection)
    record: dict[str, Any] = normalise(
        {
            "format": FORMAT,
            "id": inspection.id,
            "supersedes": inspection.supersedes_id,
            "company": place.get("company"),
            "site": place.get("site"),
            "date": inspection.date,
            "inspector": inspection.inspector,
            "catalogs": [{"id": cid, "version": version} for cid, version in inspection.catalogs.items()],
            "responses": [
                {
                    "item": r.item_id,
                    "result": r.result,
                    "derived": r.derived,
                    "final": r.final,
                    "measurements": r.measurements or {},
                    "findings": r.findings or [],
                    "override_reason": r.override_reason,
                    "note": r.note,
                }
                for r in sorted(inspection.responses, key=lambda r: r.position)
            ],
            "dormitory_rooms": [
                {
                    "name": room.name,
                    "area_m2": room.area_m2,
                    "occupants": room.occupants,
                    "location": room.location,
                    "has_window": room.has_window,
                    "bunk_beds": room.bunk_beds,
                }
                for room in sorted(inspection.rooms, key=lambda r: r.position)
            ],
            "evidence": [
                {
                    "item": e.item_id,
                    "filename": e.filename,
                    "media_type": e.media_type,
                    "sha256": e.original_sha256,
                    "size": e.original_size,
                    "stored_sha256": e.stored_sha256,
                    "stored_data_sha256": hashlib.sha256(e.data).hexdigest(),
                    "thumbnail_sha256": hashlib.sha256(e.thumbnail).hexdigest() if e.thumbnail else None,
                }
                for e in sorted(inspection.evidence, key=lambda e: e.id)
            ],
            "corrective_actions": [
                {
                    "item": a.item_id,
                    "action": a.action,
                    "owner": a.owner,
                    "due": a.due,
                    "status": a.status,
                    "verification_note": a.verification_note,
                    "verified_on": a.verified_on,
                    # who recorded it 已整改 (schema 0007): absent when unknown, so older records hash as before
                    **({"done_by": a.done_by} if a.done_by is not None else {}),
                }
                for a in sorted(inspection.actions, key=lambda a: a.id)
            ],
        }
    )
    return record


def canonical_bytes(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(record: dict[str, Any]) -> str:
    """The SHA-256 of a canonical record (:func:`canonical_record`)."""
    return hashlib.sha256(canonical_bytes(record)).hexdigest()


def record_hash(inspection: Inspection) -> str:
    return digest(canonical_record(inspection))
