#!/usr/bin/env bash
# Dev-set score of a GLUE fine-tuning run (paper Section 3.2, Table 3): loads the
# best checkpoint with the plugin, predicts every dev example of DATA/TASK-bin and computes
# the task's metric from those predictions: accuracy; MCC for CoLA; accuracy and F1 for
# MRPC and QQP; Pearson and Spearman for STS-B; MNLI matched and mismatched.
#
# Usage: scripts/glue/evaluate.sh TASK
#
#   SAVE_DIR / BASELINE=1  which run (as for train.sh); CHECKPOINT=file instead of its
#                          checkpoint_best.pt
#   SMOKE=1                evaluate on CPU
#   DRY_RUN=1              print the command
# Writes SAVE_DIR/dev.predictions.tsv (id, prediction, label) and dev.metrics.json
# (MNLI: dev_matched.* and dev_mismatched.*).
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/tasks.sh"
glue_task "${1:-}"

need_file "$BIN/input0/dict.txt" "$BIN not found: run scripts/glue/prepare.sh $TASK first"
SAVE_DIR=$(glue_save_dir)
CKPT=$(realpath -m "${CHECKPOINT:-$SAVE_DIR/checkpoint_best.pt}")
need_file "$CKPT" "$CKPT not found: run scripts/glue/train.sh $TASK first"

device=()
[[ $SMOKE == 1 || ${NGPUS:-1} == 0 ]] && device=(--cpu)
run_or_show "$PY" "$REPO/scripts/glue/evaluate.py" --task "$TASK" --data "$BIN" --checkpoint "$CKPT" \
  --out "$(dirname "$CKPT")" "${device[@]}"
