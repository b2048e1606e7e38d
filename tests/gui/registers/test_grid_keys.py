"""The temperature grid's keyboard, on rules handed in directly (the product's own temperature check)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checklist.rules import MeasurementKind, validate_measurement
from desktop.registers.grid import (
    GridColumn,
    GridPerson,
    GridRow,
    GridRules,
    Half,
    ReadingGrid,
    ReadingGridModel,
    SaveState,
    Symptom,
)
from tests.gui.helpers import focused

SYMPTOMS = (
    Symptom("fever", "发热", "Fever"),
    Symptom("dry_cough", "干咳", "Dry cough"),
    Symptom("fatigue", "乏力", "Fatigue"),
)


def rules() -> GridRules:
    return GridRules(
        read_temperature=lambda text: float(validate_measurement("temperature", MeasurementKind.TEMPERATURE_C, text)),
        is_fever=lambda celsius: celsius >= 37.3,
        symptoms=SYMPTOMS,
    )


def grid(qtbot: QtBot, people: int = 3) -> ReadingGrid:
    model = ReadingGridModel(rules())
    model.set_rows([GridRow(GridPerson(n, f"员工{n}", "车间")) for n in range(1, people + 1)])
    view = ReadingGrid(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.start()
    return view


def type_reading(qtbot: QtBot, view: ReadingGrid, text: str, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type as a user does: each key goes to whichever widget has the focus (the grid, then its cell editor)."""
    for character in text:
        qtbot.keyClicks(focused(), character)
    qtbot.keyClick(focused(), key)


def test_typing_fills_the_cell_and_enter_moves_down(qtbot: QtBot) -> None:
    view = grid(qtbot)
    entered: list[tuple[int, str]] = []
    view.grid_model.reading_entered.connect(lambda row, half: entered.append((row, half)))
    for text in ("36.5", "36.8", "37.0"):
        type_reading(qtbot, view, text)
    model = view.grid_model
    assert [model.row(r).halves[Half.MORNING].celsius for r in range(3)] == [36.5, 36.8, 37.0]
    assert entered == [(0, "morning"), (1, "morning"), (2, "morning")]
    assert view.currentIndex().row() == 2 and view.currentIndex().column() == GridColumn.MORNING
    assert model.flagged_rows() == []


def test_tab_goes_across_the_cells_to_fill(qtbot: QtBot) -> None:
    view = grid(qtbot)
    type_reading(qtbot, view, "36.6", Qt.Key.Key_Tab)
    assert view.currentIndex().column() == GridColumn.MORNING_SYMPTOMS
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # nothing to note: on to the afternoon
    assert view.currentIndex().column() == GridColumn.AFTERNOON
    type_reading(qtbot, view, "36.9", Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, GridColumn.MORNING)
    row = view.grid_model.row(0)
    assert (row.halves[Half.MORNING].celsius, row.halves[Half.AFTERNOON].celsius) == (36.6, 36.9)


def test_a_fever_flags_the_row_at_once(qtbot: QtBot) -> None:
    view = grid(qtbot)
    flagged: list[int] = []
    view.grid_model.flag_changed.connect(flagged.append)
    type_reading(qtbot, view, "36.5")
    type_reading(qtbot, view, "38.2")
    model = view.grid_model
    assert model.flagged_rows() == [1] and flagged == [1]
    assert "38.2" in model.index(1, GridColumn.FLAG).data()
    assert model.index(1, GridColumn.NAME).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, GridColumn.NAME).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_symptom_by_number_or_name_flags_the_row(qtbot: QtBot) -> None:
    view = grid(qtbot)
    view.setCurrentIndex(view.grid_model.index(0, GridColumn.MORNING_SYMPTOMS))
    type_reading(qtbot, view, "2 3")
    model = view.grid_model
    assert model.row(0).halves[Half.MORNING].symptoms == ("dry_cough", "fatigue")
    assert model.index(0, GridColumn.MORNING_SYMPTOMS).data() == "干咳、乏力"
    assert model.flagged_rows() == [0]
    refusals: list[str] = []
    model.input_refused.connect(refusals.append)
    type_reading(qtbot, view, "9")
    assert model.row(1).halves[Half.MORNING].symptoms == ()
    assert "“9”不是可选的症状" in refusals[-1]


def test_an_implausible_reading_is_refused_in_the_cell_and_kept(qtbot: QtBot) -> None:
    view = grid(qtbot)
    model = view.grid_model
    refusals: list[str] = []
    model.input_refused.connect(refusals.append)
    entered: list[tuple[int, str]] = []
    model.reading_entered.connect(lambda row, half: entered.append((row, half)))
    type_reading(qtbot, view, "98.6")
    day = model.row(0).halves[Half.MORNING]
    assert day.celsius is None and day.text == "98.6" and "华氏度" in day.refusal
    assert "98.6" in model.index(0, GridColumn.MORNING).data() and "华氏度" in model.index(0, GridColumn.MORNING).data()
    assert "员工1 的上午体温未保存" in refusals[-1] and entered == []
    # back up and correct it: the kept text is offered again, typing replaces it
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert editor is not None and editor.objectName() == "gridEditor" and editor.text() == "98.6"  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "37")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert day.celsius == 37.0 and day.refusal == "" and entered == [(0, "morning")]
    assert refusals[-1] == ""
    for wrong in ("34,5", "3.65", "43.5"):
        view.setCurrentIndex(model.index(1, GridColumn.AFTERNOON))
        type_reading(qtbot, view, wrong)
        assert model.row(1).halves[Half.AFTERNOON].celsius is None
        assert model.row(1).halves[Half.AFTERNOON].text == wrong


def test_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: object) -> None:
    view = grid(qtbot)
    type_reading(qtbot, view, "38.0")
    qtmodeltester.check(view.grid_model)  # type: ignore[attr-defined]


def test_a_save_s_outcome_repaints_only_the_cells_it_changes(qtbot: QtBot) -> None:
    """A shift's batch coming back stored looks as it did while pending: no repaint (a keystroke it arrives in
    stays short); a failure or a late mark changes that one temperature cell, and the row's flag is kept."""
    view = grid(qtbot, people=4)
    model = view.grid_model
    for text in ("36.5", "38.2", "36.6"):
        type_reading(qtbot, view, text)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles=(): changed.append((first.row(), first.column(), last.row(), last.column()))
    )
    for row in range(3):
        model.set_state(row, Half.MORNING, SaveState.SAVED)
    assert changed == []
    model.set_state(1, Half.MORNING, SaveState.FAILED, "数据库已锁定")
    model.mark_late(2, Half.MORNING)
    model.mark_late(2, Half.MORNING)  # already marked: nothing to repaint
    morning = int(GridColumn.MORNING)
    assert changed == [(1, morning, 1, morning), (2, morning, 2, morning)]
    assert model.index(1, GridColumn.MORNING).data() == "38.2（未保存）" and model.is_flagged(1)
    assert model.index(2, GridColumn.MORNING).data() == "36.6（补录）" and not model.is_flagged(2)
    model.set_state(1, Half.MORNING, SaveState.SAVED)
    assert changed[-1] == (1, morning, 1, morning) and model.index(1, GridColumn.MORNING).data() == "38.2"
