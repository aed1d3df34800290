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
    <name>LibraryPanel</name>
    <message numerus="yes">
        <source>%Ln item(s) in the trash</source>
        <translation>
            <numerusform>%Ln item in the trash</numerusform>
            <numerusform>%Ln items in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicated %n item(s)</source>
        <translation>
            <numerusform>Duplicated %n item</numerusform>
            <numerusform>Duplicated %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) to the trash</source>
        <translation>
            <numerusform>Moved %n item to the trash</numerusform>
            <numerusform>Moved %n items to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s)</source>
        <translation>
            <numerusform>Restored %n item</numerusform>
            <numerusform>Restored %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n item for good? This cannot be undone.</numerusform>
            <numerusform>Delete %n items for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s) for good</source>
        <translation>
            <numerusform>Deleted %n item for good</numerusform>
            <numerusform>Deleted %n items for good</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n item(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the %n item in the trash for good? This cannot be undone.</numerusform>
            <numerusform>Delete the %n items in the trash for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) to {file}</source>
        <translation>
            <numerusform>Exported %n item to {file}</numerusform>
            <numerusform>Exported %n items to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message numerus="yes">
        <source>%n label(s) of {width} × {height} mm on {page}</source>
        <translation>
            <numerusform>%n label of {width} × {height} mm on {page}</numerusform>
            <numerusform>%n labels of {width} × {height} mm on {page}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RobustnessBadge</name>
    <message numerus="yes">
        <source>%n note(s) on the payload</source>
        <translation>
            <numerusform>%n note on the payload</numerusform>
            <numerusform>%n notes on the payload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Robust {survived}/{conditions} · %n reader(s)</source>
        <translation>
            <numerusform>Robust {survived}/{conditions} · %n reader</numerusform>
            <numerusform>Robust {survived}/{conditions} · %n readers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RobustnessText</name>
    <message numerus="yes">
        <source>survives {survived} of {conditions} conditions on %n reader(s)</source>
        <translation>
            <numerusform>survives {survived} of {conditions} conditions on %n reader</numerusform>
            <numerusform>survives {survived} of {conditions} conditions on %n readers</numerusform>
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
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Tags of %n item(s)</source>
        <translation>
            <numerusform>Tags of %n item</numerusform>
            <numerusform>Tags of %n items</numerusform>
        </translation>
    </message>
</context>
</TS>
