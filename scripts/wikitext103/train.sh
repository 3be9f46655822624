#!/usr/bin/env bash
# Train a WikiText-103 language model with R-Drop (paper Section 3.4, Appendix A).
#
#   bash scripts/wikitext103/train.sh transformer_lm_gpt [hydra overrides...]   # alpha 1.0, 50k updates
#   bash scripts/wikitext103/train.sh adaptive [hydra overrides...]             # alpha 0.5, 286k updates
#   BASELINE=1 bash scripts/wikitext103/train.sh adaptive                      # plain cross-entropy / adaptive loss
#
# Configs: configs/wikitext103_transformer_lm_gpt_rdrop.yaml, configs/wikitext103_adaptive_rdrop.yaml.
# The batches are the authors' on 8 GPUs, in whole blocks (fairseq packs whole blocks into
# a GPU's batch): transformer_lm_gpt 8 x 1536 tokens (the authors' --max-tokens 2000 holds
# three 512-token blocks) x update_freq 16 = 196608 tokens, adaptive 8 x 3072 (one block)
# x 3 = 73728 tokens; with NGPUS GPUs the update frequency makes up the rest (GPU counts
# that cannot reach it exactly, and a PER_GPU that is not whole blocks, are refused).
# Knobs: DATA (default data/wikitext103), SAVE_DIR (default
# checkpoints/wikitext103_<model>[_baseline]), NGPUS (default: up to 8 visible; 0 = CPU),
# PER_GPU, FP16, BASELINE=1, SMOKE=1 (CPU, a few updates of a tiny model on 64-token
# blocks), DRY_RUN=1 (print the command).
source "$(dirname "$0")/../common.sh"
MODEL=${1:-${MODEL:-transformer_lm_gpt}}
[[ $# -gt 0 ]] && shift
refuse_batch_overrides "$@"
DATA=$(realpath -m "${DATA:-data/wikitext103}")
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/wikitext103_${MODEL}$variant}")

TINY=(++model.decoder_layers=1 ++model.decoder_embed_dim=32 ++model.decoder_input_dim=32
  ++model.decoder_output_dim=32 ++model.decoder_ffn_embed_dim=64
  ++model.decoder_attention_heads=2 task.tokens_per_sample=64)
case $MODEL in
  transformer_lm_gpt)
    CONFIG=wikitext103_transformer_lm_gpt_rdrop
    BASELINE_OVERRIDES=(task._name=language_modeling criterion._name=cross_entropy "~criterion.rdrop_alpha")
    SMOKE_OVERRIDES=("${TINY[@]}")
    batch=(tokens 8 1536 16 512 512)  # whole 512-token blocks per GPU
    ;;
  adaptive)
    CONFIG=wikitext103_adaptive_rdrop
    BASELINE_OVERRIDES=(task._name=language_modeling criterion._name=adaptive_loss "~criterion.rdrop_alpha")
    # adaptive input / softmax bands that fit a small vocabulary
    SMOKE_OVERRIDES=("${TINY[@]}" "++model.adaptive_input_cutoff='100,500'"
      "++model.adaptive_softmax_cutoff='100,500'")
    batch=(tokens 8 3072 3 512 3072)  # whole 3072-token blocks per GPU
    ;;
  *) die "model must be transformer_lm_gpt or adaptive, got '$MODEL'" ;;
esac
need_file "$DATA/bin/dict.txt" "no binarized data in $DATA/bin: run scripts/wikitext103/prepare.sh"
plan_batch "${batch[@]}"
hydra_train "$CONFIG" "$DATA/bin" "$SAVE_DIR" "$@"
