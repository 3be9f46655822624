#!/usr/bin/env bash
# The main job, offline on a CPU: build a real Spanish-English corpus from
# Debian's public-domain Bibles, train a baseline and an R-Drop transformer on
# it with the same budget, score both on the held-out books with sacreBLEU,
# and print a side-by-side table plus learning curves (curves.png).
#
#   bash scripts/quickstart.sh             # about 20 minutes on 2 CPU cores
#   MINUTES=60 bash scripts/quickstart.sh  # a longer, stronger run
#   SMOKE=1 bash scripts/quickstart.sh     # a one-minute check of the pipeline
#
# Knobs (environment): MINUTES (training budget per model, default 8), WORK
# (output folder, default work/quickstart), ALPHA (default 5), DROPOUT
# (default 0.3), WARMUP (learning-rate warm-up updates, default 300: an
# 8-minute budget gives the baseline about 300 updates and R-Drop about 150,
# so a longer warm-up would end the run before the peak learning rate),
# SMOKE (1: small corpus slice, tiny model, 3 updates).
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE=${SMOKE:-0}
WORK=${WORK:-work/quickstart}
MINUTES=${MINUTES:-8}
ALPHA=${ALPHA:-5}
DROPOUT=${DROPOUT:-0.3}
WARMUP=${WARMUP:-300}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-$(nproc)}
export PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}  # fairseq 0.12 on torch 2.x is chatty
# keep freed (tokens x vocab) buffers for reuse instead of page-faulting fresh
# ones every step: 1.5-2x faster CPU training (benchmarks/RESULTS.md)
export MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-0} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-100000000000}

step() { printf '\n==> %s\n' "$*"; }

step "Environment (.venv)"
bash scripts/setup_env.sh
PY=.venv/bin/python
BIN=.venv/bin

if ! command -v diatheke >/dev/null || ! diatheke -b spaRV1909eb -k "Gen 1:1" >/dev/null 2>&1; then
  step "Installing the SWORD Bible modules (apt)"
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq diatheke sword-text-sparv sword-text-web >/dev/null
  else
    echo "quickstart: need 'apt-get install diatheke sword-text-sparv sword-text-web' (as root)," \
         "or run scripts/bible_corpus.py --from-text on diatheke output made elsewhere" >&2
    exit 2
  fi
fi

MODEL=(--arch transformer --share-all-embeddings --encoder-layers 2 --decoder-layers 2
       --encoder-embed-dim 256 --decoder-embed-dim 256 --encoder-ffn-embed-dim 1024
       --decoder-ffn-embed-dim 1024 --encoder-attention-heads 4 --decoder-attention-heads 4)
BUDGET=(--stop-time-hours "$(awk "BEGIN {print $MINUTES / 60}")" --max-epoch 100)
if [[ $SMOKE == 1 ]]; then
  MODEL=(--arch transformer --share-all-embeddings --encoder-layers 1 --decoder-layers 1
         --encoder-embed-dim 32 --decoder-embed-dim 32 --encoder-ffn-embed-dim 64
         --decoder-ffn-embed-dim 64 --encoder-attention-heads 2 --decoder-attention-heads 2)
  BUDGET=(--max-update 3)
fi

mkdir -p "$WORK"
if [[ ! -f $WORK/bin/dict.en.txt ]]; then
  step "Corpus: verse-aligned Spanish-English Bible"
  $PY scripts/bible_corpus.py --out "$WORK/raw"
  if [[ $SMOKE == 1 ]]; then
    for split_lines in train:2000 valid:100 test:40; do
      for lang in es en; do
        f="$WORK/raw/${split_lines%:*}.$lang"
        head -n "${split_lines#*:}" "$f" > "$f.part" && mv "$f.part" "$f"
      done
    done
  fi
  step "Joint sentencepiece BPE and fairseq-preprocess"
  $PY scripts/spm.py train --model "$WORK/spm" --vocab-size "$([[ $SMOKE == 1 ]] && echo 1000 || echo 8000)" \
    "$WORK/raw/train.es" "$WORK/raw/train.en"
  mkdir -p "$WORK/bpe"
  for split in train valid test; do
    for lang in es en; do
      $PY scripts/spm.py encode --model "$WORK/spm.model" < "$WORK/raw/$split.$lang" > "$WORK/bpe/$split.$lang"
    done
  done
  rm -rf "$WORK/bin.tmp"
  $BIN/fairseq-preprocess --source-lang es --target-lang en \
    --trainpref "$WORK/bpe/train" --validpref "$WORK/bpe/valid" --testpref "$WORK/bpe/test" \
    --destdir "$WORK/bin.tmp" --joined-dictionary --workers 2 > "$WORK/preprocess.log" 2>&1
  mv "$WORK/bin.tmp" "$WORK/bin"
fi

train() {  # NAME TRAINING-FLAGS...: train one model, showing progress
  local name=$1
  shift
  step "Training $name (dropout $DROPOUT) for ${BUDGET[*]}"
  rm -rf "${WORK:?}/$name"
  $BIN/fairseq-train "$WORK/bin" --user-dir rdrop_fairseq "$@" --label-smoothing 0.1 \
    "${MODEL[@]}" --dropout "$DROPOUT" --optimizer adam --adam-betas '(0.9, 0.98)' --lr 1e-3 \
    --lr-scheduler inverse_sqrt --warmup-updates "$WARMUP" --max-tokens 4096 "${BUDGET[@]}" \
    --save-dir "$WORK/$name" --no-epoch-checkpoints --no-last-checkpoints --cpu --seed 1 \
    --log-format json --log-interval 20 2> "$WORK/$name.err" | tee "$WORK/$name.log" \
    | sed -nE 's/.*\| (train_inner|valid) \| .*"(valid_)?loss": "([0-9.]+)".*"(valid_)?num_updates": "([0-9]+)".*/  \1: update \5, loss \3/p'
}

evaluate() {  # NAME: beam-5 translations of the test books, scored with sacreBLEU
  $BIN/fairseq-generate "$WORK/bin" --user-dir rdrop_fairseq --task translation \
    --path "$WORK/$1/checkpoint_best.pt" --gen-subset test --beam 5 --lenpen 1.0 \
    --max-len-a 1.2 --max-len-b 10 --batch-size 128 --post-process sentencepiece --cpu \
    > "$WORK/$1.generate.log" 2>&1
  $PY scripts/score_generate.py "$WORK/$1.generate.log" "$WORK/raw/test.en" \
    --hyp-out "$WORK/$1.test.hyp" > "$WORK/$1.bleu"
  echo "  $1 test sacreBLEU: $(cat "$WORK/$1.bleu")"
}

train baseline --task translation --criterion label_smoothed_cross_entropy
train rdrop --task rdrop_translation --criterion rdrop_label_smoothed_cross_entropy --rdrop-alpha "$ALPHA"

step "Translating the test books (beam 5) and scoring with sacreBLEU"
evaluate baseline
evaluate rdrop

step "Baseline vs R-Drop (es->en, held-out books)"
$PY scripts/compare_runs.py "baseline=$WORK/baseline.log:$WORK/baseline.bleu" \
  "rdrop=$WORK/rdrop.log:$WORK/rdrop.bleu" | tee "$WORK/results.md"
$PY scripts/plot_curves.py "baseline=$WORK/baseline.log" "rdrop=$WORK/rdrop.log" --out "$WORK/curves.png"
