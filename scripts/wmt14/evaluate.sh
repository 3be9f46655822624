#!/usr/bin/env bash
# Translate newstest2014 and score it as the R-Drop paper does for WMT14
# (Section 3.1, Appendix A.1, Table 2): the average of the last AVERAGE (10)
# checkpoints saved every 4000 updates; En->De: beam 4, length penalty 0.6 and
# tokenized BLEU after compound splitting (fairseq's compound_split_bleu.sh);
# En->Fr: beam 5, length penalty 1.0 ("for other tasks") and tokenized BLEU.
# Detokenized sacreBLEU is printed as well, for reference.
#
#   scripts/wmt14/evaluate.sh [en de|en fr] [extra fairseq-generate args...]
#
# Knobs: DATA, SAVE_DIR, BASELINE=1 (as for train.sh), AVERAGE (10; 0 = no
# averaging: checkpoint_best.pt), CHECKPOINT (a given checkpoint instead),
# NGPUS=0 / SMOKE=1 (CPU), BEAM, LENPEN (defaults per direction, above),
# DRY_RUN=1 (print the commands). Writes $SAVE_DIR/generate-test.txt, test.hyp, test.bleu.
source "$(dirname "$0")/../common.sh"

if [[ $# -ge 2 && $1 != -* && $2 != -* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-en} TGT=${TGT:-de}
[[ $SRC-$TGT == en-de || $SRC-$TGT == en-fr ]] || die "unsupported direction '$SRC->$TGT'; choose en->de or en->fr"
DATA=$(realpath -m "${DATA:-data/wmt14_en_$TGT}")
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/wmt14_en_${TGT}_$mode}")
AVERAGE=${AVERAGE:-10}
[[ $AVERAGE =~ ^[0-9]+$ ]] || die "AVERAGE must be a number, got '$AVERAGE'"
if [[ $TGT == de ]]; then
  BEAM=${BEAM:-4} LENPEN=${LENPEN:-0.6}
else
  BEAM=${BEAM:-5} LENPEN=${LENPEN:-1}
fi
need_file "$DATA/bin/dict.en.txt" "no prepared data in $DATA/bin; run scripts/wmt14/prepare.sh en $TGT first"

if [[ -z ${CHECKPOINT:-} ]] && ((AVERAGE > 0)); then
  CHECKPOINT=$SAVE_DIR/checkpoint.avg$AVERAGE.pt
  step "Averaging the last $AVERAGE update checkpoints of $SAVE_DIR -> $CHECKPOINT"
  run_or_show "$PY" "$REPO/scripts/average_checkpoints.py" "$CHECKPOINT" --last-updates "$AVERAGE" "$SAVE_DIR"
fi
CHECKPOINT=${CHECKPOINT:-$SAVE_DIR/checkpoint_best.pt}
need_file "$CHECKPOINT" "checkpoint $CHECKPOINT not found; run scripts/wmt14/train.sh en $TGT first"

device=() && [[ $SMOKE == 1 || ${NGPUS:-$(gpu_count)} == 0 ]] && device=(--cpu)
gen=$SAVE_DIR/generate-test.txt
step "Decoding newstest2014 (en->$TGT) with $CHECKPOINT"
run_into "$gen" "$SAVE_DIR/generate-test.log" "fairseq-generate failed" \
  "$PY" -m fairseq_cli.generate "$DATA/bin" --user-dir "$USER_DIR" --path "$CHECKPOINT" \
  --source-lang en --target-lang "$TGT" --gen-subset test \
  --beam "$BEAM" --lenpen "$LENPEN" --remove-bpe --max-tokens 8000 \
  "${device[@]}" "$@"

split=() && [[ $TGT == de ]] && split=(--compound-split)
tok=("$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/tok/test.$TGT" "${split[@]}" --hyp-out "$SAVE_DIR/test.hyp")
detok=("$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/raw/test.$TGT" --metric sacrebleu --lang "$TGT")
if [[ $DRY_RUN == 1 ]]; then
  show "${tok[@]}"
  show "${detok[@]}"
else
  { "${tok[@]}" && "${detok[@]}"; } | tee "$SAVE_DIR/test.bleu"
fi
