* Partnermonitor sociaal domein: MDGROUP met VALUE=1 over 0/1-variabelen.
* Generated from tests/platforms/spss.py; run with: pspp 01_knelpunten_mdgroup_value1.sps
SET LOCALE='UTF-8'.
DATA LIST LIST
 /respnr (F4.0)
  contactpersoon (A40)
  email (A60)
  sector (F1.0)
  samenwerking (F1.0)
  knelp_1 (F1.0)
  knelp_2 (F1.0)
  knelp_3 (F1.0)
  knelp_4 (F1.0)
  knelp_5 (F1.0)
  knelp_6 (F1.0)
  knelp_7 (F1.0)
  toelichting (A200).
BEGIN DATA
1025 "Ilse Smit" "i.smit@welzijnsorganisatie.nl" 4 1 0 0 0 0 0 0 1 "nee"
1037 "Mehmet de Jong" "m.dejong@welzijnsorganisatie.nl" 3 1 1 0 0 1 1 1 0 "geen"
1046 "Ilse Hendriks" "i.hendriks@welzijnsorganisatie.nl" 4 1 0 0 0 0 0 0 1 "Door de AVG durven collega's niet meer te bellen over gezamenlijke cliënten."
1083 "Jan Visser" "j.visser@welzijnsorganisatie.nl" 1 1 . . . . . . . ""
1099 "Bram Peters" "b.peters@welzijnsorganisatie.nl" 6 1 0 0 0 0 1 1 0 "De beschikkingen voor 2024 kwamen pas in maart binnen, wij hebben drie maanden voorgefinancierd."
1100 "Anouk de Vries" "a.devries@welzijnsorganisatie.nl" 6 2 . . . . . . . ""
1109 "Mehmet de Jong" "m.dejong@welzijnsorganisatie.nl" 6 1 0 1 0 0 1 0 0 "Door de AVG durven collega's niet meer te bellen over gezamenlijke cliënten."
1110 "" "a.jansen@welzijnsorganisatie.nl" 1 2 . . . . . . . ""
1114 "" "e.kramer@welzijnsorganisatie.nl" 2 1 0 0 0 0 0 0 0 ""
1131 "" "a.bakker@welzijnsorganisatie.nl" 2 1 1 1 1 0 0 0 0 "Door de AVG durven collega's niet meer te bellen over gezamenlijke cliënten."
1148 "Fatima el Amrani" "" 6 1 0 0 0 0 0 0 1 "Zie eerdere mail aan de beleidsadviseur."
1169 "Dewi de Jong" "d.dejong@welzijnsorganisatie.nl" 4 1 0 0 1 1 0 1 0 "De beschikkingen voor 2024 kwamen pas in maart binnen, wij hebben drie maanden voorgefinancierd."
1184 "Kevin Hendriks" "k.hendriks@welzijnsorganisatie.nl" 1 2 . . . . . . . ""
1188 "Mehmet van den Berg" "" 2 1 0 1 0 0 1 1 0 "nee"
1225 "Esther van den Berg" "e.vandenberg@welzijnsorganisatie.nl" 3 1 1 1 1 0 1 0 0 "Voor elke cliënt drie verschillende rapportages in drie verschillende systemen."
1228 "Lotte Smit" "l.smit@welzijnsorganisatie.nl" 2 1 1 1 0 0 1 1 0 ""
1240 "Noor Bouzid" "n.bouzid@welzijnsorganisatie.nl" 1 2 . . . . . . . ""
1249 "Noor Mulder" "n.mulder@welzijnsorganisatie.nl" 6 2 . . . . . . . ""
1258 "Yvonne Hendriks" "y.hendriks@welzijnsorganisatie.nl" 4 2 . . . . . . . ""
1276 "Fatima Yilmaz" "f.yilmaz@welzijnsorganisatie.nl" 1 1 0 1 0 0 1 0 0 ""
1277 "Ilse Smit" "" 2 2 . . . . . . . ""
1298 "Marco Peters" "" 1 1 1 0 0 0 0 1 0 ""
1309 "Lotte Mulder" "" 1 1 1 0 0 0 0 1 0 "Geen"
1340 "" "m.elamrani@welzijnsorganisatie.nl" 2 1 1 1 1 1 0 0 0 "Elk half jaar een nieuwe accounthouder, steeds opnieuw uitleggen wie we zijn."
1355 "Dewi Yilmaz" "d.yilmaz@welzijnsorganisatie.nl" 1 1 1 0 1 0 0 0 0 ""
1395 "Ilse van den Berg" "i.vandenberg@welzijnsorganisatie.nl" 3 2 . . . . . . . ""
END DATA.

VARIABLE LABELS
respnr "Respondentnummer"
/contactpersoon "Naam contactpersoon"
/email "E-mailadres contactpersoon"
/sector "In welke sector is uw organisatie voornamelijk actief?"
/samenwerking "Werkt uw organisatie structureel samen met de gemeente?"
/knelp_1 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Financiering van trajecten is onzeker door jaarlijkse subsidiecycli en late beschikkingen"
/knelp_2 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Onvoldoende capaciteit bij het sociaal wijkteam om doorverwijzingen snel op te pakken"
/knelp_3 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Privacyregels (AVG) belemmeren het delen van cliëntgegevens tussen organisaties"
/knelp_4 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Wisselende contactpersonen bij de gemeente"
/knelp_5 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Te veel administratieve verantwoording en rapportageverplichtingen per cliënt"
/knelp_6 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Onduidelijke verdeling van taken en verantwoordelijkheden tussen de netwerkpartners"
/knelp_7 "Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?: Geen van deze knelpunten"
/toelichting "Kunt u de genoemde knelpunten toelichten?".
VALUE LABELS
  sector
    1 "Zorg en welzijn (inclusief wijkteams, thuiszorg en maatschappelijke opvang)"
    2 "Onderwijs en kinderopvang"
    3 "Wonen (woningcorporaties, huurdersverenigingen)"
    4 "Werk en inkomen (re-integratie, schuldhulpverlening, sociale werkvoorziening)"
    5 "Veiligheid (politie, reclassering, Veiligheidshuis)"
    6 "Anders"
 /samenwerking
    1 "Ja"
    2 "Nee"
 /knelp_1 knelp_2 knelp_3 knelp_4 knelp_5 knelp_6 knelp_7
    0 "Niet gekozen"
    1 "Gekozen".
VARIABLE LEVEL respnr (NOMINAL).
MRSETS
  /MDGROUP NAME=$knelpunten LABEL="Welke knelpunten ervaart uw organisatie in de samenwerking met de gemeente?"
    VARIABLES=knelp_1 knelp_2 knelp_3 knelp_4 knelp_5 knelp_6 knelp_7 VALUE=1 CATEGORYLABELS=VARLABELS.
SAVE OUTFILE='01_knelpunten_mdgroup_value1.sav'.
