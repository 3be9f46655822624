#!/usr/bin/env bash
# The main job, offline on a CPU: build a real Spanish-English corpus from
# Debian's public-domain Bibles, train a baseline and an R-Drop transformer
# side by side on a low-resource slice of it until each one stops improving
# (early stopping on validation loss), score the best checkpoint of each on
# held-out books with sacreBLEU, and print a side-by-side table plus
# curves.png (validation loss per epoch with the best epochs, and BLEU).
# The two trainings start with one thread each; the one still training when
# the other ends takes every core (scripts/train_taking_freed_cores.py).
#
#   bash scripts/quickstart.sh                  # one seed (benchmarks/RESULTS.md: time and numbers)
#   SEEDS="1 2 3" bash scripts/quickstart.sh    # three seeds: mean and spread
#   SMOKE=1 bash scripts/quickstart.sh          # a two-minute check of the pipeline
#   PAIRS=0 MINUTES=600 bash scripts/quickstart.sh   # the whole corpus, for a long run
#   bash scripts/quickstart.sh lm               # language models instead: test perplexity
#
# lm mode trains a baseline and an R-Drop word-level transformer language
# model (full softmax; scripts/small_runs.sh) side by side on English Bible
# text, VERSES training verses (default 5000), held-out books for validation
# and test, and reports test perplexity (fairseq-eval-lm) instead of BLEU.
#
# Knobs (environment): PAIRS (training verse pairs, 0 = all 26k; default
# 1000, a low-resource slice on which both models converge on a CPU), ALPHA
# (R-Drop weight, default 3: the best validation loss of alpha 1, 3 and 5
# among the runs that converge in the time, see benchmarks/RESULTS.md), SEEDS
# ("1"), MINUTES (wall-clock safety cap per model, default 60: a run it
# stops is reported as not converged), PATIENCE (5), VALID_PAIRS (300
# validation verses), BIBLE_DIR (a corpus scripts/bible_corpus.py wrote:
# no apt needed), WORK (output folder, default work/quickstart), SMOKE (1:
# tiny model, 200 pairs, 2 epochs), PY (the Python of an environment that
# has fairseq and the plugin; default .venv, which scripts/setup_env.sh
# creates the first time) and those of scripts/small_runs.sh (DROPOUT, LR, ...;
# translation's ATTENTION_DROPOUT and ACTIVATION_DROPOUT default to 0.1 here).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-mt}
[[ $MODE == mt || $MODE == lm ]] || { echo "quickstart: error: mode must be mt (default) or lm, got '$MODE'" >&2; exit 2; }
SMOKE=${SMOKE:-0}
WORK=${WORK:-work/quickstart}
PAIRS=${PAIRS:-1000}
VERSES=${VERSES:-5000}
ALPHA=${ALPHA:-$([[ $MODE == lm ]] && echo 1 || echo 3)}
SEEDS=${SEEDS:-1}
# translation trains both models at the baseline's setting chosen on validation
# BLEU on this slice: dropout 0.3 with attention and activation dropout 0.1
# (benchmarks/RESULTS.md, "R-Drop against a baseline tuned the same way")
if [[ $MODE == mt ]]; then
  ATTENTION_DROPOUT=${ATTENTION_DROPOUT:-0.1} ACTIVATION_DROPOUT=${ACTIVATION_DROPOUT:-0.1}
fi
CORES=$(nproc)
export MINUTES=${MINUTES:-60}
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}  # fairseq 0.12 on torch 2.x is chatty
# keep freed (tokens x vocab) buffers for reuse instead of page-faulting fresh
# ones every step: 1.5-2x faster CPU training (benchmarks/RESULTS.md)
export MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-0} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-100000000000}
[[ -z ${BUDGET:-} ]] || { echo "quickstart: error: BUDGET is a knob of benchmarks/reproduce_small.sh; the quickstart trains until patience" >&2; exit 2; }
[[ $SMOKE == 1 ]] && PAIRS=200 VERSES=300  # and scripts/small_runs.sh's smoke settings
for seed in $SEEDS; do
  [[ $seed =~ ^[0-9]+$ ]] || { echo "quickstart: error: SEEDS must be whole numbers, got '$seed'" >&2; exit 2; }
done
[[ $ALPHA =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "quickstart: error: ALPHA must be a number >= 0, got '$ALPHA'" >&2; exit 2; }
[[ $PAIRS =~ ^[0-9]+$ ]] || { echo "quickstart: error: PAIRS must be a whole number (0 = all), got '$PAIRS'" >&2; exit 2; }
[[ $VERSES =~ ^[0-9]+$ ]] || { echo "quickstart: error: VERSES must be a whole number (0 = all), got '$VERSES'" >&2; exit 2; }
if [[ -n ${BIBLE_DIR:-} ]]; then
  [[ -f $BIBLE_DIR/test.en && -f $BIBLE_DIR/train.es ]] || {
    echo "quickstart: error: BIBLE_DIR '$BIBLE_DIR' has no train/valid/test .es/.en files (scripts/bible_corpus.py --out writes them)" >&2
    exit 2
  }
fi

step() { printf '\n==> %s\n' "$*"; }
run_name() { small_mt_run_name "${1%:*}" "${1#*:}" "$2"; }  # VARIANT:ALPHA SEED

if [[ -n ${PY:-} ]]; then  # an environment of the user's own, with fairseq and the plugin installed
  step "Environment ($PY)"
  found=$(command -v "$PY") && "$found" -c 'import fairseq' 2>/dev/null || {
    echo "quickstart: error: PY='$PY' cannot import fairseq (pip install '.[fairseq]' there, or leave PY unset for .venv)" >&2
    exit 2
  }
  PY=$found
else
  step "Environment (.venv)"
  bash scripts/setup_env.sh  # installs the first time only; offline afterwards
  PY=.venv/bin/python
fi
BIN=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')  # its fairseq-train, ...
source scripts/small_runs.sh

if [[ -n ${BIBLE_DIR:-} || -f $WORK/raw-bible/test.en ]]; then
  :  # the corpus is already built
elif ! command -v diatheke >/dev/null || ! diatheke -b spaRV1909eb -k "Gen 1:1" >/dev/null 2>&1; then
  step "Installing the SWORD Bible modules (apt)"
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq diatheke sword-text-sparv sword-text-web >/dev/null
  else
    echo "quickstart: error: need 'apt-get install diatheke sword-text-sparv sword-text-web' (as root)," \
         "or set BIBLE_DIR to a corpus scripts/bible_corpus.py wrote elsewhere" >&2
    exit 2
  fi
fi

if [[ $MODE == lm ]]; then
  CORPUS=lm DIR=$WORK/lm-$VERSES RUNS=(lm_baseline:0 lm_ours:$ALPHA) CSV=$WORK/lm_quality.csv
  step "Corpus: English Bible words, $([[ $VERSES == 0 ]] && echo all || echo "$VERSES") training verses, rare words as <unk>"
  small_prepare lm "$VERSES" "$DIR"
  sed 's/^/  /' "$DIR/corpus.log"
else
  CORPUS=bible DIR=$WORK/bible-$PAIRS RUNS=(baseline:0 ours:$ALPHA) CSV=$WORK/quality.csv
  step "Corpus: verse-aligned Spanish-English Bible, $([[ $PAIRS == 0 ]] && echo all || echo "$PAIRS") training pairs, joint sentencepiece"
  small_prepare bible "$PAIRS" "$DIR"
  echo "  $(wc -l < "$DIR/text/train.en") training, $(wc -l < "$DIR/text/valid.en") validation, $(wc -l < "$DIR/text/test.en") test verse pairs in $DIR"
fi
done_file() { small_score_file "$CORPUS" "$DIR" "$1"; }  # NAME: there once the run is evaluated

names=()
for seed in $SEEDS; do
  step "Seed $seed: baseline and R-Drop (alpha $ALPHA, dropout $DROPOUT$([[ $MODE == mt ]] && echo ", attention $ATTENTION_DROPOUT, activation $ACTIVATION_DROPOUT")) side by side, one thread each (the one still training then takes all $CORES cores), until $PATIENCE epochs without a better validation loss$([[ $MINUTES != 0 ]] && echo " (cap: $MINUTES minutes)")"
  pids=()
  for run in "${RUNS[@]}"; do
    variant=${run%:*} name=$(run_name "$run" "$seed")
    names+=("$name")
    [[ -f $(done_file "$name") ]] && { echo "  $name: already done"; touch "$DIR/$name.trained"; continue; }
    rm -rf "${DIR:?}/$name" "$DIR/$name".{log,err,minutes,trained}
    touch "$DIR/$name.log"
    # the other run's marker: written when it has trained, its core then free
    other=$(run_name "${RUNS[0]}" "$seed")
    [[ $other == "$name" ]] && other=$(run_name "${RUNS[1]}" "$seed")
    (
      FAIRSEQ_TRAIN=("$PY" scripts/train_taking_freed_cores.py --when "$DIR/$other.trained" --threads "$CORES" --)
      OMP_NUM_THREADS=1 small_train "$CORPUS" "$DIR" "$name" "$variant" "${run#*:}" "$seed"
      touch "$DIR/$name.trained"
    ) & pids+=($!)
    small_mt_progress "$variant" "$DIR/$name.log" "$!" &
  done
  for pid in "${pids[@]}"; do wait "$pid"; done  # a failed training stops here
  wait  # the progress lines end with their trainings
  for run in "${RUNS[@]}"; do
    name=$(run_name "$run" "$seed")
    [[ -f $(done_file "$name") ]] && continue
    OMP_NUM_THREADS=1 small_evaluate "$CORPUS" "$DIR" "$name" &
  done
  wait
  for run in "${RUNS[@]}"; do
    small_record "$CORPUS" "$CSV" "$DIR" "$(run_name "$run" "$seed")" "${run%:*}" "${run#*:}" "$seed"
  done
done

logs=()
for name in "${names[@]}"; do logs+=(--log "$name=$DIR/$name.log"); done
if [[ $MODE == lm ]]; then
  step "Baseline vs R-Drop language model (English, held-out books, best checkpoints, test perplexity)"
  $PY scripts/small_lm.py table --csv "$CSV" --tokens "$(small_lm_tokens "$DIR")" | tee "$WORK/lm_results.md"
  $PY scripts/small_lm.py plot "${logs[@]}" --out "$WORK/lm_curves.png"
  echo "Curves: $WORK/lm_curves.png"
else
  step "Baseline vs R-Drop (es->en, held-out books, best checkpoints, beam 5, sacreBLEU)"
  TRAIN_PAIRS=$(wc -l < "$DIR/text/train.en")
  $PY scripts/small_mt.py table --csv "$CSV" --corpus bible --pairs "$TRAIN_PAIRS" | tee "$WORK/results.md"
  $PY scripts/small_mt.py plot --csv "$CSV" --corpus bible --pairs "$TRAIN_PAIRS" "${logs[@]}" --out "$WORK/curves.png"
  echo "Curves: $WORK/curves.png"
fi
