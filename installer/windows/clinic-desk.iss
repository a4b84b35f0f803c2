; Inno Setup 6 script: installs the PyInstaller folder dist\clinic-desk for all users.
;
;   py -3.11 installer\build.py     (builds the folder, then runs ISCC with the version)
;   ISCC /DAppVersion=0.1.0 installer\windows\clinic-desk.iss    (by hand, after a build)
;
; The output is dist\clinic-desk-<version>-windows-setup.exe. See installer\README.md.

#ifndef AppVersion
  ; build.py passes the version from pyproject.toml; this default is for a build by hand.
  #define AppVersion "0.1.0"
#endif
#ifndef AppFolder
  #define AppFolder AddBackslash(SourcePath) + "..\..\dist\clinic-desk"
#endif
#define AppName "Clinic Desk"
#define AppExe "clinic-desk.exe"
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; Fixed for ever: Windows knows an installed Clinic Desk by this id (upgrades, uninstall).
AppId={{6C1E2B7A-4F3D-4A8E-9B57-2D0C8E5F1A93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clinic Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine: every Windows account at the front desk gets the program; each keeps its own
; settings and (for "this PC only") data in its AppData.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=clinic-desk-{#AppVersion}-windows-setup
SetupIconFile={#Root}\resources\icons\clinic-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running Clinic Desk holds its files open: ask to close it before replacing them.
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese: recent Inno Setup releases ship Languages\ChineseSimplified.isl; older
; Inno Setup 6 releases have it only among the unofficial translations on the Inno Setup
; website. Put that file beside this script to use it; without either, Setup is English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found: this Setup will be in English only"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: uninstalling removes only what Setup installed in {app}.
; The clinic's records stay where the app keeps them, in each user's
; %LOCALAPPDATA%\ClinicDesk (platformdirs user_data_dir("ClinicDesk", appauthor=False): the
; SQLite database, photos, backups) and the station settings beside them, so a reinstall or
; an upgrade finds them again. Never add a rule here that deletes those folders.
