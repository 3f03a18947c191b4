"""Dates, times and numbers as people in each language write them (Danish: 23.11.2026 14.05)."""

from __future__ import annotations

from datetime import date, datetime

from fieldapp.domain.i18n import current_language

DATE_FORMATS = {"da": "%d.%m.%Y", "en": "%Y-%m-%d"}
TIME_FORMATS = {"da": "%H.%M", "en": "%H:%M"}
# The same, in Qt's notation, for QDateEdit / QDateTimeEdit.
QT_DATE_FORMATS = {"da": "dd.MM.yyyy", "en": "yyyy-MM-dd"}
QT_TIME_FORMATS = {"da": "HH.mm", "en": "HH:mm"}


def format_date(value: date | datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime(DATE_FORMATS[lang or current_language()])


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    lang = lang or current_language()
    return f"{value.strftime(DATE_FORMATS[lang])} {value.strftime(TIME_FORMATS[lang])}"


def format_time(value: datetime | None, lang: str | None = None) -> str:
    return value.strftime(TIME_FORMATS[lang or current_language()]) if value else ""


def format_iso(text: str | None, lang: str | None = None) -> str:
    """An ISO date or date-time string from the store, for display."""
    if not text:
        return ""
    try:
        if len(text) <= 10:
            return format_date(date.fromisoformat(text), lang)
        return format_datetime(datetime.fromisoformat(text), lang)
    except ValueError:
        return text


def format_count(n: int, lang: str | None = None) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if (lang or current_language()) == "da" else text


def qt_date_format(lang: str | None = None) -> str:
    return QT_DATE_FORMATS[lang or current_language()]


def qt_datetime_format(lang: str | None = None) -> str:
    lang = lang or current_language()
    return f"{QT_DATE_FORMATS[lang]} {QT_TIME_FORMATS[lang]}"


def error_sentence(error: BaseException, lang: str | None = None) -> str:
    """The one sentence a user sees for a failed background job.

    Expected errors carry their own Danish/English ``message(lang)``; a file-system
    error gives the system's reason; anything else its text (and is logged by the caller).
    """
    message = getattr(error, "message", None)
    if callable(message):
        return message(lang)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error) or type(error).__name__


def is_expected(error: BaseException) -> bool:
    """True for errors that explain themselves (no traceback needed in the log)."""
    return callable(getattr(error, "message", None)) or isinstance(error, OSError)
