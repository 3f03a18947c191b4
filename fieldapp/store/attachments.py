"""Photos and other files, stored once by content beside the notebook.

Bytes live at ``attachments/ab/<sha256>``; the ``attachments`` table holds what the
user sees (file name, caption, when and where a photo was taken, read from EXIF).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import mimetypes
import os
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
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


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


def read_photo_metadata(path: Path) -> dict[str, Any]:
    """EXIF capture time and GPS position of a photo; empty for other files."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return {}
    try:
        with Image.open(path) as image:
            exif = image.getexif()
    except (UnidentifiedImageError, OSError, ValueError):
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
        path = blob_path(self.attachments_dir, attachment.sha256 or "")
        if not attachment.sha256 or not path.is_file():
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
                image = ImageOps.exif_transpose(opened)
                image.thumbnail((size, size))
                if image.mode not in ("RGB", "RGBA"):
                    image = image.convert("RGBA")
                partial = target.with_name(target.name + ".partial")
                image.save(partial, "PNG")
        except (UnidentifiedImageError, OSError) as error:
            raise AttachmentUnreadableError(path=attachment.filename, detail=str(error)) from error
        os.replace(partial, target)
        return target
