"""The words renderers print around the data, in English or Dutch (--locale nl).

Labels that come from the survey (questions, items, categories) are data and
stay as they are; only monitorkit's own headers and notes are translated.
"""

from __future__ import annotations

import re

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
    ("Overview", "Overzicht"),
    ("Contents", "Inhoud"),
    ("Type", "Type"),
    ("Unit", "Eenheid"),
    ("Period", "Periode"),
    ("Page &P of &N", "Pagina &P van &N"),
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
    ("Contents", "Inhoud"),
    ("Key findings", "Belangrijkste uitkomsten"),
    ("Largest shares", "Grootste aandelen"),
    ("Significant differences between groups", "Significante verschillen tussen groepen"),
    ("Significant changes between waves", "Significante veranderingen tussen metingen"),
    ("vs", "tegenover"),
    ("pp", "%-punt"),
    ("None is significant at 5%.", "Geen enkele is significant bij 5%."),
    ("more in the tables below.", "meer in de tabellen hieronder."),
    (
        "Each question's largest share; significant: p below 0.05 (two-sided), the adjusted p "
        "where the tables adjust; each line links to its table.",
        "Het grootste aandeel van elke vraag; significant: p kleiner dan 0,05 (tweezijdig), de "
        "gecorrigeerde p waar de tabellen corrigeren; elke regel linkt naar zijn tabel.",
    ),
    ("Scroll the table sideways", "Schuif de tabel opzij"),
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
_PAIRS += [
    ("n/base", "n/basis"),
    (
        "Finite population correction applied to intervals and tests:",
        "Eindige-populatiecorrectie toegepast op intervallen en toetsen:",
    ),
    ("sig.", "sign."),
    ("p adj.", "p gecorr."),
    ("p test", "p toets"),
    (
        "Letters: the percentage is significantly higher than in the group with that letter",
        "Letters: het percentage is significant hoger dan in de groep met die letter",
    ),
    ("adjusted by", "aangepast met"),
    ("p adjusted by", "p aangepast met"),
    ("at", "bij"),
    ("no item differs between the groups at 5%", "geen item verschilt tussen de groepen bij 5%"),
    ("mean", "gemiddelde"),
    ("median", "mediaan"),
    ("test", "toets"),
    ("multi", "meerkeuze"),
    ("single", "enkelvoudig"),
    ("battery", "reeks"),
    ("numeric", "numeriek"),
    ("scale", "schaal"),
    ("bundled dataset", "meegeleverde dataset"),
    ("bundled", "meegeleverd"),
    ("inferred", "afgeleid"),
    ("file", "bestand"),
    ("delimiter", "scheidingsteken"),
    ("decimal", "decimaalteken"),
    ("respondents", "respondenten"),
    ("codebook", "codeboek"),
    ("assumption:", "aanname:"),
    ("warning:", "waarschuwing:"),
    ("values read:", "gelezen waarden:"),
    ("selected", "gekozen"),
    ("Other", "Overige"),
    ("wrote", "geschreven:"),
    ("chart files in", "grafiekbestanden in"),
    ("Reading and tabulating {file}…", "{file} lezen en tabelleren…"),
    ("Assumptions and notes", "Aannames en toelichtingen"),
    ("not selected", "niet gekozen"),
    ("missing", "ontbreekt"),
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


#: Names of tests, intervals and corrections as the statistics write them, with their
#: Dutch; applied in this order, so longer names come before the shorter names they hold.
_METHOD_PAIRS = [
    (
        "Pearson chi-square per pair of groups (Fisher exact where an expected count is below 5)",
        "Pearson chi-kwadraat per paar groepen (Fisher exact waar een verwachte frequentie "
        "onder 5 ligt)",
    ),
    (
        "; chi-square pairs with the overall test's finite population correction",
        "; chi-kwadraat per paar met de eindige-populatiecorrectie van de totale toets",
    ),
    (
        " (pairs only where the overall test is significant)",
        " (paren alleen waar de totale toets significant is)",
    ),
    (
        "Rao-Scott F (second-order corrected Pearson chi-square, as R svychisq)",
        "Rao-Scott F (tweede-orde gecorrigeerde Pearson chi-kwadraat, als R svychisq)",
    ),
    ("Pearson chi-square across waves", "Pearson chi-kwadraat over alle metingen"),
    ("Pearson chi-square", "Pearson chi-kwadraat"),
    (" with FPC", " met eindige-populatiecorrectie"),
    (" (no FPC)", " (zonder eindige-populatiecorrectie)"),
    ("Monte Carlo p", "Monte Carlo-p"),
    (" tables)", " tabellen)"),
    ("Newcombe hybrid score", "Newcombe hybride score"),
    ("Newcombe square-and-add (paired)", "Newcombe square-and-add (gepaard)"),
    (
        "two-proportion z-test (pooled, two-sided)",
        "z-toets voor twee proporties (gepoold, tweezijdig)",
    ),
    ("Cochran-Armitage test for trend", "Cochran-Armitage-toets op trend"),
    (
        "MOVER of the waves' design-based (logit) intervals",
        "MOVER van de (logit-)intervallen van de metingen naar het steekproefontwerp",
    ),
    (
        "Wald z-test on the waves' design-based standard errors",
        "Wald z-toets op de standaardfouten van de metingen naar het steekproefontwerp",
    ),
    (
        "Wald test for linear trend on the waves' design-based variances",
        "Wald-toets op lineaire trend op de varianties naar het steekproefontwerp",
    ),
    (
        "Wald chi-square across waves on the design-based variances",
        "Wald chi-kwadraat over alle metingen op de varianties naar het steekproefontwerp",
    ),
    ("Welch t-test (two-sided)", "Welch t-toets (tweezijdig)"),
    (
        "design-based t-test of the paired difference (first wave's design)",
        "t-toets van het gepaarde verschil naar het steekproefontwerp (van de eerste meting)",
    ),
    ("paired t-test", "gepaarde t-toets"),
    ("t (paired differences)", "t (gepaarde verschillen)"),
    ("t on the design's degrees of freedom", "t op de vrijheidsgraden van het ontwerp"),
    (
        "t on the first wave's design (linearised standard error)",
        "t op het ontwerp van de eerste meting (gelineariseerde standaardfout)",
    ),
    (" test(s) of the question's items", " toets(en) van de items van de vraag"),
    (
        "every item and every group is a domain of the whole sample: the correction uses the "
        "share of the population that responded at all (n/N, per stratum n_h/N_h), as R's "
        "survey package does for a domain, not the share that answered the item",
        "elk item en elke groep is een domein van de hele steekproef: de correctie gebruikt het "
        "deel van de populatie dat heeft gerespondeerd (n/N, per stratum n_h/N_h), zoals R's "
        "survey-pakket doet voor een domein, niet het deel dat het item beantwoordde",
    ),
    ("given with --population", "gegeven met --population"),
    ("(codebook field 'population')", "(veld 'population' van het codeboek)"),
    (" gemeenten on 1 January ", " gemeenten op 1 januari "),
    (" pair(s)", " paar/paren"),
    ("top 2 (", "bovenste 2 ("),
    ("the answers' own numbers", "de getallen van de antwoorden zelf"),
    ("positions 1–", "posities 1–"),
    (" on the scale", " op de schaal"),
    ("bottom 2 (", "onderste 2 ("),
    (
        "unweighted: ranks the answers as given, not the design",
        "ongewogen: rangordent de antwoorden zoals gegeven, niet naar het ontwerp",
    ),
    (
        "expected counts below 5: p from tables with the same margins",
        "verwachte frequenties onder 5: p uit tabellen met dezelfde marges",
    ),
    (
        "no variation: the same 0% or 100% in every wave",
        "geen variatie: overal dezelfde 0% of 100%",
    ),
    ("no variation in either wave", "geen variatie in beide metingen"),
    ("a wave without sampling variance", "een meting zonder steekproefvariantie"),
    ("a census: no sampling error", "een volledige telling: geen steekproeffout"),
]


#: The method names as literal patterns (their Dutch as literal replacements).
_METHOD_RULES = [(re.escape(en), nl.replace("\\", "\\\\")) for en, nl in _METHOD_PAIRS]


def method(text: str | None, locale: Locale = "en") -> str:
    """The name of a test, interval or correction (as the statistics write it, counts and
    all) in the locale's language."""
    if not text:
        return ""
    return _translated(text, _METHOD_RULES, locale)


#: The words of `check` and `reproduce` around the published figures.
_FIGURE_PAIRS = [
    ("Figure", "Cijfer"),
    (
        "GRIM check: {checked} of {all} published figures are percentages with a printed N; "
        "counts k in 0..N that print as the published value:",
        "GRIM-controle: {checked} van de {all} gepubliceerde cijfers zijn percentages met een "
        "gepubliceerde N; aantallen k in 0..N die als het gepubliceerde cijfer afdrukken:",
    ),
    ("Relations between figures:", "Verbanden tussen cijfers:"),
    ("FAIL", "FOUT"),
    (
        "{inconsistent} inconsistent figure(s) (impossible rounding half up), "
        "{failing} failing relation(s) of {relations}.",
        "{inconsistent} inconsistent(e) cijfer(s) (onmogelijk bij half omhoog afronden), "
        "{failing} van de {relations} verbanden kloppen niet.",
    ),
    ("consistent", "consistent"),
    ("inconsistent", "inconsistent"),
    ("not checkable", "niet te controleren"),
    ("none", "geen"),
    ("table", "tabel"),
    ("source_tables", "brontabellen"),
    ("sum", "som"),
    ("complement", "aanvulling"),
    ("split", "splitsing"),
    ("shares_of_one_total", "aandelen_één_totaal"),
    ("same_finding", "zelfde_bevinding"),
    ("division", "deling"),
    ("parts", "delen"),
    ("repeated_count", "herhaald_aantal"),
    ("half_up", "half omhoog"),
    ("half_even", "half naar even"),
    ("truncate", "afkappen"),
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


#: The phrases `check` builds its relation details and notes from (data such as labels
#: and numbers fill the gaps), with their Dutch; regular expressions, applied in order.
_CHECK_PHRASES = [
    (
        r"no single rounding rule fits all (\d+) tables with an N; figures that print per rule",
        r"geen enkele afrondingsregel past bij alle \1 tabellen met een N; cijfers die per regel "
        r"afdrukken",
    ),
    (r"the publication's rule: ", "de regel van de publicatie: "),
    (r"\(see each misfit's explanations\)", "(zie de verklaringen bij elk cijfer dat niet past)"),
    (
        r"; likeliest: rounding half up with (\S+) answering neither \(a third answer category\)",
        r"; waarschijnlijkst: half omhoog afronden, waarbij \1 geen van beide antwoordt (een derde "
        r"antwoordcategorie)",
    ),
    (r"; possible \(any N up to (\d+)\) under: ", r"; mogelijk (elke N tot \1) bij: "),
    (r"; possible \(N=(\d+)\) under: ", r"; mogelijk (N=\1) bij: "),
    (r"every figure possible under: ", "elk cijfer mogelijk bij: "),
    (r" printed total ", " gedrukt totaal "),
    (r"\(difference ", "(verschil "),
    (r": the parts exceed the total by ", ": de delen zijn samen groter dan het totaal, met "),
    (
        r" of one total: totals that print every share \(half up\): ",
        " van één totaal: totalen waarbij elk aandeel zo afdrukt (half omhoog): ",
    ),
    (
        r"; printed as shares of different units: ",
        "; gedrukt als aandelen van verschillende eenheden: ",
    ),
    (r"; the printing admits ", "; de gedrukte vorm laat toe: "),
    (r" printed as ", " gedrukt als "),
    (r"(\d) to (\d)", r"\1 tot \2"),
    (r" and ", " en "),
    (r"= (\d+) of (\d+) ", r"= \1 van \2 "),
    (
        r"a verbal quantity (\(.*?\)), not an exact percentage",
        r"een hoeveelheid in woorden \1, geen exact percentage",
    ),
    (r"printed as an approximation", "gedrukt als benadering"),
    (r"^no N printed$", "geen N gedrukt"),
    (r"^not a percentage$", "geen percentage"),
    (r"the item's N was (.+) rather than (\d+)", r"de N van het item was \1 in plaats van \2"),
    (
        r"a misprint of (.+?), which print from (\d+) under ",
        r"een drukfout voor \1, die uit \2 "
        r"volgen bij ",
    ),
    (
        r"the table rounded by (\w+), unlike the rest",
        r"de tabel is met \1 afgerond, anders dan "
        r"de rest",
    ),
    (r"computed through the same finding ", "berekend via dezelfde bevinding "),
    (r"('[^']*'): matches within ([\d.]+) points", r"\1: komt overeen binnen \2 procentpunt"),
    (
        r"counted with stapeling in the register (\S+) \(([\d,]+) persons\), rebuilt by "
        r"monitorkit reconstruct",
        r"geteld met stapeling in het register \1 (\2 personen), herbouwd met monitorkit "
        r"reconstruct",
    ),
    (r"\bhalf_up\b", "half omhoog"),
    (r"\bhalf_even\b", "half naar even"),
    (r"\btruncate\b", "afkappen"),
]


def check_text(text: str, locale: Locale = "en") -> str:
    """A detail or note of `check` (built from fixed phrases around the data) in the
    locale's language."""
    return _translated(text, _CHECK_PHRASES, locale) if text else text


def _translated(text: str, rules: list[tuple[str, str]], locale: Locale) -> str:
    """``text`` with each (pattern, Dutch) rule applied in order under nl; as is otherwise."""
    if locale != "nl":
        return text
    for pattern, dutch in rules:
        text = re.sub(pattern, dutch, text)
    return text
