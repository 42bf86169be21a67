; The `scrollback` command on Windows: a one-line shim in the per-user WindowsApps folder, which Windows 10
; and 11 put on every user's PATH, so the installer never edits PATH itself. It runs the app binary, which
; answers sub-commands without a window (RunAsNode is off in the packed app). The binary is a GUI program, so
; its output reaches a console only when redirected or piped (`scrollback chats | more`); the README says so.
!macro customInstall
  CreateDirectory "$LOCALAPPDATA\Microsoft\WindowsApps"
  FileOpen $0 "$LOCALAPPDATA\Microsoft\WindowsApps\scrollback.cmd" w
  FileWrite $0 '@"$INSTDIR\${APP_EXECUTABLE_FILENAME}" %*$\r$\n'
  FileClose $0
!macroend

!macro customUnInstall
  Delete "$LOCALAPPDATA\Microsoft\WindowsApps\scrollback.cmd"
!macroend
