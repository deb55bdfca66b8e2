*$Rev: 121017 $ all 2.
* PSPP does not know the next four commands; LimeSurvey writes them, here they are
* kept as comments: SET UNICODE=ON. SHOW LOCALE. PRESERVE LOCALE. SET LOCALE='en_UK'.
GET DATA
 /TYPE=TXT
 /FILE='survey_547132_SPSS_data_file.dat'
 /DELCASE=LINE
 /DELIMITERS=","
 /QUALIFIER="'"
 /ARRANGEMENT=DELIMITED
 /FIRSTCASE=1
 /IMPORTCASE=ALL
 /VARIABLES=
 V1 A100
 V2 A100
 V3 A100
 V4 F7
 V5 A15
 V6 DATETIME23.2
 V7 F7
 V8 A20
 V9 A31
 V10 DATETIME23.2
 V11 DATETIME23.2
 V12 A2
 V13 F1
 V14 F1
 V15 F1
 V16 F1
 V17 F1
 V18 F1
 V19 F1
 V20 A40
 V21 F1
 V22 F1
 V23 F1
 V24 F1
 V25 F13.10
 V26 A80.
CACHE.
EXECUTE.
*Define Variable Properties.
VARIABLE LABELS V1 "First name".
VARIABLE LABELS V2 "Last name".
VARIABLE LABELS V3 "Email address".
VARIABLE LABELS V4 "id".
VARIABLE LABELS V5 "token".
VARIABLE LABELS V6 "submitdate".
VARIABLE LABELS V7 "lastpage".
VARIABLE LABELS V8 "startlanguage".
VARIABLE LABELS V9 "Seed".
VARIABLE LABELS V10 "startdate".
VARIABLE LABELS V11 "datestamp".
VARIABLE LABELS V12 "In welke wijk woont u?".
VARIABLE LABELS V13 "Geeft u mantelzorg aan een naaste?".
VARIABLE LABELS V14 "[Huishoudelijke hulp via de Wmo] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V15 "[Begeleiding door een zorgaanbieder, bijvoorbeeld bij de administratie of dagbesteding] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V16 "[Hulpmiddelen of woningaanpassingen (zoals een traplift, scootmobiel of rolstoel)] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V17 "[Vervoersvoorziening (regiotaxi of Wmo-vervoer)] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V18 "[Ondersteuning voor mantelzorgers (respijtzorg, mantelzorgconsulent)] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V19 "[Geen van deze vormen van ondersteuning] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V20 "[Anders] Van welke vormen van ondersteuning heeft u in de afgelopen 12 maanden gebruikgemaakt?".
VARIABLE LABELS V21 "[De bereikbaarheid van het Wmo-loket] Hoe tevreden bent u over de volgende onderdelen van de ondersteuning?".
VARIABLE LABELS V22 "[De tijd tussen uw aanvraag en het besluit van de gemeente] Hoe tevreden bent u over de volgende onderdelen van de ondersteuning?".
VARIABLE LABELS V23 "[De deskundigheid van de medewerker die het keukentafelgesprek voerde] Hoe tevreden bent u over de volgende onderdelen van de ondersteuning?".
VARIABLE LABELS V24 "[De mate waarin de ondersteuning past bij uw situatie] Hoe tevreden bent u over de volgende onderdelen van de ondersteuning?".
VARIABLE LABELS V25 "Hoeveel jaar woont u al in deze gemeente?".
VARIABLE LABELS V26 "Heeft u nog tips of opmerkingen over de ondersteuning in onze gemeente?".
*Define Value labels.
VALUE LABELS  V12
 "A1" "Centrum"
 "A2" "Noordwijk"
 "A3" "De Hoven"
 "A4" "Oosterpark"
 "A5" "Zuiderveld"
 "A6" "Buitengebied (kernen en buurtschappen buiten de bebouwde kom)".
VALUE LABELS  V13
 1 "Yes"
 2 "No".
VALUE LABELS  V14
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V15
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V16
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V17
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V18
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V19
 1 "Yes"
 0 "Not Selected".
VALUE LABELS  V21
 1 "Zeer ontevreden"
 2 "Ontevreden"
 3 "Neutraal"
 4 "Tevreden"
 5 "Zeer tevreden"
 6 "Weet ik niet".
VALUE LABELS  V22
 1 "Zeer ontevreden"
 2 "Ontevreden"
 3 "Neutraal"
 4 "Tevreden"
 5 "Zeer tevreden"
 6 "Weet ik niet".
VALUE LABELS  V23
 1 "Zeer ontevreden"
 2 "Ontevreden"
 3 "Neutraal"
 4 "Tevreden"
 5 "Zeer tevreden"
 6 "Weet ik niet".
VALUE LABELS  V24
 1 "Zeer ontevreden"
 2 "Ontevreden"
 3 "Neutraal"
 4 "Tevreden"
 5 "Zeer tevreden"
 6 "Weet ik niet".
VARIABLE LEVEL V25(SCALE).
RENAME VARIABLE ( V1 = firstname ).
RENAME VARIABLE ( V2 = lastname ).
RENAME VARIABLE ( V3 = email ).
RENAME VARIABLE ( V4 = id ).
RENAME VARIABLE ( V5 = token ).
RENAME VARIABLE ( V6 = submitdate ).
RENAME VARIABLE ( V7 = lastpage ).
RENAME VARIABLE ( V8 = startlanguage ).
RENAME VARIABLE ( V9 = seed ).
RENAME VARIABLE ( V10 = startdate ).
RENAME VARIABLE ( V11 = datestamp ).
RENAME VARIABLE ( V12 = wijk ).
RENAME VARIABLE ( V13 = mantelzorg ).
RENAME VARIABLE ( V14 = ondersteuning_SQ001 ).
RENAME VARIABLE ( V15 = ondersteuning_SQ002 ).
RENAME VARIABLE ( V16 = ondersteuning_SQ003 ).
RENAME VARIABLE ( V17 = ondersteuning_SQ004 ).
RENAME VARIABLE ( V18 = ondersteuning_SQ005 ).
RENAME VARIABLE ( V19 = ondersteuning_SQ006 ).
RENAME VARIABLE ( V20 = ondersteuning_other ).
RENAME VARIABLE ( V21 = tevredenheid_SQ001 ).
RENAME VARIABLE ( V22 = tevredenheid_SQ002 ).
RENAME VARIABLE ( V23 = tevredenheid_SQ003 ).
RENAME VARIABLE ( V24 = tevredenheid_SQ004 ).
RENAME VARIABLE ( V25 = woonjaren ).
RENAME VARIABLE ( V26 = opmerkingen ).
* RESTORE LOCALE (kept as a comment, PSPP does not know it).
* Added for the fixture: what the user does after running the syntax.
SAVE OUTFILE='05_limesurvey_547132.sav'.
