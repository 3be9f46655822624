#!/usr/bin/env python3
"""Translation scores as the R-Drop paper reports them (Section 3.1, Appendix A.1).

* tokenized BLEU, computed like Moses' multi-bleu.perl: corpus n-gram counts
  (n = 1..4) on whitespace tokens, clipped by the references, closest-length
  brevity penalty, and 0 as soon as one n-gram order has no match (no
  smoothing). Case-sensitive unless ``-lc``. Used for IWSLT14 De<->En and WMT14.
* compound splitting (``--compound-split``), the convention of fairseq's
  scripts/compound_split_bleu.sh for WMT14 En->De: ``well-known`` becomes
  ``well ##AT##-##AT## known`` on both sides before BLEU. Moses' aggressive
  dash splits (``well @-@ known``) are first joined back, so text tokenized with
  or without ``-a`` gives the same split.
* detokenized sacreBLEU (``--metric sacrebleu``) for the other IWSLT pairs.

Sub-commands:

    bleu.py score --sys HYP --ref REF [--ref REF2 ...] [-lc] [--compound-split]
    bleu.py generate GENERATE_LOG --ref REF [--metric tok|sacrebleu] [--lang L]
                     [-lc] [--compound-split] [--hyp-out FILE]

``generate`` reads the ``H-<id>`` lines of a ``fairseq-generate --remove-bpe``
log (tokenized text), orders them by sentence id, checks that every reference
line got one, and scores them against REF (the tokenized references for
``tok``; the raw references for ``sacrebleu``, after Moses-detokenizing the
hypotheses in language ``--lang``). It prints ``BLEU = ...`` like multi-bleu.perl.
"""

import argparse
import math
import re
import sys
from collections import Counter

MAX_ORDER = 4
_COMPOUND = re.compile(r"(\S)-(\S)")
_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"


def compound_split(line):
    """fairseq/tensor2tensor compound splitting: ``a-b`` -> ``a ##AT##-##AT## b``."""
    line = line.replace(" @-@ ", "-")
    return _COMPOUND.sub(r"\1 ##AT##-##AT## \2", line)


def ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def corpus_stats(hyps, refs_per_sent, lowercase=False):
    """(matches[n], totals[n], hyp_len, ref_len) summed over the corpus."""
    matches = [0] * MAX_ORDER
    totals = [0] * MAX_ORDER
    hyp_len = ref_len = 0
    for hyp, refs in zip(hyps, refs_per_sent, strict=True):
        if lowercase:
            hyp, refs = hyp.lower(), [r.lower() for r in refs]
        h = hyp.split()
        rs = [r.split() for r in refs]
        hyp_len += len(h)
        # closest reference length; on a tie the shorter one (as multi-bleu.perl)
        ref_len += min((abs(len(r) - len(h)), len(r)) for r in rs)[1]
        for n in range(1, MAX_ORDER + 1):
            counts = ngrams(h, n)
            max_ref = Counter()
            for r in rs:
                for gram, c in ngrams(r, n).items():
                    max_ref[gram] = max(max_ref[gram], c)
            matches[n - 1] += sum(min(c, max_ref[g]) for g, c in counts.items())
            totals[n - 1] += max(len(h) - n + 1, 0)
    return matches, totals, hyp_len, ref_len


def bleu(hyps, refs_per_sent, lowercase=False):
    """multi-bleu.perl BLEU; returns (score, precisions in %, bp, ratio, hyp_len, ref_len)."""
    matches, totals, hyp_len, ref_len = corpus_stats(hyps, refs_per_sent, lowercase)
    precisions = [100.0 * m / t if t else 0.0 for m, t in zip(matches, totals)]
    if hyp_len == 0:
        return 0.0, precisions, 0.0, 0.0, hyp_len, ref_len
    bp = 1.0 if hyp_len >= ref_len else math.exp(1 - ref_len / hyp_len)
    if min(matches) == 0:
        score = 0.0
    else:
        score = 100.0 * bp * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals)) / MAX_ORDER)
    return score, precisions, bp, hyp_len / ref_len if ref_len else 0.0, hyp_len, ref_len


def format_bleu(result):
    score, p, bp, ratio, hyp_len, ref_len = result
    return (
        f"BLEU = {score:.2f}, {p[0]:.1f}/{p[1]:.1f}/{p[2]:.1f}/{p[3]:.1f} "
        f"(BP={bp:.3f}, ratio={ratio:.3f}, hyp_len={hyp_len}, ref_len={ref_len})"
    )


def detokenize(lines, lang):
    """Moses detokenization (unescapes &apos; etc.); Chinese: no spaces around CJK."""
    from sacremoses import MosesDetokenizer

    detok = MosesDetokenizer(lang="en" if lang == "zh" else lang)
    out = []
    for line in lines:
        text = detok.detokenize(line.split())
        if lang in ("zh", "ja"):
            text = re.sub(rf"(?<=[{_CJK}]) +| +(?=[{_CJK}])", "", text)
        out.append(text)
    return out


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def generate_hypotheses(path):
    """{id: text} of the H- lines of a fairseq-generate log."""
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("H-"):
                tag, _score, *text = line.rstrip("\n").split("\t")
                found[int(tag[2:])] = text[0] if text else ""
    return found


def fail(message):
    sys.exit(f"bleu.py: error: {message}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="tokenized BLEU of a system file")
    score.add_argument("--sys", required=True)
    score.add_argument("--ref", required=True, action="append", help="repeat for several references")
    gen = sub.add_parser("generate", help="score a fairseq-generate log")
    gen.add_argument("log")
    gen.add_argument("--ref", required=True)
    gen.add_argument("--metric", choices=["tok", "sacrebleu"], default="tok")
    gen.add_argument("--lang", default="en", help="target language (detokenizer, sacreBLEU zh)")
    gen.add_argument("--hyp-out", help="also write the ordered (detokenized) hypotheses here")
    for p in (score, gen):
        p.add_argument("-lc", "--lowercase", action="store_true")
        p.add_argument("--compound-split", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "score":
        hyps = read_lines(args.sys)
        refs = [read_lines(r) for r in args.ref]
        if any(len(r) != len(hyps) for r in refs):
            fail(f"{len(hyps)} system lines but references have {[len(r) for r in refs]}")
        refs_per_sent = list(zip(*refs))
    else:
        found = generate_hypotheses(args.log)
        ref_lines = read_lines(args.ref)
        missing = [i for i in range(len(ref_lines)) if i not in found]
        if missing or len(found) != len(ref_lines):
            fail(
                f"{len(found)} hypotheses in {args.log} for {len(ref_lines)} references "
                f"(first missing id: {missing[0] if missing else 'none'})"
            )
        hyps = [found[i] for i in range(len(ref_lines))]
        if args.metric == "sacrebleu":
            import sacrebleu

            hyps = detokenize(hyps, args.lang)
            if args.hyp_out:
                with open(args.hyp_out, "w", encoding="utf-8") as f:
                    f.write("".join(h + "\n" for h in hyps))
            result = sacrebleu.corpus_bleu(
                hyps, [ref_lines], tokenize="zh" if args.lang == "zh" else "13a",
                lowercase=args.lowercase,
            )  # fmt: skip
            print(f"sacreBLEU = {result.score:.2f} ({result})")
            return
        refs_per_sent = [(r,) for r in ref_lines]
        if args.hyp_out:
            with open(args.hyp_out, "w", encoding="utf-8") as f:
                f.write("".join(h + "\n" for h in hyps))
    if args.compound_split:
        hyps = [compound_split(h) for h in hyps]
        refs_per_sent = [tuple(compound_split(r) for r in rs) for rs in refs_per_sent]
    print(format_bleu(bleu(hyps, refs_per_sent, args.lowercase)))


if __name__ == "__main__":
    main()
