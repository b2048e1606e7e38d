"""Deriving item results from measured values, overrides, scoring and what blocks completion.

Pure functions over plain data: the storage layer and the GUI hand in answers and dormitory-room rows and
get back outcomes; nothing here reads a database or a widget.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from checklist.catalog import Catalog, Item, Severity
from checklist.messages import field_name_zh
from checklist.rules import (
    RULES,
    Cite,
    DormitoryRoom,
    Finding,
    MeasurementError,
    Question,
    QuestionNeeded,
    RuleKind,
    Verdict,
    evaluate_rule,
    parse_room,
    validate_measurement,
)


class Result(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NA = "na"


@dataclass(frozen=True)
class Answer:
    """What the officer entered for one item."""

    result: Result | None = None
    measurements: Mapping[str, Any] = field(default_factory=dict)
    override_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ItemOutcome:
    """An item's evaluated state.

    ``derived`` comes from the rules alone; ``result`` is what counts: the officer's choice when it is a
    reasoned override (or when no rule applies), otherwise the derived result.
    """

    item_id: str
    derived: Result | None
    result: Result | None
    overridden: bool
    findings: tuple[Finding, ...] = ()
    errors: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)
    questions: tuple[Question, ...] = ()  # facts to answer before a rule can judge (no verdict meanwhile)
    # The measurement errors in Chinese, "key: 原因", keyed like ``errors`` ("key: reason") for the same values.
    measurement_errors_zh: tuple[str, ...] = ()
    errors_zh: tuple[str, ...] = ()  # every error of ``errors``, in the same order, said in Chinese

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict is Verdict.WARNING)


def parse_rooms(rows: Sequence[Mapping[str, Any]]) -> tuple[list[DormitoryRoom], list[str]]:
    """Validate dormitory-room rows; bad rows are reported (in English) and left out, good rows kept."""
    rooms, errors, _ = parse_rooms_in_both(rows)
    return rooms, errors


def measurement_error_zh(error: MeasurementError) -> str:
    """``field: reason`` in Chinese, the field named in words (面积, 房间 A101 的人数 …)."""
    return f"{field_name_zh(error.field)}：{error.reason_zh}"


def parse_rooms_in_both(rows: Sequence[Mapping[str, Any]]) -> tuple[list[DormitoryRoom], list[str], list[str]]:
    """:func:`parse_rooms`, with each error said in Chinese too (the third list, in the same order)."""
    rooms: list[DormitoryRoom] = []
    errors: list[str] = []
    errors_zh: list[str] = []
    names: set[str] = set()
    for index, row in enumerate(rows):
        try:
            room = parse_room(index, row)
        except MeasurementError as exc:
            errors.append(str(exc))
            errors_zh.append(measurement_error_zh(exc))
            continue
        if room.name in names:
            errors.append(f"room {room.name}: the name appears twice; each room needs its own name")
            errors_zh.append(f"房间 {room.name}：名称重复，每个房间需要不同的名称")
            continue
        names.add(room.name)
        rooms.append(room)
    return rooms, errors, errors_zh


def evaluate_item(
    item: Item,
    answer: Answer | None,
    rooms: Sequence[DormitoryRoom] = (),
    room_errors: Sequence[str] = (),
    documents: Collection[str] | None = None,
    room_errors_zh: Sequence[str] = (),
) -> ItemOutcome:
    """Validate an item's measurements, apply its rules, and combine with the officer's answer.

    ``documents`` are the catalog ids the inspection chose: findings cite only those. Only findings of rules
    (not of reference methods) derive the result."""
    answer = answer or Answer()
    errors: list[str] = []
    errors_zh: list[str] = []  # the measurement errors, "key: 原因"
    said_zh: list[str] = []  # every error, in Chinese words
    values: dict[str, Any] = {}
    for measurement in item.measurements:
        raw = answer.measurements.get(measurement.key)
        if raw is None or raw == "":
            continue
        try:
            values[measurement.key] = validate_measurement(measurement.key, measurement.kind, raw)
        except MeasurementError as exc:
            errors.append(str(exc))
            errors_zh.append(f"{exc.field}: {exc.reason_zh}")
            said_zh.append(_said_zh(item, exc))
    unknown = sorted(set(answer.measurements) - {m.key for m in item.measurements})
    errors.extend(f"{key}: not a measurement of {item.id}" for key in unknown)
    said_zh.extend(f"{key}：不是 {item.id} 的测量项" for key in unknown)

    findings: list[Finding] = []
    table_rules = [r for r in item.rules if RULES[r].table]
    if table_rules:
        errors.extend(room_errors)
        said_zh.extend(room_errors_zh if len(room_errors_zh) == len(room_errors) else room_errors)
    questions: list[Question] = []
    own = Cite(f"{item.catalog_id} {item.clause_zh}", f"{item.catalog_id} {item.clause_en}")
    for rule_id in item.rules:
        try:
            findings.extend(evaluate_rule(rule_id, values, rooms, documents, own))
        except MeasurementError as exc:
            errors.append(str(exc))
            errors_zh.append(f"{exc.field}: {exc.reason_zh}")
            said_zh.append(_said_zh(item, exc))
        except QuestionNeeded as asked:
            questions.append(asked.question)

    deciding = [f for f in findings if f.kind is RuleKind.RULE]
    derived: Result | None = None
    if deciding:
        derived = Result.FAIL if any(f.verdict is Verdict.FAIL for f in deciding) else Result.PASS
    chosen = answer.result
    overridden = chosen is not None and derived is not None and chosen is not derived
    if overridden and not answer.override_reason.strip():
        errors.append(f"{item.id}: the result differs from the rules ({derived}); give a reason for the override")
        said_zh.append(f"{item.id}：所选结果与规则判定（{RESULT_ZH[derived] if derived else ''}）不同，请说明改判理由")
        result = derived
        overridden = False
    elif chosen is not None:
        result = chosen
    else:
        result = derived
    return ItemOutcome(
        item.id,
        derived,
        result,
        overridden,
        tuple(findings),
        tuple(errors),
        values,
        tuple(questions),
        tuple(errors_zh),
        tuple(said_zh),
    )


RESULT_ZH = {Result.PASS: "合格", Result.FAIL: "不合格", Result.NA: "不适用"}


def _said_zh(item: Item, error: MeasurementError) -> str:
    """A measurement error in Chinese, the measurement named by its label in the catalog."""
    labels = {m.key: m.label_zh for m in item.measurements}
    return f"{labels.get(error.field) or field_name_zh(error.field)}：{error.reason_zh}"


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0
    na: int = 0
    unchecked: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.na + self.unchecked

    @property
    def answered(self) -> int:
        return self.passed + self.failed + self.na

    @property
    def pass_rate(self) -> float | None:
        """Share of passed among the applicable answered items (N/A excluded), or None if there are none."""
        applicable = self.passed + self.failed
        return self.passed / applicable if applicable else None

    def add(self, result: Result | None) -> None:
        if result is Result.PASS:
            self.passed += 1
        elif result is Result.FAIL:
            self.failed += 1
        elif result is Result.NA:
            self.na += 1
        else:
            self.unchecked += 1


@dataclass
class Score:
    sections: dict[tuple[str, str], Counts]
    overall: Counts
    failed: list[str]
    severe_failed: list[str]


def score(catalogs: Iterable[Catalog], outcomes: Mapping[str, ItemOutcome]) -> Score:
    """Count pass / fail / N-A / unchecked per (catalog, section) and overall."""
    sections: dict[tuple[str, str], Counts] = {}
    overall = Counts()
    failed: list[str] = []
    severe: list[str] = []
    for catalog in catalogs:
        for section in catalog.sections:
            sections[(catalog.id, section.id)] = Counts()
        for item in catalog.items:
            outcome = outcomes.get(item.id)
            result = outcome.result if outcome else None
            sections[(catalog.id, item.section)].add(result)
            overall.add(result)
            if result is Result.FAIL:
                failed.append(item.id)
                if item.severity is Severity.CRITICAL:
                    severe.append(item.id)
    return Score(sections, overall, failed, severe)


@dataclass(frozen=True)
class InspectionEvaluation:
    outcomes: dict[str, ItemOutcome]
    rooms: list[DormitoryRoom]
    room_errors: list[str]
    score: Score
    room_errors_zh: list[str] = field(default_factory=list)


def not_for_company(item: Item) -> ItemOutcome:
    """An item that concerns other company types (LK28 二（二）4 for malls or hotels): not applicable."""
    return ItemOutcome(item.id, Result.NA, Result.NA, False)


def evaluate_inspection(
    catalogs: Sequence[Catalog],
    answers: Mapping[str, Answer],
    room_rows: Sequence[Mapping[str, Any]] = (),
    company_type: str | None = None,
) -> InspectionEvaluation:
    """Evaluate every item of the chosen catalogs. The dormitory table is shared by every item that reads it,
    so the same room is judged by the national rule under GN and the Beijing rule under BJHQ/BJTG. Findings
    cite only the chosen catalogs. Items for other company types than ``company_type`` are not applicable."""
    rooms, room_errors, room_errors_zh = parse_rooms_in_both(room_rows)
    documents = frozenset(catalog.id for catalog in catalogs)
    outcomes = {
        item.id: (
            evaluate_item(item, answers.get(item.id), rooms, room_errors, documents, room_errors_zh)
            if item.applies_to(company_type)
            else not_for_company(item)
        )
        for catalog in catalogs
        for item in catalog.items
    }
    return InspectionEvaluation(outcomes, rooms, room_errors, score(catalogs, outcomes), room_errors_zh)


class BlockerKind(StrEnum):
    UNANSWERED = "unanswered"
    FAILED_WITHOUT_ACTION = "failed_without_action"
    INVALID_VALUE = "invalid_value"


@dataclass(frozen=True)
class Blocker:
    """One thing that keeps an inspection from being completed, in both languages."""

    item_id: str
    kind: BlockerKind
    message_zh: str
    message_en: str


def completion_blocker_details(evaluation: InspectionEvaluation, items_with_actions: Iterable[str]) -> list[Blocker]:
    """What keeps an inspection from being completed; empty when it can be completed."""
    with_actions = set(items_with_actions)
    blockers: list[Blocker] = []
    for item_id, outcome in evaluation.outcomes.items():
        if outcome.result is None:
            blockers.append(
                Blocker(item_id, BlockerKind.UNANSWERED, f"{item_id}：尚未检查", f"{item_id}: not answered")
            )
        elif outcome.result is Result.FAIL and item_id not in with_actions and not outcome.overridden:
            blockers.append(
                Blocker(
                    item_id,
                    BlockerKind.FAILED_WITHOUT_ACTION,
                    f"{item_id}：不合格但未制定整改措施",
                    f"{item_id}: failed without a corrective action",
                )
            )
        chinese_errors = outcome.errors_zh if len(outcome.errors_zh) == len(outcome.errors) else outcome.errors
        for error, chinese in zip(outcome.errors, chinese_errors, strict=True):
            english = error if error.startswith(item_id) else f"{item_id}: {error}"
            chinese = chinese.removeprefix(f"{item_id}：")
            blockers.append(
                Blocker(item_id, BlockerKind.INVALID_VALUE, f"{item_id}：填写的数值有误（{chinese}）", english)
            )
    return blockers


def completion_blockers(evaluation: InspectionEvaluation, items_with_actions: Iterable[str]) -> list[str]:
    """What keeps an inspection from being completed, as English messages; empty when it can be completed."""
    return [b.message_en for b in completion_blocker_details(evaluation, items_with_actions)]
