#!/usr/bin/env bash
# Set up (system libraries, venv) and launch Cuttings on the default archive.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/cuttings "$@"
