#!/usr/bin/env bash
# Prepare one GLUE task for RoBERTa fine-tuning (paper Section 3.2, Appendix A):
# the task's TSVs -> GPT-2 BPE -> fairseq binaries, exactly as fairseq's
# examples/roberta/preprocess_GLUE_tasks.sh does (input0/ [input1/] label/, inputs
# binarized with RoBERTa's dict.txt, labels with --only-source, STS-B scores / 5 as text).
#
# Usage: scripts/glue/prepare.sh TASK        TASK: MNLI QNLI QQP RTE SST-2 MRPC CoLA STS-B
#
#   GLUE_DIR=glue_data  take GLUE_DIR/TASK/*.tsv (the download_glue_data.py layout)
#   ARCHIVES=dir        local copies of the downloads: the task's zip under its download
#                       name (CoLA.zip SST-2.zip STS-B.zip RTE.zip MNLI.zip QNLIv2.zip
#                       QQP-clean.zip; QNLI.zip, QQP.zip and MRPC.zip also accepted) and
#                       encoder.json, vocab.bpe, dict.txt (fairseq's gpt2_bpe files)
#   DATA=data/glue      output: DATA/TASK-bin (binaries), DATA/TASK-processed (BPE'd text)
#   WORKERS=nproc       fairseq-preprocess workers
#
# MRPC has no single official archive (download_glue_data.py assembles it): use GLUE_DIR
# or put a zip of that MRPC folder in ARCHIVES as MRPC.zip.
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/tasks.sh"
glue_task "${1:-}"

GLUE_URL=https://dl.fbaipublicfiles.com/glue/data
GPT2_URL=https://dl.fbaipublicfiles.com/fairseq/gpt2_bpe
case $TASK in  # the download's name first, then accepted local names
  QNLI) ZIPS=(QNLIv2.zip QNLI.zip) ;;
  QQP) ZIPS=(QQP-clean.zip QQP.zip) ;;
  *) ZIPS=("$TASK.zip") ;;
esac

if [[ -d $BIN ]]; then
  step "$BIN exists; remove it to prepare $TASK again"
  exit 0
fi

# where the TSVs come from, decided before any work
SOURCE=
if [[ -n ${GLUE_DIR:-} ]]; then
  [[ -f $GLUE_DIR/$TASK/train.tsv ]] || die "GLUE_DIR=$GLUE_DIR has no $TASK/train.tsv"
  SOURCE=$GLUE_DIR/$TASK
else
  for zip in "${ZIPS[@]}"; do
    if [[ -n ${ARCHIVES:-} && -f $ARCHIVES/$zip ]]; then
      SOURCE=$ARCHIVES/$zip
      break
    fi
  done
  if [[ -z $SOURCE ]]; then
    [[ $TASK != MRPC ]] ||
      die "MRPC has no single download: set GLUE_DIR to download_glue_data.py's output or put MRPC.zip in ARCHIVES"
    SOURCE=$(fetch "${ZIPS[0]}" "$GLUE_URL/${ZIPS[0]}")
  fi
fi
ENCODER_JSON=$(fetch encoder.json "$GPT2_URL/encoder.json")
VOCAB_BPE=$(fetch vocab.bpe "$GPT2_URL/vocab.bpe")
DICT=$(fetch dict.txt "$GPT2_URL/dict.txt")

mkdir -p "$DATA"
TMP=$(mktemp -d "$DATA/.$TASK.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
step "Preparing $TASK from $SOURCE"
"$PY" "$REPO/scripts/glue/prepare.py" --task "$TASK" --source "$SOURCE" \
  --encoder-json "$ENCODER_JSON" --vocab-bpe "$VOCAB_BPE" --dict "$DICT" \
  --work "$TMP/processed" --dest "$TMP/bin" --workers "${WORKERS:-$(nproc)}"
rm -rf "$DATA/$TASK-processed"
mv "$TMP/processed" "$DATA/$TASK-processed"
mv "$TMP/bin" "$BIN"
step "Done: $BIN"
