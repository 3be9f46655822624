#!/usr/bin/env bash
# Summarize the CNN/DailyMail test articles with a fine-tuned checkpoint and score
# ROUGE-1/2/L F1 (paper Section 3.3, Table 4). Decoding is fairseq's BART CNN/DM
# setting (beam 4, lenpen 2.0, max_len_b 140, min_len 55, no_repeat_ngram_size 3;
# scripts/cnndm/summarize.py). Scoring (SCORER):
#   rouge-score  (default) Google's rouge-score package (scripts/cnndm/rouge_files.py):
#                nothing to install beyond pip, but a few tenths from the paper's scorer
#   files2rouge  the official ROUGE-1.5.5 through files2rouge on PTB-tokenized,
#                lower-cased text (scripts/cnndm/files2rouge.sh), the paper's protocol;
#                needs files2rouge and Stanford CoreNLP installed (one-line error otherwise)
#
#   bash scripts/cnndm/evaluate.sh
#   BASELINE=1 SCORER=files2rouge bash scripts/cnndm/evaluate.sh
#
# Knobs: DATA (default data/cnndm), SAVE_DIR (as train.sh), CHECKPOINT (default
# $SAVE_DIR/checkpoint_best.pt), SPLIT (test or val, default test), OUT (default
# $SAVE_DIR/eval), BATCH_SIZE (articles per decoding batch, default 32), NGPUS=0 or
# SMOKE=1 (decode on CPU), SCORER, DRY_RUN=1 (print the commands).
# Output: $OUT/$SPLIT.hypo (one summary a line), $OUT/$SPLIT.rouge.json (rouge-score)
# or $OUT/files2rouge/ (files2rouge); prints the scores.
source "$(dirname "$0")/../common.sh"
DATA=$(realpath -m "${DATA:-data/cnndm}")
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/cnndm_bart_large$variant}")
CHECKPOINT=${CHECKPOINT:-$SAVE_DIR/checkpoint_best.pt}
SPLIT=${SPLIT:-test}
OUT=${OUT:-$SAVE_DIR/eval}
SCORER=${SCORER:-rouge-score}
[[ $SPLIT == test || $SPLIT == val ]] || die "SPLIT must be test or val, got '$SPLIT'"
case $SCORER in
  rouge-score)
    score=("$PY" "$REPO/scripts/cnndm/rouge_files.py" "$OUT/$SPLIT.hypo" "$DATA/raw/$SPLIT.target"
      --json "$OUT/$SPLIT.rouge.json") ;;
  files2rouge)
    missing=$(bash "$REPO/scripts/cnndm/files2rouge.sh" --missing)
    [[ -z $missing ]] || die "$missing"
    score=(bash "$REPO/scripts/cnndm/files2rouge.sh" "$OUT/$SPLIT.hypo" "$DATA/raw/$SPLIT.target" "$OUT/files2rouge") ;;
  *) die "SCORER must be rouge-score or files2rouge, got '$SCORER'" ;;
esac
need_file "$CHECKPOINT" "no checkpoint $CHECKPOINT: run scripts/cnndm/train.sh"
for f in "raw/$SPLIT.source" "raw/$SPLIT.target" bin/dict.source.txt gpt2_bpe/encoder.json gpt2_bpe/vocab.bpe; do
  need_file "$DATA/$f" "no $DATA/$f: run scripts/cnndm/prepare.sh"
done

device=()
if [[ $SMOKE == 1 || ${NGPUS:-1} == 0 ]]; then
  device=(--cpu)
fi
[[ $DRY_RUN == 1 ]] || mkdir -p "$OUT"
step "Summarizing $DATA/raw/$SPLIT.source with $CHECKPOINT"
run_or_show "$PY" "$REPO/scripts/cnndm/summarize.py" --checkpoint "$CHECKPOINT" --data-bin "$DATA/bin" \
  --encoder-json "$DATA/gpt2_bpe/encoder.json" --vocab-bpe "$DATA/gpt2_bpe/vocab.bpe" \
  --src "$DATA/raw/$SPLIT.source" --out "$OUT/$SPLIT.hypo" --batch-size "${BATCH_SIZE:-32}" \
  "${device[@]}"
step "ROUGE ($SCORER) of $OUT/$SPLIT.hypo"
run_or_show "${score[@]}"
