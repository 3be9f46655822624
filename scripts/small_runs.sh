# The low-resource runner: every step of the small runs that train to
# convergence on a CPU, for translation and language models alike.
# scripts/quickstart.sh (the main job) and benchmarks/reproduce_small.sh (the
# measured reproduction) source this file and drive a run through the
# small_* functions at its end (check, prepare, train, evaluate, record), so
# both train, score and report a run the same way; the Python side is
# rdrop_tools.small_runs (scripts/small_mt.py, scripts/small_lm.py). A
# corpus or a variant is added here, once: its name in small_mt_check (or
# small_lm_check) and its files in small_mt_raw, or its flags in
# small_mt_variant_flags (and, for a cheaper way, its cost in
# rdrop_tools/compute.py). Needs PY and BIN (the virtualenv's python and bin).
#
# Translation. Setting (measured on 2 CPU cores, see benchmarks/RESULTS.md): a 2+2-layer,
# 256-dim transformer (ffn 512, shared embeddings), dropout 0.3, label
# smoothing 0.1, Adam lr 1e-3 with inverse-sqrt decay after WARMUP updates,
# MAX_TOKENS tokens per batch, early stopping after PATIENCE epochs without a
# better validation loss, best checkpoint decoded with beam 5 and scored with
# sacreBLEU. Knobs (environment): PATIENCE (5), MAX_EPOCH (300: patience, not
# the cap, should end a run), MINUTES (wall-clock cap per model, 0 = none),
# DROPOUT (0.3), ATTENTION_DROPOUT (0), ACTIVATION_DROPOUT (0), LR (1e-3), WARMUP (200), MAX_TOKENS (1024), VOCAB (2000),
# VALID_PAIRS (Bible 300, Multi30k all) and TEST_PAIRS (all) (sentences kept, 0 = all),
# ALPHA_WARMUP (1000 updates, variant ours_warmup), MULTI30K_DIR, BIBLE_DIR
# (a folder with train/valid/test.{es,en} from scripts/bible_corpus.py: no apt
# needed) and SMOKE (1: a tiny model for 2 epochs, 50 validation and 40 test
# sentences, to check the pipeline in minutes), BUDGET (empty: train until
# patience; B: train to B x the same seed's converged baseline's compute in
# plain updates, the learning rate warming up as usual, then decaying
# linearly to zero at the last update; the run's BUDGET_UPDATES come from
# small_mt.py budget). FAIRSEQ_TRAIN, an array, is
# the command that trains (default $BIN/fairseq-train; the quickstart runs
# scripts/train_taking_freed_cores.py, so that the run still training takes
# the other's core when that one ends).

PATIENCE=${PATIENCE:-5}
MAX_EPOCH=${MAX_EPOCH:-300}
MINUTES=${MINUTES:-0}
DROPOUT=${DROPOUT:-0.3}
ATTENTION_DROPOUT=${ATTENTION_DROPOUT:-0}
ACTIVATION_DROPOUT=${ACTIVATION_DROPOUT:-0}
LR=${LR:-1e-3}
WARMUP=${WARMUP:-200}
MAX_TOKENS=${MAX_TOKENS:-1024}
VOCAB=${VOCAB:-2000}
MULTI30K_DIR=${MULTI30K_DIR:-../shared/data/multi30k}
SMALL_MT_MODEL=(--arch transformer --share-all-embeddings --encoder-layers 2 --decoder-layers 2
  --encoder-embed-dim 256 --decoder-embed-dim 256 --encoder-ffn-embed-dim 512
  --decoder-ffn-embed-dim 512 --encoder-attention-heads 4 --decoder-attention-heads 4)
if [[ ${SMOKE:-0} == 1 ]]; then  # a minutes-long check of the pipeline: tiny model, 2 epochs
  VALID_PAIRS=50 TEST_PAIRS=40 MAX_EPOCH=2 VOCAB=500 MINUTES=0
  SMALL_MT_MODEL=(--arch transformer --share-all-embeddings --encoder-layers 1 --decoder-layers 1
    --encoder-embed-dim 32 --decoder-embed-dim 32 --encoder-ffn-embed-dim 64
    --decoder-ffn-embed-dim 64 --encoder-attention-heads 2 --decoder-attention-heads 2)
fi

# baseline, ours and fairseq's built-in R-Drop, then ways to pay less for
# R-Drop's gain: ours on every 2nd update only, ours with alpha ramped up over
# ALPHA_WARMUP updates, and ours fine-tuning the same seed's converged
# baseline (its best checkpoint; optimizer, lr schedule and meters reset).
# Cheaper R-Drop steps and schedules: a no-gradient target copy
# (ours_onesided), the encoder run once (ours_enc_once), both
# (ours_enc_once_onesided), plain training until update N then R-Drop
# (ours_lateN, e.g. ours_late1000), and R-Drop on P percent of each batch's
# sentences (ours_fractionP, e.g. ours_fraction50); a cheap step and a late
# start combine (ours_enc_once_onesided_late1000); a late start's learning
# rate scaled by P percent from update N on: ours_lateN_lrP (e.g.
# ours_late1000_lr50).
SMALL_MT_VARIANTS="baseline ours builtin ours_every2 ours_warmup ours_from_baseline
  ours_onesided ours_enc_once ours_enc_once_onesided ours_lateN ours_lateN_lrP ours_fractionP"
SMALL_MT_VARIANTS=$(echo $SMALL_MT_VARIANTS)
ALPHA_WARMUP=${ALPHA_WARMUP:-1000}

small_mt_check() {  # CORPUS VARIANT...: one-line errors before any work starts
  local corpus=$1 variant
  shift
  case $corpus in
    bible) ;;
    multi30k)
      [[ -f $MULTI30K_DIR/train.de.gz ]] || {
        echo "error: Multi30k not found in '$MULTI30K_DIR' (set MULTI30K_DIR to the folder with train.de.gz)" >&2
        return 2
      } ;;
    *) echo "error: unknown corpus '$corpus' (bible, multi30k)" >&2; return 2 ;;
  esac
  for variant in "$@"; do
    [[ " $SMALL_MT_VARIANTS " == *" $variant "* || $variant =~ ^ours(_enc_once|_enc_once_onesided|_onesided)?_late[0-9]+(_lr([1-9][0-9]?|100))?$ ||
       $variant =~ ^ours_fraction([1-9][0-9]?|100)$ ]] || {
      echo "error: unknown variant '$variant' (${SMALL_MT_VARIANTS// /, })" >&2
      return 2
    }
  done
}

small_mt_source_lang() { [[ $1 == multi30k ]] && echo de || echo es; }

small_mt_raw() {  # CORPUS WORK: the folder of the whole corpus' train/valid/test files (built in WORK once)
  local corpus=$1 raw=$2/raw-$1 split lang
  if [[ $corpus == bible && -n ${BIBLE_DIR:-} ]]; then
    raw=$BIBLE_DIR  # a corpus scripts/bible_corpus.py wrote earlier or elsewhere
  elif [[ ! -f $raw/test.en ]]; then
    rm -rf "$raw.tmp" && mkdir -p "$raw.tmp"
    if [[ $corpus == bible ]]; then
      # its one-line error (no diatheke, a module missing) stops the run; no half corpus is kept
      $PY scripts/bible_corpus.py --out "$raw.tmp" > /dev/null || { rm -rf "$raw.tmp"; return 2; }
    else
      for split in train:train valid:val test:test_2016_flickr; do
        for lang in de en; do
          gzip -dc "$MULTI30K_DIR/${split#*:}.$lang.gz" > "$raw.tmp/${split%:*}.$lang" || { rm -rf "$raw.tmp"; return 2; }
        done
      done
    fi
    mv "$raw.tmp" "$raw"
  fi
  echo "$raw"
}

small_mt_prepare() {  # CORPUS PAIRS DIR: slice (0 = all pairs) -> sentencepiece -> fairseq binaries in DIR/bin
  local corpus=$1 pairs=$2 dir=$3 src raw split lang
  src=$(small_mt_source_lang "$corpus")
  [[ -f $dir/bin/dict.en.txt ]] && return 0
  raw=$(small_mt_raw "$corpus" "$(dirname "$dir")") || return 2
  rm -rf "$dir/text" "$dir/bin.tmp" && mkdir -p "$dir/text"
  $PY scripts/small_mt.py sample --src "$raw/train.$src" --tgt "$raw/train.en" --pairs "$pairs" --out-prefix "$dir/text/train"
  # Bible: 300 of the 2,166 validation verses keep validation a small part
  # of an epoch; Multi30k's 1,014 short validation sentences are all kept
  $PY scripts/small_mt.py sample --src "$raw/valid.$src" --tgt "$raw/valid.en" \
    --pairs "${VALID_PAIRS:-$([[ $corpus == bible ]] && echo 300 || echo 0)}" --out-prefix "$dir/text/valid"
  $PY scripts/small_mt.py sample --src "$raw/test.$src" --tgt "$raw/test.en" --pairs "${TEST_PAIRS:-0}" --out-prefix "$dir/text/test"
  $PY scripts/spm.py train --model "$dir/spm" --vocab-size "$VOCAB" "$dir/text/train.$src" "$dir/text/train.en" > "$dir/spm.log" 2>&1
  for split in train valid test; do
    for lang in $src en; do
      $PY scripts/spm.py encode --model "$dir/spm.model" < "$dir/text/$split.$lang" > "$dir/text/$split.bpe.$lang"
    done
  done
  $BIN/fairseq-preprocess --source-lang "$src" --target-lang en --trainpref "$dir/text/train.bpe" \
    --validpref "$dir/text/valid.bpe" --testpref "$dir/text/test.bpe" --destdir "$dir/bin.tmp" \
    --joined-dictionary --workers 1 > "$dir/preprocess.log" 2>&1
  mv "$dir/bin.tmp" "$dir/bin"
}

small_mt_setting_tag() {  # the dropouts in a run's name where they differ from the defaults (none: the name runs had before)
  local tag=""
  [[ $DROPOUT == 0.3 ]] || tag+="-d$DROPOUT"
  [[ $ATTENTION_DROPOUT == 0 ]] || tag+="-att$ATTENTION_DROPOUT"
  [[ $ACTIVATION_DROPOUT == 0 ]] || tag+="-act$ACTIVATION_DROPOUT"
  [[ -z ${BUDGET:-} ]] || tag+="-b$BUDGET"
  echo "$tag"
}

small_mt_run_name() {  # VARIANT ALPHA SEED: the files of a run are DIR/NAME.* (at the current dropouts)
  if [[ $1 == baseline ]]; then echo "baseline$(small_mt_setting_tag)-s$3"; else echo "$1-a$2$(small_mt_setting_tag)-s$3"; fi
}

small_mt_baseline_of() { echo "$1/$(small_mt_run_name baseline 0 "$2")"; }  # DIR SEED: that seed's baseline run

small_mt_variant_flags() {  # VARIANT ALPHA: task and criterion of a variant
  case $1 in
    baseline) echo "--task translation --criterion label_smoothed_cross_entropy" ;;
    ours) echo "--task rdrop_translation --criterion rdrop_label_smoothed_cross_entropy --rdrop-alpha $2" ;;
    builtin) echo "--task translation --criterion label_smoothed_cross_entropy_with_rdrop --rdrop-alpha $2" ;;
    ours_every2) echo "$(small_mt_variant_flags ours "$2") --rdrop-every-k 2" ;;
    ours_warmup) echo "$(small_mt_variant_flags ours "$2") --rdrop-alpha-warmup-updates $ALPHA_WARMUP" ;;
    ours_from_baseline) small_mt_variant_flags ours "$2" ;;
    ours_onesided) echo "$(small_mt_variant_flags ours "$2") --rdrop-target-no-grad" ;;
    ours_enc_once) echo "$(small_mt_variant_flags ours "$2") --rdrop-encoder-once" ;;
    ours_enc_once_onesided) echo "$(small_mt_variant_flags ours "$2") --rdrop-encoder-once --rdrop-target-no-grad" ;;
    *_late[0-9]*_lr[0-9]*) echo "$(small_mt_variant_flags "${1%_lr*}" "$2") --rdrop-lr-scale $(awk "BEGIN {print ${1##*_lr} / 100}")" ;;
    *_late[0-9]*) echo "$(small_mt_variant_flags "${1%_late*}" "$2") --rdrop-start-update ${1##*_late}" ;;
    ours_fraction*) echo "$(small_mt_variant_flags ours "$2") --rdrop-fraction $(awk "BEGIN {print ${1#ours_fraction} / 100}")" ;;
  esac
}

small_mt_time_cap() {  # fairseq-train's flag for the MINUTES cap (none when 0)
  if [[ $MINUTES != 0 ]]; then echo "--stop-time-hours $(awk "BEGIN {print $MINUTES / 60}")"; fi
}

small_mt_schedule() {  # the learning-rate schedule and stopping rule: patience, or BUDGET_UPDATES updates
  if [[ -n ${BUDGET_UPDATES:-} ]]; then  # linear decay to zero at the budget's last update (resumes exactly)
    echo "--lr-scheduler polynomial_decay --warmup-updates $WARMUP --total-num-update $BUDGET_UPDATES" \
      "--end-learning-rate 0 --power 1 --max-update $BUDGET_UPDATES"
  else
    echo "--lr-scheduler inverse_sqrt --warmup-updates $WARMUP --patience $PATIENCE"
  fi
}

small_mt_budget_updates() {  # CSV CORPUS PAIRS SEED VARIANT: "UPDATES<tab>BASELINE SETTING" of a run trained to BUDGET
  $PY scripts/small_mt.py budget --csv "$1" --corpus "$2" --pairs "$3" --seed "$4" --variant "$5" \
    --budget "$BUDGET" --warmup "$WARMUP"
}

small_mt_add_minutes() {  # FILE START: add the minutes since SECONDS was START to those in FILE (resumed runs add up)
  awk -v prev="$(cat "$1" 2> /dev/null || echo 0)" -v s=$((SECONDS - $2)) \
    'BEGIN {printf "%.1f\n", prev + s / 60}' > "$1"
}

small_mt_train() {  # DIR NAME VARIANT ALPHA SEED [EXTRA FLAGS...]: train until patience or to BUDGET_UPDATES (resumes)
  local dir=$1 name=$2 variant=$3 alpha=$4 seed=$5 start=$SECONDS cap flags schedule
  shift 5
  read -r -a flags <<< "$(small_mt_variant_flags "$variant" "$alpha")"
  read -r -a schedule <<< "$(small_mt_schedule)"
  if [[ $variant == ours_from_baseline ]]; then
    # fairseq loads this only on a first launch: an interrupted run resumes from its own last checkpoint
    flags+=(--finetune-from-model "$(small_mt_baseline_of "$dir" "$seed")/checkpoint_best.pt")
  fi
  read -r -a cap <<< "$(small_mt_time_cap)"
  # --user-dir for every variant: the plugin keeps every sample in
  # fairseq-fixed's batches, so all variants validate on the same sentences
  "${FAIRSEQ_TRAIN[@]:-$BIN/fairseq-train}" "$dir/bin" --user-dir rdrop_fairseq "${flags[@]}" "${SMALL_MT_MODEL[@]}" \
    --dropout "$DROPOUT" --attention-dropout "$ATTENTION_DROPOUT" --activation-dropout "$ACTIVATION_DROPOUT" \
    --label-smoothing 0.1 --optimizer adam --adam-betas '(0.9, 0.98)' \
    --lr "$LR" "${schedule[@]}" --max-tokens "$MAX_TOKENS" \
    --max-epoch "$MAX_EPOCH" "${cap[@]}" --save-dir "$dir/$name" \
    --no-epoch-checkpoints --cpu --seed "$seed" --log-format json --log-interval 100 "$@" \
    >> "$dir/$name.log" 2>> "$dir/$name.err"
  small_mt_add_minutes "$dir/$name.minutes" "$start"
}

small_mt_progress() {  # NAME LOG PID: one line per epoch while LOG grows, until process PID ends
  tail -n +1 -F --pid="$3" "$2" 2> /dev/null | sed -nuE \
    's/^[0-9-]+ ([0-9:]+) .*"epoch": ([0-9]+), "valid_loss": "([0-9.]+)".*"valid_num_updates": "([0-9]+)".*/  \1  '"$1"': epoch \2, valid loss \3, \4 updates/p'
}

small_mt_evaluate() {  # DIR NAME: beam-5 translation of the validation and test splits, sacreBLEU -> DIR/NAME.{valid.bleu,bleu}
  local dir=$1 name=$2 split out
  # the same decoding and scorer for both: validation BLEU chooses settings, test BLEU is read after
  for split in valid test; do
    out=$dir/$name.$([[ $split == test ]] && echo bleu || echo valid.bleu)
    $BIN/fairseq-generate "$dir/bin" --user-dir rdrop_fairseq --task translation \
      --path "$dir/$name/checkpoint_best.pt" --gen-subset "$split" --beam 5 --lenpen 1.0 \
      --max-len-a 1.2 --max-len-b 10 --batch-size 128 --post-process sentencepiece --cpu \
      > "$dir/$name.$split.generate.log" 2>&1
    $PY scripts/bleu.py generate "$dir/$name.$split.generate.log" --ref "$dir/text/$split.en" --metric sacrebleu \
      --detok none --hyp-out "$dir/$name.$split.hyp" > "$out.tmp"
    mv "$out.tmp" "$out"
  done
}

small_mt_record() {  # CSV DIR NAME CORPUS VARIANT ALPHA SEED: one row of results (pairs: DIR's training pairs)
  local minutes
  minutes=$(cat "$2/$3.minutes")
  if [[ $5 == ours_from_baseline ]]; then  # its cost includes training the baseline it starts from
    minutes=$(awk -v a="$minutes" -v b="$(cat "$(small_mt_baseline_of "$2" "$7").minutes")" 'BEGIN {printf "%.1f\n", a + b}')
  fi
  $PY scripts/small_mt.py record --csv "$1" --log "$2/$3.log" --bleu "$2/$3.bleu" \
    --valid-bleu "$2/$3.valid.bleu" --minutes "$minutes" --max-epoch "$MAX_EPOCH" --corpus "$4" \
    --pairs "$(wc -l < "$2/text/train.en")" --variant "$5" --alpha "$6" --dropout "$DROPOUT" \
    --attention-dropout "$ATTENTION_DROPOUT" --activation-dropout "$ACTIVATION_DROPOUT" --seed "$7" \
    ${BUDGET:+--budget "$BUDGET" --budget-baseline "$BUDGET_BASELINE"}
}

# Language models (the lm corpus; they use the translation part's Bible
# corpus, run names, progress lines and wall-clock bookkeeping). Setting (WikiText-103's recipe scaled down; sized by measurement, see
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
# the translation part's (DROPOUT among them).

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

# ---------------------------------------------------------------- one run of either kind
# A slice is CORPUS:SIZE: the corpus "lm" trains language models on SIZE
# training verses of English Bible text, any other corpus translation models
# on SIZE sentence pairs.

small_is_baseline() { [[ $1 == baseline || $1 == lm_baseline || $1 == adaptive_baseline ]]; }  # VARIANT: no alpha

small_check() {  # CORPUS VARIANT...: one-line errors before any work starts
  if [[ $1 == lm ]]; then shift && small_lm_check "$@"; else small_mt_check "$@"; fi
}

small_prepare() {  # CORPUS SIZE DIR: the slice's fairseq binaries in DIR/bin
  if [[ $1 == lm ]]; then small_lm_prepare "$2" "$3"; else small_mt_prepare "$@"; fi
}

small_train() {  # CORPUS DIR NAME VARIANT ALPHA SEED [EXTRA FLAGS...]: train until patience
  local corpus=$1
  shift
  if [[ $corpus == lm ]]; then small_lm_train "$@"; else small_mt_train "$@"; fi
}

small_evaluate() {  # CORPUS DIR NAME: the best checkpoint's test score (translation: validation BLEU too)
  if [[ $1 == lm ]]; then small_lm_evaluate "$2" "$3"; else small_mt_evaluate "$2" "$3"; fi
}

small_score_file() {  # CORPUS DIR NAME: the file an evaluated run's test score is in
  if [[ $1 == lm ]]; then echo "$2/$3.ppl.json"; else echo "$2/$3.bleu"; fi
}

small_score() {  # CORPUS DIR NAME: an evaluated run's test score, in words
  if [[ $1 == lm ]]; then
    "$PY" -c 'import json, sys; print("test perplexity %.2f" % json.load(open(sys.argv[1]))["test"]["perplexity"])' "$2/$3.ppl.json"
  else
    cut -d"(" -f1 "$2/$3.bleu"
  fi
}

small_record() {  # CORPUS CSV DIR NAME VARIANT ALPHA SEED: the run's row in CSV (the writer locks the CSV)
  local corpus=$1
  shift
  if [[ $corpus == lm ]]; then small_lm_record "$@"; else small_mt_record "$1" "$2" "$3" "$corpus" "$4" "$5" "$6"; fi
}
