#!/usr/bin/env bash
# Create (or reuse) the project's virtualenv in .venv and install the plugin
# with fairseq and its pinned dependencies (pip install -e ".[fairseq,test]"),
# on PyTorch's CPU build of torch, then say which torch .venv has.
#
# Only the first install needs the package index. Afterwards
# .venv/rdrop-setup.stamp records what was installed (the requirements below,
# the torch index, setup.py, the checkout's path); while they are unchanged
# this returns at once without running pip, so the quickstart and the tests
# work offline. When they change, pip installs again without --upgrade: only
# what is missing or no longer satisfies them. Delete the stamp to force a
# reinstall; delete .venv to change the build of a torch already installed.
#
# Knobs: PYTHON (python3), the interpreter that creates .venv;
# TORCH_INDEX_URL (https://download.pytorch.org/whl/cpu), the index torch
# itself comes from: PyTorch's CPU builds by default (the package index's
# default torch for Linux is a multi-GB CUDA build), a CUDA index such as
# https://download.pytorch.org/whl/cu128 for a GPU, or empty for pip's own
# configured index (a local wheel folder, a mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
TORCH_INDEX_URL=${TORCH_INDEX_URL-https://download.pytorch.org/whl/cpu}
VENV=.venv
STAMP=$VENV/rdrop-setup.stamp
TORCH_NOTE=$VENV/rdrop-torch.txt  # which torch the last install ended up with
if [[ -n $TORCH_INDEX_URL && ! $TORCH_INDEX_URL =~ ^(https?|file):// ]]; then
  echo "setup_env.sh: error: TORCH_INDEX_URL must be an index URL (https://..., file://...) or empty for pip's own index, got '$TORCH_INDEX_URL'" >&2
  exit 2
fi

TORCH="torch==2.13.0"  # the build the results were measured with; the plugin accepts >= 2.11
# torch alone from its index (--no-deps: its dependencies, which need no
# particular build, come from the package index in the next step, with the
# rest), so that pip asks that index for one package only
TORCH_STEP=(--no-deps ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"} "$TORCH")
# Installed before the plugin, so that fairseq compiles its extensions against
# this torch (--no-build-isolation below) rather than one pip would fetch for an
# isolated build (a multi-GB CUDA build).
BUILD=(
  "pip>=22.3"         # editable installs through PEP 660; --python (tests/test_install.py)
  "setuptools>=64"    # PEP 660 editable builds, here in .venv itself
  wheel
  cython              # fairseq's .pyx extensions
  "numpy>=1.21.3"     # fairseq's lower bound
  "$TORCH"            # already installed: its dependencies only
)
# --use-pep517: the editable build runs in .venv's setuptools, not through the
# legacy `setup.py develop`, which calls pip again with build isolation (the index)
PLUGIN=(--no-build-isolation --use-pep517 -e ".[fairseq,test]")
# "torch 2.13.0+cpu, CPU build": the version and what it was built for
DESCRIBE_TORCH='import torch; v = torch.version; print(f"torch {torch.__version__}, " + (f"CUDA {v.cuda} build" if v.cuda else f"ROCm {v.hip} build" if getattr(v, "hip", None) else "CPU build"))'

wanted() {  # the stamp's content: what this script installs from this checkout
  printf '%s\n' "# scripts/setup_env.sh installed this into $VENV for $PWD" "${TORCH_STEP[*]}" "${BUILD[@]}" "${PLUGIN[*]}" "--- setup.py"
  cat setup.py
}

if [[ -x $VENV/bin/python && -f $STAMP ]] && cmp -s "$STAMP" <(wanted); then
  echo "setup_env.sh: $VENV is set up ($(cat "$TORCH_NOTE" 2>/dev/null || echo "torch unrecorded"); nothing changed since $STAMP was written)" >&2
  exit 0
fi
[[ -x $VENV/bin/python ]] || "$PYTHON" -m venv "$VENV"
rm -f "$STAMP"  # written again only once everything below has installed
"$VENV/bin/python" -m pip install -q "${TORCH_STEP[@]}" || {
  from=${TORCH_INDEX_URL:-"pip's own index"}
  echo "setup_env.sh: error: no $TORCH from $from; set TORCH_INDEX_URL to an index that has it (empty: pip's own index)" >&2
  exit 1
}
"$VENV/bin/python" -m pip install -q "${BUILD[@]}"
"$VENV/bin/python" -m pip install -q "${PLUGIN[@]}"
"$VENV/bin/python" -c "$DESCRIBE_TORCH" > "$TORCH_NOTE"
echo "setup_env.sh: $VENV has $(cat "$TORCH_NOTE")" >&2
wanted > "$STAMP"
