"""The canteen-door sheet: the sittings timetable on one A4 page in large type (分散错峰就餐, GN（八）).

Always one page: the timetable is shrunk to fit when a canteen has many sittings, never continued on a second
sheet that would get lost at the door. Chinese or English, as the reader chose.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from checklist.messages import is_english
from checklist.sites.canteen import SEATING_RULES, SittingPlan, clock
from storage.files import atomic_produce


def render_canteen_sheet(plan: SittingPlan, site: str = "", language: str = "zh") -> bytes:
    """The sheet as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from export.fonts import report_fonts

    english = is_english(language)
    fonts = report_fonts()
    body = ParagraphStyle("body", fontName=fonts.cjk, fontSize=16, leading=21)
    title = ParagraphStyle("title", parent=body, fontSize=30, leading=38, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=18, leading=24)
    head = ParagraphStyle("head", parent=body, fontSize=16, leading=20)
    small = ParagraphStyle("small", parent=body, fontSize=10, leading=13, textColor=colors.HexColor("#444444"))

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(fonts.markup(text), style)

    s = plan.settings
    info = SEATING_RULES[s.seating]
    if english:
        heading = f"Canteen sittings{' — ' + site if site else ''}"
        subtitle = (
            f"Staggered meals: each department eats in its own sitting. Sit {info.name_en}; never face to face; "
            "do not talk while eating."
        )
        columns = ["Sitting", "Time", "Departments", "People"]
        basis = "Basis: GN (8); LK28 2.(2).2. Seats, meal length and cleaning time are this canteen's settings."
    else:
        heading = f"食堂错峰就餐安排{'——' + site if site else ''}"
        subtitle = f"分散错峰就餐：各部门按场次整体就餐。{info.name_zh}，不面对面就坐，用餐时不交谈。"
        columns = ["场次", "时间", "部门", "人数"]
        basis = "依据：GN（八）；LK28 二（二）2。座位数、每场时长与清洁时间为本食堂的设置。"
    rows: list[list[Any]] = [[p(c, head) for c in columns]]
    for sitting in plan.sittings:
        names = ("; " if english else "、").join(
            part.label_en() if english else part.label_zh() for part in sitting.parts
        )
        number = f"{sitting.number}" if english else f"第 {sitting.number} 场"
        rows.append(
            [
                p(number, cell),
                p(f"{clock(sitting.start)}–{clock(sitting.end)}", cell),
                p(names, cell),
                p(f"{sitting.people}/{plan.seats_per_sitting}", cell),
            ]
        )
    grid = Table(rows, colWidths=[32 * mm, 52 * mm, 66 * mm, 30 * mm], repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    story: list[Any] = [p(heading, title), p(subtitle), Spacer(1, 5 * mm), grid, Spacer(1, 5 * mm)]
    if not plan.fits:
        warning = (
            f"The serving window is {plan.short_by_minutes} minutes too short for this plan."
            if english
            else f"注意：供餐时段短了 {plan.short_by_minutes} 分钟，本安排超出供餐时间。"
        )
        story.append(p(warning, ParagraphStyle("warn", parent=body, textColor=colors.HexColor("#c62828"))))
    cleaning = (
        f"Between sittings: {s.cleaning_minutes} minutes of cleaning and disinfection."
        if english
        else f"每场之间清洁消毒 {s.cleaning_minutes} 分钟。"
    )
    story += [p(cleaning), Spacer(1, 3 * mm), p(basis, small)]
    buffer = io.BytesIO()
    margin = 15 * mm
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=heading,
        author="复工自查",
    )
    frame_width, frame_height = A4[0] - 2 * margin, A4[1] - 2 * margin - 1
    document.build([KeepInFrame(frame_width, frame_height, story, mode="shrink")])
    return buffer.getvalue()


def write_canteen_sheet(path: Path, plan: SittingPlan, site: str = "", language: str = "zh") -> None:
    """Write the sheet to ``path`` whole or not at all."""
    data = render_canteen_sheet(plan, site, language)
    atomic_produce(path, lambda tmp: tmp.write_bytes(data))
