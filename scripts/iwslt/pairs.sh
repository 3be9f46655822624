# IWSLT pairs of the R-Drop paper (Section 3.1, Table 1), sourced by the
# scripts/iwslt/*.sh commands: iwslt_pair SRC TGT sets every per-pair setting.
#
#   pair    archive (WIT3 name)   year  BPE                 text           test metric
#   de-en   de-en.tgz             14    joint ~10k          lowercased     tokenized BLEU
#   en-es   en-es.tgz (es-en.tgz) 14    joint ~10k          cased          sacreBLEU
#   en-fr   en-fr.tgz (fr-en.tgz) 17    joint ~10k          cased          sacreBLEU
#   en-zh   en-zh.tgz (zh-en.tgz) 17    separate ~10k each  cased, zh per  sacreBLEU (zh tokenizer
#                                                           character      for ->zh)

IWSLT_DIRECTIONS="de->en en->de en->es es->en en->fr fr->en en->zh zh->en"

iwslt_pair() {  # iwslt_pair SRC TGT
  local src=$1 tgt=$2
  case "$src-$tgt" in
    de-en | en-de) PAIR=de-en YEAR=14 ;;
    en-es | es-en) PAIR=en-es YEAR=14 ;;
    en-fr | fr-en) PAIR=en-fr YEAR=17 ;;
    en-zh | zh-en) PAIR=en-zh YEAR=17 ;;
    *) die "unsupported direction '$src->$tgt'; choose one of: $IWSLT_DIRECTIONS" ;;
  esac
  PAIR_SRC=${PAIR%-*} PAIR_TGT=${PAIR#*-}
  CONFIG=iwslt${YEAR}_${PAIR_SRC}_${PAIR_TGT}_rdrop
  LOWERCASE=0 JOINT=1 METRIC=sacrebleu CLEAN_RATIO=1.5
  case $PAIR in
    de-en) LOWERCASE=1 METRIC=tok ;;  # fairseq's prepare-iwslt14.sh; the paper's tokenized BLEU
    en-zh) JOINT=0 CLEAN_RATIO=9 ;;   # characters vs words: no 1.5 length-ratio filter
  esac
  if [[ $YEAR == 14 ]]; then
    case $PAIR in
      de-en) URL=http://dl.fbaipublicfiles.com/fairseq/data/iwslt14/de-en.tgz ;;
      *) URL=https://wit3.fbk.eu/archive/2014-01/texts/$PAIR_SRC/$PAIR_TGT/$PAIR.tgz ;;
    esac
  else
    URL=https://wit3.fbk.eu/archive/2017-01-trnted/texts/$PAIR_SRC/$PAIR_TGT/$PAIR.tgz
  fi
  DATA=$(realpath -m "${DATA:-data/iwslt${YEAR}_${PAIR_SRC}_${PAIR_TGT}}")
}
