"""The translation criterion and task against fairseq's own criterions."""

import math

import pytest
import torch
from fairseq.criterions.label_smoothed_cross_entropy import (
    LabelSmoothedCrossEntropyCriterion,
)
from fairseq.criterions.label_smoothed_cross_entropy_with_rdrop import (
    RdropLabelSmoothedCrossEntropyCriterion,
)

from helpers import build, loss_and_grads, stacked_by_hand, valid_batch
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import symmetric_kl


@pytest.fixture(scope="module")
def setup(bible_bin):
    return bible_bin


def test_alpha_zero_equals_label_smoothing_on_the_duplicated_batch(setup):
    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy",
                              "--rdrop-alpha", "0", "--label-smoothing", "0.1")
    sample = valid_batch(task)
    model.train()
    loss, size, log, grads = loss_and_grads(ours, model, sample)
    plain = LabelSmoothedCrossEntropyCriterion(task, False, 0.1)
    ref_loss, ref_size, ref_log, ref_grads = loss_and_grads(
        plain, model, stacked_by_hand(sample)
    )
    # the same sums, computed in another order by the fused path
    torch.testing.assert_close(loss, ref_loss)
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r, rtol=1e-4, atol=5e-5)
    # normalised by one copy's tokens, as the authors' code; logged per copy
    assert size == sample["ntokens"] and ref_size == 2 * sample["ntokens"]
    torch.testing.assert_close(log["loss"], ref_log["loss"] / 2)
    torch.testing.assert_close(log["nll_loss"], ref_log["nll_loss"] / 2)
    assert log["ntokens"] == sample["ntokens"]


def test_loss_is_equation_4_and_matches_fairseqs_builtin(setup):
    alpha = 5.0
    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy",
                              "--rdrop-alpha", alpha, "--label-smoothing", "0.1")
    sample = valid_batch(task)
    model.train()
    loss, size, log, grads = loss_and_grads(ours, model, sample)

    builtin = RdropLabelSmoothedCrossEntropyCriterion(task, False, 0.1, rdrop_alpha=alpha)
    ref_loss, _, ref_log, ref_grads = loss_and_grads(
        builtin, model, {k: v for k, v in sample.items()}  # it mutates its input
    )
    torch.testing.assert_close(loss, ref_loss, rtol=1e-5, atol=1e-4)
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r, rtol=1e-4, atol=1e-5)
    # kl_loss is fairseq's rdrop_kl_loss: (KL(P1||P2) + KL(P2||P1)) / 2 summed
    torch.testing.assert_close(log["kl_loss"], torch.as_tensor(ref_log["rdrop_kl_loss"]).reshape(()), rtol=1e-4, atol=1e-4)
    # fairseq's built-in logs both copies' loss with the KL term folded in;
    # ours logs one copy's label-smoothed loss, comparable with a baseline
    torch.testing.assert_close(2 * log["loss"] + alpha * log["kl_loss"], ref_log["loss"])


def test_kl_is_computed_on_non_pad_targets_only(setup):
    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy")
    sample = valid_batch(task)
    assert sample["target"].eq(task.target_dictionary.pad()).any(), "batch needs padding"
    model.train()
    torch.manual_seed(3)
    _, _, log = ours(model, sample)
    torch.manual_seed(3)
    stacked = stacked_by_hand(sample)
    lprobs = model.get_normalized_probs(model(**stacked["net_input"]), log_probs=True)
    p, q = lprobs.double().chunk(2)
    keep = sample["target"].ne(task.target_dictionary.pad()).unsqueeze(-1)
    kl = lambda x, y: (x.exp() * (x - y) * keep).sum()  # noqa: E731
    torch.testing.assert_close(log["kl_loss"].double(), (kl(p, q) + kl(q, p)) / 2, rtol=1e-4, atol=1e-4)


def test_eval_mode_is_exactly_label_smoothed_cross_entropy(setup):
    task, model, ours = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                              "--label-smoothing", "0.1", "--report-accuracy")
    sample = valid_batch(task)
    plain = LabelSmoothedCrossEntropyCriterion(task, False, 0.1, report_accuracy=True)
    model.eval()
    with torch.no_grad():
        ours_out = task.valid_step(sample, model, ours)
        ref_out = task.valid_step(sample, model, plain)
    assert ours_out[0].item() == ref_out[0].item() and ours_out[1] == ref_out[1]
    assert ours_out[2].keys() == ref_out[2].keys()
    for key in ref_out[2]:
        assert torch.as_tensor(ours_out[2][key]).item() == torch.as_tensor(ref_out[2][key]).item()


def test_task_train_step_duplicates_without_touching_the_callers_sample(setup):
    task, model, ours = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy")
    sample = valid_batch(task)
    before = {k: v.clone() for k, v in sample["net_input"].items()}
    target_before = sample["target"].clone()

    class Optimizer:  # what fairseq's trainer hands train_step
        def backward(self, loss):
            loss.backward()

    torch.manual_seed(11)
    loss, size, log = task.train_step(sample, model, ours, Optimizer(), update_num=0)
    for k, v in before.items():
        assert torch.equal(sample["net_input"][k], v)
    assert torch.equal(sample["target"], target_before)
    assert "rdrop_copies" not in sample
    # the same numbers as the criterion duplicating by itself
    model.zero_grad()
    torch.manual_seed(11)
    direct_loss, direct_size, direct_log = ours(model, sample)
    torch.testing.assert_close(loss, direct_loss)
    assert size == direct_size == sample["ntokens"]
    assert log["nsentences"] == sample["target"].size(0)


def test_report_accuracy_counts_both_copies(setup):
    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy",
                              "--report-accuracy")
    sample = valid_batch(task)
    model.train()
    _, _, log = ours(model, sample)
    assert log["total"] == 2 * sample["ntokens"]
    assert 0 <= log["n_correct"] <= log["total"]


@pytest.mark.parametrize("alpha", ["-1", "nan", "inf"])
def test_bad_alpha_is_refused(setup, alpha):
    with pytest.raises(RDropConfigError, match="--rdrop-alpha"):
        build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", "--rdrop-alpha", alpha)


def test_rdrop_task_refuses_a_criterion_without_rdrop(setup):
    with pytest.raises(RDropConfigError, match="--criterion label_smoothed_cross_entropy"):
        build(setup, "rdrop_translation", "label_smoothed_cross_entropy")


def test_reduce_metrics_reports_kl_per_token_in_bits(setup):
    from fairseq.logging import metrics

    task, _, ours = build(setup)
    logs = [
        {"loss": 6.0, "nll_loss": 5.0, "kl_loss": 2.0, "ntokens": 10, "nsentences": 2, "sample_size": 10, "kl_sample_size": 10},
        {"loss": 3.0, "nll_loss": 2.5, "kl_loss": 1.0, "ntokens": 5, "nsentences": 1, "sample_size": 5, "kl_sample_size": 5},
        # a plain step of an --rdrop-every-k schedule: no KL, not in its average
        {"loss": 4.0, "nll_loss": 3.0, "ntokens": 5, "nsentences": 1, "sample_size": 5},
    ]
    with metrics.aggregate() as agg:
        type(ours).reduce_metrics(logs)
    values = agg.get_smoothed_values()
    assert values["kl_loss"] == pytest.approx(3.0 / 15 / math.log(2), abs=1e-3)
    assert values["loss"] == pytest.approx(13.0 / 20 / math.log(2), abs=1e-3)
    with metrics.aggregate() as agg:
        type(ours).reduce_metrics([{k: v for k, v in logs[0].items() if k != "kl_loss"}])
    assert "kl_loss" not in agg.get_smoothed_values()


def test_fused_logits_path_equals_the_general_path(setup, monkeypatch):
    from rdrop_fairseq.criterions import label_smoothed_cross_entropy as lsce

    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy",
                              "--label-smoothing", "0.1", "--report-accuracy")
    assert lsce.normalizes_with_plain_log_softmax(model)
    sample = valid_batch(task)
    model.train()
    fused = loss_and_grads(ours, model, sample)
    monkeypatch.setattr(lsce, "normalizes_with_plain_log_softmax", lambda model: False)
    general = loss_and_grads(ours, model, sample)
    torch.testing.assert_close(fused[0], general[0])
    assert fused[1] == general[1]
    for key in ("loss", "nll_loss", "kl_loss"):
        torch.testing.assert_close(fused[2][key], general[2][key], msg=key)
    assert fused[2]["n_correct"] == general[2]["n_correct"]
    assert fused[2]["total"] == general[2]["total"] == 2 * sample["ntokens"]
    for g, r in zip(fused[3], general[3], strict=True):
        torch.testing.assert_close(g, r, rtol=1e-4, atol=5e-5)


def test_adaptive_softmax_models_take_the_general_path(setup):
    from rdrop_fairseq.criterions.base import normalizes_with_plain_log_softmax

    task, model, ours = build(setup, "translation", "rdrop_label_smoothed_cross_entropy",
                              "--adaptive-softmax-cutoff", "20")
    assert model.decoder.adaptive_softmax is not None
    assert not normalizes_with_plain_log_softmax(model)
    model.train()
    loss, size, log = ours(model, valid_batch(task))
    assert torch.isfinite(loss) and log["kl_loss"] > 0


def test_chunked_projection_equals_the_default_path(setup):
    # tied input/output embeddings: the projection's gradient must reach the
    # shared matrix exactly as autograd's would
    args = ("--label-smoothing", "0.1", "--share-decoder-input-output-embed")
    task, model, default = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", *args)
    chunked = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", *args,
                    "--rdrop-chunked-projection")[2]  # fmt: skip
    assert chunked.rdrop_chunked_projection and not default.rdrop_chunked_projection
    sample = valid_batch(task)
    model.train()
    ref = loss_and_grads(default, model, sample)
    ours = loss_and_grads(chunked, model, sample)
    torch.testing.assert_close(ours[0], ref[0])
    for key in ("loss", "nll_loss", "kl_loss", "ntokens", "sample_size"):
        torch.testing.assert_close(torch.as_tensor(ours[2][key]), torch.as_tensor(ref[2][key]), msg=key)
    for g, r in zip(ours[3], ref[3], strict=True):
        torch.testing.assert_close(g, r, rtol=1e-4, atol=5e-5)


def test_chunked_projection_refuses_what_it_cannot_do(setup):
    with pytest.raises(RDropConfigError, match="--report-accuracy"):
        build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
              "--rdrop-chunked-projection", "--report-accuracy")
    task, model, criterion = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-chunked-projection", "--adaptive-softmax-cutoff", "20")
    model.train()
    with pytest.raises(RDropConfigError, match="plain linear projection"):
        criterion(model, valid_batch(task))
