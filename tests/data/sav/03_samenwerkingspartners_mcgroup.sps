* Netwerkmonitor: MCGROUP over drie slotvariabelen.
* Generated from tests/platforms/spss.py; run with: pspp 03_samenwerkingspartners_mcgroup.sps
SET LOCALE='UTF-8'.
DATA LIST LIST
 /respondent_id (A8)
  startdatum (DATETIME20)
  functie (F1.0)
  partner_1 (F2.0)
  partner_2 (F2.0)
  partner_3 (F2.0)
  partner_anders (A80)
  opmerkingen (A250).
BEGIN DATA
"R0001" "13-05-2024 12:05:47" 2 5 . . "" "Het wijkteam is soms moeilijk bereikbaar na 16.00 uur."
"R0002" "15-05-2024 14:59:30" 1 10 1 . "Kerkelijke diaconie" ""
"R0003" "24-05-2024 14:40:08" 5 1 7 . "" "Met de huisartsen loopt het sinds de nieuwe POH veel beter."
"R0004" "16-05-2024 11:40:21" 1 4 5 . "" ""
"R0005" "24-05-2024 12:14:52" 2 4 1 3 "" ""
"R0006" "25-05-2024 12:41:51" 1 6 2 10 "Voedselbank" "We missen een vast aanspreekpunt bij de GGD."
"R0007" "15-05-2024 10:05:53" 1 2 3 4 "" "geen"
"R0008" "15-05-2024 20:14:40" 1 . . . "" ""
"R0009" "13-05-2024 09:49:20" 1 5 4 . "" ""
"R0010" "13-05-2024 18:37:54" 1 10 1 . "Vluchtelingenwerk" ""
"R0011" "16-05-2024 16:35:44" 1 3 3 1 "" ""
"R0012" "15-05-2024 17:51:11" 1 9 . . "" "geen"
"R0013" "21-05-2024 15:41:42" 3 7 6 1 "" "Nee"
"R0014" "19-05-2024 08:26:33" 2 7 2 9 "" "We missen een vast aanspreekpunt bij de GGD."
"R0015" "24-05-2024 10:43:57" 3 10 9 5 "Kerkelijke diaconie" "nee"
"R0016" "15-05-2024 21:30:58" 3 . 6 . "" ""
"R0017" "20-05-2024 21:37:51" 2 5 . . "" "Graag vaker een casusoverleg met alle partners samen."
"R0018" "21-05-2024 10:39:35" 3 7 1 . "" "Woningcorporatie reageert traag op signalen van overlast."
"R0019" "26-05-2024 12:22:41" 2 . . . "" ""
"R0020" "19-05-2024 14:39:50" 2 5 . . "" ""
"R0021" "17-05-2024 16:52:11" 4 2 3 . "" ""
"R0022" "20-05-2024 20:15:41" 2 6 3 10 "Voedselbank" ""
"R0023" "18-05-2024 17:22:11" 4 1 . . "" "geen"
"R0024" "20-05-2024 21:22:21" 4 10 4 9 "Vluchtelingenwerk" "Graag vaker een casusoverleg met alle partners samen."
END DATA.

VARIABLE LABELS
respondent_id "Respondent-ID"
/startdatum "Startdatum"
/functie "Wat is uw functie?"
/partner_1 "Noem maximaal drie samenwerkingspartners: partner 1"
/partner_2 "Noem maximaal drie samenwerkingspartners: partner 2"
/partner_3 "Noem maximaal drie samenwerkingspartners: partner 3"
/partner_anders "Anders, namelijk:"
/opmerkingen "Heeft u nog opmerkingen over de samenwerking?".
VALUE LABELS
  functie
    1 "Wijkteammedewerker of consulent Wmo"
    2 "Jeugdconsulent"
    3 "Leidinggevende of teamleider"
    4 "Beleidsmedewerker"
    5 "Anders"
 /partner_1 partner_2 partner_3
    1 "Huisartsenpraktijk of praktijkondersteuner huisarts (POH-GGZ)"
    2 "GGD"
    3 "Woningcorporatie"
    4 "Maatschappelijk werk"
    5 "Schuldhulpverlening of budgetbeheer"
    6 "Jeugdgezondheidszorg (consultatiebureau, jeugdarts)"
    7 "Politie / wijkagent"
    8 "UWV of Werkplein"
    9 "Onderwijs (school, leerplichtambtenaar, zorgcoördinator)"
    10 "Anders".
MRSETS
  /MCGROUP NAME=$partners LABEL="Noem maximaal drie organisaties waarmee u het afgelopen jaar het meest heeft samengewerkt"
    VARIABLES=partner_1 partner_2 partner_3.
SAVE OUTFILE='03_samenwerkingspartners_mcgroup.sav'.
