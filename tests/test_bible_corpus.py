"""Tests for scripts/bible_corpus.py on hand-written diatheke-style text.

The samples mimic what ``diatheke -f plain -o f`` really prints for the two
modules: RV1909 verses are one line with Strong's residue (``<G3056>``); WEB
verses span lines, carry ``[c:v note]`` footnotes, and from the Psalms on every
header is indented below a (sticky, repeated) psalm title, sometimes with raw
OSIS markup on the header's line. Only the last test needs diatheke.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bible_corpus as bc

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bible_corpus.py"

ES = """\
Genesis 1:1: EN el principio crió Dios los cielos y la tierra.
Genesis 1:2: Y la tierra estaba desordenada y vacía, y las tinieblas estaban sobre la haz del abismo, y el Espíritu de Dios se movía sobre la haz de las aguas.
Genesis 1:3: Y dijo Dios: Sea la luz: y fué la luz.
Genesis 1:4: Y vió Dios que la luz era buena: y apartó Dios la luz de las tinieblas.
Psalms 3:1: Salmo de David, cuando huía de delante de Absalom su hijo. ¡OH Jehová, cuánto se han multiplicado mis enemigos! Muchos se levantan contra mí.
Psalms 3:2: Muchos dicen de mi vida: No hay para él salud en Dios. (Selah.)
Psalms 3:3: 
John 1:1: EN el principio era el Verbo <G3056>, y el Verbo era con Dios, y el Verbo era Dios.
John 1:2: Este era en el principio con Dios.
John 1:3: Todas las cosas por él fueron hechas; y sin él nada de lo que es hecho, fué hecho.
(spaRV1909eb)
"""

TITLE = "A Psalm by David, when he fled from Absalom his son."
EN = f"""\
Genesis 1:1: In the beginning, God [1:1 The Hebrew word rendered “God” is “Elohim”.] created the heavens and the earth.
Genesis 1:3: God said, “Let there be light,” and there was light.
Genesis 1:4: God saw the light, and saw that it was good. God divided the light from the darkness.


{TITLE}
  Psalms 3:1: Yahweh, how my adversaries have increased!
Many are those who rise up against me. 

{TITLE}
  Psalms 3:2: Many there are who say of my soul,
“There is no help for him in God.”
Selah.

{TITLE}
  Psalms 3:3: But you, Yahweh, are a shield around me,
my glory, and the one who lifts up my head. 

{TITLE}
  John 1:1: In the beginning was the Word, and the Word was with God, and the Word was God.¶
<title canonical="true" type="psalm">{TITLE}</title> <lg sID="gen1"/> <l level="1" sID="gen2"/>John 1:2: The same was in the beginning with God.
{TITLE}
  John 1:3: All things were made through him. Without him, nothing was made that has been made.
{TITLE}
  Tobit 1:1: The book of the words of Tobit.

(engWEB2015eb)
"""


def write_samples(tmp_path):
    es, en = tmp_path / "es.txt", tmp_path / "en.txt"
    es.write_text(ES, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return str(es), str(en)


def test_parse_joins_lines_and_drops_headings():
    en = bc.parse_verses(EN)
    assert list(en)[:2] == [("Genesis", 1, 1), ("Genesis", 1, 3)]
    # continuation lines joined; the repeated title above 3:2 is not verse text
    assert en[("Psalms", 3, 2)] == "Many there are who say of my soul, “There is no help for him in God.” Selah."
    # a *new* title before verse 1 is the psalm superscription (RV1909 has it in 3:1)
    assert en[("Psalms", 3, 1)] == TITLE + " Yahweh, how my adversaries have increased! Many are those who rise up against me."
    # the sticky title before John 1:1, and the markup line before John 1:2, are dropped
    assert en[("John", 1, 1)].startswith("In the beginning was")
    assert en[("John", 1, 2)] == "The same was in the beginning with God."
    # the trailing "(engWEB2015eb)" tag is not part of the last verse
    assert en[("Tobit", 1, 1)] == "The book of the words of Tobit."


def test_markup_and_footnotes_removed():
    es, en = bc.parse_verses(ES), bc.parse_verses(EN)
    assert es[("John", 1, 1)] == "EN el principio era el Verbo, y el Verbo era con Dios, y el Verbo era Dios."
    assert en[("Genesis", 1, 1)] == "In the beginning, God created the heavens and the earth."
    assert en[("John", 1, 1)].endswith("the Word was God.")  # pilcrow gone
    for text in list(es.values()) + list(en.values()):
        assert not any(c in text for c in "<>[]¶\n") and "  " not in text and text == text.strip()


def test_align_by_reference_drops_missing_and_empty():
    pairs, dropped = bc.align(bc.parse_verses(ES), bc.parse_verses(EN))
    refs = [ref for ref, _, _ in pairs]
    assert refs == [("Genesis", 1, 1), ("Genesis", 1, 3), ("Genesis", 1, 4),
                    ("Psalms", 3, 1), ("Psalms", 3, 2),
                    ("John", 1, 1), ("John", 1, 2), ("John", 1, 3)]  # fmt: skip
    by_ref = {ref: (es, en) for ref, es, en in pairs}
    assert "principio" in by_ref[("Genesis", 1, 1)][0] and "beginning" in by_ref[("Genesis", 1, 1)][1]
    assert by_ref[("Genesis", 1, 4)][1].startswith("God saw the light")
    # Gen 1:2 only in Spanish, Ps 3:3 empty in Spanish, Tobit only in English
    assert dropped == {"es_only": 1, "empty": 1, "en_only": 1}


def test_length_check_drops_renumbered_chapter():
    """A chapter shifted by one verse (as RV1909 Num 13) fails the length check."""
    lens = [40, 180, 60, 150, 30, 120, 50, 200]
    es = {("Numbers", 13, v + 1): "a" * n for v, n in enumerate(lens)}
    en = {("Numbers", 13, v + 1): "b" * n for v, n in enumerate(lens[1:] + [90])}
    en.update({("Numbers", 14, v + 1): "c" * n for v, n in enumerate(lens)})
    es.update({("Numbers", 14, v + 1): "d" * n for v, n in enumerate(lens)})
    pairs, dropped = bc.align(es, en)
    assert {ref[1] for ref, _, _ in pairs} == {14} and dropped["length"] == len(lens)
    pairs, _ = bc.align(es, en, check_lengths=False)
    assert len(pairs) == 2 * len(lens)


def test_split_is_deterministic_and_disjoint():
    pairs, _ = bc.align(bc.parse_verses(ES), bc.parse_verses(EN))
    s1 = bc.split(pairs, ["Psalms"], ["john"])
    s2 = bc.split(list(pairs), ["Psalms"], ["john"])
    assert s1 == s2
    assert {p[0][0] for p in s1["train"]} == {"Genesis"}
    assert {p[0][0] for p in s1["valid"]} == {"Psalms"} and {p[0][0] for p in s1["test"]} == {"John"}
    assert sum(map(len, s1.values())) == len(pairs)
    with pytest.raises(ValueError):
        bc.split(pairs, ["John"], ["John"])


def test_cli_from_text_writes_aligned_files(tmp_path, capsys):
    es, en = write_samples(tmp_path)
    out = tmp_path / "out"
    argv = ["--out", str(out), "--from-text", es, en, "--valid-books", "Psalms", "--test-books", "John"]
    assert bc.main(argv) == 0
    summary = capsys.readouterr().out
    assert "train: 3 pairs" in summary and "valid: 2 pairs" in summary and "test: 3 pairs" in summary
    assert sorted(os.listdir(out)) == sorted(f"{s}.{l}" for s in ("train", "valid", "test") for l in ("es", "en"))
    for name in ("train", "valid", "test"):
        es_lines = (out / f"{name}.es").read_text(encoding="utf-8").split("\n")
        en_lines = (out / f"{name}.en").read_text(encoding="utf-8").split("\n")
        assert es_lines[-1] == en_lines[-1] == ""  # newline-terminated
        assert len(es_lines) == len(en_lines) and all(es_lines[:-1]) and all(en_lines[:-1])
    test_es = (out / "test.es").read_text(encoding="utf-8").splitlines()
    test_en = (out / "test.en").read_text(encoding="utf-8").splitlines()
    assert test_es[1] == "Este era en el principio con Dios."
    assert test_en[1] == "The same was in the beginning with God."
    # unknown held-out book: clear error, exit code 2
    with pytest.raises(SystemExit) as stop:
        bc.main(["--out", str(out), "--from-text", es, en, "--test-books", "Judith"])
    assert stop.value.code == 2
    assert "unknown book" in capsys.readouterr().err


def test_missing_diatheke_is_one_line_error(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # no diatheke on PATH
    r = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path / "out")],
                       env=env, capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert "apt-get install diatheke sword-text-sparv sword-text-web" in r.stderr
    assert "--from-text ES_FILE EN_FILE" in r.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    shutil.which("diatheke") is None or bc.check_diatheke() is not None,
    reason="needs diatheke with spaRV1909eb and engWEB2015eb (apt-get install diatheke sword-text-sparv sword-text-web)",
)
def test_real_modules(tmp_path):
    out = tmp_path / "bible"
    assert bc.main(["--out", str(out)]) == 0
    counts = {}
    for name in ("train", "valid", "test"):
        es = (out / f"{name}.es").read_text(encoding="utf-8").splitlines()
        en = (out / f"{name}.en").read_text(encoding="utf-8").splitlines()
        assert len(es) == len(en) and all(es) and all(en)
        counts[name] = len(es)
        if name == "train":  # Genesis 1:1 is the first training pair
            assert "principio" in es[0] and "beginning" in en[0]
            # the title is kept once (Psalm 145:1), not before every later verse
            assert sum("A praise psalm by David." in line for line in en) == 1
    assert sum(counts.values()) >= 25000
    assert 1000 <= counts["valid"] <= 3000 and 1000 <= counts["test"] <= 3000


def test_sample_takes_short_pairs_spread_over_each_split():
    # verse i has i % 5 + 1 words a side
    pairs = [(("Genesis", 1, i + 1), " ".join(["uno"] * (i % 5 + 1)), " ".join(["one"] * (i % 5 + 1))) for i in range(20)]
    short = [p for p in pairs if p[0][2] - 1 in (0, 1, 2, 5, 6, 7, 10, 11, 12, 15, 16, 17)]  # at most 3 words
    splits = {"train": pairs, "valid": pairs[:4], "test": pairs[5:9]}
    out = bc.subsample(splits, {"train": 3, "valid": 1, "test": 2}, max_words=3)
    assert out["train"] == [short[0], short[4], short[8]]  # every 12/3 = 4th short pair
    assert out["valid"] == [pairs[0]] and out["test"] == [pairs[5], pairs[6]]
    with pytest.raises(ValueError, match="fewer than the 4"):
        bc.subsample(splits, {"train": 3, "valid": 4, "test": 1}, max_words=3)
