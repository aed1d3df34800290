; Inno Setup 6 script: a per-user installer for the PyInstaller folder dist\qrdesk (no admin rights needed).
;   iscc /DAppVersion=0.1.0 installer\windows\qrdesk.iss      -> dist\QRDesk-0.1.0-windows-x64-setup.exe
; Run from the repository root after `pyinstaller --noconfirm installer\qrdesk.spec`.
; No file association: QRDesk has no document type of its own yet (presets live in the user's config folder).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\qrdesk"
#endif

[Setup]
; A fixed AppId keeps upgrades and the uninstall entry tied to one product; never change it.
AppId={{6F0C5E47-2B7A-4D0E-9C7B-3E1A5D9F2C41}
AppName=QRDesk
AppVersion={#AppVersion}
AppVerName=QRDesk {#AppVersion}
AppPublisher=QRDesk contributors
DefaultDirName={autopf}\QRDesk
DefaultGroupName=QRDesk
DisableProgramGroupPage=yes
; Per-user: installs under %LOCALAPPDATA%\Programs and HKCU; the dialog lets an admin choose all users instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=QRDesk-{#AppVersion}-windows-x64-setup
UninstallDisplayIcon={app}\QRDesk.exe
UninstallDisplayName=QRDesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole folder; stale files from an older version are removed first so no old DLL shadows a new one.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\QRDesk"; Filename: "{app}\QRDesk.exe"; Comment: "Make, check and export QR codes offline"
Name: "{group}\Uninstall QRDesk"; Filename: "{uninstallexe}"
Name: "{autodesktop}\QRDesk"; Filename: "{app}\QRDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\QRDesk.exe"; Description: "{cm:LaunchProgram,QRDesk}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes only what it installed: the user's library in %LOCALAPPDATA%\QRDesk is kept.
