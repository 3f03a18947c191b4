"""GPX files and photos as phones and GPS devices write them, for the route tests.

Times are given as local wall-clock times (what a person reads off their watch) and
written to the GPX file in UTC, the way devices do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from PIL import Image

# Barrit, a village in Hedensted municipality; each step is about 100 m north-east.
START = (55.7800, 9.8900)
STEP = (0.0006, 0.0010)


def utc(local: datetime, millis: bool = False) -> str:
    moment = local.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (".000Z" if millis else "Z")


def walk(start: datetime | None, count: int = 11, step_s: int = 60, origin=START, step=STEP):
    """(lat, lon, local time or None) for a straight walk."""
    return [
        (
            round(origin[0] + i * step[0], 7),
            round(origin[1] + i * step[1], 7),
            start + timedelta(seconds=i * step_s) if start else None,
        )
        for i in range(count)
    ]


def _trkpts(points, millis=False, ele=True) -> str:
    lines = []
    for i, (lat, lon, when) in enumerate(points):
        inner = f"<ele>{12.5 + i * 0.4:.1f}</ele>" if ele else ""
        if when is not None:
            inner += f"<time>{utc(when, millis)}</time>"
        lines.append(f'      <trkpt lat="{lat}" lon="{lon}">{inner}</trkpt>')
    return "\n".join(lines)


def gpx11(segments, name="Byvandring Barrit", millis=False) -> str:
    """GPX 1.1 in the style of a phone tracking app (metadata, extensions, several segments)."""
    body = "\n".join(f"    <trkseg>\n{_trkpts(s, millis)}\n    </trkseg>" for s in segments)
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="OsmAnd~ 4.6.9"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xmlns:osmand="https://osmand.net"
     xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">
  <metadata><name>{name}</name><time>2026-05-01T08:00:00Z</time></metadata>
  <trk>
    <name>{name}</name>
    <type>walking</type>
{body}
    <extensions><osmand:color>#a71de1</osmand:color></extensions>
  </trk>
</gpx>
"""


def gpx10(points, name="Garmin spor") -> str:
    """GPX 1.0 as older Garmin devices and GPSBabel write it."""
    return f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<gpx version="1.0" creator="GPSBabel - https://www.gpsbabel.org"
     xmlns="http://www.topografix.com/GPX/1/0">
<time>2026-05-01T08:00:00Z</time>
<bounds minlat="55.78" minlon="9.89" maxlat="55.79" maxlon="9.91"/>
<trk>
  <name>{name}</name>
  <trkseg>
{_trkpts(points)}
  </trkseg>
</trk>
</gpx>
"""


def gpx_waypoints(points) -> str:
    """Only waypoints, as some apps save a walk of marked places."""
    wpts = "\n".join(
        f'  <wpt lat="{lat}" lon="{lon}">'
        + (f"<time>{utc(when)}</time>" if when else "")
        + f"<name>Punkt {i + 1}</name><sym>Flag, Blue</sym></wpt>"
        for i, (lat, lon, when) in enumerate(points)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Locus Map" xmlns="http://www.topografix.com/GPX/1/1">
{wpts}
</gpx>
"""


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = Fraction(round((minutes_full - minutes) * 60 * 1000), 1000)
    return Fraction(degrees), Fraction(minutes), seconds


def photo(
    path: Path,
    when: datetime | None = None,
    lat: float | None = None,
    lon: float | None = None,
    color: str = "steelblue",
    digitized: datetime | None = None,
    edited: datetime | None = None,
) -> Path:
    """A real JPEG with the EXIF capture time (camera clock, local) and GPS position a phone writes.

    ``digitized`` is DateTimeDigitized (what scanners and some cameras write instead of
    DateTimeOriginal); ``edited`` is DateTime, which editors set when they save the file."""
    image = Image.new("RGB", (320, 240), color)
    exif = Image.Exif()
    if when is not None:
        exif.get_ifd(0x8769)[0x9003] = when.strftime("%Y:%m:%d %H:%M:%S")
    if digitized is not None:
        exif.get_ifd(0x8769)[0x9004] = digitized.strftime("%Y:%m:%d %H:%M:%S")
    if edited is not None:
        exif[0x0132] = edited.strftime("%Y:%m:%d %H:%M:%S")
    if lat is not None and lon is not None:
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = ("N" if lat >= 0 else "S"), _dms(lat)
        gps[3], gps[4] = ("E" if lon >= 0 else "W"), _dms(lon)
    image.save(path, "JPEG", exif=exif)
    return path


def damaged_photo(path: Path) -> Path:
    """A JPEG cut off halfway, as a card pulled out too early leaves it."""
    photo(path, datetime(2026, 5, 1, 10, 3))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
