#!/usr/bin/env bash
# Train a Transformer (transformer_iwslt_de_en) on an IWSLT direction with
# R-Drop, or the paper's baseline with BASELINE=1 (Section 3.1, Appendix A.1,
# Table 1). Hyperparameters: configs/iwslt<year>_<pair>_rdrop.yaml.
#
#   scripts/iwslt/train.sh [SRC TGT] [hydra overrides...]   (default de en)
#
# The paper's batch is one GPU x 4096 tokens: with NGPUS=n each GPU takes 4096/n
# tokens (n = 1, 2, 4, 8, ...; other counts are refused). The best checkpoint is
# the one with the best validation BLEU (fairseq's --eval-bleu, beam 5, decoded
# and scored as evaluate.sh scores the test set), for R-Drop and the baseline alike.
# Knobs: DATA (as for prepare.sh), SAVE_DIR (default
# checkpoints/iwslt<year>_<src>_<tgt>_{rdrop,baseline}), NGPUS (default 1 if a GPU is
# visible, else 0 = CPU), PER_GPU, FP16 (1 on GPU, as the authors), BASELINE=1,
# SMOKE=1 (tiny model, a few CPU updates), DRY_RUN=1 (print the command).
# Logs: $SAVE_DIR/train.log and hydra's $SAVE_DIR/hydra/.
source "$(dirname "$0")/../common.sh"
source "$(dirname "$0")/pairs.sh"

if [[ $# -ge 2 && $1 != *=* && $2 != *=* ]]; then
  SRC=$1 TGT=$2
  shift 2
fi
SRC=${SRC:-de} TGT=${TGT:-en}
iwslt_pair "$SRC" "$TGT"
refuse_batch_overrides "$@"
need_file "$DATA/bin/dict.$SRC.txt" "no prepared data in $DATA/bin; run scripts/iwslt/prepare.sh $SRC $TGT first"
mode=$([[ $BASELINE == 1 ]] && echo baseline || echo rdrop)
SAVE_DIR=$(realpath -m "${SAVE_DIR:-checkpoints/iwslt${YEAR}_${SRC}_${TGT}_$mode}")

BASELINE_OVERRIDES=("${TRANSLATION_BASELINE[@]}")
SMOKE_OVERRIDES=("${TINY_ENCODER_DECODER[@]}")
# validation BLEU as evaluate.sh measures it: tokenized BLEU on the tokenized text for
# De<->En and for characters (->Zh), else sacreBLEU on Moses-detokenized text
# ("++": add or override; a plugin task's node holds only the keys its yaml names)
if [[ $METRIC == tok || $TGT == zh ]]; then
  bleu=(++task.eval_bleu_detok=space ++task.eval_tokenized_bleu=true)
else
  bleu=(++task.eval_bleu_detok=moses "++task.eval_bleu_detok_args='{\"target_lang\": \"$TGT\"}'"
    ++task.eval_tokenized_bleu=false)
fi
plan_batch tokens 1 4096 1 1000
hydra_train "$CONFIG" "$DATA/bin" "$SAVE_DIR" task.source_lang="$SRC" task.target_lang="$TGT" \
  "${bleu[@]}" "$@"
