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
    "Install",
    "Use it in an existing fairseq command",
    "Options",
    "Recipes: reproducing the paper",
    "Results",
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


def test_results_language_model_table_lines_are_the_rows_own():
    """RESULTS.md's per-seed language-model table is copied from
    ``small_lm.py table``: every line of it must still be one the committed
    rows make (a subset, in any order)."""
    made = subprocess.run([sys.executable, REPO / "scripts" / "small_lm.py", "table", "--csv",
                           RESULTS / "lm_quality.csv"], capture_output=True, text=True, check=True).stdout  # fmt: skip
    text = (REPO / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8")
    section = text.split("\n## Language models at convergence", 1)[1].split("\n## ", 1)[0]
    header = next(l for l in made.splitlines() if "| test ppl (per seed) |" in l)
    assert header in section, "RESULTS.md's language-model section lost its per-seed table"
    shown = section.split(header, 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    assert shown and not [line for line in shown if line not in made.splitlines()]
