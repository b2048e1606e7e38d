"""The language guard (tests/gui/language_guard.py) sees a text in the wrong language, and lets through what
either language may show (codes, units, file names, quoted official titles, typed names)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from desktop.common import i18n
from tests.gui.language_guard import LanguageGuard, chinese_words, latin_words


def test_latin_words_allows_codes_units_and_file_names() -> None:
    assert latin_words("GN-01：人均面积 3.5 m²/人，报告 复工自查_2.pdf 已保存到 /tmp/a b") == []
    assert latin_words("FG-2-v4 第 2 版，SHA-256 哈希，PDF 与 Excel，UTC+8") == []
    assert latin_words("area_m2: 0 m² must be greater than 0") == ["area", "must", "be", "greater", "than"]
    assert latin_words("签名证书(&K)") == []
    assert latin_words("result = pass; note = …") == ["result", "pass", "note"]


def test_chinese_words_allows_quotes_and_typed_names() -> None:
    assert chinese_words("《企事业单位复工复产疫情防控措施指南》 (GN)", set()) == []
    assert chinese_words("Signed by 张伟 on 2020-03-02", {"张伟"}) == []
    assert chinese_words("3 次/日", set()) == ["次", "日"]


@pytest.mark.wrong_language_on_purpose
def test_the_guard_catches_a_label_a_message_box_and_a_table_cell(qapp: QApplication, qtbot: QtBot) -> None:
    guard = LanguageGuard()
    guard.install()
    try:
        label = QLabel()
        qtbot.addWidget(label)
        label.setText("dormitory_rooms[0].name: a room needs a name or number")
        box = QMessageBox()
        qtbot.addWidget(box)
        box.setInformativeText("inspection 3 is signed and cannot be changed")
        label.setText("检查记录 #3 已签署")  # fine
    finally:
        guard.uninstall()
    assert len(guard.problems) == 2 and "a room needs" in guard.problems[0]

    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("status: draft → completed"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    sweeping = LanguageGuard()
    sweeping.sweep(qapp)
    assert any("draft" in p for p in sweeping.problems)
    i18n.install_language(i18n.ENGLISH)
    model.setItem(0, 0, QStandardItem("3 次/日"))
    in_english = LanguageGuard()
    in_english.sweep(qapp)
    assert any("次" in p for p in in_english.problems)
    view.hide()
