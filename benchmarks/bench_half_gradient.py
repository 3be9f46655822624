"""Half-precision logits: where the fused loss keeps its gradient until the backward.

Under fp16 loss scaling the logits' gradient must be multiplied by the
incoming (scaled) gradient before it is rounded to half, so the fused loss
cannot keep a half gradient from its forward. Two ways out, measured side by
side with the way it was before (half kept, wrong for tiny entries):

- ``float32 kept`` (what ``consistency.py`` does): the forward writes the
  float32 gradient; the backward scales it and rounds it to half.
- ``recomputed in backward``: the forward computes the values only and keeps
  the logits; the backward recomputes every chunk and writes the scaled half
  gradient.

Each case runs in a fresh process on the logits of a doubled batch that
stand for a model's output: a fresh tensor, dropped after the forward, whose
backward (like an output projection's) allocates nothing of its size. *held*
is the memory held from the end of the forward to the backward (RSS after
the forward minus before); *peak* is max RSS during forward + backward minus
before; time is the fastest forward + backward of the repetitions (the
fastest: on a shared host the others measure the neighbours).

    python benchmarks/bench_half_gradient.py [--tokens 2048] [--vocab 10000] [--dtype float16 bfloat16]
"""

import argparse
import json
import subprocess
import sys

from measure import measure_step, rss_mb

CASES = [
    "half kept (before, wrong under loss scaling)",
    "float32 kept (consistency.py)",
    "recomputed in backward",
]
ALPHA, EPS, PAD, SCALE = 5.0, 0.1, 1, 2.0**15


def loss_function(case):
    import torch

    from rdrop_fairseq import consistency as c

    def chunks(logits, copies, chunk_elements):
        n, vocab = logits.size(0) // copies, logits.size(1)
        step = c._rows_per_chunk(vocab, chunk_elements)
        for start in range(0, n, step):
            yield [slice(k * n + start, k * n + min(n, start + step)) for k in range(copies)]

    def terms_for(logits):
        acc = c._accumulation_dtype(logits)
        return c._LabelSmoothedRDropTerms(logits.size(1), 2, EPS, ALPHA, PAD, acc, logits.device)

    class HalfKept(torch.autograd.Function):
        @staticmethod
        def forward(ctx, logits, target):
            terms, grad = terms_for(logits), torch.empty_like(logits)
            for rows in chunks(logits, 2, c.FUSED_CHUNK_ELEMENTS):
                grads = terms.add_chunk([logits[r] for r in rows], target[rows[0]])
                for r, g in zip(rows, grads):
                    grad[r].copy_(g)
            ctx.grad = grad
            return terms.values()[0]

        @staticmethod
        def backward(ctx, grad_total):
            grad, ctx.grad = ctx.grad, None
            return grad.mul_(grad_total.to(grad.dtype)), None

    class Recomputed(torch.autograd.Function):
        @staticmethod
        def forward(ctx, logits, target):
            values, _ = c._fused_values_and_grad(logits, target, 2, EPS, ALPHA, PAD, c.FUSED_CHUNK_ELEMENTS, False)
            ctx.save_for_backward(logits, target)
            return values[0]

        @staticmethod
        def backward(ctx, grad_total):
            logits, target = ctx.saved_tensors
            terms, grad = terms_for(logits), torch.empty_like(logits)
            for rows in chunks(logits, 2, c.FUSED_CHUNK_ELEMENTS):
                grads = terms.add_chunk([logits[r] for r in rows], target[rows[0]])
                for r, g in zip(rows, grads):
                    grad[r].copy_(g.mul_(grad_total))
            return grad, None

    if case == CASES[1]:
        return lambda x, t: c.fused_label_smoothed_rdrop_loss(x, t, 2, EPS, ALPHA, PAD)[0]
    return {CASES[0]: HalfKept, CASES[2]: Recomputed}[case].apply


def run_case(case, tokens, vocab, reps, dtype_name):
    import torch

    dtype = getattr(torch, dtype_name)
    gen = torch.Generator().manual_seed(0)
    # filled block by block: no full-size float32 temporary raises the
    # process's max RSS before the measurement starts
    base = torch.empty(2 * tokens, vocab, dtype=dtype)
    for start in range(0, 2 * tokens, 256):
        base[start : start + 256] = torch.randn(min(256, 2 * tokens - start), vocab, generator=gen) * 6

    class ModelOutput(torch.autograd.Function):
        """A fresh logits tensor whose backward consumes the gradient into
        nothing large, as an output projection's does (its gradients are
        (tokens x dim) and (vocab x dim))."""

        @staticmethod
        def forward(ctx, x, anchor):  # anchor: a leaf that makes the output need a gradient
            return x.clone()

        @staticmethod
        def backward(ctx, grad):
            ctx.checksum = grad[0, 0].item()  # consume it
            return None, None

    anchor = torch.zeros((), requires_grad=True)
    target = torch.randint(2, vocab, (tokens,), generator=gen)
    target[::10] = PAD
    target = torch.cat([target, target])
    loss_of = loss_function(case)

    def step():
        logits = ModelOutput.apply(base, anchor)  # freed after the forward
        loss = loss_of(logits, target)
        del logits
        held = rss_mb()
        (loss * SCALE).backward()
        return held

    before = rss_mb()
    held, peak, times = measure_step(step, reps)
    return {"ms": 1000 * min(times), "held_mb": held - before, "peak_mb": peak}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=2048, help="target tokens per copy")
    parser.add_argument("--vocab", type=int, default=10000)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--dtype", nargs="+", default=["float16", "bfloat16"])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.case:  # child process: one measurement
        import torch

        torch.set_num_threads(args.threads)
        print(json.dumps(run_case(args.case, args.tokens, args.vocab, args.reps, args.dtype[0])))
        return

    half_mb = 2 * args.tokens * args.vocab * 2 / 2**20
    print(f"tokens per copy {args.tokens}, vocab {args.vocab}, {args.threads} threads; "
          f"the half logits of both copies are {half_mb:.0f} MB\n")  # fmt: skip
    print("| dtype | gradient kept as | fwd+bwd ms | held MB | peak MB |")
    print("|---|---|---:|---:|---:|")
    for dtype in args.dtype:
        for case in CASES:
            out = subprocess.run(
                [sys.executable, __file__, "--case", case, "--tokens", str(args.tokens),
                 "--vocab", str(args.vocab), "--reps", str(args.reps), "--dtype", dtype,
                 "--threads", str(args.threads)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {dtype} | {case} | {r['ms']:.0f} | {r['held_mb']:.0f} | {r['peak_mb']:.0f} |")


if __name__ == "__main__":
    main()
