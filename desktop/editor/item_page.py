"""One checklist item at a time: requirement, citation, on-site guidance, result, values, rooms, notes,
photos and corrective actions. Every change goes straight to the :class:`InspectionEditor` (autosave).

The page shows the rule engine's verdict as the officer types; it decides nothing itself.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checklist.catalog import Item, Measurement, Severity
from checklist.company import company_today
from checklist.evaluation import Answer, ItemOutcome, Result
from checklist.register_evidence import FAIL, PASS, REGISTER_OF, Register, RegisterEvidence
from checklist.rules import MeasurementKind, Verdict
from checklist.texts import TextError, cited_passage
from checklist.workflow import is_overdue
from desktop.common.assets import icon
from desktop.common.drop import FileDrop
from desktop.common.errors import error_text, show_error
from desktop.common.i18n import english, pick
from desktop.common.look import RESULT_BUTTON_CSS, SECONDARY_TEXT_CSS
from desktop.editor.action_dialog import CorrectiveActionDialog
from desktop.editor.inspection import InspectionEditor
from desktop.editor.photos import PhotoStrip
from desktop.editor.rooms import RoomsEditor, room_verdicts
from desktop.editor.source_text import SourceTextDialog
from storage.errors import KnownError

FAIL_CSS = "color: #c62828"
PASS_CSS = "color: #2e7d32"
WARN_CSS = "color: #b26a00"


def _label(text: str = "", selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class MeasurementField(QWidget):
    """One measured value: the input, its unit, and the inline error for an invalid value."""

    edited = Signal(str, object)  # key, value as typed (text, True/False, or None)
    finished = Signal()

    def __init__(self, measurement: Measurement, value: Any, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measurement = measurement
        self.setObjectName(f"measurement_{measurement.key}")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.input: QLineEdit | QComboBox
        if measurement.kind is MeasurementKind.BOOLEAN:
            combo = QComboBox()
            combo.addItem(self.tr("（未填）"), None)
            combo.addItem(self.tr("是"), True)
            combo.addItem(self.tr("否"), False)
            combo.setCurrentIndex(max(combo.findData(value), 0) if isinstance(value, bool) else 0)
            combo.activated.connect(lambda _: self.edited.emit(measurement.key, combo.currentData()))
            combo.activated.connect(lambda _: self.finished.emit())
            self.input = combo
        else:
            line = QLineEdit("" if value is None else str(value))
            line.setMaximumWidth(220)
            if measurement.kind is MeasurementKind.DATE:
                line.setPlaceholderText("YYYY-MM-DD")
            line.textEdited.connect(lambda text: self.edited.emit(measurement.key, text))
            line.editingFinished.connect(lambda: self.finished.emit())
            self.input = line
        self.input.setObjectName(f"input_{measurement.key}")
        self.input.setEnabled(editable)
        row.addWidget(self.input)
        unit = measurement.unit_english if english() else measurement.unit
        if unit:
            row.addWidget(QLabel(unit))
        row.addStretch(1)
        self.error = _label()
        self.error.setObjectName(f"error_{measurement.key}")
        self.error.setStyleSheet(FAIL_CSS)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class ItemPage(QScrollArea):
    """The page of the current item; ``show_item`` switches items (after saving what was typed)."""

    def __init__(self, editor: InspectionEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.item: Item | None = None
        self.action_dialog: CorrectiveActionDialog | None = None
        self.photo_problems: QMessageBox | None = None  # the last "有文件未能添加" message
        self.source_dialog: SourceTextDialog | None = None
        self._fields: dict[str, MeasurementField] = {}
        self._updating = False
        self.setObjectName("itemPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        FileDrop(self, lambda: self.editor.editable, self.add_files)

        body = QWidget()
        self.body = body
        layout = QVBoxLayout(body)
        layout.setSpacing(10)

        self.title = _label()
        self.title.setObjectName("itemTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.citation = _label()
        self.citation.setObjectName("itemCitation")
        self.citation.setStyleSheet(SECONDARY_TEXT_CSS)
        self.severity = QLabel()
        self.source_button = QPushButton(self.tr("查看原文(&O)…"))
        self.source_button.setObjectName("viewSource")
        self.source_button.setToolTip(self.tr("打开官方原文，定位到本项引用的条款"))
        citation_row = QHBoxLayout()
        citation_row.addWidget(self.citation, 1)
        citation_row.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title)
        layout.addLayout(citation_row)
        layout.addWidget(self.severity)

        requirement_box = QGroupBox(self.tr("要求"))
        self.requirement = _label()
        self.requirement.setObjectName("itemRequirement")
        QVBoxLayout(requirement_box).addWidget(self.requirement)
        layout.addWidget(requirement_box)

        guidance_box = QGroupBox(self.tr("现场检查方法"))
        self.guidance = _label()
        self.guidance.setObjectName("itemGuidance")
        QVBoxLayout(guidance_box).addWidget(self.guidance)
        layout.addWidget(guidance_box)

        self.good_practice_box = QGroupBox(self.tr("建议做法（超出条文要求，不作判定依据）"))
        self.good_practice_box.setObjectName("goodPractice")
        self.good_practice = _label()
        self.good_practice.setObjectName("itemGoodPractice")
        self.good_practice.setStyleSheet(SECONDARY_TEXT_CSS)
        QVBoxLayout(self.good_practice_box).addWidget(self.good_practice)
        layout.addWidget(self.good_practice_box)

        self.measurements_box = QGroupBox(self.tr("测量值"))
        self.measurements_form = QFormLayout(self.measurements_box)
        self.measurements_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.measurements_box)

        self.rooms_box = QGroupBox(self.tr("宿舍表"))
        self.rooms = RoomsEditor()
        QVBoxLayout(self.rooms_box).addWidget(self.rooms)
        layout.addWidget(self.rooms_box)

        self.register_box = QGroupBox(self.tr("登记依据"))
        self.register_box.setObjectName("registerEvidence")
        register_layout = QVBoxLayout(self.register_box)
        self.register_source = _label()
        self.register_source.setObjectName("registerSource")
        self.register_source.setStyleSheet(SECONDARY_TEXT_CSS)
        self.register_text = _label()
        self.register_text.setObjectName("registerText")
        self.register_verdict = _label()
        self.register_verdict.setObjectName("registerVerdict")
        self.register_apply = QPushButton(self.tr("采用登记依据(&E)"))
        self.register_apply.setObjectName("applyRegisterEvidence")
        self.register_apply.setToolTip(
            self.tr("把上面这条依据复制到本项的备注和测量值（留痕）；所选结果不变，与规则判定不同须说明理由")
        )
        register_row = QHBoxLayout()
        register_row.addWidget(self.register_apply)
        register_row.addStretch(1)
        register_layout.addWidget(self.register_source)
        register_layout.addWidget(self.register_text)
        register_layout.addWidget(self.register_verdict)
        register_layout.addLayout(register_row)
        layout.addWidget(self.register_box)
        self.register_evidence: RegisterEvidence | None = None  # as read for the item shown
        self._register_reads = 0  # a read answered after the officer moved on is dropped

        self.feedback_box = QGroupBox(self.tr("规则判定"))
        feedback_layout = QVBoxLayout(self.feedback_box)
        self.derived = _label()
        self.derived.setObjectName("derivedResult")
        self.findings = QWidget()  # one label per finding: wrapped plain text sizes itself reliably
        self.findings.setObjectName("findings")
        self.findings_layout = QVBoxLayout(self.findings)
        self.findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_layout.setSpacing(2)
        self.item_errors = _label()
        self.item_errors.setObjectName("itemErrors")
        self.item_errors.setStyleSheet(FAIL_CSS)
        feedback_layout.addWidget(self.derived)
        feedback_layout.addWidget(self.findings)
        feedback_layout.addWidget(self.item_errors)
        layout.addWidget(self.feedback_box)

        result_box = QGroupBox(self.tr("检查结果"))
        result_layout = QVBoxLayout(result_box)
        buttons = QHBoxLayout()
        self.result_group = QButtonGroup(self)
        self.result_buttons: dict[Result, QPushButton] = {}
        for result, text, name in (
            (Result.PASS, self.tr("合格(&P)"), "pass"),
            (Result.FAIL, self.tr("不合格(&F)"), "fail"),
            (Result.NA, self.tr("不适用(&N)"), "na"),
        ):
            button = QPushButton(icon(name), text)
            button.setObjectName(f"result_{name}")
            button.setCheckable(True)
            button.setStyleSheet(RESULT_BUTTON_CSS[name])
            button.setMinimumWidth(110)
            button.setToolTip({Result.PASS: "Ctrl+1", Result.FAIL: "Ctrl+2", Result.NA: "Ctrl+3"}[result])
            self.result_group.addButton(button)
            self.result_buttons[result] = button
            buttons.addWidget(button)
            button.clicked.connect(lambda _=False, r=result: self.choose_result(r))
        buttons.addStretch(1)
        result_layout.addLayout(buttons)
        self.override_label = _label(selectable=False)
        self.override_label.setStyleSheet(WARN_CSS)
        self.override_edit = QLineEdit()
        self.override_edit.setObjectName("overrideReason")
        self.override_edit.setPlaceholderText(self.tr("说明为何与规则判定不同"))
        result_layout.addWidget(self.override_label)
        result_layout.addWidget(self.override_edit)
        layout.addWidget(result_box)

        notes_box = QGroupBox(self.tr("备注"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        QVBoxLayout(notes_box).addWidget(self.note_edit)
        layout.addWidget(notes_box)

        photos_box = QGroupBox(self.tr("照片和文件"))
        self.photos = PhotoStrip()
        QVBoxLayout(photos_box).addWidget(self.photos)
        layout.addWidget(photos_box)

        actions_box = QGroupBox(self.tr("整改措施"))
        actions_layout = QVBoxLayout(actions_box)
        self.actions_list = _label()
        self.actions_list.setObjectName("itemActions")
        self.action_button = QPushButton(icon("action"), self.tr("新建整改措施(&C)…"))
        self.action_button.setObjectName("newAction")
        action_row = QHBoxLayout()
        action_row.addWidget(self.action_button)
        action_row.addStretch(1)
        actions_layout.addWidget(self.actions_list)
        actions_layout.addLayout(action_row)
        layout.addWidget(actions_box)
        layout.addStretch(1)
        self.setWidget(body)

        self.override_edit.textEdited.connect(self._override_edited)
        self.override_edit.editingFinished.connect(self.editor.save_soon)
        self.note_edit.textChanged.connect(self._note_edited)
        self.note_edit.installEventFilter(self)
        self.rooms.rooms_edited.connect(self._rooms_edited)
        self.rooms.import_requested.connect(self._import_register_rooms)
        self.rooms.view.installEventFilter(self)
        self.photos.files_chosen.connect(self.add_files)
        self.photos.remove_requested.connect(self.editor.remove_photo)
        self.action_button.clicked.connect(self.open_action_dialog)
        self.source_button.clicked.connect(self.open_source_text)
        self.register_apply.clicked.connect(self.apply_register_evidence)
        editor.answer_changed.connect(self._answer_changed)
        editor.rooms_changed.connect(self._refresh_feedback)
        editor.evidence_changed.connect(self._evidence_changed)
        editor.actions_changed.connect(self._refresh_actions)
        editor.reloaded.connect(self._reloaded)

    # --- showing an item ------------------------------------------------------------------------------

    def show_item(self, item_id: str) -> None:
        """Switch to another item; whatever was typed on the previous one is saved first."""
        self.editor.flush()
        item = self.editor.item(item_id)
        self.item = item
        catalog = self.editor.catalog_of(item_id)
        editable = self.editor.editable
        answer = self.editor.answer(item_id)
        self._updating = True
        self.title.setText(f"{item.id}  {pick(item, 'title')}")
        document = catalog.document
        number = f" {document.number}" if document.number else ""
        self.citation.setText(
            self.tr("依据：《{title}》{number}（{date}）{clause}").format(
                title=pick(catalog, "title"), number=number, date=document.date.isoformat(), clause=pick(item, "clause")
            )
        )
        severity = {
            Severity.CRITICAL: self.tr("重要程度：关键"),
            Severity.MAJOR: self.tr("重要程度：重要"),
            Severity.MINOR: self.tr("重要程度：一般"),
        }[item.severity]
        self.severity.setText(severity)
        self.requirement.setText(pick(item, "requirement"))
        self.guidance.setText(pick(item, "guidance"))
        self.good_practice.setText(pick(item, "good_practice"))
        self.good_practice_box.setVisible(bool(item.good_practice_zh))

        while self.measurements_form.rowCount():
            self.measurements_form.removeRow(0)
        self._fields = {}
        for measurement in item.measurements:
            field = MeasurementField(measurement, answer.measurements.get(measurement.key), editable)
            field.edited.connect(self._measurement_edited)
            field.finished.connect(self.editor.save_soon)
            self._fields[measurement.key] = field
            self.measurements_form.addRow(pick(measurement, "label") + self.tr("："), field)
        self.measurements_box.setVisible(bool(item.measurements))

        self.rooms_box.setVisible(bool(item.table))
        if item.table:
            self.rooms.set_rooms(self.editor.rooms, editable)

        self.override_edit.setText(answer.override_reason)
        self.override_edit.setEnabled(editable)
        self.note_edit.setPlainText(answer.note)
        self.note_edit.setReadOnly(not editable)
        for button in self.result_buttons.values():
            button.setEnabled(editable)
        self.photos.set_evidence(self.editor.evidence_of(item_id), editable)
        self._updating = False
        self._show_register_evidence(item_id)
        self._refresh_feedback()
        self._refresh_actions()
        self._fix_tab_order()
        self.verticalScrollBar().setValue(0)

    # --- evidence from a register (登记依据) -------------------------------------------------------------

    def _register_name(self, register: Register) -> str:
        return {
            Register.LEDGER: self.tr("健康台账"),
            Register.SITE_LOG: self.tr("通风消毒记录"),
            Register.ISOLATION: self.tr("隔离观察区登记"),
        }[register]

    def _show_register_evidence(self, item_id: str) -> None:
        """For an item a register backs: read its evidence for the inspection's date in the background and
        show the line and the register's verdict, with the button that copies it into the item."""
        self.register_evidence = None
        register = REGISTER_OF.get(item_id)
        self.register_box.setVisible(register is not None)
        self.register_apply.setEnabled(False)
        if register is None:
            return
        self.register_source.setText(
            self.tr("来自{register}，截至检查日期 {date}：").format(
                register=self._register_name(register), date=self.editor.header.date.isoformat()
            )
        )
        self.register_text.setText(self.tr("正在读取……"))
        self.register_text.setStyleSheet("")
        self.register_verdict.setText("")
        self._register_reads += 1
        read = self._register_reads

        def shown(evidence: RegisterEvidence) -> None:
            if read != self._register_reads or self.item is None or self.item.id != item_id:
                return  # the officer moved on meanwhile
            self._register_shown(evidence)

        def failed(error: BaseException) -> None:
            if read != self._register_reads or self.item is None or self.item.id != item_id:
                return
            self.register_text.setText(self.tr("无法读取登记：{reason}").format(reason=error_text(error)))
            self.register_text.setStyleSheet(FAIL_CSS)

        self.editor.read_register_evidence(item_id, shown, failed)

    def _register_shown(self, evidence: RegisterEvidence) -> None:
        self.register_evidence = evidence
        self.register_text.setText(evidence.text_en if english() else evidence.text_zh)
        self.register_text.setStyleSheet("")
        if evidence.verdict == PASS:
            self.register_verdict.setText(self.tr("登记显示：合格"))
            self.register_verdict.setStyleSheet(PASS_CSS)
        elif evidence.verdict == FAIL:
            self.register_verdict.setText(self.tr("登记显示：不合格"))
            self.register_verdict.setStyleSheet(FAIL_CSS)
        else:
            self.register_verdict.setText(self.tr("登记不足以判定，请现场核查。"))
            self.register_verdict.setStyleSheet(WARN_CSS)
        self.register_apply.setEnabled(self.editor.editable)

    @Slot()
    def apply_register_evidence(self) -> None:
        """采用登记依据: the line and values copied into the item (audited); the result stays the officer's."""
        if self.item is None or not self.editor.editable or self.register_evidence is None:
            return
        item_id = self.item.id
        self.register_apply.setEnabled(False)
        self._status(self.tr("正在采用登记依据……"))

        def done(result: RegisterEvidence | KnownError) -> None:
            self._status("")
            if self.item is None or self.item.id != item_id:
                return
            if isinstance(result, KnownError):
                show_error(self, self.tr("登记依据未能采用。"), result, self.tr("本项已填写的内容没有改变。"))
                self.register_apply.setEnabled(self.editor.editable)
                return
            self._register_shown(result)
            self._show_values(self.editor.answer(item_id))

        self.editor.apply_register_evidence(item_id, done)

    def _show_values(self, answer: Answer) -> None:
        """Put the item's stored values and note back in the fields (after evidence was copied in)."""
        self._updating = True
        for key, field in self._fields.items():
            value = answer.measurements.get(key)
            if isinstance(field.input, QComboBox):
                found = field.input.findData(value) if isinstance(value, bool) else 0
                field.input.setCurrentIndex(max(found, 0))
            else:
                field.input.setText("" if value is None else str(value))
        self.note_edit.setPlainText(answer.note)
        self._updating = False
        self._refresh_feedback()

    def _fix_tab_order(self) -> None:
        """Tab follows the page top to bottom: values, rooms, result, reason, note, photos, actions."""
        chain: list[QWidget] = [field.input for field in self._fields.values()]
        if self.rooms_box.isVisibleTo(self):
            chain += [self.rooms.add_button, self.rooms.remove_button, self.rooms.view]
        if self.register_box.isVisibleTo(self):
            chain.append(self.register_apply)
        chain += list(self.result_buttons.values())
        chain += [self.override_edit, self.note_edit, self.photos.add_button, self.photos.remove_button]
        chain += [self.photos.view, self.action_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _outcome(self) -> ItemOutcome | None:
        return self.editor.outcome(self.item.id) if self.item is not None else None

    @Slot()
    def _refresh_feedback(self) -> None:
        """Show the rules' verdict, findings and errors for the values as typed."""
        item, outcome = self.item, self._outcome()
        if item is None or outcome is None:
            return
        answer = self.editor.answer(item.id)
        names = {Result.PASS: self.tr("合格"), Result.FAIL: self.tr("不合格"), Result.NA: self.tr("不适用")}
        if outcome.derived is not None:
            self.derived.setText(self.tr("依规则判定：{result}").format(result=names[outcome.derived]))
            self.derived.setStyleSheet(FAIL_CSS if outcome.derived is Result.FAIL else PASS_CSS)
        elif item.rules:
            self.derived.setText(self.tr("填写测量值后，规则会给出判定。"))
            self.derived.setStyleSheet("")
        else:
            self.derived.setText(self.tr("本项没有数值规则，请根据现场检查选择结果。"))
            self.derived.setStyleSheet("")
        shown = [f for f in outcome.findings if f.verdict is not Verdict.PASS] if item.table else list(outcome.findings)
        lines: list[tuple[str, str]] = []
        for finding in shown:
            css = {Verdict.FAIL: FAIL_CSS, Verdict.WARNING: WARN_CSS, Verdict.PASS: PASS_CSS}[finding.verdict]
            mark = {Verdict.FAIL: "✗", Verdict.WARNING: "!", Verdict.PASS: "✓"}[finding.verdict]
            lines.append((f"{mark} {finding.message_en if english() else finding.message_zh}", css))
        for question in outcome.questions:
            lines.append((f"? {question.message_en if english() else question.message_zh}", WARN_CSS))
        passed_rooms = len(outcome.findings) - len(shown)
        if item.table and passed_rooms:
            lines.append((self.tr("另有 {count} 项房间检查合格。").format(count=passed_rooms), PASS_CSS))
        while self.findings_layout.count():
            taken = self.findings_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.hide()  # gone from the page now, deleted once the event loop turns
                old.deleteLater()
        for text, css in lines:
            line = _label(text)
            line.setStyleSheet(css)
            self.findings_layout.addWidget(line)
            line.show()
        self.findings.setVisible(bool(lines))

        field_errors: dict[str, list[str]] = {}
        other_errors: list[str] = []
        chinese = outcome.errors_zh if len(outcome.errors_zh) == len(outcome.errors) else outcome.errors
        for error, error_zh in zip(outcome.errors, chinese, strict=True):
            key = error.split(":", 1)[0].strip()
            if key in self._fields:
                field_errors.setdefault(key, []).append(error.split(":", 1)[1].strip())
            elif not error.startswith(f"{item.id}: the result differs"):
                other_errors.append(error if english() else error_zh)
        if not english():  # the same errors, said in Chinese
            field_errors = {}
            for error in outcome.measurement_errors_zh:
                key, _, reason = error.partition(":")
                if key.strip() in self._fields:
                    field_errors.setdefault(key.strip(), []).append(reason.strip())
        for key, field in self._fields.items():
            reasons = field_errors.get(key, [])
            field.set_error(self.tr("数值无效，已按输入保存：") + "；".join(reasons) if reasons else "")
        self.item_errors.setText("\n".join(other_errors))
        self.item_errors.setVisible(bool(other_errors))

        self.result_group.setExclusive(False)
        for result, button in self.result_buttons.items():
            button.setChecked(answer.result is result)
        self.result_group.setExclusive(True)
        differs = answer.result is not None and outcome.derived is not None and answer.result is not outcome.derived
        if differs:
            assert outcome.derived is not None
            self.override_label.setText(
                self.tr("所选结果与规则判定（{derived}）不同，请说明理由（必填）：").format(
                    derived=names[outcome.derived]
                )
            )
        elif answer.result is None and outcome.result is not None:
            self.override_label.setText(
                self.tr("尚未选择结果：按规则计为“{result}”。").format(result=names[outcome.result])
            )
        self.override_label.setVisible(differs or (answer.result is None and outcome.result is not None))
        self.override_edit.setVisible(differs or bool(answer.override_reason))
        self.action_button.setEnabled(self.editor.editable and outcome.result is Result.FAIL)
        if item.table:
            table_items = [i for i in self.editor.items if i.table == item.table]
            self.rooms.set_verdicts(
                [i.id for i in table_items],
                room_verdicts(
                    self.editor.rooms,
                    [(i.id, self.editor.outcome(i.id).findings) for i in table_items],
                    self.editor.evaluation.room_errors,
                    self.editor.evaluation.room_errors_zh,
                ),
            )

    def findings_text(self) -> str:
        """The rule feedback as shown, one finding per line."""
        labels = self.findings.findChildren(QLabel)
        return "\n".join(label.text() for label in labels if not label.isHidden())

    @Slot()
    def _refresh_actions(self) -> None:
        if self.item is None:
            return
        actions = self.editor.actions_of(self.item.id)
        if not actions:
            self.actions_list.setText(self.tr("尚无整改措施。"))
            return
        today = company_today()
        lines = [
            self.tr("• {action}（责任人：{owner}，期限：{due}）").format(
                action=a.action, owner=a.owner, due=a.due.isoformat() if a.due else "—"
            )
            + (self.tr(" — 已逾期") if is_overdue(a.status, a.due, today) else "")
            for a in actions
        ]
        self.actions_list.setText("\n".join(lines))

    # --- changes from the officer ---------------------------------------------------------------------

    def choose_result(self, result: Result) -> None:
        """A result button or its shortcut: saved at once."""
        if self.item is None or not self.editor.editable:
            return
        self.editor.set_result(self.item.id, result)

    @Slot(str, object)
    def _measurement_edited(self, key: str, value: Any) -> None:
        if self.item is not None and not self._updating:
            self.editor.set_measurement(self.item.id, key, value)

    @Slot(str)
    def _override_edited(self, text: str) -> None:
        if self.item is not None and not self._updating:
            self.editor.set_override_reason(self.item.id, text)

    @Slot()
    def _note_edited(self) -> None:
        if self.item is not None and not self._updating and self.editor.editable:
            self.editor.set_note(self.item.id, self.note_edit.toPlainText())

    @Slot(list)
    def _rooms_edited(self, rows: list[dict[str, Any]]) -> None:
        if not self._updating:
            self.editor.set_rooms(rows)

    @Slot()
    def _import_register_rooms(self) -> None:
        """从宿舍登记导入: a copy of the register's occupied rooms as they are now (storage.dormitories)."""
        from desktop.common.errors import show_error
        from desktop.common.operations import run_in_background
        from storage.dormitories import inspection_rows

        db = self.editor.db
        run_in_background(
            self,
            lambda _progress: inspection_rows(db),
            self.rooms.merge_rows,
            lambda error: show_error(self, self.tr("无法读取宿舍登记。"), error, self.tr("宿舍表没有改变。")),
            show_progress=False,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in (self.note_edit, self.rooms.view):
            self.editor.save_soon()
        return super().eventFilter(watched, event)

    @Slot(str)
    def _answer_changed(self, item_id: str) -> None:
        if self.item is not None and item_id == self.item.id:
            self._refresh_feedback()

    @Slot(str)
    def _evidence_changed(self, item_id: str) -> None:
        if self.item is not None and item_id == self.item.id:
            self.photos.set_evidence(self.editor.evidence_of(item_id), self.editor.editable)

    @Slot()
    def _reloaded(self) -> None:
        if self.item is not None:
            self.show_item(self.item.id)

    @Slot(list)
    def add_files(self, paths: list[Path]) -> None:
        """Attach files chosen in the file dialog or dropped on the page."""
        if self.item is None or not self.editor.editable:
            return
        self._status(self.tr("正在读取和添加照片……"))
        self.editor.add_photos(self.item.id, paths, self.window(), self._photos_added)

    def _status(self, text: str) -> None:
        """A line in the main window's status bar (empty: cleared)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            if text:
                window.statusBar().showMessage(text)
            else:
                window.statusBar().clearMessage()

    def _photos_added(self, problems: list[str]) -> None:
        """The files chosen or dropped are stored (or refused, each for a reason in ``problems``)."""
        self._status("")
        if problems:
            self.photo_problems = show_error(
                self,
                self.tr("有文件未能添加。"),
                "\n".join(problems),
                self.tr("其他文件和已填写的内容都已保存。"),
            )

    @Slot()
    def open_source_text(self) -> None:
        """查看原文: the official document at this item's clause, the cited lines highlighted."""
        if self.item is None:
            return
        catalog = self.editor.catalog_of(self.item.id)
        try:
            passage = cited_passage(catalog.document.source, self.item.source_lines)
        except TextError as error:
            show_error(
                self,
                self.tr("无法打开原文"),
                str(error),
                self.tr("检查记录未受影响；本项的条款和引文仍显示在本页。"),
            )
            return
        if self.source_dialog is not None:
            self.source_dialog.close()
        clause = f"{catalog.id} {pick(self.item, 'clause')}"
        self.source_dialog = SourceTextDialog(passage, clause, self)
        self.source_dialog.finished.connect(self._source_closed)
        self.source_dialog.show()

    @Slot()
    def _source_closed(self) -> None:
        if self.source_dialog is not None:
            self.source_dialog.deleteLater()
        self.source_dialog = None

    @Slot()
    def open_action_dialog(self) -> None:
        """Open a corrective action straight from this (failed) item."""
        if self.item is None:
            return
        dialog = CorrectiveActionDialog(f"{self.item.id} {pick(self.item, 'title')}", self.editor.actor, self)
        self.action_dialog = dialog
        item_id = self.item.id

        def store() -> None:
            try:
                self.editor.add_action(item_id, dialog.action, dialog.owner, dialog.due)
            except Exception as error:
                show_error(self, self.tr("整改措施未能保存。"), error, self.tr("对话框中的内容仍保留，可再试一次。"))
                dialog.show_error(error_text(error))
                dialog.open()
                return
            self.action_dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(store)
        dialog.open()
