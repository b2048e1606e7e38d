"""A full GN + BJHQ inspection built through the real storage service, for the export tests and the benchmark.

Every item is answered; the dormitory table has a room that passes the national rule and fails the Beijing
one (A101: 18 m², 6 people → 3 m²/人); GN-01 fails on its measurement, BJHQ-2 is overridden with a reason,
two items are N/A, failed items have corrective actions, and photos are attached to items that ask for one.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from checklist.catalog import Evidence, official_catalogs
from checklist.evaluation import Answer, Result
from storage import actions, companies, inspections
from storage.db import Database, open_database
from tests.storage.helpers import built_once, lock_as_signed

CATALOGS = ("GN", "BJHQ")
ROOMS = [
    {"name": "A101", "area_m2": 18, "occupants": 6, "location": "above_ground"},
    {"name": "B202", "area_m2": 30, "occupants": 4, "location": "above_ground"},
    {"name": "C-01", "area_m2": 24, "occupants": 4, "location": "semi_basement", "has_window": True},
]
ANSWERS = {
    "GN-01": Answer(measurements={"checks_per_day": 1}, note="宿舍员工下午未测温，仅上午测温一次"),
    "GN-03": Answer(Result.PASS, measurements={"highest_temperature_c": 36.8}),
    # The disinfectant figures are a reference method: they inform, the officer decides GN（六）.
    "GN-06": Answer(Result.PASS, measurements={"chlorine_mg_per_l": 500, "contact_minutes": 30}),
    "GN-09": Answer(Result.NA, note="单位规模小，未设医务室，由属地社区卫生服务中心提供服务"),
    "GN-10": Answer(Result.FAIL, note="废弃口罩专用垃圾桶未加盖"),
    "BJHQ-2": Answer(
        Result.PASS,
        measurements={"morning_check": True, "afternoon_check": True, "min_observation_days": 10},
        override_reason="台账误记：返京人员实际均已观察满 14 天，已核对居家观察记录",
    ),
    "BJHQ-3.1": Answer(Result.NA, note="无半地下室宿舍以外的地下空间"),
}
ACTIONS = {
    "GN-01": ("增加下午测温并在台账登记", "李四"),
    "GN-10": ("更换为带盖专用垃圾桶，每日两次清运消毒", "王五"),
    "BJHQ-3": ("A101 调整为 4 人居住，另两人搬入 B202", "李四"),
}


def make_jpeg(width: int, height: int, seed: int = 0, quality: int = 90) -> bytes:
    """A photo-like JPEG: a colour gradient with noise, so it compresses like a real photo (a flat image would
    be unrealistically small and fast)."""
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 40 + rng.randint(0, 30))
    red = Image.blend(gradient, noise, 0.5)
    green = Image.blend(gradient.transpose(Image.Transpose.ROTATE_180), noise, 0.4)
    blue = noise.point(lambda v: (v + rng.randint(0, 255)) % 256)
    buffer = io.BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def photo_items(catalogs: tuple[str, ...] = CATALOGS) -> list[str]:
    """Items whose evidence is a photo, in catalog order (where the photos of a test go)."""
    available = official_catalogs()
    wanted = (Evidence.PHOTO, Evidence.PHOTO_OR_DOCUMENT)
    return [item.id for cid in catalogs for item in available[cid].items if item.evidence in wanted]


def build_company(db: Database) -> tuple[int, int]:
    """The example company and its plant; return (company id, site id)."""
    company_id = companies.save_company(
        db,
        "tester",
        companies.CompanyInput(
            "北京示例制造有限公司",
            "91110000600037341L",
            "industrial",
            address="北京市大兴区经济技术开发区示例路 1 号",
            district="大兴区",
            headcount=120,
        ),
    )
    return company_id, companies.add_site(db, "tester", company_id, "一号厂房", "plant")


def build_inspection(
    db: Database,
    *,
    photos: int = 1,
    photo_size: tuple[int, int] = (640, 480),
    complete: bool = True,
    sign: bool = True,
    company: tuple[int, int] | None = None,
    date: dt.date = dt.date(2026, 11, 20),
) -> int:
    """A fully answered GN + BJHQ inspection (of a new example company unless ``company`` is given as
    (company id, site id)); return the inspection id. Into a new database, built once per test process and
    copied (``tests.storage.helpers.built_once``)."""
    if company is None:
        key = ("build_inspection", photos, photo_size, complete, sign, date)
        return built_once(db, key, lambda: _build_inspection(db, photos, photo_size, complete, sign, None, date))
    return _build_inspection(db, photos, photo_size, complete, sign, company, date)


def _build_inspection(
    db: Database,
    photos: int,
    photo_size: tuple[int, int],
    complete: bool,
    sign: bool,
    company: tuple[int, int] | None,
    date: dt.date,
) -> int:
    company_id, site_id = company or build_company(db)
    inspection_id = inspections.create_inspection(db, "tester", company_id, date, "张三", list(CATALOGS), site_id)
    version = inspections.load_inspection(db, inspection_id).version
    version = inspections.set_rooms(db, "tester", inspection_id, version, ROOMS)
    for response in inspections.load_inspection(db, inspection_id).responses:
        answer = ANSWERS.get(response.item_id)
        if answer is None and response.final is not None:
            continue  # derived from the rooms (GN-07, BJHQ-3)
        version = inspections.save_answer(
            db, "tester", inspection_id, version, response.item_id, answer or Answer(Result.PASS)
        )
    targets = photo_items()
    for index in range(photos):
        item_id = "GN-05" if index == 0 else targets[index % len(targets)]
        name = "洗手台.jpg" if index == 0 else f"现场照片-{index + 1:02d}.jpg"
        data = make_jpeg(*photo_size, seed=index)
        _, version = inspections.add_evidence(db, "tester", inspection_id, version, item_id, name, data)
    for item_id, (action, owner) in ACTIONS.items():
        _, version = actions.add_action(
            db, "tester", inspection_id, version, item_id, action, owner, date + dt.timedelta(days=10)
        )
    if complete:
        inspections.complete(db, "tester", inspection_id, version)
        if sign:
            lock_as_signed(db, "王经理", inspection_id)
    return inspection_id


def build_largest(
    db: Database, folder: Path, *, photo_size: tuple[int, int] = (640, 480), company: tuple[int, int] | None = None
) -> int:
    """The largest inspection the limits allow (checklist.limits, checklist.text), every text at its longest:
    a GN + BJHQ draft with 2,000 rooms (200-character names; one in three fails the Beijing rule), a
    5,000-character note on every item, every corrective action allowed with 5,000 characters and a
    200-character owner, and every attachment allowed (of a new example company unless ``company`` is given).
    Imported in one go from an exchange file written in ``folder`` (adding it piece by piece through the
    service takes many minutes); the attachments are one photo attached through the service, copied.
    Return the inspection id."""
    from checklist.limits import MAX_ACTIONS, MAX_ATTACHMENTS, MAX_ITEM_ATTACHMENTS, MAX_ROOMS
    from checklist.text import LIMITS, TextKind
    from storage.exchange import export_document, import_file
    from storage.models import Evidence, Inspection
    from storage.unit_of_work import unit_of_work

    name_length, note_length = LIMITS[TextKind.NAME], LIMITS[TextKind.NOTE]
    document = export_document(db, build_inspection(db, photos=0, complete=False, company=company))
    note = ("检查发现的情况如下，" * (note_length // 10 + 1))[:note_length]
    inspection = document["inspection"]
    for response in inspection["responses"]:
        response["note"] = note
    inspection["dormitory_rooms"] = [
        {
            "name": (f"{number:04d}号" + "宿舍楼东区" * (name_length // 5))[:name_length],
            "area_m2": 18 if number % 3 == 0 else 30,
            "occupants": 6 if number % 3 == 0 else 4,
            "location": "above_ground",
        }
        for number in range(MAX_ROOMS)
    ]
    items = [response["item"] for response in inspection["responses"]]
    inspection["corrective_actions"] = [
        {"item": items[number % len(items)], "action": note, "owner": "李" * name_length, "status": "open"}
        for number in range(MAX_ACTIONS)
    ]
    source = folder / "largest.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    inspection_id = import_file(db, "tester", source)
    version = inspections.load_inspection(db, inspection_id).version
    data = make_jpeg(*photo_size, seed=1, quality=60)
    evidence_id, _ = inspections.add_evidence(db, "tester", inspection_id, version, items[0], "现场照片-001.jpg", data)
    with unit_of_work(db, "tester") as session:
        stored = session.get_one(Evidence, evidence_id)
        record = session.get_one(Inspection, inspection_id)
        columns = ("media_type", "original_sha256", "original_size", "stored_sha256", "data", "thumbnail")
        for number in range(1, MAX_ATTACHMENTS):
            values = {column: getattr(stored, column) for column in columns}
            record.evidence.append(
                Evidence(
                    **values,
                    item_id=items[number // MAX_ITEM_ATTACHMENTS],
                    filename=f"现场照片-{number + 1:03d}.jpg",
                    thumbnail_width=stored.thumbnail_width,
                    thumbnail_height=stored.thumbnail_height,
                )
            )
    return inspection_id


def signed_in_a_new_database(folder: Path, *, photos: int) -> Iterator[tuple[Database, int]]:
    """A module fixture's body: a new database in ``folder`` holding one signed inspection (``build_inspection``
    with ``photos``), closed when the module is done."""
    db = open_database(f"sqlite:///{folder}/t.sqlite3")
    yield db, build_inspection(db, photos=photos)
    db.close()
