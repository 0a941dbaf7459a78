#!/usr/bin/env bash
# Remove what install.sh put in place for the current user. Your archive and settings
# (~/.local/share/Cuttings, ~/.config/Cuttings) are kept; delete them yourself if you want.
set -euo pipefail

data="${XDG_DATA_HOME:-$HOME/.local/share}"
app="$data/cuttings/app"
bin="$HOME/.local/bin"
icons="$data/icons/hicolor"

if [ -L "$bin/cuttings" ] && [ "$(readlink "$bin/cuttings")" = "$app/cuttings" ]; then
    rm -f "$bin/cuttings"
fi
rm -f "$data/applications/cuttings.desktop"
for f in "$icons"/*/apps/cuttings.png "$icons"/scalable/apps/cuttings.svg; do
    [ -e "$f" ] && rm -f "$f"
done
rm -rf "$app" "$app.new"
rmdir "$data/cuttings" 2>/dev/null || true

command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true

echo "Cuttings uninstalled (your archive in $data/Cuttings is kept)."
