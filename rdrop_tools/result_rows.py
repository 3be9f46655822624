"""Result CSVs with one row per run: reading (older headers too), writing a
row under a lock so that parallel runs lose none, and the settings (dropouts)
that keep runs of different settings apart."""

import csv
import io
import os
from contextlib import contextmanager
from pathlib import Path

from rdrop_tools.files import atomic_write, fail


BASELINE = "baseline"
REFERENCE_VARIANT = "ours"  # R-Drop as the plugin trains it: the variant tuned against the baseline


# What a run varies from the small runner's defaults: every table and pairing
# keeps runs of different settings apart. Rows written before a setting had a
# column ran at its default.
SETTING_DEFAULTS = {"dropout": "0.3", "attention_dropout": "0", "activation_dropout": "0"}
SETTING_COLUMNS = list(SETTING_DEFAULTS)

SETTING_HEADER = "dropout (attn, act)"


def setting_label(row):
    """The run's dropout, with attention and activation dropout where they are
    not 0, and its compute budget where it trained to one: ``0.3 (0.1, 0.1)``,
    ``0.3 (0.1, 0.1) @1.3x``."""
    extra = [row[c] for c in SETTING_COLUMNS[1:]]
    label = row["dropout"] + (f" ({', '.join(extra)})" if any(float(v) for v in extra) else "")
    return label + (f" @{row['budget']}x" if row.get("budget") else "")


def at_convergence(rows):
    """The runs trained until patience stopped them (no compute budget): what
    choices on validation and the frontier compare."""
    return [r for r in rows if not r.get("budget")]


def converged_label(stopped):
    """``yes`` when every run of STOPPED (their ``stopped_by``) ended by patience, else why they stopped."""
    return "yes" if set(stopped) == {"patience"} else "no (" + ", ".join(sorted(set(stopped))) + ")"


def read_result_rows(csv_path, columns, older=(), defaults=None):
    """The rows of a results CSV (one row per run) as dicts of strings, with the
    header ``columns`` or one of the ``older`` headers (their missing columns
    read as their ``defaults``, else empty); [] if it does not exist yet."""
    if not Path(csv_path).exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames not in (columns, *older):
            fail(f"{csv_path}: columns {reader.fieldnames} are not {columns}")
        missing = dict.fromkeys(c for c in columns if c not in reader.fieldnames)
        fill = {c: (defaults or {}).get(c, "") for c in missing}
        return [{column: fill[column] if column in fill else row.get(column) or "" for column in columns}
                for row in reader]  # fmt: skip


@contextmanager
def csv_lock(csv_path):
    """Hold an exclusive lock on the CSV's folder: every writer reads, changes
    and replaces the whole file, so two at once would lose one's rows. The
    folder, not the file: the file is replaced (a new inode) on each write."""
    import fcntl

    fd = os.open(Path(csv_path).parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def rewrite_result_rows(csv_path, rows, columns):
    """Rewrite the CSV atomically (an interrupted write never loses earlier
    results), and only if its text changes."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: str(row.get(column, "")) for column in columns} for row in rows)
    path = Path(csv_path)
    if path.exists() and path.read_text(encoding="utf-8") == text.getvalue():
        return
    with atomic_write(path) as f:
        f.write(text.getvalue())


def write_result_row(csv_path, row, columns, key, optional=(), older=(), defaults=None):
    """Add ROW to a results CSV, replacing an earlier row of the same run (the
    same ``key`` columns); columns in ``optional`` may be left out (empty),
    those in ``defaults`` too (their default)."""
    defaults = defaults or {}
    row = {column: str(row[column] if column in row else defaults[column] if column in defaults
                       else "" if column in optional else row[column]) for column in columns}  # fmt: skip
    Path(csv_path).parent.mkdir(parents=True, exist_ok=True)
    with csv_lock(csv_path):
        rows = read_result_rows(csv_path, columns, older, defaults)
        rows = [r for r in rows if any(r[k] != row[k] for k in key)] + [row]
        rewrite_result_rows(csv_path, rows, columns)
