#!/usr/bin/env bash
# Prepare WMT14 En->De or En->Fr for the R-Drop paper (Section 3.1, Appendix A.1,
# Table 2).
#
#   scripts/wmt14/prepare.sh [en de|en fr]        (default: $SRC/$TGT, else en de)
#
# Follows fairseq's examples/translation/prepare-wmt14en2{de,fr}.sh (En-De with
# News Commentary v9, i.e. the WMT14 data) with the Python packages: punctuation
# normalization, non-printing characters removed and Moses tokenization with
# aggressive dash splitting (sacremoses), joint BPE with BPE_TOKENS merges,
# clean-corpus on the BPE'd training data (ratio 1.5, 1-250 tokens), one joined
# dictionary. Unlike fairseq (1% of train held out), valid is newstest2013 and
# test newstest2014, as in the paper.
#
# Archives (the statmt.org names; put them in ARCHIVES=<dir> or they are
# downloaded): training-parallel-europarl-v7.tgz, training-parallel-commoncrawl.tgz,
# training-parallel-nc-v9.tgz, dev.tgz, test-full.tgz; En-Fr also
# training-parallel-un.tgz and training-giga-fren.tar.
#
# Knobs: ARCHIVES, OFFLINE=1, DATA (default data/wmt14_en_<tgt>), BPE_TOKENS
# (32000: the ~32k joint vocabulary of the authors' En-De data; fairseq's own
# scripts use 40000), WORKERS (default all cores), FORCE=1.
# Output: $DATA/bin, $DATA/tok/{valid,test}.* (tokenized references),
# $DATA/raw/{valid,test}.* (original text), $DATA/bpe/code.
source "$(dirname "$0")/../common.sh"

SRC=${1:-${SRC:-en}} TGT=${2:-${TGT:-de}}
case "$SRC-$TGT" in
  en-de) names=(training-parallel-europarl-v7.tgz training-parallel-commoncrawl.tgz
    training-parallel-nc-v9.tgz dev.tgz test-full.tgz) ;;
  en-fr) names=(training-parallel-europarl-v7.tgz training-parallel-commoncrawl.tgz
    training-parallel-un.tgz training-parallel-nc-v9.tgz training-giga-fren.tar dev.tgz test-full.tgz) ;;
  *) die "unsupported direction '$SRC->$TGT'; choose en->de or en->fr" ;;
esac
declare -A URLS=(
  [training-parallel-europarl-v7.tgz]=http://statmt.org/wmt13/training-parallel-europarl-v7.tgz
  [training-parallel-commoncrawl.tgz]=http://statmt.org/wmt13/training-parallel-commoncrawl.tgz
  [training-parallel-nc-v9.tgz]=http://statmt.org/wmt14/training-parallel-nc-v9.tgz
  [training-parallel-un.tgz]=http://statmt.org/wmt13/training-parallel-un.tgz
  [training-giga-fren.tar]=http://statmt.org/wmt10/training-giga-fren.tar
  [dev.tgz]=http://statmt.org/wmt14/dev.tgz
  [test-full.tgz]=http://statmt.org/wmt14/test-full.tgz
)
DATA=$(realpath -m "${DATA:-data/wmt14_en_$TGT}")
BPE_TOKENS=${BPE_TOKENS:-32000}
WORKERS=${WORKERS:-$(nproc)}
[[ $BPE_TOKENS =~ ^[0-9]+$ ]] || die "BPE_TOKENS must be a number, got '$BPE_TOKENS'"
MT="$PY $REPO/scripts/mt_prep.py"

if [[ -f $DATA/bin/dict.en.txt && ${FORCE:-0} != 1 ]]; then
  step "WMT14 en-$TGT already prepared in $DATA (FORCE=1 to redo)"
  exit 0
fi
if [[ -n ${OFFLINE:-} ]]; then  # name every missing archive at once, before any work
  missing=()
  for name in "${names[@]}"; do [[ -n ${ARCHIVES:-} && -e $ARCHIVES/$name ]] || missing+=("$name"); done
  ((${#missing[@]} == 0)) || die "archive(s) ${missing[*]} not found in ARCHIVES=${ARCHIVES:-unset} and OFFLINE is set"
fi
work=$DATA/tmp
rm -rf "$work"
mkdir -p "$work"/{archives,raw,tok,bpe,bin}
for name in "${names[@]}"; do
  path=$(DOWNLOADS=${DOWNLOADS:-$DATA/downloads} fetch "$name" "${URLS[$name]}")
  ln -s "$(realpath "$path")" "$work/archives/$name"
done

step "Extracting training corpora, newstest2013 (valid) and newstest2014 (test)"
$MT wmt14-extract "$work/archives" "$TGT" "$work/raw"

step "Normalizing and tokenizing (sacremoses, aggressive dash splits; $WORKERS workers)"
$MT tokenize --normalize --aggressive --workers "$WORKERS" \
  en "$work/raw/train.en" "$work/tok/train.en" "$TGT" "$work/raw/train.$TGT" "$work/tok/train.$TGT"
rm "$work/raw/train.en" "$work/raw/train.$TGT"
files=()
for l in en $TGT; do
  for split in valid test; do files+=("$l" "$work/raw/$split.$l" "$work/tok/$split.$l"); done
done
$MT tokenize --aggressive --workers "$WORKERS" "${files[@]}"

step "Learning joint BPE ($BPE_TOKENS merges)"
$MT learn-bpe --symbols "$BPE_TOKENS" "$work/bpe/code" "$work/tok/train.en" "$work/tok/train.$TGT"
files=()
for l in en $TGT; do
  files+=("$work/bpe/code" "$work/tok/train.$l" "$work/bpe/train.all.$l")
  for split in valid test; do files+=("$work/bpe/code" "$work/tok/$split.$l" "$work/bpe/$split.$l"); done
done
$MT apply-bpe --workers "$WORKERS" "${files[@]}"
rm "$work/tok/train.en" "$work/tok/train.$TGT"
$MT clean "$work/bpe/train.all" en "$TGT" "$work/bpe/train" --ratio 1.5 --min 1 --max 250
rm "$work/bpe/train.all.en" "$work/bpe/train.all.$TGT"

step "Binarizing"
fairseq preprocess --source-lang en --target-lang "$TGT" --joined-dictionary \
  --trainpref "$work/bpe/train" --validpref "$work/bpe/valid" --testpref "$work/bpe/test" \
  --destdir "$work/bin" --workers "$WORKERS" >"$work/preprocess.log" 2>&1 ||
  die "fairseq-preprocess failed, see $work/preprocess.log"
n_train=$(wc -l <"$work/bpe/train.en")
rm "$work/bpe/train.en" "$work/bpe/train.$TGT"

# publish: the bin folder last, since it marks the data as prepared
rm -rf "$DATA/raw" "$DATA/tok" "$DATA/bpe" "$DATA/bin"
for d in raw tok bpe bin; do mv "$work/$d" "$DATA/$d"; done
rm -rf "$work"
step "WMT14 en-$TGT ready: $DATA/bin ($n_train train, $(wc -l <"$DATA/tok/valid.en") valid, $(wc -l <"$DATA/tok/test.en") test pairs)"
