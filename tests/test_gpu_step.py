"""benchmarks/gpu_step.py, the training-step benchmark at the recipes' shapes:
its ``--cpu`` mode end to end (every shape and variant, the table, the CSV,
the profile), that each variant trains on what it names, the random batches,
the time per update of an every-2 schedule, and its refusals. The CUDA run
(events, peak memory, kernels) is marked gpu."""

import csv
import subprocess
import sys

import pytest
import torch

from conftest import REPO, cli_env

sys.path.insert(0, str(REPO / "benchmarks"))
import gpu_step  # noqa: E402

SCRIPT = str(REPO / "benchmarks" / "gpu_step.py")
TRANSLATION_VARIANTS = ["baseline", "baseline_x2", "builtin", "ours", "ours_chunked", "ours_every2", "ours_fraction50"]
# what exists for each shape: no chunked projection or fraction for the LM
# criterions, and fairseq's built-in needs a full softmax
EXPECTED = {
    "iwslt": TRANSLATION_VARIANTS,
    "wmt_big": TRANSLATION_VARIANTS,
    "bart_large": TRANSLATION_VARIANTS,
    "lm_gpt": ["baseline", "baseline_x2", "builtin", "ours", "ours_every2"],
    "lm_adaptive": ["baseline", "baseline_x2", "ours", "ours_every2"],
}


def run_script(*args, timeout=240):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, env=cli_env(), timeout=timeout)


@pytest.fixture(scope="module")
def cpu_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("step")
    assert gpu_step.main(["--cpu", "--out", str(out), "--warmup", "0", "--updates", "2", "--profile"]) == 0
    with open(out / "step.csv") as f:
        rows = list(csv.DictReader(f))
    return out, rows


def test_cpu_mode_runs_every_shape_and_variant(cpu_run):
    _, rows = cpu_run
    got = {}
    for r in rows:
        got.setdefault(r["shape"], []).append(r["variant"])
        assert r["status"] == "ok" and r["precision"] == "fp32" and r["updates"] == "2", r
        assert float(r["ms_per_update"]) > 0 and r["peak_mb"] == "n/a" and r["skipped_updates"] == "0", r
    assert got == EXPECTED


def test_ratios_are_to_the_doubled_batch_of_the_same_shape(cpu_run):
    _, rows = cpu_run
    doubled = {r["shape"]: float(r["ms_per_update"]) for r in rows if r["variant"] == "baseline_x2"}
    for r in rows:
        # the CSV keeps 2 decimals of ms and 3 of the ratio
        assert float(r["vs_doubled"]) == pytest.approx(float(r["ms_per_update"]) / doubled[r["shape"]], rel=2e-3, abs=2e-3), r


def test_the_markdown_table_has_the_csvs_rows(cpu_run):
    out, rows = cpu_run
    lines = [line for line in (out / "table.md").read_text().splitlines() if line.startswith("| ") and "---" not in line]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines[1:]]
    assert [(c[0], c[1], c[2]) for c in cells] == [(r["variant"], r["shape"], r["precision"]) for r in rows]
    for c, r in zip(cells, rows, strict=True):
        assert float(c[4]) == pytest.approx(float(r["ms_per_update"]), abs=0.06)
        assert c[5] == f"{float(r['vs_doubled']):.3f}x" and c[6] == "n/a"


def test_the_profile_covers_the_doubled_batch_and_ours_of_every_shape(cpu_run):
    out, _ = cpu_run
    text = (out / "profile.md").read_text()
    rows = [line.strip("|").split("|") for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    summary = {(r[0].strip(), r[1].strip()): r for r in rows if len(r) == 7 and r[0].strip() != "variant"}
    assert set(summary) == {(v, s) for s in EXPECTED for v in ("baseline_x2", "ours")}
    for (variant, shape), r in summary.items():
        host_ops, syncs, kernels = float(r[3]), float(r[4]), r[5].strip()
        # fairseq's own step reads a few numbers back (loss, gradient norm): syncs > 0
        assert host_ops > 50 and syncs >= 1 and kernels == "n/a", (variant, shape, r)
    assert text.count("Costliest host leaf ops per update") == len(summary)


def forward_kwargs(tmp_path, variant, shape, updates):
    """The keyword arguments of each model forward in ``updates`` updates of
    ``variant`` at the tiny ``shape``."""
    seen = []
    trainer, model, _ = gpu_step.trainer_for(shape, gpu_step.data_dir(tmp_path, shape), "fp32", variant, cpu=True)
    model.register_forward_pre_hook(lambda module, args, kwargs: seen.append(kwargs), with_kwargs=True)
    gpu_step.run_variant(trainer, gpu_step.random_batches(shape, updates), variant, warmup=0, updates=updates, cuda=False)
    return seen


@pytest.mark.parametrize(
    "variant, shape, rows_of",
    [
        ("baseline", "iwslt", lambda b: [b, b]),
        ("baseline_x2", "iwslt", lambda b: [2 * b, 2 * b]),
        ("builtin", "iwslt", lambda b: [2 * b, 2 * b]),
        ("ours", "iwslt", lambda b: [2 * b, 2 * b]),
        ("ours_every2", "iwslt", lambda b: [2 * b, b]),  # R-Drop on updates 0, 2, ...
        ("ours_fraction50", "iwslt", lambda b: [b + b // 2, b + b // 2]),
        ("ours", "lm_adaptive", lambda b: [2 * b, 2 * b]),
    ],
)
def test_each_variant_trains_on_what_it_names(tmp_path, variant, shape, rows_of):
    shape = gpu_step.shape_at(shape, tiny=True)
    seen = forward_kwargs(tmp_path, variant, shape, updates=2)
    assert [kwargs["src_tokens"].size(0) for kwargs in seen] == rows_of(shape.sentences)


def test_the_chunked_variant_never_makes_the_logits(tmp_path):
    """--rdrop-chunked-projection asks the decoder for its features only."""
    seen = forward_kwargs(tmp_path, "ours_chunked", gpu_step.shape_at("iwslt", tiny=True), updates=1)
    assert [kwargs.get("features_only") for kwargs in seen] == [True]


def test_random_batches_are_padded_as_fairseqs_loaders_pad():
    shape = gpu_step.shape_at("iwslt", tiny=True)
    pad, eos = 1, 2
    for batch in gpu_step.random_batches(shape, 3):
        src, tgt = batch["net_input"]["src_tokens"], batch["target"]
        prev = batch["net_input"]["prev_output_tokens"]
        assert src.shape == (shape.sentences, shape.source_len) and tgt.shape == (shape.sentences, shape.target_len)
        assert tgt.ne(pad).sum(1).min() >= 3 * shape.target_len // 4
        for s, length in zip(src, batch["net_input"]["src_lengths"], strict=True):
            assert s[-length:].ne(pad).all() and s[:-length].eq(pad).all() and s[-1] == eos  # left-padded
        for t, p in zip(tgt, prev, strict=True):
            n = int(t.ne(pad).sum())
            assert t[:n].ne(pad).all() and t[n:].eq(pad).all() and t[n - 1] == eos  # right-padded
            assert p[0] == eos and torch.equal(p[1:n], t[: n - 1])  # the decoder's input: the target shifted
        words = torch.cat([src[src.gt(eos)], tgt[tgt.gt(eos)]])
        assert words.min() >= 4 and words.max() < shape.vocab
        assert batch["ntokens"] == int(tgt.ne(pad).sum())
    # text's word frequencies: by Zipf's law the 20,000 most frequent of
    # WikiText-103's 267,740 words (the adaptive softmax's head) make
    # H(20000) / H(267740) = 80% of the tokens
    adaptive = gpu_step.SHAPES["lm_adaptive"]
    (block,) = gpu_step.random_batches(adaptive, 1)
    assert block["target"].lt(4 + 20000).float().mean() == pytest.approx(0.80, abs=0.03)
    lm = gpu_step.shape_at("lm_gpt", tiny=True)
    (batch,) = gpu_step.random_batches(lm, 1)
    assert batch["target"].shape == (lm.sentences, lm.target_len) and batch["ntokens"] == lm.sentences * lm.target_len
    assert torch.equal(batch["net_input"]["src_tokens"][:, 1:], batch["target"][:, :-1])  # next-word targets


def test_an_every_2_update_costs_the_median_of_pair_means():
    # a plain update takes 1 s, an R-Drop update 3 s; one pair took 5 s in all
    times = [3, 1, 3, 1, 4, 1]
    assert gpu_step.per_update(times, 2) == 2.0  # pairs: 2, 2, 2.5
    assert gpu_step.per_update(times, 1) == 2.0  # between the kinds: why pairs are used
    assert gpu_step.per_update([3, 1, 3, 1, 3], 2) == 2.0  # a lone last update is dropped


@pytest.mark.parametrize(
    "args, words",
    [
        (["--shapes", "wmt"], ["unknown shape 'wmt'", "wmt_big"]),
        (["--variants", "ours_every3"], ["unknown variant 'ours_every3'"]),
        (["--precisions", "fp8"], ["unknown precision 'fp8'"]),
        (["--updates", "1"], ["--updates must be >= 2"]),
        (["--precisions", "fp16"], ["fp16 needs a GPU"]),
    ],
)
def test_bad_arguments_are_refused_in_one_line_before_any_work(tmp_path, capsys, args, words):
    with pytest.raises(SystemExit) as exit_:
        gpu_step.main(["--cpu", "--out", str(tmp_path / "out"), *args])
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert exit_.value.code == 2 and "error" in error and all(w in error for w in words), error
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_without_cuda_the_gpu_mode_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        gpu_step.main(["--out", str(tmp_path / "out")])
    assert exit_.value.code == 2 and "no CUDA device" in capsys.readouterr().err.strip().splitlines()[-1]
    assert not (tmp_path / "out").exists()


def test_the_estimate_fits_the_gpu_command_and_needs_no_gpu(capsys):
    """gpu_check.sh --step leaves the benchmark BUDGET_S (450 s) less the
    install (about 2 minutes): the planned runs must fit in that."""
    assert gpu_step.main(["--estimate", "--profile", "--out", "unused"]) == 0
    minutes = float(capsys.readouterr().out.split("estimated ")[1].split(" min")[0])
    assert 1 < minutes <= (450 - 120) / 60


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_tiny_shapes_on_cuda_in_fp16_and_bf16(tmp_path):
    # small: gpu_check.sh runs it within its time budget, before the trainings
    proc = run_script("--tiny", "--out", str(tmp_path), "--shapes", "iwslt", "lm_adaptive",
                      "--variants", "baseline_x2", "ours", "--updates", "3", "--profile")  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with open(tmp_path / "step.csv") as f:
        rows = list(csv.DictReader(f))
    assert {r["precision"] for r in rows} == {"fp16", "bf16"}
    for r in rows:
        assert r["status"] == "ok" and float(r["ms_per_update"]) > 0 and float(r["peak_mb"]) > 0, r
    profile = (tmp_path / "profile.md").read_text()
    kernels = [line.split("|")[6].strip() for line in profile.splitlines() if line.startswith("| ours |")]
    assert kernels and all(float(k) > 0 for k in kernels), profile
