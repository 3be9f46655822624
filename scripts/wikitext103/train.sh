#!/usr/bin/env bash
# Train a WikiText-103 language model with R-Drop (paper Section 3.4, Appendix A).
#
#   bash scripts/wikitext103/train.sh transformer_lm_gpt [hydra overrides...]   # alpha 1.0, 50k updates
#   bash scripts/wikitext103/train.sh adaptive [hydra overrides...]             # alpha 0.5, 286k updates
#   BASELINE=1 bash scripts/wikitext103/train.sh adaptive                      # plain cross-entropy / adaptive loss
#
# Configs: configs/wikitext103_transformer_lm_gpt_rdrop.yaml, configs/wikitext103_adaptive_rdrop.yaml.
# Knobs: DATA (default data/wikitext103), SAVE (default
# checkpoints/wikitext103_<model>[_baseline]), NGPUS (default: all visible; both recipes
# assume 8), BASELINE=1, SMOKE=1 (CPU, a few updates of a tiny model on 64-token blocks).
source "$(dirname "$0")/../common.sh"
MODEL=${1:-${MODEL:-transformer_lm_gpt}}
[[ $# -gt 0 ]] && shift
DATA=${DATA:-$REPO/data/wikitext103}
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE=${SAVE:-$REPO/checkpoints/wikitext103_${MODEL}$variant}

TINY=(++model.decoder_layers=1 ++model.decoder_embed_dim=32 ++model.decoder_input_dim=32
  ++model.decoder_output_dim=32 ++model.decoder_ffn_embed_dim=64
  ++model.decoder_attention_heads=2 task.tokens_per_sample=64 dataset.max_tokens=512
  optimization.update_freq=[1])
case $MODEL in
  transformer_lm_gpt)
    CONFIG=wikitext103_transformer_lm_gpt_rdrop
    BASELINE_OVERRIDES=(task._name=language_modeling criterion._name=cross_entropy "~criterion.rdrop_alpha")
    SMOKE_OVERRIDES=("${TINY[@]}")
    ;;
  adaptive)
    CONFIG=wikitext103_adaptive_rdrop
    BASELINE_OVERRIDES=(task._name=language_modeling criterion._name=adaptive_loss "~criterion.rdrop_alpha")
    # adaptive input / softmax bands that fit a small vocabulary
    SMOKE_OVERRIDES=("${TINY[@]}" "++model.adaptive_input_cutoff='100,500'"
      "++model.adaptive_softmax_cutoff='100,500'")
    ;;
  *) die "model must be transformer_lm_gpt or adaptive, got '$MODEL'" ;;
esac
[[ -f $DATA/bin/dict.txt ]] || die "no binarized data in $DATA/bin: run scripts/wikitext103/prepare.sh"
extra=()
if [[ $SMOKE == 1 || ${NGPUS:-$(gpu_count)} == 0 ]]; then
  extra+=(common.fp16=false)  # half precision is for the GPUs
fi
hydra_train "$CONFIG" "$DATA/bin" "$SAVE" "${extra[@]}" "$@"
