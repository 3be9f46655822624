#!/usr/bin/env bash
# Measured reproduction of R-Drop's gain at convergence on CPU, with seeds:
# baseline (fairseq's label_smoothed_cross_entropy), ours
# (rdrop_label_smoothed_cross_entropy) and fairseq's built-in
# label_smoothed_cross_entropy_with_rdrop, each trained until PATIENCE
# epochs without a better validation loss (scripts/small_runs.sh, the
# low-resource runner: the quickstart's model and schedule), best checkpoint, beam 5, sacreBLEU.
# Corpora: the quickstart's Bible Es->En slice and Multi30k De->En
# ($MULTI30K_DIR) slices; and language models (the runner's lm corpus) on the
# English Bible's words, slices "lm:VERSES", rows in LM_CSV. Runs go SLOTS at a time, one thread each; every
# finished run adds one row to CSV, and the tables and the gain-vs-data plot
# are rebuilt from it (benchmarks/summarize_small.py). An interrupted run
# resumes from its last checkpoint when started again; finished runs are
# skipped.
#
#   bash benchmarks/reproduce_small.sh                                  # the defaults below
#   SLICES="multi30k:10000 multi30k:0" SEEDS=1 bash benchmarks/reproduce_small.sh
#   SLICES=bible:1000 VARIANTS=ours ALPHAS="1 3 5" bash benchmarks/reproduce_small.sh   # alpha sweep
#   SLICES=multi30k:3000 SEEDS=1 VARIANTS="baseline ours_every2 ours_warmup ours_from_baseline" \
#     bash benchmarks/reproduce_small.sh                                # R-Drop's gain at less cost
#   SLICES="bible:1000 multi30k:3000" VARIANTS=baseline SEEDS=1 DROPOUTS="0.1 0.2 0.3 0.4 0.5" \
#     bash benchmarks/reproduce_small.sh                                # the baseline's dropout on validation
#   SLICES=lm:5000 VARIANTS="lm_baseline lm_ours adaptive_baseline adaptive_ours" ALPHAS=1 \
#     bash benchmarks/reproduce_small.sh                                # language models
#   SLICES=bible:1000 SEEDS=1 VARIANTS="baseline ours ours_fraction50" BUDGET=1.3 \
#     bash benchmarks/reproduce_small.sh                                # trained to 1.3x the baseline's compute
#
# Knobs: SLICES ("bible:1000 multi30k:3000", CORPUS:PAIRS, 0 = all pairs),
# VARIANTS ("baseline ours builtin"; scripts/small_runs.sh lists the cheaper
# ways: ours_every2 ours_warmup ours_from_baseline; lm slices take
# lm_baseline lm_ours adaptive_baseline adaptive_ours),
# SEEDS ("1 2 3"), ALPHAS ("3"; R-Drop variants run once per alpha; 0 is the
# duplicated batch without the consistency term), DROPOUTS ("$DROPOUT", i.e.
# 0.3; every run once per dropout; ATTENTION_DROPOUT and ACTIVATION_DROPOUT
# apply to all), BUDGET (translation: every run trained to BUDGET x the
# compute of its seed's converged baseline, at the baseline's dropouts chosen
# on validation where CSV has them, else at 0.3; that baseline must be in
# CSV), SLOTS
# (2), WORK (work/reproduce_small), CSV (benchmarks/results/quality.csv),
# LM_CSV (benchmarks/results/lm_quality.csv), DRY_RUN=1 (list the runs and
# stop), and those of scripts/small_runs.sh (PATIENCE,
# MAX_EPOCH, MINUTES, VALID_PAIRS, LM_MIN_COUNT...).
set -euo pipefail
cd "$(dirname "$0")/.."
SLICES=${SLICES:-bible:1000 multi30k:3000}
VARIANTS=${VARIANTS:-baseline ours builtin}
SEEDS=${SEEDS:-1 2 3}
ALPHAS=${ALPHAS:-3}
SLOTS=${SLOTS:-2}
WORK=${WORK:-work/reproduce_small}
CSV=${CSV:-benchmarks/results/quality.csv}
LM_CSV=${LM_CSV:-benchmarks/results/lm_quality.csv}
export OMP_NUM_THREADS=1 PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}
export MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-0} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-100000000000}
# the Python that has fairseq and the plugin, as the recipes pick it (scripts/common.sh):
# PY, else .venv's, else the active environment's python3
if [[ -z ${PY:-} ]]; then PY=.venv/bin/python && [[ -x $PY ]] || PY=python3; fi
found=$(command -v "$PY") || { echo "reproduce_small.sh: error: no Python '$PY' (set PY)" >&2; exit 2; }
PY=$found
BIN=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')  # its fairseq-train, ...
source scripts/small_runs.sh
DROPOUTS=${DROPOUTS:-$DROPOUT}
for dropout in $DROPOUTS $ATTENTION_DROPOUT $ACTIVATION_DROPOUT; do
  [[ $dropout =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]] || {
    echo "reproduce_small.sh: error: dropouts are numbers from 0 to 1, got '$dropout'" >&2
    exit 2
  }
done

if [[ -n ${BUDGET:-} ]]; then
  [[ $BUDGET =~ ^[0-9]+([.][0-9]+)?$ ]] && awk "BEGIN {exit !($BUDGET > 0)}" || {
    echo "reproduce_small.sh: error: BUDGET is a positive multiple of the baseline's compute, got '$BUDGET'" >&2
    exit 2
  }
  [[ " $SLICES" != *" lm:"* ]] || { echo "reproduce_small.sh: error: BUDGET applies to translation slices, not lm" >&2; exit 2; }
fi

runs=()  # CORPUS PAIRS VARIANT ALPHA SEED DROPOUT
for slice in $SLICES; do
  [[ $slice =~ ^[a-z0-9]+:[0-9]+$ ]] || { echo "reproduce_small.sh: error: SLICES entries are CORPUS:PAIRS, got '$slice'" >&2; exit 2; }
  small_check "${slice%:*}" $VARIANTS || exit 2
  for seed in $SEEDS; do
    [[ $seed =~ ^[0-9]+$ ]] || { echo "reproduce_small.sh: error: SEEDS must be whole numbers, got '$seed'" >&2; exit 2; }
    for dropout in $DROPOUTS; do
      # the baseline first: ours_from_baseline starts from its checkpoint
      for variant in $VARIANTS; do
        small_is_baseline "$variant" && runs+=("${slice%:*} ${slice#*:} $variant 0 $seed $dropout")
      done
      for variant in $VARIANTS; do
        small_is_baseline "$variant" && continue
        if [[ $variant == ours_from_baseline && " $VARIANTS " != *" baseline "* &&
              ! -f $(DROPOUT=$dropout small_mt_baseline_of "$WORK/${slice/:/-}" "$seed").recorded ]]; then
          echo "reproduce_small.sh: error: ours_from_baseline fine-tunes the same seed's baseline: add baseline to VARIANTS" >&2
          exit 2
        fi
        for alpha in $ALPHAS; do runs+=("${slice%:*} ${slice#*:} $variant $alpha $seed $dropout"); done
      done
    done
  done
done
if [[ ${DRY_RUN:-0} == 1 ]]; then printf '%s\n' "${runs[@]}"; exit 0; fi

one_run() {  # CORPUS PAIRS VARIANT ALPHA SEED DROPOUT (runs in its own subshell: DROPOUT is this run's)
  local corpus=$1 pairs=$2 variant=$3 alpha=$4 seed=$5 dir=$WORK/$1-$2 name
  DROPOUT=$6
  name=$(small_mt_run_name "$variant" "$alpha" "$seed")
  [[ -f $dir/$name.recorded ]] && return 0
  if [[ -n ${BUDGET:-} ]]; then
    IFS=$'\t' read -r BUDGET_UPDATES BUDGET_BASELINE <<< "$(small_mt_budget_updates "$CSV" "$corpus" \
      "$(wc -l < "$dir/text/train.en")" "$seed" "$variant")"
    export BUDGET_UPDATES BUDGET_BASELINE
  fi
  if [[ $variant == ours_from_baseline ]]; then  # the baseline runs in another slot or has finished
    local baseline
    baseline=$(small_mt_baseline_of "$dir" "$seed")
    until [[ -f $baseline.recorded ]]; do
      if [[ -f $baseline.failed ]]; then
        echo "reproduce_small.sh: error: $corpus $pairs $name: its baseline $(basename "$baseline") failed (see $baseline.err)" >&2
        touch "$dir/$name.failed"
        return 1
      fi
      sleep 2
    done
  fi
  # a run that fails (training, scoring or recording) leaves NAME.failed and says so in
  # one line: a fine-tuning run waiting for that baseline stops instead of waiting forever
  trap "(( \$? == 0 )) || { touch $(printf %q "$dir/$name.failed"); printf '[%s] %s\n' \"\$(date +%T)\" \
    $(printf %q "$corpus $pairs $name: failed, see $dir/$name.err") >&2; }" EXIT
  echo "[$(date +%T)] $corpus $pairs $name: training"
  small_train "$corpus" "$dir" "$name" "$variant" "$alpha" "$seed"
  small_evaluate "$corpus" "$dir" "$name"
  small_record "$corpus" "$([[ $corpus == lm ]] && echo "$LM_CSV" || echo "$CSV")" "$dir" "$name" "$variant" "$alpha" "$seed"
  touch "$dir/$name.recorded"
  rm -f "$dir/$name/checkpoint_last.pt"  # the best checkpoint stays: ours_from_baseline starts from it
  echo "[$(date +%T)] $corpus $pairs $name: $(small_score "$corpus" "$dir" "$name") after $(cat "$dir/$name.minutes") min"
}

mkdir -p "$WORK" "$(dirname "$CSV")"
rm -f "$WORK"/*/*.failed  # failures of an earlier invocation: these runs start again
for slice in $SLICES; do
  small_prepare "${slice%:*}" "${slice#*:}" "$WORK/${slice%:*}-${slice#*:}"
done
if [[ -n ${BUDGET:-} ]]; then  # every run's budget is possible, or nothing trains
  for run in "${runs[@]}"; do
    read -r corpus pairs variant _ seed _ <<< "$run"
    small_mt_budget_updates "$CSV" "$corpus" "$(wc -l < "$WORK/$corpus-$pairs/text/train.en")" "$seed" "$variant" \
      > /dev/null 2> "$WORK/budget.err" || { sed 's/^[a-z_]*\.py: /reproduce_small.sh: /' "$WORK/budget.err" >&2; exit 2; }
  done
fi
for run in "${runs[@]}"; do
  while (($(jobs -rp | wc -l) >= SLOTS)); do wait -n || true; done
  one_run $run &
done
wait
mt_slices=0 lm_logs=()
for slice in $SLICES; do
  if [[ ${slice%:*} != lm ]]; then mt_slices=1; continue; fi
  for log in "$WORK/lm-${slice#*:}"/*-s"${SEEDS%% *}".log; do  # the curves of the first seed
    [[ -f ${log%.log}.recorded ]] && lm_logs+=(--log "$(basename "${log%.log}")=$log")
  done
done
if ((mt_slices)) && [[ -f $CSV ]]; then
  $PY benchmarks/summarize_small.py "$CSV" --out-md "${CSV%.csv}.md" --plot "$(dirname "$CSV")/gain_vs_data.png" \
    --cost-plot "$(dirname "$CSV")/bleu_vs_minutes.png" --frontier-plot "$(dirname "$CSV")/frontier.png" \
    --budget-plot "$(dirname "$CSV")/budget.png"
fi
if [[ -f $LM_CSV ]] && ((${#lm_logs[@]})); then
  $PY scripts/small_lm.py table --csv "$LM_CSV" > "${LM_CSV%.csv}.md"
  $PY scripts/small_lm.py plot "${lm_logs[@]}" --out "$(dirname "$LM_CSV")/lm_valid_ppl.png"
fi
failed=("$WORK"/*/*.failed)
if [[ -e ${failed[0]} ]]; then
  echo "reproduce_small.sh: error: ${#failed[@]} run(s) failed: ${failed[*]}" >&2
  exit 1
fi
