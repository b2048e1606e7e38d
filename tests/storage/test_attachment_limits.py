"""Attachments are refused from their size before they are read (a 2 GB file never enters memory), and an
attachment prepared elsewhere is checked again when it is stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storage import inspections, photos
from storage.db import Database, open_database
from storage.errors import InvalidInputError
from tests.export_fixtures import make_jpeg
from tests.storage import helpers


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = open_database(sqlite_url)
    yield database  # type: ignore[misc]
    database.close()


def test_a_2_gb_file_is_refused_from_its_size_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    video = tmp_path / "车间监控.mp4"
    with video.open("wb") as stream:  # sparse: 2 GB long, no disk used
        stream.truncate(2_000_000_000)

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InvalidInputError) as refused:
        photos.read_attachment(video)
    assert "2000.0 MB" in str(refused.value) and "附件最大 30 MB" in refused.value.message_zh
    assert "未添加任何附件" in refused.value.message_zh


def test_a_file_at_the_limit_is_read_and_one_byte_over_is_not(tmp_path: Path) -> None:
    at_limit, over = tmp_path / "a.bin", tmp_path / "b.bin"
    for path, size in ((at_limit, photos.MAX_ATTACHMENT_BYTES), (over, photos.MAX_ATTACHMENT_BYTES + 1)):
        with path.open("wb") as stream:
            stream.truncate(size)
    assert len(photos.read_attachment(at_limit)) == photos.MAX_ATTACHMENT_BYTES
    with pytest.raises(InvalidInputError):
        photos.read_attachment(over)


def test_what_is_not_a_readable_file_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as refused:
        photos.read_attachment(tmp_path)  # a folder
    assert "不是文件" in refused.value.message_zh
    with pytest.raises(InvalidInputError):
        photos.read_attachment(tmp_path / "gone.jpg")


def test_a_prepared_attachment_is_checked_again_when_stored(db: Database) -> None:
    inspection_id, version = helpers.draft(db)
    prepared = photos.prepare_attachment("门口.jpg", make_jpeg(3000, 2000))
    assert prepared.media_type == "image/jpeg" and max(prepared.thumbnail_width or 0, prepared.thumbnail_height or 0)
    forged = dataclasses.replace(prepared, data=b"not the photo that was hashed")
    with pytest.raises(InvalidInputError):
        inspections.add_prepared_evidence(db, "officer", inspection_id, version, "GN-05", forged)
    relabelled = dataclasses.replace(prepared, media_type="application/pdf")
    with pytest.raises(InvalidInputError):
        inspections.add_prepared_evidence(db, "officer", inspection_id, version, "GN-05", relabelled)
    assert inspections.load_inspection(db, inspection_id).evidence == []
    evidence_id, _ = inspections.add_prepared_evidence(db, "officer", inspection_id, version, "GN-05", prepared)
    stored = inspections.load_inspection(db, inspection_id).evidence[0]
    assert stored.id == evidence_id and stored.original_size == prepared.original_size
    assert stored.stored_sha256 == prepared.stored_sha256 != prepared.original_sha256  # downscaled
