"""Which register backs which checklist item (登记依据), and what the register's evidence says of the item.

The health ledger backs GN-01, BJHQ-2 and LK28-2 (:mod:`checklist.ledger`), the ventilation and disinfection
log GN-04, GN-06 and GN-10 (:mod:`checklist.sites.disinfection`), the isolation area GN-14 and GN-15
(:mod:`checklist.sites.isolation`). The inspection editor shows the evidence line with the verdict decided
here; applying it copies the line (and the measurements the item's rules read) into the record, so a signed
record never changes when a register does. The verdict is the register's reading, never the officer's result:
the officer still chooses, and a result that differs from the rules needs a reason.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Register(StrEnum):
    LEDGER = "ledger"  # 健康台账
    SITE_LOG = "site_log"  # 通风消毒记录
    ISOLATION = "isolation"  # 隔离观察区


REGISTER_OF: dict[str, Register] = {
    "GN-01": Register.LEDGER,
    "BJHQ-2": Register.LEDGER,
    "LK28-2": Register.LEDGER,
    "GN-04": Register.SITE_LOG,
    "GN-06": Register.SITE_LOG,
    "GN-10": Register.SITE_LOG,
    "GN-14": Register.ISOLATION,
    "GN-15": Register.ISOLATION,
}

# The first words of the note line an applied evidence writes: applying again replaces the line, never repeats
# it (the same prefixes as storage.ledger / storage.site_log / storage.isolation write).
NOTE_PREFIX: dict[Register, str] = {
    Register.LEDGER: "【健康台账】",
    Register.SITE_LOG: "【通风消毒记录】",
    Register.ISOLATION: "【隔离观察区】",
}

PASS = "pass"
FAIL = "fail"


@dataclass(frozen=True)
class RegisterEvidence:
    """One item's evidence from its register, as the editor shows it: the line in both languages and the
    register's verdict ("pass", "fail", or None when the register cannot say)."""

    item_id: str
    register: Register
    text_zh: str
    text_en: str
    verdict: str | None


def site_log_verdict(item_id: str, entries: int, gaps: int) -> str | None:
    """GN-04 / GN-06: a gap against a plan in the past days fails; entries and no gap pass; no entry and no gap
    (no plan, nothing logged) says nothing — the officer judges on site. GN-10 (mask bins, waste): cleared
    entries pass, none says nothing (the log has no plan for them)."""
    if item_id in ("GN-04", "GN-06"):
        if gaps:
            return FAIL
        return PASS if entries else None
    if item_id == "GN-10":
        return PASS if entries else None
    raise ValueError(f"the site log gives no evidence for {item_id}")


def isolation_verdict(item_id: str, areas: int, uses: int, open_steps: int) -> str | None:
    """GN-14: no area registered fails, as does a use not reported to the CDC or without a referral; GN-15:
    a place closed off and not disinfected (or a use with no place closed off) fails; never used says nothing."""
    if item_id == "GN-14":
        return FAIL if not areas or open_steps else PASS
    if item_id == "GN-15":
        if not uses:
            return None
        return FAIL if open_steps else PASS
    raise ValueError(f"the isolation register gives no evidence for {item_id}")
