"""PDF reports (reportlab; no Qt): one activity, an area over a period, one person.

Call ``export_activity_report``, ``export_area_report`` or ``export_person_report``
with a ``Store``; see ``fieldapp.reports.export`` for the contract.
"""

from fieldapp.reports.export import (
    BadPeriodError,
    EmptyPeriodError,
    OutputError,
    Progress,
    UnknownAreaError,
    export_activity_report,
    export_area_report,
    export_person_report,
    render_activity_report,
    render_area_report,
    render_person_report,
)
from fieldapp.reports.options import ReportError, ReportOptions, ReportResult

__all__ = [
    "BadPeriodError",
    "EmptyPeriodError",
    "OutputError",
    "Progress",
    "ReportError",
    "ReportOptions",
    "ReportResult",
    "UnknownAreaError",
    "export_activity_report",
    "export_area_report",
    "export_person_report",
    "render_activity_report",
    "render_area_report",
    "render_person_report",
]
