"""The cheaper R-Drop modes against references built without the plugin:
a no-gradient target copy, the encoder run once, a late start and a share
of each batch."""

import re

import pytest
import torch
import torch.nn.functional as F
from fairseq.criterions.label_smoothed_cross_entropy import (
    LabelSmoothedCrossEntropyCriterion,
    label_smoothed_nll_loss,
)

from builders import kl_div_symmetric
from helpers import build, loss_and_grads, stacked_by_hand, valid_batch
from rdrop_fairseq.batch import duplicate, duplicate_share
from rdrop_fairseq.compat import RDropConfigError
from rdrop_fairseq.consistency import (
    fused_label_smoothed_one_sided_loss,
    fused_label_smoothed_rdrop_loss,
    one_sided_kl,
)

ALPHA, EPS = 3.0, 0.1


def ls_nll(logits, target, pad):
    """fairseq's own label-smoothed loss, summed over non-pad tokens."""
    lprobs = torch.log_softmax(logits.double(), -1).reshape(-1, logits.size(-1))
    loss, nll = label_smoothed_nll_loss(lprobs, target.reshape(-1), EPS, ignore_index=pad)
    return loss, nll


def kl_q_p(target_logits, logits, keep):
    """sum over kept rows of KL(Q||P) via torch's kl_div (Q the target)."""
    lp = torch.log_softmax(logits.double(), -1).reshape(-1, logits.size(-1))
    lq = torch.log_softmax(target_logits.double(), -1).reshape(-1, logits.size(-1))
    rows = F.kl_div(lp, lq, log_target=True, reduction="none").sum(-1)
    return rows[keep.reshape(-1)].sum()


def grads_of(model):
    return [p.grad.clone() for p in model.parameters() if p.grad is not None]


def assert_grads_equal(grads, ref_grads):
    assert len(grads) == len(ref_grads)
    for g, r in zip(grads, ref_grads, strict=True):
        torch.testing.assert_close(g, r.to(g.dtype), rtol=1e-4, atol=1e-5)


# ---- the losses, on plain tensors ------------------------------------------


def test_one_sided_loss_is_nll_plus_kl_from_target_and_no_gradient_reaches_it():
    torch.manual_seed(0)
    logits = torch.randn(12, 50, dtype=torch.float64, requires_grad=True)
    target_logits = torch.randn(12, 50, dtype=torch.float64, requires_grad=True)
    target = torch.randint(2, 50, (12,))
    target[[3, 7]] = 1  # padding
    total, loss, nll, kl = fused_label_smoothed_one_sided_loss(
        logits, target_logits, target, EPS, ALPHA, ignore_index=1
    )
    total.backward()
    ref_loss, ref_nll = ls_nll(logits, target, 1)
    ref_kl = kl_q_p(target_logits.detach(), logits, target.ne(1))
    torch.testing.assert_close(loss, ref_loss)
    torch.testing.assert_close(nll, ref_nll)
    torch.testing.assert_close(kl, ref_kl)
    ref_logits = logits.detach().clone().requires_grad_()
    (ls_nll(ref_logits, target, 1)[0] + ALPHA * kl_q_p(target_logits.detach(), ref_logits, target.ne(1))).backward()
    torch.testing.assert_close(logits.grad, ref_logits.grad)
    assert target_logits.grad is None


def test_general_path_one_sided_kl_matches_kl_div():
    torch.manual_seed(1)
    lprobs = torch.log_softmax(torch.randn(9, 30, dtype=torch.float64), -1).requires_grad_()
    fixed = torch.log_softmax(torch.randn(9, 30, dtype=torch.float64), -1)
    pad = torch.zeros(9, dtype=torch.bool)
    pad[4] = True
    value = one_sided_kl(lprobs, fixed, pad)
    ref = F.kl_div(lprobs, fixed, log_target=True, reduction="none").sum(-1)[~pad].sum()
    torch.testing.assert_close(value, ref)


def test_fused_loss_with_one_copy_is_the_plain_label_smoothed_loss():
    torch.manual_seed(2)
    logits = torch.randn(10, 40, dtype=torch.float64, requires_grad=True)
    target = torch.randint(2, 40, (10,))
    total, loss, nll, kl = fused_label_smoothed_rdrop_loss(logits, target, 1, EPS, ALPHA, 1)
    total.backward()
    ref_logits = logits.detach().clone().requires_grad_()
    ref_loss, ref_nll = ls_nll(ref_logits, target, 1)
    ref_loss.backward()
    torch.testing.assert_close(total, ref_loss)
    torch.testing.assert_close(nll, ref_nll)
    assert kl == 0
    torch.testing.assert_close(logits.grad, ref_logits.grad)


# ---- the criterion on a real model -----------------------------------------


@pytest.fixture(scope="module")
def setup(bible_bin):
    return bible_bin


def criterion_run(data, *options):
    task, model, criterion = build(data, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-alpha", ALPHA, "--label-smoothing", EPS, *options)
    sample = valid_batch(task)
    model.train()
    loss, size, log, grads = loss_and_grads(criterion, model, duplicate(sample))
    return task, model, sample, (loss, size, log, grads)


def test_target_no_grad_trains_one_copy_against_a_forward_only_target(setup):
    task, model, sample, (loss, size, log, grads) = criterion_run(setup, "--rdrop-target-no-grad")
    pad = task.target_dictionary.pad()
    # the reference: the same two forwards in the same order and seed, the
    # second one detached, losses from fairseq's label-smoothed loss and kl_div
    model.zero_grad()
    torch.manual_seed(7)
    trained = model(**sample["net_input"])[0]
    with torch.no_grad():
        fixed = model(**sample["net_input"])[0]
    ref_loss, ref_nll = ls_nll(trained, sample["target"], pad)
    ref_kl = kl_q_p(fixed, trained, sample["target"].ne(pad))
    (ref_loss + ALPHA * ref_kl).backward()
    torch.testing.assert_close(loss.double(), (ref_loss + ALPHA * ref_kl).detach(), rtol=1e-5, atol=1e-4)
    assert_grads_equal(grads, grads_of(model))
    # one trained copy: logged like a baseline's step
    assert size == sample["ntokens"] and log["ntokens"] == sample["ntokens"]
    torch.testing.assert_close(log["loss"].double(), ref_loss.detach(), rtol=1e-5, atol=1e-4)
    torch.testing.assert_close(log["kl_loss"].double(), ref_kl.detach(), rtol=1e-5, atol=1e-4)


def hand_spread(encoder_out, copies):
    """A transformer encoder's output repeated ``copies`` times along the
    batch, built by hand (time-major states, batch-major masks)."""
    out = dict(encoder_out)
    out["encoder_out"] = [torch.cat([encoder_out["encoder_out"][0]] * copies, dim=1)]
    for key in ("encoder_padding_mask", "encoder_embedding"):
        out[key] = [torch.cat([t] * copies, dim=0) for t in encoder_out[key]]
    return out


def test_encoder_once_equals_the_decoder_twice_on_one_encoder_output(setup):
    task, model, sample, (loss, size, log, grads) = criterion_run(setup, "--rdrop-encoder-once")
    pad = task.target_dictionary.pad()
    net_input = sample["net_input"]
    model.zero_grad()
    torch.manual_seed(7)
    encoder_out = model.encoder(net_input["src_tokens"], src_lengths=net_input["src_lengths"])
    stacked = stacked_by_hand(sample)
    logits = model.decoder(stacked["net_input"]["prev_output_tokens"], encoder_out=hand_spread(encoder_out, 2),
                           src_lengths=stacked["net_input"]["src_lengths"])[0]
    ref_loss, _ = ls_nll(logits, stacked["target"], pad)
    lprobs = torch.log_softmax(logits, -1).reshape(-1, logits.size(-1))
    ref_kl = kl_div_symmetric(*lprobs.chunk(2), keep=sample["target"].ne(pad).reshape(-1))
    (ref_loss + ALPHA * ref_kl).backward()
    torch.testing.assert_close(loss.double(), (ref_loss + ALPHA * ref_kl).detach(), rtol=1e-5, atol=1e-4)
    assert_grads_equal(grads, grads_of(model))
    assert size == sample["ntokens"]
    # the two decoder copies drew different masks: the KL is not zero
    assert log["kl_loss"] > 0


def test_encoder_once_with_no_grad_target_runs_the_target_decoder_forward_only(setup):
    task, model, sample, (loss, size, log, grads) = criterion_run(
        setup, "--rdrop-encoder-once", "--rdrop-target-no-grad")
    pad = task.target_dictionary.pad()
    net_input = sample["net_input"]
    model.zero_grad()
    torch.manual_seed(7)
    encoder_out = model.encoder(net_input["src_tokens"], src_lengths=net_input["src_lengths"])
    trained = model.decoder(net_input["prev_output_tokens"], encoder_out=encoder_out,
                            src_lengths=net_input["src_lengths"])[0]
    with torch.no_grad():
        fixed = model.decoder(net_input["prev_output_tokens"], encoder_out=encoder_out,
                              src_lengths=net_input["src_lengths"])[0]
    ref = ls_nll(trained, sample["target"], pad)[0] + ALPHA * kl_q_p(fixed, trained, sample["target"].ne(pad))
    ref.backward()
    torch.testing.assert_close(loss.double(), ref.detach(), rtol=1e-5, atol=1e-4)
    assert_grads_equal(grads, grads_of(model))


def test_a_share_of_the_batch_pairs_only_the_chosen_sentences(setup):
    task, model, criterion = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-alpha", ALPHA, "--label-smoothing", EPS, "--rdrop-fraction", "0.5")
    pad = task.target_dictionary.pad()
    sample = valid_batch(task)
    chosen = task.rdrop_plan.chosen_sentences(sample, 5)
    assert len(chosen) == 4 and len(set(chosen.tolist())) == 4
    # the same seed, update and batch draw the same sentences (resume)
    torch.testing.assert_close(chosen, task.rdrop_plan.chosen_sentences(sample, 5))
    batch = task.rdrop_plan.batch_for(sample, 5)
    rest = [i for i in range(8) if i not in chosen.tolist()]
    order = chosen.tolist() * 2 + rest
    torch.testing.assert_close(batch["target"], sample["target"][order])
    extra = int(sample["target"][chosen].ne(pad).sum())
    assert batch["ntokens"] == sample["ntokens"] + extra
    model.train()
    loss, size, log, grads = loss_and_grads(criterion, model, batch)
    # reference: one forward over the same rows, fairseq's loss on every
    # row and the symmetric KL between the two copies of the chosen ones
    model.zero_grad()
    torch.manual_seed(7)
    logits = model(**batch["net_input"])[0]
    ref_loss, _ = ls_nll(logits, batch["target"], pad)
    lprobs = torch.log_softmax(logits, -1)
    keep = sample["target"][chosen].ne(pad).reshape(-1)
    ref_kl = kl_div_symmetric(lprobs[:4].reshape(-1, lprobs.size(-1)), lprobs[4:8].reshape(-1, lprobs.size(-1)), keep)
    (ref_loss + ALPHA * ref_kl).backward()
    torch.testing.assert_close(loss.double(), (ref_loss + ALPHA * ref_kl).detach(), rtol=1e-5, atol=1e-4)
    assert_grads_equal(grads, grads_of(model))
    assert size == sample["ntokens"] and log["ntokens"] == sample["ntokens"]
    # logged per token of one copy, comparable with a baseline
    torch.testing.assert_close(log["loss"].double(), ref_loss.detach() * sample["ntokens"] / batch["ntokens"],
                               rtol=1e-5, atol=1e-4)


def test_fraction_one_is_the_whole_batch_and_a_tiny_share_keeps_one_sentence(setup):
    task, _, _ = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", "--rdrop-fraction", "0.01")
    sample = valid_batch(task)
    assert len(task.rdrop_plan.chosen_sentences(sample, 0)) == 1
    task, _, _ = build(setup)
    assert task.rdrop_plan.batch_for(sample, 0)["target"].size(0) == 16


def test_start_update_trains_plainly_before_it_and_rdrop_from_it(setup):
    task, model, criterion = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-start-update", "3", "--rdrop-every-k", "2")
    sample = valid_batch(task)
    copies = [task.rdrop_plan.batch_for(sample, u)["rdrop_copies"] for u in range(7)]
    # plain before update 3; from it, the every-k schedule of the update number
    assert copies == [1, 1, 1, 1, 2, 1, 2]
    model.train()
    torch.manual_seed(7)
    plain_loss, _, plain_log = criterion(model, task.rdrop_plan.batch_for(sample, 2))
    torch.manual_seed(7)
    ref_loss, _, _ = LabelSmoothedCrossEntropyCriterion(task, False, 0.0)(model, sample)
    torch.testing.assert_close(plain_loss, ref_loss)
    assert "kl_loss" not in plain_log


def test_lr_scale_steps_at_the_scaled_rate_from_the_start_update_on(setup):
    from argparse import Namespace

    from fairseq.optim.sgd import SGD

    task, model, _ = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                           "--rdrop-start-update", "3", "--rdrop-lr-scale", "0.25")
    lr = 0.1
    optimizer = SGD(Namespace(lr=[lr], momentum=0.0, weight_decay=0.0), list(model.parameters()))
    torch.manual_seed(0)
    for update, factor in ((2, 1.0), (3, 0.25), (9, 0.25)):
        before = [p.detach().clone() for p in model.parameters()]
        grads = [torch.randn_like(p) for p in model.parameters()]
        for p, g in zip(model.parameters(), grads, strict=True):
            p.grad = g.clone()
        task.optimizer_step(optimizer, model, update)
        # plain SGD moves each weight by -rate x gradient: the rate is the scaled one from update 3 on
        for p, b, g in zip(model.parameters(), before, grads, strict=True):
            torch.testing.assert_close(p.detach(), b - lr * factor * g)
        assert optimizer.get_lr() == lr  # the schedule's own rate is left for the scheduler


def test_validation_is_the_parents_with_every_mode(setup):
    task, model, criterion = build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy",
                                   "--rdrop-encoder-once", "--rdrop-target-no-grad", "--rdrop-fraction", "0.5",
                                   "--rdrop-start-update", "10", "--label-smoothing", EPS)
    sample = valid_batch(task)
    model.eval()
    loss, size, log = criterion(model, sample)
    ref_loss, ref_size, _ = LabelSmoothedCrossEntropyCriterion(task, False, EPS)(model, sample)
    torch.testing.assert_close(loss, ref_loss)
    assert size == ref_size and "kl_loss" not in log


@pytest.mark.parametrize(
    "options, message",
    [
        (["--rdrop-fraction", "0"], "--rdrop-fraction must be in (0, 1]"),
        (["--rdrop-fraction", "1.5"], "--rdrop-fraction must be in (0, 1]"),
        (["--rdrop-start-update", "-1"], "--rdrop-start-update must be >= 0"),
        (["--rdrop-lr-scale", "0.5"], "--rdrop-lr-scale applies from --rdrop-start-update on"),
        (["--rdrop-start-update", "5", "--rdrop-lr-scale", "0"], "--rdrop-lr-scale must be > 0"),
        (["--rdrop-target-no-grad", "--rdrop-copies", "3"], "needs --rdrop-copies 2"),
        (["--rdrop-target-no-grad", "--rdrop-chunked-projection"], "cannot be combined"),
        (["--rdrop-encoder-once", "--rdrop-chunked-projection"], "cannot be combined"),
        (["--rdrop-fraction", "0.5", "--rdrop-chunked-projection"], "--rdrop-fraction needs"),
        (["--rdrop-fraction", "0.5", "--rdrop-dropouts", "0.1,0.3"], "cannot be combined"),
        (["--rdrop-encoder-once", "--rdrop-dropouts", "0.1,0.3"], "--rdrop-dropouts needs one forward per copy"),
    ],
)
def test_options_that_cannot_apply_are_refused_in_one_line(setup, options, message):
    with pytest.raises(RDropConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")) as err:
        build(setup, "rdrop_translation", "rdrop_label_smoothed_cross_entropy", *options)
    assert "\n" not in str(err.value)


def test_encoder_once_refuses_a_decoder_only_model(setup):
    from rdrop_fairseq.criterions.label_smoothed_cross_entropy import encoder_once_output

    class DecoderOnly(torch.nn.Module):
        pass

    with pytest.raises(RDropConfigError, match="needs an encoder-decoder model"):
        encoder_once_output(DecoderOnly(), {}, torch.arange(1), torch.arange(1))


def test_duplicate_share_keeps_the_input_untouched(setup):
    task, _, _ = build(setup)
    sample = valid_batch(task)
    before = {k: v.clone() for k, v in sample["net_input"].items()}
    duplicate_share(sample, torch.tensor([1, 5]), task.target_dictionary.pad())
    for key, value in before.items():
        torch.testing.assert_close(sample["net_input"][key], value)
    assert "rdrop_copies" not in sample


def test_every_mode_trains_in_fairseq_train_and_continues_exactly_across_resume(setup, tmp_path):
    from test_rdrop_options import straight_and_resumed

    steps, later = straight_and_resumed(setup, tmp_path, "--rdrop-start-update", "2", "--rdrop-fraction", "0.5",
                                        "--rdrop-encoder-once", "--rdrop-target-no-grad", "--rdrop-lr-scale", "0.5")

    def rdrop(record):  # fairseq logs null for a meter without new values
        return record.get("kl_loss") is not None

    # updates 0 and 1 (logged as 1 and 2) are plain, R-Drop from update 2 on
    assert [rdrop(steps[n]) for n in range(1, 7)] == [False, False, True, True, True, True]
    # the resumed run draws the same sentences and continues the schedule
    for n in (4, 5, 6):
        assert rdrop(later[n]) and later[n]["loss"] == steps[n]["loss"]
        assert later[n]["kl_loss"] == steps[n]["kl_loss"]


def test_the_modes_show_in_help(setup):
    from conftest import USER_DIR, run_cli

    proc = run_cli("train", setup, "--user-dir", USER_DIR, "--task", "rdrop_translation",
                   "--criterion", "rdrop_label_smoothed_cross_entropy", "--arch", "transformer", "--help")
    for option in ("--rdrop-target-no-grad", "--rdrop-encoder-once", "--rdrop-start-update", "--rdrop-fraction",
                   "--rdrop-lr-scale"):
        assert option in proc.stdout
    # the ways a user should pick lead; the measured-and-dominated ones say so and come after them
    helps = {m.group(1): " ".join(m.group(2).split())
             for m in re.finditer(r"^  (--rdrop-[a-z-]+)(.*\n(?: {10,}.*\n)*)", proc.stdout, re.M)}  # fmt: skip
    experimental = {"--rdrop-lr-scale", "--rdrop-alpha-warmup-updates", "--rdrop-target-no-grad",
                    "--rdrop-encoder-once"}
    assert {option for option, text in helps.items() if "EXPERIMENTAL (dominated" in text} == experimental
    order = list(helps)  # the task's options, then the criterion's
    for first, then in (("--rdrop-every-k", "--rdrop-alpha-warmup-updates"),
                        ("--rdrop-fraction", "--rdrop-lr-scale"),
                        ("--rdrop-start-update", "--rdrop-alpha-warmup-updates"),
                        ("--rdrop-alpha", "--rdrop-target-no-grad"),
                        ("--rdrop-chunked-projection", "--rdrop-encoder-once")):
        assert order.index(first) < order.index(then)
