"""The words renderers print around the data, in English or Dutch (--locale nl).

Labels that come from the survey (questions, items, categories) are data and
stay as they are; only monitorkit's own headers and notes are translated.
"""

from __future__ import annotations

from monitorkit.options import Locale

_PAIRS = [
    ("Item", "Item"),
    ("Base", "Basis"),
    ("All", "Totaal"),
    ("Test", "Toets"),
    ("Groups that differ", "Groepen die verschillen"),
    ("Weighted base", "Gewogen basis"),
    ("Effective base", "Effectieve basis"),
    ("% (weighted)", "% (gewogen)"),
    ("Statistic", "Statistiek"),
    ("Change (pp)", "Verschil (%-punt)"),
    ("Paired n", "Gepaard n"),
    ("p paired", "p gepaard"),
    ("Change", "Verschil"),
    ("p trend", "p trend"),
    ("p across waves", "p over alle metingen"),
    ("Overlap", "Overlap"),
    ("Paired change", "Verschil gepaard"),
    ("Paired", "Gepaard"),
    ("Independent change", "Verschil onafhankelijk"),
    ("Independent", "Onafhankelijk"),
    ("p independent", "p onafhankelijk"),
    (
        "Change: last minus first wave in percentage points",
        "Verschil: laatste min eerste meting in procentpunten",
    ),
    (
        "Change: last minus first wave's mean",
        "Verschil: gemiddelde van de laatste min dat van de eerste meting",
    ),
    ("vertical lines", "verticale lijnen"),
    ("low", "onder"),
    ("high", "boven"),
    ("CI low", "BI onder"),
    ("CI high", "BI boven"),
    ("Group", "Groep"),
    ("Question", "Vraag"),
    ("Base rule", "Basis gedefinieerd als"),
    ("Sheet", "Blad"),
    ("Source", "Bron"),
    ("Provenance", "Herkomst"),
    ("base", "basis"),
    ("base per item", "basis per item"),
    ("Base:", "Basis:"),
    ("Warning:", "Waarschuwing:"),
    ("Assumption:", "Aanname:"),
    ("% of base", "% van de basis"),
    (
        "Reconstructed from published tables — not original responses",
        "Gereconstrueerd uit gepubliceerde tabellen — geen oorspronkelijke antwoorden",
    ),
    (
        "per item: respondents with a valid answer to that item",
        "per item: respondenten met een geldig antwoord op dat item",
    ),
    (
        "respondents who answered the set (any item not missing)",
        "respondenten die de vraag beantwoordden (minstens één item niet leeg)",
    ),
    (
        "respondents with at least one option selected (checkbox export: unticked and "
        "unanswered cannot be told apart)",
        "respondenten met minstens één aangevinkte optie (export met vinkjes: niet aangevinkt "
        "en niet beantwoord zijn niet te onderscheiden)",
    ),
    ("respondents whose answer cell is not empty", "respondenten met een niet-lege antwoordcel"),
    ("respondents with a valid answer", "respondenten met een geldig antwoord"),
    ("respondents who named at least one option", "respondenten die minstens één optie noemden"),
    (
        "per item: respondents with any answer to that item, non-answers (Weet niet, n.v.t.) "
        "counted as not 'yes'",
        "per item: respondenten met een antwoord op dat item, geen-antwoorden (weet niet, "
        "n.v.t.) geteld als niet 'ja'",
    ),
    (
        "respondents with a valid answer; non-answers (listed below) excluded",
        "respondenten met een geldig antwoord; geen-antwoorden (hieronder) niet meegeteld",
    ),
    (
        "respondents with any answer, non-answers (Weet niet, n.v.t.) included",
        "respondenten met een antwoord, geen-antwoorden (weet niet, n.v.t.) meegeteld",
    ),
    ("not in base", "niet in basis"),
    ("Mean", "Gemiddelde"),
    ("mean", "gemiddelde"),
    ("scores", "scores"),
    ("Not tabulated", "Niet getabelleerd"),
    ("Column", "Kolom"),
    ("Reason", "Reden"),
    ("Detail", "Toelichting"),
    ("column(s)", "kolom(men)"),
    ("platform metadata", "platformgegevens"),
    ("respondent id", "respondentnummer"),
    ("timestamp", "tijdstip"),
    ("personal data", "persoonsgegevens"),
    ("open text", "open tekst"),
    ("write-in text", "zelf ingevulde tekst"),
    ("constant", "overal dezelfde waarde"),
    ("empty", "leeg"),
    ("unrecognised values", "onherkende waarden"),
    ("weight", "weging"),
    ("not in codebook", "niet in codeboek"),
    ("group column", "groepskolom"),
    ("left out by the codebook", "weggelaten door het codeboek"),
    ("test and preview responses left out", "test- en voorbeeldantwoorden weggelaten"),
    ("without a group", "zonder groep"),
    ("published", "gepubliceerd"),
    ("Unweighted", "Ongewogen"),
    ("weighted by", "gewogen met"),
    ("Kish effective n", "effectieve n volgens Kish"),
    ("Stratified by", "Gestratificeerd naar"),
    ("population size per stratum", "populatieomvang per stratum"),
    (
        "intervals: logit for percentages, t for means, design-based standard errors",
        "intervallen: logit voor percentages, t voor gemiddelden, met standaardfouten naar "
        "het steekproefontwerp",
    ),
    ("no finite population correction", "geen eindige-populatiecorrectie"),
    ("finite population correction", "eindige-populatiecorrectie"),
    ("reconstructed from published tables", "gereconstrueerd uit gepubliceerde tabellen"),
    ("Comparison", "Vergelijking"),
    ("interval", "interval"),
    ("reproduced (unrounded)", "gereproduceerd (onafgerond)"),
    (
        "Published figures and their reproduction from the bundled data",
        "Gepubliceerde cijfers en hun reproductie uit de meegeleverde data",
    ),
]
DUTCH = dict(_PAIRS)


def level(confidence: float) -> str:
    """A confidence level as printed: 0.95 -> '95%', 0.999 -> '99.9%'."""
    return f"{confidence * 100:.10g}%"


def ci_title(confidence: float, locale: Locale = "en") -> str:
    """The interval column's title at the confidence used: '90% CI', Dutch '90%-BI'."""
    return f"{level(confidence)}-BI" if locale == "nl" else f"{level(confidence)} CI"


def interval_axis(confidence: float, locale: Locale = "en") -> str:
    """A chart's x label naming the interval the whiskers show."""
    if locale == "nl":
        return f"% van de basis (lijnen: {level(confidence)}-betrouwbaarheidsinterval, Wilson)"
    return f"% of base (whiskers: {level(confidence)} Wilson interval)"


def report_footer(confidence: float, locale: Locale = "en") -> str:
    """The line under a report saying what its percentages and intervals are."""
    if locale == "nl":
        return (
            "Gemaakt met monitorkit. Percentages zijn van de basis van elke vraag; intervallen "
            f"zijn {level(confidence)}-betrouwbaarheidsintervallen (Wilson), tenzij anders vermeld."
        )
    return (
        "Made with monitorkit. Percentages are of each question's base; intervals are "
        f"{level(confidence)} Wilson score intervals unless stated otherwise."
    )


def word(text: str, locale: Locale = "en") -> str:
    """``text`` in the locale's language; English is the text itself."""
    return DUTCH.get(text, text) if locale == "nl" else text


#: The words of `check` and `reproduce` around the published figures.
_FIGURE_PAIRS = [
    ("Figure", "Cijfer"),
    ("Label", "Omschrijving"),
    ("Published", "Gepubliceerd"),
    ("Computed", "Berekend"),
    ("N printed", "N gedrukt"),
    ("N assumed", "N aangenomen"),
    ("Rounding", "Afronding"),
    ("Basis", "Grondslag"),
    ("Status", "Status"),
    ("rebuilt", "herbouwd"),
    ("independent", "onafhankelijk"),
    ("match", "komt overeen"),
    ("mismatch", "wijkt af"),
    ("not computable", "niet te berekenen"),
    (
        "{match} match, {mismatch} mismatch, {other} not computable from survey data "
        "(of {total} published figures).",
        "{match} komen overeen, {mismatch} wijken af, {other} niet te berekenen uit "
        "surveydata (van {total} gepubliceerde cijfers).",
    ),
    (
        "reproduced from data rebuilt from these figures (consistency, not independent "
        "replication)",
        "gereproduceerd uit data die uit deze cijfers zijn herbouwd (consistentie, geen "
        "onafhankelijke replicatie)",
    ),
    (
        "recomputed independently from data that were not rebuilt from this figure",
        "onafhankelijk herberekend uit data die niet uit dit cijfer zijn herbouwd",
    ),
    (
        "N assumed: not printed in the source; the reconstruction chose it, and every "
        "computed value in its row depends on it.",
        "N aangenomen: niet gedrukt in de bron; de reconstructie koos het, en elke berekende "
        "waarde in die rij hangt ervan af.",
    ),
    (
        "a national or administrative statistic (CBS, SCP, benchmark), not survey data",
        "een landelijke of administratieve statistiek (CBS, SCP, benchmark), geen surveydata",
    ),
    (
        "the authors' estimate or computation, not a survey result",
        "een schatting of berekening van de auteurs, geen surveyresultaat",
    ),
    (
        "a figure from a practice example, not survey data",
        "een cijfer uit een praktijkvoorbeeld, geen surveydata",
    ),
    (
        "the size of a sample or group, not a survey result",
        "de omvang van een steekproef of groep, geen surveyresultaat",
    ),
    (
        "a policy target or budget decision, not a measurement",
        "een beleidsdoel of budgetbesluit, geen meting",
    ),
    (
        "a rule of the law (an age or a period), not a measurement",
        "een regel uit de wet (een leeftijd of termijn), geen meting",
    ),
    (
        "a threshold describing who took part, not a result",
        "een grens die beschrijft wie meedeed, geen resultaat",
    ),
    (
        "no N printed and not rebuilt in a reconstructed dataset",
        "geen N gedrukt en niet herbouwd in een gereconstrueerde dataset",
    ),
    ("not rebuilt in a reconstructed dataset", "niet herbouwd in een gereconstrueerde dataset"),
    (
        "a verbal quantity ('{text}') without a number",
        "een hoeveelheid in woorden ('{text}') zonder getal",
    ),
    (
        "Units differ ({counted}): compared only because --allow-unit-mismatch was given; "
        "the change sets two different measures against each other.",
        "Eenheden verschillen ({counted}): alleen vergeleken omdat --allow-unit-mismatch is "
        "gegeven; het verschil zet twee verschillende maten tegenover elkaar.",
    ),
    ("Note:", "Toelichting:"),
    ("Notes", "Toelichting"),
    ("down", "omlaag"),
    ("up", "omhoog"),
    ("none", "geen"),
    (
        "{item}: {wave}'s N is not printed ({n} assumed); the change is not significant "
        "(p < {alpha}) for any {wave} N up to {max} with {other}'s N at {size}.",
        "{item}: de N van {wave} is niet gedrukt ({n} aangenomen); het verschil is niet "
        "significant (p < {alpha}) voor welke N van {wave} ook tot {max}, met de N van {other} "
        "op {size}.",
    ),
    (
        "{item}: {wave}'s N is not printed ({n} assumed); the change is significant "
        "(p < {alpha}) for any {wave} N of {from} or more with {other}'s N at {size}; "
        "its direction ({direction}) holds for every N.",
        "{item}: de N van {wave} is niet gedrukt ({n} aangenomen); het verschil is significant "
        "(p < {alpha}) voor elke N van {wave} vanaf {from}, met de N van {other} op {size}; "
        "de richting ({direction}) geldt voor elke N.",
    ),
]
DUTCH.update(_FIGURE_PAIRS)
