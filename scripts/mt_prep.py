#!/usr/bin/env python3
"""Text side of the translation recipes (scripts/iwslt, scripts/wmt14).

The Moses / subword-nmt steps of fairseq's prepare-iwslt14.sh,
prepare-iwslt17-multilingual.sh and prepare-wmt14en2{de,fr}.sh, done with the
Python packages (sacremoses, subword-nmt) instead of cloned toolkits:

    mt_prep.py iwslt-extract ARCHIVE SRC TGT OUTDIR [--year 14|17] [--test-sets dev2010,tst2010,...]
    mt_prep.py wmt14-extract ARCHIVE_DIR TGT OUTDIR          (SRC is en)
    mt_prep.py tokenize [--aggressive] [--lowercase] [--normalize] LANG IN OUT [LANG IN OUT ...]
    mt_prep.py clean IN_PREFIX SRC TGT OUT_PREFIX [--ratio 1.5] [--min 1] [--max 175]
    mt_prep.py learn-bpe --symbols N CODES FILE [FILE ...]
    mt_prep.py apply-bpe CODES IN OUT [CODES IN OUT ...]

Every command writes OUT via a temporary name, so an interrupted run leaves no
half-written file behind. ``--workers`` (default: all cores) parallelizes the
per-line steps, which matters for WMT (4.5M and 36M sentence pairs).
"""

import argparse
import gzip
import io
import multiprocessing
import os
import re
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

from rdrop_tools.files import atomic_write, fail, write_lines

CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"([{CJK}])")

# fairseq's prepare-iwslt14.sh drops these metadata lines of train.tags.*;
# prepare-iwslt17-multilingual.sh drops a few more (the 2017 files have them)
IWSLT_DROP = {
    "14": ("<url>", "<talkid>", "<keywords>"),
    "17": ("<url>", "<talkid>", "<keywords>", "<speaker>", "<reviewer", "<translator", "<doc", "</doc>"),
}
_IWSLT_STRIP = re.compile(r"</?(title|description)>")
_SEG = re.compile(r'<seg id="?\d+"?>\s*(.*?)\s*</seg>')
_IWSLT_SET = re.compile(r"IWSLT\d\d\.TEDX?\.(dev|tst)(\d{4})\.")

# WMT14 training corpora inside the archives (fairseq's CORPORA lists; the
# En-De one with News Commentary v9, i.e. its --icml17 variant = WMT14 proper)
WMT14 = {
    "de": {
        "archives": ["training-parallel-europarl-v7.tgz", "training-parallel-commoncrawl.tgz",
                     "training-parallel-nc-v9.tgz", "dev.tgz", "test-full.tgz"],
        "corpora": ["training/europarl-v7.de-en", "commoncrawl.de-en", "training/news-commentary-v9.de-en"],
        "test": "test-full/newstest2014-deen-{side}.{lang}.sgm",
    },
    "fr": {
        "archives": ["training-parallel-europarl-v7.tgz", "training-parallel-commoncrawl.tgz",
                     "training-parallel-un.tgz", "training-parallel-nc-v9.tgz",
                     "training-giga-fren.tar", "dev.tgz", "test-full.tgz"],
        "corpora": ["training/europarl-v7.fr-en", "commoncrawl.fr-en", "un/undoc.2000.fr-en",
                    "training/news-commentary-v9.fr-en", "giga-fren.release2.fixed"],
        "test": "test-full/newstest2014-fren-{side}.{lang}.sgm",
    },
}  # fmt: skip


def split_lines(text):
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def decode(data):
    return data.decode("utf-8", errors="replace").replace("\r", "")


def xml_segments(text):
    """The <seg> texts of an IWSLT/WMT xml or sgm file, curly apostrophes as fairseq."""
    return [m.group(1).replace("\u2019", "'") for m in _SEG.finditer(text)]


# ---------------------------------------------------------------- IWSLT


def archive_members(archive):
    """(file name, read()) of every file of a .tgz/.tar or .zip archive, told apart by content."""
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as z:
            for info in z.infolist():
                if not info.is_dir():
                    yield Path(info.filename).name, lambda info=info: z.read(info)
    elif tarfile.is_tarfile(archive):
        with tarfile.open(archive) as tar:
            for member in tar:
                if member.isfile():
                    yield Path(member.name).name, lambda member=member: tar.extractfile(member).read()
    else:
        fail(f"{archive} is neither a tar (.tgz) nor a zip archive")


def iwslt_extract(archive, src, tgt, out, year, test_sets):
    """train.{l} (metadata lines removed) and test.{l} (all dev/tst sets) from the pair's
    archive (.tgz or .zip, whatever its name), as fairseq's prepare-iwslt14.sh reads it."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    drop = IWSLT_DROP[year]
    train, sets, pair = {}, {}, None
    for name, read in archive_members(archive):
        m = re.fullmatch(r"train\.tags\.(\w+-\w+)\.(\w+)", name)
        if m and sorted(m.group(1).split("-")) == sorted([src, tgt]) and m.group(2) in (src, tgt):
            pair = m.group(1)
            # blank lines stay: dropping them on one side only would shift
            # the pairs; clean-corpus removes empty pairs later
            train[m.group(2)] = [
                _IWSLT_STRIP.sub("", line).strip()
                for line in split_lines(decode(read()))
                if not any(tag in line for tag in drop)
            ]
            continue
        m = _IWSLT_SET.match(name)
        for lang in (src, tgt):
            if m and name.endswith((f".{src}-{tgt}.{lang}.xml", f".{tgt}-{src}.{lang}.xml")):
                key = (0 if m.group(1) == "dev" else 1, m.group(2), name.split(".")[1])
                sets.setdefault(key, {})[lang] = xml_segments(decode(read()))
    if pair is None:
        fail(f"{archive} is not the IWSLT {src}-{tgt} archive (no train.tags.{src}-{tgt}.* inside)")
    for lang in (src, tgt):
        if lang not in train:
            fail(f"{archive} has no train.tags.{pair}.{lang}")
    if len(train[src]) != len(train[tgt]):
        fail(f"train.tags.{pair}: {len(train[src])} {src} lines but {len(train[tgt])} {tgt} lines")
    if test_sets:
        wanted = test_sets.split(",")
        sets = {k: v for k, v in sets.items() if f"{'dev' if k[0] == 0 else 'tst'}{k[1]}" in wanted}
    if not sets:
        fail(f"{archive} has no IWSLT{year} dev/tst xml files for {pair}" + (f" among {test_sets}" if test_sets else ""))
    test = {src: [], tgt: []}
    for key in sorted(sets):  # dev sets first, then tst sets, by year (fairseq's order)
        found = sets[key]
        if set(found) != {src, tgt} or len(found[src]) != len(found[tgt]):
            fail(f"{archive}: dev/tst set {key} is missing a side or has unequal segment counts")
        for lang in (src, tgt):
            test[lang] += found[lang]
    for lang in (src, tgt):
        write_lines(out / f"train.{lang}", train[lang])
        write_lines(out / f"test.{lang}", test[lang])
    print(f"{pair}: {len(train[src])} train lines, {len(test[src])} test lines from {len(sets)} sets", file=sys.stderr)


# ---------------------------------------------------------------- WMT14


def wmt14_extract(archive_dir, tgt, out):
    """train/valid(newstest2013)/test(newstest2014) raw text for en-{tgt}."""
    spec, out = WMT14[tgt], Path(out)
    out.mkdir(parents=True, exist_ok=True)
    langs = ("en", tgt)
    wanted = {}  # member name -> (kind, lang)
    for corpus in spec["corpora"]:
        for lang in langs:
            wanted[f"{corpus}.{lang}"] = ("train", lang)
            wanted[f"{corpus}.{lang}.gz"] = ("train", lang)  # giga-fren ships gzipped
    for lang in langs:
        wanted[f"dev/newstest2013.{lang}"] = ("valid", lang)
    wanted[spec["test"].format(side="src", lang="en")] = ("test", "en")
    wanted[spec["test"].format(side="ref", lang=tgt)] = ("test", tgt)
    found = {}
    counts = {}
    # both train sides are renamed into place only when everything checks out
    with ExitStack() as stack:
        files = {lang: stack.enter_context(atomic_write(out / f"train.{lang}")) for lang in langs}
        for name in spec["archives"]:
            with tarfile.open(Path(archive_dir) / name) as tar:
                for member in tar:
                    key = member.name.removeprefix("./")
                    if key not in wanted or not member.isfile():
                        continue
                    kind, lang = wanted[key]
                    fobj = tar.extractfile(member)
                    if key.endswith(".gz"):
                        fobj = gzip.GzipFile(fileobj=fobj)
                    if kind == "train":  # streamed: giga-fren alone is ~2.5 GB a side
                        n = 0
                        for line in io.TextIOWrapper(fobj, encoding="utf-8", errors="replace", newline="\n"):
                            files[lang].write(line.strip() + "\n")
                            n += 1
                        corpus = key.rsplit(".", 2 if key.endswith(".gz") else 1)[0]
                        counts.setdefault(corpus, {})[lang] = n
                        continue
                    text = decode(fobj.read())
                    if key.endswith(".sgm"):
                        found[(kind, lang)] = xml_segments(text)
                    else:
                        found[(kind, lang)] = [line.strip().replace("\u2019", "'") for line in split_lines(text)]
        for corpus in spec["corpora"]:
            got = counts.get(corpus, {})
            if set(got) != set(langs):
                fail(f"corpus {corpus}.{{{','.join(langs)}}} not found in the archives")
            if got["en"] != got[tgt]:
                fail(f"corpus {corpus}: {got['en']} en lines but {got[tgt]} {tgt} lines")
        for kind in ("valid", "test"):
            for lang in langs:
                if (kind, lang) not in found:
                    fail(f"{kind} side {lang} ({'newstest2013' if kind == 'valid' else 'newstest2014'}) not found")
            if len(found[(kind, "en")]) != len(found[(kind, tgt)]):
                fail(f"{kind}: unequal line counts")
    for lang in langs:
        for kind in ("valid", "test"):
            write_lines(out / f"{kind}.{lang}", found[(kind, lang)])
    total = sum(c["en"] for c in counts.values())
    print(f"en-{tgt}: {total} train, {len(found[('valid', 'en')])} valid, "
          f"{len(found[('test', 'en')])} test lines", file=sys.stderr)  # fmt: skip


# ---------------------------------------------------------------- per-line steps

_worker = {}


def _init_tokenizer(args):
    from sacremoses import MosesPunctNormalizer, MosesTokenizer

    args, lang = args
    _worker["args"], _worker["lang"] = args, lang
    _worker["tok"] = MosesTokenizer(lang="en" if lang in ("zh", "ja") else lang)
    _worker["norm"] = MosesPunctNormalizer(lang=lang) if args.normalize else None


def _non_printing_to_space(text):
    # Moses' remove-non-printing-char.perl: every \p{C} character becomes a space
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)


def _tokenize(line):
    args = _worker["args"]
    if _worker["norm"] is not None:
        line = _non_printing_to_space(_worker["norm"].normalize(line))
    text = _worker["tok"].tokenize(line, return_str=True, escape=True, aggressive_dash_splits=args.aggressive)
    if _worker["lang"] in ("zh", "ja"):  # no word segmenter: one token per CJK character
        text = " ".join(_CJK_CHAR.sub(r" \1 ", text).split())
    return text.lower() if args.lowercase else text


def _init_bpe(codes):
    from subword_nmt.apply_bpe import BPE

    with open(codes, encoding="utf-8") as f:
        _worker["bpe"] = BPE(f)


def _apply_bpe(line):
    return _worker["bpe"].process_line(line)


def iter_lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            yield line.rstrip("\n")


def map_lines(fn, init, initarg, src, dst, workers):
    """Apply FN to every line of SRC (streamed, in order) on WORKERS processes."""
    if workers > 1 and os.path.getsize(src) > 2_000_000:
        with multiprocessing.Pool(workers, init, (initarg,)) as pool:
            write_lines(dst, pool.imap(fn, iter_lines(src), chunksize=2000))
    else:
        init(initarg)
        write_lines(dst, map(fn, iter_lines(src)))


def clean(prefix, src, tgt, out, ratio, lo, hi):
    """clean-corpus-n.perl: drop pairs with an empty/too long side or a length ratio > RATIO."""
    total = kept = 0
    pairs = zip(iter_lines(f"{prefix}.{src}"), iter_lines(f"{prefix}.{tgt}"), strict=True)
    with atomic_write(f"{out}.{src}") as fa, atomic_write(f"{out}.{tgt}") as fb:
        for x, y in pairs:
            total += 1
            x, y = " ".join(x.split()), " ".join(y.split())
            nx, ny = len(x.split()), len(y.split())
            if lo <= nx <= hi and lo <= ny <= hi and nx / ny <= ratio and ny / nx <= ratio:
                kept += 1
                fa.write(x + "\n")
                fb.write(y + "\n")
    print(f"clean {prefix}: kept {kept} of {total} pairs", file=sys.stderr)


def learn_bpe(codes, files, symbols):
    from subword_nmt.learn_bpe import learn_bpe as learn

    # one joint word-frequency table over all FILES (= learn-bpe on their
    # concatenation, as fairseq does), streamed instead of held in memory
    vocab = Counter()
    for path in files:
        for line in iter_lines(path):
            vocab.update(line.split())
    table = io.StringIO("".join(f"{w} {c}\n" for w, c in vocab.items()))
    with atomic_write(codes) as out:
        learn(table, out, symbols, is_dict=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("iwslt-extract")
    p.add_argument("archive")
    p.add_argument("src")
    p.add_argument("tgt")
    p.add_argument("out")
    p.add_argument("--year", choices=["14", "17"], default="14")
    p.add_argument("--test-sets", default="", help="comma-separated, e.g. dev2010,tst2010 (default: all)")
    p = sub.add_parser("wmt14-extract")
    p.add_argument("archive_dir")
    p.add_argument("tgt", choices=sorted(WMT14))
    p.add_argument("out")
    p = sub.add_parser("tokenize")
    p.add_argument("--aggressive", action="store_true", help="Moses -a (well @-@ known)")
    p.add_argument("--lowercase", action="store_true")
    p.add_argument("--normalize", action="store_true", help="punctuation normalization + non-printing chars")
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("files", nargs="+", metavar="LANG IN OUT")
    p = sub.add_parser("clean")
    p.add_argument("prefix")
    p.add_argument("src")
    p.add_argument("tgt")
    p.add_argument("out")
    p.add_argument("--ratio", type=float, default=1.5)
    p.add_argument("--min", type=int, default=1)
    p.add_argument("--max", type=int, default=175)
    p = sub.add_parser("learn-bpe")
    p.add_argument("--symbols", type=int, required=True)
    p.add_argument("codes")
    p.add_argument("files", nargs="+")
    p = sub.add_parser("apply-bpe")
    p.add_argument("--workers", type=int, default=os.cpu_count())
    p.add_argument("files", nargs="+", metavar="CODES IN OUT")
    args = parser.parse_args(argv)
    if args.command in ("tokenize", "apply-bpe") and len(args.files) % 3:
        parser.error(f"{args.command} takes its files in triples (see the usage above)")

    if args.command == "iwslt-extract":
        iwslt_extract(args.archive, args.src, args.tgt, args.out, args.year, args.test_sets)
    elif args.command == "wmt14-extract":
        wmt14_extract(args.archive_dir, args.tgt, args.out)
    elif args.command == "tokenize":
        for lang, src, dst in zip(*[iter(args.files)] * 3):
            map_lines(_tokenize, _init_tokenizer, (args, lang), src, dst, args.workers)
    elif args.command == "clean":
        try:
            clean(args.prefix, args.src, args.tgt, args.out, args.ratio, args.min, args.max)
        except ValueError:  # zip(strict=True)
            fail(f"{args.prefix}.{args.src} and .{args.tgt} have different line counts")
    elif args.command == "learn-bpe":
        learn_bpe(args.codes, args.files, args.symbols)
    else:
        for codes, src, dst in zip(*[iter(args.files)] * 3):
            map_lines(_apply_bpe, _init_bpe, codes, src, dst, args.workers)


if __name__ == "__main__":
    main()
