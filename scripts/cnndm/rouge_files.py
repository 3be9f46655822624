#!/usr/bin/env python3
"""ROUGE-1/2/L F1 (x100) of a hypothesis file against a reference file.

One summary per line in both files. Scored with Google's ``rouge-score``
package, Porter stemming on, averaged over the summaries. ROUGE-L is the
summary-level variant (``rougeLsum``: union LCS over sentences), which is what
files2rouge / ROUGE-1.5.5 report for multi-sentence summaries; sentences are
split after ``.``, ``!`` or ``?`` followed by white space. Numbers differ
slightly (a few tenths) from files2rouge on PTB-tokenized, lower-cased text,
the protocol behind the published CNN/DailyMail numbers: the tokenizers and
sentence splitting differ.

    rouge_files.py test.hypo test.target [--json rouge.json]
"""

import argparse
import json
import re

from rouge_score import rouge_scorer

from rdrop_tools.files import atomic_write, fail, read_lines

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text):
    """The summary's sentences, one a line, as rougeLsum reads them."""
    return "\n".join(s for s in SENTENCE_END.split(text.strip()) if s)


def score(hypotheses, references):
    """{"rouge1", "rouge2", "rougeL"}: mean F1 x 100."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for hyp, ref in zip(hypotheses, references, strict=True):
        scores = scorer.score(sentences(ref), sentences(hyp))
        for key in totals:
            totals[key] += scores[key].fmeasure
    n = max(len(references), 1)
    return {
        "rouge1": 100 * totals["rouge1"] / n,
        "rouge2": 100 * totals["rouge2"] / n,
        "rougeL": 100 * totals["rougeLsum"] / n,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("hypotheses")
    parser.add_argument("references")
    parser.add_argument("--json", help="also write the scores here")
    args = parser.parse_args(argv)
    hyps, refs = read_lines(args.hypotheses), read_lines(args.references)
    if len(hyps) != len(refs) or not refs:
        fail(f"{len(hyps)} hypotheses for {len(refs)} references")
    result = score(hyps, refs)
    if args.json:
        with atomic_write(args.json) as f:
            json.dump({**result, "summaries": len(refs)}, f, indent=2)
            f.write("\n")
    print(
        f"ROUGE-1 {result['rouge1']:.2f} ROUGE-2 {result['rouge2']:.2f} "
        f"ROUGE-L {result['rougeL']:.2f}"
    )


if __name__ == "__main__":
    main()
