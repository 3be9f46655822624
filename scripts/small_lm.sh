# Shared steps of the small language-model runs that train to convergence on
# a CPU: scripts/quickstart.sh lm (the main job's LM mode) and
# benchmarks/reproduce_small.sh (lm slices) source this file after
# scripts/small_mt.sh, whose Bible corpus, run names, progress lines and
# wall-clock bookkeeping it uses. Needs PY and BIN.
#
# Setting (WikiText-103's recipe scaled down; sized by measurement, see
# benchmarks/RESULTS.md): word-level English Bible text (scripts/lm_corpus.py:
# held-out books for validation and test, Moses tokens, words seen fewer than
# LM_MIN_COUNT times -> <unk>), 512-token blocks across verse boundaries
# (--sample-break-mode none), a 2-layer, 256-dim decoder (ffn 1024), dropout
# DROPOUT (0.3), Adam lr LR with inverse-sqrt decay after WARMUP updates,
# LM_MAX_TOKENS tokens (whole blocks) per batch, early stopping after PATIENCE
# epochs without a better validation loss, and the best checkpoint's test
# perplexity by fairseq-eval-lm with 400 tokens of context per 512-token
# window. Two models: transformer_lm (full softmax, tied embeddings;
# criterions cross_entropy / rdrop_cross_entropy) and adaptive (tied adaptive
# input and softmax, bands from the vocabulary size; adaptive_loss /
# rdrop_adaptive_loss). Knobs: LM_MIN_COUNT (3), LM_MAX_TOKENS (2048),
# TOKENS_PER_SAMPLE (512), CONTEXT_WINDOW (400), LM_ATTENTION_DROPOUT (0.1) and
# small_mt.sh's (DROPOUT among them).

LM_MIN_COUNT=${LM_MIN_COUNT:-3}
LM_ATTENTION_DROPOUT=${LM_ATTENTION_DROPOUT:-0.1}
LM_MAX_TOKENS=${LM_MAX_TOKENS:-2048}
TOKENS_PER_SAMPLE=${TOKENS_PER_SAMPLE:-512}
CONTEXT_WINDOW=${CONTEXT_WINDOW:-400}
SMALL_LM_MODEL=(--decoder-layers 2 --decoder-embed-dim 256 --decoder-input-dim 256 --decoder-output-dim 256
  --decoder-ffn-embed-dim 1024 --decoder-attention-heads 4 --attention-dropout "$LM_ATTENTION_DROPOUT")
if [[ ${SMOKE:-0} == 1 ]]; then  # a minutes-long check of the pipeline
  TOKENS_PER_SAMPLE=64 CONTEXT_WINDOW=32 LM_MAX_TOKENS=512
  SMALL_LM_MODEL=(--decoder-layers 1 --decoder-embed-dim 32 --decoder-input-dim 32 --decoder-output-dim 32
    --decoder-ffn-embed-dim 64 --decoder-attention-heads 2 --attention-dropout "$LM_ATTENTION_DROPOUT")
fi
# ARCH_VARIANT: the baseline (fairseq's own task and criterion) and R-Drop, per model
SMALL_LM_VARIANTS="lm_baseline lm_ours adaptive_baseline adaptive_ours"

small_lm_check() {  # VARIANT...: one-line errors before any work starts
  local variant
  for variant in "$@"; do
    [[ " $SMALL_LM_VARIANTS " == *" $variant "* ]] || {
      echo "error: unknown language-model variant '$variant' (${SMALL_LM_VARIANTS// /, })" >&2
      return 2
    }
  done
}

small_lm_arch() { [[ $1 == lm_* ]] && echo transformer_lm || echo adaptive; }  # VARIANT: the CSV's arch
small_lm_kind() { echo "${1#*_}"; }  # VARIANT: baseline or ours

small_lm_prepare() {  # VERSES DIR: word-level corpus (0 = all training verses) -> fairseq binaries in DIR/bin
  local verses=$1 dir=$2 raw
  [[ -f $dir/bin/dict.txt ]] && return 0
  raw=$(small_mt_raw bible "$(dirname "$dir")")
  rm -rf "$dir/text" "$dir/bin.tmp" && mkdir -p "$dir"
  $PY scripts/lm_corpus.py --bible "$raw" --out "$dir/text" --train-verses "$verses" \
    --min-count "$LM_MIN_COUNT" > "$dir/corpus.log"
  $BIN/fairseq-preprocess --only-source --trainpref "$dir/text/train.tokens" \
    --validpref "$dir/text/valid.tokens" --testpref "$dir/text/test.tokens" \
    --destdir "$dir/bin.tmp" --workers 1 > "$dir/preprocess.log" 2>&1
  mv "$dir/bin.tmp" "$dir/bin"
}

small_lm_tokens() { awk '{n += NF} END {print n}' "$1/text/train.tokens"; }  # DIR: training tokens

small_lm_cutoffs() {  # DIR: adaptive bands that fit the vocabulary (about 1/8 and 1/3 of it, as 20k/60k of WikiText-103's 267k)
  local size
  size=$(wc -l < "$1/bin/dict.txt")
  echo "$((size / 8)),$((size / 3))"
}

small_lm_variant_flags() {  # DIR VARIANT ALPHA: task, criterion and model of a variant
  local dir=$1 variant=$2 alpha=$3 task=language_modeling criterion rdrop=() model=()
  if [[ $(small_lm_kind "$variant") == ours ]]; then
    task=rdrop_language_modeling rdrop=(--rdrop-alpha "$alpha")
  fi
  if [[ $(small_lm_arch "$variant") == transformer_lm ]]; then
    criterion=cross_entropy model=(--share-decoder-input-output-embed)
  else
    criterion=adaptive_loss
    model=(--adaptive-input --adaptive-input-factor 4 --adaptive-input-cutoff "$(small_lm_cutoffs "$dir")"
      --adaptive-softmax-cutoff "$(small_lm_cutoffs "$dir")" --adaptive-softmax-factor 4
      --tie-adaptive-weights --tie-adaptive-proj --adaptive-softmax-dropout 0.2
      --ddp-backend legacy_ddp)  # fairseq's adaptive loss refuses the default (PyTorch) DDP
  fi
  if [[ ${#rdrop[@]} -gt 0 ]]; then criterion=rdrop_$criterion; fi
  echo "--task $task --criterion $criterion ${rdrop[*]} --arch transformer_lm ${model[*]}"
}

small_lm_train() {  # DIR NAME VARIANT ALPHA SEED [EXTRA FLAGS...]: train until patience (resumes an interrupted run)
  local dir=$1 name=$2 variant=$3 alpha=$4 seed=$5 start=$SECONDS flags
  shift 5
  read -r -a flags <<< "$(small_lm_variant_flags "$dir" "$variant" "$alpha")"
  "${FAIRSEQ_TRAIN[@]:-$BIN/fairseq-train}" "$dir/bin" --user-dir rdrop_fairseq "${flags[@]}" "${SMALL_LM_MODEL[@]}" \
    --tokens-per-sample "$TOKENS_PER_SAMPLE" --sample-break-mode none --max-tokens "$LM_MAX_TOKENS" \
    --dropout "$DROPOUT" --optimizer adam --adam-betas '(0.9, 0.98)' --lr "$LR" \
    --lr-scheduler inverse_sqrt --warmup-updates "$WARMUP" --max-epoch "$MAX_EPOCH" \
    --patience "$PATIENCE" $(small_mt_time_cap) --save-dir "$dir/$name" --no-epoch-checkpoints \
    --cpu --seed "$seed" --log-format json --log-interval 100 "$@" >> "$dir/$name.log" 2>> "$dir/$name.err"
  small_mt_add_minutes "$dir/$name.minutes" "$start"
}

small_lm_evaluate() {  # DIR NAME: test perplexity of the best checkpoint -> DIR/NAME.ppl.json
  $PY scripts/wikitext103/lm_eval.py "$1/bin" "$1/$2/checkpoint_best.pt" --splits test --json "$1/$2.ppl.json" \
    -- --context-window "$CONTEXT_WINDOW" --tokens-per-sample "$TOKENS_PER_SAMPLE" --max-tokens 4096 --cpu \
    > "$1/$2.eval.log" 2>&1
}

small_lm_record() {  # CSV DIR NAME VARIANT ALPHA SEED: one row of results
  $PY scripts/small_lm.py record --csv "$1" --log "$2/$3.log" --ppl "$2/$3.ppl.json" \
    --minutes "$(cat "$2/$3.minutes")" --max-epoch "$MAX_EPOCH" --corpus bible \
    --tokens "$(small_lm_tokens "$2")" --arch "$(small_lm_arch "$4")" --variant "$(small_lm_kind "$4")" \
    --alpha "$5" --dropout "$DROPOUT" --attention-dropout "$LM_ATTENTION_DROPOUT" --activation-dropout 0 --seed "$6"
}
