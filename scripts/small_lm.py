#!/usr/bin/env python3
"""Small language models trained to convergence: one result row per run, and
the tables and plot over seeds.

The command line of ``rdrop_tools.small_runs`` for language models: the LM quickstart
(``scripts/quickstart.sh lm``) and the measured reproduction
(``benchmarks/reproduce_small.sh`` with an ``lm`` slice) report a run the
same way: why it stopped (``patience`` means converged), its best epoch, and
the test perplexity of its best checkpoint (``fairseq-eval-lm``).

    small_lm.py record --csv lm_quality.csv --log run.log --ppl run.json --minutes 12.5 --max-epoch 300 \\
        --corpus bible --tokens 146704 --arch transformer_lm --variant ours --alpha 1 --seed 1
    small_lm.py table --csv lm_quality.csv [--corpus bible --tokens 146704]
    small_lm.py plot --log baseline=b.log --log ours=o.log --out curves.png
"""

from rdrop_tools.small_runs import language_model_main

if __name__ == "__main__":
    language_model_main()
