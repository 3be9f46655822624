"""fairseq-train with two test-only hooks, for comparing data-parallel workers
with gradient accumulation at a dropout above 0.

* Every sub-batch's dropout masks are seeded from the update number and the
  sub-batch's first sample id. fairseq seeds once per update (``--seed`` +
  update number), so with ``--update-freq 2`` the second sub-batch would draw
  other masks than the worker that gets it in a distributed run; seeded from
  what the sub-batch is, the two runs draw the same masks for it.
* With ``RDROP_TEST_GRAD_DIR`` set, rank 0 saves every parameter's gradient
  of each update there (``update<N>.pt``) as the optimizer will use it: after
  the all-reduce and the division by the sample size.

Usage: ``python tests/seeded_train.py DATA [fairseq-train arguments...]``.
"""

import os

from fairseq_cli import train  # first: it sets up fairseq-train's log format

import torch  # noqa: E402
from fairseq import trainer  # noqa: E402
from fairseq.tasks import fairseq_task  # noqa: E402

_train_step = fairseq_task.FairseqTask.train_step
_clip_grad_norm = trainer.Trainer.clip_grad_norm


def seeded_train_step(self, sample, model, criterion, optimizer, update_num, ignore_grad=False, **kwargs):
    torch.manual_seed(1_000_003 * update_num + int(sample["id"].view(-1)[0]))
    return _train_step(self, sample, model, criterion, optimizer, update_num, ignore_grad=ignore_grad, **kwargs)


def clip_grad_norm_saving_grads(self, clip_norm):
    folder = os.environ.get("RDROP_TEST_GRAD_DIR")
    if folder and self.data_parallel_rank == 0:
        grads = {name: p.grad.detach().clone() for name, p in self.get_model().named_parameters() if p.grad is not None}
        torch.save(grads, os.path.join(folder, f"update{self.get_num_updates()}.pt"))
    return _clip_grad_norm(self, clip_norm)


if __name__ == "__main__":  # patched only when run: importing it leaves fairseq as it is
    fairseq_task.FairseqTask.train_step = seeded_train_step
    trainer.Trainer.clip_grad_norm = clip_grad_norm_saving_grads
    train.cli_main()
