"""The paper's studies as options: every-K schedule, M copies, per-copy dropout."""

import itertools

import pytest
import torch
import torch.nn.functional as F
from fairseq.criterions.label_smoothed_cross_entropy import (
    LabelSmoothedCrossEntropyCriterion,
)
from fairseq.modules import FairseqDropout

from conftest import USER_DIR, run_cli
from helpers import build, valid_batch
from rdrop_fairseq.compat import RDropConfigError

ALPHA = 5.0


class Optimizer:  # what fairseq's trainer hands train_step
    def backward(self, loss):
        loss.backward()


def stack_by_hand(sample, copies):
    return {
        **sample,
        "net_input": {k: torch.cat([v] * copies) for k, v in sample["net_input"].items()},
        "target": torch.cat([sample["target"]] * copies),
    }


def reference_pairwise_kl(lprobs, copies, keep):
    """mean over pairs of (KL(Pi||Pj) + KL(Pj||Pi)) / 2, with kl_div."""
    per_copy = lprobs.double().view(copies, -1, lprobs.size(-1))
    pairs = list(itertools.combinations(range(copies), 2))
    total = 0
    for i, j in pairs:
        both = F.kl_div(per_copy[j], per_copy[i], reduction="none", log_target=True) + F.kl_div(
            per_copy[i], per_copy[j], reduction="none", log_target=True
        )
        total = total + (both * keep.unsqueeze(-1)).sum() / 2
    return total / len(pairs)


def test_every_k_runs_rdrop_on_every_kth_update_only(bible_bin):
    task, model, criterion = build(bible_bin, "rdrop_translation",
                                   "rdrop_label_smoothed_cross_entropy", "--rdrop-every-k", "3",
                                   "--label-smoothing", "0.1")
    sample = valid_batch(task)
    plain = LabelSmoothedCrossEntropyCriterion(task, False, 0.1)
    for update in range(7):
        torch.manual_seed(update)
        loss, size, log = task.train_step(sample, model, criterion, Optimizer(), update)
        if update % 3 == 0:
            assert "kl_loss" in log and size == sample["ntokens"]
        else:  # exactly a plain step of label_smoothed_cross_entropy
            assert "kl_loss" not in log
            model.train()
            torch.manual_seed(update)
            ref_loss, ref_size, _ = plain(model, sample)
            torch.testing.assert_close(loss, ref_loss.detach())
            assert size == ref_size


def test_three_copies_match_a_kl_div_reference(bible_bin):
    task, model, criterion = build(bible_bin, "rdrop_translation",
                                   "rdrop_label_smoothed_cross_entropy", "--rdrop-copies", "3",
                                   "--rdrop-alpha", ALPHA, "--label-smoothing", "0.1")
    sample = valid_batch(task)
    model.train()
    torch.manual_seed(5)
    loss, size, log = task.train_step(sample, model, criterion, Optimizer(), 0)

    torch.manual_seed(5)
    stacked = stack_by_hand(sample, 3)
    net_output = model(**stacked["net_input"])
    lprobs = model.get_normalized_probs(net_output, log_probs=True).view(-1, net_output[0].size(-1))
    keep = sample["target"].ne(task.target_dictionary.pad()).view(-1).double()
    ref_kl = reference_pairwise_kl(lprobs.detach(), 3, keep)
    plain = LabelSmoothedCrossEntropyCriterion(task, False, 0.1)
    ref_nll, _ = plain.compute_loss(model, net_output, stacked)
    torch.testing.assert_close(log["kl_loss"].double(), ref_kl, rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(loss.double(), ref_nll.detach().double() + ALPHA * ref_kl, rtol=1e-5, atol=1e-3)
    torch.testing.assert_close(log["loss"], ref_nll.detach() / 3)
    assert size == sample["ntokens"]


def test_per_copy_dropout_rates_are_applied_and_restored(bible_bin):
    task, model, criterion = build(bible_bin, "rdrop_translation",
                                   "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-dropouts", "0.1,0.45", "--rdrop-alpha", ALPHA)
    sample = valid_batch(task)
    modules = [m for m in model.modules() if isinstance(m, (FairseqDropout, torch.nn.Dropout))]
    configured = [m.p for m in modules]
    assert 0.3 in configured
    seen = []
    hooks = [m.register_forward_pre_hook(lambda m, _: seen.append(m.p)) for m in modules]
    torch.manual_seed(9)
    loss, _, log = task.train_step(sample, model, criterion, Optimizer(), 0)
    for hook in hooks:
        hook.remove()
    half = len(seen) // 2
    assert set(seen[:half]) == {0.1} and set(seen[half:]) == {0.45}
    assert [m.p for m in modules] == configured

    # the same numbers as two hand-made forwards at those rates
    model.train()
    torch.manual_seed(9)
    outputs = []
    for rate in (0.1, 0.45):
        for m in modules:
            m.p = rate
        outputs.append(model(**sample["net_input"])[0])
    for m, p in zip(modules, configured):
        m.p = p
    lprobs = F.log_softmax(torch.cat(outputs).float(), -1).view(-1, outputs[0].size(-1))
    keep = sample["target"].ne(task.target_dictionary.pad()).view(-1).double()
    torch.testing.assert_close(log["kl_loss"].double(), reference_pairwise_kl(lprobs.detach(), 2, keep),
                               rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(
    "flags, option",
    [
        (["--rdrop-copies", "1"], "--rdrop-copies"),
        (["--rdrop-every-k", "0"], "--rdrop-every-k"),
        (["--rdrop-alpha-warmup-updates", "-1"], "--rdrop-alpha-warmup-updates"),
        (["--rdrop-dropouts", "0.1"], "--rdrop-dropouts"),
        (["--rdrop-dropouts", "0.1,1.0"], "--rdrop-dropouts"),
        (["--rdrop-dropouts", "0.1,-0.2"], "--rdrop-dropouts"),
        (["--rdrop-dropouts", "a,b"], "--rdrop-dropouts"),
        (["--rdrop-copies", "3", "--rdrop-dropouts", "0.1,0.2"], "--rdrop-dropouts"),
    ],
)
def test_bad_options_are_refused_naming_the_option(bible_bin, flags, option):
    with pytest.raises(RDropConfigError, match=option):
        build(bible_bin, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", *flags)


def test_options_show_in_help(bible_bin):
    proc = run_cli("train", bible_bin, "--user-dir", USER_DIR, "--task", "rdrop_translation",
                   "--criterion", "rdrop_label_smoothed_cross_entropy", "--arch", "transformer",
                   "--help")
    for option in ("--rdrop-alpha", "--rdrop-copies", "--rdrop-every-k", "--rdrop-dropouts",
                   "--rdrop-alpha-warmup-updates"):
        assert option in proc.stdout


def straight_and_resumed(bible_bin, tmp_path, *flags):
    """train_inner records by update of a 6-update run, and of the same run
    stopped after 3 updates and resumed to 6 (updates 4-6 only)."""
    from test_cli import json_records, train

    flags = ["--task", "rdrop_translation", "--criterion", "rdrop_label_smoothed_cross_entropy",
             *flags, "--max-tokens", "400"]  # fmt: skip
    straight = train(bible_bin, tmp_path / "straight", *flags, "--max-update", "6")
    train(bible_bin, tmp_path / "resumed", *flags, "--max-update", "3")
    resumed = train(bible_bin, tmp_path / "resumed", *flags, "--max-update", "6")
    steps = {int(s["num_updates"]): s for s in json_records(straight.stdout, "train_inner")}
    later = {int(s["num_updates"]): s for s in json_records(resumed.stdout, "train_inner")}
    assert sorted(later) == [4, 5, 6]
    return steps, later


def test_every_k_schedule_and_losses_continue_across_resume(bible_bin, tmp_path):
    steps, later = straight_and_resumed(bible_bin, tmp_path, "--rdrop-every-k", "2")

    def rdrop(record):  # fairseq logs null for a meter without new values
        return record.get("kl_loss") is not None

    # update u (0-based) is R-Drop when u % 2 == 0; fairseq logs it as u + 1
    assert [rdrop(steps[n]) for n in range(1, 7)] == [True, False] * 3
    for n in (4, 5, 6):
        assert rdrop(later[n]) == rdrop(steps[n])
        assert later[n]["loss"] == steps[n]["loss"]


def test_alpha_warmup_is_a_linear_ramp_over_the_updates(bible_bin):
    """Update u of a run with --rdrop-alpha-warmup-updates 4 computes the loss
    of a run whose --rdrop-alpha is ALPHA x min(1, u / 4), same batch, same dropout."""
    task, model, criterion = build(bible_bin, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-alpha", ALPHA, "--rdrop-alpha-warmup-updates", "4",
                                   "--label-smoothing", "0.1")  # fmt: skip
    sample = valid_batch(task)
    for update in range(7):
        ramp = ALPHA * min(1.0, update / 4)
        plain_task, _, fixed = build(bible_bin, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                     "--rdrop-alpha", ramp, "--label-smoothing", "0.1")  # fmt: skip
        torch.manual_seed(update)
        loss, _, log = task.train_step(sample, model, criterion, Optimizer(), update)
        model.zero_grad()
        torch.manual_seed(update)
        ref_loss, _, ref_log = plain_task.train_step(sample, model, fixed, Optimizer(), update)
        model.zero_grad()
        assert criterion.rdrop_alpha == pytest.approx(ramp)
        torch.testing.assert_close(loss, ref_loss)
        torch.testing.assert_close(log["kl_loss"], ref_log["kl_loss"])


def test_alpha_warmup_continues_across_resume(bible_bin, tmp_path):
    from test_cli import json_records, train

    steps, later = straight_and_resumed(bible_bin, tmp_path, "--rdrop-alpha-warmup-updates", "5")
    # the resumed run takes updates 3..5 at the ramp's weights, as the straight
    # one (a restarted ramp would change the parameters, so the later losses)
    for n in (4, 5, 6):
        assert later[n]["loss"] == steps[n]["loss"]
    no_ramp = train(bible_bin, tmp_path / "no_ramp", "--task", "rdrop_translation", "--criterion",
                    "rdrop_label_smoothed_cross_entropy", "--max-tokens", "400", "--max-update", "6")  # fmt: skip
    assert json_records(no_ramp.stdout, "train_inner")[-1]["loss"] != steps[6]["loss"]
