#!/usr/bin/env bash
# Train Transformer-big (transformer_vaswani_wmt_en_de_big) on WMT14 En->De or
# En->Fr with R-Drop, or the paper's baseline with BASELINE=1 (Section 3.1,
# Appendix A.1, Table 2). Hyperparameters: configs/wmt14_en_<tgt>_rdrop.yaml.
#
#   scripts/wmt14/train.sh [en de|en fr] [hydra overrides...]    (default en de)
#
# The reference batch is 8 GPUs x 4096 tokens (the authors' script); with
# NGPUS GPUs the update frequency is ceil(8 / NGPUS) unless UPDATE_FREQ is set.
# Knobs: DATA, SAVE_DIR (default checkpoints/wmt14_en_<tgt>_{rdrop,baseline}),
# NGPUS (default all visible; 0 = CPU), UPDATE_FREQ, FP16 (1 on GPU), BASELINE=1,
# SMOKE=1 (tiny model, a few CPU updates). Logs: $SAVE_DIR/train.log and hydra's
# $SAVE_DIR/hydra/. Multi-node: see scripts/wmt14/README.md.
source "$(dirname "$0")/../common.sh"

if [[ $# -ge 2 && $1 != *=* && $2 != *=* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-en} TGT=${TGT:-de}
[[ $SRC-$TGT == en-de || $SRC-$TGT == en-fr ]] || die "unsupported direction '$SRC->$TGT'; choose en->de or en->fr"
DATA=$(realpath -m "${DATA:-data/wmt14_en_$TGT}")
[[ -f $DATA/bin/dict.en.txt ]] || die "no prepared data in $DATA/bin; run scripts/wmt14/prepare.sh en $TGT first"
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/wmt14_en_${TGT}_$mode}")

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}" dataset.max_tokens=1000)
ngpus=${NGPUS:-$(gpu_count)}
[[ $ngpus =~ ^[0-9]+$ ]] || die "NGPUS must be a number, got '$ngpus'"
update_freq=${UPDATE_FREQ:-$(((8 + (ngpus > 0 ? ngpus : 1) - 1) / (ngpus > 0 ? ngpus : 1)))}
if [[ $SMOKE == 1 ]]; then update_freq=${UPDATE_FREQ:-1}; fi  # the smoke run is one CPU process
[[ $update_freq =~ ^[1-9][0-9]*$ ]] || die "UPDATE_FREQ must be a positive number, got '$update_freq'"
extra=("hydra.run.dir=$SAVE_DIR/hydra" "optimization.update_freq=[$update_freq]")
if [[ $SMOKE != 1 && $ngpus != 0 && ${FP16:-1} == 1 ]]; then extra+=(common.fp16=true); fi

mkdir -p "$SAVE_DIR"
log=$SAVE_DIR/train.log && [[ ${RANK:-0} == 0 ]] || log=/dev/null  # one log under torchrun
hydra_train "wmt14_en_${TGT}_rdrop" "$DATA/bin" "$SAVE_DIR" "${extra[@]}" "$@" 2>&1 | tee "$log"
