# IWSLT pairs of the R-Drop paper (Section 3.1, Table 1), sourced by the
# scripts/iwslt/*.sh commands: iwslt_pair SRC TGT sets every per-pair setting.
#
#   pair    archive (WIT3 name)   year  BPE                 text           test metric
#   de-en   de-en.tgz             14    joint ~10k          lowercased     tokenized BLEU
#   en-es   en-es.tgz             14    joint ~10k          cased          sacreBLEU
#   en-fr   en-fr.zip             17    joint ~10k          cased          sacreBLEU
#   en-zh   en-zh.zip             17    separate ~10k each  cased, zh per  sacreBLEU (zh tokenizer
#                                                           character      for ->zh)
# Any of PAIR.tgz, PAIR.zip and the reversed names is accepted (the format is read
# from the content). ARCHIVE is the name downloaded, URL where from (empty: no
# download is known to work; ARCHIVE_SOURCE says where to get it by hand).

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
  case $PAIR in
    de-en)  # fairseq's copy of the IWSLT14 De-En archive (examples/translation/prepare-iwslt14.sh)
      ARCHIVE=de-en.tgz URL=http://dl.fbaipublicfiles.com/fairseq/data/iwslt14/de-en.tgz
      ARCHIVE_SOURCE=$URL ;;
    en-es)  # the 2014-01 WIT3 release; its old per-pair links are retired
      ARCHIVE=en-es.tgz URL=
      ARCHIVE_SOURCE="the IWSLT 2014 MT track texts, texts/en/es/en-es.tgz of the 2014-01 release at https://wit3.fbk.eu/2014-01" ;;
    *)  # IWSLT17 (2017-01-trnted): the per-pair zips the Hugging Face dataset IWSLT/iwslt2017 serves
      ARCHIVE=$PAIR.zip
      URL=https://huggingface.co/datasets/IWSLT/iwslt2017/resolve/main/data/2017-01-trnted/texts/$PAIR_SRC/$PAIR_TGT/$PAIR.zip
      ARCHIVE_SOURCE="$URL (or texts/$PAIR_SRC/$PAIR_TGT/$PAIR.tgz of the 2017-01-trnted release at https://wit3.fbk.eu/2017-01)" ;;
  esac
  DATA=$(realpath -m "${DATA:-data/iwslt${YEAR}_${PAIR_SRC}_${PAIR_TGT}}")
}
