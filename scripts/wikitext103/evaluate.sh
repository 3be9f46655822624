#!/usr/bin/env bash
# Valid and test perplexity of a WikiText-103 language model with fairseq-eval-lm
# (paper Section 3.4, Table 5), scoring every token with extra left context:
#   transformer_lm_gpt  512-token blocks, 400 of them context (the authors'
#                       evaluate_lm_wiki103.sh, fairseq's language-model README)
#   adaptive            fairseq's adaptive-input evaluation: blocks of whole lines,
#                       3072 tokens with 2560 of context, softmax in batches of 1024
# EVAL=authors scores either model as the authors' evaluate_lm_wiki103.sh does (512-token
# blocks, 400 of context): their one published evaluation, which differs from fairseq's
# for the adaptive model.
#
#   bash scripts/wikitext103/evaluate.sh transformer_lm_gpt
#   BASELINE=1 bash scripts/wikitext103/evaluate.sh adaptive
#
# Knobs: DATA, SAVE_DIR (as train.sh), CHECKPOINT (default $SAVE_DIR/checkpoint_best.pt),
# OUT (default $SAVE_DIR/eval), NGPUS=0 or SMOKE=1 (CPU; SMOKE scores 64-token blocks
# with 32 of context, as the SMOKE models are trained), DRY_RUN=1 (print the command).
# Output: $OUT/perplexity.json, $OUT/eval_lm.log; prints one line per split.
source "$(dirname "$0")/../common.sh"
MODEL=${1:-${MODEL:-transformer_lm_gpt}}
DATA=$(realpath -m "${DATA:-data/wikitext103}")
variant=
[[ $BASELINE == 1 ]] && variant=_baseline
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/wikitext103_${MODEL}$variant}")
CHECKPOINT=${CHECKPOINT:-$SAVE_DIR/checkpoint_best.pt}
OUT=${OUT:-$SAVE_DIR/eval}
case $MODEL in
  transformer_lm_gpt) settings=(--tokens-per-sample 512 --context-window 400 --batch-size 2) ;;
  adaptive)
    settings=(--sample-break-mode complete --tokens-per-sample 3072 --context-window 2560
      --max-tokens 3072 --softmax-batch 1024)
    ;;
  *) die "model must be transformer_lm_gpt or adaptive, got '$MODEL'" ;;
esac
case ${EVAL:-} in
  '') ;;
  authors) settings=(--tokens-per-sample 512 --context-window 400 --batch-size 2) ;;
  *) die "EVAL must be empty or 'authors', got '$EVAL'" ;;
esac
need_file "$CHECKPOINT" "no checkpoint $CHECKPOINT: run scripts/wikitext103/train.sh $MODEL"
need_file "$DATA/bin/dict.txt" "no binarized data in $DATA/bin: run scripts/wikitext103/prepare.sh"
if [[ $SMOKE == 1 ]]; then
  settings=(--tokens-per-sample 64 --context-window 32 --max-tokens 2048)
fi
if [[ $SMOKE == 1 || ${NGPUS:-1} == 0 ]]; then
  settings+=(--cpu)
fi

cmd=("$PY" "$REPO/scripts/wikitext103/lm_eval.py" "$DATA/bin" "$CHECKPOINT" --splits valid test
  --json "$OUT/perplexity.json" -- "${settings[@]}")
if [[ $DRY_RUN == 1 ]]; then
  show "${cmd[@]}"
  exit 0
fi
mkdir -p "$OUT"
step "Perplexity of $CHECKPOINT on valid and test"
"${cmd[@]}" 2>&1 | tee "$OUT/eval_lm.log"
