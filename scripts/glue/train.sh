#!/usr/bin/env bash
# Fine-tune RoBERTa-large on one GLUE task with R-Drop (paper Section 3.2, Appendix A,
# Table 8): fairseq's RoBERTa GLUE recipe (examples/roberta/README.glue.md) run through
# fairseq-hydra-train with configs/glue_<task>.yaml (task and criterion
# rdrop_sentence_prediction; per-task lr, batch size, updates and alpha in the config).
#
# Usage: scripts/glue/train.sh TASK [hydra overrides...]
#
#   ROBERTA=dir   roberta.large folder (model.pt, dict.txt); default DATA/roberta.large,
#                 unpacked from roberta.large.tar.gz (taken from ARCHIVES if there)
#   SAVE_DIR=dir  checkpoints (default checkpoints/glue/TASK-rdrop, BASELINE=1: TASK-baseline);
#                 a SAVE_DIR holding checkpoint_last.pt resumes that run
#   BASELINE=1    fairseq's plain sentence_prediction task and criterion (the paper's baseline)
#   SMOKE=1       CPU, SMOKE_UPDATES updates, a 1-layer 32-dim RoBERTa: random weights, or
#                 ROBERTA=dir holding a model.pt of that shape
#   NGPUS         the paper fine-tunes on one GPU with the config's (Table 8's) batch;
#                 with NGPUS=n each GPU takes batch/n sentences (counts that do not
#                 divide the batch are refused); PER_GPU=k runs batch/(n*k) micro-batches
#   DRY_RUN=1     print the command; DATA, ARCHIVES, FP16 as in every recipe
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/tasks.sh"
glue_task "${1:-}"
shift
refuse_batch_overrides "$@"
need_file "$BIN/input0/dict.txt" "$BIN not found: run scripts/glue/prepare.sh $TASK first"
SAVE_DIR=$(glue_save_dir)
BASELINE_OVERRIDES=(task._name=sentence_prediction criterion._name=sentence_prediction "~criterion.rdrop_alpha")
SMOKE_OVERRIDES=(+model.encoder_layers=1 +model.encoder_embed_dim=32 +model.encoder_ffn_embed_dim=64
  +model.encoder_attention_heads=2)
ROBERTA_URL=https://dl.fbaipublicfiles.com/fairseq/models/roberta.large.tar.gz

symbols() { cut -d' ' -f1 "$1" | grep -v '^madeupword'; }  # without fairseq's padding symbols

same_vocabulary() {  # the model's dict.txt lists the symbols the data was binarized with
  [[ ! -f $1/dict.txt ]] || cmp -s <(symbols "$1/dict.txt") <(symbols "$BIN/input0/dict.txt") ||
    die "$1/dict.txt differs from the dictionary $BIN was binarized with"
}

overrides=()
if [[ -f $SAVE_DIR/checkpoint_last.pt ]]; then
  step "Resuming $SAVE_DIR/checkpoint_last.pt"
  overrides+=(checkpoint.restore_file=checkpoint_last.pt checkpoint.reset_optimizer=false
    checkpoint.reset_dataloader=false checkpoint.reset_meters=false)
elif [[ -n ${ROBERTA:-} ]]; then
  ROBERTA=$(realpath -m "$ROBERTA")
  [[ -f $ROBERTA/model.pt ]] || die "ROBERTA=$ROBERTA has no model.pt"
  same_vocabulary "$ROBERTA"
  overrides+=("checkpoint.restore_file=$ROBERTA/model.pt")
elif [[ $SMOKE == 1 ]]; then
  step "SMOKE=1 without ROBERTA: the tiny RoBERTa starts from random weights"
  overrides+=(checkpoint.restore_file=checkpoint_last.pt)  # none there yet: a fresh model
else
  ROBERTA=$DATA/roberta.large
  if [[ ! -f $ROBERTA/model.pt && $DRY_RUN != 1 ]]; then
    tarball=$(fetch roberta.large.tar.gz "$ROBERTA_URL")
    tmp=$(mktemp -d "$DATA/.roberta.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    step "Unpacking $tarball"
    tar -xzf "$tarball" -C "$tmp"
    [[ -f $tmp/roberta.large/model.pt ]] || die "$tarball has no roberta.large/model.pt"
    rm -rf "$ROBERTA"
    mv "$tmp/roberta.large" "$ROBERTA"
  fi
  [[ $DRY_RUN == 1 ]] || same_vocabulary "$ROBERTA"
  overrides+=("checkpoint.restore_file=$ROBERTA/model.pt")
fi

batch=$(awk '$1 == "batch_size:" { print $2 }' "$REPO/configs/$CONFIG.yaml")  # Table 8's
plan_batch sentences 1 "$batch" 1 "$batch"
hydra_train "$CONFIG" "$BIN" "$SAVE_DIR" "${overrides[@]}" "$@"
