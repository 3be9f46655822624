#!/usr/bin/env bash
# Summarize the CNN/DailyMail test articles with a fine-tuned checkpoint and score
# ROUGE-1/2/L F1 (paper Section 3.3, Table 3). Decoding is fairseq's BART CNN/DM
# setting (beam 4, lenpen 2.0, max_len_b 140, min_len 55, no_repeat_ngram_size 3;
# scripts/cnndm_summarize.py); scoring uses the rouge-score package
# (scripts/rouge_files.py), whose numbers differ slightly from files2rouge /
# ROUGE-1.5.5 on PTB-tokenized text, the paper's scorer.
#
#   bash scripts/cnndm/evaluate.sh
#   BASELINE=1 bash scripts/cnndm/evaluate.sh
#
# Knobs: DATA (default data/cnndm), SAVE (as train.sh), CHECKPOINT (default
# $SAVE/checkpoint_best.pt), SPLIT (test or val, default test), OUT (default $SAVE/eval),
# BATCH_SIZE (articles per decoding batch, default 32), NGPUS=0 or SMOKE=1 (decode on CPU).
# Output: $OUT/$SPLIT.hypo (one summary a line), $OUT/$SPLIT.rouge.json; prints the scores.
source "$(dirname "$0")/../common.sh"
DATA=${DATA:-$REPO/data/cnndm}
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE=${SAVE:-$REPO/checkpoints/cnndm_bart_large$variant}
CHECKPOINT=${CHECKPOINT:-$SAVE/checkpoint_best.pt}
SPLIT=${SPLIT:-test}
OUT=${OUT:-$SAVE/eval}
[[ $SPLIT == test || $SPLIT == val ]] || die "SPLIT must be test or val, got '$SPLIT'"
[[ -f $CHECKPOINT ]] || die "no checkpoint $CHECKPOINT: run scripts/cnndm/train.sh"
for f in "raw/$SPLIT.source" "raw/$SPLIT.target" bin/dict.source.txt gpt2_bpe/encoder.json gpt2_bpe/vocab.bpe; do
  [[ -f $DATA/$f ]] || die "no $DATA/$f: run scripts/cnndm/prepare.sh"
done

device=()
if [[ $SMOKE == 1 || ${NGPUS:-1} == 0 ]]; then
  device=(--cpu)
fi
mkdir -p "$OUT"
step "Summarizing $DATA/raw/$SPLIT.source with $CHECKPOINT"
"$PY" "$REPO/scripts/cnndm_summarize.py" --checkpoint "$CHECKPOINT" --data-bin "$DATA/bin" \
  --encoder-json "$DATA/gpt2_bpe/encoder.json" --vocab-bpe "$DATA/gpt2_bpe/vocab.bpe" \
  --src "$DATA/raw/$SPLIT.source" --out "$OUT/$SPLIT.hypo" --batch-size "${BATCH_SIZE:-32}" \
  "${device[@]}"
step "ROUGE of $OUT/$SPLIT.hypo"
"$PY" "$REPO/scripts/rouge_files.py" "$OUT/$SPLIT.hypo" "$DATA/raw/$SPLIT.target" \
  --json "$OUT/$SPLIT.rouge.json"
