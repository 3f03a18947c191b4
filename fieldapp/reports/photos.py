"""Photos for reports: downscaled in memory, captioned, and a placeholder when a file is gone."""

from __future__ import annotations

import io
import logging

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Table

from fieldapp.reports.options import Context
from fieldapp.reports.styles import MUTED, RULE, SHADE, para, table_style
from fieldapp.reports.texts import format_date
from fieldapp.store.attachments import MAX_IMAGE_PIXELS
from fieldapp.store.reporting import Photo

logger = logging.getLogger(__name__)

MAX_PIXELS = 640  # longest side: about 200 dpi at the printed 80 mm, and a small file
PHOTO_BOX = (80 * mm, 60 * mm)


def _load(photo: Photo) -> bytes:
    if photo.path is None:
        raise FileNotFoundError(photo.attachment.sha256)
    with PILImage.open(photo.path) as source:
        if source.width * source.height > MAX_IMAGE_PIXELS:  # a decompression bomb: never decoded
            raise ValueError(f"{source.width} x {source.height} pixels")
        scale = MAX_PIXELS / max(source.size)
        if scale < 1:  # JPEG: let the decoder scale down by 1/2, 1/4 or 1/8 (several times faster)
            source.draft("RGB", (int(source.width * scale), int(source.height * scale)))
        image = ImageOps.exif_transpose(source)
        image = image.convert("RGB")
        image.thumbnail((MAX_PIXELS, MAX_PIXELS))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82)
    return out.getvalue()


def _image(data: bytes) -> Image:
    flowable = Image(io.BytesIO(data))
    scale = min(PHOTO_BOX[0] / flowable.imageWidth, PHOTO_BOX[1] / flowable.imageHeight)
    flowable.drawWidth = flowable.imageWidth * scale
    flowable.drawHeight = flowable.imageHeight * scale
    return flowable


def _placeholder(message: str) -> Table:
    box = Table([[para(message, "small")]], colWidths=[PHOTO_BOX[0]], rowHeights=[PHOTO_BOX[1] * 0.5])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        )
    )
    return box


def photo_cell(photo: Photo, ctx: Context) -> list[Flowable]:
    name = photo.attachment.filename or photo.attachment.sha256 or ""
    try:
        picture: Flowable = _image(_load(photo))
    except FileNotFoundError:
        message = ctx.t("photo_missing", name=name)
        ctx.warnings.append(message)
        picture = _placeholder(message)
    except (OSError, UnidentifiedImageError, ValueError, PILImage.DecompressionBombError) as error:
        logger.warning("cannot read photo %s: %s", photo.path, error)
        message = ctx.t("photo_unreadable", name=name)
        ctx.warnings.append(message)
        picture = _placeholder(message)
    caption = photo.attachment.caption or name
    when = format_date(photo.attachment.taken_at, ctx.lang)
    return [picture, para(f"{caption} ({when})" if when else caption, "small")]


def photo_grid(photos: list[Photo], ctx: Context) -> Table:
    """Two photos per row, each with its caption below."""
    cells = [photo_cell(photo, ctx) for photo in photos]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    half = ctx.width / 2
    grid = Table(rows, colWidths=[half, half], hAlign="LEFT")
    grid.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
        )
    )
    return grid
