"""The summary page (汇总): counts per section, failed items with findings, what still blocks completion
(``storage.inspections.blockers``) — "Complete" is enabled only when nothing does — and the corrective actions
with their status and follow-up history (整改跟进, recorded here even after signing).

Below them: the signatures of a signed inspection, and the buttons to sign (签署) a completed one or start a
correction (新版本) of a signed one; the main window carries those out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from checklist.evaluation import Blocker, BlockerKind, Result
from checklist.workflow import (
    ActionStatus,
    InspectionStatus,
    Meaning,
    draft_action_choices,
    follow_up_choices,
    may_edit_actions,
    signable_meanings,
)
from desktop.common.assets import icon
from desktop.common.errors import error_text, is_known, show_error
from desktop.common.i18n import english, pick
from desktop.common.look import SECONDARY_TEXT_CSS, compact_rows
from desktop.common.table_model import RowTableModel
from desktop.common.words import status_text
from desktop.editor.action_dialog import CorrectiveActionDialog
from desktop.editor.actions import (
    ActionColumn,
    ActionIdRole,
    CorrectiveActionsModel,
    FollowUpDialog,
    action_rows,
)
from desktop.editor.inspection import ActionInfo, InspectionEditor
from desktop.editor.signatures import SignatureColumn, SignaturesModel

ModelIndex = QModelIndex | QPersistentModelIndex
FAIL_COLOR = QColor("#c62828")
COUNT_ROWS_SHOWN = 6


class CountColumn(IntEnum):
    SECTION = 0
    PASSED = 1
    FAILED = 2
    NA = 3
    UNCHECKED = 4
    PROGRESS = 5


@dataclass(frozen=True)
class SectionCounts:
    catalog_id: str
    title: str
    passed: int
    failed: int
    na: int
    unchecked: int

    @property
    def total(self) -> int:
        return self.passed + self.failed + self.na + self.unchecked


class SectionCountsModel(RowTableModel):
    """One row per (catalog, section) with the counts the scorer computed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("部分"),
            self.tr("合格"),
            self.tr("不合格"),
            self.tr("不适用"),
            self.tr("未查"),
            self.tr("已答"),
        ]

    def cell(self, row: Any, column_number: int, role: int) -> Any:
        column = CountColumn(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                CountColumn.SECTION: f"{row.catalog_id}  {row.title}",
                CountColumn.PASSED: str(row.passed),
                CountColumn.FAILED: str(row.failed),
                CountColumn.NA: str(row.na),
                CountColumn.UNCHECKED: str(row.unchecked),
                CountColumn.PROGRESS: f"{row.total - row.unchecked}/{row.total}",
            }
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == CountColumn.FAILED and row.failed:
            return QBrush(FAIL_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != CountColumn.SECTION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class SummaryPage(QWidget):
    """Everything the officer needs to decide whether the inspection can be completed."""

    item_requested = Signal(str)
    completed = Signal(str)  # record hash
    sign_requested = Signal()
    correction_requested = Signal()

    def __init__(self, editor: InspectionEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.editor = editor
        self.blockers: list[Blocker] = []
        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.counts = SectionCountsModel(self)
        self.table = QTableView()
        self.table.setObjectName("sectionCounts")
        self.table.setModel(self.counts)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(CountColumn.SECTION, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser()
        self.details.setObjectName("summaryDetails")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link)
        self.follow_up_dialog: FollowUpDialog | None = None
        self.actions_model = CorrectiveActionsModel(self)
        self.actions_box = QGroupBox(self.tr("整改措施"))
        self.actions_box.setObjectName("actionsBox")
        self.actions_view = QTreeView()
        self.actions_view.setObjectName("correctiveActions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setUniformRowHeights(True)
        self.actions_view.setWordWrap(False)
        actions_header = self.actions_view.header()
        actions_header.setStretchLastSection(False)
        actions_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        actions_header.setSectionResizeMode(ActionColumn.ACTION, QHeaderView.ResizeMode.Stretch)
        self.actions_hint = QLabel()
        self.actions_hint.setObjectName("actionsHint")
        self.actions_hint.setStyleSheet(SECONDARY_TEXT_CSS)
        self.actions_hint.setWordWrap(True)
        self.follow_up_button = QPushButton(icon("action"), self.tr("整改跟进(&T)…"))
        self.follow_up_button.setObjectName("followUpButton")
        self.edit_action_button = QPushButton(self.tr("修改(&E)…"))
        self.edit_action_button.setObjectName("editActionButton")
        self.delete_action_button = QPushButton(self.tr("删除(&L)…"))
        self.delete_action_button.setObjectName("deleteActionButton")
        self.edit_action_dialog: CorrectiveActionDialog | None = None
        self.delete_question: QMessageBox | None = None
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.actions_hint, 1)
        actions_row.addWidget(self.edit_action_button)
        actions_row.addWidget(self.delete_action_button)
        actions_row.addWidget(self.follow_up_button)
        actions_layout = QVBoxLayout(self.actions_box)
        actions_layout.addWidget(self.actions_view)
        actions_layout.addLayout(actions_row)
        self.complete_button = QPushButton(icon("complete"), self.tr("完成检查(&M)"))
        self.complete_button.setObjectName("completeButton")
        self.complete_state = QLabel()
        self.complete_state.setObjectName("completeState")
        self.complete_state.setWordWrap(True)
        self.blockers_box = QGroupBox()
        self.blockers_box.setObjectName("blockersBox")
        self.blockers_label = QLabel()
        self.blockers_label.setObjectName("blockersText")
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setTextFormat(Qt.TextFormat.RichText)
        self.blockers_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.blockers_label.linkActivated.connect(lambda link: self._link(QUrl(link)))
        QVBoxLayout(self.blockers_box).addWidget(self.blockers_label)
        self.blockers_box.hide()
        self.sign_button = QPushButton(icon("sign"), self.tr("签署(&G)…"))
        self.sign_button.setObjectName("signButton")
        self.correct_button = QPushButton(icon("new"), self.tr("新版本（更正）(&V)…"))
        self.correct_button.setObjectName("correctButton")
        self.signatures = SignaturesModel(self)
        self.signatures_box = QGroupBox(self.tr("签名"))
        self.signatures_box.setObjectName("signaturesBox")
        self.signatures_table = QTableView()
        self.signatures_table.setObjectName("signaturesTable")
        self.signatures_table.setModel(self.signatures)
        self.signatures_table.verticalHeader().hide()
        self.signatures_table.setWordWrap(False)
        self.signatures_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the hash: both ends in sight
        compact_rows(self.signatures_table)
        header = self.signatures_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SignatureColumn.HASH, QHeaderView.ResizeMode.Stretch)
        rows = self.signatures_table.verticalHeader().defaultSectionSize()
        self.signatures_table.setFixedHeight(header.sizeHint().height() + rows * 2 + 4)
        QVBoxLayout(self.signatures_box).addWidget(self.signatures_table)
        self.signatures_box.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.complete_state, 1)
        bottom.addWidget(self.correct_button)
        bottom.addWidget(self.sign_button)
        bottom.addWidget(self.complete_button)
        layout = self.page_layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.overall)
        layout.addWidget(self.table)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.actions_box, 1)
        layout.addWidget(self.signatures_box)
        layout.addWidget(self.blockers_box)
        layout.addLayout(bottom)
        self.complete_button.clicked.connect(self._complete)
        self.sign_button.clicked.connect(self.sign_requested)
        self.correct_button.clicked.connect(self.correction_requested)
        self.follow_up_button.clicked.connect(self.open_follow_up_dialog)
        self.edit_action_button.clicked.connect(self.open_edit_action_dialog)
        self.delete_action_button.clicked.connect(self.ask_delete_action)
        self.actions_view.selectionModel().selectionChanged.connect(self._action_selected)
        self.actions_view.activated.connect(self._action_activated)

    def refresh(self) -> None:
        """Save what is pending, then show the saved inspection as the service sees it."""
        editor = self.editor
        try:
            self.blockers = editor.blockers()
        except Exception as error:
            self.blockers = [Blocker("", BlockerKind.INVALID_VALUE, str(error), str(error))]
            show_error(self, self.tr("无法读取检查记录。"), error, self.tr("已填写的内容都已保存。"))
        header = editor.header
        place = f"{header.company} / {header.site}" if header.site else header.company
        heading = self.tr("{place} — {date}，检查人：{inspector}（{status}）").format(
            place=place, date=header.date.isoformat(), inspector=header.inspector, status=status_text(header.status)
        )
        if header.supersedes is not None:
            heading += self.tr("；更正并取代记录 #{id}").format(id=header.supersedes)
        self.heading.setText(heading)
        score = editor.evaluation.score
        overall = score.overall
        checked = overall.total - overall.unchecked
        if overall.unchecked:  # a rate over the few items checked so far would mislead (100 % with 27 unchecked)
            rate = self.tr("{checked} / {total} 已查，查完后计算").format(checked=checked, total=overall.total)
        else:
            rate = "—" if overall.pass_rate is None else f"{overall.pass_rate * 100:.0f} %"
        self.overall.setText(
            self.tr(
                "共 {total} 项：合格 {passed}，不合格 {failed}，不适用 {na}，未查 {unchecked}；合格率 {rate}"
            ).format(
                total=overall.total,
                passed=overall.passed,
                failed=overall.failed,
                na=overall.na,
                unchecked=overall.unchecked,
                rate=rate,
            )
        )
        rows = []
        for catalog in editor.catalogs:
            for section in catalog.sections:
                counts = score.sections.get((catalog.id, section.id))
                if counts is None or counts.total == 0:
                    continue
                rows.append(
                    SectionCounts(
                        catalog.id, pick(section, "title"), counts.passed, counts.failed, counts.na, counts.unchecked
                    )
                )
        self.counts.set_rows(rows)
        self._fit_counts()
        self.details.setHtml(self._details_html())
        self._show_blockers(header.status)
        self._show_actions()
        self.signatures.set_rows(editor.signatures)
        self.signatures_box.setVisible(bool(editor.signatures))
        meanings = signable_meanings(editor.role, header.status, editor.signed_meanings, editor.signed_by_me)
        self.sign_button.setVisible(header.status != InspectionStatus.DRAFT)
        self.sign_button.setEnabled(bool(meanings))
        self.correct_button.setVisible(header.status == InspectionStatus.SIGNED)
        self.correct_button.setEnabled(header.status == InspectionStatus.SIGNED and not editor.read_only)
        self.complete_button.setVisible(header.status == InspectionStatus.DRAFT)
        self.complete_button.setEnabled(editor.editable and not self.blockers)
        self.complete_state.setText(self._state_text(header.status))

    def _fit_counts(self) -> None:
        """The counts table as tall as its rows (up to :data:`COUNT_ROWS_SHOWN`, then it scrolls): the space
        below goes to the findings and the corrective actions."""
        rows = min(max(self.counts.rowCount(), 1), COUNT_ROWS_SHOWN)
        header = self.table.horizontalHeader().sizeHint().height()
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + row_height * rows + 2 * self.table.frameWidth())

    def _state_text(self, status: str) -> str:
        editor = self.editor
        if status == InspectionStatus.SIGNED:
            if Meaning.APPROVER in editor.signed_meanings:
                return self.tr("本次检查已签署并经单位主要负责人审核，记录已锁定。")
            return self.tr("本次检查已由检查人签署，记录已锁定；等待单位主要负责人审核签署。")
        if status == InspectionStatus.COMPLETED:
            return self.tr("本次检查已完成，等待检查人签署。签署后记录将被锁定。")
        if editor.read_only:
            return self.tr("您的账户只能查看，不能修改检查记录。")
        if self.blockers:
            return self.tr("还有 {count} 个问题需要处理，处理后才能完成检查。").format(count=len(self.blockers))
        return self.tr("所有检查项均已处理，可以完成检查。")

    def _details_html(self) -> str:
        editor = self.editor
        none = escape(self.tr("无。"))
        failed_title = escape(self.tr("不合格项"))
        parts: list[str] = []
        failed = [item for item in editor.items if editor.outcome(item.id).result is Result.FAIL]
        parts.append(f"<h3>{failed_title}（{len(failed)}）</h3>")
        if failed:
            parts.append("<ul>")
            for item in failed:
                outcome = editor.outcome(item.id)
                messages = [
                    escape(f.message_en if english() else f.message_zh)
                    for f in outcome.findings
                    if f.verdict.value == "fail"
                ]
                if outcome.overridden:
                    messages.append(escape(self.tr("人工判定：") + editor.answer(item.id).override_reason))
                detail = "<br>".join(messages)
                parts.append(
                    f'<li><a href="item:{escape(item.id)}">{escape(item.id)}</a> {escape(pick(item, "title"))}'
                    + (f'<br><span style="color:#c62828">{detail}</span>' if detail else "")
                    + "</li>"
                )
            parts.append("</ul>")
        else:
            parts.append(f"<p>{none}</p>")
        return "".join(parts)

    def _show_blockers(self, status: str) -> None:
        """Every blocker in full, above the 完成检查 button rather than in a scroll box: the unanswered items
        as one line of links, each other problem on a line of its own."""
        shown = status == InspectionStatus.DRAFT and bool(self.blockers)
        self.blockers_box.setVisible(shown)
        if not shown:
            self.blockers_label.clear()
            return
        self.blockers_box.setTitle(self.tr("尚未处理、影响完成的问题（{count}）").format(count=len(self.blockers)))
        lines: list[str] = []
        unanswered = [b.item_id for b in self.blockers if b.kind == BlockerKind.UNANSWERED]
        if unanswered:
            links = self.tr("、").join(f'<a href="item:{escape(i)}">{escape(i)}</a>' for i in unanswered)
            lines.append(escape(self.tr("尚未检查（{count} 项）：").format(count=len(unanswered))) + links)
        for blocker in self.blockers:
            if blocker.kind != BlockerKind.UNANSWERED:
                text = escape(blocker.message_en if english() else blocker.message_zh)
                lines.append(f'<a href="item:{escape(blocker.item_id)}">{text}</a>')
        self.blockers_label.setText("<br>".join(lines))

    # --- corrective actions -----------------------------------------------------------------------------

    def _show_actions(self) -> None:
        """The actions with their status and history; the selection stays on the same action."""
        editor = self.editor
        selected = self.selected_action_id()
        self.actions_model.set_rows(action_rows(editor.actions, editor.follow_ups))
        for row in range(self.actions_model.rowCount()):
            parent = self.actions_model.index(row, 0)
            for line in range(self.actions_model.rowCount(parent)):
                self.actions_view.setFirstColumnSpanned(line, parent, True)
        self.actions_view.expandAll()
        open_count = sum(1 for a in editor.actions if a.status != ActionStatus.VERIFIED)
        self.actions_box.setTitle(
            self.tr("整改措施（共 {total} 项，未验证 {open} 项）").format(total=len(editor.actions), open=open_count)
        )
        draft = editor.header.status == InspectionStatus.DRAFT
        # A draft's findings and blockers need the room; after completion, what is done about them.
        self.page_layout.setStretchFactor(self.details, 3 if draft else 1)
        self.page_layout.setStretchFactor(self.actions_box, 2 if draft else 1)
        editing = editor.editable and may_edit_actions(editor.header.status)
        self.edit_action_button.setVisible(editing)
        self.delete_action_button.setVisible(editing)
        if draft:
            self.follow_up_button.setText(self.tr("更改整改状态(&T)…"))
            self.follow_up_button.setVisible(editor.editable)
        else:
            self.follow_up_button.setText(self.tr("整改跟进(&T)…"))
            self.follow_up_button.setVisible(not editor.read_only)
        if not editor.actions:
            hint = self.tr("没有整改措施。")
        elif editor.read_only:
            hint = self.tr("您的账户只能查看整改措施和跟进记录。")
        elif draft:
            hint = self.tr("选中一条整改措施，可修改、删除或更改其状态。")
        else:
            hint = self.tr("选中一条整改措施，记录整改进展；跟进记录不改变检查记录和签名。")
        self.actions_hint.setText(hint)
        index = self.actions_model.action_index(selected) if selected is not None else QModelIndex()
        if not index.isValid() and editor.actions:
            index = self.actions_model.index(0, 0)
        if index.isValid():
            self.actions_view.setCurrentIndex(index)
        self._update_follow_up_button()

    def selected_action_id(self) -> int | None:
        index = self.actions_view.currentIndex()
        action_id = index.data(ActionIdRole) if index.isValid() else None
        return int(action_id) if action_id is not None else None

    def _choices(self, action_id: int | None) -> Sequence[str]:
        editor = self.editor
        action = next((a for a in editor.actions if a.id == action_id), None)
        if action is None or editor.read_only:
            return []
        if editor.header.status == InspectionStatus.DRAFT:
            return draft_action_choices(editor.role, action.status) if editor.editable else []
        return follow_up_choices(editor.role, action.status)

    def _update_follow_up_button(self) -> None:
        selected = self.selected_action_id()
        self.follow_up_button.setEnabled(bool(self._choices(selected)))
        editable = selected is not None and self.editor.editable and may_edit_actions(self.editor.header.status)
        self.edit_action_button.setEnabled(editable)
        self.delete_action_button.setEnabled(editable)

    def _selected_action(self) -> ActionInfo | None:
        action_id = self.selected_action_id()
        return next((a for a in self.editor.actions if a.id == action_id), None)

    def _item_title(self, item_id: str) -> str:
        try:
            return f"{item_id} {pick(self.editor.item(item_id), 'title')}"
        except KeyError:
            return item_id

    @Slot()
    def open_edit_action_dialog(self) -> None:
        """修改 the selected corrective action of the draft (its text, owner, due date)."""
        action = self._selected_action()
        if action is None or not self.edit_action_button.isEnabled():
            return
        dialog = CorrectiveActionDialog(self._item_title(action.item_id), action.owner, self, action.action, action.due)
        self.edit_action_dialog = dialog
        editor = self.editor

        def store() -> None:
            try:
                editor.edit_action(action.id, dialog.action, dialog.owner, dialog.due)
            except Exception as error:  # said in the dialog, which keeps what was typed
                if is_known(error):
                    dialog.show_error(error_text(error))  # says what was refused and that nothing was saved
                else:
                    show_error(self, self.tr("整改措施未能修改。"), error, self.tr("对话框中的内容仍保留。"))
                    dialog.show_error(self.tr("程序内部错误，详见错误信息。"))
                dialog.open()
                return
            self.edit_action_dialog = None
            dialog.deleteLater()
            self.refresh()

        dialog.accepted.connect(store)
        dialog.rejected.connect(lambda: setattr(self, "edit_action_dialog", None))
        dialog.open()

    @Slot()
    def ask_delete_action(self) -> None:
        """删除 the selected corrective action of the draft, after asking."""
        action = self._selected_action()
        if action is None or not self.delete_action_button.isEnabled():
            return
        box = QMessageBox(self)
        box.setObjectName("deleteActionQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("删除整改措施"))
        box.setText(self.tr("删除整改措施“{action}”？删除会记入审计记录。").format(action=action.action))
        delete_button = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        delete_button.setObjectName("confirmDeleteAction")
        box.addButton(self.tr("保留"), QMessageBox.ButtonRole.RejectRole)
        self.delete_question = box

        def answered() -> None:
            self.delete_question = None
            box.deleteLater()
            if box.clickedButton() is not delete_button:
                return
            try:
                self.editor.delete_action(action.id)
            except Exception as error:
                show_error(self, self.tr("整改措施未能删除。"), error, self.tr("整改措施仍保留。"))
            self.refresh()

        box.finished.connect(lambda _: answered())
        box.open()

    @Slot(QItemSelection, QItemSelection)
    def _action_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_follow_up_button()

    @Slot(QModelIndex)
    def _action_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter on an action: its item, as the links above."""
        if index.isValid() and not index.parent().isValid():
            self.item_requested.emit(self.actions_model.index(index.row(), ActionColumn.ITEM).data())

    @Slot()
    def open_follow_up_dialog(self) -> None:
        """整改跟进 (or the new status, in a draft) for the selected action."""
        editor = self.editor
        action_id = self.selected_action_id()
        action = next((a for a in editor.actions if a.id == action_id), None)
        choices = self._choices(action_id)
        if action is None or not choices:
            return
        draft = editor.header.status == InspectionStatus.DRAFT

        def record(status: str, note: str, on: dt.date) -> bool:
            if draft:
                return editor.set_action_status(action.id, status, note, on)
            editor.follow_up(action.id, status, note, on)
            return True

        try:
            title = pick(editor.item(action.item_id), "title")
        except KeyError:
            title = ""
        dialog = FollowUpDialog(action, title, choices, draft, record, self)
        self.follow_up_dialog = dialog
        dialog.accepted.connect(self._followed_up)
        dialog.finished.connect(lambda _: self._forget_follow_up_dialog(dialog))
        dialog.open()

    @Slot()
    def _followed_up(self) -> None:
        self.refresh()

    def _forget_follow_up_dialog(self, dialog: FollowUpDialog) -> None:
        if self.follow_up_dialog is dialog:
            self.follow_up_dialog = None
        dialog.deleteLater()

    @Slot(QUrl)
    def _link(self, url: QUrl) -> None:
        if url.scheme() == "item":
            self.item_requested.emit(url.path())

    @Slot()
    def _complete(self) -> None:
        try:
            digest = self.editor.complete()
        except Exception as error:
            show_error(self, self.tr("检查未能完成。"), error, self.tr("已填写的内容都已保存，检查仍为草稿。"))
            self.refresh()
            return
        self.refresh()
        if digest is not None:
            self.completed.emit(digest)
