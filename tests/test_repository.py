"""The repository stands on its own: the tests read nothing outside it,
README.md renders as written, every guarantee it and docs/guarantees.md
state names a test that exists, and the committed result tables are the ones
their committed rows make."""

import ast
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


# ---------------------------------------------------------------- guarantees

GUARANTEES = REPO / "docs" / "guarantees.md"
# a test named in prose: `tests/test_x.py::test_name`, or `tests/test_x.py` for a whole file
TEST_REFERENCE = re.compile(r"`(?:tests/)?(test_\w+\.py)(?:::(test_\w+))?`")
# README's promises, by a phrase of their bullet or paragraph; each must name its test
README_PROMISES = [
    "**The project's environment**",
    "**An environment of your own**",
    "**torch**",
    "**`--user-dir`**",
    "**Mixed precision**",
    "run every recipe end to end",
]


def top_level_blocks(path):
    """The text of each top-level bullet and paragraph of a markdown file, whitespace collapsed."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    blocks, item = [], None
    for previous, token in zip([None, *tokens], tokens):
        if token.type == "list_item_open" and token.level == 1:
            item = []
        elif token.type == "list_item_close" and token.level == 1:
            blocks.append(" ".join(item))
            item = None
        elif token.type == "inline":
            if item is not None:
                item.append(token.content)
            elif previous.type == "paragraph_open" and previous.level == 0:  # a paragraph outside any list
                blocks.append(token.content)
    return [" ".join(block.split()) for block in blocks]


def defined_tests(file):
    """The names of the test functions a test file defines."""
    tree = ast.parse((TESTS / file).read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def assert_names_tests_that_exist(block, where):
    references = TEST_REFERENCE.findall(block)
    assert references, f"{where}: a guarantee that names no test: {block[:120]}..."
    for file, name in references:
        assert (TESTS / file).exists(), f"{where} names tests/{file}, which does not exist"
        assert not name or name in defined_tests(file), f"{where} names {file}::{name}, which does not exist"


def test_every_guarantee_names_a_test_that_exists():
    blocks = top_level_blocks(GUARANTEES)
    assert len(blocks) >= 8  # the opening paragraph and one bullet per guarantee
    for block in blocks:
        assert_names_tests_that_exist(block, "docs/guarantees.md")
    readme = top_level_blocks(README)
    for promise in README_PROMISES:
        (block,) = [b for b in readme if promise in b] or [f"(no block holds {promise!r})"]
        assert_names_tests_that_exist(block, f"README.md, {promise}")
    # and every test named anywhere in README.md exists
    assert_names_tests_that_exist(" ".join(readme), "README.md")


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