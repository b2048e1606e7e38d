"""How much one inspection may hold: plausible limits, far above any real inspection, low enough that its
report and workbook are made in seconds (``bench/bench_export.py --largest`` times the largest allowed one).

Checked wherever things are added (the service layer, so the GUI's path too, and the exchange import); a
refusal says in both languages what the limit is and that nothing was added. Text lengths per field are the
text policy's (:mod:`checklist.text`: names 200, short texts 500, notes 5,000 characters).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Counted(Enum):
    """What is counted per inspection."""

    ROOMS = "rooms"
    ACTIONS = "actions"
    ATTACHMENTS = "attachments"
    ITEM_ATTACHMENTS = "item_attachments"


@dataclass(frozen=True)
class Limit:
    most: int
    what_en: str
    what_zh: str
    per_en: str = "an inspection"
    per_zh: str = "一次检查"


LIMITS: dict[Counted, Limit] = {
    # A factory dormitory block of 2,000 rooms is already a town.
    Counted.ROOMS: Limit(2_000, "dormitory rooms", "间宿舍"),
    # About three per item of the two largest catalogs together.
    Counted.ACTIONS: Limit(300, "corrective actions", "项整改措施"),
    Counted.ATTACHMENTS: Limit(300, "attachments", "个附件"),
    Counted.ITEM_ATTACHMENTS: Limit(30, "attachments", "个附件", "one item", "一个检查项"),
}

MAX_ROOMS = LIMITS[Counted.ROOMS].most
MAX_ACTIONS = LIMITS[Counted.ACTIONS].most
MAX_ATTACHMENTS = LIMITS[Counted.ATTACHMENTS].most
MAX_ITEM_ATTACHMENTS = LIMITS[Counted.ITEM_ATTACHMENTS].most


class LimitError(ValueError):
    """More than a limit allows; ``message_zh`` says it in Chinese."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


NOTHING_ADDED = ("nothing was added", "没有添加任何内容")
NOTHING_IMPORTED = ("nothing was imported", "没有导入任何内容")


def check_count(counted: Counted, count: int, where: str = "", outcome: tuple[str, str] = NOTHING_ADDED) -> None:
    """Raise :class:`LimitError` if ``count`` things of kind ``counted`` are more than one inspection (or one
    item) may hold; ``where`` (a JSON path, an item id) goes in front of the message, ``outcome`` after it."""
    limit = LIMITS[counted]
    if count <= limit.most:
        return
    prefix = f"{where}: " if where else ""
    prefix_zh = f"{where}：" if where else ""
    raise LimitError(
        f"{prefix}{count:,} {limit.what_en} is more than {limit.per_en} may hold (at most {limit.most:,}); "
        f"{outcome[0]}",
        f"{prefix_zh}{count:,} {limit.what_zh}超过了{limit.per_zh}的上限（最多 {limit.most:,}）；{outcome[1]}",
    )
