<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivityTableModel</name>
    <message numerus="yes">
        <source>%n observation(s)</source>
        <translation>
            <numerusform>%n observation</numerusform>
            <numerusform>%n observations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgencyChart</name>
    <message numerus="yes">
        <source>%n listening meeting(s)</source>
        <translation>
            <numerusform>%n listening meeting</numerusform>
            <numerusform>%n listening meetings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message numerus="yes">
        <source>%n observation(s)</source>
        <translation>
            <numerusform>%n observation</numerusform>
            <numerusform>%n observations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or file(s)</source>
        <translation>
            <numerusform>%n photo or file</numerusform>
            <numerusform>%n photos or files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n survey statement(s)</source>
        <translation>
            <numerusform>%n survey statement</numerusform>
            <numerusform>%n survey statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s) to other people</source>
        <translation>
            <numerusform>%n relation to other people</numerusform>
            <numerusform>%n relations to other people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln activities</source>
        <translation>
            <numerusform>%Ln activity</numerusform>
            <numerusform>%Ln activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open actions</source>
        <translation>
            <numerusform>%Ln open action</numerusform>
            <numerusform>%Ln open actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>%n person imported.</numerusform>
            <numerusform>%n people imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s) left out.</source>
        <translation>
            <numerusform>%n likely duplicate left out.</numerusform>
            <numerusform>%n likely duplicates left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleImportDialog</name>
    <message numerus="yes">
        <source>%n person(s) will be imported</source>
        <translation>
            <numerusform>%n person will be imported</numerusform>
            <numerusform>%n people will be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n person(s)</source>
        <translation>
            <numerusform>Import %n person</numerusform>
            <numerusform>Import %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), showing %1–%2</source>
        <translation>
            <numerusform>%n match, showing %1–%2</numerusform>
            <numerusform>%n matches, showing %1–%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetExporter</name>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>%n change(s) came in</source>
        <translation>
            <numerusform>%n change came in</numerusform>
            <numerusform>%n changes came in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of yours went to</source>
        <translation>
            <numerusform>%n change of yours went to</numerusform>
            <numerusform>%n changes of yours went to</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your choice.</source>
        <translation>
            <numerusform>%n conflict waits for your choice.</numerusform>
            <numerusform>%n conflicts wait for your choice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read:</source>
        <translation>
            <numerusform>%n file could not be read:</numerusform>
            <numerusform>%n files could not be read:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged file(s) were skipped, as last time.</source>
        <translation>
            <numerusform>%n damaged file was skipped, as last time.</numerusform>
            <numerusform>%n damaged files were skipped, as last time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n file(s).</source>
        <translation>
            <numerusform>from %n file.</numerusform>
            <numerusform>from %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open the conflicts (%n)</source>
        <translation>
            <numerusform>Open the conflict (%n)</numerusform>
            <numerusform>Open the conflicts (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
