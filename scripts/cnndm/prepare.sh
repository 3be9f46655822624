#!/usr/bin/env bash
# CNN/DailyMail for BART fine-tuning (paper Section 3.3, Appendix A), as in
# fairseq's examples/bart/README.summarization.md:
#   1. the non-tokenized, cased CNN/DM text files train/val/test.{source,target}
#      (one article / one summary a line, made by the usual cnn-dailymail
#      processing: github.com/abisee/cnn-dailymail, github.com/artmatsak/cnn-dailymail);
#   2. bart.large (model.pt + dict.txt) and the GPT-2 BPE files encoder.json, vocab.bpe;
#   3. GPT-2 BPE of every file (scripts/cnndm/bpe.py, fairseq's GPT-2 encoder);
#   4. fairseq-preprocess of train and val with bart.large's dict.txt for both sides.
# The test split stays raw: scripts/cnndm/evaluate.sh summarizes test.source.
#
#   bash scripts/cnndm/prepare.sh
#
# Inputs, looked up in this order (nothing is downloaded for the text):
#   CNNDM_TEXT=<folder>            holding the six text files
#   $ARCHIVES/cnn_dm/              the same folder inside ARCHIVES
#   $ARCHIVES/cnn_dm.tar.gz        an archive holding the six files (any folder depth)
# and bart.large.tar.gz (or an extracted bart.large/), encoder.json, vocab.bpe from
# ARCHIVES, else downloaded from dl.fbaipublicfiles.com.
# Knobs: DATA (default data/cnndm), ARCHIVES, WORKERS (BPE and binarization
# processes, default: all cores), OFFLINE=1 (never download).
# Output: $DATA/raw (text), $DATA/bart.large, $DATA/gpt2_bpe, $DATA/bpe, $DATA/bin.
source "$(dirname "$0")/../common.sh"
DATA=$(realpath -m "${DATA:-data/cnndm}")
WORKERS=${WORKERS:-$(nproc)}
FILES=(train.source train.target val.source val.target test.source test.target)
GPT2=https://dl.fbaipublicfiles.com/fairseq/gpt2_bpe

# --- inputs, all checked before any work --------------------------------------
uneven_split() {  # uneven_split DIR: the first split whose source and target line counts differ
  local split src tgt
  for split in train val test; do
    src=$(wc -l <"$1/$split.source") tgt=$(wc -l <"$1/$split.target")
    if ((src != tgt || src == 0)); then
      echo "$split.source has $src lines but $split.target $tgt"
      return
    fi
  done
}
text_dir= text_archive=
if [[ -n ${CNNDM_TEXT:-} ]]; then
  [[ -d $CNNDM_TEXT ]] || die "CNNDM_TEXT=$CNNDM_TEXT is not a folder"
  text_dir=$CNNDM_TEXT
elif [[ -n ${ARCHIVES:-} && -d $ARCHIVES/cnn_dm ]]; then
  text_dir=$ARCHIVES/cnn_dm
elif [[ -n ${ARCHIVES:-} && -f $ARCHIVES/cnn_dm.tar.gz ]]; then
  text_archive=$ARCHIVES/cnn_dm.tar.gz
elif [[ ! -d $DATA/raw ]]; then
  die "CNN/DM text not found: set CNNDM_TEXT=<folder with ${FILES[*]}> or put cnn_dm/ or cnn_dm.tar.gz in ARCHIVES (scripts/cnndm/README.md)"
fi
if [[ -n $text_dir ]]; then
  for f in "${FILES[@]}"; do
    [[ -f $text_dir/$f ]] || die "$text_dir has no $f (need ${FILES[*]})"
  done
  uneven=$(uneven_split "$text_dir")
  [[ -z $uneven ]] || die "$text_dir: $uneven"
elif [[ -n $text_archive ]]; then
  listing=$(tar -tzf "$text_archive") || die "cannot read $text_archive"
  for f in "${FILES[@]}"; do
    grep -Eq "(^|/)$f\$" <<<"$listing" || die "$text_archive has no $f (need ${FILES[*]})"
  done
fi
bart_dir=
if [[ -n ${ARCHIVES:-} && -f $ARCHIVES/bart.large/model.pt ]]; then
  bart_dir=$ARCHIVES/bart.large
  [[ -f $bart_dir/dict.txt ]] || die "$bart_dir has model.pt but no dict.txt"
fi

mkdir -p "$DATA"
# --- 1. text -------------------------------------------------------------------
if [[ ! -d $DATA/raw ]]; then
  step "CNN/DM text -> $DATA/raw"
  rm -rf "$DATA/raw.tmp" && mkdir -p "$DATA/raw.tmp"
  if [[ -n $text_archive ]]; then
    tar -xzf "$text_archive" -C "$DATA/raw.tmp"
    for f in "${FILES[@]}"; do
      found=$(find "$DATA/raw.tmp" -mindepth 2 -type f -name "$f" -print -quit)
      [[ -n $found ]] && mv "$found" "$DATA/raw.tmp/$f"
    done
    find "$DATA/raw.tmp" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
  else
    for f in "${FILES[@]}"; do cp "$text_dir/$f" "$DATA/raw.tmp/$f"; done
  fi
  uneven=$(uneven_split "$DATA/raw.tmp")
  if [[ -n $uneven ]]; then
    rm -rf "$DATA/raw.tmp"
    die "$text_archive: $uneven"
  fi
  mv "$DATA/raw.tmp" "$DATA/raw"
fi

# --- 2. bart.large and the GPT-2 BPE --------------------------------------------
if [[ ! -f $DATA/bart.large/model.pt ]]; then
  if [[ -n $bart_dir ]]; then
    step "bart.large: linking $bart_dir"
    ln -sfn "$(cd "$bart_dir" && pwd)" "$DATA/bart.large"
  else
    archive=$(fetch bart.large.tar.gz https://dl.fbaipublicfiles.com/fairseq/models/bart.large.tar.gz)
    step "Extracting $archive"
    rm -rf "$DATA/bart.tmp" && mkdir -p "$DATA/bart.tmp"
    tar -xzf "$archive" -C "$DATA/bart.tmp"
    [[ -f $DATA/bart.tmp/bart.large/model.pt && -f $DATA/bart.tmp/bart.large/dict.txt ]] ||
      die "$archive does not hold bart.large/model.pt and bart.large/dict.txt"
    rm -rf "$DATA/bart.large"
    mv "$DATA/bart.tmp/bart.large" "$DATA/bart.large"
    rm -rf "$DATA/bart.tmp"
  fi
fi
mkdir -p "$DATA/gpt2_bpe"
for f in encoder.json vocab.bpe; do
  if [[ ! -s $DATA/gpt2_bpe/$f ]]; then
    src=$(DOWNLOADS=$DATA/gpt2_bpe fetch "$f" "$GPT2/$f")
    [[ $src -ef $DATA/gpt2_bpe/$f ]] || cp "$src" "$DATA/gpt2_bpe/$f"
  fi
done

# --- 3. GPT-2 BPE ------------------------------------------------------------------
if [[ ! -d $DATA/bpe ]]; then
  step "GPT-2 BPE ($WORKERS workers) -> $DATA/bpe"
  rm -rf "$DATA/bpe.tmp" && mkdir -p "$DATA/bpe.tmp"
  inputs=() outputs=()
  for split in train val; do
    for side in source target; do
      inputs+=("$DATA/raw/$split.$side") outputs+=("$DATA/bpe.tmp/$split.bpe.$side")
    done
  done
  "$PY" "$REPO/scripts/cnndm/bpe.py" --encoder-json "$DATA/gpt2_bpe/encoder.json" \
    --vocab-bpe "$DATA/gpt2_bpe/vocab.bpe" --inputs "${inputs[@]}" --outputs "${outputs[@]}" \
    --workers "$WORKERS"
  mv "$DATA/bpe.tmp" "$DATA/bpe"
fi

# --- 4. binarize -------------------------------------------------------------------
if [[ ! -d $DATA/bin ]]; then
  step "Binarizing with bart.large/dict.txt -> $DATA/bin"
  rm -rf "$DATA/bin.tmp"
  fairseq preprocess --source-lang source --target-lang target \
    --trainpref "$DATA/bpe/train.bpe" --validpref "$DATA/bpe/val.bpe" \
    --destdir "$DATA/bin.tmp" --srcdict "$DATA/bart.large/dict.txt" \
    --tgtdict "$DATA/bart.large/dict.txt" --workers "$WORKERS"
  mv "$DATA/bin.tmp" "$DATA/bin"
fi
step "Done: $DATA/bin ($(wc -l <"$DATA/raw/test.source") test articles in $DATA/raw)"
