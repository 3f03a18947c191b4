"""The reports' public door: make a PDF from a notebook and write it safely.

The UI and the CLI call ``export_activity_report``, ``export_area_report`` or
``export_person_report`` with a ``Store``, what to report on, an output path,
``ReportOptions`` and optionally ``progress(step, steps, message)``. A callback may
raise to cancel; nothing is written then. The file appears under its name only when
complete (written to a temporary name in the same folder, then renamed).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

from reportlab.platypus import Flowable

from fieldapp import APP_NAME
from fieldapp.domain import Area
from fieldapp.reports.activity import activity_story, public_title
from fieldapp.reports.archival import make_archival
from fieldapp.reports.area import area_story, shown_period
from fieldapp.reports.document import FRAME_WIDTH, DocumentInfo, render
from fieldapp.reports.options import Context, ReportError, ReportOptions, ReportResult
from fieldapp.reports.person import person_story
from fieldapp.reports.relmap_figure import RELMAP_HEIGHT
from fieldapp.reports.route_figure import plan_for
from fieldapp.reports.texts import format_date, format_period, t
from fieldapp.store import outputs, reporting
from fieldapp.store.relmap import relational_map
from fieldapp.store.store import Store

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
STEPS = 4


class UnknownAreaError(ReportError):
    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__("err_unknown_area", name=name, known="")

    def message(self, lang: str | None = None) -> str:
        lang = lang or "da"
        known = t("err_known_areas", lang, names=", ".join(self.known)) if self.known else ""
        return t("err_unknown_area", lang, name=self.name, known=known)


class EmptyPeriodError(ReportError):
    def __init__(self, area: str, start: date | None, end: date | None):
        self.area, self.start, self.end = area, start, end
        super().__init__("err_empty_period")

    def message(self, lang: str | None = None) -> str:
        lang = lang or "da"
        if self.start is None and self.end is None:
            return t("err_no_activities", lang, area=self.area)
        return t("err_empty_period", lang, area=self.area, period=format_period(self.start, self.end, lang))


class BadPeriodError(ReportError):
    def __init__(self, start: date, end: date):
        self.start, self.end = start, end
        super().__init__("err_bad_period")

    def message(self, lang: str | None = None) -> str:
        lang = lang or "da"
        return t("err_bad_period", lang, start=format_date(self.start, lang), end=format_date(self.end, lang))


class OutputError(ReportError):
    def __init__(self, path: Path, detail: str):
        super().__init__("err_output", path=path, detail=detail)


# ---------------------------------------------------------------------- the three reports
def export_activity_report(
    store: Store,
    activity_id: str,
    output: str | os.PathLike[str],
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    return _export(output, lambda o: render_activity_report(store, activity_id, o, progress), options)


def export_area_report(
    store: Store,
    area_id: str,
    output: str | os.PathLike[str],
    start: date | None = None,
    end: date | None = None,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    return _export(output, lambda o: render_area_report(store, area_id, start, end, o, progress), options)


def export_person_report(
    store: Store,
    person_id: str,
    output: str | os.PathLike[str],
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    return _export(output, lambda o: render_person_report(store, person_id, o, progress), options)


# ---------------------------------------------------------------------- rendering to bytes
Rendered = tuple[bytes, int, list[str]]


def activity_parts(
    store: Store, activity_id: str, options: ReportOptions
) -> tuple[list[Flowable], DocumentInfo, Context]:
    """The flowables and metadata of an activity report (also used by the benchmark's floor)."""
    ctx = Context(options, FRAME_WIDTH)
    data = ctx.redacted(reporting.activity_data(store, activity_id), reporting.all_people(store))
    activity = data.activity
    kind = activity.kind.label(options.lang) if activity.kind else ""
    title = f"{kind}: {public_title(activity, ctx)}"
    area = data.area.name if data.area else ""
    info = _info(
        options,
        title=title,
        subject=t("activity_report", options.lang),
        header=" · ".join(x for x in (t("activity_report", options.lang), kind, area) if x),
        footer=", ".join(x for x in (area, format_date(activity.starts_at, options.lang)) if x),
        author=options.author or (data.area.municipality if data.area else None),
    )
    return activity_story(data, ctx, route=plan_for(store, activity)), info, ctx


def area_parts(
    store: Store, area_id: str, start: date | None, end: date | None, options: ReportOptions
) -> tuple[list[Flowable], DocumentInfo, Context]:
    if start and end and start > end:
        raise BadPeriodError(start, end)
    area = store.get(Area, area_id)
    if reporting.area_activity_count(store, area_id, start, end) == 0:
        raise EmptyPeriodError(area.name or "", start, end)
    ctx = Context(options, FRAME_WIDTH)
    data = ctx.redacted(reporting.area_data(store, area_id, start, end), reporting.all_people(store))
    period = shown_period(data, ctx)
    info = _info(
        options,
        title=f"{t('area_report', options.lang)}: {area.name}, {period}",
        subject=f"{t('area_report', options.lang)} – {area.name}",
        header=f"{t('area_report', options.lang)} · {area.name} · {period}",
        footer=", ".join(x for x in (area.name, area.municipality) if x),
        author=options.author or area.municipality,
    )
    routes = {a.id: plan for a in data.activities if (plan := plan_for(store, a)) is not None}
    relmap = relational_map(store, area_id, start, end, aspect=FRAME_WIDTH / RELMAP_HEIGHT)
    return area_story(data, ctx, routes, relmap), info, ctx


def person_parts(
    store: Store, person_id: str, options: ReportOptions
) -> tuple[list[Flowable], DocumentInfo, Context]:
    data = reporting.person_data(store, person_id)
    ctx = Context(options, FRAME_WIDTH)
    # The title stays generic: a file name or a metadata field travels further than the pages.
    title = t("person_report", options.lang)
    info = _info(
        options,
        title=title,
        subject=t("person_report_sub", options.lang),
        header=title,
        footer=t("person_report_sub", options.lang),
        author=options.author,
    )
    return person_story(data, ctx), info, ctx


def render_activity_report(
    store: Store, activity_id: str, options: ReportOptions, progress: Progress | None = None
) -> Rendered:
    _step(progress, 0, options, "stage_collect")
    return _render(*activity_parts(store, activity_id, options), progress)


def render_area_report(
    store: Store,
    area_id: str,
    start: date | None,
    end: date | None,
    options: ReportOptions,
    progress: Progress | None = None,
) -> Rendered:
    _step(progress, 0, options, "stage_collect")
    return _render(*area_parts(store, area_id, start, end, options), progress)


def render_person_report(
    store: Store, person_id: str, options: ReportOptions, progress: Progress | None = None
) -> Rendered:
    _step(progress, 0, options, "stage_collect")
    return _render(*person_parts(store, person_id, options), progress)


def _render(story: list[Flowable], info: DocumentInfo, ctx: Context, progress: Progress | None) -> Rendered:
    _step(progress, 1, ctx.options, "stage_layout")
    pdf, pages = render(story, info)
    _step(progress, 2, ctx.options, "stage_archive")
    return make_archival(pdf, info), pages, ctx.warnings


def _info(
    options: ReportOptions, *, title: str, subject: str, header: str, footer: str, author: str | None
) -> DocumentInfo:
    day = options.report_date
    if options.internal:
        title = f"{title} ({t('internal_word', options.lang)})"
    return DocumentInfo(
        title=title,
        subject=subject,
        author=author or APP_NAME,
        lang=options.lang,
        header=header,
        footer=footer,
        internal=options.internal,
        created=datetime.combine(day, time(12, 0), tzinfo=UTC),
        date_text=format_date(day, options.lang),
        keywords="Feltbog, " + (t("internal_word", options.lang) if options.internal else "samskabelse"),
    )


def _step(progress: Progress | None, step: int, options: ReportOptions, key: str) -> None:
    if progress is not None:
        progress(step, STEPS, t(key, options.lang))


# ---------------------------------------------------------------------- writing
def _export(
    output: str | os.PathLike[str], make: Callable[[ReportOptions], Rendered], options: ReportOptions | None
) -> ReportResult:
    options = options or ReportOptions()
    target = Path(output)
    check_output(target)  # fail before the work, not after it
    data, pages, warnings = make(options)
    write_atomically(target, data)
    for warning in warnings:
        logger.warning("%s", warning)
    return ReportResult(target, pages, warnings)


def check_output(target: Path) -> None:
    if target.is_dir():
        raise ReportError("err_output_is_dir", path=target)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(target, os.strerror(2))
    if not os.access(folder, os.W_OK):
        raise OutputError(target, os.strerror(13))


def write_atomically(target: Path, data: bytes) -> None:
    """Write via a temporary file beside ``target`` and a rename (``fieldapp.store.outputs``)."""
    try:
        outputs.write_atomically(target, data)
    except OSError as error:
        raise OutputError(target, error.strerror or str(error)) from error
