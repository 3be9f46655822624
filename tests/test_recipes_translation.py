"""Translation recipes (scripts/iwslt, scripts/wmt14, scripts/bleu.py) end to end.

Tiny archives in the real shapes (IWSLT's de-en.tgz / en-es.tgz / en-zh.tgz with
train.tags and xml dev/test sets; WMT14's five tarballs) are written from the
Bible fixture (its Spanish side is Spanish for En-Es and stands in for German
and French) or made-up text, then prepare -> train (SMOKE=1, CPU) -> evaluate,
for every IWSLT pair (De-En, En-Es, En-Fr, En-Zh) and WMT14 En-De, En-Fr.
"""

import gzip
import io
import math
import re
import subprocess
import sys
import tarfile
import zlib

import pytest
import sacrebleu

from conftest import REPO, bible_lines, cli_env

import bleu

SCRIPTS = REPO / "scripts"


# ------------------------------------------------------------------ helpers


def pair_lines(split, count, skip=0, src="de"):
    """{src: Spanish verses, "en": the same verses in English} from the Bible fixture."""
    return {src: bible_lines("es", split, count, skip), "en": bible_lines("en", split, count, skip)}


def straight_apostrophes(line):
    """What fairseq's prepare scripts do to the dev/test sets' curly apostrophes."""
    return line.replace("\u2019", "'")


def fake_chinese(sentence):
    """A deterministic made-up 'Chinese' rendering: one or two CJK characters per word."""
    out = []
    for word in sentence.lower().split():
        h = zlib.crc32(word.encode())
        out.append(chr(0x4E00 + h % 3000) + (chr(0x4E00 + (h >> 12) % 3000) if len(word) > 4 else ""))
    return "".join(out) + "。"


def add_file(tar, name, text):
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def add_tarball(path, members, mode="w:gz"):
    with tarfile.open(path, mode) as tar:
        for name, text in members.items():
            if isinstance(text, bytes):
                info = tarfile.TarInfo(name)
                info.size = len(text)
                tar.addfile(info, io.BytesIO(text))
            else:
                add_file(tar, name, text)


def iwslt_train_tags(lines, talk_size=40):
    """train.tags layout: per talk, metadata lines then one sentence per line."""
    out = []
    for t in range(0, len(lines), talk_size):
        out += [
            f"<url>http://www.ted.com/talks/talk_{t}.html</url>",
            "<keywords>talks, science</keywords>",
            f"<talkid>{t}</talkid>",
            f"<title>Talk number {t}</title>",
            f"<description>TED Talk Subtitles and Transcript: talk {t}</description>",
            *lines[t : t + talk_size],
        ]
    return "\n".join(out) + "\n"


def iwslt_xml(lines, setid, lang, side):
    segs = "\n".join(f'<seg id="{i + 1}"> {line} </seg>' for i, line in enumerate(lines))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<mteval>\n<{side} setid="{setid}" srclang="english" '
        f'trglang="{lang}">\n<doc docid="1" genre="lectures">\n<url>http://www.ted.com/x</url>\n'
        f"<talkid>1</talkid>\n<title>A title</title>\n{segs}\n</doc>\n</{side}>\n</mteval>\n"
    )


def make_iwslt_archive(path, year, pair, sides, dev_test):
    """{pair}.tgz with {pair}/train.tags.{pair}.{l} and IWSLT{year}.TED.{set}.{pair}.{l}.xml."""
    a, b = pair.split("-")
    members = {f"{pair}/train.tags.{pair}.{lang}": iwslt_train_tags(sides[lang]) for lang in (a, b)}
    for setname, texts in dev_test.items():
        for lang in (a, b):
            members[f"{pair}/IWSLT{year}.TED.{setname}.{pair}.{lang}.xml"] = iwslt_xml(
                texts[lang], f"iwslt20{year}-{setname}", lang, "srcset" if lang == a else "refset"
            )
    add_tarball(path, members)


def start_script(script, *args, env=None):
    full_env = {**cli_env(), "OMP_NUM_THREADS": "1", "WORKERS": "1", **{k: str(v) for k, v in (env or {}).items()}}
    return subprocess.Popen(
        ["bash", str(SCRIPTS / script), *map(str, args)], env=full_env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def finish(proc, check=True):
    stdout, stderr = proc.communicate()
    done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    if check and proc.returncode != 0:
        raise AssertionError(f"{proc.args[1:]} failed ({proc.returncode}):\n{stdout[-3000:]}\n{stderr[-5000:]}")
    return done


def run_script(script, *args, env=None, check=True):
    return finish(start_script(script, *args, env=env), check)


def bleu_line(text):
    match = re.search(r"^(sacre)?BLEU = ([0-9.]+)", text, re.M)
    assert match, text
    return float(match.group(2))


def wmt_sgm(lines, side, lang):
    tag = "srcset" if side == "src" else "refset"
    segs = "\n".join(f'<seg id="{i + 1}">{line}</seg>' for i, line in enumerate(lines))
    return (
        f'<{tag} setid="newstest2014" srclang="any" trglang="{lang}">\n'
        f'<doc sysid="{side}" docid="1-bbc" genre="news" origlang="en">\n<p>\n{segs}\n</p>\n</doc>\n</{tag}>\n'
    )


def make_wmt14_archives(folder, tgt, train_en, train_tgt, dev, test):
    """The statmt.org tarballs fairseq's prepare-wmt14en2{de,fr}.sh reads, tiny."""
    folder.mkdir(parents=True, exist_ok=True)
    pair = f"{tgt}-en"
    chunks = [(0, len(train_en) // 3), (len(train_en) // 3, 2 * len(train_en) // 3), (2 * len(train_en) // 3, None)]
    parts = [(train_en[a:b], train_tgt[a:b]) for a, b in chunks]

    def corpus(prefix, part):
        en, xx = part
        return {f"{prefix}.en": "\n".join(en) + "\n", f"{prefix}.{tgt}": "\n".join(xx) + "\n"}

    add_tarball(folder / "training-parallel-europarl-v7.tgz", corpus(f"training/europarl-v7.{pair}", parts[0]))
    add_tarball(folder / "training-parallel-commoncrawl.tgz", corpus(f"commoncrawl.{pair}", parts[1]))
    if tgt == "de":
        add_tarball(folder / "training-parallel-nc-v9.tgz", corpus(f"training/news-commentary-v9.{pair}", parts[2]))
    else:  # En-Fr: the last third split over UN, News Commentary and the (gzipped) Gigaword corpus
        en, fr = parts[2]
        k = len(en) // 3
        add_tarball(folder / "training-parallel-un.tgz", corpus(f"un/undoc.2000.{pair}", (en[:k], fr[:k])))
        add_tarball(folder / "training-parallel-nc-v9.tgz", corpus(f"training/news-commentary-v9.{pair}", (en[k : 2 * k], fr[k : 2 * k])))
        giga = corpus("giga-fren.release2.fixed", (en[2 * k :], fr[2 * k :]))
        add_tarball(
            folder / "training-giga-fren.tar", {f"{name}.gz": gzip.compress(text.encode()) for name, text in giga.items()}, "w"
        )
    add_tarball(folder / "dev.tgz", {f"dev/newstest2013.{lang}": "\n".join(dev[lang]) + "\n" for lang in ("en", tgt)})
    code = f"{tgt}en"
    add_tarball(
        folder / "test-full.tgz",
        {
            f"test-full/newstest2014-{code}-src.en.sgm": wmt_sgm(test["en"], "src", "en"),
            f"test-full/newstest2014-{code}-ref.{tgt}.sgm": wmt_sgm(test[tgt], "ref", tgt),
        },
    )


# ------------------------------------------------------------------ IWSLT


WMT_TEST_DE0 = "Ein weithin-bekannter Mann geht über die Straße."  # a compound to split


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """Tiny IWSLT14 de-en.tgz and en-es.tgz, IWSLT17 en-zh.tgz and en-fr.tgz and WMT14
    En-De tarballs, prepared by the recipes (the prepare.sh runs go side by side, to use
    both cores)."""
    root = tmp_path_factory.mktemp("translation")
    out = {}
    # IWSLT14 De-En from the Bible fixture
    sides = pair_lines("train", 360)
    for lang in sides:  # an empty pair: kept in place, then dropped by clean-corpus
        sides[lang][5] = ""
    dev_test = {
        "dev2010": pair_lines("valid", 12),
        "tst2010": pair_lines("test", 20),
        "tst2011": pair_lines("test", 8, skip=20),
    }
    (root / "iwslt14").mkdir()
    make_iwslt_archive(root / "iwslt14" / "de-en.tgz", "14", "de-en", sides, dev_test)
    out["de_en"] = {"data": root / "iwslt14_de_en", "sides": sides, "dev_test": dev_test}
    # IWSLT14 En-Es, cased, joint BPE: the Bible's own Spanish and English
    es_test = pair_lines("valid", 10, skip=12, src="es")
    make_iwslt_archive(root / "iwslt14" / "en-es.tgz", "14", "en-es", pair_lines("train", 240, skip=360, src="es"),
                       {"tst2010": es_test})  # fmt: skip
    out["en_es"] = {"data": root / "iwslt14_en_es", "test": es_test}
    # IWSLT17 En-Zh: English verses and a made-up "Chinese" rendering of them
    en = bible_lines("en", count=240)
    test_en = bible_lines("en", "valid", 10)
    zh_test = {"en": test_en, "zh": [fake_chinese(x) for x in test_en]}
    (root / "iwslt17").mkdir()
    make_iwslt_archive(root / "iwslt17" / "en-zh.tgz", "17", "en-zh", {"en": en, "zh": [fake_chinese(x) for x in en]}, {"tst2015": zh_test})
    out["en_zh"] = {"data": root / "iwslt17_en_zh", "test": zh_test}
    # IWSLT17 En-Fr, cased, joint BPE (the Spanish verses stand in for French)
    make_iwslt_archive(root / "iwslt17" / "en-fr.tgz", "17", "en-fr", pair_lines("train", 240, src="fr"),
                       {"tst2015": pair_lines("valid", 10, src="fr")})  # fmt: skip
    out["en_fr"] = {"data": root / "iwslt17_en_fr"}
    # WMT14 En-De
    dev = pair_lines("valid", 15)
    test = pair_lines("test", 24)
    test["de"][0] = WMT_TEST_DE0
    train = pair_lines("train", 330)
    make_wmt14_archives(root / "wmt14", "de", train["en"], train["de"], dev, test)
    out["wmt_de"] = {"data": root / "wmt14_en_de", "dev": dev, "test": test}

    procs = [
        start_script("iwslt/prepare.sh", "de", "en", env={"ARCHIVES": root / "iwslt14", "DATA": out["de_en"]["data"], "BPE_TOKENS": 300}),
        start_script("iwslt/prepare.sh", "en", "es", env={"ARCHIVES": root / "iwslt14", "DATA": out["en_es"]["data"], "BPE_TOKENS": 200}),
        start_script("iwslt/prepare.sh", "zh", "en", env={"ARCHIVES": root / "iwslt17", "DATA": out["en_zh"]["data"], "BPE_TOKENS": 200}),
        start_script("iwslt/prepare.sh", "fr", "en", env={"ARCHIVES": root / "iwslt17", "DATA": out["en_fr"]["data"], "BPE_TOKENS": 200}),
        start_script("wmt14/prepare.sh", "en", "de", env={"ARCHIVES": root / "wmt14", "OFFLINE": "1", "DATA": out["wmt_de"]["data"], "BPE_TOKENS": 300}),
    ]  # fmt: skip
    for proc in procs:
        finish(proc)
    return out


def test_iwslt_prepare_follows_fairseq_layout(prepared):
    data, sides = prepared["de_en"]["data"], prepared["de_en"]["sides"]
    # metadata lines are gone, titles/descriptions stay as text (prepare-iwslt14.sh)
    train_en = (data / "raw" / "train.en").read_text().splitlines()
    assert len(train_en) == len(sides["en"]) + 2 * math.ceil(len(sides["en"]) / 40)
    assert not any("<url>" in line or "<talkid>" in line or "<keywords>" in line for line in train_en)
    assert "Talk number 0" in train_en and train_en[2 + 5] == ""
    assert (data / "raw" / "train.de").read_text().splitlines()[2 + 6] == sides["de"][6]  # still aligned
    # test = dev2010, tst2010, tst2011 in that order; the tokenized references are lowercased
    dev_test = prepared["de_en"]["dev_test"]
    expected = dev_test["dev2010"]["en"] + dev_test["tst2010"]["en"] + dev_test["tst2011"]["en"]
    assert (data / "raw" / "test.en").read_text().splitlines() == [straight_apostrophes(x) for x in expected]
    tok = (data / "tok" / "test.en").read_text().splitlines()
    assert len(tok) == len(expected) and tok[1] == tok[1].lower() and tok[1].endswith(" .")
    # every 23rd (cleaned) training pair is the valid set; one joined dictionary
    n_train = len((data / "bpe" / "train.de").read_text().splitlines())
    n_valid = len((data / "bpe" / "valid.de").read_text().splitlines())
    assert n_valid == (n_train + n_valid) // 23
    assert (data / "bin" / "dict.de.txt").read_text() == (data / "bin" / "dict.en.txt").read_text()
    assert "@@" in (data / "bpe" / "train.en").read_text()


def test_iwslt_train_rdrop_and_baseline_then_evaluate(prepared, tmp_path):
    env = {"DATA": prepared["de_en"]["data"], "SMOKE": "1", "NGPUS": "0"}
    base = start_script("iwslt/train.sh", "de", "en", env={**env, "SAVE_DIR": tmp_path / "base", "BASELINE": "1"})
    rdrop = run_script("iwslt/train.sh", "de", "en", env={**env, "SAVE_DIR": tmp_path / "rdrop"})
    base = finish(base)
    assert "kl_loss" in rdrop.stdout and (tmp_path / "rdrop" / "checkpoint_best.pt").exists()
    log = (tmp_path / "rdrop" / "train.log").read_text()
    assert "kl_loss" in log and log.startswith("effective batch: 1000 = 1 x 1000 x 1 tokens")
    assert '"num_updates": "4"' in base.stdout and "kl_loss" not in base.stdout + base.stderr
    # both select checkpoint_best.pt by validation BLEU (fairseq's --eval-bleu)
    assert '"valid_bleu"' in base.stdout and '"valid_bleu"' in rdrop.stdout

    out = run_script("iwslt/evaluate.sh", "de", "en", "--max-len-b", "20", env={**env, "SAVE_DIR": tmp_path / "rdrop"})
    # plain tokenized BLEU, then compound-split BLEU (the authors' scoring); the scorer
    # itself is checked against hand-counted n-grams in test_metrics.py
    plain, split = re.findall(r"^(compound-split )?BLEU = ([0-9.]+),", out.stdout, re.M)
    assert plain[0] == "" and split[0] == "compound-split "
    assert (tmp_path / "rdrop" / "test.bleu").read_text() == out.stdout
    hyps = (tmp_path / "rdrop" / "test.hyp").read_text().splitlines()
    refs = (prepared["de_en"]["data"] / "tok" / "test.en").read_text().splitlines()
    assert len(hyps) == len(refs) == 40


def test_iwslt_sacrebleu_directions_train_then_evaluate(prepared, tmp_path):
    # En->Es, En->Zh and Fr->En, the pairs scored with sacreBLEU: characters and the zh
    # tokenizer into Chinese; Moses detokenization and 13a otherwise (validation BLEU
    # the same way, as train.sh sets it); the directions side by side, to use both cores
    runs = {("en", "es"): "en_es", ("en", "zh"): "en_zh", ("fr", "en"): "en_fr"}
    envs = {pair: {"DATA": prepared[data]["data"], "SMOKE": "1", "NGPUS": "0", "SAVE_DIR": tmp_path / data}
            for pair, data in runs.items()}  # fmt: skip
    trains = {pair: start_script("iwslt/train.sh", *pair, env=env) for pair, env in envs.items()}
    trains = {pair: finish(proc) for pair, proc in trains.items()}
    evals = {pair: start_script("iwslt/evaluate.sh", *pair, "--max-len-b", "20", env=env) for pair, env in envs.items()}
    evals = {pair: finish(proc) for pair, proc in evals.items()}
    for (src, tgt), data in runs.items():
        assert "kl_loss" in trains[src, tgt].stdout and '"valid_bleu"' in trains[src, tgt].stdout
        tokenizer = "zh" if tgt == "zh" else "13a"
        line = rf"sacreBLEU = [0-9.]+ \(BLEU = .*\) nrefs:1\|case:mixed\|eff:no\|tok:{tokenizer}\|.*\n"
        assert re.fullmatch(line, evals[src, tgt].stdout), evals[src, tgt].stdout
        hyps = (tmp_path / data / "test.hyp").read_text().splitlines()
        assert len(hyps) == len((prepared[data]["data"] / "raw" / f"test.{tgt}").read_text().splitlines()) == 10
        if tgt == "zh":  # no spaces left between Chinese characters
            assert not any(re.search("[\u4e00-\u9fff] [\u4e00-\u9fff]", h) for h in hyps)


def test_iwslt14_en_es_keeps_case_and_one_joined_dictionary(prepared):
    data, test = prepared["en_es"]["data"], prepared["en_es"]["test"]
    assert (data / "raw" / "test.es").read_text().splitlines() == [straight_apostrophes(x) for x in test["es"]]
    tok = (data / "tok" / "test.es").read_text().splitlines()
    assert len(tok) == len(test["es"]) and tok != [line.lower() for line in tok]  # cased, unlike De-En
    assert (data / "bin" / "dict.en.txt").read_text() == (data / "bin" / "dict.es.txt").read_text()
    assert (data / "bin" / "train.en-es.es.bin").exists()


def test_iwslt17_en_zh_uses_characters_and_separate_dictionaries(prepared):
    data, test = prepared["en_zh"]["data"], prepared["en_zh"]["test"]
    tok_zh = (data / "tok" / "test.zh").read_text().splitlines()
    assert tok_zh[0] == " ".join(test["zh"][0])  # one token per character before BPE
    assert (data / "raw" / "test.zh").read_text().splitlines() == test["zh"]
    assert (data / "bin" / "dict.zh.txt").read_text() != (data / "bin" / "dict.en.txt").read_text()
    assert (data / "bpe" / "code.zh").read_text() != (data / "bpe" / "code.en").read_text()
    assert (data / "bin" / "train.en-zh.zh.bin").exists()


def test_recipe_inputs_are_checked_first(tmp_path):
    env = {"ARCHIVES": tmp_path, "OFFLINE": "1", "DATA": tmp_path / "data"}
    cases = [
        ("iwslt/prepare.sh", ["de", "en"], "archive de-en.tgz not found"),
        ("iwslt/prepare.sh", ["de", "fr"], "unsupported direction 'de->fr'"),
        ("iwslt/train.sh", ["en", "zh"], "run scripts/iwslt/prepare.sh en zh first"),
        ("wmt14/prepare.sh", ["en", "ro"], "unsupported direction 'en->ro'"),
        ("wmt14/prepare.sh", ["en", "fr"], "training-parallel-un.tgz training-parallel-nc-v9.tgz"),
        ("wmt14/evaluate.sh", ["en", "de"], "run scripts/wmt14/prepare.sh en de first"),
    ]
    (tmp_path / "training-parallel-europarl-v7.tgz").write_bytes(b"")
    for script, args, message in cases:
        proc = run_script(script, *args, env=env, check=False)
        assert proc.returncode == 2, (script, args, proc.stderr)
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "error:" in lines[0] and message in lines[0], (script, args, proc.stderr)
    assert not (tmp_path / "data").exists()  # nothing half-written


# ------------------------------------------------------------------ WMT14


def test_wmt14_en_de_prepare_train_evaluate_with_compound_split(prepared, tmp_path):
    data, dev, test = (prepared["wmt_de"][k] for k in ("data", "dev", "test"))
    assert (data / "raw" / "valid.de").read_text().splitlines() == [straight_apostrophes(x) for x in dev["de"]]
    assert (data / "raw" / "test.de").read_text().splitlines() == [straight_apostrophes(x) for x in test["de"]]
    tok = (data / "tok" / "test.de").read_text().splitlines()
    assert tok[0].startswith("Ein weithin @-@ bekannter Mann")  # Moses -a, case kept
    assert (data / "bin" / "dict.en.txt").read_text() == (data / "bin" / "dict.de.txt").read_text()

    env = {"DATA": data, "SMOKE": "1", "NGPUS": "0", "SAVE_DIR": tmp_path / "ckpt"}
    train = run_script("wmt14/train.sh", "en", "de", env=env)
    assert "kl_loss" in train.stdout and "transformer_vaswani_wmt_en_de_big" in train.stdout
    # the smoke run saves every 2 updates: checkpoint_EPOCH_2.pt and checkpoint_EPOCH_4.pt
    ckpt = tmp_path / "ckpt"
    saved = sorted(ckpt.glob("checkpoint_*_*.pt"), key=lambda p: int(p.stem.split("_")[2]))
    assert [int(p.stem.split("_")[2]) for p in saved] == [2, 4]
    too_many = run_script("wmt14/evaluate.sh", "en", "de", env={**env, "AVERAGE": "3"}, check=False)
    assert too_many.returncode != 0 and "fewer than the 3 to average" in too_many.stderr
    out = run_script("wmt14/evaluate.sh", "en", "de", "--max-len-b", "20", env={**env, "AVERAGE": "2"})
    assert f"averaging 2 checkpoints: {saved[0].name} {saved[1].name}" in out.stderr
    assert (ckpt / "checkpoint.avg2.pt").exists()
    score = bleu_line(out.stdout)
    hyps = [bleu.compound_split(h) for h in (tmp_path / "ckpt" / "test.hyp").read_text().splitlines()]
    refs = [bleu.compound_split(r) for r in tok]
    assert "weithin ##AT##-##AT## bekannter" in refs[0]
    expected = sacrebleu.corpus_bleu(hyps, [refs], tokenize="none", smooth_method="none").score
    assert score == pytest.approx(expected, abs=0.006)
    assert "sacreBLEU = " in out.stdout


def test_wmt14_en_fr_extraction_reads_all_five_corpora(tmp_path):
    """prepare.sh en fr runs the En-De steps on these; only the extraction differs."""
    n = 240
    train = pair_lines("train", n, src="fr")  # Spanish as "French"
    en, fr = train["en"], train["fr"]
    dev = pair_lines("valid", 6, src="fr")
    test = pair_lines("valid", 9, skip=6, src="fr")
    make_wmt14_archives(tmp_path / "archives", "fr", en, fr, dev, test)
    proc = subprocess.run(
        [sys.executable, SCRIPTS / "mt_prep.py", "wmt14-extract", tmp_path / "archives", "fr", tmp_path / "raw"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert f"en-fr: {n} train, 6 valid, 9 test lines" in proc.stderr
    # in fairseq's order: Europarl, Common Crawl, UN, News Commentary, Gigaword
    assert (tmp_path / "raw" / "train.fr").read_text().splitlines() == fr
    assert (tmp_path / "raw" / "train.en").read_text().splitlines() == en
    assert (tmp_path / "raw" / "test.fr").read_text().splitlines() == [straight_apostrophes(x) for x in test["fr"]]
    assert (tmp_path / "raw" / "valid.en").read_text().splitlines() == [straight_apostrophes(x) for x in dev["en"]]


def test_wmt14_en_fr_prepare_train_evaluate(tmp_path):
    """En-Fr end to end, as En-De: prepare from the five tarballs, a smoke
    training of R-Drop (configs/wmt14_en_fr_rdrop.yaml: the big transformer),
    averaged checkpoints scored with tokenized BLEU (no compound splitting:
    that is En-De's)."""
    train = pair_lines("train", 300, src="fr")  # Spanish as "French"
    dev, test = pair_lines("valid", 12, src="fr"), pair_lines("test", 16, src="fr")
    make_wmt14_archives(tmp_path / "archives", "fr", train["en"], train["fr"], dev, test)
    data = tmp_path / "wmt14_en_fr"
    run_script("wmt14/prepare.sh", "en", "fr",
               env={"ARCHIVES": tmp_path / "archives", "OFFLINE": "1", "DATA": data, "BPE_TOKENS": 300})  # fmt: skip
    assert (data / "raw" / "test.fr").read_text().splitlines() == [straight_apostrophes(x) for x in test["fr"]]
    assert (data / "bin" / "dict.en.txt").read_text() == (data / "bin" / "dict.fr.txt").read_text()

    env = {"DATA": data, "SMOKE": "1", "NGPUS": "0", "SAVE_DIR": tmp_path / "ckpt"}
    trained = run_script("wmt14/train.sh", "en", "fr", env=env)
    assert "kl_loss" in trained.stdout and "transformer_vaswani_wmt_en_de_big" in trained.stdout
    out = run_script("wmt14/evaluate.sh", "en", "fr", "--max-len-b", "20", env={**env, "AVERAGE": "2"})
    score = bleu_line(out.stdout)
    hyps = (tmp_path / "ckpt" / "test.hyp").read_text().splitlines()
    refs = (data / "tok" / "test.fr").read_text().splitlines()
    assert len(hyps) == len(refs) == 16
    expected = sacrebleu.corpus_bleu(hyps, [refs], tokenize="none", smooth_method="none").score
    assert score == pytest.approx(expected, abs=0.006)
