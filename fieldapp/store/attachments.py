"""Photos and files: content-addressed bytes beside the notebook, EXIF time and place, thumbnails.

Bytes live in ``<attachments_dir>/<first two hex digits>/<sha256>``; the ``attachments``
row holds the file name, type, size, caption and what EXIF says about when and where
a photo was taken. Thumbnails are a cache (``<attachments_dir>/thumbnails``), rebuilt on demand.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import secrets
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
_CHUNK = 1024 * 1024
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME = 36867, 306


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
        """Copy a file into the notebook's attachments folder and record it."""
        source = Path(path)
        if not source.is_file():
            raise AttachmentMissingError(path=source)
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise AttachmentTooLargeError(path=source, size=round(size / 2**20), limit=MAX_ATTACHMENT_BYTES // 2**20)
        digest = _store_blob(source, self.attachments_dir)
        taken_at, lat, lon = read_exif(source)
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return self.add(Attachment(
            sha256=digest, filename=source.name, mime=mime, size=size, caption=caption, taken_at=taken_at,
            lat=lat, lon=lon, activity_id=activity_id, observation_id=observation_id,
        ))

    def attachments(self: Store, activity_id: str | None = None, observation_id: str | None = None) -> list[Attachment]:
        clauses, params = [], []
        if activity_id:
            clauses.append("activity_id = ?")
            params.append(activity_id)
        if observation_id:
            clauses.append("observation_id = ?")
            params.append(observation_id)
        where = " AND ".join(clauses) or None
        return self.list(Attachment, where, params, order_by="taken_at IS NULL, taken_at, created_at, id")

    def attachment_file(self: Store, attachment: Attachment) -> Path:
        path = blob_path(self.attachments_dir, attachment.sha256 or "")
        if not path.is_file():
            raise BlobMissingError(name=attachment.filename)
        return path

    def thumbnail(self: Store, attachment: Attachment, size: int = 256) -> Path:
        """A PNG no larger than ``size`` pixels, made once and then reused."""
        target = self.attachments_dir / "thumbnails" / f"{attachment.sha256}_{int(size)}.png"
        if target.is_file():
            return target
        source = self.attachment_file(attachment)
        from PIL import Image, ImageOps, UnidentifiedImageError

        try:
            with Image.open(source) as image:
                picture = ImageOps.exif_transpose(image)
                picture.thumbnail((size, size))
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(target.name + f".{secrets.token_hex(4)}.partial")
                picture.convert("RGBA" if picture.mode in ("RGBA", "LA", "P") else "RGB").save(partial, "PNG")
                os.replace(partial, target)
        except (UnidentifiedImageError, OSError, ValueError) as error:
            raise AttachmentUnreadableError(path=attachment.filename, detail=str(error)) from error
        return target


def blob_path(folder: Path, digest: str) -> Path:
    return folder / digest[:2] / digest


def _store_blob(source: Path, folder: Path) -> str:
    """Copy ``source`` under its SHA-256 (hashing while copying); returns the digest."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".import-{secrets.token_hex(8)}.partial"
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        target = blob_path(folder, digest.hexdigest())
        if target.exists():
            partial.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise AttachmentUnreadableError(path=source, detail=error.strerror or str(error)) from error
    return digest.hexdigest()


def read_exif(path: Path) -> tuple[datetime | None, float | None, float | None]:
    """When and where a photo was taken, from its EXIF data; ``None`` for whatever is missing."""
    try:
        from PIL import Image, UnidentifiedImageError

        with Image.open(path) as image:
            exif = image.getexif()
    except (UnidentifiedImageError, OSError, ValueError):
        return None, None, None
    taken_at = _exif_time(exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME))
    gps = exif.get_ifd(_GPS_IFD)
    lat = _coordinate(gps.get(2), gps.get(1), "S", 90)
    lon = _coordinate(gps.get(4), gps.get(3), "W", 180)
    return taken_at, lat, lon


def _exif_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _coordinate(parts: Any, ref: Any, negative: str, limit: float) -> float | None:
    try:
        degrees, minutes, seconds = (float(p) for p in parts)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    if str(ref).strip().upper() == negative:
        value = -value
    return round(value, 7) if abs(value) <= limit else None
