<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
  <context>
    <name>ActionEditor</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="484" />
      <source>Came from:</source>
      <translation>Kom fra:</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="486" />
      <source>Open the activity this action came from</source>
      <translation>Åbn den aktivitet, handlingen kom fra</translation>
    </message>
  </context>
  <context>
    <name>ActionTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="275" />
      <source>Due</source>
      <translation>Frist</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="276" />
      <source>Action</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="277" />
      <source>Owner</source>
      <translation>Ansvarlig</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="278" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="279" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="291" />
      <source>Overdue</source>
      <translation>Overskredet</translation>
    </message>
  </context>
  <context>
    <name>ActionsView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="481" />
      <source>Actions</source>
      <translation>Handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="482" />
      <source>Any status</source>
      <translation>Alle statusser</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="483" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
  </context>
  <context>
    <name>ActivitiesView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="222" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="222" />
      <source>All kinds</source>
      <translation>Alle typer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="223" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="223" />
      <source>All areas</source>
      <translation>Alle områder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="224" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="224" />
      <source>Any status</source>
      <translation>Alle statusser</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="225" />
      <source>Theme</source>
      <translation>Tema</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="225" />
      <source>Any theme</source>
      <translation>Alle temaer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="231" />
      <source>From</source>
      <translation>Fra</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="232" />
      <source>To</source>
      <translation>Til</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="240" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="300" />
      <source>%1 of %2 shown</source>
      <translation>%1 af %2 vist</translation>
    </message>
  </context>
  <context>
    <name>ActivityEditor</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="0" />
      <source>Route map</source>
      <translation>Rutekort</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="182" />
      <source>Observations</source>
      <translation>Observationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="184" />
      <source>Route and details</source>
      <translation>Rute og detaljer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="186" />
      <source>Participants</source>
      <translation>Deltagere</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="188" />
      <source>Photos</source>
      <translation>Billeder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="196" />
      <source>The talk</source>
      <translation>Samtalen</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="197" />
      <source>Next step</source>
      <translation>Næste skridt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="198" />
      <source>Details</source>
      <translation>Detaljer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="202" />
      <source>What we heard</source>
      <translation>Det hørte vi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="204" />
      <source>Survey</source>
      <translation>Spørgeskema</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="206" />
      <source>Meeting</source>
      <translation>Mødet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="208" />
      <source>Named participants</source>
      <translation>Navngivne deltagere</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="165" />
      <source>Export PDF…</source>
      <translation>Eksportér PDF…</translation>
    </message>
  </context>
  <context>
    <name>ActivityRowsModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="202" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="203" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="204" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="205" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
  </context>
  <context>
    <name>ActivityTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="43" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="43" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="43" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="43" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="44" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="44" />
      <source>Obs.</source>
      <translation>Obs.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../fieldapp/ui/list_models.py" line="117" />
      <source>%n observation(s)</source>
      <translation>
        <numerusform>%n observation</numerusform>
        <numerusform>%n observationer</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AreaEditor</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="437" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="439" />
      <source>People (%1)</source>
      <translation>Personer (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="442" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="445" />
      <source>Activities (%1)</source>
      <translation>Aktiviteter (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="448" />
      <source>Open actions</source>
      <translation>Åbne handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="450" />
      <source>Open actions (%1)</source>
      <translation>Åbne handlinger (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="489" />
      <source>Export PDF…</source>
      <translation>Eksportér PDF…</translation>
    </message>
  </context>
  <context>
    <name>AreaTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="249" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="250" />
      <source>Municipality</source>
      <translation>Kommune</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="251" />
      <source>Phase</source>
      <translation>Fase</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="252" />
      <source>Influence</source>
      <translation>Indflydelse</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="253" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="254" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="255" />
      <source>Open actions</source>
      <translation>Åbne handlinger</translation>
    </message>
  </context>
  <context>
    <name>AreasView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="471" />
      <source>Areas</source>
      <translation>Områder</translation>
    </message>
  </context>
  <context>
    <name>BackupTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="38" />
      <source>Taken</source>
      <translation>Taget</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="39" />
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="41" />
      <source>State</source>
      <translation>Tilstand</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="41" />
      <source>Usable</source>
      <translation>Kan bruges</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="43" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="43" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="44" />
      <source>Observations</source>
      <translation>Observationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="44" />
      <source>Actions</source>
      <translation>Handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="50" />
      <source>Daily</source>
      <translation>Daglig</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="51" />
      <source>Made by hand</source>
      <translation>Taget manuelt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="52" />
      <source>Before an import</source>
      <translation>Før en indlæsning</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="53" />
      <source>Before an update</source>
      <translation>Før en opdatering</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="54" />
      <source>Before a restore</source>
      <translation>Før en gendannelse</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="53" />
      <source>Not a database file</source>
      <translation>Ikke en databasefil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="54" />
      <source>Not a Feltbog notebook</source>
      <translation>Ikke en Feltbog-notesbog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="55" />
      <source>Made by a newer version of Feltbog</source>
      <translation>Lavet af en nyere version af Feltbog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="57" />
      <source>Damaged: %1</source>
      <translation>Beskadiget: %1</translation>
    </message>
  </context>
  <context>
    <name>ChangeLogDialog</name>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="317" />
      <location filename="../../fieldapp/ui/privacy_views.py" line="324" />
      <source>Change log</source>
      <translation>Ændringslog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="287" />
      <source>What was saved on this laptop, newest first. Double-click a line to open the record.</source>
      <translation>Hvad der er gemt på denne computer, nyeste først. Dobbeltklik på en linje for at åbne posten.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="297" />
      <source>Show older</source>
      <translation>Vis ældre</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="299" />
      <source>Refresh</source>
      <translation>Opdatér</translation>
    </message>
  </context>
  <context>
    <name>ChangeLogModel</name>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="227" />
      <source>When</source>
      <translation>Hvornår</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="228" />
      <source>What</source>
      <translation>Hvad</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="229" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="229" />
      <source>(no longer in the notebook)</source>
      <translation>(findes ikke længere i notesbogen)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="230" />
      <source>Change</source>
      <translation>Ændring</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="231" />
      <source>Fields</source>
      <translation>Felter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="235" />
      <source>created</source>
      <translation>oprettet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="235" />
      <source>changed</source>
      <translation>ændret</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="235" />
      <source>deleted</source>
      <translation>slettet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="236" />
      <source>erased</source>
      <translation>slettet (persondata)</translation>
    </message>
  </context>
  <context>
    <name>ContactTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="302" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="303" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="304" />
      <source>Last contact</source>
      <translation>Sidste kontakt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="304" />
      <source>never</source>
      <translation>aldrig</translation>
    </message>
  </context>
  <context>
    <name>CrashDialog</name>
    <message>
      <location filename="../../fieldapp/ui/crash.py" line="53" />
      <source>Something went wrong</source>
      <translation>Noget gik galt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/crash.py" line="57" />
      <source>Feltbog met an unexpected error. Your notes are saved up to the last change. Please copy the report below and send it to whoever supports Feltbog for you.</source>
      <translation>Feltbog stødte på en uventet fejl. Dine noter er gemt til og med den sidste ændring. Kopiér rapporten herunder, og send den til den, der hjælper dig med Feltbog.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/crash.py" line="63" />
      <source>The details are also in the log file: %1</source>
      <translation>Detaljerne står også i logfilen: %1</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/crash.py" line="69" />
      <source>Error report</source>
      <translation>Fejlrapport</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/crash.py" line="72" />
      <source>Copy report</source>
      <translation>Kopiér rapport</translation>
    </message>
  </context>
  <context>
    <name>Dialogs</name>
    <message>
      <location filename="../../fieldapp/ui/dialogs.py" line="31" />
      <source>Welcome to Feltbog</source>
      <translation>Velkommen til Feltbog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/dialogs.py" line="33" />
      <source>This is a new notebook. How would you like to start?</source>
      <translation>Det er en ny notesbog. Hvordan vil du begynde?</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/dialogs.py" line="35" />
      <source>Demo data shows the app filled with made-up walkabouts, people and areas. You can start a fresh notebook later.</source>
      <translation>Demodata viser programmet fyldt med opdigtede byvandringer, personer og områder. Du kan begynde på en tom notesbog senere.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/dialogs.py" line="38" />
      <source>Start with demo data</source>
      <translation>Begynd med demodata</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/dialogs.py" line="39" />
      <source>Empty notebook</source>
      <translation>Tom notesbog</translation>
    </message>
  </context>
  <context>
    <name>Editor</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="129" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>EntityForm</name>
    <message>
      <location filename="../../fieldapp/ui/forms.py" line="63" />
      <source>Problem saving</source>
      <translation>Problem med at gemme</translation>
    </message>
  </context>
  <context>
    <name>Feltbog</name>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="90" />
      <source>Feltbog is already open</source>
      <translation>Feltbog er allerede åben</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="91" />
      <source>This notebook is already open in another Feltbog window: %1
Switch to that window, or close it and try again.</source>
      <translation>Notesbogen er allerede åben i et andet Feltbog-vindue: %1
Skift til det vindue, eller luk det og prøv igen.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="106" />
      <location filename="../../fieldapp/ui/app.py" line="164" />
      <source>Cannot open the notebook</source>
      <translation>Notesbogen kan ikke åbnes</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="132" />
      <source>The newest good backup is from %1 and holds %2 people and %3 activities. Restore it now?</source>
      <translation>Den nyeste gode sikkerhedskopi er fra %1 og indeholder %2 personer og %3 aktiviteter. Vil du gendanne den nu?</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="137" />
      <source>The notebook is damaged</source>
      <translation>Notesbogen er beskadiget</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="137" />
      <source>Restore the backup</source>
      <translation>Gendan sikkerhedskopien</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="156" />
      <location filename="../../fieldapp/ui/app.py" line="159" />
      <source>Not restored</source>
      <translation>Ikke gendannet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/app.py" line="174" />
      <source>Restored. The notebook as it was is kept as %1.</source>
      <translation>Gendannet. Notesbogen, som den var, er gemt som %1.</translation>
    </message>
  </context>
  <context>
    <name>HistoryActionsModel</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="410" />
      <source>Due</source>
      <translation>Frist</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="411" />
      <source>Action</source>
      <translation>Handling</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="412" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
  </context>
  <context>
    <name>HistoryActivitiesModel</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="389" />
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="390" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="391" />
      <source>Title</source>
      <translation>Titel</translation>
    </message>
  </context>
  <context>
    <name>HistoryObservationsModel</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="398" />
      <source>Time</source>
      <translation>Tid</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="399" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="400" />
      <source>Observation</source>
      <translation>Observation</translation>
    </message>
  </context>
  <context>
    <name>ListDetailView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="114" />
      <source>Filter…</source>
      <translation>Filtrér…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="115" />
      <source>Quick filter</source>
      <translation>Hurtigfilter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="119" />
      <source>List</source>
      <translation>Liste</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="128" />
      <source>Choose one in the list, or make a new one from the toolbar.</source>
      <translation>Vælg en i listen, eller opret en ny fra værktøjslinjen.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="44" />
      <source>notebook in memory</source>
      <translation>notesbog i hukommelsen</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="49" />
      <location filename="../../fieldapp/ui/main_window.py" line="316" />
      <source>Sections</source>
      <translation>Afsnit</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="80" />
      <source>Overview</source>
      <translation>Overblik</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="81" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="82" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="83" />
      <source>Areas</source>
      <translation>Områder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="84" />
      <source>Actions</source>
      <translation>Handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="85" />
      <location filename="../../fieldapp/ui/main_window.py" line="170" />
      <source>Search</source>
      <translation>Søg</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="161" />
      <source>New walkabout</source>
      <translation>Ny byvandring</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="163" />
      <source>New 1:1 talk</source>
      <translation>Ny 1:1-samtale</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="165" />
      <source>New listening meeting</source>
      <translation>Nyt lyttemøde</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="167" />
      <location filename="../../fieldapp/ui/main_window.py" line="273" />
      <source>New person</source>
      <translation>Ny person</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="168" />
      <location filename="../../fieldapp/ui/main_window.py" line="276" />
      <source>New area</source>
      <translation>Nyt område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="169" />
      <location filename="../../fieldapp/ui/main_window.py" line="279" />
      <source>New action</source>
      <translation>Ny handling</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="172" />
      <source>Next record</source>
      <translation>Næste</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="173" />
      <source>Previous record</source>
      <translation>Forrige</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="174" />
      <source>Quit</source>
      <translation>Afslut</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="182" />
      <source>&amp;File</source>
      <translation>&amp;Filer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="190" />
      <source>&amp;Go</source>
      <translation>&amp;Gå til</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="196" />
      <source>&amp;Settings</source>
      <translation>&amp;Indstillinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="197" />
      <source>Language</source>
      <translation>Sprog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="207" />
      <source>&amp;Help</source>
      <translation>&amp;Hjælp</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="208" />
      <location filename="../../fieldapp/ui/main_window.py" line="319" />
      <source>Keyboard shortcuts</source>
      <translation>Tastaturgenveje</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="209" />
      <location filename="../../fieldapp/ui/main_window.py" line="322" />
      <source>About Feltbog</source>
      <translation>Om Feltbog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="211" />
      <source>Main toolbar</source>
      <translation>Værktøjslinje</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="237" />
      <source>%1 activities · %2 people · %3 open actions</source>
      <translation>%1 aktiviteter · %2 personer · %3 åbne handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="244" />
      <source>Saved</source>
      <translation>Gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="253" />
      <location filename="../../fieldapp/ui/main_window.py" line="263" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="317" />
      <source>Next kind of observation</source>
      <translation>Næste type observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="323" />
      <source>Feltbog %1 — an offline notebook for co-creation work.</source>
      <translation>Feltbog %1 — en notesbog til samskabende arbejde, der virker uden net.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="177" />
      <source>Export PDF…</source>
      <translation>Eksportér PDF…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="178" />
      <source>Restore from backup…</source>
      <translation>Gendan fra sikkerhedskopi…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="179" />
      <source>Personal data review</source>
      <translation>Gennemgang af persondata</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="180" />
      <source>Change log</source>
      <translation>Ændringslog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="207" />
      <source>&amp;Notebook</source>
      <translation>&amp;Notesbog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="332" />
      <source>Export PDF</source>
      <translation>Eksportér PDF</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="333" />
      <source>Open an activity, a person or an area first; its report is then exported.</source>
      <translation>Åbn først en aktivitet, en person eller et område; så eksporteres dens rapport.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="184" />
      <source>Synchronise…</source>
      <translation>Synkroniser…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="185" />
      <location filename="../../fieldapp/ui/main_window.py" line="269" />
      <source>Conflicts</source>
      <translation>Konflikter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="263" />
      <source>Last sync: %1</source>
      <translation>Sidste synkronisering: %1</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="264" />
      <source>Never synchronised</source>
      <translation>Aldrig synkroniseret</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/main_window.py" line="267" />
      <source>%1 conflicts</source>
      <translation>%1 konflikter</translation>
    </message>
  </context>
  <context>
    <name>MentionsModel</name>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="71" />
      <source>Where</source>
      <translation>Hvor</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="72" />
      <source>Text</source>
      <translation>Tekst</translation>
    </message>
  </context>
  <context>
    <name>ObservationCapture</name>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="147" />
      <source>Type what you see or hear and press Enter</source>
      <translation>Skriv det, du ser eller hører, og tryk Enter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="148" />
      <source>New observation</source>
      <translation>Ny observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="153" />
      <source>Themes:</source>
      <translation>Temaer:</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="156" />
      <source>e.g. traffic, playground (comma between themes)</source>
      <translation>fx trafik, legeplads (komma mellem temaer)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="157" />
      <source>Themes for the next observation</source>
      <translation>Temaer for næste observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="173" />
      <source>Observations</source>
      <translation>Observationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="190" />
      <source>%1 — click or press Ctrl+K for the next kind</source>
      <translation>%1 — klik eller tryk Ctrl+K for næste type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="191" />
      <source>Kind of observation: %1</source>
      <translation>Type observation: %1</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="216" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="232" />
      <source>Delete observation</source>
      <translation>Slet observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="232" />
      <source>Delete the selected observation?</source>
      <translation>Slet den valgte observation?</translation>
    </message>
  </context>
  <context>
    <name>ObservationTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="44" />
      <source>Time</source>
      <translation>Tid</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="44" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="44" />
      <source>Observation</source>
      <translation>Observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="44" />
      <source>Themes</source>
      <translation>Temaer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/observations.py" line="44" />
      <source>Votes</source>
      <translation>Stemmer</translation>
    </message>
  </context>
  <context>
    <name>OverviewView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="410" />
      <source>Overdue actions (%1)</source>
      <translation>Overskredne handlinger (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="411" />
      <source>Due in the next 14 days (%1)</source>
      <translation>Frist inden for 14 dage (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="412" />
      <source>Recent activities</source>
      <translation>Seneste aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="413" />
      <source>Not contacted for 60 days (%1)</source>
      <translation>Ikke kontaktet i 60 dage (%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="414" />
      <source>Leadership pipeline per area</source>
      <translation>Lederstigen pr. område</translation>
    </message>
  </context>
  <context>
    <name>ParticipantsModel</name>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="53" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="53" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
  </context>
  <context>
    <name>ParticipantsPanel</name>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="95" />
      <source>Add a person: type a name and press Enter</source>
      <translation>Tilføj en person: skriv et navn, og tryk Enter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="96" />
      <source>Add participant</source>
      <translation>Tilføj deltager</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="106" />
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="114" />
      <source>Participants</source>
      <translation>Deltagere</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="122" />
      <source>Remove</source>
      <translation>Fjern</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="148" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>PeopleTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="220" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="221" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="222" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="223" />
      <source>Leadership stage</source>
      <translation>Lederstige</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="224" />
      <source>Consent</source>
      <translation>Samtykke</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="225" />
      <source>Review after</source>
      <translation>Gennemgås efter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="231" />
      <source>may be named</source>
      <translation>må nævnes</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="233" />
      <source>may be contacted</source>
      <translation>må kontaktes</translation>
    </message>
  </context>
  <context>
    <name>PeopleView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="454" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="455" />
      <source>All areas</source>
      <translation>Alle områder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="456" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="457" />
      <source>Any stage</source>
      <translation>Alle trin</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="458" />
      <source>Leadership stage</source>
      <translation>Lederstige</translation>
    </message>
  </context>
  <context>
    <name>PersonEditor</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="287" />
      <source>Details</source>
      <translation>Detaljer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="292" />
      <source>Consent</source>
      <translation>Samtykke</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="293" />
      <location filename="../../fieldapp/ui/editors.py" line="311" />
      <source>Relations</source>
      <translation>Relationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="294" />
      <source>History</source>
      <translation>Historik</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="301" />
      <source>Add someone they know: type a name and press Enter</source>
      <translation>Tilføj en, de kender: skriv et navn, og tryk Enter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="302" />
      <source>Add a relation</source>
      <translation>Tilføj relation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="368" />
      <location filename="../../fieldapp/ui/editors.py" line="412" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="342" />
      <location filename="../../fieldapp/ui/editors.py" line="345" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="348" />
      <location filename="../../fieldapp/ui/editors.py" line="351" />
      <source>Observations they raised</source>
      <translation>Observationer, de har rejst</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="354" />
      <location filename="../../fieldapp/ui/editors.py" line="357" />
      <source>Actions they own</source>
      <translation>Handlinger, de er ansvarlige for</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="305" />
      <source>Export PDF…</source>
      <translation>Eksportér PDF…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="306" />
      <source>Right of access…</source>
      <translation>Ret til indsigt…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="307" />
      <source>Everything stored about this person, as a PDF and a JSON file (GDPR article 15)</source>
      <translation>Alt, hvad der er gemt om personen, som PDF og som JSON-fil (databeskyttelsesforordningens artikel 15)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="323" />
      <source>Withdraw consent…</source>
      <translation>Tilbagekald samtykke…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="324" />
      <source>Record today that the person withdrew their consent</source>
      <translation>Registrér i dag, at personen har tilbagekaldt sit samtykke</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="347" />
      <source>Record that %1 has withdrawn their consent today?

They will no longer be named in reports or contacted. Their record stays; to remove it, erase the person in the personal data review.</source>
      <translation>Skal det registreres, at %1 har tilbagekaldt sit samtykke i dag?

Personen nævnes så ikke længere ved navn i rapporter og kontaktes ikke. Oplysningerne bliver liggende; de fjernes ved at slette personen under Gennemgang af persondata.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="350" />
      <source>Withdraw consent</source>
      <translation>Tilbagekald samtykke</translation>
    </message>
  </context>
  <context>
    <name>PhotoPanel</name>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="215" />
      <source>Add photos…</source>
      <translation>Tilføj billeder…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="218" />
      <source>or drop photos here</source>
      <translation>eller træk billeder hertil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="232" />
      <source>Photos</source>
      <translation>Billeder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="237" />
      <source>Add photos</source>
      <translation>Tilføj billeder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="237" />
      <source>Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)</source>
      <translation>Billeder (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;Alle filer (*)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="251" />
      <source>Some files were not added</source>
      <translation>Nogle filer blev ikke tilføjet</translation>
    </message>
  </context>
  <context>
    <name>PipelineModel</name>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="322" />
      <source>Area</source>
      <translation>Område</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/list_models.py" line="323" />
      <source>(no area)</source>
      <translation>(intet område)</translation>
    </message>
  </context>
  <context>
    <name>RecordListView</name>
    <message>
      <location filename="../../fieldapp/ui/views.py" line="350" />
      <source>%1 of %2 shown</source>
      <translation>%1 af %2 vist</translation>
    </message>
  </context>
  <context>
    <name>ReferralsPanel</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="228" />
      <source>People they suggested we talk to</source>
      <translation>Personer, de foreslog, vi taler med</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="231" />
      <source>Type a name and press Enter (a new name creates the person)</source>
      <translation>Skriv et navn, og tryk Enter (et nyt navn opretter personen)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="232" />
      <source>Add a suggested person</source>
      <translation>Tilføj en foreslået person</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="249" />
      <source>Nobody yet.</source>
      <translation>Ingen endnu.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="257" />
      <source>Pick the person first</source>
      <translation>Vælg personen først</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="258" />
      <source>Choose whom the talk was with before adding the people they suggested.</source>
      <translation>Vælg, hvem samtalen var med, før du tilføjer de personer, de foreslog.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="268" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>RelationsModel</name>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="372" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="373" />
      <source>Relation</source>
      <translation>Relation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/editors.py" line="379" />
      <source>suggested by them</source>
      <translation>foreslået af dem</translation>
    </message>
  </context>
  <context>
    <name>ReportExporter</name>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="219" />
      <source>Personal data</source>
      <translation>Persondata</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="229" />
      <source>Right of access</source>
      <translation>Indsigt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="208" />
      <location filename="../../fieldapp/ui/report_export.py" line="229" />
      <source>Export PDF</source>
      <translation>Eksportér PDF</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="235" />
      <source>A notebook held only in memory cannot be exported.</source>
      <translation>En notesbog, der kun findes i hukommelsen, kan ikke eksporteres.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="244" />
      <source>Save the PDF as</source>
      <translation>Gem PDF’en som</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="245" />
      <source>PDF documents (*.pdf)</source>
      <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="252" />
      <source>Making the PDF …</source>
      <translation>Laver PDF’en …</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="252" />
      <source>Cancel</source>
      <translation>Annullér</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="289" />
      <source>The PDF was saved as %1 (%2 pages).</source>
      <translation>PDF’en er gemt som %1 (%2 sider).</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="290" />
      <source>PDF ready</source>
      <translation>PDF klar</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="290" />
      <source>Open the PDF</source>
      <translation>Åbn PDF’en</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="296" />
      <source>The PDF was not made</source>
      <translation>PDF'en blev ikke lavet</translation>
    </message>
  </context>
  <context>
    <name>ReportOptionsDialog</name>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="80" />
      <source>Export PDF</source>
      <translation>Eksportér PDF</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="87" />
      <source>Language of the report</source>
      <translation>Rapportens sprog</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="88" />
      <source>Internal report (names everyone)</source>
      <translation>Intern rapport (med alle navne)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="90" />
      <source>The names of all people will be shown, also of those who have not agreed to be named, and every page is marked Internal. Do not pass it on outside the municipality.</source>
      <translation>Alle personers navne vises, også navnene på dem, der ikke har sagt ja til at blive nævnt, og hver side mærkes Intern. Giv den ikke videre uden for kommunen.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="103" />
      <source>From</source>
      <translation>Fra</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="104" />
      <source>To</source>
      <translation>Til</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="105" />
      <source>Leave a date unticked to include everything before or after.</source>
      <translation>Lad en dato stå uden flueben for at tage alt før eller efter med.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/report_export.py" line="112" />
      <source>Export…</source>
      <translation>Eksportér…</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="108" />
      <location filename="../../fieldapp/ui/backup_views.py" line="159" />
      <source>Restore from backup</source>
      <translation>Gendan fra sikkerhedskopi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="91" />
      <source>Choose the copy to go back to. The notebook as it is now is kept as a copy first, so nothing is lost; people erased since the copy stay erased.</source>
      <translation>Vælg den kopi, du vil vende tilbage til. Notesbogen, som den er nu, gemmes først som en kopi, så intet går tabt; personer, der er slettet siden kopien, forbliver slettet.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="99" />
      <source>Backup copies</source>
      <translation>Sikkerhedskopier</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="109" />
      <source>There are no backup copies of this notebook yet.</source>
      <translation>Der er endnu ingen sikkerhedskopier af denne notesbog.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="113" />
      <source>Restore…</source>
      <translation>Gendan…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/backup_views.py" line="137" />
      <source>Go back to the copy from %1?

Changes made since then are not in that copy; the notebook as it is now is kept as a copy of its own.</source>
      <translation>Vil du vende tilbage til kopien fra %1?

Ændringer fra efter dette tidspunkt er ikke med i kopien; notesbogen, som den er nu, gemmes som en kopi for sig.</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="89" />
      <source>Personal data review</source>
      <translation>Gennemgang af persondata</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="91" />
      <source>These people's review date has passed. Keep a person's data until a new date if there is still a reason to, or erase the person.</source>
      <translation>Disse personers gennemgangsdato er overskredet. Behold en persons oplysninger til en ny dato, hvis der stadig er grund til det, eller slet personen.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="96" />
      <source>People due for review</source>
      <translation>Personer til gennemgang</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="99" />
      <source>Nobody is due for review.</source>
      <translation>Ingen skal gennemgås.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="107" />
      <location filename="../../fieldapp/ui/privacy_views.py" line="111" />
      <source>Keep until</source>
      <translation>Behold til</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="109" />
      <source>Erase person…</source>
      <translation>Slet person…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="120" />
      <source>Text that still mentions the name</source>
      <translation>Tekst, der stadig nævner navnet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="162" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="189" />
      <source>Erase person</source>
      <translation>Slet person</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="194" />
      <source>Not erased</source>
      <translation>Ikke slettet</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="200" />
      <source>%1 is erased. This text still mentions the name; open it to check it by hand:</source>
      <translation>%1 er slettet. Denne tekst nævner stadig navnet; åbn den, og ret den i hånden:</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="202" />
      <source>%1 is erased. No other text mentions the name.</source>
      <translation>%1 er slettet. Ingen anden tekst nævner navnet.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="177" />
      <source>the person with contact and consent details</source>
      <translation>personen med kontakt- og samtykkeoplysninger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="179" />
      <source>their part in %1 activities</source>
      <translation>deltagelsen i %1 aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="181" />
      <source>%1 relations to other people</source>
      <translation>%1 relationer til andre personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="183" />
      <source>the notes of %1 1:1 talks about them</source>
      <translation>noterne fra %1 1:1-samtaler om personen</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="186" />
      <source>%1 observations they raised</source>
      <translation>%1 observationer, personen har bragt op</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="188" />
      <source>%1 actions they own</source>
      <translation>%1 handlinger, personen er ansvarlig for</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="189" />
      <source>Erase %1 for good? This cannot be undone.</source>
      <translation>Vil du slette %1 for altid? Det kan ikke fortrydes.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="190" />
      <source>Removed: %1.</source>
      <translation>Fjernes: %1.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="192" />
      <source>Kept, without the link to them: %1.</source>
      <translation>Beholdes, men uden kobling til personen: %1.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="193" />
      <source>Colleagues' notebooks erase them too at their next sync.</source>
      <translation>Kollegernes notesbøger sletter også personen ved deres næste synkronisering.</translation>
    </message>
  </context>
  <context>
    <name>ReviewTableModel</name>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="53" />
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="54" />
      <source>Review date</source>
      <translation>Gennemgangsdato</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="56" />
      <source>Days overdue</source>
      <translation>Dage over</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/privacy_views.py" line="58" />
      <source>Last seen</source>
      <translation>Sidst set</translation>
    </message>
  </context>
  <context>
    <name>SearchResultsModel</name>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="48" />
      <source>Activities</source>
      <translation>Aktiviteter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="49" />
      <source>Observations</source>
      <translation>Observationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="50" />
      <source>People</source>
      <translation>Personer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="51" />
      <source>Areas</source>
      <translation>Områder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="52" />
      <source>Organisations</source>
      <translation>Organisationer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="53" />
      <source>Actions</source>
      <translation>Handlinger</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="54" />
      <source>Photos and files</source>
      <translation>Billeder og filer</translation>
    </message>
  </context>
  <context>
    <name>SearchView</name>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="197" />
      <source>Search everything: words, names, places … (prefix* and "exact phrase" work)</source>
      <translation>Søg i alt: ord, navne, steder … (begyndelse* og "præcis frase" virker)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="198" />
      <source>Search</source>
      <translation>Søg</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="203" />
      <source>Search status</source>
      <translation>Søgestatus</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="211" />
      <source>Search results</source>
      <translation>Søgeresultater</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/search_view.py" line="240" />
      <source>No matches.</source>
      <translation>Ingen resultater.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../fieldapp/ui/search_view.py" line="240" />
      <source>%n match(es)</source>
      <translation>
        <numerusform>%n resultat</numerusform>
        <numerusform>%n resultater</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SurveyModel</name>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="281" />
      <source>Statement</source>
      <translation>Udsagn</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="281" />
      <source>Total</source>
      <translation>I alt</translation>
    </message>
  </context>
  <context>
    <name>SurveyPanel</name>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="357" />
      <source>How many answered what? Type the counts; percentages follow. Double-click a statement to change its wording.</source>
      <translation>Hvor mange svarede hvad? Skriv antallene; procenterne følger med. Dobbeltklik på et udsagn for at ændre ordlyden.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/panels.py" line="364" />
      <source>Survey</source>
      <translation>Spørgeskema</translation>
    </message>
  </context>
  <context>
    <name>RouteCanvas</name>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Route map</source>
      <translation>Rutekort</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>No GPS track yet</source>
      <translation>Intet GPS-spor endnu</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>End</source>
      <translation>Slut</translation>
    </message>
  </context>
  <context>
    <name>RoutePanel</name>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Import GPX track…</source>
      <translation>Importer GPX-spor…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Camera clock is behind by</source>
      <translation>Kameraets ur går bagud med</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Camera clock offset in seconds</source>
      <translation>Kameraets tidsforskydning i sekunder</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Seconds to add to the photos' times; negative if the camera was ahead</source>
      <translation>Sekunder, der lægges til fotoenes tidspunkter; negativt, hvis kameraets ur gik foran</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Save positions on the items</source>
      <translation>Gem positionerne på observationer og fotos</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Give the items placed by time this position, so colleagues see it too</source>
      <translation>Giv det, der er placeret efter tidspunkt, denne position, så kollegerne også ser den</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Observations and photos in walking order</source>
      <translation>Observationer og fotos i den rækkefølge, de blev set</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Not placed on the route:</source>
      <translation>Ikke placeret på ruten:</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>No GPS track yet. Import the GPX file your phone or GPS recorded on the walk.</source>
      <translation>Intet GPS-spor endnu. Importer den GPX-fil, din telefon eller GPS optog på turen.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Distance: %1</source>
      <translation>Afstand: %1</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Duration: %1</source>
      <translation>Varighed: %1</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>%1 of %2 placed</source>
      <translation>%1 af %2 placeret</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Import GPX track</source>
      <translation>Importer GPX-spor</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>GPX tracks (*.gpx);;All files (*)</source>
      <translation>GPX-spor (*.gpx);;Alle filer (*)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>The GPX track was not imported</source>
      <translation>GPX-sporet blev ikke importeret</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>The camera clock offset was not saved</source>
      <translation>Kameraets tidsforskydning blev ikke gemt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>The positions were not saved</source>
      <translation>Positionerne blev ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>RoutePlacesModel</name>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Observation</source>
      <translation>Observation</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>by GPS</source>
      <translation>efter GPS</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/route_view.py" line="0" />
      <source>by time</source>
      <translation>efter tid</translation>
    </message>
  </context>
  <context>
    <name>ConflictInbox</name>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="425" />
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="426" />
      <source>No</source>
      <translation>Nej</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="438" />
      <source>(deleted)</source>
      <translation>(slettet)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="463" />
      <source>Conflicts</source>
      <translation>Konflikter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="466" />
      <source>The same field was changed on two laptops. The value in force is shown first; keep one of the values or type a combined one.</source>
      <translation>Det samme felt er ændret på to computere. Værdien, der gælder nu, står først; behold én af værdierne, eller skriv en samlet værdi.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="472" />
      <source>Record</source>
      <translation>Post</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="472" />
      <source>Field</source>
      <translation>Felt</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="472" />
      <source>Value in force</source>
      <translation>Gældende værdi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="472" />
      <source>Other values</source>
      <translation>Andre værdier</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="480" />
      <source>No conflicts are waiting.</source>
      <translation>Ingen konflikter venter.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="485" />
      <source>Value to keep</source>
      <translation>Værdi, der skal beholdes</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="486" />
      <source>Keep this value</source>
      <translation>Behold denne værdi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="491" />
      <source>Keep</source>
      <translation>Behold</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="493" />
      <source>Combined value</source>
      <translation>Samlet værdi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="494" />
      <location filename="../../fieldapp/ui/sync_view.py" line="547" />
      <source>Type a value that combines both</source>
      <translation>Skriv en værdi, der samler begge</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="495" />
      <source>Use this value</source>
      <translation>Brug denne værdi</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="500" />
      <source>Or combine</source>
      <translation>Eller saml</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="548" />
      <source>Keep one of the values above</source>
      <translation>Behold én af værdierne ovenfor</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="574" />
      <source>Not saved</source>
      <translation>Ikke gemt</translation>
    </message>
  </context>
  <context>
    <name>SyncDialog</name>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="133" />
      <location filename="../../fieldapp/ui/sync_view.py" line="186" />
      <source>Synchronise</source>
      <translation>Synkroniser</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="136" />
      <source>Exchange changes with colleagues through a shared folder or a sync file. Everyone must use the same passphrase.</source>
      <translation>Udveksl ændringer med kolleger gennem en delt mappe eller en synkroniseringsfil. Alle skal bruge den samme adgangssætning.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="142" />
      <source>Synchronise with a shared folder</source>
      <translation>Synkroniser med en delt mappe</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="143" />
      <source>Import a sync file</source>
      <translation>Indlæs en synkroniseringsfil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="144" />
      <source>Export to a sync file</source>
      <translation>Eksporter til en synkroniseringsfil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="152" />
      <source>Folder or file</source>
      <translation>Mappe eller fil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="153" />
      <source>Choose…</source>
      <translation>Vælg…</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="158" />
      <location filename="../../fieldapp/ui/sync_view.py" line="235" />
      <source>Folder</source>
      <translation>Mappe</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="162" />
      <location filename="../../fieldapp/ui/sync_view.py" line="163" />
      <source>Passphrase</source>
      <translation>Adgangssætning</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="164" />
      <source>Remember the passphrase on this computer</source>
      <translation>Husk adgangssætningen på denne computer</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="189" />
      <source>Cancel</source>
      <translation>Annullér</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="211" />
      <source>This computer has no key store in which the passphrase could be kept safely, so it is not remembered. Type it each time.</source>
      <translation>Computeren har ingen nøglering, hvor adgangssætningen kan gemmes sikkert, så den huskes ikke. Skriv den hver gang.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="216" />
      <source>Kept in the computer's key store, never in a file.</source>
      <translation>Gemmes i computerens nøglering, aldrig i en fil.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="235" />
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="244" />
      <source>Feltbog sync files (*%1)</source>
      <translation>Feltbog-synkroniseringsfiler (*%1)</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="246" />
      <source>Choose the shared folder</source>
      <translation>Vælg den delte mappe</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="248" />
      <source>Choose the sync file</source>
      <translation>Vælg synkroniseringsfilen</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="253" />
      <source>Save the sync file as</source>
      <translation>Gem synkroniseringsfilen som</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="262" />
      <source>A notebook held only in memory cannot be synchronised.</source>
      <translation>En notesbog, der kun findes i hukommelsen, kan ikke synkroniseres.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="269" />
      <source>Choose a folder or a file first.</source>
      <translation>Vælg først en mappe eller en fil.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="273" />
      <source>Type the passphrase your team agreed on.</source>
      <translation>Skriv den adgangssætning, I har aftalt i teamet.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="307" />
      <source>The key store did not take the passphrase, so it is not remembered.</source>
      <translation>Nøgleringen tog ikke imod adgangssætningen, så den huskes ikke.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="324" />
      <source>Stopping the synchronisation …</source>
      <translation>Stopper synkroniseringen …</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="342" />
      <source>%1 changes in, %2 out, %3 conflicts</source>
      <translation>%1 ændringer ind, %2 ud, %3 konflikter</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="348" />
      <source>%1 files were not read. %2: %3</source>
      <translation>Filer, der ikke blev læst: %1. %2: %3</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="375" />
      <source>The synchronisation was cancelled. The files read in before that are kept; the rest follows next time.</source>
      <translation>Synkroniseringen blev annulleret. De filer, der allerede var læst ind, er bevaret; resten kommer med næste gang.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="379" />
      <source>The synchronisation was cancelled. Nothing was changed.</source>
      <translation>Synkroniseringen blev annulleret. Intet blev ændret.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="391" />
      <source>Not synchronised</source>
      <translation>Ikke synkroniseret</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="406" />
      <source>Stop the synchronisation?</source>
      <translation>Stop synkroniseringen?</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="407" />
      <source>The synchronisation is still running. Stop it and close? Nothing from the file being read is kept.</source>
      <translation>Synkroniseringen kører stadig. Vil du stoppe den og lukke? Intet fra den fil, der læses, bliver gemt.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="367" />
      <source>The file was not imported. Nothing was changed.</source>
      <translation>Filen blev ikke indlæst. Intet blev ændret.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="389" />
      <source>The file &apos;%1&apos; would delete %2 of the %3 records in this notebook. That happens when a colleague has cleared out a lot, but also when a file comes from a notebook that lost its data. Import it anyway and delete them?</source>
      <translation>Filen »%1« ville slette %2 af notesbogens %3 poster. Det sker, når en kollega har ryddet meget op, men også når en fil kommer fra en notesbog, der har mistet sine data. Indlæs den alligevel og slet posterne?</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="396" />
      <source>%1 files would delete this much; the answer counts for all of them.</source>
      <translation>%1 filer ville slette så meget; svaret gælder dem alle.</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="398" />
      <source>Delete many records?</source>
      <translation>Slet mange poster?</translation>
    </message>
    <message>
      <location filename="../../fieldapp/ui/sync_view.py" line="398" />
      <source>Import and delete</source>
      <translation>Indlæs og slet</translation>
    </message>
  </context>
</TS>