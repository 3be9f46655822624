#!/usr/bin/env bash
# WikiText-103 for language modeling (paper Section 3.4, Appendix A), as in
# fairseq's examples/language_model/README.md: the word-level
# wikitext-103-v1.zip (wikitext-103/wiki.{train,valid,test}.tokens, already
# tokenized, rare words as <unk>), binarized by fairseq-preprocess --only-source
# (one dictionary of the training words, about 267k types).
#
#   bash scripts/wikitext103/prepare.sh
#
# Knobs: ARCHIVES (a folder holding wikitext-103-v1.zip; else it is downloaded),
# DATA (default data/wikitext103), WORKERS (binarization processes, default: all
# cores), OFFLINE=1 (never download).
# Output: $DATA/raw/wiki.*.tokens, $DATA/bin (dict.txt, train/valid/test).
source "$(dirname "$0")/../common.sh"
DATA=$(realpath -m "${DATA:-data/wikitext103}")
WORKERS=${WORKERS:-$(nproc)}
# the original research.metamind.io address is gone; this is the dataset author's mirror
URL=${WIKITEXT_URL:-https://wikitext.smerity.com/wikitext-103-v1.zip}
SPLITS=(train valid test)

if [[ -d $DATA/bin ]]; then
  step "Already prepared: $DATA/bin"
  exit 0
fi
archive=$(fetch wikitext-103-v1.zip "$URL")
# the three files, checked before anything is written
"$PY" - "$archive" <<'PYEOF' || die "$archive is not wikitext-103-v1.zip (need wikitext-103/wiki.{train,valid,test}.tokens)"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
sys.exit(any(f"wikitext-103/wiki.{s}.tokens" not in names for s in ("train", "valid", "test")))
PYEOF

if [[ ! -d $DATA/raw ]]; then
  step "Extracting $archive"
  rm -rf "$DATA/raw.tmp" && mkdir -p "$DATA/raw.tmp"
  "$PY" - "$archive" "$DATA/raw.tmp" <<'PYEOF'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for split in ("train", "valid", "test"):
        with z.open(f"wikitext-103/wiki.{split}.tokens") as src, \
                open(f"{sys.argv[2]}/wiki.{split}.tokens", "wb") as dst:
            shutil.copyfileobj(src, dst)
PYEOF
  mv "$DATA/raw.tmp" "$DATA/raw"
fi

step "Binarizing -> $DATA/bin"
rm -rf "$DATA/bin.tmp"
fairseq preprocess --only-source --trainpref "$DATA/raw/wiki.train.tokens" \
  --validpref "$DATA/raw/wiki.valid.tokens" --testpref "$DATA/raw/wiki.test.tokens" \
  --destdir "$DATA/bin.tmp" --workers "$WORKERS"
mv "$DATA/bin.tmp" "$DATA/bin"
step "Done: $DATA/bin ($(wc -l <"$DATA/bin/dict.txt") words in the dictionary)"
