"""Routes in a notebook: importing a GPX file for a walkabout and placing what was seen.

The GPX file is stored as an ordinary attachment (content-addressed, linked to the
walkabout, pointed at by ``Activity.gpx_attachment_id``), so it syncs with everything
else. The parsed track is derived from those bytes when needed and cached by their hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.domain import Activity, ActivityKind, Attachment, Observation
from fieldapp.routes.errors import RouteError
from fieldapp.routes.gpx import MAX_GPX_BYTES, Track, parse_gpx
from fieldapp.routes.placement import OBSERVATION, PHOTO, Placeable, RoutePlan, place_on_track
from fieldapp.store.errors import AttachmentMissingError, AttachmentUnreadableError

if TYPE_CHECKING:
    from fieldapp.store import Store

logger = logging.getLogger(__name__)

GPX_MIME = "application/gpx+xml"
_CACHE_SIZE = 8
_tracks: OrderedDict[str, Track] = OrderedDict()  # sha256 -> parsed track (the bytes never change)


def is_route_file(attachment: Attachment) -> bool:
    return attachment.mime == GPX_MIME or (attachment.filename or "").lower().endswith(".gpx")


def import_gpx(store: Store, activity_id: str, path: str | os.PathLike[str]) -> Track:
    """Read, check and attach a GPX file to a walkabout, replacing any earlier one.

    The file is parsed completely before anything is written, and all writes happen in
    one transaction: a bad file leaves the notebook exactly as it was.
    """
    activity = store.get(Activity, activity_id)
    if activity.kind != ActivityKind.WALKABOUT:
        raise RouteError("not_walkabout")
    source = Path(path)
    if not source.is_file():
        raise AttachmentMissingError(path=source)
    try:
        size = source.stat().st_size
        if size > MAX_GPX_BYTES:
            raise RouteError("too_large", name=source.name, size=size // 2**20, limit=MAX_GPX_BYTES // 2**20)
        data = source.read_bytes()
    except OSError as error:
        raise AttachmentUnreadableError(path=source, detail=error.strerror or str(error)) from error
    track = parse_gpx(data, source.name)
    sha = hashlib.sha256(data).hexdigest()
    with store.transaction():
        attachment = store.import_attachment(source, activity_id=activity_id, caption=track.name)
        if attachment.sha256 != sha:
            raise RouteError("changed_while_reading", name=source.name)
        store.update(Attachment, attachment.id, mime=GPX_MIME)
        previous = activity.gpx_attachment_id
        store.update(Activity, activity_id, gpx_attachment_id=attachment.id)
        if previous and previous != attachment.id and store.find(Attachment, previous) is not None:
            store.delete(Attachment, previous)
    _remember(sha, track)
    logger.info("route %s: %d points, %.0f m", source.name, len(track.points), track.length_m)
    return track


def remove_gpx(store: Store, activity_id: str) -> None:
    activity = store.get(Activity, activity_id)
    if not activity.gpx_attachment_id:
        return
    with store.transaction():
        store.update(Activity, activity_id, gpx_attachment_id=None)
        if store.find(Attachment, activity.gpx_attachment_id) is not None:
            store.delete(Attachment, activity.gpx_attachment_id)


def track_of(store: Store, activity: Activity) -> Track | None:
    """The walkabout's track, or None if it has none (or its file has not arrived by sync yet).

    A stored file that cannot be read raises ``RouteError`` / ``StoreError``.
    """
    if not activity.gpx_attachment_id:
        return None
    attachment = store.find(Attachment, activity.gpx_attachment_id)
    if attachment is None or not attachment.sha256:
        return None
    cached = _tracks.get(attachment.sha256)
    if cached is not None:
        _tracks.move_to_end(attachment.sha256)
        return cached
    data = store.attachment_file(attachment).read_bytes()
    track = parse_gpx(data, attachment.filename or "spor.gpx")
    _remember(attachment.sha256, track)
    return track


def _remember(sha: str, track: Track) -> None:
    _tracks[sha] = track
    _tracks.move_to_end(sha)
    while len(_tracks) > _CACHE_SIZE:
        _tracks.popitem(last=False)


def route_items(store: Store, activity: Activity, lang: str | None = None) -> list[Placeable]:
    """The walkabout's observations and photos, as things to place on its route."""
    items = [
        Placeable(OBSERVATION, o.id, _short(o.text), o.lat, o.lon, o.observed_at)
        for o in store.list(
            Observation, "activity_id = ?", [activity.id], order_by="observed_at, created_at, id"
        )
    ]
    for attachment in store.attachments(activity_id=activity.id):
        if attachment.id == activity.gpx_attachment_id or is_route_file(attachment):
            continue
        if not (attachment.mime or "").startswith("image/"):
            continue
        label = attachment.caption or attachment.filename or ""
        items.append(
            Placeable(
                PHOTO, attachment.id, _short(label), attachment.lat, attachment.lon, attachment.taken_at
            )
        )
    return items


def route_plan(store: Store, activity_id: str, camera_offset_s: int | None = None) -> RoutePlan | None:
    """Where each observation and photo sits on the walkabout's route (None without a track)."""
    activity = store.get(Activity, activity_id)
    track = track_of(store, activity)
    if track is None:
        return None
    offset = activity.camera_offset_s if camera_offset_s is None else camera_offset_s
    return place_on_track(track, route_items(store, activity), offset or 0)


def save_positions(store: Store, plan: RoutePlan) -> int:
    """Write the positions found by time onto the observations and photos (so they sync)."""
    written = 0
    with store.transaction():
        for placement in plan.placed:
            if placement.method != "time":
                continue
            cls = Observation if placement.item.kind == OBSERVATION else Attachment
            store.update(cls, placement.item.id, lat=round(placement.lat, 7), lon=round(placement.lon, 7))
            written += 1
    return written


def _short(text: str | None, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
