"""What a column is when it is not an answer: platform metadata, ids, timestamps, personal data.

Survey platforms add columns about the response rather than the respondent's
answers. They are recognised by their headers (per platform, English and
Dutch) and, where a header says nothing, by their values (e-mail addresses,
phone numbers, date-times). Each gets a reason, so a summary can list every
column it did not tabulate and why.
"""

from __future__ import annotations

import re
from typing import Any

from monitorkit.vocabulary import normalise

METADATA = "platform metadata"
RESPONDENT_ID = "respondent id"
TIMESTAMP = "timestamp"
PERSONAL = "personal data"
OPEN_TEXT = "open text"
WRITE_IN = "write-in text"
CONSTANT = "constant"
EMPTY = "empty"
UNRECOGNISED = "unrecognised values"
WEIGHT = "weight"
NOT_IN_CODEBOOK = "not in codebook"
GROUP_COLUMN = "group column"

#: Every reason a summary may give for a column it did not tabulate.
REASONS = (
    METADATA,
    RESPONDENT_ID,
    TIMESTAMP,
    PERSONAL,
    OPEN_TEXT,
    WRITE_IN,
    CONSTANT,
    EMPTY,
    UNRECOGNISED,
    WEIGHT,
    NOT_IN_CODEBOOK,
    GROUP_COLUMN,
)


def _names(reason: str, *names: str) -> dict[str, str]:
    return {normalise(name): reason for name in names}


#: Headers platforms write for their own columns, by what the column holds.
PLATFORM_COLUMNS: dict[str, str] = {
    # Qualtrics: codes (row 1) and their texts (row 2)
    **_names(TIMESTAMP, "StartDate", "EndDate", "RecordedDate", "Start Date", "End Date"),
    **_names(TIMESTAMP, "Recorded Date"),
    **_names(RESPONDENT_ID, "ResponseId", "ResponseID", "Response ID", "_recordId"),
    **_names(PERSONAL, "IPAddress", "IP Address", "RecipientLastName", "RecipientFirstName"),
    **_names(PERSONAL, "RecipientEmail", "Recipient Last Name", "Recipient First Name"),
    **_names(PERSONAL, "Recipient Email", "LocationLatitude", "LocationLongitude"),
    **_names(PERSONAL, "Location Latitude", "Location Longitude"),
    **_names(METADATA, "Status", "Response Type", "Progress", "Duration (in seconds)"),
    **_names(METADATA, "Finished", "ExternalReference", "ExternalDataReference"),
    **_names(METADATA, "External Data Reference", "External Reference", "DistributionChannel"),
    **_names(METADATA, "Distribution Channel", "UserLanguage", "User Language"),
    **_names(METADATA, "Q_RecaptchaScore", "Q_RelevantIDDuplicate", "Q_RelevantIDDuplicateScore"),
    **_names(METADATA, "Q_RelevantIDFraudScore", "Q_RelevantIDLastStartDate", "Q_TotalDuration"),
    **_names(METADATA, "Q_BallotBoxStuffing", "Q_URL", "Q_DataPolicyViolations"),
    # SurveyMonkey (English and Dutch)
    **_names(RESPONDENT_ID, "Respondent ID", "Respondent-ID", "RespondentID"),
    **_names(METADATA, "Collector ID", "Collector-ID", "Verzamelprogramma-ID"),
    **_names(TIMESTAMP, "Begindatum", "Einddatum"),
    **_names(PERSONAL, "IP-adres", "Email Address", "E-mailadres", "First Name", "Last Name"),
    **_names(PERSONAL, "Voornaam", "Achternaam"),
    **{f"custom data {n}": METADATA for n in range(1, 21)},
    **{f"aangepaste gegevens {n}": METADATA for n in range(1, 21)},
    **_names(METADATA, "Custom Data"),
    # LimeSurvey: codes, English texts and Dutch texts
    **_names(RESPONDENT_ID, "Respons ID", "Response-ID"),
    **_names(TIMESTAMP, "submitdate", "startdate", "datestamp", "Date submitted", "Date started"),
    **_names(TIMESTAMP, "Date last action", "Datum verstuurd", "Startdatum", "Datum gestart"),
    **_names(TIMESTAMP, "Datum laatste actie", "Laatste actie"),
    **_names(METADATA, "lastpage", "startlanguage", "seed", "refurl", "Last page", "Seed"),
    **_names(METADATA, "Start language", "Referrer URL", "Laatste pagina", "Starttaal"),
    **_names(METADATA, "Verwijzende URL", "Verwijzings-URL", "interviewtime", "Total time"),
    **_names(METADATA, "Totale tijd", "token", "Toegangscode", "Access code"),
    **_names(PERSONAL, "ipaddr", "IP-adres"),
    # Google Forms
    **_names(TIMESTAMP, "Timestamp", "Tijdstempel"),
    **_names(METADATA, "Totaalscore"),
    # Microsoft Forms (English and Dutch)
    **_names(TIMESTAMP, "Start time", "Completion time", "Last modified time", "Begintijd"),
    **_names(TIMESTAMP, "Tijd van voltooiing", "Tijd laatst gewijzigd", "Laatst gewijzigd"),
    **_names(TIMESTAMP, "Tijdstip van voltooiing", "Voltooiingstijd", "Starttijd"),
    **_names(TIMESTAMP, "Tijd van voltooien", "Tijd van laatste wijziging"),
    **_names(PERSONAL, "Email", "E-mail", "Name", "Naam"),
    **_names(METADATA, "Total points", "Quiz feedback", "Totaal aantal punten", "Quizfeedback"),
    # Typeform
    **_names(RESPONDENT_ID, "#", "Token"),
    **_names(TIMESTAMP, "Start Date (UTC)", "Submit Date (UTC)", "Stage Date (UTC)"),
    **_names(METADATA, "Network ID", "Stage", "Tags", "Ending", "Response Type (UTC)"),
    # KoboToolbox, ODK Central, SurveyCTO
    **_names(RESPONDENT_ID, "_uuid", "_id", "KEY", "meta-instanceID", "instanceID", "uuid"),
    **_names(TIMESTAMP, "_submission_time", "start", "end", "today", "SubmissionDate"),
    **_names(TIMESTAMP, "CompletionDate", "starttime", "endtime"),
    **_names(METADATA, "_index", "_validation_status", "_notes", "_status", "_tags"),
    **_names(METADATA, "__version__", "_version_", "audit", "formdef_version", "FormVersion"),
    **_names(METADATA, "SubmitterID", "AttachmentsPresent", "AttachmentsExpected", "Edits"),
    **_names(METADATA, "ReviewState", "instanceName", "caseid"),
    **_names(PERSONAL, "_submitted_by", "username", "SubmitterName", "deviceid", "DeviceID"),
    **_names(PERSONAL, "subscriberid", "simserial", "simid", "imei", "phonenumber"),
    # Alchemer (SurveyGizmo) and Checkbox
    **_names(METADATA, "User Agent", "Referer", "SessionID", "Session ID", "Tags"),
    **_names(METADATA, "Country", "City", "State/Region", "IsComplete", "Is Complete"),
    **_names(RESPONDENT_ID, "ResponseGuid", "Response Guid", "UniqueIdentifier", "Contact ID"),
    **_names(TIMESTAMP, "Time Started", "Date Submitted", "Started", "Ended", "Last Edit"),
    **_names(PERSONAL, "Latitude", "Longitude", "Postal", "IP", "Invitee"),
    # Qualtrics, further fields
    **_names(METADATA, "Q_Language", "Q_CHL", "Q_R", "Q_R_DEL", "Q_D"),
    # Generic
    **_names(METADATA, "Duration", "Response Status", "Language", "Taal", "Device", "Browser"),
}
#: Header shapes of platform columns that carry a question's name or number.
PLATFORM_PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"(^|_)do(_.*)?$|^fl_\d+_do"), METADATA),  # Qualtrics display order
    (re.compile(r"^points - |^punten - "), METADATA),  # Microsoft Forms quiz points
    (re.compile(r"^(grouptime\d+|interviewtime|\w*\d\w*time)$"), METADATA),  # LimeSurvey timings
    (re.compile(r"^_"), METADATA),  # KoboToolbox's own fields start with '_'
    (re.compile(r"\b(latitude|longitude)\b"), PERSONAL),
)

#: Headers of the respondent id column in exports and hand-made files.
ID_NAMES = frozenset(
    normalise(name)
    for name in (
        "id",
        "respondent",
        "respondent id",
        "respondentid",
        "respondentnummer",
        "responseid",
        "response id",
        "respnr",
        "resp_id",
        "respondent_id",
        "record",
        "volgnummer",
        "respons id",
        "#",
        "resp",
        "resp_nr",
        "respnummer",
        "case",
        "caseid",
        "case id",
        "volgnr",
        "uid",
        "guid",
        "key",
        "record id",
        "recordid",
        "deelnemer",
        "deelnemersnummer",
    )
)

#: A header that asks for personal data, once '(optional)', 'wat is uw' and the like are off.
_PERSONAL_HEADER = re.compile(
    r"(e-?mail(adres| ?address)?|telefoon(nummer)?|telephone( number)?|phone( number)?|"
    r"mobiel(e )?(telefoon)?nummer|mobile( number)?|voornaam|achternaam|first name|last name|"
    r"(volledige |full )?(naam|name)|postcode|zip ?code|ip[- ]?ad(dress|res)|adres|address|"
    r"contactpersoon|naam respondent|geboortedatum|date of birth|bsn)"
)
#: Words that make any header, however long, a question for personal data.
_PERSONAL_WORDS = re.compile(
    r"telefoonnummer|phone number|e-?mailadres|e-?mail address|mobiele nummer|"
    r"geboortedatum|date of birth|\bbsn\b|burgerservicenummer"
)
_ASKING = re.compile(
    r"\([^)]*\)|^(wat is|what is|what's|vul|please enter|enter|geef)\s+|\b(uw|je|jouw|your)\s+|"
    r"[?:.*]+$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_PHONE = re.compile(r"^(\+|0|\()[\d\s().-]{8,}$")
_IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_POSTCODE = re.compile(r"^\d{4}\s?[a-z]{2}$", re.IGNORECASE)
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_UUID = re.compile(
    r"^(uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$", re.I
)
_QUIZ_SCORE = re.compile(r"^\d+(\.\d+)?\s*/\s*\d+$")
_MONTHS = (
    "jan|feb|mrt|maart|mar|march|apr|april|mei|may|jun|juni|june|jul|juli|july|aug|augustus|"
    "august|sep|sept|september|okt|oct|oktober|october|nov|november|dec|december|januari|"
    "january|februari|february"
)
_DATETIME = re.compile(
    r"^(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
    rf"\d{{1,2}}\.?\s(?:{_MONTHS})\.?\s\d{{4}})"
    r"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s?[ap]m)?(\s?([a-z]{2,5}|[+-]\d{2}:?\d{2}|z))?)?$",
    re.IGNORECASE,
)


_MONTH_FIRST = re.compile(
    rf"^(?:{_MONTHS})\.?\s\d{{1,2}},?\s\d{{4}}(,?\s\d{{1,2}}:\d{{2}}(:\d{{2}})?(\s?[ap]m)?)?$",
    re.IGNORECASE,
)


def header_reason(column: str, text: str) -> str | None:
    """The reason a column is not an answer, from its header (code or text); else None."""
    for name in (column, text):
        key = normalise(name)
        if key in PLATFORM_COLUMNS:
            return PLATFORM_COLUMNS[key]
    for pattern, reason in PLATFORM_PATTERNS:
        if pattern.search(normalise(column)):
            return reason
    for name in (column, text):
        key = normalise(name)
        if key.startswith("utm_"):
            return METADATA  # campaign fields a link adds (Typeform and others)
        asked = _ASKING.sub(" ", key).strip()
        asked = re.sub(r"\s+", " ", _ASKING.sub(" ", asked)).strip()
        if _PERSONAL_HEADER.fullmatch(asked) or _PERSONAL_WORDS.search(key):
            return PERSONAL
    return None


def value_reason(values: list[Any]) -> str | None:
    """The reason a column is not an answer, from its distinct non-empty values; else None.

    Nine in ten values must fit one pattern: e-mail addresses, phone numbers,
    IP addresses and postcodes are personal data; date-times are timestamps.
    """
    texts = [str(value).strip().lstrip("'") for value in values if str(value).strip()]
    if not texts:
        return None

    def share(pattern: re.Pattern) -> float:
        return sum(1 for text in texts if pattern.match(text)) / len(texts)

    if any(share(p) >= 0.9 for p in (_EMAIL, _IP, _POSTCODE)):
        return PERSONAL
    if share(_DATETIME) >= 0.9 or share(_MONTH_FIRST) >= 0.9:
        return TIMESTAMP
    if share(_UUID) >= 0.9:
        return RESPONDENT_ID
    if share(_QUIZ_SCORE) >= 0.9:
        return METADATA
    digits = [text for text in texts if _PHONE.match(text)]
    if len(digits) >= 0.9 * len(texts) and all(
        sum(c.isdigit() for c in text) >= 9 for text in digits
    ):
        return PERSONAL
    if share(_URL) >= 0.9:
        return OPEN_TEXT
    return None


def is_id_header(column: str, text: str) -> bool:
    return normalise(column) in ID_NAMES or normalise(text) in ID_NAMES
