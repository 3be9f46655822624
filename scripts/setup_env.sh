#!/usr/bin/env bash
# Create (or reuse) the project's virtualenv in .venv and install the plugin
# with its pinned dependencies (pip install -e ".[test]").
#
# Only the first install needs the package index. Afterwards
# .venv/rdrop-setup.stamp records what was installed (the requirements below,
# setup.py, the checkout's path); while they are unchanged this returns at once
# without running pip, so the quickstart and the tests work offline. When they
# change, pip installs again without --upgrade: only what is missing or no
# longer satisfies them. Delete the stamp to force a reinstall.
#
# Knob: PYTHON (python3), the interpreter that creates .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/rdrop-setup.stamp

# Installed before the plugin, so that fairseq compiles its extensions against
# this torch (--no-build-isolation below) rather than one pip would fetch for an
# isolated build (a multi-GB CUDA build).
BUILD=(
  "pip>=21.3"         # editable installs through PEP 660
  "setuptools>=64"    # PEP 660 editable builds, here in .venv itself
  wheel
  cython              # fairseq's .pyx extensions
  "numpy>=1.21.3"     # fairseq's lower bound
  "torch==2.13.0"     # the CPU build the results were measured with; setup.py accepts >= 1.13
)
# --use-pep517: the editable build runs in .venv's setuptools, not through the
# legacy `setup.py develop`, which calls pip again with build isolation (the index)
PLUGIN=(--no-build-isolation --use-pep517 -e ".[test]")

wanted() {  # the stamp's content: what this script installs from this checkout
  printf '%s\n' "# scripts/setup_env.sh installed this into $VENV for $PWD" "${BUILD[@]}" "${PLUGIN[*]}" "--- setup.py"
  cat setup.py
}

if [[ -x $VENV/bin/python && -f $STAMP ]] && cmp -s "$STAMP" <(wanted); then
  echo "setup_env.sh: $VENV is set up (nothing changed since $STAMP was written)" >&2
  exit 0
fi
[[ -x $VENV/bin/python ]] || "$PYTHON" -m venv "$VENV"
rm -f "$STAMP"  # written again only once everything below has installed
"$VENV/bin/python" -m pip install -q "${BUILD[@]}"
"$VENV/bin/python" -m pip install -q "${PLUGIN[@]}"
wanted > "$STAMP"
