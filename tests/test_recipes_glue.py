"""GLUE recipes (scripts/glue/): prepare -> train (SMOKE=1, NGPUS=0) ->
evaluate end to end on tiny GLUE-shaped archives (RTE.zip for
classification, STS-B.zip for regression) with a tiny GPT-2 BPE, a tiny
"roberta.large" folder, and checks of the configs against the README's
Table 8 rows."""

import json
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
import torch
from omegaconf import OmegaConf

from builders import byte_symbols, training_cfg
from conftest import REPO, bible_lines, cli_env
from glue import evaluate as glue_evaluate  # scripts/glue/evaluate.py
from glue import prepare as glue_prepare  # scripts/glue/prepare.py

GLUE = REPO / "scripts" / "glue"
TASK_ROWS = {  # yaml name -> README column
    "mnli": "MNLI", "qnli": "QNLI", "qqp": "QQP", "rte": "RTE",
    "sst2": "SST-2", "mrpc": "MRPC", "cola": "CoLA", "stsb": "STS-B",
}  # fmt: skip
TINY = {"encoder_layers": 1, "encoder_embed_dim": 32, "encoder_ffn_embed_dim": 64, "encoder_attention_heads": 2}
MERGES = [("Ġ", "a"), ("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("Ġa", "n"), ("o", "n")]
SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]  # fairseq's Dictionary puts these first


def write_bpe_files(folder):
    """A GPT-2-format encoder.json / vocab.bpe (the 256 byte symbols plus a
    few merges) and a fairseq dict.txt over its ids, as in gpt2_bpe/."""
    symbols = list(byte_symbols().values()) + ["".join(m) for m in MERGES]
    encoder = {s: i for i, s in enumerate(symbols)}
    (folder / "encoder.json").write_text(json.dumps(encoder))
    (folder / "vocab.bpe").write_text("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in MERGES))
    (folder / "dict.txt").write_text("".join(f"{i} {1000 - i}\n" for i in range(len(symbols))))
    return encoder


def decode(ids, encoder, dict_txt):
    """Text of a binarized line: dictionary index -> BPE id -> byte symbols -> UTF-8."""
    dict_symbols = SPECIALS + [line.split()[0] for line in dict_txt.read_text().splitlines()]
    inverse = {i: s for s, i in encoder.items()}
    to_byte = {c: b for b, c in byte_symbols().items()}
    assert dict_symbols[ids[-1]] == "</s>"
    chars = "".join(inverse[int(dict_symbols[i])] for i in ids[:-1])
    return bytes(to_byte[c] for c in chars).decode("utf-8")


def tsv(header, rows):
    return "\n".join("\t".join(map(str, r)) for r in [header, *rows]) + "\n"


def write_zip(path, folder, files):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(f"{folder}/{name}", text)


def rte_rows(lines):
    """(index, sentence1, sentence2, label): pairs of verses,
    'entailment' when both start with the same word."""
    rows = []
    for i in range(0, len(lines) - 1, 2):
        a, b = lines[i], lines[i + 1]
        label = "entailment" if a.split()[0] == b.split()[0] else "not_entailment"
        rows.append((i // 2, a, b, label))
    return rows


def stsb_rows(lines):
    """The real STS-B columns; score = 5 x word overlap of the two verses."""
    rows = []
    for i in range(0, len(lines) - 1, 2):
        a, b = lines[i], lines[i + 1]
        wa, wb = set(a.split()), set(b.split())
        score = round(5 * len(wa & wb) / len(wa | wb), 3)
        rows.append((i // 2, "main-captions", "MSRvid", "2012test", f"{i:04d}", "none", "none", a, b, score))
    return rows


RTE_HEADER = ("index", "sentence1", "sentence2", "label")
STSB_HEADER = (
    "index", "genre", "filename", "year", "old_index", "source1", "source2", "sentence1", "sentence2"
)  # fmt: skip


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """ARCHIVES folder: encoder.json, vocab.bpe, dict.txt, RTE.zip, STS-B.zip
    with the real archives' inner folders, headers and columns."""
    folder = tmp_path_factory.mktemp("archives")
    encoder = write_bpe_files(folder)
    # distinct verses (some repeat word for word), so no two examples are the same
    lines = list(dict.fromkeys(bible_lines("en", count=300, lower=True)))[:240]
    rte = {"train": rte_rows(lines[:160]), "dev": rte_rows(lines[160:208])}
    write_zip(folder / "RTE.zip", "RTE", {
        "train.tsv": tsv(RTE_HEADER, rte["train"]),
        "dev.tsv": tsv(RTE_HEADER, rte["dev"]),
        "test.tsv": tsv(RTE_HEADER[:3], [r[:3] for r in rte_rows(lines[208:240])]),
    })  # fmt: skip
    stsb = {"train": stsb_rows(lines[:160]), "dev": stsb_rows(lines[160:208])}
    write_zip(folder / "STS-B.zip", "STS-B", {
        "train.tsv": tsv((*STSB_HEADER, "score"), stsb["train"]),
        "dev.tsv": tsv((*STSB_HEADER, "score"), stsb["dev"]),
        "test.tsv": tsv(STSB_HEADER, [r[:9] for r in stsb_rows(lines[208:240])]),
    })  # fmt: skip
    return {"dir": folder, "encoder": encoder, "RTE": rte, "STS-B": stsb}


def tiny_roberta(folder, dict_txt):
    """A "roberta.large"-shaped folder: dict.txt and a model.pt, in fairseq's
    checkpoint format, of a tiny randomly initialised masked-LM RoBERTa."""
    folder.mkdir()
    (folder / "dict.txt").write_text(dict_txt.read_text())
    from fairseq import tasks

    args = [f"--{k.replace('_', '-')}={v}" for k, v in TINY.items()]
    cfg = training_cfg(folder, "--task", "masked_lm", "--criterion", "masked_lm", "--arch", "roberta_base",
                       "--max-positions", "512", *args)  # fmt: skip
    task = tasks.setup_task(cfg.task)
    torch.manual_seed(0)
    model = task.build_model(cfg.model)
    state = {
        "cfg": OmegaConf.to_container(cfg, resolve=True, enum_to_str=True),
        "model": model.state_dict(),
        "optimizer_history": [{"criterion_name": "MaskedLmLoss", "optimizer_name": "FairseqAdam",
                               "lr_scheduler_state": {"best": None}, "num_updates": 0}],
        "extra_state": {"train_iterator": {"epoch": 1}},
        "last_optimizer_state": None,
    }  # fmt: skip
    torch.save(state, folder / "model.pt")
    return folder


def run(script, *args, env, cwd, check=True):
    proc = subprocess.run(
        ["bash", str(GLUE / script), *map(str, args)], env=env, cwd=cwd, capture_output=True, text=True
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{script} {' '.join(map(str, args))} failed ({proc.returncode}):\n"
                             f"{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")  # fmt: skip
    return proc


def recipe_env(tmp, archives, **extra):
    env = cli_env()
    env.update(ARCHIVES=str(archives["dir"]), OFFLINE="1", DATA=str(tmp / "data"), SMOKE="1", NGPUS="0",
               WORKERS="1", PY=sys.executable, **{k: str(v) for k, v in extra.items()})  # fmt: skip
    for knob in ("ROBERTA", "SAVE_DIR", "BASELINE", "GLUE_DIR", "CHECKPOINT", "SMOKE_UPDATES", "DOWNLOADS"):
        if knob not in extra:
            env.pop(knob, None)
    return env


@pytest.fixture(scope="module")
def recipes(archives, tmp_path_factory):
    """RTE (from the tiny roberta.large folder; R-Drop, then BASELINE=1) and
    STS-B (SMOKE without ROBERTA: random weights; then resumed) run
    concurrently, each prepare -> train -> evaluate."""
    tmp = tmp_path_factory.mktemp("glue_recipes")
    roberta = tiny_roberta(tmp / "roberta.large", archives["dir"] / "dict.txt")

    def rte():
        env = recipe_env(tmp, archives, ROBERTA=roberta)
        out = {"prepare": run("prepare.sh", "RTE", env=env, cwd=tmp)}
        out["train"] = run("train.sh", "RTE", env=env, cwd=tmp)
        out["evaluate"] = run("evaluate.sh", "RTE", env=env, cwd=tmp)
        out["baseline"] = run("train.sh", "RTE", env={**env, "BASELINE": "1"}, cwd=tmp)
        return out

    def stsb():
        env = recipe_env(tmp, archives)
        out = {"prepare": run("prepare.sh", "STS-B", env=env, cwd=tmp)}
        out["train"] = run("train.sh", "STS-B", env=env, cwd=tmp)
        out["resume"] = run("train.sh", "STS-B", env={**env, "SMOKE_UPDATES": "6"}, cwd=tmp)
        out["evaluate"] = run("evaluate.sh", "STS-B", env=env, cwd=tmp)
        return out

    with ThreadPoolExecutor(2) as pool:
        futures = {"RTE": pool.submit(rte), "STS-B": pool.submit(stsb)}
        results = {task: f.result() for task, f in futures.items()}
    results["data"] = tmp / "data"
    results["checkpoints"] = tmp / "checkpoints" / "glue"  # the default SAVE_DIR, under the cwd
    results["roberta"] = roberta
    return results


def json_records(log, tag):
    """fairseq's json log records of one kind ('train_inner', 'valid', ...)."""
    return [json.loads(line.split(" - ", 1)[1]) for line in log.splitlines() if f"[{tag}][INFO]" in line]


def read_predictions(path):
    return [line.split("\t") for line in path.read_text().splitlines()]


def best_checkpoint(save_dir):
    state = torch.load(save_dir / "checkpoint_best.pt", map_location="cpu", weights_only=False)
    return state["cfg"], state["extra_state"]


def test_rte_classification_end_to_end(recipes, archives):
    """R-Drop from the roberta.large folder: the evaluate script's accuracy
    is that of its predictions, which cover the dev set in order with the
    archive's gold labels, and equals fairseq's own validation accuracy of
    the best checkpoint."""
    out, save = recipes["RTE"], recipes["checkpoints"] / "RTE-rdrop"
    log = out["train"].stdout + out["train"].stderr
    assert f"Loaded checkpoint {recipes['roberta']}/model.pt" in log
    steps = json_records(log, "train_inner")
    assert [int(s["num_updates"]) for s in steps] == [1, 2, 3, 4]
    assert all("kl_loss" in s for s in steps)

    metrics = json.loads((save / "dev.metrics.json").read_text())
    rows = read_predictions(save / "dev.predictions.tsv")
    dev = archives["RTE"]["dev"]
    assert [int(r[0]) for r in rows] == list(range(len(dev)))
    assert [r[2] for r in rows] == [d[3] for d in dev]  # gold labels, in the TSV's order
    assert {r[1] for r in rows} <= {"entailment", "not_entailment"}
    accuracy = 100 * np.mean([r[1] == d[3] for r, d in zip(rows, dev)])
    assert 0 <= metrics["accuracy"] <= 100 and metrics["examples"] == len(dev)
    assert metrics["accuracy"] == pytest.approx(accuracy)
    assert f"accuracy {accuracy:.2f}" in out["evaluate"].stdout

    cfg, extra = best_checkpoint(save)
    assert cfg["task"]["_name"] == cfg["criterion"]["_name"] == "rdrop_sentence_prediction"
    assert cfg["criterion"]["rdrop_alpha"] == 1.0 and cfg["optimization"]["lr"] == [1e-05]  # Table 8
    assert not cfg["common"]["fp16"] and cfg["common"]["cpu"]
    assert extra["val_loss"] == pytest.approx(accuracy, abs=0.051)  # fairseq's valid_accuracy (1 decimal)


def test_rte_binaries_hold_the_archive_text(recipes, archives):
    """input0/input1 decode (dictionary -> GPT-2 BPE ids -> bytes) back to
    the archive's sentence1/sentence2; labels keep their own dictionary."""
    from fairseq.data import data_utils

    bin_dir = recipes["data"] / "RTE-bin"
    dev = archives["RTE"]["dev"]
    for key, column in (("input0", 1), ("input1", 2)):
        dataset = data_utils.load_indexed_dataset(str(bin_dir / key / "valid"), None)
        assert len(dataset) == len(dev)
        for i in (0, len(dev) - 1):
            text = decode(dataset[i].tolist(), archives["encoder"], archives["dir"] / "dict.txt")
            assert text == dev[i][column]
    labels = [line.split()[0] for line in (bin_dir / "label" / "dict.txt").read_text().splitlines()]
    assert sorted(s for s in labels if not s.startswith("madeupword")) == ["entailment", "not_entailment"]
    assert (bin_dir / "input0" / "test.bin").exists() and not (bin_dir / "label" / "test.bin").exists()
    processed = recipes["data"] / "RTE-processed"
    assert (processed / "dev.raw.input1").read_text().splitlines() == [d[2] for d in dev]
    assert not list(recipes["data"].glob(".RTE*"))  # no temporary folder left behind


def test_rte_baseline_uses_fairseq_sentence_prediction(recipes):
    out = recipes["RTE"]["baseline"]
    log = out.stdout + out.stderr
    steps = json_records(log, "train_inner")
    assert len(steps) == 4 and not any("kl_loss" in s for s in steps)
    cfg, _ = best_checkpoint(recipes["checkpoints"] / "RTE-baseline")
    assert cfg["task"]["_name"] == cfg["criterion"]["_name"] == "sentence_prediction"
    assert "rdrop_alpha" not in cfg["criterion"]


def test_stsb_regression_end_to_end(recipes, archives):
    """STS-B from random weights (SMOKE without ROBERTA), resumed for two more
    updates: Pearson/Spearman of the written predictions, labels scaled to
    [0, 1] as fairseq's recipe does, equal to fairseq's valid_pearson."""
    out, save = recipes["STS-B"], recipes["checkpoints"] / "STS-B-rdrop"
    assert "random weights" in out["train"].stderr
    resumed = out["resume"].stdout + out["resume"].stderr
    assert "Resuming" in out["resume"].stderr and "(epoch 1 @ 4 updates)" in resumed
    assert [int(s["num_updates"]) for s in json_records(resumed, "train_inner")] == [5, 6]

    metrics = json.loads((save / "dev.metrics.json").read_text())
    rows = read_predictions(save / "dev.predictions.tsv")
    dev = archives["STS-B"]["dev"]
    preds, golds = np.array([float(r[1]) for r in rows]), np.array([float(r[2]) for r in rows])
    np.testing.assert_allclose(golds * 5, [d[9] for d in dev], atol=1e-6)
    pearson = 100 * np.corrcoef(preds, golds)[0, 1]
    # Spearman's ranks: tied values share their mean rank
    ranks = lambda x: np.array([np.mean(np.flatnonzero(np.sort(x) == v)) for v in x])  # noqa: E731
    assert -100 <= metrics["pearson"] <= 100
    assert metrics["pearson"] == pytest.approx(pearson, abs=1e-6)
    spearman = 100 * np.corrcoef(ranks(preds), ranks(golds))[0, 1]
    assert metrics["spearman"] == pytest.approx(spearman, abs=1e-6)
    cfg, extra = best_checkpoint(save)
    assert cfg["criterion"]["regression_target"] and cfg["checkpoint"]["best_checkpoint_metric"] == "pearson"
    assert extra["val_loss"] == pytest.approx(pearson, abs=0.051)


def test_roberta_with_another_vocabulary_is_refused_before_training(recipes, archives, tmp_path):
    other = tmp_path / "roberta.large"
    other.mkdir()
    (other / "model.pt").write_bytes(b"")
    (other / "dict.txt").write_text("".join(f"{i + 7} 1\n" for i in range(10)))
    env = recipe_env(recipes["data"].parent, archives, ROBERTA=other, SAVE_DIR=tmp_path / "save")
    proc = run("train.sh", "RTE", env=env, cwd=tmp_path, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"train.sh: error: {other}/dict.txt differs from the dictionary "
        f"{recipes['data']}/RTE-bin was binarized with"
    ]
    assert not (tmp_path / "save").exists()


TASK_LIST = "MNLI QNLI QQP RTE SST-2 MRPC CoLA STS-B"


@pytest.mark.parametrize(
    "script, args, error",
    [
        ("prepare.sh", ["RTF"], f"unknown GLUE task 'RTF' (one of: {TASK_LIST})"),
        ("train.sh", ["mnli-mm"], f"unknown GLUE task 'mnli-mm' (one of: {TASK_LIST})"),
        ("evaluate.sh", [], f"usage: evaluate.sh TASK (one of: {TASK_LIST})"),
        ("prepare.sh", ["QNLI"], "archive QNLIv2.zip not found in ARCHIVES={archives} and OFFLINE is set"),
        ("prepare.sh", ["MRPC"], "MRPC has no single download: set GLUE_DIR to download_glue_data.py's "
                                 "output or put MRPC.zip in ARCHIVES"),
        ("train.sh", ["sst-2"], "{data}/SST-2-bin not found: run scripts/glue/prepare.sh SST-2 first"),
        ("evaluate.sh", ["CoLA"], "{data}/CoLA-bin not found: run scripts/glue/prepare.sh CoLA first"),
    ],
)  # fmt: skip
def test_bad_input_is_a_one_line_error_before_any_work(script, args, error, tmp_path):
    archives = tmp_path / "archives"
    archives.mkdir()
    env = cli_env()
    env.update(ARCHIVES=str(archives), OFFLINE="1", DATA=str(tmp_path / "data"), NGPUS="0")
    proc = run(script, *args, env=env, cwd=tmp_path, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    expected = error.format(archives=archives, data=tmp_path / "data")
    assert proc.stderr.splitlines() == [f"{script}: error: {expected}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archives"]  # nothing written


def readme_table():
    """{row name: {task: value}} of the hyperparameter table in scripts/glue/README.md."""
    lines = (GLUE / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| hyperparameter |"))
    tasks = [c.strip() for c in lines[start].strip("|").split("|")][1:]
    table = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        name, *values = [c.strip() for c in line.strip("|").split("|")]
        table[name] = dict(zip(tasks, values))
    return table


@pytest.mark.parametrize("config", sorted(TASK_ROWS))
def test_config_holds_the_readme_row(config):
    """Each configs/glue_<task>.yaml has the README's (Table 8) values and
    fairseq's RoBERTa GLUE recipe settings."""
    cfg = OmegaConf.to_container(OmegaConf.load(REPO / "configs" / f"glue_{config}.yaml"))
    column = TASK_ROWS[config]
    row = {name: values[column] for name, values in readme_table().items()}
    assert cfg["optimization"]["lr"] == [float(row["learning rate"])]
    assert cfg["dataset"]["batch_size"] == int(row["batch size (sentences)"])
    assert cfg["optimization"]["max_update"] == int(row["max update"])
    assert cfg["lr_scheduler"]["warmup_updates"] == int(row["warm-up updates"])
    assert cfg["criterion"]["rdrop_alpha"] == float(row["alpha"].rstrip("*"))
    assert cfg["task"]["num_classes"] == int(row["classes"])
    assert cfg["checkpoint"]["best_checkpoint_metric"] == row["best checkpoint by"]
    assert cfg["criterion"].get("regression_target", False) == (column == "STS-B")
    assert cfg["task"]["_name"] == cfg["criterion"]["_name"] == "rdrop_sentence_prediction"
    assert cfg["model"] == {"_name": "roberta_large", "dropout": 0.1, "attention_dropout": 0.1}
    assert cfg["optimizer"] == {
        "_name": "adam", "adam_betas": "(0.9,0.98)", "adam_eps": 1e-06, "weight_decay": 0.01
    }  # fmt: skip
    assert cfg["lr_scheduler"]["_name"] == "polynomial_decay" and cfg["optimization"]["clip_norm"] == 0.0
    assert cfg["task"]["max_positions"] == 512
    assert (cfg["task"]["init_token"], cfg["task"]["separator_token"]) == (0, 2)
    assert all(cfg["checkpoint"][f"reset_{k}"] for k in ("optimizer", "dataloader", "meters"))
    assert cfg["distributed_training"]["find_unused_parameters"]


# fairseq's preprocess_GLUE_tasks.sh, 1-based `cut -f` columns:
# (INPUT_COLUMNS, TEST_INPUT_COLUMNS, LABEL_COLUMN, MNLI's DEV_LABEL_COLUMN)
FAIRSEQ_COLUMNS = {
    "QQP": ((4, 5), (2, 3), 6, None), "MNLI": ((9, 10), (9, 10), 12, 16),
    "QNLI": ((2, 3), (2, 3), 4, None), "MRPC": ((4, 5), (4, 5), 1, None),
    "RTE": ((2, 3), (2, 3), 4, None), "STS-B": ((8, 9), (8, 9), 10, None),
    "SST-2": ((1,), (2,), 2, None), "CoLA": ((4,), (2,), 2, None),
}  # fmt: skip
SPLITS = {"MNLI": (["dev_matched", "dev_mismatched"], ["test_matched", "test_mismatched"])}


@pytest.mark.parametrize("task", sorted(FAIRSEQ_COLUMNS))
def test_columns_headers_and_filters_follow_fairseq(task, tmp_path):
    """From a glue_data/TASK folder: the fields fairseq's script cuts, without
    the header (CoLA train/dev have none), QQP rows of 6 fields only."""
    prep = glue_prepare
    inputs, test_inputs, label, dev_label = FAIRSEQ_COLUMNS[task]
    devs, tests = SPLITS.get(task, (["dev"], ["test"]))
    folder = tmp_path / task
    folder.mkdir()
    width = 6 if task == "QQP" else 16

    def cell(split, row, col):
        return f"{split} r{row} c{col}"

    for split in ["train", *devs, *tests]:
        rows = [[cell(split, r, c) for c in range(1, width + 1)] for r in range(3)]
        if task == "QQP" and split == "train":
            rows.insert(1, rows[1][:5])  # a malformed row, dropped by fairseq's awk NF==6
        header = [[f"h{c}" for c in range(1, width + 1)]]
        if task == "CoLA" and split in ("train", *devs):
            header = []
        (folder / f"{split}.tsv").write_text("".join("\t".join(r) + "\n" for r in header + rows))

    layout = prep.TASKS[task]
    source = prep.Source(str(folder))
    for split in ["train", *devs, *tests]:
        is_test = split in tests
        got_inputs, got_labels = prep.extract(task, layout, source, split, is_test)
        cols = test_inputs if is_test else inputs
        assert got_inputs == [[cell(split, r, c) for r in range(3)] for c in cols]
        if is_test:
            assert got_labels is None
        else:
            col = dev_label if (dev_label and split != "train") else label
            assert got_labels == [cell(split, r, col) for r in range(3)]


def test_stsb_scores_are_scaled_like_awk():
    prep = glue_prepare
    scores = ["5.000", "3.8", "0.4", "1.6", "0", ""]
    assert [prep.stsb_label(s) for s in scores] == ["1", "0.76", "0.08", "0.32", "0", "0"]


def test_prepared_task_is_not_prepared_again(recipes, archives):
    env = recipe_env(recipes["data"].parent, archives)
    before = sorted(p.name for p in (recipes["data"] / "RTE-bin" / "input0").iterdir())
    proc = run("prepare.sh", "rte", env=env, cwd=recipes["data"].parent)
    assert proc.returncode == 0 and "RTE-bin exists; remove it to prepare RTE again" in proc.stderr
    assert sorted(p.name for p in (recipes["data"] / "RTE-bin" / "input0").iterdir()) == before


def test_classification_metrics_of_the_evaluate_script():
    """MCC (CoLA) and F1 of label 1 (MRPC, QQP) from the confusion counts."""
    golds = list("1101100101")
    preds = list("1001110111")
    pairs = list(zip(preds, golds))
    tp, tn, fp, fn = (pairs.count(pair) for pair in [("1", "1"), ("0", "0"), ("1", "0"), ("0", "1")])
    assert (tp, tn, fp, fn) == (5, 2, 2, 1)
    mcc = (tp * tn - fp * fn) / np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    cola = glue_evaluate.metrics("CoLA", preds, golds)
    assert cola["mcc"] == pytest.approx(100 * mcc) and cola["accuracy"] == pytest.approx(70.0)
    mrpc = glue_evaluate.metrics("MRPC", preds, golds)
    assert mrpc["f1"] == pytest.approx(100 * 2 * tp / (2 * tp + fp + fn)) and "mcc" not in mrpc
    rte = glue_evaluate.metrics("RTE", ["entailment"] * 4, ["entailment", "x", "x", "entailment"])
    assert rte == {"accuracy": 50.0}


def test_split_files_are_the_zip_s_shallowest_tsvs(tmp_path, capsys):
    """CoLA.zip-like: CoLA/train.tsv next to CoLA/original/{raw,tokenized}/*.tsv
    and macOS resource forks."""
    write_zip(tmp_path / "CoLA.zip", "CoLA", {
        "train.tsv": "a\t1\t\tx\n", "dev.tsv": "b\t0\t\ty\n",
        "original/train.tsv": "deeper\n", "original/raw/in_domain_train.tsv": "r\n",
        "original/tokenized/in_domain_train.tsv": "t\n",
    })  # fmt: skip
    with zipfile.ZipFile(tmp_path / "CoLA.zip", "a") as z:
        z.writestr("__MACOSX/CoLA/._train.tsv", "junk")
    source = glue_prepare.Source(str(tmp_path / "CoLA.zip"))
    assert source.has("train") and source.has("dev") and not source.has("test")
    assert source.lines("train") == ["a\t1\t\tx"]
    with pytest.raises(SystemExit):
        source.has("in_domain_train")
    assert "several in_domain_train.tsv" in capsys.readouterr().err
