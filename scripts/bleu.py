#!/usr/bin/env python3
"""Translation scores as the R-Drop paper reports them (Section 3.1, Appendix A.1).

* tokenized BLEU (IWSLT14 De<->En, WMT14): the corpus BLEU of Moses'
  multi-bleu.perl on whitespace tokens (clipped n-gram counts, n = 1..4,
  closest-length brevity penalty, no smoothing), which is sacreBLEU's
  ``corpus_bleu(..., tokenize="none", smooth_method="none")``; printed in
  multi-bleu.perl's format. Case-sensitive unless ``-lc``.
* compound splitting (``--compound-split``), the convention of fairseq's
  scripts/compound_split_bleu.sh for WMT14 En->De: ``well-known`` becomes
  ``well ##AT##-##AT## known`` on both sides before BLEU. Moses' aggressive
  dash splits (``well @-@ known``) are first joined back, so text tokenized with
  or without ``-a`` gives the same split.
* detokenized sacreBLEU (``--metric sacrebleu``) for the other IWSLT pairs and
  the sentencepiece pipelines; Chinese and Japanese hypotheses lose the spaces
  Moses detokenization leaves around CJK characters, Chinese is scored with
  sacreBLEU's ``zh`` tokenizer.

Sub-commands:

    bleu.py score --sys HYP --ref REF [--ref REF2 ...] [-lc] [--compound-split] [--label L]
    bleu.py generate GENERATE_OUTPUT --ref REF [--metric tok|sacrebleu]
                     [--detok moses|none] [--lang L] [-lc] [--compound-split] [--hyp-out FILE]
                     [--label L]

``--label L`` prints ``L BLEU = ...``, to tell two scores of one output apart.

``generate`` takes the hypotheses of a ``fairseq-generate`` output in sentence-id
order and checks that every reference line got one. ``tok`` scores the ``H-``
lines (tokenized text after ``--remove-bpe``) against tokenized references;
``sacrebleu`` scores the ``D-`` lines against raw references, after Moses
detokenization in language ``--lang`` (``--detok none`` for text that was never
Moses-tokenized, e.g. ``--post-process sentencepiece`` output).
"""

import argparse
import re

import sacrebleu

from rdrop_tools.fairseq_logs import ordered_outputs
from rdrop_tools.files import fail, read_lines, write_lines

_COMPOUND = re.compile(r"(\S)-(\S)")
_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_AT_CJK = re.compile(rf"(?<=[{_CJK}]) +| +(?=[{_CJK}])")


def compound_split(line):
    """fairseq/tensor2tensor compound splitting: ``a-b`` -> ``a ##AT##-##AT## b``."""
    line = line.replace(" @-@ ", "-")
    return _COMPOUND.sub(r"\1 ##AT##-##AT## \2", line)


def tokenized_bleu(hyps, ref_streams, lowercase=False):
    """multi-bleu.perl's corpus BLEU of whitespace-tokenized text, as a sacreBLEU
    ``BLEUScore``; ``ref_streams`` holds one list of lines per reference set."""
    return sacrebleu.corpus_bleu(
        hyps, ref_streams, tokenize="none", smooth_method="none", lowercase=lowercase, force=True
    )


def multi_bleu_line(result):
    """A ``BLEUScore`` printed as multi-bleu.perl prints its result."""
    p = result.precisions
    return (
        f"BLEU = {result.score:.2f}, {p[0]:.1f}/{p[1]:.1f}/{p[2]:.1f}/{p[3]:.1f} "
        f"(BP={result.bp:.3f}, ratio={result.ratio:.3f}, hyp_len={result.sys_len}, ref_len={result.ref_len})"
    )


def detokenize(lines, lang):
    """Moses detokenization (unescapes &apos; etc.); Chinese, Japanese: no spaces around CJK."""
    from sacremoses import MosesDetokenizer

    detok = MosesDetokenizer(lang="en" if lang == "zh" else lang)
    out = []
    for line in lines:
        text = detok.detokenize(line.split())
        if lang in ("zh", "ja"):
            text = _SPACE_AT_CJK.sub("", text)
        out.append(text)
    return out


def score_generate_output(path, ref, metric="tok", lang="en", detok="moses", lowercase=False,
                          split_compounds=False, hyp_out=None):  # fmt: skip
    """(score, printed line) of a fairseq-generate output against the reference file REF."""
    refs = read_lines(ref)
    if metric == "sacrebleu":
        hyps = ordered_outputs(path, len(refs), kind="D")
        if detok == "moses":
            hyps = detokenize(hyps, lang)
        if hyp_out:
            write_lines(hyp_out, hyps)
        metric = sacrebleu.metrics.BLEU(tokenize="zh" if lang == "zh" else "13a", lowercase=lowercase)
        result = metric.corpus_score(hyps, [refs])
        return result.score, f"sacreBLEU = {result.score:.2f} ({result}) {metric.get_signature()}"
    hyps = ordered_outputs(path, len(refs), kind="H")
    if hyp_out:
        write_lines(hyp_out, hyps)
    if split_compounds:
        hyps, refs = [compound_split(h) for h in hyps], [compound_split(r) for r in refs]
    result = tokenized_bleu(hyps, [refs], lowercase)
    return result.score, multi_bleu_line(result)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="tokenized BLEU of a system file")
    score.add_argument("--sys", required=True)
    score.add_argument("--ref", required=True, action="append", help="repeat for several references")
    gen = sub.add_parser("generate", help="score a fairseq-generate output")
    gen.add_argument("output", metavar="GENERATE_OUTPUT")
    gen.add_argument("--ref", required=True)
    gen.add_argument("--metric", choices=["tok", "sacrebleu"], default="tok")
    gen.add_argument("--detok", choices=["moses", "none"], default="moses",
                     help="sacrebleu: how to detokenize the D- lines first")  # fmt: skip
    gen.add_argument("--lang", default="en", help="target language (detokenizer, sacreBLEU zh)")
    gen.add_argument("--hyp-out", help="also write the ordered (detokenized) hypotheses here")
    for p in (score, gen):
        p.add_argument("-lc", "--lowercase", action="store_true")
        p.add_argument("--compound-split", action="store_true")
        p.add_argument("--label", help="printed before the score line")
    args = parser.parse_args(argv)
    prefix = f"{args.label} " if args.label else ""

    if args.command == "generate":
        _, line = score_generate_output(
            args.output, args.ref, args.metric, args.lang, args.detok, args.lowercase,
            args.compound_split, args.hyp_out,
        )  # fmt: skip
        print(prefix + line)
        return
    hyps = read_lines(args.sys)
    refs = [read_lines(r) for r in args.ref]
    if any(len(r) != len(hyps) for r in refs):
        fail(f"{len(hyps)} system lines but references have {[len(r) for r in refs]}")
    if args.compound_split:
        hyps = [compound_split(h) for h in hyps]
        refs = [[compound_split(r) for r in stream] for stream in refs]
    print(prefix + multi_bleu_line(tokenized_bleu(hyps, refs, args.lowercase)))


if __name__ == "__main__":
    main()
