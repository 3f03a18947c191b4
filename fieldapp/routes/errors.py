"""Problems with a GPX file or a route, each one sentence in Danish and English."""

from __future__ import annotations

from fieldapp.domain.i18n import pick

_TEXT: dict[str, dict[str, str]] = {
    "too_large": {
        "da": "GPX-filen »{name}« er for stor ({size} MB; højst {limit} MB).",
        "en": "The GPX file '{name}' is too large ({size} MB; at most {limit} MB).",
    },
    "too_many_points": {
        "da": "GPX-filen »{name}« har for mange punkter ({count}; højst {limit}).",
        "en": "The GPX file '{name}' has too many points ({count}; at most {limit}).",
    },
    "empty": {
        "da": "GPX-filen »{name}« er tom.",
        "en": "The GPX file '{name}' is empty.",
    },
    "not_gpx": {
        "da": "»{name}« er ikke en GPX-fil, der kan læses ({detail}).",
        "en": "'{name}' is not a readable GPX file ({detail}).",
    },
    "doctype": {
        "da": "»{name}« indeholder en DOCTYPE-erklæring, som GPX-filer ikke bruger; filen læses ikke.",
        "en": "'{name}' contains a DOCTYPE declaration, which GPX files do not use; the file is not read.",
    },
    "no_points": {
        "da": "GPX-filen »{name}« indeholder intet spor med mindst to punkter.",
        "en": "The GPX file '{name}' holds no track with at least two points.",
    },
    "bad_coordinate": {
        "da": "GPX-filen »{name}« har et punkt med en ugyldig position ({lat}, {lon}).",
        "en": "The GPX file '{name}' has a point with an invalid position ({lat}, {lon}).",
    },
    "not_walkabout": {
        "da": "Kun byvandringer kan have et GPS-spor.",
        "en": "Only walkabouts can have a GPS track.",
    },
    "damaged_photo": {
        "da": "Billedet »{name}« er beskadiget og blev ikke lagt ind.",
        "en": "The photo '{name}' is damaged and was not added.",
    },
    "damaged_stored_photo": {
        "da": "Billedet »{name}« kan ikke læses (filen er beskadiget) og er ikke placeret på ruten.",
        "en": "The photo '{name}' cannot be read (the file is damaged) and is not placed on the route.",
    },
    "has_own_position": {
        "da": "»{name}« har sin egen GPS-position fra kameraet; den bliver ikke flyttet.",
        "en": "'{name}' has its own GPS position from the camera; it is not moved.",
    },
    "bad_offset": {
        "da": "Kameraets tidsforskel må højst være {limit} sekunder den ene eller anden vej.",
        "en": "The camera offset may be at most {limit} seconds either way.",
    },
    "no_photos_folder": {
        "da": "Mappen »{name}« findes ikke.",
        "en": "The folder '{name}' does not exist.",
    },
    "changed_while_reading": {
        "da": "Filen »{name}« blev ændret, mens den blev læst. Prøv igen.",
        "en": "The file '{name}' changed while it was being read. Try again.",
    },
}


class RouteError(Exception):
    """An expected problem with a route; ``message(lang)`` is for the user."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return pick(_TEXT[self.key], lang).format(**self.params)
