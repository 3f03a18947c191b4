"""Photos for a route: is the file a readable image, and what its own EXIF says.

A photo's own GPS position (EXIF) is what the camera recorded; the position Feltbog
places it at from the track is something else, and the two are kept apart (see
``service.route_items``). Both are read from the stored, content-addressed file, which
never changes, so they are cached by its hash.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from fieldapp.store.attachments import read_photo_metadata

logger = logging.getLogger(__name__)

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff", ".webp")


@dataclass(frozen=True)
class PhotoFacts:
    readable: bool
    taken_at: datetime | None = None  # DateTimeOriginal, else DateTimeDigitized, as the camera wrote it
    lat: float | None = None
    lon: float | None = None

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


def is_readable_image(path: Path, decode: bool = True) -> bool:
    """True if the image decodes (a truncated or garbled file does not). Without ``decode``
    only its header is read: fast enough to ask of every photo of a walk each time it is drawn."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            if decode:
                image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False
    except Exception:
        logger.warning("photo %s: unexpected decoder error", path.name, exc_info=True)
        return False
    return True


def read_facts(path: Path, decode: bool = True) -> PhotoFacts:
    if not is_readable_image(path, decode):
        return PhotoFacts(readable=False)
    meta = read_photo_metadata(path)
    return PhotoFacts(True, meta.get("taken_at"), meta.get("lat"), meta.get("lon"))


@lru_cache(maxsize=4096)
def stored_facts(path: Path, sha256: str) -> PhotoFacts:
    """``read_facts`` of a stored (content-addressed, never changing) file, cached by its hash."""
    return read_facts(path, decode=False)
