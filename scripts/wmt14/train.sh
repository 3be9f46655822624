#!/usr/bin/env bash
# Train Transformer-big (transformer_vaswani_wmt_en_de_big) on WMT14 En->De or
# En->Fr with R-Drop, or the paper's baseline with BASELINE=1 (Section 3.1,
# Appendix A.1, Table 2). Hyperparameters: configs/wmt14_en_<tgt>_rdrop.yaml.
#
#   scripts/wmt14/train.sh [en de|en fr] [hydra overrides...]    (default en de)
#
# The paper's batch is 8 GPUs x 4096 tokens = 32768 tokens (the authors' script);
# with NGPUS GPUs the update frequency is 8 / NGPUS (1, 2, 4, 8 GPUs), or each GPU
# takes 32768 / NGPUS tokens (16, 32, ... GPUs); other counts are refused.
# Knobs: DATA, SAVE_DIR (default checkpoints/wmt14_en_<tgt>_{rdrop,baseline}),
# NGPUS (default: up to 8 visible; 0 = CPU), PER_GPU, FP16 (1 on GPU), BASELINE=1,
# DROPOUT (model.dropout: 0.1, the paper's Appendix A.1; the authors' only published WMT
# command, a WMT16 En-De baseline, used 0.3: DROPOUT=0.3), SMOKE=1 (tiny model, a few CPU
# updates), DRY_RUN=1 (print the command).
# Logs: $SAVE_DIR/train.log and hydra's $SAVE_DIR/hydra/. Multi-node: scripts/wmt14/README.md.
source "$(dirname "$0")/../common.sh"

if [[ $# -ge 2 && $1 != *=* && $2 != *=* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-en} TGT=${TGT:-de}
[[ $SRC-$TGT == en-de || $SRC-$TGT == en-fr ]] || die "unsupported direction '$SRC->$TGT'; choose en->de or en->fr"
refuse_batch_overrides "$@"
DROPOUT=${DROPOUT:-0.1}
[[ $DROPOUT =~ ^0(\.[0-9]+)?$ ]] || die "DROPOUT must be a rate in [0, 1) written 0 or 0.<digits>, got '$DROPOUT'"
DATA=$(realpath -m "${DATA:-data/wmt14_en_$TGT}")
need_file "$DATA/bin/dict.en.txt" "no prepared data in $DATA/bin; run scripts/wmt14/prepare.sh en $TGT first"
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/wmt14_en_${TGT}_$mode}")

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}" checkpoint.save_interval_updates=2)
plan_batch tokens 8 4096 1 1000
hydra_train "wmt14_en_${TGT}_rdrop" "$DATA/bin" "$SAVE_DIR" "model.dropout=$DROPOUT" "$@"
