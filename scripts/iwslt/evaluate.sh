#!/usr/bin/env bash
# Translate the IWSLT test set and score it as the R-Drop paper does
# (Section 3.1, Appendix A.1, Table 1): beam 5, length penalty 1.0; tokenized
# BLEU (multi-bleu.perl style, scripts/bleu.py) for IWSLT14 De<->En,
# detokenized sacreBLEU for En<->Es, En<->Fr, En<->Zh (zh tokenizer into Chinese).
# De<->En prints two lines: plain tokenized BLEU ("BLEU = ...") and, below it, the
# same after compound splitting ("compound-split BLEU = ..."), which is how the
# authors scored it (their run_inference.sh ends in fairseq's compound_split_bleu.sh).
#
#   scripts/iwslt/evaluate.sh [SRC TGT] [extra fairseq-generate args...]  (default de en)
#
# Knobs: DATA, SAVE_DIR, BASELINE=1 (as for train.sh), CHECKPOINT (default
# $SAVE_DIR/checkpoint_best.pt), NGPUS=0 or SMOKE=1 (decode on CPU), BEAM (5),
# LENPEN (1.0), DRY_RUN=1 (print the commands). Writes $SAVE_DIR/generate-test.txt (its log: generate-test.log),
# the ordered hypotheses $SAVE_DIR/test.hyp and the score $SAVE_DIR/test.bleu.
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/pairs.sh"

if [[ $# -ge 2 && $1 != -* && $2 != -* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-de} TGT=${TGT:-en}
iwslt_pair "$SRC" "$TGT"
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/iwslt${YEAR}_${SRC}_${TGT}_$mode}")
CHECKPOINT=${CHECKPOINT:-$SAVE_DIR/checkpoint_best.pt}
need_file "$DATA/bin/dict.$SRC.txt" "no prepared data in $DATA/bin; run scripts/iwslt/prepare.sh $SRC $TGT first"
need_file "$CHECKPOINT" "checkpoint $CHECKPOINT not found; run scripts/iwslt/train.sh $SRC $TGT first"

device=() && [[ $SMOKE == 1 || ${NGPUS:-$(gpu_count)} == 0 ]] && device=(--cpu)
gen=$SAVE_DIR/generate-test.txt
step "Decoding test ($SRC->$TGT) with $CHECKPOINT"
run_into "$gen" "$SAVE_DIR/generate-test.log" "fairseq-generate failed" \
  "$PY" -m fairseq_cli.generate "$DATA/bin" --user-dir "$USER_DIR" --path "$CHECKPOINT" \
  --source-lang "$SRC" --target-lang "$TGT" --gen-subset test \
  --beam "${BEAM:-5}" --lenpen "${LENPEN:-1.0}" --remove-bpe --max-tokens 8000 \
  "${device[@]}" "$@"

split=()
if [[ $METRIC == tok ]]; then
  score=("$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/tok/test.$TGT" --hyp-out "$SAVE_DIR/test.hyp")
  split=("$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/tok/test.$TGT" --compound-split
    --label compound-split)
else
  score=("$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/raw/test.$TGT" --metric sacrebleu --lang "$TGT"
    --hyp-out "$SAVE_DIR/test.hyp")
fi
if [[ $DRY_RUN == 1 ]]; then
  show "${score[@]}"
  ((${#split[@]} == 0)) || show "${split[@]}"
else
  { "${score[@]}" && if ((${#split[@]})); then "${split[@]}"; fi; } | tee "$SAVE_DIR/test.bleu"
fi
