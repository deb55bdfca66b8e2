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
    ("persons", "personen"),
    ("households", "huishoudens"),
    ("Register:", "Register:"),
    ("Columns:", "Kolommen:"),
    ("Category", "Categorie"),
    ("Region", "Regio"),
    ("regions", "regio's"),
    ("the first", "de eerste"),
    (
        "and Totaal shown; -f csv, md or xlsx (-o FILE) holds them all.",
        "en Totaal getoond; -f csv, md of xlsx (-o BESTAND) bevat ze allemaal.",
    ),
    (
        "Count (share of the region's users in the period). A person counts once per region "
        "and period, under every law they used a provision of; Totaal counts each person once.",
        "Aantal (aandeel van de gebruikers in de regio in de periode). Een persoon telt één keer "
        "per regio en periode, onder elke wet waaronder hij een voorziening had; Totaal telt "
        "iedere persoon één keer.",
    ),
    ("‰: per 1,000 inhabitants, from", "‰: per 1.000 inwoners, uit"),
    ("Users by combination of laws", "Gebruikers naar combinatie van wetten"),
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
