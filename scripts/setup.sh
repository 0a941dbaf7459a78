#!/usr/bin/env bash
# Install what Cuttings needs on a fresh Debian machine: Qt's system libraries and a venv.
# Usage: scripts/setup.sh [pip extras, e.g. test]
set -euo pipefail
cd "$(dirname "$0")/.."

qt_libs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0
         libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
         libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
packages=("${qt_libs[@]}")
# The test extra also gets the real browsers the connector's test drives
# (tests/test_connector_browsers.py) and runs the suite on a private PostgreSQL server
# (tests/pg_server.py).
if [[ ",${1:-}," == *",test,"* ]]; then
    packages+=(chromium firefox-esr xvfb xdotool openbox)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
fi
missing=()
for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extras="${1:-}"
.venv/bin/pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
