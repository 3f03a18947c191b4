from datetime import datetime
from fractions import Fraction

import pytest
from PIL import Image

from fieldapp.domain import Activity
from fieldapp.store import AttachmentMissingError
from fieldapp.store.errors import BlobMissingError


def _jpeg_with_exif(path, when="2026:05:01 10:42:17", lat=(55, 50, 30), lon=(9, 38, 15), color="green"):
    """A real JPEG as a phone writes it: EXIF capture time and GPS position."""
    image = Image.new("RGB", (640, 480), color)
    exif = Image.Exif()
    exif[0x0132] = "2026:05:02 08:00:00"  # file-change time: the capture time must win
    exif.get_ifd(0x8769)[0x9003] = when
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", tuple(Fraction(v) for v in lat)
    gps[3], gps[4] = "E", tuple(Fraction(v) for v in lon)
    image.save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def walk(store):
    return store.add(Activity(kind="walkabout", title="Byvandring i Barrit", starts_at="2026-05-01 10:00"))


def test_photo_import_reads_exif_time_and_gps(store, walk, tmp_path):
    photo = _jpeg_with_exif(tmp_path / "IMG_0001.jpg")
    attachment = store.import_attachment(photo, activity_id=walk.id, caption="Den faldefærdige legeplads")
    assert attachment.taken_at == datetime(2026, 5, 1, 10, 42, 17)
    assert attachment.lat == pytest.approx(55 + 50 / 60 + 30 / 3600)
    assert attachment.lon == pytest.approx(9 + 38 / 60 + 15 / 3600)
    assert attachment.mime == "image/jpeg" and attachment.size == photo.stat().st_size
    stored = store.attachment_file(attachment)
    assert stored.read_bytes() == photo.read_bytes()
    assert stored.parent.name == attachment.sha256[:2]
    assert store.attachments(activity_id=walk.id) == [attachment]


def test_southern_and_western_positions_are_negative(store, walk, tmp_path):
    photo = tmp_path / "sw.jpg"
    image = Image.new("RGB", (10, 10))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = (
        "S",
        (Fraction(33), Fraction(51), Fraction(0)),
        "W",
        (Fraction(70), Fraction(0), Fraction(0)),
    )
    image.save(photo, "JPEG", exif=exif)
    attachment = store.import_attachment(photo, activity_id=walk.id)
    assert attachment.lat == pytest.approx(-33.85) and attachment.lon == pytest.approx(-70.0)
    assert attachment.taken_at is None


def test_same_bytes_are_stored_once(store, walk, tmp_path):
    photo = _jpeg_with_exif(tmp_path / "a.jpg")
    copy = tmp_path / "copy-of-a.jpg"
    copy.write_bytes(photo.read_bytes())
    first = store.import_attachment(photo, activity_id=walk.id)
    second = store.import_attachment(copy, activity_id=walk.id)
    assert first.id != second.id and first.sha256 == second.sha256
    blobs = [p for p in store.attachments_dir.rglob("*") if p.is_file() and p.parent.name == first.sha256[:2]]
    assert len(blobs) == 1
    assert not list(store.attachments_dir.glob(".incoming-*"))


def test_non_photo_files_are_kept_without_metadata(store, walk, tmp_path):
    notes = tmp_path / "referat.txt"
    notes.write_text("Referat af byvandringen", encoding="utf-8")
    attachment = store.import_attachment(notes, activity_id=walk.id)
    assert attachment.mime == "text/plain" and attachment.taken_at is None and attachment.lat is None


def test_thumbnail_is_small_and_cached(store, walk, tmp_path):
    attachment = store.import_attachment(_jpeg_with_exif(tmp_path / "big.jpg"), activity_id=walk.id)
    thumb = store.thumbnail(attachment, size=128)
    with Image.open(thumb) as image:
        assert max(image.size) == 128
    assert store.thumbnail(attachment, size=128) == thumb


def test_missing_file_is_a_clear_error_and_writes_nothing(store, walk, tmp_path):
    before = store.counts()
    with pytest.raises(AttachmentMissingError) as caught:
        store.import_attachment(tmp_path / "væk.jpg", activity_id=walk.id)
    assert "findes ikke" in caught.value.message("da")
    assert store.counts() == before


def test_missing_blob_is_reported_by_name(store, walk, tmp_path):
    attachment = store.import_attachment(_jpeg_with_exif(tmp_path / "gone.jpg"), activity_id=walk.id)
    store.attachment_file(attachment).unlink()
    with pytest.raises(BlobMissingError) as caught:
        store.thumbnail(attachment)
    assert "gone.jpg" in caught.value.message("en")
