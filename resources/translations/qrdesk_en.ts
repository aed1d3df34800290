<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CodeImporter</name>
    <message numerus="yes">
        <source>(%n more code(s) found)</source>
        <translation>
            <numerusform>(%n more code found)</numerusform>
            <numerusform>(%n more codes found)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowsPage</name>
    <message numerus="yes">
        <source>%n row(s) ready</source>
        <translation>
            <numerusform>%n row ready</numerusform>
            <numerusform>%n rows ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blank row(s) skipped</source>
        <translation>
            <numerusform>%n blank row skipped</numerusform>
            <numerusform>%n blank rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will fail</source>
        <translation>
            <numerusform>%n will fail</numerusform>
            <numerusform>%n will fail</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) not applied</source>
        <translation>
            <numerusform>%n record not applied</numerusform>
            <numerusform>%n records not applied</numerusform>
        </translation>
    </message>
</context>
</TS>
