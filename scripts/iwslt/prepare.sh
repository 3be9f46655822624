#!/usr/bin/env bash
# Prepare an IWSLT pair of the R-Drop paper (Section 3.1, Appendix A.1, Table 1):
# IWSLT14 De-En / En-Es and IWSLT17 En-Fr / En-Zh.
#
#   scripts/iwslt/prepare.sh [SRC TGT]        (default: $SRC/$TGT, else de en)
#
# Follows fairseq's examples/translation/prepare-iwslt14.sh with the Python
# packages: metadata lines dropped from train.tags.*, Moses tokenization
# (sacremoses), clean-corpus (ratio 1.5, 1-175 tokens), lowercasing (De-En
# only), every 23rd training pair held out as valid, test = all dev/tst xml
# sets of the archive (dev2010, [dev2012,] tst2010, ...), joint BPE with
# BPE_TOKENS (10k) merges (En-Zh: Chinese split into characters, one BPE and
# dictionary per language), then fairseq-preprocess. Both directions of a pair
# share one prepared folder.
#
# Knobs: ARCHIVES (folder with the pair's archive: PAIR.tgz or PAIR.zip, e.g.
# de-en.tgz, en-es.tgz, en-fr.zip, en-zh.zip; the reversed name, e.g. fr-en.zip,
# works too; sources in scripts/iwslt/README.md), OFFLINE=1 (never download), DATA (default data/iwslt<year>_<pair>), BPE_TOKENS (10000),
# TEST_SETS (e.g. tst2010,tst2011; default all), WORKERS, FORCE=1 (redo).
# Output: $DATA/bin (fairseq binaries), $DATA/tok/test.* (tokenized
# references), $DATA/raw/test.* (original references, for sacreBLEU), $DATA/bpe.
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/pairs.sh"

SRC=${1:-${SRC:-de}} TGT=${2:-${TGT:-en}}
iwslt_pair "$SRC" "$TGT"
BPE_TOKENS=${BPE_TOKENS:-10000}
WORKERS=${WORKERS:-$(nproc)}
[[ $BPE_TOKENS =~ ^[0-9]+$ ]] || die "BPE_TOKENS must be a number, got '$BPE_TOKENS'"
MT="$PY $REPO/scripts/mt_prep.py"

if [[ -f $DATA/bin/dict.$PAIR_SRC.txt && ${FORCE:-0} != 1 ]]; then
  step "IWSLT$YEAR $PAIR already prepared in $DATA (FORCE=1 to redo)"
  exit 0
fi
archive=""
names=("$PAIR.tgz" "$PAIR.zip" "$PAIR_TGT-$PAIR_SRC.tgz" "$PAIR_TGT-$PAIR_SRC.zip")
for name in "${names[@]}"; do
  [[ -n ${ARCHIVES:-} && -e $ARCHIVES/$name ]] && archive=$ARCHIVES/$name && break
done
if [[ -z $archive ]]; then
  if [[ -n ${OFFLINE:-} || -z $URL ]]; then
    die "archive $ARCHIVE not found in ARCHIVES=${ARCHIVES:-unset} (also accepted: ${names[*]:1})$([[ -n ${OFFLINE:-} ]] && echo ' and OFFLINE is set'); get it from $ARCHIVE_SOURCE"
  fi
  archive=$(DOWNLOADS=${DOWNLOADS:-$DATA/downloads} fetch "$ARCHIVE" "$URL")
fi

work=$DATA/tmp
rm -rf "$work"
mkdir -p "$work"/{raw,tok,bpe,bin}
step "Extracting $archive"
$MT iwslt-extract "$archive" "$PAIR_SRC" "$PAIR_TGT" "$work/raw" --year "$YEAR" --test-sets "${TEST_SETS:-}"

step "Tokenizing (sacremoses$([[ $LOWERCASE == 1 ]] && echo ', lowercased'))"
lc=() && [[ $LOWERCASE == 1 ]] && lc=(--lowercase)
files=()
for l in $PAIR_SRC $PAIR_TGT; do
  files+=("$l" "$work/raw/train.$l" "$work/tok/train.all.$l" "$l" "$work/raw/test.$l" "$work/tok/test.all.$l")
done
$MT tokenize "${lc[@]}" --workers "$WORKERS" "${files[@]}"
$MT clean "$work/tok/train.all" "$PAIR_SRC" "$PAIR_TGT" "$work/tok/train.clean" --ratio "$CLEAN_RATIO" --min 1 --max 175
for l in $PAIR_SRC $PAIR_TGT; do
  awk 'NR % 23 == 0' "$work/tok/train.clean.$l" >"$work/tok/valid.$l"
  awk 'NR % 23 != 0' "$work/tok/train.clean.$l" >"$work/tok/train.$l"
  mv "$work/tok/test.all.$l" "$work/tok/test.$l"
  rm "$work/tok/train.all.$l" "$work/tok/train.clean.$l"
done

if [[ $JOINT == 1 ]]; then
  step "Learning joint BPE ($BPE_TOKENS merges)"
  $MT learn-bpe --symbols "$BPE_TOKENS" "$work/bpe/code" "$work/tok/train.$PAIR_SRC" "$work/tok/train.$PAIR_TGT"
  for l in $PAIR_SRC $PAIR_TGT; do ln -s code "$work/bpe/code.$l"; done
else
  step "Learning one BPE per language ($BPE_TOKENS merges each)"
  for l in $PAIR_SRC $PAIR_TGT; do
    $MT learn-bpe --symbols "$BPE_TOKENS" "$work/bpe/code.$l" "$work/tok/train.$l"
  done
fi
files=()
for l in $PAIR_SRC $PAIR_TGT; do
  for split in train valid test; do files+=("$work/bpe/code.$l" "$work/tok/$split.$l" "$work/bpe/$split.$l"); done
done
$MT apply-bpe --workers "$WORKERS" "${files[@]}"

step "Binarizing"
joined=() && [[ $JOINT == 1 ]] && joined=(--joined-dictionary)
fairseq preprocess --source-lang "$PAIR_SRC" --target-lang "$PAIR_TGT" "${joined[@]}" \
  --trainpref "$work/bpe/train" --validpref "$work/bpe/valid" --testpref "$work/bpe/test" \
  --destdir "$work/bin" --workers "$WORKERS" >"$work/preprocess.log" 2>&1 ||
  die "fairseq-preprocess failed, see $work/preprocess.log"

# publish: the bin folder last, since it marks the pair as prepared
rm -rf "$DATA/raw" "$DATA/tok" "$DATA/bpe" "$DATA/bin"
for d in raw tok bpe bin; do mv "$work/$d" "$DATA/$d"; done
rm -rf "$work"
step "IWSLT$YEAR $PAIR ready: $DATA/bin ($(wc -l <"$DATA/bpe/train.$PAIR_SRC") train, $(wc -l <"$DATA/bpe/valid.$PAIR_SRC") valid, $(wc -l <"$DATA/bpe/test.$PAIR_SRC") test pairs)"
