#!/usr/bin/env python3
"""A word-level language-modeling corpus, WikiText-103 style, from the English
side of the Bible corpus (``scripts/bible_corpus.py``).

Whole books are held out (the translation corpus' validation and test books),
so test perplexity is measured on unseen books. Text is Moses-tokenized with
hyphens split as ``@-@`` (as WikiText-103), and every training word seen
fewer than ``--min-count`` times, and every validation/test word outside that
vocabulary, becomes ``<unk>`` (fairseq's unknown symbol), so the vocabulary is
closed and perplexities compare across models.

    lm_corpus.py --bible BIBLE_DIR --out DIR [--train-verses 5000] [--min-count 3]

writes ``DIR/{train,valid,test}.tokens`` (one verse per line) and prints the
size of each split, the vocabulary and the share of ``<unk>``.
"""

import argparse
from collections import Counter
from pathlib import Path

from rdrop_tools.files import atomic_write, fail, read_lines

UNK = "<unk>"
SPLITS = ("train", "valid", "test")
PASSAGE = 50  # consecutive verses kept together in a training slice


def tokenize(lines):
    """Moses tokenization (English rules, ``@-@`` hyphens, no HTML escaping)."""
    try:
        from sacremoses import MosesTokenizer
    except ImportError:
        fail("tokenization needs sacremoses: pip install sacremoses (or the 'recipes' extra)")
    moses = MosesTokenizer(lang="en")
    return [moses.tokenize(line, escape=False, aggressive_dash_splits=True) for line in lines]


def passages(lines, count, passage=PASSAGE):
    """``count`` lines as runs of ``passage`` consecutive lines evenly spread
    over ``lines`` (all when ``count`` is 0 or more than there are): a language
    model keeps its context across verses, and every book contributes."""
    if count <= 0 or count >= len(lines):
        return list(lines)
    runs = [lines[i : i + passage] for i in range(0, len(lines), passage)]
    wanted = -(-count // passage)
    kept = [line for k in range(wanted) for line in runs[k * len(runs) // wanted]]
    return kept[:count]


def vocabulary(train, min_count):
    """Words seen at least ``min_count`` times in the training split."""
    counts = Counter(word for words in train for word in words)
    return {word for word, n in counts.items() if n >= min_count and word != UNK}


def close_vocabulary(splits, vocab):
    """Every word outside ``vocab`` replaced by ``<unk>``."""
    return {name: [[w if w in vocab else UNK for w in words] for words in lines]
            for name, lines in splits.items()}  # fmt: skip


def build(bible_dir, train_verses=0, min_count=3):
    """{split: [[word, ...] per verse]} and the vocabulary (without ``<unk>``)."""
    texts = {}
    for name in SPLITS:
        path = Path(bible_dir) / f"{name}.en"
        if not path.is_file():
            fail(f"{path} not found (scripts/bible_corpus.py --out {bible_dir} writes it)")
        texts[name] = [line for line in read_lines(path) if line.strip()]
        if not texts[name]:
            fail(f"{path} has no text")
    texts["train"] = passages(texts["train"], train_verses)
    tokens = {name: tokenize(lines) for name, lines in texts.items()}
    vocab = vocabulary(tokens["train"], min_count)
    if not vocab:
        fail(f"no training word is seen {min_count} times (lower --min-count)")
    return close_vocabulary(tokens, vocab), vocab


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bible", required=True, help="folder with train/valid/test.en from bible_corpus.py")
    parser.add_argument("--out", required=True, help="writes OUT/{train,valid,test}.tokens")
    parser.add_argument("--train-verses", type=int, default=0,
                        help=f"training verses kept, in passages of {PASSAGE} spread over the books (0 = all)")
    parser.add_argument("--min-count", type=int, default=3,
                        help="training words seen fewer times become <unk> (default 3)")
    args = parser.parse_args(argv)
    if args.train_verses < 0:
        fail(f"--train-verses must be >= 0, got {args.train_verses}")
    if args.min_count < 1:
        fail(f"--min-count must be >= 1, got {args.min_count}")
    splits, vocab = build(args.bible, args.train_verses, args.min_count)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in splits.items():
        with atomic_write(out / f"{name}.tokens") as f:
            f.writelines(" ".join(words) + "\n" for words in lines)
    print(f"vocabulary: {len(vocab)} words seen >= {args.min_count} times, plus {UNK}")
    for name, lines in splits.items():
        words = sum(len(w) for w in lines)
        unks = sum(w.count(UNK) for w in lines)
        print(f"{name}: {len(lines)} verses, {words} tokens, {100 * unks / max(words, 1):.1f}% {UNK}")


if __name__ == "__main__":
    main()
