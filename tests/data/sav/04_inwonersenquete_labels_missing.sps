* Inwonersenquete Wmo: value labels, user-missing codes, rapportcijfer, open tekst.
* Generated from tests/platforms/spss.py; run with: pspp 04_inwonersenquete_labels_missing.sps
SET LOCALE='UTF-8'.
DATA LIST LIST
 /respnr (F5.0)
  ingevuld_op (DATETIME20)
  email (A60)
  geslacht (F1.0)
  woonsituatie (F1.0)
  st_1 (F1.0)
  st_2 (F1.0)
  st_3 (F1.0)
  st_4 (F1.0)
  contact_loket (F1.0)
  tevreden_loket (F1.0)
  eenzaam (F1.0)
  rapportcijfer (F2.0)
  mantelzorger (F1.0)
  uren_mantelzorg (F4.0)
  opmerkingen (A250).
BEGIN DATA
30100 "20-03-2024 09:35:43" "" 2 2 2 . 5 1 1 3 2 6 2 . ""
30114 "21-03-2024 08:46:17" "h.kramer@hotmail.com" 2 2 4 4 3 4 1 8 3 4 2 . "De aanvraag voor de scootmobiel duurde vier maanden."
30123 "18-03-2024 12:05:27" "i.visser@ziggo.nl" 2 2 8 2 1 4 1 4 1 9 2 . ""
30133 "18-03-2024 08:17:45" "" 9 1 2 4 2 3 1 5 2 7 2 . ""
30141 "08-03-2024 19:59:26" "a.devries@hotmail.com" 2 3 5 4 5 4 1 9 4 7 2 . "Fijn dat er nu een inloopspreekuur in de bibliotheek is."
30156 "22-03-2024 14:11:50" "" 1 1 9 4 1 5 2 . 2 4 1 9998 "nee"
30167 "11-03-2024 08:05:50" "" 2 1 3 4 4 4 1 5 3 5 2 . ""
30176 "19-03-2024 19:32:45" "" 2 3 . 5 4 4 1 5 5 6 2 . ""
30181 "19-03-2024 18:08:05" "n.kramer@ziggo.nl" 2 2 3 3 3 1 1 5 2 8 1 4 "Ik wist niet dat ik als mantelzorger recht had op respijtzorg."
30194 "24-03-2024 21:55:56" "p.visser@ziggo.nl" 3 3 5 8 2 5 2 . 8 6 2 . ""
30204 "06-03-2024 10:24:50" "" 2 3 2 3 2 2 2 . 3 8 2 . ""
30217 "22-03-2024 13:35:46" "" 1 2 3 2 5 2 1 4 3 4 1 9999 "Dank voor deze enquête."
30225 "09-03-2024 17:24:28" "" 1 3 1 9 4 5 1 4 2 6 1 16 "Ik wist niet dat ik als mantelzorger recht had op respijtzorg."
30235 "23-03-2024 08:11:05" "" 2 1 5 5 1 3 1 4 3 99 2 . "Er wordt in onze straat te hard gereden."
30243 "13-03-2024 09:44:42" "e.elamrani@hotmail.com" 3 4 4 4 5 3 2 . 2 8 1 4 ""
30250 "11-03-2024 16:10:39" "" 1 2 5 4 5 4 1 5 3 4 1 8 "Er wordt in onze straat te hard gereden."
30269 "08-03-2024 13:32:31" "e.kramer@ziggo.nl" 2 4 3 4 8 3 1 3 2 10 2 . "Meer bankjes in het park graag, voor ouderen is de wandeling naar de winkels te lang."
30277 "27-03-2024 20:09:56" "" 2 6 2 4 5 4 1 4 1 6 1 8 "Fijn dat er nu een inloopspreekuur in de bibliotheek is."
30289 "11-03-2024 21:44:31" "a.vandijk@ziggo.nl" 1 1 5 2 4 4 1 5 3 7 2 . "Nee"
30295 "26-03-2024 20:56:52" "l.bakker@ziggo.nl" 2 2 3 2 9 4 2 . 2 6 2 . "De aanvraag voor de scootmobiel duurde vier maanden."
30302 "17-03-2024 11:43:28" "" 1 1 4 4 3 5 2 . 1 10 9 . ""
30317 "04-03-2024 17:48:12" "a.vandijk@hotmail.com" 2 1 3 2 3 2 1 4 3 8 2 . ""
30320 "10-03-2024 19:25:43" "" 2 3 5 3 2 4 2 . 2 6 2 . ""
30332 "14-03-2024 08:08:26" "l.peters@ziggo.nl" 2 3 4 2 5 8 2 . 1 6 2 . ""
30344 "04-03-2024 08:40:25" "" 3 1 2 3 5 1 2 . 2 9 2 . ""
30359 "08-03-2024 16:20:47" "f.hendriks@ziggo.nl" 3 3 4 2 4 2 2 . 3 4 2 . ""
30360 "10-03-2024 15:36:14" "" 1 1 5 3 5 9 1 4 2 6 2 . "geen"
30375 "17-03-2024 20:53:31" "" 3 4 4 4 2 4 2 . 1 7 1 2 ""
30386 "24-03-2024 16:58:49" "d.jansen@ziggo.nl" 2 2 3 4 1 1 1 4 5 7 2 . "nee"
30395 "18-03-2024 12:02:50" "p.hendriks@ziggo.nl" 1 6 3 2 4 2 1 4 3 8 1 10 "Ik wist niet dat ik als mantelzorger recht had op respijtzorg."
30409 "10-03-2024 13:31:02" "s.bakker@gmail.com" 1 1 4 4 3 5 2 . 9 7 1 24 ""
30412 "11-03-2024 14:20:14" "l.smit@ziggo.nl" 2 2 3 3 4 4 2 . 2 7 1 32 ""
30429 "19-03-2024 19:22:44" "n.jansen@ziggo.nl" 1 4 5 4 . 4 2 . 5 4 1 6 ""
30434 "16-03-2024 12:12:23" "i.vandijk@gmail.com" 3 2 5 3 5 5 1 4 2 8 2 . ""
30440 "27-03-2024 17:18:31" "" 2 4 5 4 3 4 1 5 5 4 1 16 ""
30458 "09-03-2024 09:50:35" "" 2 2 4 4 2 5 2 . 3 6 2 . "Meer bankjes in het park graag, voor ouderen is de wandeling naar de winkels te lang."
END DATA.

VARIABLE LABELS
respnr "Respondentnummer"
/ingevuld_op "Datum en tijd ingevuld"
/email "E-mailadres (alleen als u kans wilt maken op een cadeaubon)"
/geslacht "Wat is uw geslacht?"
/woonsituatie "Wat is uw woonsituatie?"
/st_1 "Ik weet waar ik terecht kan met vragen over zorg en ondersteuning"
/st_2 "De gemeente informeert inwoners voldoende over veranderingen in de Wmo"
/st_3 "Ik kan voor hulp een beroep doen op mensen in mijn omgeving"
/st_4 "In mijn buurt gaan mensen prettig met elkaar om"
/contact_loket "Heeft u het afgelopen jaar contact gehad met het Wmo-loket?"
/tevreden_loket "Hoe tevreden bent u over de dienstverlening van het Wmo-loket?"
/eenzaam "Hoe vaak voelt u zich eenzaam?"
/rapportcijfer "Welk rapportcijfer geeft u uw buurt als woonomgeving? (1 = zeer slecht, 10 = uitstekend)"
/mantelzorger "Geeft u op dit moment mantelzorg aan iemand in uw omgeving?"
/uren_mantelzorg "Hoeveel uur per week besteedt u gemiddeld aan mantelzorg?"
/opmerkingen "Heeft u nog opmerkingen of suggesties voor de gemeente?".
VALUE LABELS
  geslacht
    1 "Man"
    2 "Vrouw"
    3 "Anders"
    9 "Geen antwoord"
 /woonsituatie
    1 "Alleenstaand, zonder thuiswonende kinderen"
    2 "Samenwonend of getrouwd, zonder thuiswonende kinderen"
    3 "Samenwonend of getrouwd, met een of meer thuiswonende kinderen jonger dan 18 jaar"
    4 "Eenoudergezin met een of meer thuiswonende kinderen"
    5 "Inwonend bij ouders, familie of in een instelling (bijvoorbeeld een zorgcentrum)"
    6 "Anders"
 /st_1 st_2 st_3 st_4
    1 "Helemaal mee oneens"
    2 "Mee oneens"
    3 "Niet eens, niet oneens"
    4 "Mee eens"
    5 "Helemaal mee eens"
    8 "Weet niet"
    9 "Geen antwoord"
 /contact_loket
    1 "Ja"
    2 "Nee"
 /tevreden_loket
    1 "Zeer ontevreden"
    2 "Ontevreden"
    3 "Niet tevreden, niet ontevreden"
    4 "Tevreden"
    5 "Zeer tevreden"
    8 "Weet niet"
    9 "Geen antwoord"
 /eenzaam
    1 "Nooit"
    2 "Zelden"
    3 "Soms"
    4 "Vaak"
    5 "Altijd"
    8 "Weet niet"
    9 "Geen antwoord"
 /rapportcijfer
    1 "Zeer slecht"
    10 "Uitstekend"
    99 "Weet niet"
 /mantelzorger
    1 "Ja"
    2 "Nee"
    9 "Geen antwoord"
 /uren_mantelzorg
    9998 "Weet niet"
    9999 "Geen antwoord".
MISSING VALUES geslacht (9).
MISSING VALUES st_1 (8, 9).
MISSING VALUES st_2 (8, 9).
MISSING VALUES st_3 (8, 9).
MISSING VALUES st_4 (8, 9).
MISSING VALUES tevreden_loket (8, 9).
MISSING VALUES eenzaam (8, 9).
MISSING VALUES rapportcijfer (99).
MISSING VALUES mantelzorger (9).
MISSING VALUES uren_mantelzorg (9990 THRU HI).
VARIABLE LEVEL geslacht woonsituatie contact_loket mantelzorger (NOMINAL)
  /st_1 st_2 st_3 st_4 tevreden_loket eenzaam rapportcijfer (ORDINAL)
  /uren_mantelzorg (SCALE).
SAVE OUTFILE='04_inwonersenquete_labels_missing.sav'.
