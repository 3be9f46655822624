"""Files that an interrupted run never leaves half-written, and the one-line error exit."""

import os
import sys
from contextlib import contextmanager
from pathlib import Path


def fail(message, prog=None):
    """Stop with ``prog: error: message`` on one line and exit status 2 (as argparse)."""
    prog = prog or Path(sys.argv[0]).name
    print(f"{prog}: error: {message}", file=sys.stderr)
    sys.exit(2)


@contextmanager
def atomic_path(path):
    """Yield ``PATH.tmp`` to write; rename it to PATH only if the block succeeds.

    An interrupted or failing run removes the temporary file and leaves any
    earlier PATH untouched.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


@contextmanager
def atomic_write(path, mode="w"):
    """``open(PATH, mode)`` written through ``atomic_path``; text is UTF-8 with ``\\n`` line ends."""
    with atomic_path(path) as tmp:
        if "b" in mode:
            with open(tmp, mode) as f:
                yield f
        else:
            with open(tmp, mode, encoding="utf-8", newline="\n") as f:
                yield f


def read_lines(path):
    """The file's lines without their ``\\n``; only ``\\n`` ends a line (as ``wc -l``
    and fairseq-preprocess count them), so a stray ``\\r`` stays in its line."""
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip("\n") for line in f]


def write_lines(path, lines):
    """Write one line per item, atomically."""
    with atomic_write(path) as f:
        for line in lines:
            f.write(line + "\n")
