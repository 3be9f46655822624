#!/usr/bin/env python3
"""Dev-set GLUE metrics of a fine-tuned RoBERTa checkpoint, from its predictions.

Loads the checkpoint with fairseq's checkpoint utilities (the plugin is
imported first, so R-Drop and baseline checkpoints both load), predicts every
example of the binarized dev split(s) written by ``prepare.py`` (the
data fairseq validates on during training) and scores the predictions:

    CoLA: MCC; MRPC, QQP: accuracy and F1 (of label 1); STS-B: Pearson and
    Spearman; MNLI: accuracy on dev_matched and dev_mismatched; others:
    accuracy. All in percent.

Per dev split it writes ``<split>.predictions.tsv`` (example id = row of the
dev TSV after the header, predicted label, gold label; STS-B: scores on the
0-1 scale the model is trained on) and ``<split>.metrics.json``.

    evaluate.py --task RTE --data data/glue/RTE-bin \\
        --checkpoint checkpoints/glue/RTE-rdrop/checkpoint_best.pt --out checkpoints/glue/RTE-rdrop
"""

import argparse
import json
import os

import numpy as np

from rdrop_tools.files import atomic_write, fail

DEV_SPLITS = {"MNLI": {"valid": "dev_matched", "valid1": "dev_mismatched"}}
TASKS = ("MNLI", "QNLI", "QQP", "RTE", "SST-2", "MRPC", "CoLA", "STS-B")


def metrics(task, preds, golds):
    """The task's GLUE metrics (percent) of predictions against gold labels."""
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import f1_score, matthews_corrcoef

    if task == "STS-B":
        preds, golds = np.asarray(preds, dtype=float), np.asarray(golds, dtype=float)
        return {"pearson": 100 * pearsonr(preds, golds)[0], "spearman": 100 * spearmanr(preds, golds)[0]}
    preds, golds = np.asarray(preds), np.asarray(golds)
    scores = {"accuracy": 100 * float(np.mean(preds == golds))}
    if task == "CoLA":
        scores = {"mcc": 100 * matthews_corrcoef(golds, preds), **scores}
    if task in ("MRPC", "QQP"):
        scores["f1"] = 100 * f1_score(golds == "1", preds == "1")
    return {k: float(v) for k, v in scores.items()}


def predict(model, task, split, batch_size, use_cuda):
    """{example id: (prediction, gold)} over one binarized split."""
    import torch
    from fairseq import utils

    task.load_dataset(split)
    dataset = task.dataset(split)
    batches = task.get_batch_iterator(
        dataset=dataset,
        max_sentences=batch_size,
        max_positions=utils.resolve_max_positions(task.max_positions(), model.max_positions()),
        ignore_invalid_inputs=False,
        num_workers=0,
    ).next_epoch_itr(shuffle=False)
    labels = task.label_dictionary
    head = task.cfg.classification_head_name
    results = {}
    with torch.no_grad():
        for sample in batches:
            if use_cuda:
                sample = utils.move_to_cuda(sample)
            logits, _ = model(**sample["net_input"], features_only=True, classification_head_name=head)
            ids = sample["id"].tolist()
            if task.cfg.regression_target:
                preds = logits.view(-1).float().tolist()
                golds = sample["target"].view(-1).float().tolist()
            else:  # class index -> label string, as fairseq's label dictionary maps them
                preds = [labels[i + labels.nspecial] for i in logits.argmax(dim=-1).tolist()]
                golds = [labels[i + labels.nspecial] for i in sample["target"].view(-1).tolist()]
            results.update(zip(ids, zip(preds, golds)))
    if sorted(results) != list(range(len(dataset))):
        fail(f"predicted {len(results)} of {len(dataset)} {split} examples")
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--task", required=True, choices=TASKS)
    parser.add_argument("--data", required=True, help="the task's binarized folder (TASK-bin)")
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--out", required=True, help="folder for predictions and metrics")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cpu", action="store_true")
    args = parser.parse_args(argv)
    for path in (args.data, args.checkpoint):
        if not os.path.exists(path):
            fail(f"{path} not found")

    import rdrop_fairseq  # noqa: F401  (registers the R-Drop tasks and criterions)
    import torch
    from fairseq import checkpoint_utils

    models, _cfg, task = checkpoint_utils.load_model_ensemble_and_task(
        [args.checkpoint], arg_overrides={"data": os.path.abspath(args.data)}
    )
    model = models[0]
    use_cuda = torch.cuda.is_available() and not args.cpu
    if use_cuda:
        model.cuda()
    model.eval()

    os.makedirs(args.out, exist_ok=True)
    for split, name in DEV_SPLITS.get(args.task, {"valid": "dev"}).items():
        results = predict(model, task, split, args.batch_size, use_cuda)
        preds = [results[i][0] for i in range(len(results))]
        golds = [results[i][1] for i in range(len(results))]
        scores = metrics(args.task, preds, golds)
        with atomic_write(os.path.join(args.out, f"{name}.predictions.tsv")) as f:
            for i, (pred, gold) in enumerate(zip(preds, golds)):
                f.write(f"{i}\t{pred}\t{gold}\n")
        record = {"task": args.task, "split": name, "examples": len(preds),
                  "checkpoint": os.path.abspath(args.checkpoint), **scores}  # fmt: skip
        with atomic_write(os.path.join(args.out, f"{name}.metrics.json")) as f:
            json.dump(record, f, indent=2)
            f.write("\n")
        shown = ", ".join(f"{k} {v:.2f}" for k, v in scores.items())
        print(f"{args.task} {name} ({len(preds)} examples): {shown}")


if __name__ == "__main__":
    main()
