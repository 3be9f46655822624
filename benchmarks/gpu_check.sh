#!/usr/bin/env bash
# Mixed precision on one GPU, in one go:
#   1. an environment with a CUDA build of torch, fairseq-fixed and the plugin;
#   2. the unit tests marked gpu (fused loss, general path, chunked projection
#      on CUDA in fp32, fp16 and bf16 against float64);
#   3. UPDATES (200) updates of transformer_iwslt_de_en on a synthetic corpus
#      made here, with --fp16 and with --bf16, for the baseline
#      (label_smoothed_cross_entropy), the baseline on a doubled batch (the
#      paper's C.1 yardstick for R-Drop's step), fairseq's built-in
#      label_smoothed_cross_entropy_with_rdrop and ours
#      (rdrop_translation + rdrop_label_smoothed_cross_entropy), all alpha 5;
#   4. a markdown table: loss curve, finiteness, fp16 loss scale, ms per
#      update, peak torch.cuda.max_memory_allocated over the run (fairseq
#      resets it every update; gpu_check.py keeps the peak)  ->  $OUT/table.md
#
# On a GPU machine that reaches no network and whose python3 has a CUDA
# torch (the project's device machine: Python 3.12, torch 2.11): make the
# wheel folder here first, `bash benchmarks/gpu_wheels.sh` (-> .whl, 56 MiB),
# then give the device tool this one command, carrying .whl:
#
#   OUT=$OUT bash benchmarks/gpu_check.sh --offline .whl     (carry: [".whl"], timeout_s: 600)
#
# It uses that Python's own torch, installs into SITE only the wheels of .whl
# that Python lacks, compiles fairseq-fixed from its sdist there against that
# torch (2-3 CPU-minutes; its extensions side by side on 16 cores: 1-1.5
# minutes), installs the plugin with --no-deps, then tests and trains; it
# starts no training once BUDGET_S (510 s) has passed, so it ends within 9
# minutes. $OUT gets table.md, pytest_gpu.txt, gpu_check.log (all the
# output) and runs.tar.gz (every run's log).
#
# With a package index instead: `bash benchmarks/gpu_check.sh` makes a
# virtualenv VENV with torch from TORCH_INDEX_URL (e.g.
# https://download.pytorch.org/whl/cu128) and installs the rest from the index.
#
# --step: instead of 2.-4., R-Drop's training step at the recipes' shapes
# (benchmarks/gpu_step.py: transformer_iwslt_de_en, transformer_vaswani_wmt_en_de_big,
# BART large, transformer_lm_gpt and the adaptive-input LM; baseline, doubled
# batch, fairseq's built-in, ours and its cheaper modes, each alone, fp16 and
# bf16), with a torch.profiler summary of the doubled batch and ours. It prints
# its time estimate before installing, starts no run once BUDGET_S (450 s)
# has passed, and ends within 8 minutes on one H100 or H200:
#
#   OUT=$OUT bash benchmarks/gpu_check.sh --offline .whl --step   (carry: [".whl"], timeout_s: 600)
#
# $OUT gets table.md and step.csv (variant, shape, precision, ms per update,
# ratio to the doubled batch, peak memory), profile.md and gpu_check.log.
# Knobs: STEP_SHAPES, STEP_VARIANTS, STEP_UPDATES (timed updates; default per
# shape), PROFILE (1), PRECISIONS.
#
# --cpu: no GPU: the same pipeline on the CPU in float32 for 3 updates on a
# small corpus (--step: every shape and variant at tiny sizes), to check the
# script itself: with the existing .venv, or with
# --offline DIR installed as above from a folder made for this Python
# (`bash benchmarks/gpu_wheels.sh --python-version 3.11 .whl-cp311`), on
# PYTHON's torch.
#
# Knobs: PYTHON (python3: offline, the Python with torch; online, the one that
# creates VENV), VENV (.venv-gpu; --cpu: .venv), SITE (WORK/site: offline,
# where the wheels go), TORCH_INDEX_URL, WORK (work/gpu_check: data, runs),
# OUT (WORK: the results), UPDATES (200), MAX_TOKENS (4096), PRECISIONS
# ("fp16 bf16"), VARIANTS ("baseline baseline_x2 builtin ours"), SENTENCES
# (20000), LOG_INTERVAL (10), CURVE_AT ("10 50 100 150 200"), BUDGET_S (510;
# --step 450; --cpu 3600), RUN_TIMEOUT_S (one training: 120; --cpu 900), PARALLEL
# (trainings at a time, one variant's precisions side by side: 2; --cpu 1),
# MAX_JOBS (16, compile jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
die() { echo "gpu_check.sh: error: $*" >&2; exit 2; }

CPU=0
STEP=0
OFFLINE=
while [[ $# -gt 0 ]]; do
  case $1 in
    --cpu) CPU=1; shift ;;
    --step) STEP=1; shift ;;
    --offline) [[ $# -ge 2 && -n $2 ]] || die "--offline takes the wheel folder (made by benchmarks/gpu_wheels.sh)"
               OFFLINE=${2%/}; shift 2 ;;
    *) die "unknown argument '$1' (--cpu, --offline DIR, --step)" ;;
  esac
done
if [[ -n $OFFLINE ]]; then
  [[ -d $OFFLINE ]] || die "no folder $OFFLINE (make it with: bash benchmarks/gpu_wheels.sh)"
  # only this is needed offline; its absence would cost a build first
  compgen -G "$OFFLINE/fairseq_fixed-*.tar.gz" > /dev/null || die "$OFFLINE has no fairseq_fixed sdist (make it with: bash benchmarks/gpu_wheels.sh)"
fi

WORK=${WORK:-work/gpu_check}
OUT=${OUT:-$WORK}
if (( CPU )); then
  VENV=${VENV:-.venv}
  UPDATES=${UPDATES:-3}
  MAX_TOKENS=${MAX_TOKENS:-1024}
  PRECISIONS=${PRECISIONS:-fp32}
  SENTENCES=${SENTENCES:-2000}
  LOG_INTERVAL=${LOG_INTERVAL:-1}
  CURVE_AT=${CURVE_AT:-1 2 3}
  BUDGET_S=${BUDGET_S:-3600}
  RUN_TIMEOUT_S=${RUN_TIMEOUT_S:-900}
  PARALLEL=${PARALLEL:-1}
else
  VENV=${VENV:-.venv-gpu}
  UPDATES=${UPDATES:-200}
  MAX_TOKENS=${MAX_TOKENS:-4096}
  PRECISIONS=${PRECISIONS:-fp16 bf16}
  SENTENCES=${SENTENCES:-20000}
  LOG_INTERVAL=${LOG_INTERVAL:-10}
  CURVE_AT=${CURVE_AT:-10 50 100 150 200}
  BUDGET_S=${BUDGET_S:-$( (( STEP )) && echo 450 || echo 510)}
  RUN_TIMEOUT_S=${RUN_TIMEOUT_S:-120}
  PARALLEL=${PARALLEL:-2}
fi
VARIANTS=${VARIANTS:-baseline baseline_x2 builtin ours}
for precision in $PRECISIONS; do
  [[ $precision == fp16 || $precision == bf16 || $precision == fp32 ]] || die "unknown precision '$precision' (fp16, bf16, fp32)"
done
for variant in $VARIANTS; do
  [[ $variant == baseline || $variant == baseline_x2 || $variant == builtin || $variant == ours ]] || die "unknown variant '$variant' (baseline, baseline_x2, builtin, ours)"
done
if (( STEP )); then
  # shellcheck disable=SC2206  # lists of names
  STEP_ARGS=(--precisions $PRECISIONS ${STEP_SHAPES:+--shapes $STEP_SHAPES} ${STEP_VARIANTS:+--variants $STEP_VARIANTS}
             ${STEP_UPDATES:+--updates "$STEP_UPDATES"})
  (( CPU )) && STEP_ARGS+=(--cpu)
  [[ ${PROFILE:-1} == 1 ]] && STEP_ARGS+=(--profile)
  # its options checked, and the time estimated, before minutes of installing
  # (by a Python with torch: the machine's offline, the existing one with --cpu)
  CHECK_PY=${PYTHON:-python3}
  [[ -z $OFFLINE ]] && CHECK_PY=${VENV:-.venv}/bin/python
  if [[ -x $CHECK_PY ]] || command -v "$CHECK_PY" > /dev/null; then
    estimate=$("$CHECK_PY" benchmarks/gpu_step.py --estimate --out "$OUT" "${STEP_ARGS[@]}" 2>&1) || die "${estimate##*$'\n'}"
    echo "$estimate"
  fi
fi

[[ $PARALLEL =~ ^[1-9][0-9]*$ ]] || die "PARALLEL must be a whole number >= 1, got '$PARALLEL'"
mkdir -p "$WORK" "$OUT"
WORK=$(cd "$WORK" && pwd)
# everything printed also goes to $OUT, which comes back from a remote machine
# whole, where only the end of the output may
exec > >(tee "$OUT/gpu_check.log") 2>&1
TEE=$!
trap 'exec >&- 2>&-; wait $TEE' EXIT
START=$SECONDS
phase() { echo "== [$((SECONDS - START)) s] $*"; }

if [[ -n $OFFLINE ]]; then
  PY=${PYTHON:-python3}
  SITE=${SITE:-$WORK/site}
  phase "install from $OFFLINE into $SITE, on $PY's torch"
  $PY -c 'import torch' 2>/dev/null || die "$PY has no torch"
  (( CPU )) || $PY -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else "gpu_check.sh: error: this torch sees no CUDA device (" + torch.__version__ + ")")'
  rm -rf "$SITE" && mkdir -p "$SITE"
  SITE=$(cd "$SITE" && pwd)
  needed=$($PY benchmarks/gpu_check.py wheels-needed "$OFFLINE") || exit 2
  # --no-deps: gpu_check.py has named each one; --no-index: nothing else to reach
  # shellcheck disable=SC2086  # one wheel path a line, no spaces
  [[ -z $needed ]] || $PY -m pip install -q --no-index --no-deps --no-compile --target "$SITE" $needed
  export PYTHONPATH=$SITE${PYTHONPATH:+:$PYTHONPATH}
  # before the minutes of compiling: all that fairseq imports besides itself
  $PY -c 'import Cython, hydra, omegaconf, bitarray, regex, tqdm, yaml, sklearn.metrics, scipy.stats, sacrebleu, sentencepiece, pytest' \
    || die "$PY cannot import fairseq's dependencies (see above)"
  phase "compile fairseq-fixed from its sdist"
  # Against this torch (no build isolation), without CUDA_HOME: its CUDA
  # extensions (non-autoregressive models, n-gram blocking in generation) are
  # not used here, and nvcc would take minutes. The extensions compile side
  # by side (setuptools' parallel build_ext); torch's ninja backend cannot do
  # that (one build.ninja for all of them), so a ninja that fails its version
  # check makes torch call the compiler directly.
  mkdir -p "$WORK/build-tools"
  printf '#!/bin/sh\nexit 1\n' > "$WORK/build-tools/ninja" && chmod +x "$WORK/build-tools/ninja"
  printf '[build_ext]\nparallel = %s\n' "${MAX_JOBS:-16}" > "$WORK/build-tools/parallel.cfg"
  env -u CUDA_HOME PATH="$WORK/build-tools:$PATH" DIST_EXTRA_CONFIG="$WORK/build-tools/parallel.cfg" \
    MAX_JOBS="${MAX_JOBS:-16}" $PY -m pip install -v --no-index --no-deps --no-build-isolation --no-compile \
    --target "$SITE" "$OFFLINE"/fairseq_fixed-*.tar.gz > "$WORK/fairseq_build.log" 2>&1 \
    || { tail -n 40 "$WORK/fairseq_build.log"; die "fairseq-fixed did not compile: $WORK/fairseq_build.log"; }
  phase "install the plugin"
  # --no-deps: its torch and fairseq requirements are met above, by this Python and SITE
  $PY -m pip install -q --no-index --no-deps --no-build-isolation --no-compile --target "$SITE" .
elif (( ! CPU )); then
  PY=$VENV/bin/python
  phase "install into $VENV"
  [[ -x $PY ]] || "${PYTHON:-python3}" -m venv "$VENV"
  $PY -m pip install -q --upgrade pip setuptools wheel cython numpy
  $PY -m pip install -q "torch==2.13.0" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
  $PY -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else "gpu_check.sh: error: this torch sees no CUDA device (" + torch.__version__ + ")")'
  # fairseq-fixed compiles against the torch just installed, not a build-isolation copy
  MAX_JOBS=${MAX_JOBS:-16} $PY -m pip install -q --no-build-isolation "fairseq-fixed==0.12.3.1"
  $PY -m pip install -q -e ".[test]"
else
  PY=$VENV/bin/python
fi
# the checkout's plugin and scripts first, as in the tests
HERE=$PWD${PYTHONPATH:+:$PYTHONPATH}
PYTHONPATH=$HERE $PY -c 'import fairseq, fairseq.data.data_utils_fast, fairseq_cli.train, rdrop_fairseq' \
  || die "$PY cannot import fairseq and the plugin (see above)"
$PY -c 'import torch, fairseq; print("torch", torch.__version__, "| fairseq", fairseq.__version__, "| device:", torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu")'

if (( STEP )); then
  left=$((BUDGET_S - (SECONDS - START)))
  phase "training step of every shape, precision and variant, each alone (runs start within $left s)"
  # a run takes seconds: the hard stop only guards against a hang
  STEP_OK=1
  (( left >= 1 )) || left=1
  PYTHONPATH=$HERE timeout $((left + 60)) $PY benchmarks/gpu_step.py --out "$OUT" --budget-s "$left" \
    "${STEP_ARGS[@]}" || STEP_OK=0
  phase "done: $OUT/table.md"
  (( STEP_OK )) || { echo "gpu_check.sh: some step runs failed or were not run: $OUT/table.md" >&2; exit 1; }
  exit 0
fi

phase "unit tests marked gpu"
# only the files that have such tests: collecting the others would import
# what the recipes need (matplotlib, sacremoses, ...)
mapfile -t GPU_TESTS < <(grep -l 'mark\.gpu' tests/test_*.py)
TESTS_OK=1
if (( CPU )); then
  # no CUDA here: they are all skipped (this only checks that they collect)
  PYTHONPATH=$HERE $PY -m pytest -q -p no:cacheprovider -m gpu "${GPU_TESTS[@]}" | tee "$OUT/pytest_gpu.txt" || TESTS_OK=0
else
  # the training below runs even when a test fails; the exit status reports it
  PYTHONPATH=$HERE timeout 240 $PY -m pytest -q -p no:cacheprovider -m gpu -rs "${GPU_TESTS[@]}" | tee "$OUT/pytest_gpu.txt" || TESTS_OK=0
  grep -q " passed" "$OUT/pytest_gpu.txt" && ! grep -qE " (skipped|failed|error)" "$OUT/pytest_gpu.txt" || TESTS_OK=0
fi

phase "synthetic corpus"
DATA=$WORK/data
if [[ ! -f $DATA/bin/dict.en.txt ]]; then
  rm -rf "$DATA"
  $PY benchmarks/gpu_check.py data "$DATA/raw" --sentences "$SENTENCES"
  $PY -m fairseq_cli.preprocess --source-lang de --target-lang en \
    --trainpref "$DATA/raw/train" --validpref "$DATA/raw/valid" --destdir "$DATA/bin" \
    --joined-dictionary --workers 4 > "$WORK/preprocess.log" 2>&1 \
    || { tail -n 20 "$WORK/preprocess.log"; die "preprocessing failed: $WORK/preprocess.log"; }
fi

COMMON=("$DATA/bin" --arch transformer_iwslt_de_en --share-decoder-input-output-embed
  --optimizer adam --adam-betas "(0.9, 0.98)" --clip-norm 0.0 --lr 5e-4
  --lr-scheduler inverse_sqrt --warmup-updates 100 --dropout 0.3 --weight-decay 0.0001
  --label-smoothing 0.1 --max-update "$UPDATES" --log-interval "$LOG_INTERVAL" --seed 1
  --disable-validation --no-save --num-workers 0)
(( CPU )) && COMMON+=(--cpu)

not_run() {  # a run.json for the table's row of a run that did not finish
  printf '{"status": 1, "error": "%s", "peak_mb": null}\n' "$2" > "$1/run.json"
}
flags_of() {  # PRECISION VARIANT: the run's own flags, one a line
  case $1 in
    fp16) echo --fp16 ;;
    bf16) echo --bf16 ;;
  esac
  case $2 in
    baseline|baseline_x2) printf '%s\n' --task translation --criterion label_smoothed_cross_entropy ;;
    builtin) printf '%s\n' --task translation --criterion label_smoothed_cross_entropy_with_rdrop --rdrop-alpha 5 ;;
    ours) printf '%s\n' --user-dir rdrop_fairseq --task rdrop_translation \
            --criterion rdrop_label_smoothed_cross_entropy --rdrop-alpha 5 ;;
  esac
  echo --max-tokens
  if [[ $2 == baseline_x2 ]]; then echo $((2 * MAX_TOKENS)); else echo "$MAX_TOKENS"; fi
}
train() {  # PRECISION VARIANT LIMIT: one training, its log and run.json in $WORK/runs/PRECISION-VARIANT
  local run=$WORK/runs/$1-$2 rc=0 flags
  mapfile -t flags < <(flags_of "$1" "$2")
  PYTHONPATH=$HERE timeout "$3" $PY benchmarks/gpu_check.py train "$run" -- "${COMMON[@]}" "${flags[@]}" \
    > "$run/train.log" 2>&1 || rc=$?
  if (( rc == 124 )); then
    not_run "$run" "stopped after $3 s (RUN_TIMEOUT_S, BUDGET_S)"
  fi
  (( rc == 0 )) || echo "   failed: see $run/train.log"
}
RUNS=()  # the table's order: by precision, then variant
for precision in $PRECISIONS; do
  for variant in $VARIANTS; do
    RUNS+=("$WORK/runs/$precision-$variant")
    rm -rf "$WORK/runs/$precision-$variant" && mkdir -p "$WORK/runs/$precision-$variant"
  done
done
# PARALLEL trainings at a time, the precisions of one variant side by side:
# a small model leaves a GPU mostly idle (an update is bound by the host's
# kernel launches, each run on its own core); each run's neighbour is the
# same variant in the other precision, so ratios within a precision compare
# (with one precision, the runs go one at a time)
batch=()
for variant in $VARIANTS; do
  for precision in $PRECISIONS; do
    batch+=("$precision $variant")
    (( ${#batch[@]} < PARALLEL )) && [[ $precision != "${PRECISIONS##* }" ]] && continue
    # a table with every row, on time, rather than a run cut off by the caller
    # (a training needs some 15 s before its first update)
    left=$((BUDGET_S - (SECONDS - START)))
    limit=$(( left < RUN_TIMEOUT_S ? left : RUN_TIMEOUT_S ))
    pids=()
    for job in "${batch[@]}"; do
      read -r p v <<< "$job"
      if (( left < 45 )); then
        phase "skip $p $v: the time budget (BUDGET_S=$BUDGET_S) is spent"
        not_run "$WORK/runs/$p-$v" "not run: BUDGET_S=$BUDGET_S spent"
      else
        phase "train $p $v"
        train "$p" "$v" "$limit" &
        pids+=($!)
      fi
    done
    (( ${#pids[@]} == 0 )) || wait "${pids[@]}"
    batch=()
  done
done

phase "table"
# shellcheck disable=SC2086  # CURVE_AT is a list of numbers
$PY benchmarks/gpu_check.py table "${RUNS[@]}" --curve-at $CURVE_AT | tee "$OUT/table.md"
if [[ $(cd "$OUT" && pwd) != $(cd "$WORK" && pwd) ]]; then
  # one file for every run's log: a remote machine sends back few files
  logs=(runs)
  for log in preprocess.log fairseq_build.log; do [[ -f $WORK/$log ]] && logs+=("$log"); done
  tar -czf "$OUT/runs.tar.gz" -C "$WORK" "${logs[@]}"
fi
phase "done: $OUT/table.md"
(( TESTS_OK )) || { echo "gpu_check.sh: the gpu unit tests did not all run and pass: $OUT/pytest_gpu.txt" >&2; exit 1; }
