#!/usr/bin/env python3
"""Small translation runs trained to convergence: corpus slices, one result
row per run, and the tables and plot over seeds.

The command line of ``rdrop_tools.small_runs`` for translation: the main
job (``scripts/quickstart.sh``) and the measured reproduction
(``benchmarks/reproduce_small.sh``) both go through it, so they report a run
the same way: why it stopped (``patience`` means converged), its best epoch,
and the test BLEU of its best checkpoint.

    small_mt.py sample --src train.es --tgt train.en --pairs 2000 --out-prefix slice/train
    small_mt.py record --csv quality.csv --log run.log --bleu run.bleu --minutes 12.5 --max-epoch 300 \\
        --corpus bible --pairs 2000 --variant ours --alpha 5 --seed 1
    small_mt.py table --csv quality.csv [--corpus bible --pairs 2000]
    small_mt.py plot --csv quality.csv --log baseline=b.log --log ours=o.log --out curves.png
"""

from rdrop_tools.small_runs import translation_main

if __name__ == "__main__":
    translation_main()
