#!/usr/bin/env bash
# Small-scale reproduction of the paper's Table 1 effect (R-Drop vs plain
# dropout training) on real corpora, on CPU:
#   Multi30k De->En (../shared/data/multi30k, test = test_2016_flickr) and
#   the verse-aligned Bible Es->En (scripts/bible_corpus.py, held-out books).
# For each corpus and seed it trains the same 2+2-layer, 256-dim transformer
# three ways with the same budget:
#   baseline  fairseq's label_smoothed_cross_entropy
#   ours      rdrop_translation + rdrop_label_smoothed_cross_entropy (alpha 5)
#   builtin   fairseq's label_smoothed_cross_entropy_with_rdrop (alpha 5)
# Dropout 0.3 and alpha 5 as in the paper's IWSLT setting; label smoothing
# 0.1, Adam (0.9, 0.98), inverse-sqrt lr schedule scaled down to the corpus
# size (lr 1e-3, 500 warm-up updates), 4096 tokens per batch. Each run stops
# at the first of: MINUTES of wall time, --patience PATIENCE epochs without a
# better validation loss, MAX_EPOCH epochs. The best checkpoint (validation
# loss) is decoded with beam 5 and scored with sacreBLEU on the test split.
# Corpora run side by side (one process each, THREADS threads), variants and
# seeds one after the other.
#
#   bash benchmarks/reproduce_small.sh                      # defaults below
#   MINUTES=60 SEEDS="1 2 3" bash benchmarks/reproduce_small.sh
#
# Knobs: CORPORA ("multi30k bible"), VARIANTS ("baseline ours builtin"),
# SEEDS ("1"), MINUTES (14), PATIENCE (5), MAX_EPOCH (60), THREADS (1),
# WORK (work/reproduce_small). Results: WORK/results.md (per run and mean).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPORA=${CORPORA:-multi30k bible}
VARIANTS=${VARIANTS:-baseline ours builtin}
SEEDS=${SEEDS:-1}
MINUTES=${MINUTES:-14}
PATIENCE=${PATIENCE:-5}
MAX_EPOCH=${MAX_EPOCH:-60}
THREADS=${THREADS:-1}
WORK=${WORK:-work/reproduce_small}
MULTI30K=${MULTI30K:-../shared/data/multi30k}
export OMP_NUM_THREADS=$THREADS PYTHONWARNINGS=${PYTHONWARNINGS:-ignore}
export MALLOC_MMAP_MAX_=${MALLOC_MMAP_MAX_:-0} MALLOC_TRIM_THRESHOLD_=${MALLOC_TRIM_THRESHOLD_:-100000000000}
PY=.venv/bin/python
BIN=.venv/bin

for corpus in $CORPORA; do
  [[ $corpus == multi30k || $corpus == bible ]] || { echo "reproduce_small.sh: error: unknown corpus '$corpus' (multi30k, bible)" >&2; exit 2; }
done
for variant in $VARIANTS; do
  [[ $variant == baseline || $variant == ours || $variant == builtin ]] || { echo "reproduce_small.sh: error: unknown variant '$variant' (baseline, ours, builtin)" >&2; exit 2; }
done
[[ " $CORPORA " != *" multi30k "* || -f $MULTI30K/train.de.gz ]] || { echo "reproduce_small.sh: error: Multi30k not found in $MULTI30K" >&2; exit 2; }

prepare() {  # CORPUS: raw text -> joint sentencepiece (8k) -> fairseq binaries
  local corpus=$1 dir=$WORK/$1 src
  [[ -f $dir/bin/dict.en.txt ]] && return
  mkdir -p "$dir/raw" "$dir/bpe"
  if [[ $corpus == multi30k ]]; then
    src=de
    for pair in train:train valid:val test:test_2016_flickr; do
      for lang in de en; do
        gzip -dc "$MULTI30K/${pair#*:}.$lang.gz" > "$dir/raw/${pair%:*}.$lang"
      done
    done
  else
    src=es
    $PY scripts/bible_corpus.py --out "$dir/raw"
  fi
  $PY scripts/spm.py train --model "$dir/spm" --vocab-size 8000 "$dir/raw/train.$src" "$dir/raw/train.en"
  for split in train valid test; do
    for lang in $src en; do
      $PY scripts/spm.py encode --model "$dir/spm.model" < "$dir/raw/$split.$lang" > "$dir/bpe/$split.$lang"
    done
  done
  rm -rf "$dir/bin.tmp"
  $BIN/fairseq-preprocess --source-lang $src --target-lang en --trainpref "$dir/bpe/train" \
    --validpref "$dir/bpe/valid" --testpref "$dir/bpe/test" --destdir "$dir/bin.tmp" \
    --joined-dictionary --workers 1 > "$dir/preprocess.log" 2>&1
  mv "$dir/bin.tmp" "$dir/bin"
}

run() {  # CORPUS VARIANT SEED: train with the budget, decode the test split, score
  local corpus=$1 variant=$2 seed=$3 dir=$WORK/$1 name=$2-s$3 flags
  case $variant in
    baseline) flags=(--task translation --criterion label_smoothed_cross_entropy) ;;
    ours) flags=(--user-dir rdrop_fairseq --task rdrop_translation
                 --criterion rdrop_label_smoothed_cross_entropy --rdrop-alpha 5) ;;
    builtin) flags=(--task translation --criterion label_smoothed_cross_entropy_with_rdrop --rdrop-alpha 5) ;;
  esac
  [[ -f $dir/$name.bleu ]] && return
  rm -rf "${dir:?}/$name"
  echo "[$(date +%T)] $corpus $name: training (at most $MINUTES min)"
  $BIN/fairseq-train "$dir/bin" "${flags[@]}" --arch transformer --share-all-embeddings \
    --encoder-layers 2 --decoder-layers 2 --encoder-embed-dim 256 --decoder-embed-dim 256 \
    --encoder-ffn-embed-dim 1024 --decoder-ffn-embed-dim 1024 --encoder-attention-heads 4 \
    --decoder-attention-heads 4 --dropout 0.3 --label-smoothing 0.1 --optimizer adam \
    --adam-betas '(0.9, 0.98)' --lr 1e-3 --lr-scheduler inverse_sqrt --warmup-updates 500 \
    --max-tokens 4096 --stop-time-hours "$(awk "BEGIN {print $MINUTES / 60}")" \
    --max-epoch "$MAX_EPOCH" --patience "$PATIENCE" --best-checkpoint-metric loss \
    --save-dir "$dir/$name" --no-epoch-checkpoints --cpu --seed "$seed" \
    --log-format json --log-interval 50 > "$dir/$name.log" 2> "$dir/$name.err"
  echo "[$(date +%T)] $corpus $name: decoding the test split (beam 5)"
  # --user-dir makes every checkpoint loadable under torch >= 2.6
  $BIN/fairseq-generate "$dir/bin" --user-dir rdrop_fairseq --task translation \
    --path "$dir/$name/checkpoint_best.pt" --gen-subset test --beam 5 --lenpen 1.0 \
    --max-len-a 1.2 --max-len-b 10 --batch-size 128 --post-process sentencepiece --cpu \
    > "$dir/$name.generate.log" 2>&1
  $PY scripts/score_generate.py "$dir/$name.generate.log" "$dir/raw/test.en" > "$dir/$name.bleu.tmp"
  mv "$dir/$name.bleu.tmp" "$dir/$name.bleu"
  echo "[$(date +%T)] $corpus $name: sacreBLEU $(cat "$dir/$name.bleu")"
  rm -f "$dir/$name/checkpoint_last.pt"  # keep the best checkpoint only
}

mkdir -p "$WORK"
pids=()
for corpus in $CORPORA; do
  (
    prepare "$corpus"
    for seed in $SEEDS; do
      for variant in $VARIANTS; do
        run "$corpus" "$variant" "$seed"
      done
    done
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

$PY benchmarks/summarize_small.py "$WORK" --corpora $CORPORA --variants $VARIANTS --seeds $SEEDS | tee "$WORK/results.md"
