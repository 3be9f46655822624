#!/usr/bin/env bash
# ROUGE-1/2/L F1 of summaries with the official ROUGE-1.5.5 through files2rouge, on
# PTB-tokenized, lower-cased text: the protocol of fairseq's BART CNN/DM README and of
# the published CNN/DM numbers (scripts/cnndm/evaluate.sh runs it with SCORER=files2rouge).
#
#   scripts/cnndm/files2rouge.sh HYPOTHESES REFERENCES OUT_DIR
#
# Needs the files2rouge command (github.com/pltrdy/files2rouge, which installs
# ROUGE-1.5.5) and Stanford CoreNLP's PTBTokenizer on the Java CLASSPATH
# (stanford-corenlp-3.7.0.jar of stanford-corenlp-full-2016-10-31, as fairseq's README).
# Writes OUT_DIR/*.tokenized and OUT_DIR/files2rouge.txt; prints one line
# "ROUGE-1 R1 ROUGE-2 R2 ROUGE-L RL" (F1 x 100), as rouge_files.py.
source "$(dirname "$0")/../common.sh"

files2rouge_missing() {  # why files2rouge cannot run here, or nothing
  if ! command -v files2rouge >/dev/null; then
    echo "SCORER=files2rouge needs the files2rouge command (pip install from github.com/pltrdy/files2rouge, then files2rouge's setup_rouge.py) on PATH"
  elif ! command -v java >/dev/null; then
    echo "SCORER=files2rouge needs java for Stanford CoreNLP's PTBTokenizer"
  elif [[ ${CLASSPATH:-} != *stanford-corenlp* ]]; then
    echo "SCORER=files2rouge needs Stanford CoreNLP on the CLASSPATH (export CLASSPATH=/path/to/stanford-corenlp-3.7.0.jar)"
  fi
}

if [[ ${1:-} == --missing ]]; then  # for evaluate.sh's one-line error before any decoding
  files2rouge_missing
  exit 0
fi
(($# == 3)) || die "usage: files2rouge.sh HYPOTHESES REFERENCES OUT_DIR"
hyp=$1 ref=$2 out=$3
why=$(files2rouge_missing)
[[ -z $why ]] || die "$why"
[[ -f $hyp && -f $ref ]] || die "no such file: $([[ -f $hyp ]] && echo "$ref" || echo "$hyp")"
mkdir -p "$out"
for side in hyp ref; do
  java edu.stanford.nlp.process.PTBTokenizer -preserveLines <"${!side}" 2>/dev/null |
    tr '[:upper:]' '[:lower:]' >"$out/$side.tokenized"
done
files2rouge "$out/hyp.tokenized" "$out/ref.tokenized" >"$out/files2rouge.txt" 2>&1 ||
  die "files2rouge failed, see $out/files2rouge.txt"
awk '/ROUGE-[12L] Average_F:/ { f[$2] = 100 * $4 }
  END { if (length(f) < 3) exit 1; printf "ROUGE-1 %.2f ROUGE-2 %.2f ROUGE-L %.2f\n", f["ROUGE-1"], f["ROUGE-2"], f["ROUGE-L"] }' \
  "$out/files2rouge.txt" || die "no ROUGE-1/2/L F scores in $out/files2rouge.txt"
