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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.domain import Activity, ActivityKind, Attachment, Observation
from fieldapp.domain.entities import CAMERA_OFFSET_MAX_S
from fieldapp.domain.i18n import pick
from fieldapp.routes.errors import RouteError
from fieldapp.routes.geometry import format_distance, format_duration
from fieldapp.routes.gpx import MAX_GPX_BYTES, Track, parse_gpx
from fieldapp.routes.photos import PHOTO_SUFFIXES, PhotoFacts, read_facts, stored_facts
from fieldapp.routes.placement import (
    OBSERVATION,
    PHOTO,
    TIME,
    Placeable,
    RoutePlan,
    place_on_track,
    position_on_track,
)
from fieldapp.store.attachments import refuse_open_database
from fieldapp.store.errors import AttachmentMissingError, AttachmentUnreadableError, StoreError

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
    refuse_open_database(source)
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


def route_items(store: Store, activity: Activity, damaged: list[str] | None = None) -> list[Placeable]:
    """The walkabout's observations and photos, as things to place on its route.

    A photo's own EXIF position is read from its stored file, so a position Feltbog placed
    it at (and saved on the record) is never mistaken for one its camera recorded. Names of
    photos whose file is damaged are added to ``damaged`` (they are not placed).
    """
    items = [
        Placeable(
            OBSERVATION,
            o.id,
            _short(o.text),
            o.lat,
            o.lon,
            o.observed_at,
            category=o.kind.value if o.kind else None,
        )
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
        facts = _facts(store, attachment)
        if facts is not None and not facts.readable:
            if damaged is not None:
                damaged.append(attachment.filename or label)
            continue
        recorded = (facts.lat, facts.lon) if facts is not None and facts.has_position else (None, None)
        has_own = attachment.lat is not None and attachment.lon is not None
        saved = has_own and facts is not None and not _same_place(recorded, (attachment.lat, attachment.lon))
        items.append(
            Placeable(
                PHOTO,
                attachment.id,
                _short(label),
                attachment.lat,
                attachment.lon,
                attachment.taken_at,
                recorded_lat=recorded[0],
                recorded_lon=recorded[1],
                saved_placement=saved,
            )
        )
    return items


def _facts(store: Store, attachment: Attachment) -> PhotoFacts | None:
    """What the stored photo file says (None while its bytes have not arrived by sync)."""
    try:
        path = store.attachment_file(attachment)
    except StoreError:
        return None
    return stored_facts(path, attachment.sha256 or "")


def _same_place(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    if a[0] is None or a[1] is None or b[0] is None or b[1] is None:
        return False
    return abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6


def route_plan(store: Store, activity_id: str, camera_offset_s: int | None = None) -> RoutePlan | None:
    """Where each observation and photo sits on the walkabout's route (None without a track)."""
    activity = store.get(Activity, activity_id)
    track = track_of(store, activity)
    if track is None:
        return None
    offset = activity.camera_offset_s if camera_offset_s is None else camera_offset_s
    damaged: list[str] = []
    plan = place_on_track(track, route_items(store, activity, damaged), offset or 0)
    return replace(plan, damaged=tuple(damaged)) if damaged else plan


def save_positions(store: Store, plan: RoutePlan) -> int:
    """Write the positions found by time onto the observations and photos (so they sync).

    A photo that carries its own GPS position keeps it: the placed position is never
    written over what the camera recorded.
    """
    written = 0
    with store.transaction():
        for placement in plan.placed:
            if placement.method != TIME or placement.item.has_recorded_position:
                continue
            if placement.item.kind == OBSERVATION and placement.item.has_position:
                continue
            cls = Observation if placement.item.kind == OBSERVATION else Attachment
            store.update(cls, placement.item.id, lat=round(placement.lat, 7), lon=round(placement.lon, 7))
            written += 1
    return written


def place_by_hand(store: Store, plan: RoutePlan, item: Placeable, lat: float, lon: float) -> None:
    """The user clicked where an item belongs: it goes to the nearest point of the route there.

    Like ``save_positions``, a photo's own recorded GPS position is never overwritten.
    """
    if item.has_recorded_position:
        raise RouteError("has_own_position", name=item.label)
    _along, lat, lon, _when = position_on_track(plan.track, lat, lon)
    cls = Observation if item.kind == OBSERVATION else Attachment
    store.update(cls, item.id, lat=round(lat, 7), lon=round(lon, 7))


@dataclass(frozen=True)
class PhotoImport:
    added: tuple[Attachment, ...]
    warnings: tuple[RouteError, ...]  # one per photo that was not added (say ``message(lang)``)


def import_photos(store: Store, activity_id: str, paths: list[Path]) -> PhotoImport:
    """Add photos to a walkabout; a damaged one is left out with one warning naming only the file."""
    added, warnings = [], []
    for path in paths:
        if not read_facts(path).readable:
            logger.warning("photo %s is damaged; not added", path.name)
            warnings.append(RouteError("damaged_photo", name=path.name))
            continue
        try:
            added.append(store.import_attachment(path, activity_id=activity_id))
        except StoreError as error:
            logger.warning("photo %s not added: %s", path.name, error)
            warnings.append(RouteError("damaged_photo", name=path.name))
    return PhotoImport(tuple(added), tuple(warnings))


def photos_in(folder: Path) -> list[Path]:
    """The photos directly in a folder, by name (hidden files and other files left out)."""
    if not folder.is_dir():
        raise RouteError("no_photos_folder", name=folder.name or str(folder))
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in PHOTO_SUFFIXES
    )


_SUMMARY = {
    "da": "{file}: {distance}{duration}, {placed} af {items} placeret{extra}",
    "en": "{file}: {distance}{duration}, {placed} of {items} placed{extra}",
}
_DROPPED = {
    "da": ("1 punkt med en umulig position blev udeladt", "{n} punkter med umulige positioner blev udeladt"),
    "en": (
        "1 point with an impossible position was left out",
        "{n} points with impossible positions were left out",
    ),
}
_ADDED = {"da": ("1 billede lagt ind", "{n} billeder lagt ind"), "en": ("1 photo added", "{n} photos added")}


def dropped_note(track: Track, lang: str | None = None) -> str:
    """The import summary's note on impossible points ("" if none were left out)."""
    if not track.dropped:
        return ""
    one, many = (
        pick({k: v[0] for k, v in _DROPPED.items()}, lang),
        pick({k: v[1] for k, v in _DROPPED.items()}, lang),
    )
    return one if track.dropped == 1 else many.format(n=track.dropped)


@dataclass(frozen=True)
class RouteImport:
    """What ``import_route`` did, for a one-line summary."""

    file: str
    track: Track
    plan: RoutePlan
    photos: PhotoImport | None

    def line(self, lang: str | None = None) -> str:
        duration = self.track.duration
        extra = []
        if self.photos is not None:
            one, many = (
                pick({k: v[0] for k, v in _ADDED.items()}, lang),
                pick({k: v[1] for k, v in _ADDED.items()}, lang),
            )
            extra.append(one if len(self.photos.added) == 1 else many.format(n=len(self.photos.added)))
        if self.track.dropped:
            extra.append(dropped_note(self.track, lang))
        return pick(_SUMMARY, lang).format(
            file=self.file,
            distance=format_distance(self.track.length_m, lang or "da"),
            duration=f", {format_duration(duration.total_seconds(), lang or 'da')}" if duration else "",
            placed=len(self.plan.placed),
            items=len(self.plan.placed) + len(self.plan.unplaced),
            extra="".join(f"; {e}" for e in extra),
        )

    def warnings(self, lang: str | None = None) -> list[str]:
        lines = [w.message(lang) for w in (self.photos.warnings if self.photos else ())]
        lines += [RouteError("damaged_stored_photo", name=n).message(lang) for n in self.plan.damaged]
        return lines


def import_route(
    store: Store,
    activity_id: str,
    gpx_path: Path,
    photos_dir: Path | None = None,
    offset_s: int | None = None,
) -> RouteImport:
    """Attach a track to a walkabout, add the photos of a folder, set the camera offset, place.

    The command line's ``fieldapp route import`` for many walks. The track is checked before
    anything is written; a damaged photo is a warning, not a failure.
    """
    if offset_s is not None and abs(offset_s) > CAMERA_OFFSET_MAX_S:
        raise RouteError("bad_offset", limit=CAMERA_OFFSET_MAX_S)
    photos = photos_in(photos_dir) if photos_dir is not None else None
    track = import_gpx(store, activity_id, gpx_path)
    imported = import_photos(store, activity_id, photos) if photos is not None else None
    if offset_s is not None:
        store.update(Activity, activity_id, camera_offset_s=offset_s or None)
    plan = route_plan(store, activity_id)
    assert plan is not None  # the track was just attached
    return RouteImport(gpx_path.name, track, plan, imported)


def _short(text: str | None, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
