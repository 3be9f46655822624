"""Language modeling: rdrop_cross_entropy, rdrop_adaptive_loss and the
rdrop_language_modeling task, in-process against fairseq's own criterions
and end to end through fairseq-train and fairseq-eval-lm."""

import math
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import torch
from fairseq.criterions.adaptive_loss import AdaptiveLoss
from fairseq.criterions.cross_entropy import CrossEntropyCriterion
from fairseq.data import Dictionary

from builders import (
    assert_grads_close,
    binarized_sizes,
    build_from_args,
    kl_div_symmetric,
    reference_losses_and_grads,
    write_lines,
)
from conftest import USER_DIR, bible_lines, run_cli
from helpers import loss_and_grads, stacked_by_hand, valid_batch
from rdrop_fairseq.compat import RDropConfigError
from test_cli import json_records

TINY_LM = [
    "--arch", "transformer_lm", "--decoder-layers", "1",
    "--decoder-embed-dim", "32", "--decoder-input-dim", "32",
    "--decoder-output-dim", "32", "--decoder-ffn-embed-dim", "64",
    "--decoder-attention-heads", "2", "--dropout", "0.3",
    "--tokens-per-sample", "32",
]  # fmt: skip
# transformer_lm_wiki103 in miniature: adaptive input tied to an adaptive
# softmax with two tail clusters and tail dropout
ADAPTIVE = [
    "--adaptive-input", "--adaptive-input-cutoff", "40,200",
    "--adaptive-input-factor", "2", "--adaptive-softmax-cutoff", "40,200",
    "--adaptive-softmax-factor", "2", "--adaptive-softmax-dropout", "0.2",
    "--tie-adaptive-weights", "--ddp-backend", "legacy_ddp",
]  # fmt: skip
# whole sentences per sample, so blocks differ in length and batches hold padding
PADDED = ["--sample-break-mode", "complete"]


@pytest.fixture(scope="module")
def lm_bin(tmp_path_factory):
    """The Bible fixture's English side as a monolingual corpus, binarized by fairseq-preprocess."""
    raw = tmp_path_factory.mktemp("lm_raw")
    lines = bible_lines("en", count=1200, lower=True)
    write_lines(raw / "train.txt", lines[:1000])
    write_lines(raw / "valid.txt", lines[1000:1100])
    write_lines(raw / "test.txt", lines[1100:])
    dest = tmp_path_factory.mktemp("lm_bin")
    run_cli(
        "preprocess", "--only-source", "--trainpref", raw / "train.txt",
        "--validpref", raw / "valid.txt", "--testpref", raw / "test.txt",
        "--destdir", dest, "--workers", "1",
    )  # fmt: skip
    return dest


def build_lm(data, criterion, *extra):
    return build_from_args(
        data, "--task", "rdrop_language_modeling", "--criterion", criterion,
        *TINY_LM, *PADDED, *extra,
    )  # fmt: skip


def padded_batch(task, size=8):
    sample = valid_batch(task, size)
    assert sample["target"].eq(task.target_dictionary.pad()).any(), "batch needs padding"
    return sample


# --- rdrop_cross_entropy ---------------------------------------------------


def test_cross_entropy_alpha_zero_is_fairseq_cross_entropy_on_the_duplicated_batch(lm_bin):
    task, model, ours = build_lm(lm_bin, "rdrop_cross_entropy", "--rdrop-alpha", "0")
    sample = padded_batch(task)
    model.train()
    loss, size, log, grads = loss_and_grads(ours, model, sample)
    plain = CrossEntropyCriterion(task, sentence_avg=False)
    ref_loss, ref_size, ref_log, ref_grads = loss_and_grads(
        plain, model, stacked_by_hand(sample)
    )
    assert loss.item() == ref_loss.item()
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r)
    # normalised by one copy's tokens; logged per copy
    assert size == sample["ntokens"] and ref_size == 2 * sample["ntokens"]
    torch.testing.assert_close(log["loss"], ref_log["loss"] / 2)
    assert log["ntokens"] == sample["ntokens"]
    assert log["nsentences"] == sample["target"].size(0)


def test_cross_entropy_loss_and_gradients_match_a_kl_div_reference(lm_bin):
    alpha = 1.0
    task, model, ours = build_lm(lm_bin, "rdrop_cross_entropy", "--rdrop-alpha", alpha)
    sample = padded_batch(task)
    model.train()
    loss, _, log, grads = loss_and_grads(ours, model, sample)

    stacked = stacked_by_hand(sample)
    plain = CrossEntropyCriterion(task, sentence_avg=False)
    keep = sample["target"].ne(task.target_dictionary.pad()).view(-1)

    def kl():
        lprobs = model.get_normalized_probs(model(**stacked["net_input"]), log_probs=True)
        a, b = lprobs.view(-1, lprobs.size(-1)).chunk(2)
        return alpha * kl_div_symmetric(a, b, keep)

    (nll, ref_kl), ref_grads = reference_losses_and_grads(
        model, [lambda: plain(model, stacked)[0], kl]
    )
    torch.testing.assert_close(log["kl_loss"].double(), ref_kl / alpha, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(loss.double(), nll.double() + ref_kl, rtol=1e-5, atol=1e-4)
    assert_grads_close(grads, ref_grads)


def test_cross_entropy_eval_mode_is_exactly_fairseq_cross_entropy(lm_bin):
    task, model, ours = build_lm(lm_bin, "rdrop_cross_entropy")
    assert_eval_mode_is(task, model, ours, CrossEntropyCriterion(task, sentence_avg=False))


def assert_eval_mode_is(task, model, ours, plain):
    sample = padded_batch(task)
    model.eval()
    with torch.no_grad():
        ours_out = task.valid_step(sample, model, ours)
        ref_out = task.valid_step(sample, model, plain)
    assert ours_out[0].item() == ref_out[0].item() and ours_out[1] == ref_out[1]
    assert ours_out[2].keys() == ref_out[2].keys()
    for key in ref_out[2]:
        assert torch.as_tensor(ours_out[2][key]).item() == torch.as_tensor(ref_out[2][key]).item()


# --- rdrop_adaptive_loss ---------------------------------------------------


def build_adaptive(data, *extra):
    return build_lm(data, "rdrop_adaptive_loss", *ADAPTIVE, *extra)


def test_adaptive_alpha_zero_is_fairseq_adaptive_loss_on_the_duplicated_batch(lm_bin):
    task, model, ours = build_adaptive(lm_bin, "--rdrop-alpha", "0")
    sample = padded_batch(task)
    model.train()
    loss, size, log, grads = loss_and_grads(ours, model, sample)
    plain = AdaptiveLoss(task, sentence_avg=False)
    ref_loss, ref_size, ref_log, ref_grads = loss_and_grads(
        plain, model, stacked_by_hand(sample)
    )
    assert torch.equal(loss, ref_loss)
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r)
    non_pad = int(sample["target"].ne(task.target_dictionary.pad()).sum())
    assert size == non_pad and ref_size == 2 * non_pad
    torch.testing.assert_close(log["loss"], ref_log["loss"] / 2)
    assert 2 * log["ntokens"] == ref_log["ntokens"]
    assert log["nsentences"] == sample["target"].size(0)


def adaptive_kl_reference(model, stacked, pad):
    """Head KL at every non-pad position plus, per tail cluster, the KL of
    the within-cluster distributions where the target is in the cluster,
    pairing the copies' rows by their position."""
    softmax = model.decoder.adaptive_softmax
    features = model(**stacked["net_input"])[0]
    target = stacked["target"].view(-1)
    logits, _ = softmax(features, target)  # draws the criterion's masks
    n = target.numel() // 2
    lsm = lambda x: torch.log_softmax(x.float(), dim=-1)  # noqa: E731
    head_a, head_b = lsm(logits[0]).chunk(2)
    total = kl_div_symmetric(head_a, head_b, target[:n].ne(pad))
    tails_seen = 0
    for cluster, tail_logits in enumerate(logits[1:]):
        lo, hi = softmax.cutoff[cluster], softmax.cutoff[cluster + 1]
        rows = ((target >= lo) & (target < hi)).nonzero().squeeze(1)
        if not len(rows):
            continue
        tails_seen += 1
        row_of = {(r.item() // n, r.item() % n): i for i, r in enumerate(rows)}
        positions = sorted(pos for copy, pos in row_of if copy == 0)
        a = lsm(tail_logits[[row_of[0, pos] for pos in positions]])
        b = lsm(tail_logits[[row_of[1, pos] for pos in positions]])
        total = total + kl_div_symmetric(a, b)
    assert tails_seen == 2, "the batch should reach both tail clusters"
    return total


def test_adaptive_kl_covers_head_and_target_clusters_and_matches_kl_div(lm_bin):
    alpha = 0.5
    task, model, ours = build_adaptive(lm_bin, "--rdrop-alpha", alpha)
    sample = padded_batch(task, size=16)
    model.train()
    loss, _, log, grads = loss_and_grads(ours, model, sample)

    stacked = stacked_by_hand(sample)
    plain = AdaptiveLoss(task, sentence_avg=False)
    pad = task.target_dictionary.pad()
    (nll, ref_kl), ref_grads = reference_losses_and_grads(
        model,
        [
            lambda: plain(model, stacked)[0],
            lambda: alpha * adaptive_kl_reference(model, stacked, pad),
        ],
    )
    assert ref_kl > 0
    torch.testing.assert_close(log["kl_loss"].double(), ref_kl / alpha, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(loss.double().sum(), nll.double().sum() + ref_kl, rtol=1e-5, atol=1e-4)
    assert_grads_close(grads, ref_grads)


def test_adaptive_eval_mode_is_exactly_fairseq_adaptive_loss(lm_bin):
    task, model, ours = build_adaptive(lm_bin)
    assert_eval_mode_is(task, model, ours, AdaptiveLoss(task, sentence_avg=False))


@pytest.mark.parametrize("backend", ["pytorch_ddp", "c10d"])
def test_adaptive_refuses_the_ddp_backends_fairseq_refuses(lm_bin, backend):
    with pytest.raises(RDropConfigError, match="--ddp-backend"):
        build_adaptive(lm_bin, "--ddp-backend", backend)


def test_adaptive_loss_on_a_model_without_adaptive_softmax_says_so(lm_bin):
    task, model, ours = build_lm(lm_bin, "rdrop_adaptive_loss", "--ddp-backend", "legacy_ddp")
    model.train()
    with pytest.raises(RDropConfigError, match="--adaptive-softmax-cutoff"):
        ours(model, padded_batch(task))


@pytest.mark.parametrize("alpha", ["-1", "nan"])
def test_lm_criteria_refuse_a_bad_alpha(lm_bin, alpha):
    with pytest.raises(RDropConfigError, match="--rdrop-alpha"):
        build_lm(lm_bin, "rdrop_cross_entropy", "--rdrop-alpha", alpha)
    with pytest.raises(RDropConfigError, match="--rdrop-alpha"):
        build_adaptive(lm_bin, "--rdrop-alpha", alpha)


# --- rdrop_language_modeling -----------------------------------------------


def test_task_refuses_a_criterion_without_rdrop(lm_bin):
    with pytest.raises(RDropConfigError, match="--criterion cross_entropy"):
        build_lm(lm_bin, "cross_entropy")


def test_task_train_step_is_the_criterion_on_copies(lm_bin):
    task, model, ours = build_lm(lm_bin, "rdrop_cross_entropy")
    sample = padded_batch(task)
    target_before = sample["target"].clone()

    class Optimizer:  # what fairseq's trainer hands train_step
        def backward(self, loss):
            loss.backward()

    torch.manual_seed(11)
    loss, size, log = task.train_step(sample, model, ours, Optimizer(), update_num=0)
    assert torch.equal(sample["target"], target_before) and "rdrop_copies" not in sample
    torch.manual_seed(11)
    direct_loss, direct_size, _ = ours(model, sample)
    torch.testing.assert_close(loss, direct_loss)
    assert size == direct_size == sample["ntokens"]
    assert log["kl_loss"] > 0


# --- end to end ------------------------------------------------------------

TRAIN_FLAGS = [
    "--optimizer", "adam", "--lr", "0.001", "--max-tokens", "512",
    "--log-format", "json", "--log-interval", "1", "--no-epoch-checkpoints",
    "--cpu", "--seed", "1", "--max-update", "3",
]  # fmt: skip


def train_and_eval_lm(data, save_dir, criterion, *extra):
    """fairseq-train a few updates, then fairseq-eval-lm (per-word
    log-probabilities included) on the valid split with the last checkpoint."""
    proc = run_cli(
        "train", data, "--user-dir", USER_DIR, "--save-dir", save_dir,
        "--task", "rdrop_language_modeling", "--criterion", criterion,
        *TINY_LM, *TRAIN_FLAGS, *extra,
    )  # fmt: skip
    evaluated = run_cli(
        "eval_lm", data, "--user-dir", USER_DIR, "--path", save_dir / "checkpoint_last.pt",
        "--gen-subset", "valid", "--tokens-per-sample", "32", "--max-tokens", "2048",
        "--output-word-probs", "--cpu",
    )  # fmt: skip
    out = evaluated.stdout + evaluated.stderr
    loss = re.search(r"Loss \(base 2\): ([\d.]+), Perplexity: ([\d.]+)", out)
    count = re.search(r"Evaluated ([\d,]+) tokens", out)
    assert loss and count, out[-3000:]
    assert int(count.group(1).replace(",", "")) == int(binarized_sizes(data / "valid").sum())
    word_scores = []  # --output-word-probs lines: "<id> word [lprob]\tword [lprob]..."
    for line in re.findall(r"fairseq_cli\.eval_lm(?::| \| )\d+ (.*)", out):
        for item in line.split("\t"):
            word, score = re.fullmatch(r"(.+) \[(-?[\d.]+)\]", item).groups()
            word_scores.append((word, float(score)))
    assert len(word_scores) == int(count.group(1).replace(",", ""))
    return proc.stdout, float(loss.group(1)), word_scores


def assert_rdrop_training_log(log):
    steps = json_records(log, "train_inner")
    assert [int(s["num_updates"]) for s in steps] == [1, 2, 3]
    for step in steps:
        assert float(step["kl_loss"]) > 0 and float(step["loss"]) > 0
        assert float(step["ppl"]) == pytest.approx(2 ** float(step["loss"]), rel=0.01)
    valid = json_records(log, "valid")
    assert len(valid) == 1 and "valid_kl_loss" not in valid[0]
    return float(valid[0]["valid_loss"])


def bits_per_token(word_scores, total, skip=()):
    return -sum(s for w, s in word_scores if w not in skip) / total / math.log(2)


@pytest.fixture(scope="module")
def trained(lm_bin, tmp_path_factory):
    """Both models trained and scored, as two concurrent pipelines: the
    fairseq CLIs spend most of their time importing, on one core each."""
    runs = {
        "transformer_lm": ("rdrop_cross_entropy", "--rdrop-alpha", "1.0"),
        "adaptive": ("rdrop_adaptive_loss", *ADAPTIVE, "--rdrop-alpha", "0.5"),
    }
    with ThreadPoolExecutor(len(runs)) as pool:
        futures = {
            name: pool.submit(train_and_eval_lm, lm_bin, tmp_path_factory.mktemp(name), *flags)
            for name, flags in runs.items()
        }
        return {name: future.result() for name, future in futures.items()}


def test_transformer_lm_trains_and_eval_lm_scores_its_checkpoint(trained):
    log, eval_loss, word_scores = trained["transformer_lm"]
    valid_loss = assert_rdrop_training_log(log)
    assert bits_per_token(word_scores, len(word_scores)) == pytest.approx(eval_loss, abs=1e-3)
    # fairseq-eval-lm's scorer and the criterion's validation agree on the
    # checkpoint written right after that validation
    assert eval_loss == pytest.approx(valid_loss, abs=2e-3)


def test_adaptive_input_lm_trains_and_eval_lm_scores_its_checkpoint(trained, lm_bin):
    log, eval_loss, word_scores = trained["adaptive"]
    valid_loss = assert_rdrop_training_log(log)
    assert bits_per_token(word_scores, len(word_scores)) == pytest.approx(eval_loss, abs=1e-3)
    # fairseq's adaptive_loss (whose validation this is) passes
    # ignore_index=padding_idx to the tail losses too, where targets are
    # offsets within a cluster: for the word at offset padding_idx of each
    # tail cluster, only the head's -log P(cluster) is counted, while eval-lm
    # scores the whole -log P(word). Validation lies between eval-lm's loss
    # and eval-lm's loss without those words.
    dictionary = Dictionary.load(str(lm_bin / "dict.txt"))
    cutoffs = [int(c) for c in ADAPTIVE[ADAPTIVE.index("--adaptive-softmax-cutoff") + 1].split(",")]
    partly_scored = {dictionary[c + dictionary.pad()] for c in cutoffs}
    lower = bits_per_token(word_scores, len(word_scores), skip=partly_scored)
    assert lower - 2e-3 <= valid_loss <= eval_loss + 2e-3


def test_adaptive_refuses_per_copy_dropout_it_cannot_run(lm_bin):
    with pytest.raises(RDropConfigError, match="--rdrop-dropouts"):
        build_adaptive(lm_bin, "--ddp-backend", "legacy_ddp", "--rdrop-dropouts", "0.1,0.2")


def test_lm_task_runs_the_every_k_schedule_and_three_copies(lm_bin):
    task, model, ours = build_lm(lm_bin, "rdrop_cross_entropy", "--rdrop-every-k", "2",
                                 "--rdrop-copies", "3", "--rdrop-dropouts", "0.1,0.2,0.3")

    class Optimizer:
        def backward(self, loss):
            loss.backward()

    sample = padded_batch(task)
    _, size, log = task.train_step(sample, model, ours, Optimizer(), 0)
    assert "kl_loss" in log and size == sample["ntokens"]
    _, _, log = task.train_step(sample, model, ours, Optimizer(), 1)
    assert "kl_loss" not in log
