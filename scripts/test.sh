#!/usr/bin/env bash
# Set up .venv on a fresh machine (once: later runs need no network), then run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests "$@"
