#!/usr/bin/env python3
"""Build a real Spanish-English parallel corpus offline from Debian's SWORD Bibles.

Source: the public-domain modules ``spaRV1909eb`` (Reina-Valera 1909) and
``engWEB2015eb`` (World English Bible) read with ``diatheke``
(``apt-get install diatheke sword-text-sparv sword-text-web``). Verses are the
natural sentence-level unit and both Bibles number them (almost) alike, so a
pair is a verse reference present and non-empty in both, no sentence aligner
needed. Standard library only (and this project's ``rdrop_tools``); the full
build takes about half a minute.

Parsing ``diatheke -f plain`` output (see ``parse_verses``):
  * a verse starts at a ``Book c:v: `` header at the start of a line (or right
    after a ``>`` of leaked markup); both modules print English book names
    (diatheke locale ``en``), so ``(book, chapter, verse)`` keys compare directly
    and the printed order is the canonical order;
  * continuation lines (WEB poetry spans several lines) are joined;
  * heading rule: diatheke prints a pre-verse heading (psalm titles) on the
    line(s) just before the header it belongs to and then *indents* that header.
    So (a) text before a header on the same line is heading material, and
    (b) when a header is indented, the last non-blank line above it is a heading.
    Both are dropped. This matters: diatheke 1.9 keeps re-printing the last psalm
    title before every later WEB verse ("A praise psalm by David." ~11k times);
  * the trailing ``(module)`` tag line is dropped; ``<...>`` markup (e.g. RV1909
    Strong's numbers ``<G5547>``), ``[c:v ...]`` footnotes, pilcrows and extra
    whitespace are removed.
The CLI asks diatheke for footnotes (``-o f``) only to strip them: with notes
off, WEB words around a note marker come out glued ("Godcreated").

Verse numbers are not fully parallel: RV1909 is stored in the KJV scheme but
keeps Spanish numbering in places (Num 13, Job 38-41, Hos 12, Jonah 2, ...), and
the WEB module stores its glossary inside Revelation 22:21. So ``align`` keeps a
pair only if a length-based (Gale-Church) alignment of the chapter agrees.

Split: held-out whole books (no verse of a valid/test book is seen in
training, and neighbouring verses, which share names and phrasing, do not leak).
Each held-out set mixes genres, ~2k pairs each:
  valid = Joshua (narrative), Ecclesiastes (wisdom), Hosea (prophecy),
          Mark (gospel), Romans (epistle)
  test  = Judges (narrative), Proverbs (wisdom), Micah (prophecy),
          Galatians, I John (epistles), Revelation of John (apocalyptic)
Everything else (incl. Psalms) is train. The split is a pure function of the
references, hence deterministic.
"""
import argparse
import math
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from contextlib import ExitStack

from rdrop_tools.files import atomic_write, fail

MODULES = {"es": "spaRV1909eb", "en": "engWEB2015eb"}
RANGE = "Gen 1:1-Rev 22:21"
INSTALL_HINT = (
    "apt-get install diatheke sword-text-sparv sword-text-web (Debian/Ubuntu); "
    "without apt, pass --from-text ES_FILE EN_FILE with the output of "
    f"'diatheke -b MODULE -f plain -o f -l en -k \"{RANGE}\"' run elsewhere"
)
VALID_BOOKS = ["Joshua", "Ecclesiastes", "Hosea", "Mark", "Romans"]
TEST_BOOKS = ["Judges", "Proverbs", "Micah", "Galatians", "I John", "Revelation of John"]
# log(len(es) / len(en)) of verse pairs: mean, sd (measured on these modules);
# costs of a merge (2-1, 1-2) and a skip (1-0, 0-1) step in _length_links.
LOG_RATIO = (-0.04, 0.14)
STEPS = ((1, 1, 0.0), (2, 1, 4.0), (1, 2, 4.0), (1, 0, 8.0), (0, 1, 8.0))

HEADER = re.compile(
    r"(?:^|(?<=>))(?P<indent>[ \t]*)(?P<book>\w[^\n:<>]*?) (?P<ch>\d+):(?P<vs>\d+): ", re.M
)
MODULE_TAG = re.compile(r"\n[ \t]*\(\w+\)\s*$")
# "[c:v note]" / "[c:v-v note]" (one level of nested [...]); diatheke also leaves
# empty "[]" in repeated headings. Space left before punctuation goes too.
FOOTNOTE = re.compile(
    r"\s*\[(?:\s*\d+:\d+(?:-\d+)?\s(?:[^\[\]]|\[[^\[\]]*\])*)?\](?:\s+(?=[,.;:!?)]))?"
)
TAG = re.compile(r"\s*<[^<>\n]*>(?P<punct>(?=[,.;:!?)]))?")  # no space left before punctuation


def clean(text):
    """Verse body -> one clean line (footnotes, markup, pilcrows, whitespace)."""
    text = FOOTNOTE.sub("", text)
    text = TAG.sub(lambda m: "" if m.group("punct") is not None else " ", text)
    text = text.replace("¶", " ")
    return " ".join(text.split())


def parse_verses(text):
    """diatheke plain text -> {(book, chapter, verse): text}, in printed order.

    Headings found by rules (a)/(b) (module docstring) are dropped, except a
    *new* heading right before a verse 1: that is a psalm superscription, which
    RV1909 prints inside verse 1, so keeping it (as a prefix) keeps the pair
    parallel. Repeats of the previous heading are diatheke's sticky-title bug.
    Empty verses are kept as "" so that ``align`` can count them.
    """
    text = MODULE_TAG.sub("\n", text.replace("\r\n", "\n"))
    heads = list(HEADER.finditer(text))
    verses, last_heading, prefix = {}, None, ""
    for m, nxt in zip(heads, heads[1:] + [None]):
        body, heading = text[m.end() : nxt.start() if nxt else len(text)], None
        if nxt is not None and nxt.start() > 0 and text[nxt.start() - 1] != "\n":
            cut = body.rfind("\n")  # rule (a): rest of the line is heading markup
            if cut >= 0:
                body, heading = body[:cut], body[cut:]
        elif nxt is not None and nxt.group("indent"):
            lines = body.rstrip().split("\n")  # rule (b): line above is a heading
            if len(lines) > 1:
                body, heading = "\n".join(lines[:-1]), lines[-1]
        key = (m.group("book").strip(), int(m.group("ch")), int(m.group("vs")))
        verses.setdefault(key, clean(prefix + " " + body))
        prefix = ""
        if heading is not None:
            heading = clean(heading)
            if heading != last_heading and nxt.group("vs") == "1":
                prefix = heading
            last_heading = heading
    return verses


def _length_links(a, b):
    """1-1 links (i, j) of a Gale & Church (1993) style alignment of lengths a, b.

    Dynamic programming over 1-1, 2-1, 1-2, 1-0, 0-1 steps; a 1-1 or merge step
    costs z**2/2 with z the standardised log length ratio. The search stays in a
    band around the diagonal, as renumberings shift by a few verses only.
    """
    n, m = len(a), len(b)
    band = abs(n - m) + 10
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(max(0, i - band), min(m, i + band) + 1):
            if (i, j) not in best:
                continue
            here = best[(i, j)][0]
            for di, dj, cost in STEPS:
                if i + di > n or j + dj > m:
                    continue
                if di and dj:
                    ratio = math.log(sum(a[i : i + di]) / sum(b[j : j + dj]))
                    z = (ratio - LOG_RATIO[0]) / LOG_RATIO[1]
                    cost += z * z / 2
                nxt = (i + di, j + dj)
                if nxt not in best or here + cost < best[nxt][0]:
                    best[nxt] = (here + cost, (i, j))
    links, cell = [], (n, m)
    while cell in best and cell != (0, 0):
        prev = best[cell][1]
        if cell[0] - prev[0] == 1 and cell[1] - prev[1] == 1:
            links.append(prev)
        cell = prev
    return links


def align(spanish, english, check_lengths=True):
    """Pair verses present and non-empty in both, in canonical (Spanish) order.

    With check_lengths, a pair is kept only if a length-based alignment of its
    chapter (``_length_links``) also links these two verses 1-1. This catches
    renumbered verses: RV1909 is stored in the KJV verse scheme but keeps Spanish
    numbering in places (Num 12:16 is printed as 13:1 and all of Num 13 is off by
    one; 1 Kings 22:43 is split in two), and the WEB glossary that the module
    stores inside Revelation 22:21. Where half of a chapter or more fails, the
    whole chapter is dropped: in a shifted chapter some verses match by chance.
    Of the ~330 verses this drops on the real modules, ~225 are in renumbered
    chapters; the rest are real boundary differences (1 Cor 13:4-5) and a few
    good neighbours of a verse only one side has (WEB omits Acts 8:37).

    Returns (pairs, dropped) with pairs = [(ref, es, en)] and dropped a Counter of
    why verses were left out: es_only, en_only, empty, length.
    """
    def by_chapter(verses):
        chapters = {}
        for ref, text in verses.items():
            if text:
                chapters.setdefault(ref[:2], []).append(ref)
        return chapters

    en_chapters, confirmed = by_chapter(english), set()
    for chap, es_refs in by_chapter(spanish).items():
        en_refs = en_chapters.get(chap, [])
        common = set(es_refs) & set(en_refs)
        if check_lengths and common:
            lens = [len(spanish[r]) for r in es_refs], [len(english[r]) for r in en_refs]
            ok = {es_refs[i] for i, j in _length_links(*lens) if es_refs[i] == en_refs[j]}
            common = ok if 2 * len(common - ok) < len(common) else set()
        confirmed |= common
    pairs, dropped = [], Counter()
    for ref, es in spanish.items():
        en = english.get(ref)
        if en is None:
            dropped["es_only"] += 1
        elif not es or not en:
            dropped["empty"] += 1
        elif ref not in confirmed:
            dropped["length"] += 1
        else:
            pairs.append((ref, es, en))
    dropped["en_only"] = sum(1 for ref in english if ref not in spanish)
    return pairs, dropped


def split(pairs, valid_books=VALID_BOOKS, test_books=TEST_BOOKS):
    """Held-out-book split -> {"train"|"valid"|"test": [(ref, es, en)]}."""
    valid, test = {b.lower() for b in valid_books}, {b.lower() for b in test_books}
    if valid & test:
        raise ValueError(f"books both in valid and test: {sorted(valid & test)}")
    out = {"train": [], "valid": [], "test": []}
    for p in pairs:
        book = p[0][0].lower()
        out["valid" if book in valid else "test" if book in test else "train"].append(p)
    return out


def subsample(splits, counts, max_words=None):
    """A small corpus of the same shape: per split, only pairs of at most
    MAX_WORDS words a side, then COUNTS[split] of them evenly spaced over the
    split (so every book of it contributes), in canonical order."""
    out = {}
    for name, pairs in splits.items():
        if max_words:
            pairs = [p for p in pairs if max(len(p[1].split()), len(p[2].split())) <= max_words]
        n = counts[name]
        if n > len(pairs):
            raise ValueError(f"{name} has {len(pairs)} pairs, fewer than the {n} asked for")
        out[name] = [pairs[i * len(pairs) // n] for i in range(n)]
    return out


def write_splits(splits, out_dir):
    """Write DIR/{split}.{es,en}; no file is renamed into place before all are written."""
    os.makedirs(out_dir, exist_ok=True)
    with ExitStack() as stack:
        for name, pairs in splits.items():
            for lang, col in (("es", 1), ("en", 2)):
                f = stack.enter_context(atomic_write(os.path.join(out_dir, f"{name}.{lang}")))
                f.writelines(p[col] + "\n" for p in pairs)


def run_diatheke(module):
    """Plain text of the whole (protestant-canon) range of an installed module."""
    cmd = ["diatheke", "-b", module, "-f", "plain", "-o", "f", "-l", "en", "-k", RANGE]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def check_diatheke():
    """Return None if diatheke and both modules are installed, else an error line."""
    if shutil.which("diatheke") is None:
        return "diatheke not found"
    names = subprocess.run(
        ["diatheke", "-b", "system", "-k", "modulelistnames"], capture_output=True, text=True
    ).stdout.split()
    missing = [m for m in MODULES.values() if m not in names]
    return f"SWORD module(s) missing: {', '.join(missing)}" if missing else None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--valid-books", nargs="+", default=VALID_BOOKS, metavar="BOOK")
    ap.add_argument("--test-books", nargs="+", default=TEST_BOOKS, metavar="BOOK")
    ap.add_argument("--from-text", nargs=2, metavar=("ES_FILE", "EN_FILE"),
                    help="diatheke -f plain output files instead of running diatheke")
    ap.add_argument("--sample", nargs=3, type=int, metavar=("TRAIN", "VALID", "TEST"),
                    help="keep only this many pairs per split, evenly spaced (a small corpus)")
    ap.add_argument("--max-words", type=int, help="with --sample: only pairs of at most this many words a side")
    args = ap.parse_args(argv)
    if args.max_words and not args.sample:
        ap.error("--max-words goes with --sample")

    if args.from_text:
        try:
            texts = [open(p, encoding="utf-8").read() for p in args.from_text]
        except OSError as e:
            fail(f"{e}")
    else:
        err = check_diatheke()
        if err:
            fail(f"{err}; install with: {INSTALL_HINT}")
        try:
            texts = [run_diatheke(MODULES[lang]) for lang in ("es", "en")]
        except subprocess.CalledProcessError as e:
            fail(f"{' '.join(e.cmd)} failed: {e.stderr.strip()}")
    es, en = (parse_verses(t) for t in texts)
    pairs, dropped = align(es, en)
    if not pairs:
        fail("no aligned verses (both texts must use diatheke's English book names)")
    books = {ref[0].lower() for ref, _, _ in pairs}
    unknown = [b for b in args.valid_books + args.test_books if b.lower() not in books]
    if unknown:
        fail(f"unknown book(s) {unknown}; names as printed, e.g. 'I John'")
    try:
        splits = split(pairs, args.valid_books, args.test_books)
        if args.sample:
            splits = subsample(splits, dict(zip(("train", "valid", "test"), args.sample)), args.max_words)
    except ValueError as e:
        fail(str(e))
    write_splits(splits, args.out)
    print(f"verses: es={len(es)} en={len(en)} aligned={len(pairs)} dropped: "
          + " ".join(f"{k}={v}" for k, v in sorted(dropped.items())))
    for name, ps in splits.items():
        n_es = sum(len(p[1].split()) for p in ps)
        n_en = sum(len(p[2].split()) for p in ps)
        print(f"{name}: {len(ps)} pairs, {n_es} es / {n_en} en words -> "
              f"{os.path.join(args.out, name)}.{{es,en}}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
