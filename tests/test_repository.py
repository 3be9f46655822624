"""The repository stands on its own: the tests read nothing outside it,
README.md renders as written, and the committed result tables are the ones
their committed rows make."""

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

from conftest import BIBLE, REPO

TESTS = REPO / "tests"
# spellings of a path that leaves the checkout (a sibling folder, a parent)
LEAVING = re.compile(r"""\.\.[/\\]|\.parent\s*/|parents\[[2-9]\]|["']/work/|["']~/""")


def test_no_test_data_path_lies_outside_the_repository():
    assert BIBLE.resolve().is_relative_to(REPO.resolve()) and sorted(p.name for p in BIBLE.iterdir()) == [
        f"{split}.{lang}" for split in ("test", "train", "valid") for lang in ("en", "es")
    ]
    for source in sorted(TESTS.glob("*.py")):
        module = importlib.import_module(source.stem)
        for name, value in vars(module).items():
            if isinstance(value, PurePath) and value.is_absolute():
                assert Path(value).resolve().is_relative_to(REPO.resolve()), f"{source.name}: {name} = {value}"
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            assert not LEAVING.search(line), f"{source.name}:{number} points outside the repository: {line.strip()}"


# ---------------------------------------------------------------- README

README = REPO / "README.md"
# the order a newcomer reads in: what it is (the lines above the first
# section), then these sections
SECTIONS = [
    "Try it: two commands",
    "Use it in an existing fairseq command",
    "Options",
    "Recipes: reproducing the paper",
    "Results",
    "Install",
    "Troubleshooting",
    "Citation",
]


def readme_tokens():
    from markdown_it import MarkdownIt

    text = README.read_text(encoding="utf-8")
    return text.splitlines(), MarkdownIt("commonmark").enable("table").parse(text)


def test_readme_code_fences_all_close():
    lines, tokens = readme_tokens()
    fences = [t for t in tokens if t.type == "fence"]
    assert fences, "README has no code block"
    for fence in fences:
        start, end = fence.map
        marker = fence.markup
        closing = lines[end - 1].strip() if end - 1 > start else ""
        # a fence closes on a line of its marker alone; text after the marker
        # (or no such line before the end of the file) keeps the block open
        assert re.fullmatch(re.escape(marker[0]) + "{%d,}" % len(marker), closing), (
            f"code block opened at README.md line {start + 1} does not close"
        )
        inside = lines[start + 1 : end - 1]
        assert not [line for line in inside if line.lstrip().startswith(marker)], (
            f"code block opened at README.md line {start + 1} swallows a fence line"
        )


def test_readme_sections_in_reading_order_and_links_resolve():
    lines, tokens = readme_tokens()
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings == SECTIONS
    intro = [t for t in tokens[: next(i for i, t in enumerate(tokens) if t.tag == "h2")] if t.type == "inline"]
    assert 1 <= len(intro) <= 2 and len(intro[-1].content.splitlines()) <= 3  # what it is, in three lines
    links = [child.attrs["href"] for t in tokens if t.type == "inline" for child in t.children or []
             if child.type == "link_open"]  # fmt: skip
    local = [href.split("#")[0] for href in links if not re.match(r"[a-z]+:", href) and not href.startswith("#")]
    assert local, "README links no project page"
    for href in local:
        assert (REPO / href).exists(), f"README links {href}, which does not exist"


# ---------------------------------------------------------------- results

RESULTS = REPO / "benchmarks" / "results"


def test_committed_result_tables_are_what_their_rows_make(tmp_path):
    """A row added to a results CSV without rerunning its table script would
    leave RESULTS.md's source tables stale; both scripts must reproduce them."""
    rows = tmp_path / "quality.csv"
    shutil.copy(RESULTS / "quality.csv", rows)  # the summary refreshes a column of the CSV it reads
    mt = subprocess.run([sys.executable, REPO / "benchmarks" / "summarize_small.py", rows],
                        capture_output=True, text=True, check=True)  # fmt: skip
    assert mt.stdout == (RESULTS / "quality.md").read_text(encoding="utf-8") + "\n"
    assert rows.read_bytes() == (RESULTS / "quality.csv").read_bytes()
    lm = subprocess.run([sys.executable, REPO / "scripts" / "small_lm.py", "table", "--csv", RESULTS / "lm_quality.csv"],
                        capture_output=True, text=True, check=True)  # fmt: skip
    assert lm.stdout == (RESULTS / "lm_quality.md").read_text(encoding="utf-8")


def test_every_quality_table_in_results_and_readme_is_the_generated_one(tmp_path):
    """RESULTS.md and README.md show rows of the generated tables, copied by
    ``refresh_results.py``; a row added or changed without refreshing fails
    here, and so does a block whose rows are gone."""
    docs = [REPO / "benchmarks" / "RESULTS.md", README]
    blocks = sum(path.read_text(encoding="utf-8").count("<!-- from results/") for path in docs)
    assert blocks >= 6, "the quality tables lost their generated blocks"
    check = subprocess.run([sys.executable, REPO / "benchmarks" / "refresh_results.py", *docs, "--check"],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stderr
    # and the check can fail: one changed figure in a copy is caught
    copy = tmp_path / "RESULTS.md"
    text = docs[0].read_text(encoding="utf-8")
    copy.write_text(text.replace("| yes |", "| no |", 1), encoding="utf-8")
    stale = subprocess.run([sys.executable, REPO / "benchmarks" / "refresh_results.py", copy, "--check"],
                           capture_output=True, text=True)  # fmt: skip
    assert stale.returncode == 1 and "stale table" in stale.stderr


NUMBER = re.compile(r"(?<![\d.])[-+]?\d+\.\d+%?")  # a range 2.61-2.78 is two figures


def test_results_summary_figures_are_ones_the_rows_make():
    """Each figure of RESULTS.md's summary that cites a results CSV appears in
    the table generated from that CSV (a hand-typed figure that no row makes
    fails)."""
    text = (REPO / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    summary = text.split("\n## Summary\n", 1)[1].split("\n## ", 1)[0]
    generated = {"`quality.csv`": (RESULTS / "quality.md").read_text(encoding="utf-8"),
                 "`lm_quality.csv`": (RESULTS / "lm_quality.md").read_text(encoding="utf-8")}  # fmt: skip
    checked = 0
    for line in summary.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[3] not in generated:
            continue
        for figure in NUMBER.findall(cells[1]):
            assert figure.lstrip("+") in generated[cells[3]], f"summary figure {figure} ({cells[0]}) is in no generated table"
            checked += 1
    assert checked >= 10