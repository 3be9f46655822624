#!/usr/bin/env bash
# Fine-tune bart.large on CNN/DailyMail with R-Drop (paper Section 3.3, Table 4;
# configs/cnndm_bart_large_rdrop.yaml: fairseq's BART summarization recipe, alpha 0.7).
#
#   bash scripts/cnndm/train.sh [hydra overrides...]
#   BASELINE=1 bash scripts/cnndm/train.sh     # plain label-smoothed fine-tuning
#
# The batch is fairseq's: 8 GPUs x 2048 tokens x update_freq 4 = 65536 tokens; with
# NGPUS GPUs the update frequency is 32 / NGPUS (1 ... 32 GPUs; other counts are
# refused). PER_GPU=1024 halves the tokens per GPU (R-Drop runs each batch twice)
# and doubles the update frequency, as the authors ran it.
# Knobs: DATA (default data/cnndm), SAVE_DIR (default checkpoints/cnndm_bart_large[_baseline]),
# NGPUS (default: up to 8 visible; 0 = CPU), PER_GPU, FP16, BASELINE=1, SMOKE=1 (CPU, a
# few updates of a tiny bart.large-shaped model: needs a model.pt of that size in
# $DATA/bart.large), DRY_RUN=1 (print the command).
source "$(dirname "$0")/../common.sh"
refuse_batch_overrides "$@"
DATA=$(realpath -m "${DATA:-data/cnndm}")
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/cnndm_bart_large$variant}")
need_file "$DATA/bin/dict.source.txt" "no binarized data in $DATA/bin: run scripts/cnndm/prepare.sh"
need_file "$DATA/bart.large/model.pt" "no $DATA/bart.large/model.pt: run scripts/cnndm/prepare.sh"

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}")
plan_batch tokens 8 2048 4 1024
hydra_train cnndm_bart_large_rdrop "$DATA/bin" "$SAVE_DIR" \
  "checkpoint.finetune_from_model=$DATA/bart.large/model.pt" "$@"
