"""The scores the recipes report, checked against numbers computed by hand.

BLEU (``scripts/bleu.py``): the n-gram matches, totals and lengths of small
hand-made corpora are written out here and BLEU computed from them with the
formula (clipped n-gram precisions, n = 1..4, brevity penalty); both
``bleu.py`` and sacreBLEU's own computation must give that number: the
tokenized, unsmoothed BLEU of multi-bleu.perl on tokenized text, and sacreBLEU
with its 13a tokenizer on detokenized text. ROUGE
(``scripts/cnndm/rouge_files.py``): hand-made summaries with known word
overlaps, F1 computed here, against the script and Google's ``rouge-score``.
"""

import importlib.util
import math
import re
import subprocess
import sys

import pytest
import sacrebleu
from rouge_score import rouge_scorer

from conftest import REPO

import bleu

SCRIPTS = REPO / "scripts"


def bleu_line(text):
    match = re.search(r"^(sacre)?BLEU = ([0-9.]+)", text, re.M)
    assert match, text
    return float(match.group(2))


def bleu_by_hand(matches, totals, hyp_len, ref_len):
    """Corpus BLEU x 100 from the n-gram counts (no smoothing)."""
    bp = 1.0 if hyp_len > ref_len else math.exp(1 - ref_len / hyp_len)
    return 100 * bp * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals, strict=True)) / 4)


# ------------------------------------------------------------------ BLEU


def test_bleu_matches_multi_bleu_computed_by_hand():
    hyp = ["the cat sat on the mat", "a dog ran"]
    ref = ["the cat sat on a mat", "a dog ran away fast"]
    # by hand, as multi-bleu.perl counts: sentence 1 has 6 hyp tokens;
    # 1-grams: the (2, clipped to the reference's 1) cat sat on mat -> 5/6;
    # 2-grams: the-cat cat-sat sat-on (on-the, the-mat miss) -> 3/5; 3-grams: 2/4; 4-grams: 1/3.
    # sentence 2 (3 tokens) matches fully: 3/3, 2/2, 1/1, and has no 4-grams.
    matches, totals = [8, 5, 3, 1], [9, 7, 5, 3]
    hyp_len, ref_len = 9, 11
    bp = math.exp(1 - ref_len / hyp_len)  # shorter than the references
    expected = 100 * bp * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals)) / 4)
    result = bleu.tokenized_bleu(hyp, [ref])
    assert (result.sys_len, result.ref_len) == (hyp_len, ref_len)
    assert result.bp == pytest.approx(bp)
    assert result.precisions == pytest.approx([100 * m / t for m, t in zip(matches, totals)])
    assert result.score == pytest.approx(expected)
    line = f"BLEU = {expected:.2f}, 88.9/71.4/60.0/33.3 (BP={bp:.3f}, ratio={9 / 11:.3f}, hyp_len=9, ref_len=11)"
    assert bleu.multi_bleu_line(result) == line
    # case-sensitive by default, -lc folds case; no 4-gram match -> 0 (no smoothing)
    mixed_case = ["The Cat sat on the mat"], [["the cat sat on the mat"]]
    assert bleu.tokenized_bleu(*mixed_case).score < 100
    assert bleu.tokenized_bleu(*mixed_case, lowercase=True).score == pytest.approx(100)
    assert bleu.tokenized_bleu(["a b c"], [["a b c d"]]).score == 0.0
    # several references: n-grams clipped by their largest count in any one
    # reference; brevity from the closest reference length
    two = bleu.tokenized_bleu(["the the cat"], [["the cat sat down"], ["the the dog"]])
    assert two.counts[:3] == [3, 2, 0] and (two.sys_len, two.ref_len) == (3, 3)


def test_bleu_cli_scores_system_files(tmp_path):
    (tmp_path / "hyp").write_text("the cat sat on the mat\na dog ran\n")
    (tmp_path / "ref").write_text("the cat sat on a mat\na dog ran away fast\n")
    cli = [sys.executable, SCRIPTS / "bleu.py", "score", "--sys", tmp_path / "hyp", "--ref", tmp_path / "ref"]
    out = subprocess.run(cli, capture_output=True, text=True, check=True).stdout
    matches, totals = [8, 5, 3, 1], [9, 7, 5, 3]
    expected = 100 * math.exp(1 - 11 / 9) * math.exp(sum(math.log(m / t) for m, t in zip(matches, totals)) / 4)
    assert bleu_line(out) == pytest.approx(expected, abs=0.005)
    (tmp_path / "ref").write_text("one line\n")
    proc = subprocess.run(cli, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "2 system lines" in proc.stderr


def test_compound_splitting_follows_fairseq_convention():
    assert bleu.compound_split("a well-known man") == "a well ##AT##-##AT## known man"
    # Moses -a output is joined back first, so both tokenizations split the same way
    assert bleu.compound_split("a well @-@ known man") == "a well ##AT##-##AT## known man"
    # perl's s{(\S)-(\S)}{...}g does not overlap: the second hyphen of a-b-c stays
    assert bleu.compound_split("a-b-c - x") == "a ##AT##-##AT## b-c - x"


def test_bleu_cli_reads_generate_logs(tmp_path):
    log = tmp_path / "gen.txt"
    log.write_text(
        "S-1\tx\nH-1\t-0.3\tein well-known Haus\nD-1\t-0.3\tein well-known Haus\n"
        "H-0\t-0.1\tdas ist gut\nD-0\t-0.1\tdas ist gut\n"
    )
    ref = tmp_path / "ref"
    ref.write_text("das ist gut\nein well @-@ known Haus\n")
    cli = [sys.executable, SCRIPTS / "bleu.py", "generate", log, "--ref", ref]
    out = subprocess.run([*cli, "--compound-split", "--hyp-out", tmp_path / "hyp"], capture_output=True, text=True, check=True)
    assert bleu_line(out.stdout) == pytest.approx(100.0)  # the split makes both sides agree
    assert (tmp_path / "hyp").read_text() == "das ist gut\nein well-known Haus\n"
    assert bleu_line(subprocess.run(cli, capture_output=True, text=True, check=True).stdout) < 100
    # sacreBLEU with the zh tokenizer on detokenized (space-free) Chinese
    log.write_text("H-0\t-0.1\t我 们 是 学 生 。\nD-0\t-0.1\t我 们 是 学 生 。\n")
    ref.write_text("我们是学生。\n")
    out = subprocess.run([*cli, "--metric", "sacrebleu", "--lang", "zh"], capture_output=True, text=True, check=True)
    assert bleu_line(out.stdout) == pytest.approx(100.0)
    # tok scores the tokenized H- lines, sacrebleu the detokenized D- lines
    log.write_text("H-0\t-0.1\tit &apos;s a dog , ok\nD-0\t-0.1\tit's a dog, ok\n")
    ref.write_text("it's a dog, ok\n")
    sacre = subprocess.run([*cli, "--metric", "sacrebleu", "--detok", "none"], capture_output=True, text=True, check=True)
    assert bleu_line(sacre.stdout) == pytest.approx(100.0)
    assert bleu_line(subprocess.run(cli, capture_output=True, text=True, check=True).stdout) == 0.0
    ref.write_text("a\nb\nc\n")
    proc = subprocess.run(cli, capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0 and "1 hypotheses" in proc.stderr


def write_generate_output(path, lines):
    """A fairseq-generate output holding LINES as its D- (and H-) lines, ids reversed."""
    records = []
    for i, line in reversed(list(enumerate(lines))):
        records += [f"S-{i}\tx", f"H-{i}\t-0.5\t{line}", f"D-{i}\t-0.5\t{line}"]
    path.write_text("\n".join(records) + "\n")


def test_sacrebleu_13a_on_detokenized_text_matches_the_hand_count(tmp_path):
    # 13a splits the comma and the final full stop off the words:
    #   hyp  The cat sat , then ran .      (7 tokens)   A dog barked .  (4)
    #   ref  The cat sat , and ran away .  (8 tokens)   A dog barked .  (4)
    # sentence 1: 1-grams The cat sat , ran . = 6/7; 2-grams The-cat cat-sat sat-, = 3/6;
    # 3-grams "The cat sat" "cat sat ," = 2/5; 4-grams "The cat sat ," = 1/4;
    # sentence 2 matches fully: 4/4, 3/3, 2/2, 1/1
    matches, totals, hyp_len, ref_len = [10, 6, 4, 2], [11, 9, 7, 5], 11, 12
    expected = bleu_by_hand(matches, totals, hyp_len, ref_len)
    hyps = ["The cat sat, then ran.", "A dog barked."]
    refs = ["The cat sat, and ran away.", "A dog barked."]
    own = sacrebleu.corpus_bleu(hyps, [refs])  # sacreBLEU's defaults: 13a, exp smoothing
    assert own.counts == matches and own.totals == totals and (own.sys_len, own.ref_len) == (hyp_len, ref_len)
    assert own.score == pytest.approx(expected, abs=1e-9)

    ref = tmp_path / "ref"
    ref.write_text("".join(r + "\n" for r in refs))
    cli = [sys.executable, SCRIPTS / "bleu.py", "generate", tmp_path / "gen.txt", "--ref", ref, "--metric", "sacrebleu"]
    # already detokenized output, and Moses-tokenized output detokenized by bleu.py
    for lines, detok in ((hyps, "none"), (["The cat sat , then ran .", "A dog barked ."], "moses")):
        write_generate_output(tmp_path / "gen.txt", lines)
        out = subprocess.run([*cli, "--detok", detok], capture_output=True, text=True, check=True).stdout
        assert bleu_line(out) == pytest.approx(expected, abs=0.005), out
        assert "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp" in out  # sacreBLEU's signature


def test_tokenized_bleu_of_compound_splitting_matches_the_hand_count(tmp_path):
    # plain: 5 tokens each side, one word differs at the end: 4/5, 3/4, 2/3, 1/2
    # split: well-known -> well ##AT##-##AT## known, 7 tokens: 6/7, 5/6, 4/5, 3/4
    (tmp_path / "hyp").write_text("das ist ein well-known Mann\n")
    (tmp_path / "ref").write_text("das ist ein well-known Haus\n")
    plain, split = bleu_by_hand([4, 3, 2, 1], [5, 4, 3, 2], 5, 5), bleu_by_hand([6, 5, 4, 3], [7, 6, 5, 4], 7, 7)
    cli = [sys.executable, SCRIPTS / "bleu.py", "score", "--sys", tmp_path / "hyp", "--ref", tmp_path / "ref"]

    def printed(*extra):
        return subprocess.run([*cli, *extra], capture_output=True, text=True, check=True).stdout

    assert bleu_line(printed()) == pytest.approx(plain, abs=0.005)
    assert printed("--compound-split", "--label", "compound-split").startswith(f"compound-split BLEU = {split:.2f}, ")
    # sacreBLEU's own computation, no tokenization and no smoothing (multi-bleu.perl's)
    metric = sacrebleu.metrics.BLEU(tokenize="none", smooth_method="none")
    hyp, ref = "das ist ein well ##AT##-##AT## known Mann", "das ist ein well ##AT##-##AT## known Haus"
    assert metric.corpus_score([hyp], [[ref]]).score == pytest.approx(split)


# ------------------------------------------------------------------ ROUGE

# Three summaries, stems as rouge-score's Porter stemmer leaves them (words of three
# letters or fewer are not stemmed; "cats" -> "cat"), punctuation dropped:
#   1. ref "the cat sat on the mat."  hyp "the cat lay on the mat."
#      1-grams: the x2, cat, on, mat = 5 of 6 both ways; 2-grams: the-cat cat-sat
#      sat-on on-the the-mat vs the-cat cat-lay lay-on on-the the-mat: 3 of 5;
#      LCS "the cat on the mat" = 5 of 6
#   2. ref "the dog ran. a cat sat."  hyp "a cat sat. the dog ran."  (sentences swapped)
#      1-grams 6 of 6; 2-grams of "the dog ran a cat sat" vs "a cat sat the dog ran":
#      the-dog dog-ran a-cat cat-sat match, ran-a / sat-the do not: 4 of 5;
#      summary-level LCS (union over sentences, rougeLsum): each reference sentence is
#      found whole in one hypothesis sentence: 6 of 6 (a whole-text LCS would give 3)
#   3. ref "two cats ate."  hyp "two cat ate fish."
#      1-grams two cat ate: precision 3/4, recall 3/3; 2-grams two-cat cat-ate: 2/3, 2/2;
#      LCS 3: 3/4, 3/3
ROUGE_CASES = [
    ("the cat lay on the mat.", "the cat sat on the mat."),
    ("a cat sat. the dog ran.", "the dog ran. a cat sat."),
    ("two cat ate fish.", "two cats ate."),
]


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall)


ROUGE_BY_HAND = {
    "rouge1": [f1(5 / 6, 5 / 6), 1.0, f1(3 / 4, 1.0)],
    "rouge2": [f1(3 / 5, 3 / 5), f1(4 / 5, 4 / 5), f1(2 / 3, 1.0)],
    "rougeL": [f1(5 / 6, 5 / 6), 1.0, f1(3 / 4, 1.0)],
}


def load_rouge_files():
    spec = importlib.util.spec_from_file_location("rouge_files", SCRIPTS / "cnndm" / "rouge_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rouge_matches_the_hand_count(tmp_path):
    rouge_files = load_rouge_files()

    hyps, refs = zip(*ROUGE_CASES)
    # rouge-score itself, summary by summary (sentences one a line for rougeLsum)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    for i, (hyp, ref) in enumerate(ROUGE_CASES):
        scores = scorer.score(rouge_files.sentences(ref), rouge_files.sentences(hyp))
        for key, own in (("rouge1", "rouge1"), ("rouge2", "rouge2"), ("rougeL", "rougeLsum")):
            assert scores[own].fmeasure == pytest.approx(ROUGE_BY_HAND[key][i]), (i, key)
    # the recipe's scorer: the mean F1 x 100
    expected = {key: 100 * sum(values) / 3 for key, values in ROUGE_BY_HAND.items()}
    assert rouge_files.score(list(hyps), list(refs)) == pytest.approx(expected)
    (tmp_path / "hypo").write_text("".join(h + "\n" for h in hyps))
    (tmp_path / "target").write_text("".join(r + "\n" for r in refs))
    out = subprocess.run([sys.executable, SCRIPTS / "cnndm" / "rouge_files.py", tmp_path / "hypo", tmp_path / "target"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    rouge1, rouge2, rouge_l = (expected[key] for key in ("rouge1", "rouge2", "rougeL"))
    assert out.strip() == f"ROUGE-1 {rouge1:.2f} ROUGE-2 {rouge2:.2f} ROUGE-L {rouge_l:.2f}"
