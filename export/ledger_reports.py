"""The health ledger's files: the roster import template, and the daily summary (每天汇总) as PDF and workbook,
signed off by the person in charge like an inspection.

The API (stable; the desktop and the command line use it):

* :func:`write_roster_template` — an ``.xlsx`` with the roster's headers (姓名 … 返回自), drop-down lists for
  人员类别 and 状态, and a sheet explaining each column; importing it unchanged adds nobody.
"""

from __future__ import annotations

from pathlib import Path

from checklist.ledger import ROSTER_FIELDS, STATUS_ZH, Category
from storage.files import atomic_produce

TEMPLATE_NOTES: dict[str, str] = {
    "name": "必填；同名员工请填写身份证号或手机号以便区分",
    "category": "保洁 / 保安 / 物业 / 食堂 / 维修维护 / 其他（北京后勤物业人员类别，BJHQ）",
    "outsourcing_company": "通过外包单位用工时填写外包单位名称（BJHQ 一：用工单位负主体责任）",
    "id_number": "可不填；18 位，校验位按 GB 11643 检查；界面与报表中脱敏显示",
    "phone": "可不填；手机号 11 位或带区号的固定电话；界面与报表中脱敏显示",
    "status": "在岗 / 居家观察 / 集中观察 / 离岗；空白为在岗",
    "return_date": "YYYY-MM-DD",
}


def write_roster_template(path: Path) -> None:
    """Write the roster template (written to a temporary name, renamed when complete)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append([zh for _, zh, _ in ROSTER_FIELDS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (key, zh, _) in enumerate(ROSTER_FIELDS):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = max(10, len(zh) * 2 + 4) if key != "id_number" else 22
        if key in ("id_number", "phone"):
            for row in range(2, 2002):
                sheet[f"{letter}{row}"].number_format = "@"  # text: Excel keeps the 18 digits and the X
        if key == "category":
            choices = ",".join(c.value for c in Category)
        elif key == "status":
            choices = ",".join(STATUS_ZH.values())
        else:
            continue
        validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        validation.add(f"{letter}2:{letter}20000")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "Column", "说明"])
    for key, zh, en in ROSTER_FIELDS:
        notes.append([zh, en, TEMPLATE_NOTES.get(key, "")])
    notes.append([])
    notes.append(
        [
            "个人信息保护",
            "Personal data",
            "仅用于疫情防控；身份证号与手机号仅单位主要负责人可查看完整内容，每次查看均记入审计日志",
        ]
    )
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 22
    notes.column_dimensions["C"].width = 80
    atomic_produce(path, lambda tmp: workbook.save(tmp))
