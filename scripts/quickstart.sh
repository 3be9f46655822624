#!/usr/bin/env bash
# The main job, offline on a CPU: build a real Spanish-English corpus from
# Debian's public-domain Bibles, train an R-Drop transformer on it and score
# the held-out books with sacreBLEU.
#
#   bash scripts/quickstart.sh            # about 12 minutes on 2 CPU cores
#   MINUTES=60 bash scripts/quickstart.sh # a longer, stronger run
#
# Knobs (environment): MINUTES (training budget, default 8), WORK (output
# folder, default work/quickstart), ALPHA (default 5), DROPOUT (default 0.3).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-work/quickstart}
MINUTES=${MINUTES:-8}
ALPHA=${ALPHA:-5}
DROPOUT=${DROPOUT:-0.3}
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

mkdir -p "$WORK"
if [[ ! -f $WORK/bin/dict.en.txt ]]; then
  step "Corpus: verse-aligned Spanish-English Bible"
  $PY scripts/bible_corpus.py --out "$WORK/raw"
  step "Joint sentencepiece BPE (8k) and fairseq-preprocess"
  $PY scripts/spm.py train --model "$WORK/spm" --vocab-size 8000 "$WORK/raw/train.es" "$WORK/raw/train.en"
  mkdir -p "$WORK/bpe"
  for split in train valid test; do
    for lang in es en; do
      $PY scripts/spm.py encode --model "$WORK/spm.model" < "$WORK/raw/$split.$lang" > "$WORK/bpe/$split.$lang"
    done
  done
  $BIN/fairseq-preprocess --source-lang es --target-lang en \
    --trainpref "$WORK/bpe/train" --validpref "$WORK/bpe/valid" --testpref "$WORK/bpe/test" \
    --destdir "$WORK/bin.tmp" --joined-dictionary --workers 2 > "$WORK/preprocess.log"
  mv "$WORK/bin.tmp" "$WORK/bin"
fi

step "Training R-Drop (alpha $ALPHA, dropout $DROPOUT) for $MINUTES minutes"
$BIN/fairseq-train "$WORK/bin" --user-dir rdrop_fairseq \
  --task rdrop_translation --criterion rdrop_label_smoothed_cross_entropy \
  --rdrop-alpha "$ALPHA" --label-smoothing 0.1 \
  --arch transformer --share-all-embeddings \
  --encoder-layers 2 --decoder-layers 2 --encoder-embed-dim 256 --decoder-embed-dim 256 \
  --encoder-ffn-embed-dim 1024 --decoder-ffn-embed-dim 1024 \
  --encoder-attention-heads 4 --decoder-attention-heads 4 --dropout "$DROPOUT" \
  --optimizer adam --adam-betas '(0.9, 0.98)' --lr 1e-3 \
  --lr-scheduler inverse_sqrt --warmup-updates 1000 --max-tokens 4096 \
  --stop-time-hours "$(awk "BEGIN {print $MINUTES / 60}")" --max-epoch 100 \
  --save-dir "$WORK/checkpoints" --no-epoch-checkpoints --cpu \
  --log-format simple --log-interval 20 --seed 1 2> "$WORK/train.err" | tee "$WORK/train.log" \
  | grep --line-buffered -E "train_inner|valid on|done training"

step "Translating the test books (beam 5) and scoring with sacreBLEU"
$BIN/fairseq-generate "$WORK/bin" --user-dir rdrop_fairseq --task translation \
  --path "$WORK/checkpoints/checkpoint_best.pt" --gen-subset test --beam 5 --lenpen 1.0 \
  --max-len-a 1.2 --max-len-b 10 --batch-size 128 --post-process sentencepiece --cpu \
  > "$WORK/generate.log" 2>&1
$PY scripts/score_generate.py "$WORK/generate.log" "$WORK/raw/test.en" --hyp-out "$WORK/test.hyp" > "$WORK/bleu.txt"
echo "R-Drop test sacreBLEU (held-out books, es->en): $(cat "$WORK/bleu.txt")"
