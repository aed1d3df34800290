<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Sync account</source>
        <translation>Sync-Konto</translation>
    </message>
    <message>
        <source>paste the token from your sync server</source>
        <translation>Token vom Sync-Server hier einfügen</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-Adresse</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Signed in to {server}.</source>
        <translation>Angemeldet bei {server}.</translation>
    </message>
    <message>
        <source>Signed out; the token was removed from the keyring.</source>
        <translation>Abgemeldet; das Token wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Was not signed in.</source>
        <translation>Es war keine Anmeldung vorhanden.</translation>
    </message>
</context>
<context>
    <name>BatchWizard</name>
    <message>
        <source>{fg} on {bg}</source>
        <translation>{fg} auf {bg}</translation>
    </message>
    <message>
        <source>modules: {shape}</source>
        <translation>Module: {shape}</translation>
    </message>
    <message>
        <source>eyes: {shape} in {colour}</source>
        <translation>Augen: {shape} in {colour}</translation>
    </message>
    <message>
        <source>eyes: {shape}</source>
        <translation>Augen: {shape}</translation>
    </message>
    <message>
        <source>logo {file}</source>
        <translation>Logo {file}</translation>
    </message>
    <message>
        <source>caption &apos;{caption}&apos;</source>
        <translation>Beschriftung „{caption}“</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>error correction {level}</source>
        <translation>Fehlerkorrektur {level}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Batch import</source>
        <translation>Stapelimport</translation>
    </message>
    <message>
        <source>No file has been read yet.</source>
        <translation>Es wurde noch keine Datei gelesen.</translation>
    </message>
</context>
<context>
    <name>CodeImporter</name>
    <message>
        <source>{kind}: {text}  ({source}, page {page})</source>
        <translation>{kind}: {text}  ({source}, Seite {page})</translation>
    </message>
    <message>
        <source>{kind}: {text}  ({source})</source>
        <translation>{kind}: {text}  ({source})</translation>
    </message>
    <message>
        <source>No QR code found in {file}.</source>
        <translation>In {file} wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <source>No QR code found in the {source}.</source>
        <translation>Kein QR-Code gefunden ({source}).</translation>
    </message>
    <message>
        <source>Open a picture of a QR code</source>
        <translation>Bild eines QR-Codes öffnen</translation>
    </message>
    <message>
        <source>Pictures and PDFs (*.png *.jpg *.jpeg *.webp *.tif *.tiff *.gif *.bmp *.svg *.pdf);;All files (*)</source>
        <translation>Bilder und PDFs (*.png *.jpg *.jpeg *.webp *.tif *.tiff *.gif *.bmp *.svg *.pdf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading {names}…</source>
        <translation>{names} wird gelesen …</translation>
    </message>
    <message>
        <source>pasted picture</source>
        <translation>eingefügtes Bild</translation>
    </message>
    <message>
        <source>The clipboard holds no picture.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <source>Reading the {source}…</source>
        <translation>Wird gelesen: {source} …</translation>
    </message>
    <message>
        <source>There is nothing to read.</source>
        <translation>Es gibt nichts zu lesen.</translation>
    </message>
    <message>
        <source>The {source} is not a picture or a file.</source>
        <translation>Kein Bild und keine Datei: {source}.</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>No QR code found.</source>
        <translation>Kein QR-Code gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>(%n more code(s) found)</source>
        <translation>
            <numerusform>(%n weiterer Code gefunden)</numerusform>
            <numerusform>(%n weitere Codes gefunden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened the {kind} code from {source}</source>
        <translation>{kind}-Code aus {source} geöffnet</translation>
    </message>
    <message>
        <source>Several codes found</source>
        <translation>Mehrere Codes gefunden</translation>
    </message>
    <message>
        <source>Open which code in the editor?</source>
        <translation>Welcher Code soll im Editor geöffnet werden?</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts to review</source>
        <translation>Zu prüfende Sync-Konflikte</translation>
    </message>
    <message>
        <source>Both machines changed these items; the other version was kept as a copy. Open one to compare it with the original, then keep or delete it.</source>
        <translation>Diese Einträge wurden auf beiden Rechnern geändert; die andere Fassung wurde als Kopie behalten. Öffnen Sie eine, vergleichen Sie sie mit dem Original und behalten oder löschen Sie sie dann.</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>conflict copy of {item}</source>
        <translation>Konfliktkopie von {item}</translation>
    </message>
</context>
<context>
    <name>DecodeUi</name>
    <message>
        <source>Open image…</source>
        <translation>Bild öffnen …</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Copy as SVG</source>
        <translation>Als SVG kopieren</translation>
    </message>
    <message>
        <source>Scan details…</source>
        <translation>Scan-Details …</translation>
    </message>
    <message>
        <source>Copy failed</source>
        <translation>Kopieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>QR code copied to the clipboard as SVG</source>
        <translation>QR-Code als SVG in die Zwischenablage kopiert</translation>
    </message>
</context>
<context>
    <name>DropTarget</name>
    <message>
        <source>dropped picture</source>
        <translation>abgelegtes Bild</translation>
    </message>
</context>
<context>
    <name>EditorModel</name>
    <message>
        <source>typing in {field}</source>
        <translation>Eingabe in {field}</translation>
    </message>
    <message>
        <source>changing the type to {kind}</source>
        <translation>Typwechsel zu {kind}</translation>
    </message>
    <message>
        <source>changing the {what}</source>
        <translation>Ändern von {what}</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>QRDesk: unexpected error</source>
        <translation>QRDesk: Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your work was not discarded. Details were written to {log}.</source>
        <translation>Etwas ist schiefgelaufen: {error}

Ihre Arbeit wurde nicht verworfen. Details stehen in {log}.</translation>
    </message>
</context>
<context>
    <name>GradientRow</name>
    <message>
        <source>{title} gradient</source>
        <translation>{title}-Farbverlauf</translation>
    </message>
    <message>
        <source>{title} gradient angle</source>
        <translation>Winkel des {title}-Farbverlaufs</translation>
    </message>
    <message>
        <source>{title} gradient start colour</source>
        <translation>Anfangsfarbe des {title}-Farbverlaufs</translation>
    </message>
    <message>
        <source>{title} gradient end colour</source>
        <translation>Endfarbe des {title}-Farbverlaufs</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <source>{name}[*] — QRDesk</source>
        <translation>{name}[*] — QRDesk</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>applying the preset {name}</source>
        <translation>Anwenden der Stilvorlage {name}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export QR code</source>
        <translation>QR-Code exportieren</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Copy failed</source>
        <translation>Kopieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>QR code copied to the clipboard</source>
        <translation>QR-Code in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name} geöffnet</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved {name} to the library</source>
        <translation>{name} in der Bibliothek gespeichert</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <source>Choose the output</source>
        <translation>Ausgabe wählen</translation>
    </message>
    <message>
        <source>A folder or a .zip gets one file per row; a .pdf is a sheet of labels.</source>
        <translation>Ein Ordner oder eine .zip-Datei erhält eine Datei pro Zeile; eine .pdf-Datei wird ein Etikettenbogen.</translation>
    </message>
    <message>
        <source>Output folder, ZIP or PDF</source>
        <translation>Ausgabeordner, ZIP oder PDF</translation>
    </message>
    <message>
        <source>A folder, a .zip, or a .pdf label sheet</source>
        <translation>Ein Ordner, eine .zip-Datei oder ein .pdf-Etikettenbogen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>Etikettenbogen</translation>
    </message>
    <message>
        <source>Label sheet template</source>
        <translation>Vorlage für den Etikettenbogen</translation>
    </message>
    <message>
        <source>Left margin</source>
        <translation>Linker Rand</translation>
    </message>
    <message>
        <source>Top margin</source>
        <translation>Oberer Rand</translation>
    </message>
    <message>
        <source>First free label</source>
        <translation>Erstes freies Etikett</translation>
    </message>
    <message>
        <source>Printer offset right</source>
        <translation>Druckerversatz nach rechts</translation>
    </message>
    <message>
        <source>Printer offset down</source>
        <translation>Druckerversatz nach unten</translation>
    </message>
    <message>
        <source>Crop marks in the margins</source>
        <translation>Schnittmarken in den Rändern</translation>
    </message>
    <message>
        <source>Calibration page…</source>
        <translation>Kalibrierungsseite …</translation>
    </message>
    <message>
        <source>A page to print on this sheet to measure the printer&apos;s offset</source>
        <translation>Eine Seite zum Drucken auf diesen Bogen, um den Versatz des Druckers zu messen</translation>
    </message>
    <message>
        <source>from the left,</source>
        <translation>von links,</translation>
    </message>
    <message>
        <source>from the top</source>
        <translation>von oben</translation>
    </message>
    <message>
        <source>right,</source>
        <translation>rechts,</translation>
    </message>
    <message>
        <source>down</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>First label at</source>
        <translation>Erstes Etikett bei</translation>
    </message>
    <message>
        <source>Start at label</source>
        <translation>Beginnen bei Etikett</translation>
    </message>
    <message>
        <source>Printer offset</source>
        <translation>Druckerversatz</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Makes</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>a PDF label sheet on {sheet}</source>
        <translation>einen PDF-Etikettenbogen auf {sheet}</translation>
    </message>
    <message>
        <source>a ZIP archive of {format} files</source>
        <translation>ein ZIP-Archiv mit {format}-Dateien</translation>
    </message>
    <message>
        <source>a folder of {format} files</source>
        <translation>einen Ordner mit {format}-Dateien</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>US Letter</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n Etikett</numerusform>
            <numerusform>%n Etiketten</numerusform>
        </translation>
    </message>
    <message>
        <source>({columns} × {rows}) of {width} × {height} mm on {page}, first at {left}, {top} mm, pitch {across} × {down} mm</source>
        <translation>({columns} × {rows}) zu {width} × {height} mm auf {page}, erstes bei {left}, {top} mm, Raster {across} × {down} mm</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Quelle: {source}</translation>
    </message>
    <message>
        <source>Folder of files (*);;ZIP archive (*.zip);;Label sheet PDF (*.pdf)</source>
        <translation>Ordner mit Dateien (*);;ZIP-Archiv (*.zip);;Etikettenbogen als PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Calibration page</source>
        <translation>Kalibrierungsseite</translation>
    </message>
</context>
<context>
    <name>PayloadForm</name>
    <message>
        <source>Payload type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Unknown payload type {kind}</source>
        <translation>Unbekannter Inhaltstyp {kind}</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Problem mit {field}</translation>
    </message>
</context>
<context>
    <name>Payloads</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Any text</source>
        <translation>Beliebiger Text</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <source>Network name (SSID)</source>
        <translation>Netzwerkname (SSID)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Hidden network</source>
        <translation>Verborgenes Netzwerk</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <source>Contact (vCard)</source>
        <translation>Kontakt (vCard)</translation>
    </message>
    <message>
        <source>Contact (MeCard)</source>
        <translation>Kontakt (MeCard)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Telefon (geschäftlich)</translation>
    </message>
    <message>
        <source>Home phone</source>
        <translation>Telefon (privat)</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Bundesland/Region</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Jane</source>
        <translation>Erika</translation>
    </message>
    <message>
        <source>Doe</source>
        <translation>Mustermann</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Kopie (CC)</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Blindkopie (BCC)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>Höhe (m)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Calendar event</source>
        <translation>Kalendertermin</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>2025-06-01 14:00 (local time) or YYYY-MM-DD</source>
        <translation>2025-06-01 14:00 (Ortszeit) oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>2025-06-01 15:30; for all-day events the last day</source>
        <translation>2025-06-01 15:30; bei ganztägigen Terminen der letzte Tag</translation>
    </message>
    <message>
        <source>WPA, WPA2 or WPA3</source>
        <translation>WPA, WPA2 oder WPA3</translation>
    </message>
    <message>
        <source>WEP (old networks)</source>
        <translation>WEP (ältere Netzwerke)</translation>
    </message>
    <message>
        <source>None (open network)</source>
        <translation>Keine (offenes Netzwerk)</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>PreviewStatus</name>
    <message>
        <source>Version and error correction</source>
        <translation>Version und Fehlerkorrektur</translation>
    </message>
    <message>
        <source>Capacity used</source>
        <translation>Belegte Kapazität</translation>
    </message>
    <message>
        <source>Scan check</source>
        <translation>Scan-Prüfung</translation>
    </message>
    <message>
        <source>Version {version} · ECC {level}</source>
        <translation>Version {version} · Fehlerkorrektur {level}</translation>
    </message>
    <message>
        <source>{percent}% of capacity</source>
        <translation>{percent} % der Kapazität</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>does not decode</source>
        <translation>lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Fails: {reasons}</source>
        <translation>Fehlgeschlagen: {reasons}</translation>
    </message>
    <message>
        <source>Scannable, but: {warnings}</source>
        <translation>Lesbar, aber: {warnings}</translation>
    </message>
    <message>
        <source>✓ Scannable</source>
        <translation>✓ Lesbar</translation>
    </message>
</context>
<context>
    <name>PrintAdviceRow</name>
    <message>
        <source>Scan distance</source>
        <translation>Scanabstand</translation>
    </message>
    <message>
        <source>Scan distance unit</source>
        <translation>Einheit des Scanabstands</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>good light</source>
        <translation>gutes Licht</translation>
    </message>
    <message>
        <source>poor light</source>
        <translation>schwaches Licht</translation>
    </message>
    <message>
        <source>Use this size</source>
        <translation>Diese Größe verwenden</translation>
    </message>
    <message>
        <source>Use the advised size</source>
        <translation>Die empfohlene Größe verwenden</translation>
    </message>
    <message>
        <source>Print-size advice appears once there is a code.</source>
        <translation>Die Empfehlung zur Druckgröße erscheint, sobald es einen Code gibt.</translation>
    </message>
    <message>
        <source>At the size set ({module} mm modules) it scans from up to {reach}.</source>
        <translation>In der eingestellten Größe ({module}-mm-Module) ist er aus bis zu {reach} lesbar.</translation>
    </message>
    <message>
        <source>To scan from {distance}: modules at least {module} mm, the code at least {code} across ({total} with its {margin}-module margin)</source>
        <translation>Für einen Scan aus {distance}: Module mindestens {module} mm, der Code mindestens {code} breit ({total} mit seinem Rand von {margin} Modulen)</translation>
    </message>
    <message>
        <source>To scan from {distance} in poor light: modules at least {module} mm, the code at least {code} across ({total} with its {margin}-module margin)</source>
        <translation>Für einen Scan aus {distance} bei schwachem Licht: Module mindestens {module} mm, der Code mindestens {code} breit ({total} mit seinem Rand von {margin} Modulen)</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Records not applied</source>
        <translation>Nicht übernommene Datensätze</translation>
    </message>
    <message>
        <source>Another device or the server sent these records, and this library could not apply them (a newer QRDesk may, or the record is damaged). Syncing goes on without them and your library is unchanged by them; a later version of the same item replaces its entry.</source>
        <translation>Ein anderes Gerät oder der Server hat diese Datensätze gesendet, und diese Bibliothek konnte sie nicht übernehmen (ein neueres QRDesk kann es vielleicht, oder der Datensatz ist beschädigt). Der Abgleich läuft ohne sie weiter, und Ihre Bibliothek bleibt davon unberührt; eine spätere Fassung desselben Eintrags ersetzt seinen Eintrag in dieser Liste.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(keine Kennung)</translation>
    </message>
    <message>
        <source>the record has no valid id</source>
        <translation>der Datensatz hat keine gültige Kennung</translation>
    </message>
</context>
<context>
    <name>Release</name>
    <message>
        <source>it does not decode</source>
        <translation>er lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} fehlgeschlagen</translation>
    </message>
    <message>
        <source>A phone may not read this code: {reasons}.</source>
        <translation>Ein Telefon kann diesen Code womöglich nicht lesen: {reasons}.</translation>
    </message>
    <message>
        <source>This code does not scan</source>
        <translation>Dieser Code ist nicht lesbar</translation>
    </message>
    <message>
        <source>Change the style until the badge says “Scannable”, or go ahead anyway.</source>
        <translation>Ändern Sie den Stil, bis die Anzeige „Lesbar“ meldet, oder fahren Sie trotzdem fort.</translation>
    </message>
    <message>
        <source>{action} anyway</source>
        <translation>Trotzdem: {action}</translation>
    </message>
    <message>
        <source>This code does not scan: {reasons}.</source>
        <translation>Dieser Code ist nicht lesbar: {reasons}.</translation>
    </message>
</context>
<context>
    <name>RobustnessBadge</name>
    <message>
        <source>Robustness score</source>
        <translation>Robustheitswert</translation>
    </message>
    <message>
        <source>Robustness…</source>
        <translation>Robustheit …</translation>
    </message>
    <message>
        <source>Reading the code with three readers under seven conditions</source>
        <translation>Der Code wird mit drei Lesern unter sieben Bedingungen gelesen</translation>
    </message>
    <message>
        <source>{summary}{lint}
Click for details</source>
        <translation>{summary}{lint}
Für Details klicken</translation>
    </message>
</context>
<context>
    <name>RowsPage</name>
    <message>
        <source>Check columns and rows</source>
        <translation>Spalten und Zeilen prüfen</translation>
    </message>
    <message>
        <source>These are the codes the first rows will become. Change a column below if the mapping is wrong; rows listed as failing are reported and skipped.</source>
        <translation>Zu diesen Codes werden die ersten Zeilen. Ändern Sie unten eine Spalte, wenn die Zuordnung nicht stimmt; als fehlerhaft aufgeführte Zeilen werden gemeldet und übersprungen.</translation>
    </message>
    <message>
        <source>First rows as they will be encoded</source>
        <translation>Die ersten Zeilen, wie sie codiert werden</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Encodes</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>File or caption</source>
        <translation>Datei oder Beschriftung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rows that will fail</source>
        <translation>Zeilen, die fehlschlagen werden</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>Spalte für {field}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Choose one of: {columns}</source>
        <translation>Wählen Sie eine davon: {columns}</translation>
    </message>
    <message>
        <source>⚠ {problem}. Choose it under “{field}”.</source>
        <translation>⚠ {problem}. Wählen Sie sie unter „{field}“.</translation>
    </message>
    <message>
        <source>column {letter}</source>
        <translation>Spalte {letter}</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <source>column order (no header row)</source>
        <translation>Spaltenreihenfolge (keine Kopfzeile)</translation>
    </message>
    <message>
        <source>the only column with data</source>
        <translation>die einzige Spalte mit Daten</translation>
    </message>
    <message>
        <source>header {name}</source>
        <translation>Kopfzeile {name}</translation>
    </message>
    <message>
        <source>holds {what}</source>
        <translation>enthält {what}</translation>
    </message>
    <message>
        <source>{target} ← {column}</source>
        <translation>{target} ← {column}</translation>
    </message>
    <message>
        <source>not used: {columns}</source>
        <translation>nicht verwendet: {columns}</translation>
    </message>
    <message>
        <source>✓ Column chosen: the mapping below is what the run uses.</source>
        <translation>✓ Spalte gewählt: Der Lauf verwendet die Zuordnung unten.</translation>
    </message>
    <message>
        <source>{ready}, {skipped}, {failing}.</source>
        <translation>{ready}, {skipped}, {failing}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready</source>
        <translation>
            <numerusform>%n Zeile bereit</numerusform>
            <numerusform>%n Zeilen bereit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blank row(s) skipped</source>
        <translation>
            <numerusform>%n leere Zeile übersprungen</numerusform>
            <numerusform>%n leere Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n will fail</source>
        <translation>
            <numerusform>%n wird fehlschlagen</numerusform>
            <numerusform>%n werden fehlschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>blank: skipped</source>
        <translation>leer: übersprungen</translation>
    </message>
    <message>
        <source>fails: {reason}</source>
        <translation>Fehler: {reason}</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Make the codes</source>
        <translation>Codes erzeugen</translation>
    </message>
    <message>
        <source>Add the codes to the library</source>
        <translation>Die Codes zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>Fortschritt des Stapelimports</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Makes {output} in {folder}; style: {style}.</source>
        <translation>Erzeugt {output} in {folder}; Stil: {style}.</translation>
    </message>
    <message>
        <source>Batch import</source>
        <translation>Stapelimport</translation>
    </message>
    <message>
        <source>Choose where the codes go: a folder, a .zip or a .pdf.</source>
        <translation>Wählen Sie, wohin die Codes kommen: ein Ordner, eine .zip- oder eine .pdf-Datei.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the running codes to finish…</source>
        <translation>Wird abgebrochen: Warten, bis die laufenden Codes fertig sind …</translation>
    </message>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n Etikett</numerusform>
            <numerusform>%n Etiketten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n Code</numerusform>
            <numerusform>%n Codes</numerusform>
        </translation>
    </message>
    <message>
        <source>{made} written as {format} to {output}</source>
        <translation>{made} als {format} nach {output} geschrieben</translation>
    </message>
    <message>
        <source>{done}, {skipped}, {failed}</source>
        <translation>{done}, {skipped}, {failed}</translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n fertig</numerusform>
            <numerusform>%n fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>failed rows listed in {file}</source>
        <translation>fehlgeschlagene Zeilen sind in {file} aufgeführt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Batch import failed</source>
        <translation>Stapelimport fehlgeschlagen</translation>
    </message>
    <message>
        <source>Adding to the library failed</source>
        <translation>Hinzufügen zur Bibliothek fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ScanDetailsDialog</name>
    <message>
        <source>Scan details</source>
        <translation>Scan-Details</translation>
    </message>
    <message>
        <source>Conditions and readers</source>
        <translation>Bedingungen und Leser</translation>
    </message>
    <message>
        <source>The thorough check runs once the code has been still for a moment.</source>
        <translation>Die gründliche Prüfung läuft, sobald sich der Code einen Moment nicht mehr geändert hat.</translation>
    </message>
    <message>
        <source>undisturbed</source>
        <translation>ungestört</translation>
    </message>
    <message>
        <source>✓ reads it</source>
        <translation>✓ liest ihn</translation>
    </message>
    <message>
        <source>✗ fails</source>
        <translation>✗ scheitert</translation>
    </message>
    <message>
        <source>No notes on the payload.</source>
        <translation>Keine Hinweise zum Inhalt.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>A spreadsheet (.xlsx, .ods, .xls), a .csv table, or a .txt file (tab-separated text is a table; other text is one payload a line). You can also drop the file here.</source>
        <translation>Eine Tabellenkalkulation (.xlsx, .ods, .xls), eine .csv-Tabelle oder eine .txt-Datei (durch Tabulatoren getrennter Text ist eine Tabelle; sonst ist jede Zeile ein Inhalt). Sie können die Datei auch hier ablegen.</translation>
    </message>
    <message>
        <source>Input file</source>
        <translation>Eingabedatei</translation>
    </message>
    <message>
        <source>Drop a spreadsheet, .csv or .txt file here</source>
        <translation>Tabellenkalkulation, .csv- oder .txt-Datei hier ablegen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>Payload type for every row</source>
        <translation>Inhaltstyp für jede Zeile</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Each row is a</source>
        <translation>Jede Zeile ist ein(e)</translation>
    </message>
    <message>
        <source>Choose rows</source>
        <translation>Zeilen wählen</translation>
    </message>
    <message>
        <source>Spreadsheets and text (*.xlsx *.xlsm *.ods *.xls *.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tabellen und Text (*.xlsx *.xlsm *.ods *.xls *.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Die Datei kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Style</name>
    <message>
        <source>in</source>
        <translation>Zoll</translation>
    </message>
    <message>
        <source>foreground colour</source>
        <translation>Vordergrundfarbe</translation>
    </message>
    <message>
        <source>background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <source>eye colour</source>
        <translation>Augenfarbe</translation>
    </message>
    <message>
        <source>error correction</source>
        <translation>Fehlerkorrektur</translation>
    </message>
    <message>
        <source>quiet zone</source>
        <translation>Ruhezone</translation>
    </message>
    <message>
        <source>module shape</source>
        <translation>Modulform</translation>
    </message>
    <message>
        <source>eye shape</source>
        <translation>Augenform</translation>
    </message>
    <message>
        <source>logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>logo size</source>
        <translation>Logogröße</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Micro QR</source>
        <translation>Micro-QR</translation>
    </message>
    <message>
        <source>character set</source>
        <translation>Zeichensatz</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>size unit</source>
        <translation>Größeneinheit</translation>
    </message>
    <message>
        <source>size mode</source>
        <translation>Größenbezug</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>module gradient</source>
        <translation>Modul-Farbverlauf</translation>
    </message>
    <message>
        <source>eye gradient</source>
        <translation>Augen-Farbverlauf</translation>
    </message>
    <message>
        <source>error correction boost</source>
        <translation>Anhebung der Fehlerkorrektur</translation>
    </message>
    <message>
        <source>L — restores 7 %</source>
        <translation>L — stellt 7 % wieder her</translation>
    </message>
    <message>
        <source>M — restores 15 %</source>
        <translation>M — stellt 15 % wieder her</translation>
    </message>
    <message>
        <source>Q — restores 25 %</source>
        <translation>Q — stellt 25 % wieder her</translation>
    </message>
    <message>
        <source>H — restores 30 %</source>
        <translation>H — stellt 30 % wieder her</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Quadratisch</translation>
    </message>
    <message>
        <source>Rounded</source>
        <translation>Abgerundet</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Kreis</translation>
    </message>
    <message>
        <source>Automatic (UTF-8 when needed)</source>
        <translation>Automatisch (UTF-8 bei Bedarf)</translation>
    </message>
    <message>
        <source>Latin-1 (ISO-8859-1)</source>
        <translation>Latin-1 (ISO-8859-1)</translation>
    </message>
    <message>
        <source>per module</source>
        <translation>pro Modul</translation>
    </message>
    <message>
        <source>whole code</source>
        <translation>ganzer Code</translation>
    </message>
    <message>
        <source>none</source>
        <translation>kein</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>radial</source>
        <translation>radial</translation>
    </message>
</context>
<context>
    <name>StylePage</name>
    <message>
        <source>Choose the look</source>
        <translation>Aussehen wählen</translation>
    </message>
    <message>
        <source>Every code of the batch gets this style. Per-row colour, logo and error correction columns in the file override it for their rows.</source>
        <translation>Jeder Code des Stapels erhält diesen Stil. Spalten für Farbe, Logo und Fehlerkorrektur in der Datei gelten für ihre Zeilen vorrangig.</translation>
    </message>
    <message>
        <source>Plain: black on white, square modules, no logo, no caption</source>
        <translation>Schlicht: schwarz auf weiß, quadratische Module, kein Logo, keine Beschriftung</translation>
    </message>
    <message>
        <source>The editor&apos;s current style</source>
        <translation>Der aktuelle Stil des Editors</translation>
    </message>
    <message>
        <source>A preset:</source>
        <translation>Eine Stilvorlage:</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Stilvorlage</translation>
    </message>
    <message>
        <source>&lt;b&gt;Every code:&lt;/b&gt; {style}</source>
        <translation>&lt;b&gt;Jeder Code:&lt;/b&gt; {style}</translation>
    </message>
</context>
<context>
    <name>StylePanel</name>
    <message>
        <source>Module colour</source>
        <translation>Modulfarbe</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <source>Eye colour</source>
        <translation>Augenfarbe</translation>
    </message>
    <message>
        <source>module colour</source>
        <translation>Modulfarbe</translation>
    </message>
    <message>
        <source>Eyes in the module colour</source>
        <translation>Augen in der Modulfarbe</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Error correction</source>
        <translation>Fehlerkorrektur</translation>
    </message>
    <message>
        <source>Quiet zone in modules</source>
        <translation>Ruhezone in Modulen</translation>
    </message>
    <message>
        <source> modules</source>
        <translation> Module</translation>
    </message>
    <message>
        <source>Quiet zone</source>
        <translation>Ruhezone</translation>
    </message>
    <message>
        <source>Module shape</source>
        <translation>Modulform</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Eye shape</source>
        <translation>Augenform</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Augen</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Farbverlauf</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>Augen</translation>
    </message>
    <message>
        <source>Eye gradient</source>
        <translation>Augen-Farbverlauf</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Kein Logo</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Logodatei</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Logo entfernen</translation>
    </message>
    <message>
        <source>Logo size, share of the code&apos;s width</source>
        <translation>Logogröße, Anteil an der Breite des Codes</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Rahmen</translation>
    </message>
    <message>
        <source>Draw a frame</source>
        <translation>Rahmen zeichnen</translation>
    </message>
    <message>
        <source>Caption under the code</source>
        <translation>Beschriftung unter dem Code</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Beschriftung</translation>
    </message>
    <message>
        <source>Micro QR code when the data fits</source>
        <translation>Micro-QR-Code, wenn die Daten passen</translation>
    </message>
    <message>
        <source>Micro QR</source>
        <translation>Micro-QR</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>Zeichensatz</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Size unit</source>
        <translation>Größeneinheit</translation>
    </message>
    <message>
        <source>Size applies to</source>
        <translation>Größe gilt für</translation>
    </message>
    <message>
        <source>Resolution in DPI</source>
        <translation>Auflösung in dpi</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>Scan distance</source>
        <translation>Scanabstand</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>A logo hides modules, so the code uses level H</source>
        <translation>Ein Logo verdeckt Module, daher verwendet der Code Stufe H</translation>
    </message>
    <message>
        <source>stored with the item</source>
        <translation>mit dem Eintrag gespeichert</translation>
    </message>
    <message>
        <source>A Micro QR code has no room for a logo</source>
        <translation>Ein Micro-QR-Code hat keinen Platz für ein Logo</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in to {server}</source>
        <translation>Angemeldet bei {server}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen …</translation>
    </message>
    <message>
        <source>Syncing: {stage}</source>
        <translation>Abgleich: {stage}</translation>
    </message>
    <message>
        <source>Synced: {summary}</source>
        <translation>Abgeglichen: {summary}</translation>
    </message>
    <message>
        <source>Offline: {reason}</source>
        <translation>Offline: {reason}</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Abgleich angehalten</translation>
    </message>
    <message>
        <source>Waiting for confirmation: {reason}</source>
        <translation>Wartet auf Bestätigung: {reason}</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>Abgleich fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync: off</source>
        <translation>Abgleich: aus</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird abgeglichen …</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sync error</source>
        <translation>Abgleichfehler</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Abgleichstatus</translation>
    </message>
    <message>
        <source>Records from the server this library could not apply: see why</source>
        <translation>Datensätze vom Server, die diese Bibliothek nicht übernehmen konnte: Gründe ansehen</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n Konflikt zu prüfen</numerusform>
            <numerusform>%n Konflikte zu prüfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) not applied</source>
        <translation>
            <numerusform>%n Datensatz nicht übernommen</numerusform>
            <numerusform>%n Datensätze nicht übernommen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>Delete items from this library?</source>
        <translation>Einträge aus dieser Bibliothek löschen?</translation>
    </message>
    <message>
        <source>Your other machines deleted {count} of the {total} items in this library.</source>
        <translation>Ihre anderen Rechner haben {count} der {total} Einträge dieser Bibliothek gelöscht.</translation>
    </message>
    <message>
        <source>Delete them here too? If you did not expect this, choose No: nothing is deleted and you can check your other machines first.</source>
        <translation>Auch hier löschen? Wenn Sie das nicht erwartet haben, wählen Sie „Nein“: Es wird nichts gelöscht, und Sie können zuerst Ihre anderen Rechner prüfen.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Abgleich</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Sync account…</source>
        <translation>Sync-Konto …</translation>
    </message>
    <message>
        <source>Conflicts to review…</source>
        <translation>Zu prüfende Konflikte …</translation>
    </message>
    <message>
        <source>Records not applied…</source>
        <translation>Nicht übernommene Datensätze …</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Save the new code “{name}” to the library first?</source>
        <translation>Den neuen Code „{name}“ zuerst in der Bibliothek speichern?</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” first?</source>
        <translation>Die Änderungen an „{name}“ zuerst speichern?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>If you don&apos;t save them, your changes will be lost.</source>
        <translation>Wenn Sie nicht speichern, gehen Ihre Änderungen verloren.</translation>
    </message>
</context>
</TS>
