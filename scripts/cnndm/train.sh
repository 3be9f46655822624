#!/usr/bin/env bash
# Fine-tune bart.large on CNN/DailyMail with R-Drop (paper Section 3.3, Table 3;
# configs/cnndm_bart_large_rdrop.yaml: fairseq's BART summarization recipe, alpha 0.7).
#
#   bash scripts/cnndm/train.sh [hydra overrides...]
#   BASELINE=1 bash scripts/cnndm/train.sh     # plain label-smoothed fine-tuning
#
# Knobs: DATA (default data/cnndm), SAVE (default checkpoints/cnndm_bart_large[_baseline]),
# NGPUS (default: all visible; the recipe's batch is 2048 tokens x update-freq 4 x 8 GPUs),
# BASELINE=1, SMOKE=1 (CPU, a few updates of a tiny bart.large-shaped model: needs a
# model.pt of the size below in $DATA/bart.large).
source "$(dirname "$0")/../common.sh"
DATA=${DATA:-$REPO/data/cnndm}
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE=${SAVE:-$REPO/checkpoints/cnndm_bart_large$variant}
[[ -f $DATA/bin/dict.source.txt ]] || die "no binarized data in $DATA/bin: run scripts/cnndm/prepare.sh"
[[ -f $DATA/bart.large/model.pt ]] || die "no $DATA/bart.large/model.pt: run scripts/cnndm/prepare.sh"

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}" dataset.max_tokens=1024 optimization.update_freq=[1])
extra=()
if [[ $SMOKE == 1 || ${NGPUS:-$(gpu_count)} == 0 ]]; then
  extra+=(common.fp16=false)  # half precision is for the GPUs
fi
hydra_train cnndm_bart_large_rdrop "$DATA/bin" "$SAVE" \
  "checkpoint.finetune_from_model=$(cd "$DATA/bart.large" && pwd)/model.pt" "${extra[@]}" "$@"
