"""An officer on a plant PC (issue 14): names that say what a file is, nothing typed lost, nothing hidden."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from desktop.reports.export import report_file_stem, safe_file_part


def test_report_file_names_say_what_they_are_and_suit_windows(qtbot: QtBot) -> None:
    assert report_file_stem("北京示例制造有限公司", dt.date(2020, 3, 2), 2) == "复工自查_北京示例制造有限公司_2020-03-02_第2号"
    assert report_file_stem('A/B:C*D?"E"<F>|G\\H', dt.date(2020, 3, 2), 7) == "复工自查_A_B_C_D_E_F_G_H_2020-03-02_第7号"
    assert safe_file_part("示例公司. ") == "示例公司"  # Windows drops a trailing dot or space
    assert safe_file_part("CON") == "_CON" and safe_file_part("nul.txt") == "_nul.txt"
    assert safe_file_part("   ") == "_" and safe_file_part("\x00\t") == "_"
    assert len(safe_file_part("厂" * 200)) == 60
