#!/bin/sh
# Adds Clinic Desk to this user's application menu, pointing at the folder this script is in.
#     ./install.sh            add the menu entry and icon (run again after moving the folder)
#     ./install.sh --remove   take them away again (the clinic's data is never touched)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$share/applications/clinic-desk.desktop"
sizes="256 48"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry"
  for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/clinic-desk.png"; done
  echo "Removed Clinic Desk from the application menu."
  exit 0
fi

case "$here" in
  *[\"\`\$\\\|\&]*) echo "install.sh: move the folder to a path without \" \` \$ \\ | &" >&2; exit 1 ;;
esac
for size in $sizes; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$here/_internal/resources/icons/clinic-desk-$size.png" \
     "$share/icons/hicolor/${size}x${size}/apps/clinic-desk.png"
done
mkdir -p "$share/applications"
sed "s|@APPDIR@|$here|g" "$here/clinic-desk.desktop" > "$entry"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Clinic Desk is in the application menu; it runs $here/clinic-desk"
