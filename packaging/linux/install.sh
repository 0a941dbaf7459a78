#!/usr/bin/env bash
# Install an unpacked Cuttings bundle for the current user; no root needed.
#
#   tar xzf Cuttings-<version>-linux-x86_64.tar.gz && Cuttings/install.sh
#   packaging/linux/install.sh dist/Cuttings            # from a checkout, after packaging/build.sh
#
# Puts the bundle in ${XDG_DATA_HOME:-~/.local/share}/cuttings/app, a menu entry in
# .../applications, the icon in .../icons/hicolor/*/apps and a `cuttings` link in ~/.local/bin.
# Your archive (~/.local/share/Cuttings/archive.sqlite3) is never touched. Undo: uninstall.sh.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-}"
if [ -z "$src" ]; then
    if [ -x "$here/cuttings" ] && [ -d "$here/_internal" ]; then src="$here"
    elif [ -x "$here/../../dist/Cuttings/cuttings" ]; then src="$here/../../dist/Cuttings"
    else echo "install.sh: give the unpacked bundle folder (the one holding 'cuttings')" >&2; exit 2
    fi
fi
src="$(cd "$src" && pwd)"
[ -x "$src/cuttings" ] || { echo "install.sh: no executable 'cuttings' in $src" >&2; exit 2; }

data="${XDG_DATA_HOME:-$HOME/.local/share}"
app="$data/cuttings/app"
bin="$HOME/.local/bin"
apps="$data/applications"
icons="$data/icons/hicolor"

# The bundle: copy beside, then swap, so a failed copy leaves the old install working.
if [ "$src" != "$app" ]; then
    mkdir -p "$data/cuttings"
    rm -rf "$app.new"
    cp -a "$src" "$app.new"
    rm -rf "$app.old"
    [ ! -e "$app" ] || mv "$app" "$app.old"
    mv "$app.new" "$app" || { [ ! -e "$app.old" ] || mv "$app.old" "$app"; exit 1; }
    rm -rf "$app.old"
fi
script_dir="$here"
for f in uninstall.sh install.sh cuttings.desktop; do
    [ -f "$script_dir/$f" ] && [ ! -e "$app/$f" ] && cp "$script_dir/$f" "$app/$f"
done
chmod +x "$app/cuttings" "$app/uninstall.sh" 2>/dev/null || true

# The command.
mkdir -p "$bin"
ln -sfn "$app/cuttings" "$bin/cuttings"

# The icon, every size the bundle has, and the SVG.
res="$app/_internal/resources/icons"
[ -d "$res" ] || res="$app/resources/icons"
for png in "$res"/cuttings-*.png; do
    [ -e "$png" ] || continue
    size="$(basename "$png" .png)"; size="${size#cuttings-}"
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$png" "$icons/${size}x${size}/apps/cuttings.png"
done
if [ -f "$res/cuttings.svg" ]; then
    mkdir -p "$icons/scalable/apps"
    cp "$res/cuttings.svg" "$icons/scalable/apps/cuttings.svg"
fi

# The menu entry, pointing at the installed executable (~/.local/bin may not be on the
# desktop session's PATH).
desktop_src="$app/cuttings.desktop"
[ -f "$desktop_src" ] || desktop_src="$here/cuttings.desktop"
mkdir -p "$apps"
sed -e "s|^Exec=.*|Exec=\"$app/cuttings\"|" -e "s|^TryExec=.*|TryExec=$app/cuttings|" \
    "$desktop_src" > "$apps/cuttings.desktop"
chmod 644 "$apps/cuttings.desktop"

command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true

echo "Cuttings installed in $app"
echo "  menu entry: $apps/cuttings.desktop"
echo "  command:    $bin/cuttings"
case ":$PATH:" in *":$bin:"*) ;; *) echo "  (add $bin to your PATH to run 'cuttings' from a terminal)";; esac
echo "Uninstall with: $app/uninstall.sh"
