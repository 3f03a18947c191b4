"""The vocabulary shared by reports, the CLI and the UI, in Danish and English.

The core must not import Qt, yet enum labels and validation messages are needed by
the PDF reports and the CLI as much as by the UI; they live here, once. Everything
that is only UI text goes through Qt's translation system in ``fieldapp.ui``.
"""

from __future__ import annotations

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


def language_from_environment(environ: dict[str, str]) -> str:
    """English when FELTBOG_LANG or the locale variables ask for it; Danish otherwise."""
    for name in ("FELTBOG_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(name, "").lower()
        if value.startswith("da"):
            return "da"
        if value.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def pick(texts: dict[str, str], lang: str | None = None) -> str:
    return texts.get(lang or _current) or texts["en"]


MESSAGES: dict[str, dict[str, str]] = {
    "required": {"da": "{field} skal udfyldes.", "en": "{field} is required."},
    "too_long": {
        "da": "{field} må højst være {max} tegn.",
        "en": "{field} may be at most {max} characters.",
    },
    "bad_date": {
        "da": "{field}: »{value}« er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD).",
        "en": "{field}: '{value}' is not a valid date (use YYYY-MM-DD).",
    },
    "bad_datetime": {
        "da": "{field}: »{value}« er ikke et gyldigt tidspunkt (brug ÅÅÅÅ-MM-DD TT:MM).",
        "en": "{field}: '{value}' is not a valid date and time (use YYYY-MM-DD HH:MM).",
    },
    "bad_choice": {
        "da": "{field}: »{value}« er ikke en af de mulige værdier ({choices}).",
        "en": "{field}: '{value}' is not one of the allowed values ({choices}).",
    },
    "bad_number": {
        "da": "{field}: »{value}« er ikke et gyldigt tal.",
        "en": "{field}: '{value}' is not a valid number.",
    },
    "negative": {"da": "{field} kan ikke være negativ.", "en": "{field} cannot be negative."},
    "bad_email": {
        "da": "{field}: »{value}« ligner ikke en e-mailadresse.",
        "en": "{field}: '{value}' does not look like an e-mail address.",
    },
    "bad_coordinate": {
        "da": "{field}: {value} ligger uden for det gyldige område.",
        "en": "{field}: {value} is out of range.",
    },
    "ends_before_start": {
        "da": "Sluttidspunktet ligger før starttidspunktet.",
        "en": "The end time is before the start time.",
    },
    "cpr_number": {
        "da": "{field}: »{number}« ligner et CPR-nummer (en dato og fire cifre), og CPR-numre må ikke "
        "gemmes i Feltbog. Er det et andet nummer, så skriv et ord mellem datoen og de sidste fire cifre, "
        "fx »faktura 150324 nr. 0001«.",
        "en": "{field}: '{number}' looks like a Danish CPR number (a date and four digits), and CPR numbers "
        "must not be stored in Feltbog. If it is another number, put a word between the date and the last "
        "four digits, e.g. 'invoice 150324 no. 0001'.",
    },
    "bad_reference": {
        "da": "{field} henviser til noget, der ikke findes (længere).",
        "en": "{field} refers to something that does not exist (any more).",
    },
    "not_found": {
        "da": "Der findes ingen {what} med id {id}.",
        "en": "There is no {what} with id {id}.",
    },
    "not_in_future": {
        "da": "{field}: {value} skal ligge efter i dag.",
        "en": "{field}: {value} must be after today.",
    },
    "bad_uuid": {
        "da": "{field}: »{value}« er ikke et gyldigt id.",
        "en": "{field}: '{value}' is not a valid id.",
    },
}


def message(key: str, lang: str | None = None, **params: object) -> str:
    return pick(MESSAGES[key], lang).format(**params)
