# Shared helpers for the per-dataset reproduction scripts (sourced, not run).
#
# Every recipe is three commands with the same knobs:
#   scripts/<dataset>/prepare.sh   download (or take local archives), tokenize, BPE, binarize
#   scripts/<dataset>/train.sh     fairseq-hydra-train with configs/<experiment>.yaml
#   scripts/<dataset>/evaluate.sh  decode / score with the paper's metric
#
# Environment knobs understood by every script:
#   ARCHIVES   folder holding already-downloaded archives (used instead of the network)
#   DATA       working folder for raw, tokenized and binarized data (default data/<dataset>)
#   NGPUS      GPUs for fairseq's own distributed training (default: all visible, 0 = CPU)
#   BASELINE=1 train the same recipe without R-Drop (the paper's baseline row)
#   SMOKE=1    tiny model and a few updates on CPU: checks the pipeline end to end
#   PY         the Python that has fairseq and this plugin (default .venv/bin/python)

set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PY:-$REPO/.venv/bin/python}
[[ -x $PY ]] || PY=$(command -v python3)
USER_DIR=$REPO/rdrop_fairseq
SMOKE=${SMOKE:-0}
BASELINE=${BASELINE:-0}
SMOKE_UPDATES=${SMOKE_UPDATES:-4}
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}  # fairseq 0.12 on torch 2.x is chatty

# The baseline of the encoder-decoder recipes (translation, BART): fairseq's
# own task and criterion, everything else unchanged.
TRANSLATION_BASELINE=(task._name=translation criterion._name=label_smoothed_cross_entropy
  "~criterion.rdrop_alpha")
# Their SMOKE model: the configured architecture with 1 layer each side, width 32, 2 heads.
TINY_ENCODER_DECODER=(++model.encoder_layers=1 ++model.decoder_layers=1
  ++model.encoder_embed_dim=32 ++model.decoder_embed_dim=32
  ++model.encoder_ffn_embed_dim=64 ++model.decoder_ffn_embed_dim=64
  ++model.encoder_attention_heads=2 ++model.decoder_attention_heads=2)

die() {  # one-line error, fairseq style, then stop before any work
  echo "$(basename "$0"): error: $*" >&2
  exit 2
}

step() { printf '==> %s\n' "$*" >&2; }

fairseq() {  # fairseq() SUBCOMMAND ARGS...: run fairseq_cli.<subcommand> with our Python
  local cmd=$1
  shift
  "$PY" -m "fairseq_cli.${cmd//-/_}" "$@"
}

fetch() {  # fetch NAME URL: path of archive NAME, from $ARCHIVES if there, else downloaded
  local name=$1 url=$2 dest=${DOWNLOADS:-$DATA/downloads}
  if [[ -n ${ARCHIVES:-} && -e $ARCHIVES/$name ]]; then
    echo "$ARCHIVES/$name"
    return
  fi
  [[ -n ${OFFLINE:-} ]] && die "archive $name not found in ARCHIVES=${ARCHIVES:-unset} and OFFLINE is set"
  mkdir -p "$dest"
  if [[ ! -s $dest/$name ]]; then
    step "Downloading $url"
    if command -v curl >/dev/null; then
      curl -fL --retry 3 -o "$dest/$name.part" "$url" || die "could not download $url; put $name in ARCHIVES=<dir>"
    else
      wget -q -O "$dest/$name.part" "$url" || die "could not download $url; put $name in ARCHIVES=<dir>"
    fi
    mv "$dest/$name.part" "$dest/$name"
  fi
  echo "$dest/$name"
}

gpu_count() {  # visible CUDA devices, 0 without CUDA
  "$PY" -c 'import torch; print(torch.cuda.device_count())' 2>/dev/null || echo 0
}

hydra_train() {  # hydra_train CONFIG DATA_BIN SAVE_DIR [hydra overrides...]
  # Honors NGPUS, BASELINE (uses the caller's BASELINE_OVERRIDES array) and SMOKE
  # (uses the caller's SMOKE_OVERRIDES array). Runs fairseq's own (multi-GPU)
  # launcher; a multi-node launch adds distributed_training.* overrides (README).
  local config=$1 data=$2 save=$3
  shift 3
  local ngpus=${NGPUS:-$(gpu_count)}
  [[ $ngpus =~ ^[0-9]+$ ]] || die "NGPUS must be a number, got '$ngpus'"
  local overrides=("task.data=$data" "common.user_dir=$USER_DIR" "checkpoint.save_dir=$save")
  if ((ngpus == 0)); then
    overrides+=("common.cpu=true" "distributed_training.distributed_world_size=1")
  else
    overrides+=("distributed_training.distributed_world_size=$ngpus")
  fi
  if [[ $BASELINE == 1 ]]; then
    overrides+=("${BASELINE_OVERRIDES[@]}")
  fi
  if [[ $SMOKE == 1 ]]; then
    overrides+=("common.cpu=true" "distributed_training.distributed_world_size=1"
      "optimization.max_update=$SMOKE_UPDATES" "common.log_interval=1"
      "checkpoint.no_epoch_checkpoints=true" "${SMOKE_OVERRIDES[@]}")
  fi
  mkdir -p "$save"
  step "Training $config ($([[ $BASELINE == 1 ]] && echo baseline || echo R-Drop)) -> $save"
  "$PY" -m fairseq_cli.hydra_train --config-dir "$REPO/configs" --config-name "$config" \
    "${overrides[@]}" "$@"
}
