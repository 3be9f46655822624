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
#   SAVE_DIR   checkpoints and logs of a run (each recipe names its default)
#   NGPUS      GPUs in the whole run (all nodes; 0 = CPU). Default: as many visible GPUs
#              as reach the paper's batch exactly, at most the paper's GPU count
#   PER_GPU    tokens (sentences for GLUE; whole blocks for the language models) per GPU;
#              default the paper's. The update frequency always follows:
#              NGPUS x PER_GPU x update_freq = the paper's batch
#   FP16       1 (default) trains in float16 on GPUs; always off on CPU
#   BASELINE=1 train the same recipe without R-Drop (the paper's baseline row)
#   SMOKE=1    tiny model and a few updates on CPU: checks the pipeline end to end
#   DRY_RUN=1  print the exact commands (and the effective batch) instead of running them;
#              needs neither prepared data nor a GPU
#   PY         the Python that has fairseq and this plugin (default .venv/bin/python)

set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PY:-$REPO/.venv/bin/python}
[[ -x $PY ]] || PY=$(command -v python3)
USER_DIR=$REPO/rdrop_fairseq
# the scripts' shared helpers (rdrop_tools) import by name without an install
export PYTHONPATH=$REPO${PYTHONPATH:+:$PYTHONPATH}
SMOKE=${SMOKE:-0}
BASELINE=${BASELINE:-0}
SMOKE_UPDATES=${SMOKE_UPDATES:-4}
DRY_RUN=${DRY_RUN:-0}
FP16=${FP16:-1}
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

show() {  # the command as one line a shell runs as is
  local line
  printf -v line '%q ' "$@"
  echo "${line% }"
}

run_or_show() {  # run_or_show CMD...: run it, or print it with DRY_RUN=1
  if [[ $DRY_RUN == 1 ]]; then
    show "$@"
  else
    "$@"
  fi
}

run_into() {  # run_into STDOUT_FILE STDERR_FILE ERROR CMD...: as run_or_show, output to files
  local out=$1 err=$2 error=$3
  shift 3
  if [[ $DRY_RUN == 1 ]]; then
    show "$@"
    return
  fi
  "$@" >"$out.tmp" 2>"$err" || die "$error, see $err"
  mv "$out.tmp" "$out"
}

need_file() {  # need_file FILE ERROR: one-line error unless FILE exists (not checked with DRY_RUN=1)
  [[ $DRY_RUN == 1 || -e $1 ]] || die "$2"
}

refuse_batch_overrides() {  # refuse_batch_overrides ARGS...: the batch comes from NGPUS/PER_GPU only
  local arg
  for arg in "$@"; do
    case $arg in
      dataset.max_tokens=* | dataset.batch_size=* | optimization.update_freq=* | \
        distributed_training.distributed_world_size=*)
        die "set NGPUS / PER_GPU instead of ${arg%%=*} (the recipe derives the update frequency from them)" ;;
    esac
  done
}

plan_batch() {  # plan_batch UNIT PAPER_GPUS PAPER_PER_GPU PAPER_UPDATE_FREQ SMOKE_PER_GPU [BLOCK]
  # Makes NGPUS x BATCH_PER_GPU x BATCH_UPDATE_FREQ equal the paper's batch (PAPER_GPUS x
  # PAPER_PER_GPU x PAPER_UPDATE_FREQ) and prints it, or refuses a GPU count that cannot
  # reach it exactly. UNIT: tokens (dataset.max_tokens) or sentences (dataset.batch_size).
  # BLOCK: the samples are blocks of BLOCK tokens (language models): fairseq fills a GPU's
  # batch with whole blocks only, so every per-GPU size must be a multiple of BLOCK (a
  # PER_GPU that is not is refused, naming the size fairseq would really use).
  local unit=$1 gpus=$2 per=$3 freq=$4 smoke=$5 block=${6:-1}
  local total=$((gpus * per * freq)) slots=$((gpus * freq)) visible n
  BATCH_KEY=dataset.max_tokens && [[ $unit == sentences ]] && BATCH_KEY=dataset.batch_size
  if [[ -z ${NGPUS:-} && $SMOKE != 1 ]]; then
    visible=$(gpu_count)
    NGPUS=0
    for ((n = (visible < gpus ? visible : gpus); n > 0; n--)); do
      if ((slots % n == 0)); then NGPUS=$n && break; fi
    done
    ((NGPUS == visible)) || step "NGPUS not set: using $NGPUS of $visible visible GPU(s)"
  fi
  NGPUS=${NGPUS:-0}
  [[ $NGPUS =~ ^[0-9]+$ ]] || die "NGPUS must be a number, got '$NGPUS'"
  if [[ $SMOKE == 1 ]]; then
    NPROC=1 BATCH_PER_GPU=$smoke BATCH_UPDATE_FREQ=1
    BATCH_LINE="effective batch: $smoke = 1 x $smoke x 1 $unit (SMOKE=1: a pipeline check, not the paper's $total)"
    echo "$BATCH_LINE"
    return
  fi
  NPROC=$((NGPUS > 0 ? NGPUS : 1))
  local paper="the paper's batch of $total $unit ($gpus GPU(s) x $per x update_freq $freq)"
  if [[ -n ${PER_GPU:-} ]]; then
    [[ $PER_GPU =~ ^[1-9][0-9]*$ ]] || die "PER_GPU must be a positive number, got '$PER_GPU'"
    ((PER_GPU >= block)) || die "PER_GPU=$PER_GPU is less than one $block-token block"
    ((PER_GPU % block == 0)) || die "PER_GPU=$PER_GPU is not a whole number of $block-token blocks: \
fairseq would fill each GPU with $((PER_GPU / block)) x $block = $((PER_GPU / block * block)) tokens; \
use PER_GPU=$((PER_GPU / block * block))"
    ((total % (NPROC * PER_GPU) == 0)) ||
      die "NGPUS=$NGPUS x PER_GPU=$PER_GPU cannot reach $paper exactly"
    per=$PER_GPU freq=$((total / (NPROC * PER_GPU)))
  elif ((slots % NPROC == 0)); then
    freq=$((slots / NPROC))
  elif ((NPROC % slots == 0 && per % (NPROC / slots) == 0)); then
    per=$((per / (NPROC / slots))) freq=1
  else
    if ((slots == 1)); then
      die "NGPUS=$NGPUS cannot reach $paper exactly: use a GPU count that divides $per"
    fi
    die "NGPUS=$NGPUS cannot reach $paper exactly: use a GPU count that divides $slots, or a multiple of $slots that divides $total"
  fi
  ((per >= block)) || die "NGPUS=$NGPUS leaves $per $unit per GPU, less than one sample ($block); use fewer GPUs"
  ((per % block == 0)) ||
    die "NGPUS=$NGPUS leaves $per $unit per GPU, not a whole number of $block-token blocks; use fewer GPUs"
  BATCH_PER_GPU=$per BATCH_UPDATE_FREQ=$freq
  BATCH_LINE="effective batch: $total = $NPROC x $per x $freq $unit"
  ((block > 1)) && BATCH_LINE+=" ($((per / block)) x $block-token blocks per GPU)"
  echo "$BATCH_LINE"
}

node_rank() {  # node_rank ARGS...: this launch's first global rank (torchrun's RANK, or the override)
  local rank=${RANK:-0} arg
  for arg in "$@"; do
    [[ $arg == distributed_training.distributed_rank=* ]] && rank=${arg#*=}
  done
  echo "$rank"
}

hydra_train() {  # hydra_train CONFIG DATA_BIN SAVE_DIR [hydra overrides...]
  # Runs fairseq-hydra-train (fairseq's own multi-GPU launcher) with the batch of
  # plan_batch, BASELINE (the caller's BASELINE_OVERRIDES array) and SMOKE (the
  # caller's SMOKE_OVERRIDES array). Rank 0 logs to SAVE_DIR/train.log and keeps
  # hydra's folder in SAVE_DIR/hydra; another node (distributed_rank R) or torchrun
  # process uses train.rankR.log and hydra.rankR, so no two processes share a file.
  local config=$1 data=$2 save=$3
  shift 3
  local overrides=("task.data=$data" "common.user_dir=$USER_DIR" "checkpoint.save_dir=$save"
    "$BATCH_KEY=$BATCH_PER_GPU" "optimization.update_freq=[$BATCH_UPDATE_FREQ]")
  if [[ $SMOKE == 1 || $NGPUS == 0 ]]; then
    overrides+=("common.cpu=true" "distributed_training.distributed_world_size=1" "common.fp16=false")
  else
    overrides+=("distributed_training.distributed_world_size=$NGPUS")
    [[ $FP16 == 1 ]] && overrides+=("common.fp16=true") || overrides+=("common.fp16=false")
  fi
  if [[ $BASELINE == 1 ]]; then
    overrides+=("${BASELINE_OVERRIDES[@]}")
  fi
  if [[ $SMOKE == 1 ]]; then
    overrides+=("optimization.max_update=$SMOKE_UPDATES" "common.log_interval=1"
      "checkpoint.no_epoch_checkpoints=true" "${SMOKE_OVERRIDES[@]}")
  fi
  local rank log=$save/train.log hydra_dir=$save/hydra
  rank=$(node_rank "$@")
  if [[ $rank != 0 ]]; then
    log=$save/train.rank$rank.log hydra_dir=$save/hydra.rank$rank
  fi
  overrides+=("hydra.run.dir=$hydra_dir")
  local cmd=("$PY" -m fairseq_cli.hydra_train --config-dir "$REPO/configs" --config-name "$config"
    "${overrides[@]}" "$@")
  if [[ $DRY_RUN == 1 ]]; then
    show "${cmd[@]}"
    return
  fi
  mkdir -p "$save"
  step "Training $config ($([[ $BASELINE == 1 ]] && echo baseline || echo R-Drop)) -> $save (log: $log)"
  echo "$BATCH_LINE" >"$log"
  "${cmd[@]}" 2>&1 | tee -a "$log"
}
