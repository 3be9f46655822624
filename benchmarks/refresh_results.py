#!/usr/bin/env python3
"""Copy the generated tables into RESULTS.md (and the README), so that every
figure there has one home: the tables that ``summarize_small.py`` and
``small_lm.py table`` make from the committed rows.

A block in the markdown names the generated file, a word of the header of the
table it takes rows from, and the first cells of the rows it shows:

    <!-- from results/quality.md, table with "gain share": | bible | 1000 | ours | 3 | || | bible | 1000 | baseline | -->
    (the table: written by this script)
    <!-- end -->

Rows come in the generated file's order. ``--check`` changes nothing and
exits 1 when a block is not what the generated files make (the test suite runs
it), naming the block.

    python benchmarks/refresh_results.py benchmarks/RESULTS.md README.md [--check]
"""

import argparse
import re
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent
BLOCK = re.compile(r'<!-- from (?P<src>results/[\w.]+\.md), table with "(?P<word>[^"]+)": (?P<rows>.*?) -->\n'
                   r"(?P<body>(?:.*?\n)??)<!-- end -->", re.S)  # fmt: skip


def tables(text):
    """Every markdown table of TEXT as (header lines, row lines)."""
    found, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---") and i and lines[i - 1].startswith("|"):
            rows = []
            for row in lines[i + 1 :]:
                if not row.startswith("|"):
                    break
                rows.append(row)
            found.append((lines[i - 1 : i + 1], rows))
    return found


def block_table(src, word, row_prefixes):
    """The header and the chosen rows of the first table of SRC whose header has WORD and which has such rows."""
    path = RESULTS / src
    if not path.exists():
        sys.exit(f"refresh_results.py: error: {path} does not exist (run the table scripts first)")
    for header, rows in tables(path.read_text(encoding="utf-8")):
        chosen = [r for r in rows if any(r.startswith(p) for p in row_prefixes)]
        if word in header[0] and chosen:
            return "\n".join(header + chosen) + "\n"
    sys.exit(f'refresh_results.py: error: {src} has no table with "{word}" and rows {" || ".join(row_prefixes)}')


def refresh(text):
    """TEXT with every block's table made anew; and the blocks whose table changed."""
    stale = []

    def one(match):
        prefixes = [p.strip() + " " for p in match["rows"].split(" || ")]
        body = block_table(match["src"], match["word"], prefixes)
        if body != match["body"]:
            stale.append(f'{match["src"]} "{match["word"]}": {match["rows"]}')
        return f'<!-- from {match["src"]}, table with "{match["word"]}": {match["rows"]} -->\n{body}<!-- end -->'

    return BLOCK.sub(one, text), stale


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a block is stale")
    args = parser.parse_args(argv)
    stale_anywhere = False
    for name in args.files:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new, stale = refresh(text)
        for block in stale:
            print(f"{name}: stale table: {block}", file=sys.stderr)
            stale_anywhere = True
        if not args.check and new != text:
            path.write_text(new, encoding="utf-8")
    if args.check and stale_anywhere:
        sys.exit(1)


if __name__ == "__main__":
    main()
