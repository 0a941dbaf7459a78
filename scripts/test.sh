#!/usr/bin/env bash
# Set up (system libraries, venv, test and build extras) and run the whole test suite, headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test,build  # build: PyInstaller, for tests/test_bundle.py
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
