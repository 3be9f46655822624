"""Sentence prediction (GLUE-style, RoBERTa architecture): the
rdrop_sentence_prediction criterion and task, for a classification and a
regression head, in-process against fairseq's sentence_prediction and end
to end through fairseq-train."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import torch
import torch.nn.functional as F
from fairseq.criterions.sentence_prediction import (
    SentencePredictionConfig,
    SentencePredictionCriterion,
)

from builders import (
    assert_grads_close,
    build_from_args,
    kl_div_symmetric,
    reference_losses_and_grads,
    write_lines,
)
from conftest import USER_DIR, bible_lines, run_cli
from helpers import loss_and_grads, stacked_by_hand, valid_batch
from rdrop_fairseq.compat import RDropConfigError
from test_cli import json_records

TINY_ROBERTA = [
    "--arch", "roberta_base", "--encoder-layers", "1",
    "--encoder-embed-dim", "32", "--encoder-ffn-embed-dim", "64",
    "--encoder-attention-heads", "2", "--max-positions", "64",
    "--init-token", "0", "--separator-token", "2",
    "--shorten-method", "truncate", "--dropout", "0.3", "--pooler-dropout", "0.3",
]  # fmt: skip
HEADS = {
    "classification": ["--num-classes", "2"],
    "regression": ["--regression-target", "--num-classes", "1"],
}
HEAD = "sentence_classification_head"


@pytest.fixture(scope="module")
def glue_dirs(tmp_path_factory):
    """Two GLUE-style data directories over the same binarized sentences:
    ``input0`` + a binarized ``label`` (does the sentence mention a man?) and
    ``input0`` + ``label/*.label`` floats (sentence length / 10)."""
    raw = tmp_path_factory.mktemp("glue_raw")
    root = tmp_path_factory.mktemp("glue")
    classification, regression = root / "classification", root / "regression"
    lines = bible_lines("en", count=480, lower=True)
    splits = {"train": lines[:400], "valid": lines[400:]}
    for split, sents in splits.items():
        write_lines(raw / f"{split}.input0", sents)
        write_lines(raw / f"{split}.label", [str(int("man" in s.split())) for s in sents])
    # one fairseq-preprocess with separate dictionaries, laid out as
    # sentence_prediction reads it (input0/ and label/, each with dict.txt)
    binarized = tmp_path_factory.mktemp("glue_bin")
    run_cli(
        "preprocess", "--source-lang", "input0", "--target-lang", "label",
        "--trainpref", raw / "train", "--validpref", raw / "valid",
        "--destdir", binarized, "--workers", "1",
    )  # fmt: skip
    for key in ("input0", "label"):
        (classification / key).mkdir(parents=True)
        (binarized / f"dict.{key}.txt").rename(classification / key / "dict.txt")
        for split in splits:
            for ext in ("bin", "idx"):
                (binarized / f"{split}.input0-label.{key}.{ext}").rename(
                    classification / key / f"{split}.{ext}"
                )
    (regression / "label").mkdir(parents=True)
    (regression / "input0").symlink_to(classification / "input0")
    for split, sents in splits.items():
        write_lines(regression / "label" / f"{split}.label", [f"{len(s.split()) / 10:.1f}" for s in sents])
    return {"classification": classification, "regression": regression}


def build(glue_dirs, head, *extra, criterion="rdrop_sentence_prediction"):
    return build_from_args(
        glue_dirs[head], "--task", "rdrop_sentence_prediction", "--criterion", criterion,
        *TINY_ROBERTA, *HEADS[head], *extra,
    )  # fmt: skip


def plain_criterion(task, head, **reports):
    cfg = SentencePredictionConfig(regression_target=head == "regression", **reports)
    return SentencePredictionCriterion(cfg, task)


@pytest.mark.parametrize("head", ["classification", "regression"])
def test_alpha_zero_is_fairseq_sentence_prediction_on_the_duplicated_batch(glue_dirs, head):
    task, model, ours = build(glue_dirs, head, "--rdrop-alpha", "0")
    sample = valid_batch(task, 8)
    model.train()
    loss, size, log, grads = loss_and_grads(ours, model, sample)
    plain = plain_criterion(task, head)
    ref_loss, ref_size, ref_log, ref_grads = loss_and_grads(plain, model, stacked_by_hand(sample))
    assert loss.item() == ref_loss.item()
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r)
    assert size == 8 and ref_size == 16
    torch.testing.assert_close(log["loss"], ref_log["loss"] / 2)
    assert log["nsentences"] == 8 and log["ntokens"] == sample["ntokens"]
    if head == "classification":  # accuracy: the copies' mean
        torch.testing.assert_close(log["ncorrect"], ref_log["ncorrect"] / 2)
    else:
        assert "ncorrect" not in log


@pytest.mark.parametrize("head", ["classification", "regression"])
def test_consistency_matches_kl_div_or_mse_reference(glue_dirs, head):
    alpha = 0.5
    task, model, ours = build(glue_dirs, head, "--rdrop-alpha", alpha)
    sample = valid_batch(task, 8)
    model.train()
    loss, _, log, grads = loss_and_grads(ours, model, sample)

    batch = stacked_by_hand(sample)
    plain = plain_criterion(task, head)

    def consistency():
        logits, _ = model(**batch["net_input"], features_only=True, classification_head_name=HEAD)
        a, b = logits.chunk(2)
        if head == "classification":  # KL between the class distributions
            return alpha * kl_div_symmetric(F.log_softmax(a, -1), F.log_softmax(b, -1))
        return alpha * F.mse_loss(a.double(), b.double(), reduction="sum")  # eq. 7

    (task_loss, ref_consistency), ref_grads = reference_losses_and_grads(
        model, [lambda: plain(model, batch)[0], consistency]
    )
    assert ref_consistency > 0
    torch.testing.assert_close(log["kl_loss"].double(), ref_consistency / alpha, rtol=1e-4, atol=1e-6)
    torch.testing.assert_close(loss.double(), task_loss.double() + ref_consistency, rtol=1e-5, atol=1e-5)
    assert_grads_close(grads, ref_grads)


@pytest.mark.parametrize(
    "head, report", [("classification", "report_mcc"), ("regression", "report_pearson_and_spearman")]
)
def test_eval_mode_is_exactly_fairseq_sentence_prediction(glue_dirs, head, report):
    task, model, ours = build(glue_dirs, head, "--" + report.replace("_", "-"))
    plain = plain_criterion(task, head, **{report: True})
    sample = valid_batch(task, 8)
    model.eval()
    with torch.no_grad():
        ours_out = task.valid_step(sample, model, ours)
        ref_out = task.valid_step(sample, model, plain)
    assert ours_out[0].item() == ref_out[0].item() and ours_out[1] == ref_out[1]
    assert ours_out[2].keys() == ref_out[2].keys() and "pred" in ref_out[2]
    for key, value in ref_out[2].items():
        if isinstance(value, list):
            assert ours_out[2][key] == value
        else:
            assert torch.as_tensor(ours_out[2][key]).item() == torch.as_tensor(value).item()


def test_task_refuses_a_criterion_without_rdrop(glue_dirs):
    with pytest.raises(RDropConfigError, match="--criterion sentence_prediction"):
        build(glue_dirs, "classification", criterion="sentence_prediction")


@pytest.mark.parametrize("alpha", ["-1", "inf"])
def test_bad_alpha_is_refused(glue_dirs, alpha):
    with pytest.raises(RDropConfigError, match="--rdrop-alpha"):
        build(glue_dirs, "classification", "--rdrop-alpha", alpha)


def train(data, save_dir, *extra):
    return run_cli(
        "train", data, "--user-dir", USER_DIR, "--save-dir", save_dir,
        "--task", "rdrop_sentence_prediction", "--criterion", "rdrop_sentence_prediction",
        *TINY_ROBERTA, "--batch-size", "16", "--required-batch-size-multiple", "1",
        "--optimizer", "adam", "--lr", "0.001", "--max-update", "4",
        "--log-format", "json", "--log-interval", "1", "--no-epoch-checkpoints",
        "--cpu", "--seed", "1", *extra,
    ).stdout  # fmt: skip


@pytest.fixture(scope="module")
def trained(glue_dirs, tmp_path_factory):
    """The classifier and the regressor trained by two concurrent
    fairseq-train processes (they spend most of their time importing)."""
    runs = {
        "classification": (
            "--rdrop-alpha", "1.0", "--best-checkpoint-metric", "accuracy",
            "--maximize-best-checkpoint-metric",
        ),
        "regression": (
            "--rdrop-alpha", "1.0", "--report-pearson-and-spearman",
            "--best-checkpoint-metric", "pearson", "--maximize-best-checkpoint-metric",
        ),
    }  # fmt: skip
    with ThreadPoolExecutor(len(runs)) as pool:
        futures = {}
        for head, flags in runs.items():
            save_dir = tmp_path_factory.mktemp(head)
            futures[head] = (save_dir, pool.submit(train, glue_dirs[head], save_dir, *HEADS[head], *flags))
        return {head: (future.result(), save_dir) for head, (save_dir, future) in futures.items()}


def test_classifier_trains_and_logs_accuracy(trained):
    log, save_dir = trained["classification"]
    steps = json_records(log, "train_inner")
    assert [int(s["num_updates"]) for s in steps] == [1, 2, 3, 4]
    for step in steps:
        assert float(step["kl_loss"]) > 0
        assert 0 <= float(step["accuracy"]) <= 100
    valid = json_records(log, "valid")
    assert len(valid) == 1 and "valid_kl_loss" not in valid[0]
    assert 0 <= float(valid[0]["valid_accuracy"]) <= 100
    assert (save_dir / "checkpoint_best.pt").exists()


def test_regressor_trains_with_mse_consistency_and_reports_correlation(trained):
    log, save_dir = trained["regression"]
    steps = json_records(log, "train_inner")
    assert len(steps) == 4
    assert all(float(s["kl_loss"]) > 0 and "accuracy" not in s for s in steps)
    valid = json_records(log, "valid")
    assert len(valid) == 1 and "valid_kl_loss" not in valid[0]
    assert -100 <= float(valid[0]["valid_pearson"]) <= 100
    assert "valid_spearman" in valid[0]
    assert (save_dir / "checkpoint_best.pt").exists()
