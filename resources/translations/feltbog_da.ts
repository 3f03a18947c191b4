<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ActionEditor</name>
    <message>
        <source>Came from:</source>
        <translation>Kom fra:</translation>
    </message>
    <message>
        <source>Open the activity this action came from</source>
        <translation>Åbn den aktivitet, handlingen kom fra</translation>
    </message>
</context>
<context>
    <name>ActionTableModel</name>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
</context>
<context>
    <name>ActionsView</name>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ActivitiesView</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alle områder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Any theme</source>
        <translation>Alle temaer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 af %2 vist</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>Route map</source>
        <translation>Rutekort</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <source>Route and details</source>
        <translation>Rute og detaljer</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Billeder</translation>
    </message>
    <message>
        <source>The talk</source>
        <translation>Samtalen</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>What we heard</source>
        <translation>Det hørte vi</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Spørgeskema</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Mødet</translation>
    </message>
    <message>
        <source>Named participants</source>
        <translation>Navngivne deltagere</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportér PDF…</translation>
    </message>
</context>
<context>
    <name>ActivityRowsModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Obs.</source>
        <translation>Obs.</translation>
    </message>
    <message numerus="yes">
        <source>%n observation(s)</source>
        <translation>
            <numerusform>%n observation</numerusform>
            <numerusform>%n observationer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgencyChart</name>
    <message numerus="yes">
        <source>%n listening meeting(s)</source>
        <translation>
            <numerusform>%n lyttemøde</numerusform>
            <numerusform>%n lyttemøder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2: %3 % agree (%4 of %5 answers)
»%6«</source>
        <translation>%1 i %2: %3 % enige (%4 af %5 svar)
»%6«</translation>
    </message>
    <message>
        <source>%1
%2: %3 % agree (%4 of %5 answers)
»%6«</source>
        <translation>%1
%2: %3 % enige (%4 af %5 svar)
»%6«</translation>
    </message>
</context>
<context>
    <name>AgencyPanel</name>
    <message>
        <source>Share answering agree or strongly agree, all listening meetings of a month together; point at a dot for the number of answers. Statements with fewer than 5 answers are left out.</source>
        <translation>Andel, der svarede enig eller meget enig, alle lyttemøder i en måned samlet; peg på et punkt for antal svar. Udsagn med færre end 5 svar er udeladt.</translation>
    </message>
    <message>
        <source>Share answering agree or strongly agree, per listening meeting; n is the number of answers. Statements with fewer than 5 answers are left out.</source>
        <translation>Andel, der svarede enig eller meget enig, pr. lyttemøde; n er antal svar. Udsagn med færre end 5 svar er udeladt.</translation>
    </message>
    <message>
        <source>No listening meeting has 5 or more answers to the agency statements yet. Add the survey&apos;s answers to a listening meeting to follow agency over time.</source>
        <translation>Intet lyttemøde har endnu 5 eller flere svar på udsagnene om handlekraft. Skriv spørgeskemaets svar ind på et lyttemøde for at følge handlekraften over tid.</translation>
    </message>
</context>
<context>
    <name>AreaEditor</name>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Agency over time</source>
        <translation>Handlekraft over tid</translation>
    </message>
    <message>
        <source>Relational map</source>
        <translation>Relationskort</translation>
    </message>
    <message>
        <source>People (%1)</source>
        <translation>Personer (%1)</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Activities (%1)</source>
        <translation>Aktiviteter (%1)</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Åbne handlinger</translation>
    </message>
    <message>
        <source>Open actions (%1)</source>
        <translation>Åbne handlinger (%1)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportér PDF…</translation>
    </message>
</context>
<context>
    <name>AreaTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Indflydelse</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Åbne handlinger</translation>
    </message>
</context>
<context>
    <name>AreasView</name>
    <message>
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>Taken</source>
        <translation>Taget</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>Kan bruges</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>%1, %2: %3 people, %4 activities</source>
        <translation>%1, %2: %3 personer, %4 aktiviteter</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Taget manuelt</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Før en indlæsning</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Før en opdatering</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Før en gendannelse</translation>
    </message>
    <message>
        <source>Not a database file</source>
        <translation>Ikke en databasefil</translation>
    </message>
    <message>
        <source>Not a Feltbog notebook</source>
        <translation>Ikke en Feltbog-notesbog</translation>
    </message>
    <message>
        <source>Made by a newer version of Feltbog</source>
        <translation>Lavet af en nyere version af Feltbog</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Beskadiget: %1</translation>
    </message>
</context>
<context>
    <name>ChangeLogDialog</name>
    <message>
        <source>Change log</source>
        <translation>Ændringslog</translation>
    </message>
    <message>
        <source>What was saved on this laptop, newest first. Double-click a line to open the record.</source>
        <translation>Hvad der er gemt på denne computer, nyeste først. Dobbeltklik på en linje for at åbne posten.</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>Vis ældre</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Opdatér</translation>
    </message>
</context>
<context>
    <name>ChangeLogModel</name>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>(no longer in the notebook)</source>
        <translation>(findes ikke længere i notesbogen)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ændring</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felter</translation>
    </message>
    <message>
        <source>created</source>
        <translation>oprettet</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ændret</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>slettet (persondata)</translation>
    </message>
</context>
<context>
    <name>ChoiceInput</name>
    <message>
        <source>(not in the list)</source>
        <translation>(ikke på listen)</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(slettet)</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>The same field was changed on two laptops. The value in force is shown first; keep one of the values or type a combined one.</source>
        <translation>Det samme felt er ændret på to computere. Værdien, der gælder nu, står først; behold én af værdierne, eller skriv en samlet værdi.</translation>
    </message>
    <message>
        <source>No conflicts are waiting.</source>
        <translation>Ingen konflikter venter.</translation>
    </message>
    <message>
        <source>Value to keep</source>
        <translation>Værdi, der skal beholdes</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Behold denne værdi</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behold</translation>
    </message>
    <message>
        <source>Combined value</source>
        <translation>Samlet værdi</translation>
    </message>
    <message>
        <source>Type a value that combines both</source>
        <translation>Skriv en værdi, der samler begge</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Brug denne værdi</translation>
    </message>
    <message>
        <source>Or combine</source>
        <translation>Eller saml</translation>
    </message>
    <message>
        <source>Keep one of the values above</source>
        <translation>Behold én af værdierne ovenfor</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Value in force</source>
        <translation>Gældende værdi</translation>
    </message>
    <message>
        <source>Other values</source>
        <translation>Andre værdier</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Sidste kontakt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <source>Feltbog met an unexpected error. Your notes are saved up to the last change. Please copy the report below and send it to whoever supports Feltbog for you.</source>
        <translation>Feltbog stødte på en uventet fejl. Dine noter er gemt til og med den sidste ændring. Kopiér rapporten herunder, og send den til den, der hjælper dig med Feltbog.</translation>
    </message>
    <message>
        <source>The details are also in the log file: %1</source>
        <translation>Detaljerne står også i logfilen: %1</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Fejlrapport</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Kopiér rapport</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>e.g. %1</source>
        <translation>fx %1</translation>
    </message>
    <message>
        <source>Pick a date in a calendar</source>
        <translation>Vælg en dato i en kalender</translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message numerus="yes">
        <source>%n observation(s)</source>
        <translation>
            <numerusform>%n observation</numerusform>
            <numerusform>%n observationer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltager</numerusform>
            <numerusform>%n deltagere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or file(s)</source>
        <translation>
            <numerusform>%n foto eller fil</numerusform>
            <numerusform>%n fotos eller filer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n survey statement(s)</source>
        <translation>
            <numerusform>%n udsagn</numerusform>
            <numerusform>%n udsagn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s) to other people</source>
        <translation>
            <numerusform>%n relation til andre</numerusform>
            <numerusform>%n relationer til andre</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> og </translation>
    </message>
    <message>
        <source>With it go %1.</source>
        <translation>Med den går %1.</translation>
    </message>
    <message>
        <source>Delete the %1 »%2«?</source>
        <translation>Slet %1 »%2«?</translation>
    </message>
    <message>
        <source>Actions that came from it stay.</source>
        <translation>Handlinger, der kom fra den, bliver.</translation>
    </message>
    <message>
        <source>You can bring it back with Edit ▸ Undo (Ctrl+Z).</source>
        <translation>Du kan hente den tilbage med Rediger ▸ Fortryd (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Slet %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Ikke slettet</translation>
    </message>
    <message>
        <source>Not undone</source>
        <translation>Ikke fortrudt</translation>
    </message>
    <message>
        <source>Undo delete of »%1«</source>
        <translation>Fortryd sletning af »%1«</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Welcome to Feltbog</source>
        <translation>Velkommen til Feltbog</translation>
    </message>
    <message>
        <source>This is a new notebook. How would you like to start?</source>
        <translation>Det er en ny notesbog. Hvordan vil du begynde?</translation>
    </message>
    <message>
        <source>Demo data shows the app filled with made-up walkabouts, people and areas. You can start a fresh notebook later.</source>
        <translation>Demodata viser programmet fyldt med opdigtede byvandringer, personer og områder. Du kan begynde på en tom notesbog senere.</translation>
    </message>
    <message>
        <source>Start with demo data</source>
        <translation>Begynd med demodata</translation>
    </message>
    <message>
        <source>Empty notebook</source>
        <translation>Tom notesbog</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>Delete this record and what belongs to it (Ctrl+Del)</source>
        <translation>Slet denne post og det, der hører til den (Ctrl+Del)</translation>
    </message>
</context>
<context>
    <name>EntityForm</name>
    <message>
        <source>Problem saving</source>
        <translation>Problem med at gemme</translation>
    </message>
</context>
<context>
    <name>Feltbog</name>
    <message>
        <source>Feltbog is already open</source>
        <translation>Feltbog er allerede åben</translation>
    </message>
    <message>
        <source>This notebook is already open in another Feltbog window: %1
Switch to that window, or close it and try again.</source>
        <translation>Notesbogen er allerede åben i et andet Feltbog-vindue: %1
Skift til det vindue, eller luk det og prøv igen.</translation>
    </message>
    <message>
        <source>Cannot open the notebook</source>
        <translation>Notesbogen kan ikke åbnes</translation>
    </message>
    <message>
        <source>The newest good backup is from %1 and holds %2 people and %3 activities. Restore it now?</source>
        <translation>Den nyeste gode sikkerhedskopi er fra %1 og indeholder %2 personer og %3 aktiviteter. Vil du gendanne den nu?</translation>
    </message>
    <message>
        <source>Other backups (choose one under Restore from backup… in the menu):</source>
        <translation>Andre sikkerhedskopier (vælg en af dem under Gendan fra sikkerhedskopi… i menuen):</translation>
    </message>
    <message>
        <source>The notebook is damaged</source>
        <translation>Notesbogen er beskadiget</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Gendan sikkerhedskopien</translation>
    </message>
    <message>
        <source>Restore anyway?</source>
        <translation>Gendan alligevel?</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Ikke gendannet</translation>
    </message>
    <message>
        <source>Restored. The notebook as it was is kept as %1.</source>
        <translation>Gendannet. Notesbogen, som den var, er gemt som %1.</translation>
    </message>
</context>
<context>
    <name>GpsScreenDialog</name>
    <message>
        <source>Camera clock from a photo of the GPS screen</source>
        <translation>Kameraets ur ud fra et billede af GPS-skærmen</translation>
    </message>
    <message>
        <source>Type the time the GPS or phone shows in the photo. The camera&apos;s own clock said %1 when it took the photo.</source>
        <translation>Skriv det klokkeslæt, GPS&apos;en eller telefonen viser på billedet. Kameraets eget ur sagde %1, da det tog billedet.</translation>
    </message>
    <message>
        <source>Time shown on the GPS screen</source>
        <translation>Klokkeslæt vist på GPS-skærmen</translation>
    </message>
    <message>
        <source>Time on the screen:</source>
        <translation>Klokkeslæt på skærmen:</translation>
    </message>
</context>
<context>
    <name>HistoryActionsModel</name>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>HistoryActivitiesModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>HistoryObservationsModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
</context>
<context>
    <name>ListDetailView</name>
    <message>
        <source>Filter…</source>
        <translation>Filtrér…</translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation>Hurtigfilter</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Choose one in the list, or make a new one from the toolbar.</source>
        <translation>Vælg en i listen, eller opret en ny fra værktøjslinjen.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>notebook in memory</source>
        <translation>notesbog i hukommelsen</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationer</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>New walkabout</source>
        <translation>Ny byvandring</translation>
    </message>
    <message>
        <source>New 1:1 talk</source>
        <translation>Ny 1:1-samtale</translation>
    </message>
    <message>
        <source>New listening meeting</source>
        <translation>Nyt lyttemøde</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>Nyt område</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Ny organisation</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Ny handling</translation>
    </message>
    <message>
        <source>Next record</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Previous record</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>New notebook…</source>
        <translation>Ny notesbog…</translation>
    </message>
    <message>
        <source>Open notebook…</source>
        <translation>Åbn notesbog…</translation>
    </message>
    <message>
        <source>Export spreadsheet…</source>
        <translation>Eksportér regneark…</translation>
    </message>
    <message>
        <source>Import people…</source>
        <translation>Importér personer…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Tag en sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Indstillinger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>About Feltbog</source>
        <translation>Om Feltbog</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Værktøjslinje</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Importér personer</translation>
    </message>
    <message>
        <source>Member lists (*.xlsx *.csv)</source>
        <translation>Medlemslister (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>%n person importeret.</numerusform>
            <numerusform>%n personer importeret.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s) left out.</source>
        <translation>
            <numerusform>%n sandsynlig dublet udeladt.</numerusform>
            <numerusform>%n sandsynlige dubletter udeladt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next kind of observation</source>
        <translation>Næste type observation</translation>
    </message>
    <message>
        <source>Feltbog %1 — an offline notebook for co-creation work.</source>
        <translation>Feltbog %1 — en notesbog til samskabende arbejde, der virker uden net.</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportér PDF…</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Gendan fra sikkerhedskopi…</translation>
    </message>
    <message>
        <source>Personal data review</source>
        <translation>Gennemgang af persondata</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>Ændringslog</translation>
    </message>
    <message>
        <source>&amp;Notebook</source>
        <translation>&amp;Notesbog</translation>
    </message>
    <message>
        <source>Notebook: %1</source>
        <translation>Notesbog: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln konflikt</numerusform>
            <numerusform>%Ln konflikter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln activities</source>
        <translation>
            <numerusform>%Ln aktivitet</numerusform>
            <numerusform>%Ln aktiviteter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln personer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open actions</source>
        <translation>
            <numerusform>%Ln åben handling</numerusform>
            <numerusform>%Ln åbne handlinger</numerusform>
        </translation>
    </message>
    <message>
        <source>Feltbog notebooks (*.sqlite);;All files (*)</source>
        <translation>Feltbog-notesbøger (*.sqlite);;Alle filer (*)</translation>
    </message>
    <message>
        <source>New notebook</source>
        <translation>Ny notesbog</translation>
    </message>
    <message>
        <source>notebook.sqlite</source>
        <translation>notesbog.sqlite</translation>
    </message>
    <message>
        <source>%1 exists already; use Open notebook to open it.</source>
        <translation>%1 findes allerede; brug Åbn notesbog for at åbne den.</translation>
    </message>
    <message>
        <source>Open notebook</source>
        <translation>Åbn notesbog</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Eksportér PDF</translation>
    </message>
    <message>
        <source>Open an activity, a person or an area first; its report is then exported.</source>
        <translation>Åbn først en aktivitet, en person eller et område; så eksporteres dens rapport.</translation>
    </message>
    <message>
        <source>Synchronise…</source>
        <translation>Synkroniser…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sidste synkronisering: %1</translation>
    </message>
    <message>
        <source>Never synchronised</source>
        <translation>Aldrig synkroniseret</translation>
    </message>
</context>
<context>
    <name>MentionsModel</name>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
</context>
<context>
    <name>ObservationCapture</name>
    <message>
        <source>Type what you see or hear and press Enter</source>
        <translation>Skriv det, du ser eller hører, og tryk Enter</translation>
    </message>
    <message>
        <source>New observation</source>
        <translation>Ny observation</translation>
    </message>
    <message>
        <source>Themes:</source>
        <translation>Temaer:</translation>
    </message>
    <message>
        <source>e.g. traffic, playground (comma between themes)</source>
        <translation>fx trafik, legeplads (komma mellem temaer)</translation>
    </message>
    <message>
        <source>Themes for the next observation</source>
        <translation>Temaer for næste observation</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <source>Double-click or press F2 to correct a cell; Delete removes the observation</source>
        <translation>Dobbeltklik eller tryk F2 for at rette en celle; Delete fjerner observationen</translation>
    </message>
    <message>
        <source>%1 — click or press Ctrl+K for the next kind</source>
        <translation>%1 — klik eller tryk Ctrl+K for næste type</translation>
    </message>
    <message>
        <source>Kind of observation: %1</source>
        <translation>Type observation: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
</context>
<context>
    <name>ObservationTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temaer</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stemmer</translation>
    </message>
    <message>
        <source>Undo correction of »%1«</source>
        <translation>Fortryd rettelse af »%1«</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>People (%1)</source>
        <translation>Personer (%1)</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <source>Organisations</source>
        <translation>Organisationer</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Agency over time, all areas</source>
        <translation>Handlekraft over tid, alle områder</translation>
    </message>
    <message>
        <source>This notebook is empty</source>
        <translation>Notesbogen er tom</translation>
    </message>
    <message>
        <source>Start with the area you work in — a village or a neighbourhood. Then go out on your first walkabout and note what you see and hear.</source>
        <translation>Begynd med det område, du arbejder i – en landsby eller en bydel. Gå så din første byvandring, og skriv ned, hvad du ser og hører.</translation>
    </message>
    <message>
        <source>1. Create an area</source>
        <translation>1. Opret et område</translation>
    </message>
    <message>
        <source>2. Start a walkabout</source>
        <translation>2. Start en byvandring</translation>
    </message>
    <message>
        <source>A colleague&apos;s notebook can be read in with File ▸ Synchronise…</source>
        <translation>En kollegas notesbog kan læses ind med Filer ▸ Synkroniser…</translation>
    </message>
    <message>
        <source>Overdue actions (%1)</source>
        <translation>Overskredne handlinger (%1)</translation>
    </message>
    <message>
        <source>Due in the next 14 days (%1)</source>
        <translation>Frist inden for 14 dage (%1)</translation>
    </message>
    <message>
        <source>Recent activities</source>
        <translation>Seneste aktiviteter</translation>
    </message>
    <message>
        <source>Not contacted for 60 days (%1)</source>
        <translation>Ikke kontaktet i 60 dage (%1)</translation>
    </message>
    <message>
        <source>Leadership pipeline per area</source>
        <translation>Lederstigen pr. område</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Add a person: type a name and press Enter</source>
        <translation>Tilføj en person: skriv et navn, og tryk Enter</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Tilføj deltager</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
</context>
<context>
    <name>PeopleImportDialog</name>
    <message>
        <source>Import people from %1</source>
        <translation>Importér personer fra %1</translation>
    </message>
    <message>
        <source>No area</source>
        <translation>Intet område</translation>
    </message>
    <message>
        <source>The people live in</source>
        <translation>Personerne hører til</translation>
    </message>
    <message>
        <source>Row %1 is the header. Choose what each column holds:</source>
        <translation>Række %1 er overskriften. Vælg, hvad hver kolonne indeholder:</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(intet)</translation>
    </message>
    <message>
        <source>Likely already in the notebook (tick to import anyway):</source>
        <translation>Findes sandsynligvis allerede i notesbogen (sæt flueben for at importere alligevel):</translation>
    </message>
    <message>
        <source>Row %1: %2 — like %3</source>
        <translation>Række %1: %2 – ligner %3</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) will be imported</source>
        <translation>
            <numerusform>%n person importeres</numerusform>
            <numerusform>%n personer importeres</numerusform>
        </translation>
    </message>
    <message>
        <source>rows without a name are left out: %1</source>
        <translation>rækker uden navn udelades: %1</translation>
    </message>
    <message>
        <source>Consent is recorded as unknown and each person is due for review in 30 days.</source>
        <translation>Samtykke registreres som ukendt, og hver person skal gennemgås om 30 dage.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n person(s)</source>
        <translation>
            <numerusform>Importér %n person</numerusform>
            <numerusform>Importér %n personer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Leadership stage</source>
        <translation>Lederstige</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Review after</source>
        <translation>Gennemgås efter</translation>
    </message>
    <message>
        <source>may be named</source>
        <translation>må nævnes</translation>
    </message>
    <message>
        <source>may be contacted</source>
        <translation>må kontaktes</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alle områder</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Alle trin</translation>
    </message>
    <message>
        <source>Leadership stage</source>
        <translation>Lederstige</translation>
    </message>
</context>
<context>
    <name>PersonChooser</name>
    <message>
        <source>Create »%1« as a new person</source>
        <translation>Opret »%1« som ny person</translation>
    </message>
    <message>
        <source>»%1« is not in the notebook. Did you mean one of these?</source>
        <translation>»%1« findes ikke i notesbogen. Mente du en af disse?</translation>
    </message>
    <message>
        <source>»%1« is not in the notebook yet.</source>
        <translation>»%1« findes ikke i notesbogen endnu.</translation>
    </message>
    <message>
        <source>Who is it?</source>
        <translation>Hvem er det?</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Has %1 agreed that you keep their name and notes in the notebook?

If not yet, ask them; until then they are listed in the personal data review.</source>
        <translation>Har %1 givet samtykke til, at du gemmer navn og noter i notesbogen?

Hvis ikke endnu, så spørg; indtil da står personen i gennemgangen af persondata.</translation>
    </message>
    <message>
        <source>Yes, they agreed today</source>
        <translation>Ja, samtykke givet i dag</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Slet person</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Slet for altid</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Ikke slettet</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>%1 is erased.</source>
        <translation>%1 er slettet for altid.</translation>
    </message>
    <message>
        <source>Record that %1 has withdrawn their consent today?

They will no longer be named in reports or contacted. Their record stays; to remove it, use Erase (GDPR).</source>
        <translation>Skal det registreres, at %1 har tilbagekaldt sit samtykke i dag?

Personen nævnes så ikke længere ved navn i rapporter og kontaktes ikke. Oplysningerne bliver liggende; de fjernes med Slet for altid (GDPR).</translation>
    </message>
    <message>
        <source>Add someone they know: type a name and press Enter</source>
        <translation>Tilføj en, de kender: skriv et navn, og tryk Enter</translation>
    </message>
    <message>
        <source>Add a relation</source>
        <translation>Tilføj relation</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Observations they raised</source>
        <translation>Observationer, de har rejst</translation>
    </message>
    <message>
        <source>Actions they own</source>
        <translation>Handlinger, de er ansvarlige for</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Eksportér PDF…</translation>
    </message>
    <message>
        <source>Right of access…</source>
        <translation>Ret til indsigt…</translation>
    </message>
    <message>
        <source>Everything stored about this person, as a PDF and a JSON file (GDPR article 15)</source>
        <translation>Alt, hvad der er gemt om personen, som PDF og som JSON-fil (databeskyttelsesforordningens artikel 15)</translation>
    </message>
    <message>
        <source>Erase (GDPR)…</source>
        <translation>Slet for altid (GDPR)…</translation>
    </message>
    <message>
        <source>Erase the person for good, also from the change history and colleagues&apos; notebooks</source>
        <translation>Slet personen for altid, også i ændringshistorikken og i kollegers notesbøger</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Tilbagekald samtykke…</translation>
    </message>
    <message>
        <source>Record today that the person withdrew their consent</source>
        <translation>Registrér i dag, at personen har tilbagekaldt sit samtykke</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Tilbagekald samtykke</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <source>Add photos…</source>
        <translation>Tilføj billeder…</translation>
    </message>
    <message>
        <source>or drop photos here</source>
        <translation>eller træk billeder hertil</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Billeder</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Billedtekst:</translation>
    </message>
    <message>
        <source>Caption of the photo</source>
        <translation>Billedtekst til fotoet</translation>
    </message>
    <message>
        <source>When the photo was taken</source>
        <translation>Hvornår fotoet blev taget</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>Taget:</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>Cannot open the photo</source>
        <translation>Fotoet kan ikke åbnes</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Tilføj billeder</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)</source>
        <translation>Billeder (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Some files were not added</source>
        <translation>Nogle filer blev ikke tilføjet</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>(no area)</source>
        <translation>(intet område)</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 af %2 vist</translation>
    </message>
</context>
<context>
    <name>ReferralsPanel</name>
    <message>
        <source>People they suggested we talk to</source>
        <translation>Personer, de foreslog, vi taler med</translation>
    </message>
    <message>
        <source>Type a name and press Enter</source>
        <translation>Skriv et navn og tryk Enter</translation>
    </message>
    <message>
        <source>Add a suggested person</source>
        <translation>Tilføj en foreslået person</translation>
    </message>
    <message>
        <source>Nobody yet.</source>
        <translation>Ingen endnu.</translation>
    </message>
    <message>
        <source>Pick the person first</source>
        <translation>Vælg personen først</translation>
    </message>
    <message>
        <source>Choose whom the talk was with before adding the people they suggested.</source>
        <translation>Vælg, hvem samtalen var med, før du tilføjer de personer, de foreslog.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
</context>
<context>
    <name>RelationalMapPanel</name>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>når som helst</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>Uden organisation</translation>
    </message>
    <message>
        <source>%1 people. Colour: leadership stage; size: activities in the period; solid lines: relations; dashed: suggested in a 1:1 talk; thin: took part together (%2 pairs). Click a person to open them; scroll to zoom.</source>
        <translation>%1 personer. Farve: trin på lederstigen; størrelse: aktiviteter i perioden; hele streger: relationer; stiplede: foreslået i en 1:1-samtale; tynde: deltog sammen (%2 par). Klik på en person for at åbne vedkommende; rul for at zoome.</translation>
    </message>
</context>
<context>
    <name>RelationsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>suggested by them</source>
        <translation>foreslået af dem</translation>
    </message>
</context>
<context>
    <name>ReportExporter</name>
    <message>
        <source>Personal data</source>
        <translation>Persondata</translation>
    </message>
    <message>
        <source>Right of access</source>
        <translation>Indsigt</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Eksportér PDF</translation>
    </message>
    <message>
        <source>A notebook held only in memory cannot be exported.</source>
        <translation>En notesbog, der kun findes i hukommelsen, kan ikke eksporteres.</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Gem PDF’en som</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF …</source>
        <translation>Laver PDF’en …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>The PDF was saved as %1 (%2 pages).</source>
        <translation>PDF’en er gemt som %1 (%2 sider).</translation>
    </message>
    <message>
        <source>PDF ready</source>
        <translation>PDF klar</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Åbn PDF’en</translation>
    </message>
    <message>
        <source>The PDF was not made</source>
        <translation>PDF&apos;en blev ikke lavet</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>Eksportér PDF</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Rapportens sprog</translation>
    </message>
    <message>
        <source>Internal report (names everyone)</source>
        <translation>Intern rapport (med alle navne)</translation>
    </message>
    <message>
        <source>The names of all people will be shown, also of those who have not agreed to be named, and every page is marked Internal. Do not pass it on outside the municipality.</source>
        <translation>Alle personers navne vises, også navnene på dem, der ikke har sagt ja til at blive nævnt, og hver side mærkes Intern. Giv den ikke videre uden for kommunen.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Leave a date unticked to include everything before or after.</source>
        <translation>Lad en dato stå uden flueben for at tage alt før eller efter med.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Gendan fra sikkerhedskopi</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. The notebook as it is now is kept as a copy first, so nothing is lost; people erased since the copy stay erased.</source>
        <translation>Vælg den kopi, du vil vende tilbage til. Notesbogen, som den er nu, gemmes først som en kopi, så intet går tabt; personer, der er slettet siden kopien, forbliver slettet.</translation>
    </message>
    <message>
        <source>Backup copies</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <source>There are no backup copies of this notebook yet.</source>
        <translation>Der er endnu ingen sikkerhedskopier af denne notesbog.</translation>
    </message>
    <message>
        <source>Backup status</source>
        <translation>Status for sikkerhedskopi</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Tag en sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Gendan…</translation>
    </message>
    <message>
        <source>Making a backup copy…</source>
        <translation>Tager en sikkerhedskopi …</translation>
    </message>
    <message>
        <source>No backup made: %1</source>
        <translation>Der blev ikke taget en sikkerhedskopi: %1</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Sikkerhedskopi gemt: %1</translation>
    </message>
    <message>
        <source>Go back to the copy from %1?

Changes made since then are not in that copy; the notebook as it is now is kept as a copy of its own.</source>
        <translation>Vil du vende tilbage til kopien fra %1?

Ændringer fra efter dette tidspunkt er ikke med i kopien; notesbogen, som den er nu, gemmes som en kopi for sig.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Personal data review</source>
        <translation>Gennemgang af persondata</translation>
    </message>
    <message>
        <source>These people&apos;s review date has passed. Keep a person&apos;s data until a new date if there is still a reason to, or erase the person.</source>
        <translation>Disse personers gennemgangsdato er overskredet. Behold en persons oplysninger til en ny dato, hvis der stadig er grund til det, eller slet personen.</translation>
    </message>
    <message>
        <source>People due for review</source>
        <translation>Personer til gennemgang</translation>
    </message>
    <message>
        <source>Nobody is due for review.</source>
        <translation>Ingen skal gennemgås.</translation>
    </message>
    <message>
        <source>Keep until</source>
        <translation>Behold til</translation>
    </message>
    <message>
        <source>Erase person…</source>
        <translation>Slet person…</translation>
    </message>
    <message>
        <source>Text that still mentions the name</source>
        <translation>Tekst, der stadig nævner navnet</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>Backup copies and older sync files still hold them until they are replaced: most automatic copies within five weeks, the newest three of each kind and copies you made yourself only when they are deleted.</source>
        <translation>Sikkerhedskopier og ældre synkroniseringsfiler indeholder stadig personen, indtil de udskiftes: de fleste automatiske kopier inden for fem uger, de tre nyeste af hver slags og kopier, du selv har taget, først når de slettes.</translation>
    </message>
    <message>
        <source>Erase person</source>
        <translation>Slet person</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Slet for altid</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Ikke slettet</translation>
    </message>
    <message>
        <source>%1 is erased. This text still mentions the name; open it to check it by hand:</source>
        <translation>%1 er slettet. Denne tekst nævner stadig navnet; åbn den, og ret den i hånden:</translation>
    </message>
    <message>
        <source>%1 is erased. No other text mentions the name.</source>
        <translation>%1 er slettet. Ingen anden tekst nævner navnet.</translation>
    </message>
    <message>
        <source>the person with contact and consent details</source>
        <translation>personen med kontakt- og samtykkeoplysninger</translation>
    </message>
    <message>
        <source>their part in %1 activities</source>
        <translation>deltagelsen i %1 aktiviteter</translation>
    </message>
    <message>
        <source>%1 relations to other people</source>
        <translation>%1 relationer til andre personer</translation>
    </message>
    <message>
        <source>the notes of %1 1:1 talks about them</source>
        <translation>noterne fra %1 1:1-samtaler om personen</translation>
    </message>
    <message>
        <source>%1 observations they raised</source>
        <translation>%1 observationer, personen har bragt op</translation>
    </message>
    <message>
        <source>%1 actions they own</source>
        <translation>%1 handlinger, personen er ansvarlig for</translation>
    </message>
    <message>
        <source>Erase %1 for good? This cannot be undone.</source>
        <translation>Vil du slette %1 for altid? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>Fjernes: %1.</translation>
    </message>
    <message>
        <source>Kept, without the link to them: %1.</source>
        <translation>Beholdes, men uden kobling til personen: %1.</translation>
    </message>
    <message>
        <source>Colleagues&apos; notebooks erase them too at their next sync.</source>
        <translation>Kollegernes notesbøger sletter også personen ved deres næste synkronisering.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Gennemgangsdato</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Dage over</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Sidst set</translation>
    </message>
</context>
<context>
    <name>RouteCanvas</name>
    <message>
        <source>Route map</source>
        <translation>Rutekort</translation>
    </message>
    <message>
        <source>No GPS track yet</source>
        <translation>Intet GPS-spor endnu</translation>
    </message>
    <message>
        <source>Start and end</source>
        <translation>Start og slut</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <source>Import GPX track…</source>
        <translation>Importer GPX-spor…</translation>
    </message>
    <message>
        <source>Give the items placed by time this position, so colleagues see it too (a photo&apos;s own GPS position is never changed)</source>
        <translation>Giv de punkter, der er placeret efter tid, denne position, så kollegerne også ser den (et billedes egen GPS-position ændres aldrig)</translation>
    </message>
    <message>
        <source>Camera clock is behind by</source>
        <translation>Kameraets ur går bagud med</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Camera clock offset in seconds</source>
        <translation>Kameraets tidsforskydning i sekunder</translation>
    </message>
    <message>
        <source>Seconds to add to the photos&apos; times; negative if the camera was ahead</source>
        <translation>Sekunder, der lægges til fotoenes tidspunkter; negativt, hvis kameraets ur gik foran</translation>
    </message>
    <message>
        <source>Save positions on the items</source>
        <translation>Gem positionerne på observationer og fotos</translation>
    </message>
    <message>
        <source>Guess the clock from a photo…</source>
        <translation>Gæt uret ud fra et billede…</translation>
    </message>
    <message>
        <source>Choose a photo in the lists, then click the map where it was taken</source>
        <translation>Vælg et billede i listerne, og klik så på kortet, hvor det blev taget</translation>
    </message>
    <message>
        <source>From a photo of the GPS screen…</source>
        <translation>Ud fra et billede af GPS-skærmen…</translation>
    </message>
    <message>
        <source>Choose the photo of the GPS or phone screen, then type the time it shows</source>
        <translation>Vælg billedet af GPS- eller telefonskærmen, og skriv så det klokkeslæt, den viser</translation>
    </message>
    <message>
        <source>Place on the map…</source>
        <translation>Placér på kortet…</translation>
    </message>
    <message>
        <source>Choose an item in the lists, then click the route where it belongs</source>
        <translation>Vælg et punkt i listerne, og klik så på ruten, hvor det hører til</translation>
    </message>
    <message>
        <source>Observations and photos in walking order</source>
        <translation>Observationer og fotos i den rækkefølge, de blev set</translation>
    </message>
    <message>
        <source>Not placed on the route:</source>
        <translation>Ikke placeret på ruten:</translation>
    </message>
    <message>
        <source>Observations and photos not placed on the route</source>
        <translation>Observationer og billeder, der ikke er placeret på ruten</translation>
    </message>
    <message>
        <source>No GPS track yet. Import the GPX file your phone or GPS recorded on the walk.</source>
        <translation>Intet GPS-spor endnu. Importer den GPX-fil, din telefon eller GPS optog på turen.</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>Afstand: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Varighed: %1</translation>
    </message>
    <message>
        <source>%1 of %2 placed</source>
        <translation>%1 af %2 placeret</translation>
    </message>
    <message>
        <source>Choose a photo or observation in the lists to place it by hand or to set the camera clock from it.</source>
        <translation>Vælg et billede eller en observation i listerne for at placere det i hånden eller stille kameraets ur ud fra det.</translation>
    </message>
    <message>
        <source>Click the map where the photo »%1« was taken.</source>
        <translation>Klik på kortet, hvor billedet »%1« blev taget.</translation>
    </message>
    <message>
        <source>Click the route where »%1« belongs.</source>
        <translation>Klik på ruten, hvor »%1« hører til.</translation>
    </message>
    <message>
        <source>The item was not placed</source>
        <translation>Punktet blev ikke placeret</translation>
    </message>
    <message>
        <source>(The GPS was there at %1; the camera said %2.)</source>
        <translation>(GPS&apos;en var der kl. %1; kameraet sagde %2.)</translation>
    </message>
    <message>
        <source>Camera clock</source>
        <translation>Kameraets ur</translation>
    </message>
    <message>
        <source>Use this offset</source>
        <translation>Brug denne forskel</translation>
    </message>
    <message>
        <source>Import GPX track</source>
        <translation>Importer GPX-spor</translation>
    </message>
    <message>
        <source>GPX tracks (*.gpx);;All files (*)</source>
        <translation>GPX-spor (*.gpx);;Alle filer (*)</translation>
    </message>
    <message>
        <source>The GPX track was not imported</source>
        <translation>GPX-sporet blev ikke importeret</translation>
    </message>
    <message>
        <source>The camera clock offset was not saved</source>
        <translation>Kameraets tidsforskydning blev ikke gemt</translation>
    </message>
    <message>
        <source>The positions were not saved</source>
        <translation>Positionerne blev ikke gemt</translation>
    </message>
</context>
<context>
    <name>RoutePlacesModel</name>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>by GPS</source>
        <translation>efter GPS</translation>
    </message>
    <message>
        <source>the photo&apos;s own GPS position</source>
        <translation>billedets egen GPS-position</translation>
    </message>
    <message>
        <source>placed by time</source>
        <translation>placeret efter tid</translation>
    </message>
    <message>
        <source>placed by hand or saved earlier</source>
        <translation>placeret i hånden eller gemt tidligere</translation>
    </message>
    <message>
        <source>; its own GPS position is %1 away</source>
        <translation>; dens egen GPS-position er %1 væk</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Activities</source>
        <translation>Aktiviteter</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Områder</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationer</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Billeder og filer</translation>
    </message>
    <message>
        <source>Survey statements</source>
        <translation>Spørgeskemaudsagn</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>Search everything: words, names, places … (prefix* and &quot;exact phrase&quot; work)</source>
        <translation>Søg i alt: ord, navne, steder … (begyndelse* og &quot;præcis frase&quot; virker)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Søgestatus</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Søgeresultater</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Ingen resultater.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n resultat</numerusform>
            <numerusform>%n resultater</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), showing %1–%2</source>
        <translation>
            <numerusform>%n resultat, viser %1–%2</numerusform>
            <numerusform>%n resultater, viser %1–%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetExporter</name>
    <message>
        <source>Save the spreadsheet as</source>
        <translation>Gem regnearket som</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-projektmapper (*.xlsx)</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>Mappe til CSV-filerne</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n række skrevet til %1.</numerusform>
            <numerusform>%n rækker skrevet til %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Spreadsheet ready</source>
        <translation>Regnearket er klar</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Åbn det</translation>
    </message>
    <message>
        <source>Export spreadsheet</source>
        <translation>Eksportér regneark</translation>
    </message>
</context>
<context>
    <name>SheetOptionsDialog</name>
    <message>
        <source>Export spreadsheet</source>
        <translation>Eksportér regneark</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alle områder</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx), one sheet per kind</source>
        <translation>Excel-projektmappe (.xlsx), ét ark pr. slags</translation>
    </message>
    <message>
        <source>CSV files for Danish Excel (;), one per kind</source>
        <translation>CSV-filer til dansk Excel (;), én pr. slags</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Language of the headers</source>
        <translation>Overskrifternes sprog</translation>
    </message>
    <message>
        <source>Internal (names everyone, with contact details and 1:1 talks)</source>
        <translation>Intern (alle navne, kontaktoplysninger og 1:1-samtaler)</translation>
    </message>
    <message>
        <source>Everything is included: names of people who have not agreed to be named, phone numbers, e-mails, consent and the content of 1:1 talks. Every sheet is marked Internal. Do not pass it on outside the municipality.</source>
        <translation>Alt kommer med: navne på personer, der ikke har sagt ja til at blive nævnt, telefonnumre, e-mails, samtykker og indholdet af 1:1-samtaler. Hvert ark mærkes Intern. Må ikke gives videre uden for kommunen.</translation>
    </message>
    <message>
        <source>Without Internal, the same rules as the council report apply: names only with consent, no 1:1 content, counts under 5 people shown as &apos;under 5&apos;.</source>
        <translation>Uden Intern gælder de samme regler som i rapporten til udvalget: navne kun med samtykke, intet fra 1:1-samtaler, antal under 5 personer vises som »under 5«.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
</context>
<context>
    <name>SurveyModel</name>
    <message>
        <source>Statement</source>
        <translation>Udsagn</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
</context>
<context>
    <name>SurveyPanel</name>
    <message>
        <source>How many answered what? Type the counts; percentages follow. Double-click a statement to change its wording.</source>
        <translation>Hvor mange svarede hvad? Skriv antallene; procenterne følger med. Dobbeltklik på et udsagn for at ændre ordlyden.</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Spørgeskema</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synchronise</source>
        <translation>Synkroniser</translation>
    </message>
    <message>
        <source>Exchange changes with colleagues through a shared folder or a sync file. Everyone must use the same passphrase.</source>
        <translation>Udveksl ændringer med kolleger gennem en delt mappe eller en synkroniseringsfil. Alle skal bruge den samme adgangssætning.</translation>
    </message>
    <message>
        <source>Synchronise with a shared folder</source>
        <translation>Synkroniser med en delt mappe</translation>
    </message>
    <message>
        <source>Import a sync file</source>
        <translation>Indlæs en synkroniseringsfil</translation>
    </message>
    <message>
        <source>Export to a sync file</source>
        <translation>Eksporter til en synkroniseringsfil</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Mappe eller fil</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>Remember the passphrase on this computer</source>
        <translation>Husk adgangssætningen på denne computer</translation>
    </message>
    <message>
        <source>Open the conflicts</source>
        <translation>Åbn konflikterne</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>This computer has no key store in which the passphrase could be kept safely, so it is not remembered. Type it each time.</source>
        <translation>Computeren har ingen nøglering, hvor adgangssætningen kan gemmes sikkert, så den huskes ikke. Skriv den hver gang.</translation>
    </message>
    <message>
        <source>Kept in the computer&apos;s key store, never in a file.</source>
        <translation>Gemmes i computerens nøglering, aldrig i en fil.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Indlæs</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Feltbog sync files (*%1)</source>
        <translation>Feltbog-synkroniseringsfiler (*%1)</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>Vælg den delte mappe</translation>
    </message>
    <message>
        <source>Choose the sync file</source>
        <translation>Vælg synkroniseringsfilen</translation>
    </message>
    <message>
        <source>Save the sync file as</source>
        <translation>Gem synkroniseringsfilen som</translation>
    </message>
    <message>
        <source>A notebook held only in memory cannot be synchronised.</source>
        <translation>En notesbog, der kun findes i hukommelsen, kan ikke synkroniseres.</translation>
    </message>
    <message>
        <source>Choose a folder or a file first.</source>
        <translation>Vælg først en mappe eller en fil.</translation>
    </message>
    <message>
        <source>Type the passphrase your team agreed on.</source>
        <translation>Skriv den adgangssætning, I har aftalt i teamet.</translation>
    </message>
    <message>
        <source>The key store did not take the passphrase, so it is not remembered.</source>
        <translation>Nøgleringen tog ikke imod adgangssætningen, så den huskes ikke.</translation>
    </message>
    <message>
        <source>Stopping the synchronisation …</source>
        <translation>Stopper synkroniseringen …</translation>
    </message>
    <message>
        <source>The synchronisation was cancelled. The files read in before that are kept; the rest follows next time.</source>
        <translation>Synkroniseringen blev annulleret. De filer, der allerede var læst ind, er bevaret; resten kommer med næste gang.</translation>
    </message>
    <message>
        <source>The synchronisation was cancelled. Nothing was changed.</source>
        <translation>Synkroniseringen blev annulleret. Intet blev ændret.</translation>
    </message>
    <message>
        <source>Not synchronised</source>
        <translation>Ikke synkroniseret</translation>
    </message>
    <message>
        <source>Stop the synchronisation?</source>
        <translation>Stop synkroniseringen?</translation>
    </message>
    <message>
        <source>The synchronisation is still running. Stop it and close? Nothing from the file being read is kept.</source>
        <translation>Synkroniseringen kører stadig. Vil du stoppe den og lukke? Intet fra den fil, der læses, bliver gemt.</translation>
    </message>
    <message>
        <source>The file was not imported. Nothing was changed.</source>
        <translation>Filen blev ikke indlæst. Intet blev ændret.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) came in</source>
        <translation>
            <numerusform>%n ændring kom ind</numerusform>
            <numerusform>%n ændringer kom ind</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new from colleagues.</source>
        <translation>Intet nyt fra kollegerne.</translation>
    </message>
    <message>
        <source>The file held nothing new for this notebook.</source>
        <translation>Filen havde intet nyt til denne notesbog.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of yours went to</source>
        <translation>
            <numerusform>%n ændring fra dig blev skrevet til</numerusform>
            <numerusform>%n ændringer fra dig blev skrevet til</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1.</source>
        <translation>i %1.</translation>
    </message>
    <message>
        <source>You had no new changes to send.</source>
        <translation>Du havde ingen nye ændringer at sende.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your choice.</source>
        <translation>
            <numerusform>%n konflikt venter på dit valg.</numerusform>
            <numerusform>%n konflikter venter på dit valg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read:</source>
        <translation>
            <numerusform>%n fil kunne ikke læses:</numerusform>
            <numerusform>%n filer kunne ikke læses:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged file(s) were skipped, as last time.</source>
        <translation>
            <numerusform>%n beskadiget fil blev sprunget over, som sidst.</numerusform>
            <numerusform>%n beskadigede filer blev sprunget over, som sidst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n file(s).</source>
        <translation>
            <numerusform>fra %n fil.</numerusform>
            <numerusform>fra %n filer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open the conflicts (%n)</source>
        <translation>
            <numerusform>Åbn konflikten (%n)</numerusform>
            <numerusform>Åbn konflikterne (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>The file &apos;%1&apos; would delete %2 of the %3 records in this notebook. That happens when a colleague has cleared out a lot, but also when a file comes from a notebook that lost its data. Import it anyway and delete them?</source>
        <translation>Filen »%1« ville slette %2 af notesbogens %3 poster. Det sker, når en kollega har ryddet meget op, men også når en fil kommer fra en notesbog, der har mistet sine data. Indlæs den alligevel og slet posterne?</translation>
    </message>
    <message>
        <source>%1 files would delete this much; the answer counts for all of them.</source>
        <translation>%1 filer ville slette så meget; svaret gælder dem alle.</translation>
    </message>
    <message>
        <source>Delete many records?</source>
        <translation>Slet mange poster?</translation>
    </message>
    <message>
        <source>Import and delete</source>
        <translation>Indlæs og slet</translation>
    </message>
</context>
<context>
    <name>UndoStack</name>
    <message>
        <source>Undo change of %1</source>
        <translation>Fortryd ændring af %1</translation>
    </message>
</context>
</TS>
