<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutBox</name>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>About QRDesk</source>
        <translation>Über QRDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;QRDesk&lt;/b&gt; {version}&lt;br&gt;Make, check and keep QR codes, offline.</source>
        <translation>&lt;b&gt;QRDesk&lt;/b&gt; {version}&lt;br&gt;QR-Codes erstellen, prüfen und aufbewahren – offline.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Sync account</source>
        <translation>Sync-Konto</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Kopplungscode</translation>
    </message>
    <message>
        <source>Give your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Give the one-time enrollment code.</source>
        <translation>Geben Sie den einmaligen Einladungscode ein.</translation>
    </message>
    <message>
        <source>Give the pairing code.</source>
        <translation>Geben Sie den Kopplungscode ein.</translation>
    </message>
    <message>
        <source>One-time enrollment code (first sign-in)</source>
        <translation>Einmaliger Einladungscode (erste Anmeldung)</translation>
    </message>
    <message>
        <source>Pairing code from a signed-in device</source>
        <translation>Kopplungscode von einem angemeldeten Gerät</translation>
    </message>
    <message>
        <source>Allow unencrypted http:// (a network you trust only)</source>
        <translation>Unverschlüsseltes http:// erlauben (nur in einem vertrauenswürdigen Netz)</translation>
    </message>
    <message>
        <source>Over http:// your password and this device&apos;s token cross the network in clear text: anyone on the way can read them</source>
        <translation>Über http:// gehen Ihr Passwort und das Token dieses Geräts im Klartext durchs Netz: Jeder auf dem Weg kann sie lesen</translation>
    </message>
    <message>
        <source>your user name on the server</source>
        <translation>Ihr Benutzername auf dem Server</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>mindestens {n} Zeichen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>This device&apos;s name</source>
        <translation>Name dieses Geräts</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Devices of this account</source>
        <translation>Geräte dieses Kontos</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Sign the chosen device out: its token stops working at once</source>
        <translation>Das gewählte Gerät abmelden: Sein Token gilt ab sofort nicht mehr</translation>
    </message>
    <message>
        <source>Pairing code for a new device</source>
        <translation>Kopplungscode für ein neues Gerät</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Revoke this device&apos;s token on the server and remove it here</source>
        <translation>Das Token dieses Geräts auf dem Server widerrufen und hier entfernen</translation>
    </message>
    <message>
        <source>Signed in to {server}{who}; this device is listed as “{device}”.</source>
        <translation>Angemeldet bei {server}{who}; dieses Gerät heißt dort „{device}“.</translation>
    </message>
    <message>
        <source>Not signed in. Sign in with the user name and password from whoever runs your sync server (or a code), and this library syncs with your other machines.</source>
        <translation>Nicht angemeldet. Melden Sie sich mit Benutzername und Passwort von der Person an, die Ihren Sync-Server betreibt (oder mit einem Code), dann gleicht sich diese Bibliothek mit Ihren anderen Rechnern ab.</translation>
    </message>
    <message>
        <source>This is this device: use Sign out</source>
        <translation>Das ist dieses Gerät: Verwenden Sie „Abmelden“</translation>
    </message>
    <message>
        <source>Give the address of your sync server.</source>
        <translation>Geben Sie die Adresse Ihres Sync-Servers ein.</translation>
    </message>
    <message>
        <source>Give your user name on the server.</source>
        <translation>Geben Sie Ihren Benutzernamen auf dem Server ein.</translation>
    </message>
    <message>
        <source>Choose a password of at least {n} characters.</source>
        <translation>Wählen Sie ein Passwort mit mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>This server is not encrypted (http://): your password and token would cross the network in clear text. Use https://, or tick “Allow unencrypted http://” if you trust this network.</source>
        <translation>Dieser Server ist nicht verschlüsselt (http://): Ihr Passwort und Token gingen im Klartext durchs Netz. Verwenden Sie https:// oder kreuzen Sie „Unverschlüsseltes http:// erlauben“ an, wenn Sie diesem Netz vertrauen.</translation>
    </message>
    <message>
        <source>Signing in to {server}…</source>
        <translation>Anmeldung bei {server} …</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung …</translation>
    </message>
    <message>
        <source>Signed out: this device&apos;s token was revoked on the server and removed from the keyring.</source>
        <translation>Abgemeldet: Das Token dieses Geräts wurde auf dem Server widerrufen und aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>This device was not signed in.</source>
        <translation>Dieses Gerät war nicht angemeldet.</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>Device id {id}</source>
        <translation>Geräte-ID {id}</translation>
    </message>
    <message>
        <source>Revoke a device</source>
        <translation>Ein Gerät widerrufen</translation>
    </message>
    <message>
        <source>Sign “{name}” out of this account?</source>
        <translation>„{name}“ von diesem Konto abmelden?</translation>
    </message>
    <message>
        <source>Its token stops working at once: it keeps its library, but does not sync until someone signs it in again.</source>
        <translation>Sein Token gilt ab sofort nicht mehr: Es behält seine Bibliothek, gleicht aber erst wieder ab, wenn es erneut angemeldet wird.</translation>
    </message>
    <message>
        <source>Signing “{name}” out…</source>
        <translation>„{name}“ wird abgemeldet …</translation>
    </message>
    <message>
        <source>“{name}” is signed out; its token no longer works.</source>
        <translation>„{name}“ ist abgemeldet; sein Token gilt nicht mehr.</translation>
    </message>
    <message>
        <source>Pairing code: &lt;b&gt;{code}&lt;/b&gt; (one-time, valid {minutes} minutes). On the new device, open Sync → Sync account…, give server {server} and user {user}, choose “Pairing code” and type it.</source>
        <translation>Kopplungscode: &lt;b&gt;{code}&lt;/b&gt; (einmalig, {minutes} Minuten gültig). Öffnen Sie auf dem neuen Gerät Abgleich → Sync-Konto …, geben Sie Server {server} und Benutzer {user} an, wählen Sie „Kopplungscode“ und tippen Sie ihn ein.</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>The library could not be opened: {error}. You can still make and export codes.</source>
        <translation>Die Bibliothek konnte nicht geöffnet werden: {error}. Sie können trotzdem Codes erstellen und exportieren.</translation>
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
    <name>Export</name>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG vector</source>
        <translation>SVG-Vektorgrafik</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>PDF for print shops (CMYK)</source>
        <translation>PDF für Druckereien (CMYK)</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>JPEG-Bild</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>WebP-Bild</translation>
    </message>
    <message>
        <source>TIFF image</source>
        <translation>TIFF-Bild</translation>
    </message>
    <message>
        <source>EPS vector</source>
        <translation>EPS-Vektorgrafik</translation>
    </message>
    <message>
        <source>Text, UTF-8 blocks</source>
        <translation>Text, UTF-8-Blockzeichen</translation>
    </message>
    <message>
        <source>There is nothing to export: the payload is empty.</source>
        <translation>Es gibt nichts zu exportieren: Der Inhalt ist leer.</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Der Drucker konnte nicht geöffnet werden.</translation>
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
    <name>LibraryGrid</name>
    <message>
        <source>Library items</source>
        <translation>Einträge der Bibliothek</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>{name}, {kind} code</source>
        <translation>{name}, {kind}-Code</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notizen: {notes}</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Search the library  ({keys})</source>
        <translation>Bibliothek durchsuchen  ({keys})</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Schlagwort filtern</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Recently created</source>
        <translation>Zuletzt erstellt</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Show the trash</source>
        <translation>Papierkorb anzeigen</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Papierkorb leeren …</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Schlagwörter …</translation>
    </message>
    <message>
        <source>Notes…</source>
        <translation>Notizen …</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Endgültig löschen …</translation>
    </message>
    <message>
        <source>{count}+ items</source>
        <translation>über {count} Einträge</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) in the trash</source>
        <translation>
            <numerusform>%Ln Eintrag im Papierkorb</numerusform>
            <numerusform>%Ln Einträge im Papierkorb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rename failed</source>
        <translation>Umbenennen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes on “{name}”:</source>
        <translation>Notizen zu „{name}“:</translation>
    </message>
    <message>
        <source>Saving the notes failed</source>
        <translation>Speichern der Notizen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Changing tags failed</source>
        <translation>Ändern der Schlagwörter fehlgeschlagen</translation>
    </message>
    <message>
        <source>Duplicate failed</source>
        <translation>Duplizieren fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Duplicated %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag dupliziert</numerusform>
            <numerusform>%n Einträge dupliziert</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete failed</source>
        <translation>Löschen fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n item(s) to the trash</source>
        <translation>
            <numerusform>%n Eintrag in den Papierkorb verschoben</numerusform>
            <numerusform>%n Einträge in den Papierkorb verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellen fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag wiederhergestellt</numerusform>
            <numerusform>%n Einträge wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good?</source>
        <translation>Endgültig löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n Eintrag endgültig löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Einträge endgültig löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s) for good</source>
        <translation>
            <numerusform>%n Eintrag endgültig gelöscht</numerusform>
            <numerusform>%n Einträge endgültig gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>Papierkorb leeren?</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n item(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Den %n Eintrag im Papierkorb endgültig löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Die %n Einträge im Papierkorb endgültig löschen? Das kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Emptying the trash failed</source>
        <translation>Leeren des Papierkorbs fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export library archive</source>
        <translation>Bibliotheksarchiv exportieren</translation>
    </message>
    <message>
        <source>QRDesk library archive (*.zip)</source>
        <translation>QRDesk-Bibliotheksarchiv (*.zip)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n item(s) to {file}</source>
        <translation>
            <numerusform>%n Eintrag nach {file} exportiert</numerusform>
            <numerusform>%n Einträge nach {file} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export library archive failed</source>
        <translation>Export des Bibliotheksarchivs fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exporting the library to {file}…</source>
        <translation>Bibliothek wird nach {file} exportiert …</translation>
    </message>
    <message>
        <source>Import library archive</source>
        <translation>Bibliotheksarchiv importieren</translation>
    </message>
    <message>
        <source>Import library archive failed</source>
        <translation>Import des Bibliotheksarchivs fehlgeschlagen</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert …</translation>
    </message>
    <message>
        <source>Imported: {added} new, {updated} updated, {unchanged} unchanged, {kept} kept (newer here)</source>
        <translation>Importiert: {added} neu, {updated} aktualisiert, {unchanged} unverändert, {kept} behalten (hier neuer)</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Ziehen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>System theme</source>
        <translation>Systemfarbschema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <source>{name}[*] — QRDesk</source>
        <translation>{name}[*] — QRDesk</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stil</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Save to library</source>
        <translation>In Bibliothek &amp;speichern</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>&amp;Batch import…</source>
        <translation>S&amp;tapelimport …</translation>
    </message>
    <message>
        <source>&amp;Import library archive…</source>
        <translation>Bibliotheksarchiv &amp;importieren …</translation>
    </message>
    <message>
        <source>Export library &amp;archive…</source>
        <translation>Bibliotheks&amp;archiv exportieren …</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>D&amp;rucken …</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Druck&amp;vorschau …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>&amp;Bild kopieren</translation>
    </message>
    <message>
        <source>Prefere&amp;nces…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Find in library</source>
        <translation>In Bibliothek &amp;suchen</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Library panel</source>
        <translation>&amp;Bibliotheksleiste</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit the preview</source>
        <translation>Vorschau &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About QRDesk</source>
        <translation>Ü&amp;ber QRDesk</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
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
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>{name} geöffnet</translation>
    </message>
    <message>
        <source>“{name}” is no longer in the library; your changes stay here as a new code</source>
        <translation>„{name}“ ist nicht mehr in der Bibliothek; Ihre Änderungen bleiben hier als neuer Code erhalten</translation>
    </message>
    <message>
        <source>“{name}” is no longer in the library; the editor starts a new code</source>
        <translation>„{name}“ ist nicht mehr in der Bibliothek; der Editor beginnt einen neuen Code</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved {name} to the library</source>
        <translation>{name} in der Bibliothek gespeichert</translation>
    </message>
    <message>
        <source>Save the code to the library first, then duplicate it</source>
        <translation>Speichern Sie den Code zuerst in der Bibliothek und duplizieren Sie ihn dann</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate failed</source>
        <translation>Duplizieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>Preview zoom {percent} %</source>
        <translation>Vorschau-Zoom {percent} %</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The new language or library folder applies when QRDesk starts again</source>
        <translation>Die neue Sprache oder der neue Bibliotheksordner gilt ab dem nächsten Start von QRDesk</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>No file manager could open {folder}.</source>
        <translation>Keine Dateiverwaltung konnte {folder} öffnen.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
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
        <source>%n label(s) of {width} × {height} mm on {page}</source>
        <translation>
            <numerusform>%n Etikett zu {width} × {height} mm auf {page}</numerusform>
            <numerusform>%n Etiketten zu {width} × {height} mm auf {page}</numerusform>
        </translation>
    </message>
    <message>
        <source>{product}: {sheet}</source>
        <translation>{product}: {sheet}</translation>
    </message>
    <message>
        <source>{sheet} (e.g. {parts})</source>
        <translation>{sheet} (z. B. {parts})</translation>
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
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The folder of the last export</source>
        <translation>Der Ordner des letzten Exports</translation>
    </message>
    <message>
        <source>Check that a code scans before it leaves QRDesk</source>
        <translation>Prüfen, ob ein Code lesbar ist, bevor er QRDesk verlässt</translation>
    </message>
    <message>
        <source>Export, copy, print and drag decode the code first. A code that does not scan is refused, with the choice to go ahead anyway.</source>
        <translation>Exportieren, Kopieren, Drucken und Ziehen lesen den Code zuerst. Ein nicht lesbarer Code wird abgelehnt, mit der Wahl, trotzdem fortzufahren.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Default export format</source>
        <translation>Standard-Exportformat</translation>
    </message>
    <message>
        <source>Default export folder</source>
        <translation>Standard-Exportordner</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Bibliotheksordner</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when QRDesk starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von QRDesk.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>A library in another folder opens when QRDesk starts again; the qrdesk command uses it too. Preferences are kept in {path}.</source>
        <translation>Eine Bibliothek in einem anderen Ordner wird beim nächsten Start von QRDesk geöffnet; der Befehl qrdesk verwendet sie ebenfalls. Die Einstellungen liegen in {path}.</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Style preset</source>
        <translation>Stilvorlage</translation>
    </message>
    <message>
        <source>Apply a saved style preset</source>
        <translation>Eine gespeicherte Stilvorlage anwenden</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Save style as preset</source>
        <translation>Stil als Vorlage speichern</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Import or export presets</source>
        <translation>Stilvorlagen importieren oder exportieren</translation>
    </message>
    <message>
        <source>Import presets…</source>
        <translation>Stilvorlagen importieren …</translation>
    </message>
    <message>
        <source>Export presets…</source>
        <translation>Stilvorlagen exportieren …</translation>
    </message>
    <message>
        <source>Delete a preset…</source>
        <translation>Eine Stilvorlage löschen …</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Stilvorlage</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Stilvorlagen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Save style preset</source>
        <translation>Stilvorlage speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Save preset failed</source>
        <translation>Speichern der Stilvorlage fehlgeschlagen</translation>
    </message>
    <message>
        <source>Delete a preset</source>
        <translation>Eine Stilvorlage löschen</translation>
    </message>
    <message>
        <source>There are no presets of yours to delete; the built-in presets cannot be deleted.</source>
        <translation>Es gibt keine eigenen Stilvorlagen zum Löschen; die mitgelieferten Vorlagen können nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Preset to delete:</source>
        <translation>Zu löschende Stilvorlage:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete preset failed</source>
        <translation>Löschen der Stilvorlage fehlgeschlagen</translation>
    </message>
    <message>
        <source>Import presets</source>
        <translation>Stilvorlagen importieren</translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation>Stilvorlagen (*.json)</translation>
    </message>
    <message>
        <source>Import presets failed</source>
        <translation>Import der Stilvorlagen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export presets</source>
        <translation>Stilvorlagen exportieren</translation>
    </message>
    <message>
        <source>Export presets failed</source>
        <translation>Export der Stilvorlagen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Classic</source>
        <translation>Klassisch</translation>
    </message>
    <message>
        <source>Ink blue, rounded</source>
        <translation>Tintenblau, abgerundet</translation>
    </message>
    <message>
        <source>Dots on cream</source>
        <translation>Punkte auf Creme</translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <source>Nothing to encode yet</source>
        <translation>Noch nichts zu codieren</translation>
    </message>
    <message>
        <source>Preview failed: {error}</source>
        <translation>Vorschau fehlgeschlagen: {error}</translation>
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
    <name>PreviewWidget</name>
    <message>
        <source>QR code preview</source>
        <translation>QR-Code-Vorschau</translation>
    </message>
    <message>
        <source>QR code, version {version}, mask {mask}, {percent}% full</source>
        <translation>QR-Code, Version {version}, Maske {mask}, zu {percent} % gefüllt</translation>
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
        <translation>Übernehmen</translation>
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
        <translation>In der eingestellten Größe ({module}-mm-Module) aus bis zu {reach} lesbar.</translation>
    </message>
    <message>
        <source>To scan from {distance}: modules at least {module} mm, the code at least {code} across ({total} with its {margin}-module margin)</source>
        <translation>Aus {distance} lesbar: Module ab {module} mm, Code ab {code} ({total} mit {margin} Modulen Rand)</translation>
    </message>
    <message>
        <source>To scan from {distance} in poor light: modules at least {module} mm, the code at least {code} across ({total} with its {margin}-module margin)</source>
        <translation>Bei schwachem Licht aus {distance} lesbar: Module ab {module} mm, Code ab {code} ({total} mit {margin} Modulen Rand)</translation>
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
    <name>Robustness</name>
    <message>
        <source>2.5 px per module</source>
        <translation>2,5 px pro Modul</translation>
    </message>
    <message>
        <source>blur</source>
        <translation>Unschärfe</translation>
    </message>
    <message>
        <source>JPEG quality 10</source>
        <translation>JPEG-Qualität 10</translation>
    </message>
    <message>
        <source>perspective tilt</source>
        <translation>perspektivische Neigung</translation>
    </message>
    <message>
        <source>dim light</source>
        <translation>schwaches Licht</translation>
    </message>
    <message>
        <source>print dot gain</source>
        <translation>Tonwertzunahme im Druck</translation>
    </message>
    <message>
        <source>smudge</source>
        <translation>Fleck</translation>
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
    <message numerus="yes">
        <source>%n note(s) on the payload</source>
        <translation>
            <numerusform>%n Hinweis zum Inhalt</numerusform>
            <numerusform>%n Hinweise zum Inhalt</numerusform>
        </translation>
    </message>
    <message>
        <source>{summary}{lint}
Click for details</source>
        <translation>{summary}{lint}
Für Details klicken</translation>
    </message>
    <message>
        <source>Robustness —</source>
        <translation>Robustheit —</translation>
    </message>
    <message numerus="yes">
        <source>Robust {survived}/{conditions} · %n reader(s)</source>
        <translation>
            <numerusform>Robust {survived}/{conditions} · %n Leser</numerusform>
            <numerusform>Robust {survived}/{conditions} · %n Leser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RobustnessText</name>
    <message numerus="yes">
        <source>survives {survived} of {conditions} conditions on %n reader(s)</source>
        <translation>
            <numerusform>übersteht {survived} von {conditions} Bedingungen mit %n Leser</numerusform>
            <numerusform>übersteht {survived} von {conditions} Bedingungen mit %n Lesern</numerusform>
        </translation>
    </message>
    <message>
        <source>; {readers} cannot read it even undisturbed</source>
        <translation>; {readers} kann ihn selbst ungestört nicht lesen</translation>
    </message>
    <message>
        <source>; weakest: {condition} (read by {count} of {readers})</source>
        <translation>; am schwächsten: {condition} (gelesen von {count} von {readers})</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
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
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Radial</source>
        <translation>Radial</translation>
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
        <source>Signing out…</source>
        <translation>Abmeldung …</translation>
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
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Sign in to a sync server to sync this library with your other machines</source>
        <translation>Bei einem Sync-Server anmelden, um diese Bibliothek mit Ihren anderen Rechnern abzugleichen</translation>
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
        <translation>Ab&amp;gleich</translation>
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
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Tags of %n item(s)</source>
        <translation>
            <numerusform>Schlagwörter von %n Eintrag</numerusform>
            <numerusform>Schlagwörter von %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags of the selected items</source>
        <translation>Schlagwörter der ausgewählten Einträge</translation>
    </message>
    <message>
        <source>Tags to add</source>
        <translation>Hinzuzufügende Schlagwörter</translation>
    </message>
    <message>
        <source>Add tags, separated by commas</source>
        <translation>Schlagwörter hinzufügen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Uncheck a tag to remove it from every selected item; a partly checked tag is left as it is.</source>
        <translation>Entfernen Sie das Häkchen bei einem Schlagwort, um es von allen ausgewählten Einträgen zu entfernen; ein teilweise markiertes Schlagwort bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>Uncheck a tag to remove it.</source>
        <translation>Entfernen Sie das Häkchen, um ein Schlagwort zu entfernen.</translation>
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
