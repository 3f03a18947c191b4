"""PDF report timings: one activity report, an area report over many activities, and the floor.

The floor is a bare reportlab ``SimpleDocTemplate`` laying out the very same flowables
(no page numbering canvas, no PDF/A step, no queries): what reportlab itself costs.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from datetime import datetime, timedelta

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from fieldapp.domain import (
    Action,
    Activity,
    ActivityKind,
    Observation,
    ObservationKind,
    ObservationTheme,
    Participant,
    Person,
    SurveyAnswer,
    SurveyItem,
    SurveyTally,
    Theme,
)
from fieldapp.reports import ReportOptions, render_activity_report, render_area_report
from fieldapp.reports.document import BOTTOM_MARGIN, TOP_MARGIN
from fieldapp.reports.export import activity_parts, area_parts
from fieldapp.reports.styles import PAGE_MARGIN
from fieldapp.store import Store

ACTIVITY_TARGET_MS = 150
AREA_TARGET_S = 3.0
FLOOR_RATIO_TARGET = 1.5
THEMES = [
    "Trafik",
    "Børn og unge",
    "Fællesskab",
    "Dagligvarer",
    "Natur",
    "Ældre",
    "Kultur",
    "Idræt",
    "Bolig",
    "Erhverv",
    "Sikkerhed",
    "Grønne områder",
    "Forsamlingshus",
    "Skole",
    "Bus og tog",
]


def _notebook(size: int) -> tuple[Store, str, str]:
    """The Uldum sample plus ``size`` activities with observations, themes, surveys and actions."""
    sys_random = random.Random(2026)
    store = Store.memory(tempfile.mkdtemp(prefix="feltbog-bench-"))
    sample = __import__("reports_sample").build(store, missing_photo=False)  # from tests/, via run.py
    area = sample.area
    themes = [Theme(id=Theme.key(name), name=name) for name in THEMES]
    existing = {t.id for t in store.list(Theme)}
    people = [Person(name=f"Borger {i}", area_id=area.id, may_be_named=i % 3 == 0) for i in range(200)]
    rows: list = [t for t in themes if t.id not in existing] + people
    start = datetime(2024, 1, 8, 10, 0)
    kinds = [ActivityKind.WALKABOUT, ActivityKind.LISTENING_MEETING, ActivityKind.ONE_TO_ONE]
    for n in range(size):
        kind = kinds[n % 3]
        activity = Activity(
            kind=kind,
            title=f"{kind.label('da')} nr. {n} i Uldum",
            area_id=area.id,
            starts_at=start + timedelta(hours=26 * n),
            place="Uldum",
            summary="Vi talte om trafikken, butikken og de unge. " * 3,
            person_id=people[n % 200].id if kind is ActivityKind.ONE_TO_ONE else None,
            attendee_count=20 if kind is ActivityKind.LISTENING_MEETING else None,
        )
        rows.append(activity)
        for p in sys_random.sample(people, 3):
            rows.append(
                Participant(id=Participant.key(activity.id, p.id), activity_id=activity.id, person_id=p.id)
            )
        for k in range(5):
            obs = Observation(
                activity_id=activity.id,
                kind=list(ObservationKind)[k],
                text=f"Observation {k} fra aktivitet {n}: noget om livet i landsbyen.",
                votes=sys_random.randint(0, 9),
            )
            rows.append(obs)
            theme = sys_random.choice(themes)
            rows.append(
                ObservationTheme(
                    id=ObservationTheme.key(obs.id, theme.id), observation_id=obs.id, theme_id=theme.id
                )
            )
        if kind is ActivityKind.LISTENING_MEETING:
            for position in range(3):
                item = SurveyItem(
                    activity_id=activity.id, position=position, statement=f"Udsagn {position + 1}"
                )
                rows.append(item)
                for answer in SurveyAnswer:
                    rows.append(
                        SurveyTally(
                            id=SurveyTally.key(item.id, answer),
                            item_id=item.id,
                            answer=answer,
                            count=sys_random.randint(0, 6),
                        )
                    )
        if n % 5 == 0:
            rows.append(Action(text=f"Følg op på aktivitet {n}", area_id=area.id, activity_id=activity.id))
    store.bulk_add(rows)
    plain = store.list(Activity, "kind = ? AND title LIKE '% nr. 0 %'", ["walkabout"], limit=1)[0]
    # the rich sample walkabout (a 1600 px photo, 7 observations, 7 participants) and a plain one
    return store, area.id, sample.walkabout.id, plain.id


def _best(fn, repeat: int, setup=lambda: None) -> float:
    """Best time of ``fn(setup())``; ``setup`` (untimed) prepares fresh input for each run."""
    times = []
    for _ in range(repeat):
        prepared = setup()
        began = time.perf_counter()
        fn(prepared)
        times.append(time.perf_counter() - began)
    return min(times)  # the least disturbed run: other processes only ever add time


def _floor(story) -> None:
    doc = SimpleDocTemplate(
        io.BytesIO(),
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        invariant=1,
    )
    doc.build(story)


def run(args) -> list[dict]:
    size = getattr(args, "size", None) or 1000
    store, area_id, walk_id, plain_id = _notebook(size)
    options = ReportOptions()
    render_activity_report(store, walk_id, options)  # warm up: fonts parsed, modules imported

    activity_s = _best(lambda _: render_activity_report(store, walk_id, options), 30)
    activity_floor_s = _best(_floor, 30, lambda: activity_parts(store, walk_id, options)[0])
    plain_s = _best(lambda _: render_activity_report(store, plain_id, options), 30)
    plain_floor_s = _best(_floor, 30, lambda: activity_parts(store, plain_id, options)[0])
    area_s = _best(lambda _: render_area_report(store, area_id, None, None, options), 5)
    pages = render_area_report(store, area_id, None, None, options)[1]
    area_floor_s = _best(_floor, 5, lambda: area_parts(store, area_id, None, None, options)[0])
    store.close()
    return [
        {
            "figure": "activity_report",
            "value": round(activity_s * 1000, 1),
            "unit": "ms",
            "target": ACTIVITY_TARGET_MS,
            "ok": activity_s * 1000 <= ACTIVITY_TARGET_MS,
        },
        {"figure": "activity_report_floor", "value": round(activity_floor_s * 1000, 1), "unit": "ms"},
        {
            "figure": "activity_vs_floor",
            "value": round(activity_s / activity_floor_s, 2),
            "unit": "x",
            "target": FLOOR_RATIO_TARGET,
            "ok": activity_s / activity_floor_s <= FLOOR_RATIO_TARGET,
        },
        {
            "figure": "activity_report_without_photo",
            "value": round(plain_s * 1000, 1),
            "unit": "ms",
            "target": ACTIVITY_TARGET_MS,
            "ok": plain_s * 1000 <= ACTIVITY_TARGET_MS,
        },
        {
            "figure": "activity_report_without_photo_floor",
            "value": round(plain_floor_s * 1000, 1),
            "unit": "ms",
        },
        {
            "figure": "activity_without_photo_vs_floor",
            "value": round(plain_s / plain_floor_s, 2),
            "unit": "x",
            "target": FLOOR_RATIO_TARGET,
            "ok": plain_s / plain_floor_s <= FLOOR_RATIO_TARGET,
        },
        {
            "figure": "area_report",
            "activities": size,
            "pages": pages,
            "value": round(area_s, 3),
            "unit": "s",
            "target": AREA_TARGET_S,
            "ok": area_s <= AREA_TARGET_S,
        },
        {"figure": "area_report_floor", "activities": size, "value": round(area_floor_s, 3), "unit": "s"},
        {
            "figure": "area_vs_floor",
            "value": round(area_s / area_floor_s, 2),
            "unit": "x",
            "target": FLOOR_RATIO_TARGET,
            "ok": area_s / area_floor_s <= FLOOR_RATIO_TARGET,
        },
    ]
