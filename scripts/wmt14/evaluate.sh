#!/usr/bin/env bash
# Translate newstest2014 and score it as the R-Drop paper does for WMT14
# (Section 3.1, Appendix A.1, Table 2): average of the last AVERAGE epoch
# checkpoints (10, the authors' WMT script), beam 4, length penalty 0.6,
# tokenized BLEU (scripts/bleu.py, multi-bleu.perl style) after compound
# splitting for En->De (fairseq's compound_split_bleu.sh convention), plain
# tokenized BLEU for En->Fr. Detokenized sacreBLEU is printed as well, for reference.
#
#   scripts/wmt14/evaluate.sh [en de|en fr] [extra fairseq-generate args...]
#
# Knobs: DATA, SAVE_DIR, BASELINE=1 (as for train.sh), AVERAGE (10; 0 = no
# averaging), CHECKPOINT (a given checkpoint instead; default: the average, or
# checkpoint_best.pt without epoch checkpoints), NGPUS=0 / SMOKE=1 (CPU), BEAM (4),
# LENPEN (0.6). Writes $SAVE_DIR/generate-test.txt, test.hyp and test.bleu.
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
[[ -f $DATA/bin/dict.en.txt ]] || die "no prepared data in $DATA/bin; run scripts/wmt14/prepare.sh en $TGT first"

if [[ -z ${CHECKPOINT:-} ]]; then
  mapfile -t epochs < <(find "$SAVE_DIR" -maxdepth 1 -regex '.*/checkpoint[0-9]+\.pt' 2>/dev/null | sort -V | tail -n "$AVERAGE")
  if ((AVERAGE > 0 && ${#epochs[@]} > 0)); then
    CHECKPOINT=$SAVE_DIR/checkpoint.avg${#epochs[@]}.pt
    step "Averaging ${#epochs[@]} epoch checkpoints -> $CHECKPOINT"
    "$PY" "$REPO/scripts/wmt14/average_checkpoints.py" "$CHECKPOINT" "${epochs[@]}"
  else
    CHECKPOINT=$SAVE_DIR/checkpoint_best.pt
  fi
fi
[[ -f $CHECKPOINT ]] || die "checkpoint $CHECKPOINT not found; run scripts/wmt14/train.sh en $TGT first"

device=() && [[ $SMOKE == 1 || ${NGPUS:-$(gpu_count)} == 0 ]] && device=(--cpu)
gen=$SAVE_DIR/generate-test.txt
step "Decoding newstest2014 (en->$TGT) with $CHECKPOINT"
fairseq generate "$DATA/bin" --user-dir "$USER_DIR" --path "$CHECKPOINT" \
  --source-lang en --target-lang "$TGT" --gen-subset test \
  --beam "${BEAM:-4}" --lenpen "${LENPEN:-0.6}" --remove-bpe --max-tokens 8000 \
  "${device[@]}" "$@" >"$gen.tmp" 2>"$SAVE_DIR/generate-test.log" ||
  die "fairseq-generate failed, see $SAVE_DIR/generate-test.log"
mv "$gen.tmp" "$gen"

split=() && [[ $TGT == de ]] && split=(--compound-split)
{
  "$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/tok/test.$TGT" "${split[@]}" --hyp-out "$SAVE_DIR/test.hyp"
  "$PY" "$REPO/scripts/bleu.py" generate "$gen" --ref "$DATA/raw/test.$TGT" --metric sacrebleu --lang "$TGT"
} | tee "$SAVE_DIR/test.bleu"
