#!/usr/bin/env bash
# Mixed precision on one GPU, in one go (about 8 minutes on a fresh machine):
#   1. a virtualenv with a CUDA build of torch, fairseq-fixed and the plugin;
#   2. the unit tests marked gpu (fused loss, general path, chunked projection
#      on CUDA in fp32, fp16 and bf16 against float64);
#   3. UPDATES (200) updates of transformer_iwslt_de_en on a synthetic corpus
#      made here, with --fp16 and with --bf16, for the baseline
#      (label_smoothed_cross_entropy), the baseline on a doubled batch (the
#      paper's C.1 yardstick for R-Drop's step), fairseq's built-in
#      label_smoothed_cross_entropy_with_rdrop and ours
#      (rdrop_translation + rdrop_label_smoothed_cross_entropy), all alpha 5;
#   4. a markdown table: loss curve, finiteness, fp16 loss scale, ms per
#      update, peak torch.cuda.max_memory_allocated  ->  $OUT/table.md
#
#   bash benchmarks/gpu_check.sh
#
# Knobs: VENV (.venv-gpu), PYTHON (python3, to create it), TORCH_INDEX_URL
# (a wheel index for torch, e.g. https://download.pytorch.org/whl/cu128),
# OUT (work/gpu_check), UPDATES (200), MAX_TOKENS (4096), PRECISIONS
# ("fp16 bf16"), VARIANTS ("baseline baseline_x2 builtin ours"), SENTENCES
# (20000), LOG_INTERVAL (10), CURVE_AT ("10 50 100 150 200").
# --cpu: no install, no GPU: the same pipeline with the existing .venv on the
# CPU in float32 for 3 updates on a small corpus, to check the script itself.
set -euo pipefail
cd "$(dirname "$0")/.."

CPU=0
if [[ ${1:-} == --cpu ]]; then CPU=1; shift; fi
[[ $# -eq 0 ]] || { echo "gpu_check.sh: error: unknown argument '$1' (only --cpu)" >&2; exit 2; }

OUT=${OUT:-work/gpu_check}
if (( CPU )); then
  VENV=${VENV:-.venv}
  UPDATES=${UPDATES:-3}
  MAX_TOKENS=${MAX_TOKENS:-1024}
  PRECISIONS=${PRECISIONS:-fp32}
  SENTENCES=${SENTENCES:-2000}
  LOG_INTERVAL=${LOG_INTERVAL:-1}
  CURVE_AT=${CURVE_AT:-1 2 3}
else
  VENV=${VENV:-.venv-gpu}
  UPDATES=${UPDATES:-200}
  MAX_TOKENS=${MAX_TOKENS:-4096}
  PRECISIONS=${PRECISIONS:-fp16 bf16}
  SENTENCES=${SENTENCES:-20000}
  LOG_INTERVAL=${LOG_INTERVAL:-10}
  CURVE_AT=${CURVE_AT:-10 50 100 150 200}
fi
VARIANTS=${VARIANTS:-baseline baseline_x2 builtin ours}
for precision in $PRECISIONS; do
  [[ $precision == fp16 || $precision == bf16 || $precision == fp32 ]] || { echo "gpu_check.sh: error: unknown precision '$precision' (fp16, bf16, fp32)" >&2; exit 2; }
done
for variant in $VARIANTS; do
  [[ $variant == baseline || $variant == baseline_x2 || $variant == builtin || $variant == ours ]] || { echo "gpu_check.sh: error: unknown variant '$variant' (baseline, baseline_x2, builtin, ours)" >&2; exit 2; }
done
PY=$VENV/bin/python
START=$SECONDS
phase() { echo "== [$((SECONDS - START)) s] $*"; }

if (( ! CPU )); then
  phase "install into $VENV"
  [[ -x $PY ]] || "${PYTHON:-python3}" -m venv "$VENV"
  $PY -m pip install -q --upgrade pip setuptools wheel cython numpy
  $PY -m pip install -q "torch==2.13.0" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
  $PY -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else "gpu_check.sh: error: this torch sees no CUDA device (" + torch.__version__ + ")")'
  # fairseq-fixed compiles against the torch just installed, not a build-isolation copy
  MAX_JOBS=${MAX_JOBS:-16} $PY -m pip install -q --no-build-isolation "fairseq-fixed==0.12.3.1"
  $PY -m pip install -q -e ".[test]"
fi
$PY -c 'import fairseq, rdrop_fairseq' 2>/dev/null || { echo "gpu_check.sh: error: $PY cannot import fairseq and the plugin" >&2; exit 2; }
$PY -c 'import torch; print("torch", torch.__version__, "| device:", torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu")'

phase "unit tests marked gpu"
mkdir -p "$OUT"
TESTS_OK=1
if (( CPU )); then
  # no CUDA here: they are all skipped (this only checks that they collect)
  PYTHONPATH=$PWD $PY -m pytest -q -p no:cacheprovider -m gpu tests/test_mixed_precision.py | tee "$OUT/pytest_gpu.txt" || TESTS_OK=0
else
  # the training below runs even when a test fails; the exit status reports it
  PYTHONPATH=$PWD $PY -m pytest -q -p no:cacheprovider -m gpu -rs tests | tee "$OUT/pytest_gpu.txt" || TESTS_OK=0
  grep -q " passed" "$OUT/pytest_gpu.txt" && ! grep -qE " (skipped|failed|error)" "$OUT/pytest_gpu.txt" || TESTS_OK=0
fi

phase "synthetic corpus"
DATA=$OUT/data
if [[ ! -f $DATA/bin/dict.en.txt ]]; then
  rm -rf "$DATA"
  $PY benchmarks/gpu_check.py data "$DATA/raw" --sentences "$SENTENCES"
  $PY -m fairseq_cli.preprocess --source-lang de --target-lang en \
    --trainpref "$DATA/raw/train" --validpref "$DATA/raw/valid" --destdir "$DATA/bin" \
    --joined-dictionary --workers 4 > "$OUT/preprocess.log"
fi

COMMON=("$DATA/bin" --arch transformer_iwslt_de_en --share-decoder-input-output-embed
  --optimizer adam --adam-betas "(0.9, 0.98)" --clip-norm 0.0 --lr 5e-4
  --lr-scheduler inverse_sqrt --warmup-updates 100 --dropout 0.3 --weight-decay 0.0001
  --label-smoothing 0.1 --max-update "$UPDATES" --log-interval "$LOG_INTERVAL" --seed 1
  --disable-validation --no-save --num-workers 0)
(( CPU )) && COMMON+=(--cpu)

RUNS=()
for precision in $PRECISIONS; do
  case $precision in
    fp16) pflags=(--fp16) ;;
    bf16) pflags=(--bf16) ;;
    fp32) pflags=() ;;
  esac
  for variant in $VARIANTS; do
    tokens=$MAX_TOKENS
    case $variant in
      baseline) vflags=(--task translation --criterion label_smoothed_cross_entropy) ;;
      baseline_x2) vflags=(--task translation --criterion label_smoothed_cross_entropy); tokens=$((2 * MAX_TOKENS)) ;;
      builtin) vflags=(--task translation --criterion label_smoothed_cross_entropy_with_rdrop --rdrop-alpha 5) ;;
      ours) vflags=(--user-dir rdrop_fairseq --task rdrop_translation
                    --criterion rdrop_label_smoothed_cross_entropy --rdrop-alpha 5) ;;
    esac
    run=$OUT/runs/$precision-$variant
    rm -rf "$run" && mkdir -p "$run"
    phase "train $precision $variant"
    PYTHONPATH=$PWD $PY benchmarks/gpu_check.py train "$run" -- "${COMMON[@]}" "${pflags[@]}" \
      "${vflags[@]}" --max-tokens "$tokens" > "$run/train.log" 2>&1 \
      || echo "   failed: see $run/train.log"
    RUNS+=("$run")
  done
done

phase "table"
# shellcheck disable=SC2086  # CURVE_AT is a list of numbers
$PY benchmarks/gpu_check.py table "${RUNS[@]}" --curve-at $CURVE_AT | tee "$OUT/table.md"
phase "done: $OUT/table.md"
(( TESTS_OK )) || { echo "gpu_check.sh: the gpu unit tests did not all run and pass: $OUT/pytest_gpu.txt" >&2; exit 1; }
