"""Consistency-loss cost: ours vs fairseq's built-in R-Drop vs the authors' code.

Every case computes the whole R-Drop loss from the same logits of a doubled
batch (label-smoothed NLL of both copies + alpha x symmetric KL) and runs its
backward; ``doubled batch`` is the same without the KL term, so each case's
*overhead* (time and peak memory above it) is what its consistency loss costs.
``ours, fused from logits`` computes NLL and KL in one pass from the logits,
so its overhead can be negative: it is cheaper than the plain loss.

With ``--features-dim D`` every case starts one step earlier, from decoder
features ``(tokens, D)`` and the output matrix ``(vocab, D)``, so the output
projection is part of each case, and ``ours, chunked projection``
(``--rdrop-chunked-projection``, logits never materialised) joins them.

Each case runs in a fresh subprocess. Peak memory is the process's max RSS
during the first forward+backward minus its RSS just before it (inputs already
built); time is the median of the following repetitions.

    python benchmarks/bench_consistency.py [--tokens 4096] [--vocab 10000 32000]
"""

import argparse
import json
import statistics
import subprocess
import sys

from measure import measure_step

CASES = ["doubled batch (no KL)", "ours", "ours, fused from logits", "fairseq built-in", "authors' code"]
CHUNKED = "ours, chunked projection"
ALPHA, EPS, PAD = 5.0, 0.1, 1


def run_case(case, tokens, vocab, reps, dtype_name, features_dim=None):
    import torch
    import torch.nn.functional as F
    from fairseq.criterions.label_smoothed_cross_entropy import label_smoothed_nll_loss
    from fairseq.criterions.label_smoothed_cross_entropy_with_rdrop import (
        compute_kl_loss as fairseq_kl,
    )

    from rdrop_fairseq.consistency import (
        fused_label_smoothed_rdrop_loss,
        fused_projection_rdrop_loss,
        symmetric_kl,
    )

    torch.manual_seed(0)
    dtype = getattr(torch, dtype_name)
    batch, length = tokens // 32, 32
    if features_dim:
        features = torch.randn(2 * batch * length, features_dim, dtype=dtype)
        weight = torch.randn(vocab, features_dim, dtype=dtype) * features_dim**-0.5
    else:
        logits = torch.randn(2 * batch, length, vocab, dtype=dtype)
    target = torch.randint(2, vocab, (batch, length))
    target[:, -3:] = PAD  # some padding, as in a real batch
    target = torch.cat([target, target]).view(-1)
    pad_mask = target[: batch * length].eq(PAD)

    class DecoderLike:
        """What fairseq's criterion calls on the model (FairseqDecoder's maths)."""

        def get_normalized_probs(self, net_output, log_probs):
            x = net_output[0].float()
            return F.log_softmax(x, -1) if log_probs else F.softmax(x, -1)

    def authors_kl(p, q, pad):
        # the formulation of the R-Drop authors' README, from logits
        p_loss = F.kl_div(F.log_softmax(p, -1), F.softmax(q, -1), reduction="none")
        q_loss = F.kl_div(F.log_softmax(q, -1), F.softmax(p, -1), reduction="none")
        p_loss.masked_fill_(pad, 0.0)
        q_loss.masked_fill_(pad, 0.0)
        return (p_loss.sum() + q_loss.sum()) / 2

    def step():
        if features_dim:
            f, w = features.detach().requires_grad_(), weight.detach().requires_grad_()
            if case == CHUNKED:
                fused_projection_rdrop_loss(f, w, target, 2, EPS, ALPHA, PAD)[0].backward()
                return f.grad
            x = (f @ w.t()).view(2 * batch, length, vocab)
        else:
            x = logits.detach().requires_grad_()
        if case == "ours, fused from logits":  # what the translation criterion runs
            fused_label_smoothed_rdrop_loss(x.view(-1, vocab), target, 2, EPS, ALPHA, PAD)[0].backward()
            return None
        lprobs = DecoderLike().get_normalized_probs((x,), log_probs=True).view(-1, vocab)
        loss, _ = label_smoothed_nll_loss(lprobs, target, EPS, ignore_index=PAD)
        if case == "ours":
            loss = loss + ALPHA * symmetric_kl(lprobs, 2, pad_mask)
        elif case == "fairseq built-in":
            kl = fairseq_kl(DecoderLike(), (x,), pad_mask.unsqueeze(-1))
            loss = loss + ALPHA * kl
        elif case == "authors' code":
            p, q = x.float().view(-1, vocab).chunk(2)
            loss = loss + ALPHA * authors_kl(p, q, pad_mask.unsqueeze(-1))
        loss.backward()

    _, peak, times = measure_step(step, reps)
    return {"ms": 1000 * statistics.median(times), "peak_mb": peak}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=4096, help="target tokens per copy")
    parser.add_argument("--vocab", type=int, nargs="+", default=[10000, 32000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--dtype", default="float32")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--features-dim", type=int, help="start from features of this size")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.case:  # child process: one measurement
        import torch

        torch.set_num_threads(args.threads)
        result = run_case(args.case, args.tokens, args.vocab[0], args.reps, args.dtype, args.features_dim)
        print(json.dumps(result))
        return

    cases = CASES + [CHUNKED] if args.features_dim else CASES
    rows = []
    for vocab in args.vocab:
        results = {}
        for case in cases:
            out = subprocess.run(
                [sys.executable, __file__, "--case", case, "--tokens", str(args.tokens),
                 "--vocab", str(vocab), "--reps", str(args.reps), "--dtype", args.dtype,
                 "--threads", str(args.threads),
                 *(["--features-dim", str(args.features_dim)] if args.features_dim else [])],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            results[case] = json.loads(out.stdout.strip().splitlines()[-1])
        base = results[CASES[0]]
        for case in cases:
            r = results[case]
            rows.append((vocab, case, r["ms"], r["ms"] - base["ms"], r["peak_mb"], r["peak_mb"] - base["peak_mb"]))
        builtin = results["fairseq built-in"]
        for name in cases[1:3] + cases[5:]:
            ours = results[name]
            rows.append((vocab, f"{name} / fairseq built-in (overhead)",
                         None, (ours["ms"] - base["ms"]) / (builtin["ms"] - base["ms"]),
                         None, (ours["peak_mb"] - base["peak_mb"]) / (builtin["peak_mb"] - base["peak_mb"])))  # fmt: skip

    start = f", from features of dim {args.features_dim}" if args.features_dim else ""
    print(f"tokens per copy {args.tokens}, dtype {args.dtype}, {args.threads} threads{start}\n")
    print("| vocab | loss | fwd+bwd ms | overhead ms | peak MB | overhead MB |")
    print("|---:|---|---:|---:|---:|---:|")
    for vocab, case, ms, over_ms, peak, over_peak in rows:
        if ms is None:
            print(f"| {vocab} | **{case}** | | **{over_ms:.2f}x** | | **{over_peak:.2f}x** |")
        else:
            print(f"| {vocab} | {case} | {ms:.0f} | {over_ms:+.0f} | {peak:.0f} | {over_peak:+.0f} |")


if __name__ == "__main__":
    main()
