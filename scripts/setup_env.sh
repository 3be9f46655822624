#!/usr/bin/env bash
# Create (or reuse) the project's virtualenv in .venv and install the plugin
# with its pinned dependencies. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
# fairseq builds C++ extensions against torch: put the pinned CPU torch and the
# build tools in place first so the build never pulls a CUDA torch of its own.
.venv/bin/python -m pip install -q --upgrade pip setuptools wheel cython numpy "torch==2.13.0"
.venv/bin/python -m pip install -q -e ".[test]"
