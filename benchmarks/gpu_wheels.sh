#!/usr/bin/env bash
# Fill a git-ignored folder with what `gpu_check.sh --offline DIR` installs on
# a GPU machine that reaches no network: the wheels of fairseq-fixed's
# dependencies for that machine's Python (benchmarks/gpu_check.py's WHEELS:
# each is installed there only where its Python lacks it) and fairseq-fixed's
# sdist (compiled there, against the machine's own torch). Run it here, where
# pip reaches PyPI:
#
#   bash benchmarks/gpu_wheels.sh                                   # .whl, CPython 3.12
#   bash benchmarks/gpu_wheels.sh --python-version 3.11 .whl-cp311  # to check here (--cpu)
#
# It checks the result: every wheel present once, for that Python, the sdist's
# requirements covered, pip resolving the set for that Python from the folder
# alone (plus numpy, which the machine has), and the folder plus the working
# tree within the 64 MiB that travel with a command.
#
# Knobs: PYTHON (python3: makes a throwaway virtualenv with a current pip,
# whose resolver judges other Pythons' wheels right, for the downloads),
# SDIST_PY (.venv/bin/python: reads the sdist's metadata without build
# isolation when it has torch; otherwise pip installs a torch in an isolated
# environment just for that).
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "gpu_wheels.sh: error: $*" >&2; exit 2; }

VERSION=3.12
DIR=
while [[ $# -gt 0 ]]; do
  case $1 in
    --python-version) [[ $# -ge 2 && $2 =~ ^3\.[0-9]+$ ]] || die "--python-version takes 3.N"; VERSION=$2; shift 2 ;;
    -*) die "unknown option '$1' (only --python-version 3.N, then the folder)" ;;
    *) [[ -z $DIR ]] || die "one folder only ('$DIR', then '$1')"; DIR=$1; shift ;;
  esac
done
DIR=${DIR:-.whl}
PYTHON=${PYTHON:-python3}
SDIST_PY=${SDIST_PY:-.venv/bin/python}
# a folder git tracks would be committed, and would travel twice
if git rev-parse --git-dir > /dev/null 2>&1; then
  git check-ignore -q "$DIR/x.whl" || die "$DIR is not ignored by git (add it to .gitignore)"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$PYTHON" -m venv "$TMP/venv"
PIP=("$TMP/venv/bin/python" -m pip)
"${PIP[@]}" install -q --upgrade "pip>=25"

# built beside the folder, which it replaces only once complete, so that a
# second version of a package never lingers
NEW=$DIR.new
rm -rf "$NEW" && mkdir -p "$NEW"
PLATFORMS=(--platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64
           --platform manylinux2014_x86_64 --platform manylinux1_x86_64)
mapfile -t WANTED < <("$PYTHON" benchmarks/gpu_check.py wheels-list)
BINARY=()
for spec in "${WANTED[@]}"; do
  [[ $spec == antlr4-python3-runtime==* ]] || BINARY+=("$spec")
done
echo "gpu_wheels.sh: ${#WANTED[@]} wheels for CPython $VERSION into $DIR"
# --no-deps: gpu_check.py names every one needed; the machine has the rest
"${PIP[@]}" download -q --no-deps --only-binary=:all: --python-version "$VERSION" --implementation cp \
  "${PLATFORMS[@]}" -d "$NEW" "${BINARY[@]}"
# PyPI has only an sdist of it; pure Python, so the wheel built here fits any 3.x
ANTLR=$(printf '%s\n' "${WANTED[@]}" | grep '^antlr4-python3-runtime==')
"${PIP[@]}" wheel -q --no-deps --no-binary=:all: -w "$NEW" "$ANTLR"
# the sdist, whose metadata pip reads by running its setup.py (which imports torch)
SDIST_FLAGS=()
if "$SDIST_PY" -c 'import torch, setuptools' 2>/dev/null; then
  SDIST_FLAGS=(--no-build-isolation)
else
  echo "gpu_wheels.sh: $SDIST_PY has no torch: pip installs one in an isolated environment to read the sdist" >&2
  SDIST_PY=$TMP/venv/bin/python
fi
"$SDIST_PY" -m pip download -q --no-deps --no-binary=fairseq-fixed "${SDIST_FLAGS[@]}" -d "$NEW" \
  "$("$PYTHON" benchmarks/gpu_check.py wheels-list --sdist)"

"$PYTHON" benchmarks/gpu_check.py wheels-check "$NEW" --python-version "$VERSION"
# pip itself must resolve the set for that Python with nothing but the folder
# (numpy stands in for the machine's, in a folder that does not travel)
STAND_IN=$TMP/machine
"${PIP[@]}" download -q --no-deps --only-binary=:all: --python-version "$VERSION" --implementation cp \
  "${PLATFORMS[@]}" -d "$STAND_IN" numpy
PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= "${PIP[@]}" install -q --dry-run --ignore-installed --no-index \
  --find-links "$NEW" --find-links "$STAND_IN" --only-binary=:all: --python-version "$VERSION" --implementation cp \
  "${PLATFORMS[@]}" --target "$STAND_IN/target" "${WANTED[@]}" \
  || die "pip cannot resolve the wheels in $NEW for CPython $VERSION (see above)"

rm -rf "$DIR" && mv "$NEW" "$DIR"
echo "gpu_wheels.sh: $DIR: $(ls "$DIR" | wc -l) files, $(du -sh "$DIR" | cut -f1); carry it: gpu_check.sh --offline $DIR"
