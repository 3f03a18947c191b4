"""Words that only the PDF reports use, in Danish and English, and Danish-style dates.

The field's own vocabulary (activity kinds, phases, observation kinds …) is not
repeated here: it comes from ``fieldapp.domain`` enums' ``label()``/``explain()``.
"""

from __future__ import annotations

from datetime import date, datetime

from fieldapp.domain.i18n import pick

_MONTHS = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def _l(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


TEXTS: dict[str, dict[str, str]] = {
    # headers, footers, covers
    "page_of": _l("Side {page} af {pages}", "Page {page} of {pages}"),
    "internal_mark": _l("INTERN – må ikke videregives", "INTERNAL – do not pass on"),
    "internal_word": _l("Intern", "Internal"),
    "made_with": _l("Lavet med Feltbog {version}", "Made with Feltbog {version}"),
    "activity_report": _l("Aktivitetsrapport", "Activity report"),
    "area_report": _l("Områderapport", "Area report"),
    "person_report": _l("Indsigt i personoplysninger", "Access to personal data"),
    "person_report_sub": _l(
        "Alt, hvad Feltbog har gemt om én person (databeskyttelsesforordningens artikel 15)",
        "Everything Feltbog stores about one person (GDPR article 15)",
    ),
    "area": _l("Område", "Area"),
    "municipality": _l("Kommune", "Municipality"),
    "period": _l("Periode", "Period"),
    "period_range": _l("{start} – {end}", "{start} – {end}"),
    "author": _l("Udarbejdet af", "Prepared by"),
    "made_on": _l("Dato", "Date"),
    "phase": _l("Fase", "Phase"),
    "influence": _l("Borgernes indflydelse", "Citizens' influence"),
    "privacy_note_public": _l(
        "Rapporten er skrevet til offentligheden: personer, der ikke har givet samtykke til at blive "
        "nævnt, står uden navn – også i fritekst, hvor deres navn er erstattet af »en borger« eller "
        "»en medarbejder«; noter og handlinger fra 1:1-samtaler er udeladt; antal personer fra 1 til 4 "
        "vises som »under 5«; spørgeskemasvar fra færre end {minimum} deltagere vises ikke.",
        "This report is written for the public: people who have not agreed to be named appear "
        "without a name – also in free text, where their name is replaced by 'a resident' or "
        "'a staff member'; notes and actions from 1:1 talks are left out; numbers of people from "
        "1 to 4 are shown as 'under 5'; survey answers from fewer than {minimum} participants are "
        "not shown.",
    ),
    "privacy_note_internal": _l(
        "Intern rapport: den indeholder navne og noter, som ikke må videregives uden for organisationen.",
        "Internal report: it contains names and notes that must not be passed on outside the organisation.",
    ),
    # activity report
    "kind": _l("Type", "Kind"),
    "title": _l("Titel", "Title"),
    "when": _l("Tidspunkt", "When"),
    "place": _l("Sted", "Place"),
    "facilitator": _l("Facilitator", "Facilitator"),
    "status": _l("Status", "Status"),
    "summary": _l("Opsummering", "Summary"),
    "route": _l("Rute", "Route"),
    "route_map": _l("Ruten på kort", "The route"),
    "route_distance": _l("Afstand", "Distance"),
    "route_duration": _l("Varighed", "Duration"),
    "route_observation": _l("Observation", "Observation"),
    "route_photo": _l("Foto", "Photo"),
    "route_number": _l("Nr.", "No."),
    "route_what": _l("Hvad", "What"),
    "route_along": _l("Efter", "After"),
    "route_start": _l("Start", "Start"),
    "route_end": _l("Slut", "End"),
    "route_start_end": _l("Start og slut", "Start and end"),
    "route_on_map": _l("på kortet: {label}", "on the map: {label}"),
    "route_unplaced": _l(
        "{count} observationer eller fotos kunne ikke placeres på ruten.",
        "{count} observations or photos could not be placed on the route.",
    ),
    "walk_routes": _l("Byvandringernes ruter", "Walkabout routes"),
    "observations": _l("Observationer", "Observations"),
    "no_observations": _l("Der er ikke noteret observationer.", "No observations were recorded."),
    "photos": _l("Billeder", "Photos"),
    "photo_missing": _l(
        "Billedet »{name}« mangler i notesbogens mappe og kunne ikke vises.",
        "The photo '{name}' is missing from the notebook's folder and could not be shown.",
    ),
    "photo_unreadable": _l(
        "Billedet »{name}« kunne ikke læses og er ikke vist.",
        "The photo '{name}' could not be read and is not shown.",
    ),
    "participants": _l("Deltagere", "Participants"),
    "no_participants": _l("Der er ikke registreret deltagere.", "No participants were recorded."),
    "unnamed_participants": _l(
        "Deltagere uden navn: {count} ({roles}).",
        "Participants without a name: {count} ({roles}).",
    ),
    "under_minimum": _l("under {minimum}", "under {minimum}"),
    "action_from_talk": _l(
        "Opfølgning på en 1:1-samtale (teksten er fortrolig)",
        "Follow-up of a 1:1 talk (the text is confidential)",
    ),
    "actions": _l("Handlinger", "Actions"),
    "no_actions": _l("Der er ingen handlinger.", "There are no actions."),
    "action": _l("Handling", "Action"),
    "owner": _l("Ansvarlig", "Owner"),
    "due": _l("Frist", "Due"),
    "attendees": _l("Antal deltagere", "Attendees"),
    "invited_groups": _l("Inviterede grupper", "Invited groups"),
    "questions": _l("Spørgsmål", "Questions asked"),
    "survey": _l("Spørgeskema", "Survey"),
    "survey_respondents": _l("{count} svar", "{count} answers"),
    "survey_suppressed": _l(
        "Udsagnet »{statement}« fik svar fra færre end {minimum} deltagere. Tallene vises ikke, så "
        "ingen kan genkendes.",
        "The statement '{statement}' was answered by fewer than {minimum} participants. The "
        "figures are not shown, so that no one can be recognised.",
    ),
    "survey_small_internal": _l(
        "Bemærk: færre end {minimum} svar – vis ikke disse tal uden for organisationen.",
        "Note: fewer than {minimum} answers – do not show these figures outside the organisation.",
    ),
    "no_survey": _l("Der er ikke registreret spørgeskemasvar.", "No survey answers were recorded."),
    "one_to_one_private": _l(
        "Noter fra 1:1-samtaler er fortrolige og står kun i interne rapporter.",
        "Notes from 1:1 talks are confidential and appear only in internal reports.",
    ),
    "talked_with": _l("Samtale med", "Talk with"),
    "talk_notes": _l("Noter fra samtalen", "Notes from the talk"),
    "follow_up": _l("Opfølgning", "Follow-up"),
    "raised_by": _l("Rejst af", "Raised by"),
    "votes": _l("{count} stemmer", "{count} votes"),
    "themes": _l("Temaer", "Themes"),
    # area report
    "key_figures": _l("Nøgletal", "Key figures"),
    "activities_total": _l("Aktiviteter i alt", "Activities in total"),
    "people_met": _l("Personer mødt", "People met"),
    "new_potential_leaders": _l("Nye potentielle ledere", "New potential leaders"),
    "observations_total": _l("Observationer", "Observations"),
    "one_to_one_count": _l(
        "{count} 1:1-samtaler i perioden (indholdet er fortroligt).",
        "{count} 1:1 talks in the period (their content is confidential).",
    ),
    "themes_heading": _l("Temaer efter antal omtaler", "Themes by number of mentions"),
    "themes_intro": _l(
        "Hvor ofte et tema er nævnt som noget ubærligt, og hvor ofte som en ressource eller kilde til håb.",
        "How often a theme was raised as something unbearable, and how often as a resource or source of hope.",
    ),
    "theme": _l("Tema", "Theme"),
    "mentions": _l("Omtaler", "Mentions"),
    "no_themes": _l("Ingen observationer har fået et tema.", "No observation has been given a theme."),
    "quotes_heading": _l("Udvalgte citater", "Selected quotes"),
    "no_quotes": _l("Der er ingen citater i perioden.", "There are no quotes in the period."),
    "survey_heading": _l("Spørgeskemaer fra lyttemøder", "Surveys from listening meetings"),
    "survey_combined": _l("Alle lyttemøder samlet", "All listening meetings combined"),
    "survey_combined_note": _l(
        "Kun møder med mindst {minimum} svar på et udsagn tæller med i det samlede tal.",
        "Only meetings with at least {minimum} answers to a statement count in the combined figures.",
    ),
    "survey_per_meeting": _l("Pr. lyttemøde", "Per listening meeting"),
    "answers_n": _l("Svar", "Answers"),
    "statement": _l("Udsagn", "Statement"),
    "agree_share": _l("Enig/helt enig", "Agree/strongly agree"),
    "suppressed": _l("under {minimum} svar", "under {minimum} answers"),
    "open_actions": _l("Åbne handlinger", "Open actions"),
    "done_actions": _l("Udførte handlinger", "Completed actions"),
    "pipeline_heading": _l("Lederstigen i området", "The leadership ladder in the area"),
    "pipeline_intro": _l(
        "Antal personer i området på hvert trin (uden navne).",
        "Number of people in the area at each stage (without names).",
    ),
    "pipeline_stage": _l("Trin", "Stage"),
    "people_count": _l("Personer", "People"),
    "timeline_heading": _l("Aktiviteter i perioden", "Activities in the period"),
    "date": _l("Dato", "Date"),
    "hidden_title": _l("(fortrolig)", "(confidential)"),
    # person report
    "person_data": _l("Oplysninger om personen", "Details of the person"),
    "consent": _l("Samtykke", "Consent"),
    "relations": _l("Relationer", "Relations"),
    "participations": _l("Deltagelse i aktiviteter", "Taking part in activities"),
    "talks_about": _l("1:1-samtaler med personen", "1:1 talks with the person"),
    "raised_observations": _l("Observationer, personen har rejst", "Observations raised by the person"),
    "owned_actions": _l("Handlinger, personen er ansvarlig for", "Actions the person is responsible for"),
    "history": _l("Ændringshistorik", "Change history"),
    "history_intro": _l(
        "Feltbog gemmer hver ændring. Der er {count} registrerede ændringer af oplysningerne "
        "om personen, den første {first} og den seneste {last}.",
        "Feltbog keeps every change. There are {count} recorded changes of the details of this "
        "person, the first on {first} and the latest on {last}.",
    ),
    "none": _l("Ingen.", "None."),
    "agency_heading": _l("Handlekraft over tid", "Agency over time"),
    "agency_note": _l(
        "Andel, der svarede »enig« eller »meget enig«, pr. lyttemøde; n er antal svar."
        " Udsagn med færre end {minimum} svar er udeladt.",
        "Share answering 'agree' or 'strongly agree', per listening meeting; n is the number of"
        " answers. Statements with fewer than {minimum} answers are left out.",
    ),
    "relmap_heading": _l("Relationskort", "Relational map"),
    "relmap_no_group": _l("Uden organisation", "No organisation"),
    "relmap_note_internal": _l(
        "Områdets borgere og dem, der deltog i dets aktiviteter i perioden, samlet efter organisation."
        " Farve: trin på lederstigen; størrelse: antal aktiviteter. Hele streger: relationer; stiplede:"
        " foreslået i en 1:1-samtale; tynde grå: deltog sammen.",
        "The area's residents and those who took part in its activities in the period, grouped by"
        " organisation. Colour: leadership stage; size: number of activities. Solid lines: relations;"
        " dashed: suggested in a 1:1 talk; thin grey: took part together.",
    ),
    "relmap_note_public": _l(
        "Områdets borgere og dem, der deltog i dets aktiviteter i perioden, samlet efter organisation."
        " Farve: trin på lederstigen; størrelse: antal aktiviteter. Kun personer, der har givet samtykke"
        " til at blive nævnt, står med navn.",
        "The area's residents and those who took part in its activities in the period, grouped by"
        " organisation. Colour: leadership stage; size: number of activities. Only people who agreed"
        " to be named are named.",
    ),
    "yes": _l("Ja", "Yes"),
    "no": _l("Nej", "No"),
    "another_person": _l("en anden person", "another person"),
    "role": _l("Rolle", "Role"),
    "activity": _l("Aktivitet", "Activity"),
    # neutral labels
    "label_resident": _l("en borger", "a resident"),
    "label_staff": _l("en medarbejder", "a staff member"),
    # errors
    "err_unknown_area": _l(
        "Der findes intet område, der hedder »{name}«.{known}",
        "There is no area called '{name}'.{known}",
    ),
    "err_known_areas": _l(" Kendte områder: {names}.", " Known areas: {names}."),
    "err_empty_period": _l(
        "Der er ingen aktiviteter i {area} i perioden {period}.",
        "There are no activities in {area} in the period {period}.",
    ),
    "err_no_activities": _l(
        "Der er endnu ingen aktiviteter i {area}.",
        "There are no activities in {area} yet.",
    ),
    "err_bad_period": _l(
        "Perioden begynder ({start}) efter den slutter ({end}).",
        "The period starts ({start}) after it ends ({end}).",
    ),
    "err_bad_date": _l(
        "»{value}« er ikke en gyldig dato (brug ÅÅÅÅ-MM-DD).",
        "'{value}' is not a valid date (use YYYY-MM-DD).",
    ),
    "err_output": _l(
        "PDF-filen »{path}« kunne ikke skrives: {detail}",
        "The PDF file '{path}' could not be written: {detail}",
    ),
    "err_output_is_dir": _l("»{path}« er en mappe.", "'{path}' is a folder."),
    "all_time": _l("hele perioden", "all time"),
    "since": _l("fra {start}", "from {start}"),
    "until": _l("til {end}", "until {end}"),
    # progress stages
    "stage_collect": _l("Henter data …", "Collecting data …"),
    "stage_layout": _l("Sætter siderne op …", "Laying out pages …"),
    "stage_archive": _l("Gør PDF'en arkivbestandig …", "Making the PDF archival …"),
    "stage_write": _l("Gemmer filen …", "Saving the file …"),
}


def t(key: str, lang: str, **params: object) -> str:
    text = pick(TEXTS[key], lang)
    return text.format(**params) if params else text


def format_date(value: date | datetime | None, lang: str) -> str:
    """``23. november 2026`` in Danish, ``23 November 2026`` in English."""
    if value is None:
        return ""
    month = _MONTHS["da" if lang == "da" else "en"][value.month - 1]
    if lang == "da":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def format_short_date(value: date | datetime | None, lang: str) -> str:
    """``23.11.2026`` (Danish) / ``2026-11-23`` (English) for dense tables."""
    if value is None:
        return ""
    if lang == "da":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return value.strftime("%Y-%m-%d")


def format_datetime(start: datetime | None, end: datetime | None, lang: str) -> str:
    """``23. november 2026 kl. 17.00–19.30`` / ``23 November 2026, 17:00–19:30``."""
    if start is None:
        return ""
    sep = "." if lang == "da" else ":"
    clock = f"{start.hour:02d}{sep}{start.minute:02d}"
    if end is not None and end.date() == start.date():
        clock += f"–{end.hour:02d}{sep}{end.minute:02d}"
    day = format_date(start, lang)
    text = f"{day} kl. {clock}" if lang == "da" else f"{day}, {clock}"
    if end is not None and end.date() != start.date():
        text += f" – {format_date(end, lang)}"
    return text


def format_month(value: date, lang: str) -> str:
    month = _MONTHS["da" if lang == "da" else "en"][value.month - 1]
    return f"{month.capitalize()} {value.year}"


def format_period(start: date | None, end: date | None, lang: str) -> str:
    if start and end:
        return t("period_range", lang, start=format_date(start, lang), end=format_date(end, lang))
    if start:
        return t("since", lang, start=format_date(start, lang))
    if end:
        return t("until", lang, end=format_date(end, lang))
    return t("all_time", lang)


def format_count(value: int, lang: str) -> str:
    """Thousands separated the Danish way (1.234) or the English way (1,234)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "da" else text


_QUOTE_MARKS = "»«“”„\"'‘’"


def quoted(text: str, lang: str) -> str:
    """A quote in the report language's quotation marks, replacing any the writer typed."""
    core = text.strip().strip(_QUOTE_MARKS).strip()
    return f"»{core}«" if lang == "da" else f"“{core}”"
