#!/usr/bin/env bash
# Drag a link from a real Chromium and Firefox onto the Cuttings window under Xvfb, and check
# the article landed in the archive. Slow and needs big Debian packages: not part of .ci/run.
#   bash scripts/browser_drag.sh [chromium] [firefox-esr]
#   CUTTINGS=dist/Cuttings/cuttings bash scripts/browser_drag.sh   # the same with the bundle
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
app="$(realpath "${CUTTINGS:-$root/.venv/bin/cuttings}")"
tool="$root/../shared/tools/browser-drag"
[ -d "$tool" ] || { echo "needs ../shared/tools/browser-drag beside the repository" >&2; exit 2; }

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need=(xvfb xauth xdotool chromium firefox-esr x11-utils imagemagick bc)
missing=(); for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/setup.sh
.venv/bin/python -c "import Xlib" 2>/dev/null || .venv/bin/pip install -q python-xlib  # the tool's XDND dump

work=$(mktemp -d)
cat > "$work/article.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>Emigres rally in Belgrade</title></head>
<body><article><h1>Emigres rally in Belgrade</h1>
<p>Several hundred Russian emigres gathered in Belgrade on Saturday in support of the jailed
opposition politician Alexei Navalny, chanting slogans against the war.</p>
<p>"I came here because I want the war to end," said Pyotr Nikitin, a programmer who moved to
the Serbian capital from Moscow last year.</p></article></body></html>
HTML
# Without a window manager the newest window covers the others: once the app's window is up,
# put it to the right of the browser's (which the tool keeps at 0,0 680x700).
app_command() {
  cat <<CMD
CUTTINGS_DB=$1 XDG_CONFIG_HOME=$2 $app & pid=\$!
for i in \$(seq 100); do w=\$(xdotool search --onlyvisible --name Cuttings | head -1); [ -n "\$w" ] && break; sleep 0.2; done
xdotool windowmove "\$w" 700 40 windowsize "\$w" 570 700
wait \$pid
CMD
}

status=0
for browser in "${@:-chromium firefox-esr}"; do
  for b in $browser; do
    db="$work/$b.sqlite3"
    shots="$work/shots-$b"
    echo "== $b"
    if SHOTS_DIR="$shots" TARGET_NAME="Cuttings" ARTICLE_HTML="$work/article.html" PY="$root/.venv/bin/python" \
       XDG_CONFIG_HOME="$work/config-$b" \
       VERIFY_CMD="$root/.venv/bin/cuttings list --db $db --json | grep -q \"\$DND_URL\"" \
       bash "$tool/browser_drag.sh" "$b" "$(app_command "$db" "$work/config-$b")" \
            "$work/unused.jsonl"; then
      echo "PASS $b: $("$root/.venv/bin/cuttings" list --db "$db")"
    else
      echo "FAIL $b (screenshots in $shots)"; status=1
    fi
  done
done
exit $status
