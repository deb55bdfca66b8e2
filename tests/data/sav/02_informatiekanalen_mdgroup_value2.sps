* Inwonerspanel (telefonisch): MDGROUP met VALUE=2, 1 = Niet genoemd, 2 = Genoemd.
* Generated from tests/platforms/spss.py; run with: pspp 02_informatiekanalen_mdgroup_value2.sps
SET LOCALE='UTF-8'.
DATA LIST LIST
 /volgnummer (F5.0)
  interviewdatum (DATE11)
  postcode (A6)
  wijk (F2.0)
  leeftijd (F3.0)
  gezocht (F1.0)
  kan_1 (F1.0)
  kan_2 (F1.0)
  kan_3 (F1.0)
  kan_4 (F1.0)
  kan_5 (F1.0)
  kan_6 (F1.0)
  kan_7 (F1.0)
  kan_7_tekst (A120).
BEGIN DATA
20001 "21-10-2024" "7418RH" 2 69 1 1 1 1 2 1 1 1 ""
20002 "15-10-2024" "7411MH" 2 82 1 1 2 1 1 2 2 1 ""
20003 "13-10-2024" "7416TE" 4 78 2 . . . . . . . ""
20004 "02-10-2024" "7419JK" 5 79 1 2 1 2 1 1 1 1 ""
20005 "06-10-2024" "7424DB" 4 52 1 9 9 9 9 9 9 9 ""
20006 "07-10-2024" "7425HD" 4 35 2 . . . . . . . ""
20007 "08-10-2024" "7422HR" 2 58 9 . . . . . . . ""
20008 "12-10-2024" "7414LL" 4 77 1 1 1 2 1 1 1 1 ""
20009 "20-10-2024" "7414PP" 6 63 1 1 2 1 2 1 1 1 ""
20010 "12-10-2024" "7425ND" 2 60 2 . . . . . . . ""
20011 "17-10-2024" "7417MD" 3 40 2 . . . . . . . ""
20012 "20-10-2024" "7421TL" 2 . 1 1 2 1 2 2 1 1 ""
20013 "02-10-2024" "7425AG" 4 75 2 . . . . . . . ""
20014 "20-10-2024" "7413AT" 1 43 1 2 2 1 1 2 1 1 ""
20015 "21-10-2024" "7424CT" 4 19 2 . . . . . . . ""
20016 "17-10-2024" "7421CH" 4 78 1 1 1 1 1 2 1 1 ""
20017 "14-10-2024" "7418JJ" 5 41 1 1 2 1 1 1 1 1 ""
20018 "20-10-2024" "7423JC" 6 45 1 2 1 1 1 1 1 1 ""
20019 "02-10-2024" "7421MV" 6 67 1 1 1 1 2 2 1 1 ""
20020 "10-10-2024" "7413JH" 1 87 1 9 9 9 9 9 9 9 ""
20021 "18-10-2024" "7418TP" 6 34 1 1 2 2 1 1 1 1 ""
20022 "16-10-2024" "7419DZ" 3 47 9 . . . . . . . ""
20023 "14-10-2024" "7420SE" 1 44 1 1 1 2 1 1 2 1 ""
20024 "20-10-2024" "7420HJ" 1 66 1 1 2 2 1 2 1 1 ""
20025 "06-10-2024" "7425SA" 1 62 1 1 2 2 1 1 1 2 "Via de ouderenadviseur"
20026 "05-10-2024" "7422PA" 1 23 1 1 1 1 2 1 2 1 ""
20027 "19-10-2024" "7412PB" 5 65 1 1 2 2 1 2 1 1 ""
20028 "11-10-2024" "7413HK" 2 71 1 1 1 2 2 1 2 1 ""
20029 "08-10-2024" "7415HA" 6 76 1 2 2 1 1 1 2 1 ""
20030 "07-10-2024" "7425CV" 2 61 1 1 2 2 1 1 1 1 ""
END DATA.

VARIABLE LABELS
volgnummer "Volgnummer"
/interviewdatum "Datum interview"
/postcode "Postcode"
/wijk "Wijk (op basis van postcode)"
/leeftijd "Leeftijd respondent"
/gezocht "Heeft u het afgelopen jaar informatie gezocht over zorg of ondersteuning?"
/kan_1 "Website van de gemeente"
/kan_2 "Telefonisch contact met het klantcontactcentrum van de gemeente (14 0xx)"
/kan_3 "Loket in het gemeentehuis of in het wijkcentrum"
/kan_4 "Huisarts, praktijkondersteuner of een andere zorgverlener"
/kan_5 "Familie, vrienden, buren of kennissen"
/kan_6 "Sociale media (Facebook, Instagram, WhatsApp-groepen in de buurt)"
/kan_7 "Anders, namelijk"
/kan_7_tekst "Anders, namelijk: via welk ander kanaal?".
VALUE LABELS
  wijk
    1 "Centrum"
    2 "Noord"
    3 "Oost"
    4 "Zuid"
    5 "West"
    6 "Buitengebied"
 /gezocht
    1 "Ja"
    2 "Nee"
    9 "Weet niet meer"
 /kan_1 kan_2 kan_3 kan_4 kan_5 kan_6 kan_7
    1 "Niet genoemd"
    2 "Genoemd"
    9 "Geen antwoord".
MISSING VALUES gezocht (9).
MISSING VALUES kan_1 (9).
MISSING VALUES kan_2 (9).
MISSING VALUES kan_3 (9).
MISSING VALUES kan_4 (9).
MISSING VALUES kan_5 (9).
MISSING VALUES kan_6 (9).
MISSING VALUES kan_7 (9).
VARIABLE LEVEL leeftijd (SCALE).
MRSETS
  /MDGROUP NAME=$kanalen LABEL="Via welke kanalen heeft u informatie gezocht over zorg of ondersteuning?"
    VARIABLES=kan_1 kan_2 kan_3 kan_4 kan_5 kan_6 kan_7 VALUE=2 CATEGORYLABELS=VARLABELS.
SAVE OUTFILE='02_informatiekanalen_mdgroup_value2.sav'.
