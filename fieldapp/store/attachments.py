"""Photos and other files, stored once by content beside the notebook.

Bytes live at ``attachments/ab/<sha256>`` (``blob_path`` alone knows that layout,
and builds it only from exactly 64 lowercase hex digits); the ``attachments`` table
holds what the user sees (file name, caption, when and where a photo was taken,
read from EXIF).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import mimetypes
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.domain import Attachment
from fieldapp.store.errors import (
    AttachmentMissingError,
    AttachmentTooLargeError,
    AttachmentUnreadableError,
    BlobMissingError,
)

if TYPE_CHECKING:
    from fieldapp.store.store import Store

logger = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
# An image may have at most this many pixels (a 108-megapixel phone photo fits): a
# one-megabyte PNG can claim 50,000 x 50,000 pixels, ten gigabytes once decoded.
MAX_IMAGE_PIXELS = 120_000_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004


def is_sha256(value: object) -> bool:
    """Exactly 64 lowercase hex digits: the only text a blob's file name is made from."""
    return type(value) is str and _SHA256.fullmatch(value) is not None


def blob_path(root: Path, sha256: str) -> Path:
    """Where the bytes with this hash live: ``root/ab/<sha256>``.

    The one place that knows the layout. Anything but a well-formed hash raises
    ``ValueError``: a hash read from the notebook or a sync file never becomes a
    path of its own choosing (``../``, an absolute path, a drive letter).
    """
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256 hash: {str(sha256)[:80]!r}")
    return root / sha256[:2] / sha256


def image_problem(data: bytes) -> str | None:
    """Why bytes that Pillow recognises as an image may not be stored (None: fine).

    Checked without decoding the pixels: the size from the header against
    ``MAX_IMAGE_PIXELS`` (a decompression bomb), then Pillow's structural check.
    Bytes Pillow does not recognise (a PDF, a GPX track, a HEIC photo) are no image
    to it and pass; the thumbnail shows a placeholder for them.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width <= 0 or height <= 0 or width * height > MAX_IMAGE_PIXELS:
                return f"{width} x {height} pixels"
            image.verify()
    except UnidentifiedImageError:
        return None
    except Image.DecompressionBombError as error:
        return str(error)[:120]
    except Exception as error:  # noqa: BLE001 - any decoder failure means "not a usable image"
        return f"unreadable image ({type(error).__name__})"
    return None


def store_blob(root: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the content-addressed store (once); return (sha256, size)."""
    digest = hashlib.sha256()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=root, prefix=".incoming-", delete=False) as temp:
        try:
            with open(source, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
                    temp.write(chunk)
            temp.flush()
            os.fsync(temp.fileno())
        except BaseException:
            temp.close()
            os.unlink(temp.name)
            raise
    sha = digest.hexdigest()
    target = blob_path(root, sha)
    if target.exists():
        os.unlink(temp.name)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp.name, target)
    return sha, target.stat().st_size


def refuse_open_database(source: Path) -> None:
    """A file the user picked must not be a database a ``Store`` of this process has open
    (the notebook itself): reading and closing it would drop SQLite's locks on it."""
    from fieldapp.store.store import open_in_process

    if open_in_process(source):
        raise AttachmentUnreadableError(path=source, detail="it is an open notebook")


def read_photo_metadata(path: Path) -> dict[str, Any]:
    """EXIF capture time and GPS position of a photo; empty for other files."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return {}
    try:
        with Image.open(path) as image:
            exif = image.getexif()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return {}
    result: dict[str, Any] = {}
    # When the photo was taken: DateTimeOriginal, else DateTimeDigitized. Never DateTime (0x0132):
    # many cameras and every photo editor set it to when the file was last changed.
    details = exif.get_ifd(_EXIF_IFD)
    stamp = details.get(_DATETIME_ORIGINAL) or details.get(_DATETIME_DIGITIZED)
    if isinstance(stamp, str):
        with contextlib.suppress(ValueError):  # a camera's malformed date is no date
            result["taken_at"] = datetime.strptime(stamp.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    gps = exif.get_ifd(_GPS_IFD)
    lat = _gps_degrees(gps.get(2), gps.get(1))
    lon = _gps_degrees(gps.get(4), gps.get(3))
    if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
        result["lat"], result["lon"] = round(lat, 7), round(lon, 7)
    return result


def _gps_degrees(value: Any, ref: Any) -> float | None:
    try:
        degrees, minutes, seconds = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    if str(ref).strip("\x00 ").upper() in ("S", "W"):
        result = -result
    return result


class AttachmentsMixin:
    """Mixed into ``Store``."""

    attachments_dir: Path

    def import_attachment(
        self: Store,
        path: str | os.PathLike[str],
        *,
        activity_id: str | None = None,
        observation_id: str | None = None,
        caption: str | None = None,
    ) -> Attachment:
        """Copy a file into the notebook and link it; the bytes are stored only once."""
        source = Path(path)
        if not source.is_file():
            raise AttachmentMissingError(path=source)
        refuse_open_database(source)
        try:
            size = source.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise AttachmentTooLargeError(
                    path=source, size=size // 2**20, limit=MAX_ATTACHMENT_BYTES // 2**20
                )
            sha, size = store_blob(self.attachments_dir, source)
        except PermissionError as error:
            raise AttachmentUnreadableError(path=source, detail=error.strerror) from error
        except OSError as error:
            if isinstance(error, AttachmentTooLargeError):
                raise
            raise AttachmentUnreadableError(path=source, detail=error.strerror or str(error)) from error
        meta = read_photo_metadata(blob_path(self.attachments_dir, sha))
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return self.add(
            Attachment(
                sha256=sha,
                filename=source.name[:300],
                mime=mime,
                size=size,
                caption=caption,
                activity_id=activity_id,
                observation_id=observation_id,
                **meta,
            )
        )

    def attachments(
        self: Store, activity_id: str | None = None, observation_id: str | None = None
    ) -> list[Attachment]:
        if observation_id:
            return self.list(
                Attachment, "observation_id = ?", [observation_id], order_by="taken_at, created_at, id"
            )
        if activity_id:
            return self.list(
                Attachment,
                "activity_id = ? OR observation_id IN (SELECT id FROM observations WHERE activity_id = ?)",
                [activity_id, activity_id],
                order_by="taken_at IS NULL, taken_at, created_at, id",
            )
        return self.list(Attachment, order_by="created_at, id")

    def attachment_file(self: Store, attachment: Attachment) -> Path:
        if not is_sha256(attachment.sha256):
            raise BlobMissingError(name=attachment.filename)
        path = blob_path(self.attachments_dir, attachment.sha256 or "")
        if not path.is_file():
            raise BlobMissingError(name=attachment.filename)
        return path

    def thumbnail(self: Store, attachment: Attachment, size: int = 256) -> Path:
        """A PNG thumbnail (cached beside the blobs), rotated as the camera meant."""
        from PIL import Image, ImageOps, UnidentifiedImageError

        source = self.attachment_file(attachment)
        target = self.attachments_dir / "thumbnails" / f"{attachment.sha256}-{int(size)}.png"
        if target.exists():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with Image.open(source) as opened:
                if opened.width * opened.height > MAX_IMAGE_PIXELS:
                    raise ValueError(f"{opened.width} x {opened.height} pixels")
                opened.draft("RGB", (size, size))  # JPEG: decode at a fraction of the size
                image = ImageOps.exif_transpose(opened)
                image.thumbnail((size, size))
                if image.mode not in ("RGB", "RGBA"):
                    image = image.convert("RGBA")
                partial = target.with_name(target.name + ".partial")
                image.save(partial, "PNG")
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
            raise AttachmentUnreadableError(path=attachment.filename, detail=str(error)[:200]) from error
        os.replace(partial, target)
        return target
