# GLUE task names and paths shared by prepare.sh, train.sh and evaluate.sh (sourced
# after ../common.sh).

GLUE_TASKS=(MNLI QNLI QQP RTE SST-2 MRPC CoLA STS-B)
DATA=$(realpath -m "${DATA:-data/glue}")

glue_task() {  # glue_task NAME: one-line error unless NAME is a GLUE task; sets TASK, CONFIG, BIN
  local name=${1:-} known
  [[ -n $name ]] || die "usage: $(basename "$0") TASK (one of: ${GLUE_TASKS[*]})"
  for known in "${GLUE_TASKS[@]}"; do
    if [[ ${name,,} == "${known,,}" ]]; then
      TASK=$known
      CONFIG=glue_$(tr -d '-' <<<"${known,,}")  # configs/glue_sst2.yaml, glue_stsb.yaml, ...
      BIN=$DATA/$TASK-bin
      return
    fi
  done
  die "unknown GLUE task '$name' (one of: ${GLUE_TASKS[*]})"
}

glue_save_dir() {  # where train.sh writes and evaluate.sh reads this task's checkpoints
  realpath -m "${SAVE_DIR:-checkpoints/glue/$TASK-$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)}"
}
