#!/usr/bin/env bash
# Train a Transformer (transformer_iwslt_de_en) on an IWSLT direction with
# R-Drop, or the paper's baseline with BASELINE=1 (Section 3.1, Appendix A.1,
# Table 1). Hyperparameters: configs/iwslt<year>_<pair>_rdrop.yaml.
#
#   scripts/iwslt/train.sh [SRC TGT] [hydra overrides...]   (default de en)
#
# Knobs: DATA (as for prepare.sh), SAVE_DIR (default
# checkpoints/iwslt<year>_<src>_<tgt>_{rdrop,baseline}), NGPUS (default all; 0 = CPU;
# the paper uses one GPU with 4096 tokens per batch), FP16 (1 on GPU, as the
# authors), BASELINE=1, SMOKE=1 (tiny model, a few CPU updates).
# Logs: $SAVE_DIR/train.log and hydra's $SAVE_DIR/hydra/.
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/pairs.sh"

if [[ $# -ge 2 && $1 != *=* && $2 != *=* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-de} TGT=${TGT:-en}
iwslt_pair "$SRC" "$TGT"
[[ -f $DATA/bin/dict.$SRC.txt ]] || die "no prepared data in $DATA/bin; run scripts/iwslt/prepare.sh $SRC $TGT first"
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/iwslt${YEAR}_${SRC}_${TGT}_$mode}")

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}" dataset.max_tokens=1000)
extra=("hydra.run.dir=$SAVE_DIR/hydra")  # hydra's own logs next to the checkpoints
ngpus=${NGPUS:-$(gpu_count)}
if [[ $SMOKE != 1 && $ngpus != 0 && ${FP16:-1} == 1 ]]; then extra+=(common.fp16=true); fi

mkdir -p "$SAVE_DIR"
log=$SAVE_DIR/train.log && [[ ${RANK:-0} == 0 ]] || log=/dev/null  # one log under torchrun
hydra_train "$CONFIG" "$DATA/bin" "$SAVE_DIR" task.source_lang="$SRC" task.target_lang="$TGT" \
  "${extra[@]}" "$@" 2>&1 | tee "$log"
