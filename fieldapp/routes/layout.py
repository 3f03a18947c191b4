"""Where the numbered markers go on a route drawing, so that every number can be read.

Markers whose true positions are closer than a marker's size would hide each other. Such a
group of up to ``SPREAD_MAX`` is spread on a small ring around its middle, each marker with a
leader line back to where it belongs; a bigger group becomes one larger marker labelled with
its numbers ("4–9", or "4, 7, 12" when they are not consecutive) or, failing room, its count.
Pure arithmetic in drawing units, shared by the PDF figure and the Qt view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SPREAD_MAX = 8


@dataclass(frozen=True)
class Marker:
    x: float  # where the marker is drawn
    y: float
    anchor_x: float  # where what it marks is (a leader line joins the two when they differ)
    anchor_y: float
    numbers: tuple[int, ...]
    label: str
    radius: float

    @property
    def has_leader(self) -> bool:
        return (self.x, self.y) != (self.anchor_x, self.anchor_y)


def group_label(numbers: Sequence[int], limit: int = 3) -> str:
    """ "4–9" for a run, "4, 7, 12" for a few others, "4, 7 … (+5)" for many."""
    ordered = sorted(numbers)
    if len(ordered) == 1:
        return str(ordered[0])
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    if len(ordered) <= limit:
        return ", ".join(map(str, ordered))
    return f"{ordered[0]}, {ordered[1]} … (+{len(ordered) - 2})"


def layout_markers(
    points: Sequence[tuple[float, float, int]],
    radius: float,
    width: float,
    height: float,
    text_width=lambda text: 6.0 * len(text),
) -> list[Marker]:
    """Markers for (x, y, number) points in a ``width`` × ``height`` drawing. O(n) with a grid."""
    cell = 2 * radius
    groups: list[list[tuple[float, float, int]]] = []
    grid: dict[tuple[int, int], list[int]] = {}
    for x, y, number in points:
        gx, gy = math.floor(x / cell), math.floor(y / cell)
        home = None
        for key in ((gx + dx, gy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            for g in grid.get(key, ()):
                fx, fy, _n = groups[g][0]
                if (fx - x) ** 2 + (fy - y) ** 2 < cell * cell:
                    home = g
                    break
            if home is not None:
                break
        if home is None:
            home = len(groups)
            groups.append([])
            grid.setdefault((gx, gy), []).append(home)
        groups[home].append((x, y, number))
    markers: list[Marker] = []
    for group in groups:
        cx = sum(p[0] for p in group) / len(group)
        cy = sum(p[1] for p in group) / len(group)
        if len(group) == 1:
            x, y, number = group[0]
            markers.append(Marker(x, y, x, y, (number,), str(number), radius))
        elif len(group) <= SPREAD_MAX:
            # On a ring just big enough for the markers to touch, starting at the top.
            ring = max(2.2 * radius, 1.15 * radius * len(group) / math.pi)
            for k, (x, y, number) in enumerate(sorted(group, key=lambda p: p[2])):
                angle = math.pi / 2 - 2 * math.pi * k / len(group)
                mx, my = _inside(
                    cx + ring * math.cos(angle), cy + ring * math.sin(angle), radius, width, height
                )
                markers.append(Marker(mx, my, x, y, (number,), str(number), radius))
        else:
            numbers = tuple(sorted(p[2] for p in group))
            label = group_label(numbers)
            big = max(radius * 1.4, text_width(label) / 2 + radius * 0.5)
            if big > radius * 4:
                label, big = f"×{len(numbers)}", radius * 1.6
            mx, my = _inside(cx, cy, big, width, height)
            markers.append(Marker(mx, my, cx, cy, numbers, label, big))
    return markers


def _inside(x: float, y: float, radius: float, width: float, height: float) -> tuple[float, float]:
    return min(max(x, radius + 1), width - radius - 1), min(max(y, radius + 1), height - radius - 1)
