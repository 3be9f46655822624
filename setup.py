from setuptools import find_packages, setup

# what the paper-reproduction scripts (scripts/<dataset>/, plot_curves.py) need
# beyond the plugin: tokenization, BPE, metrics, plots (long-stable APIs: no
# version bound needed)
RECIPES = [
    "sacremoses",  # Moses tokenization (mt_prep.py) and detokenization (bleu.py)
    "subword-nmt",  # BPE of the translation recipes
    "rouge-score",  # CNN/DailyMail ROUGE
    "scipy",  # GLUE STS-B correlations
    "scikit-learn",  # GLUE CoLA MCC, MRPC/QQP F1
    "matplotlib",  # learning curves (plot_curves.py)
]

# fairseq 0.12 and a torch the plugin supports (TORCH_FLOOR in
# rdrop_fairseq/dependencies.py: the oldest torch it has run on, and where
# fairseq-fixed's torchaudio puts a fresh install anyway)
FAIRSEQ = [
    # PyPI's fairseq 0.12.2 no longer imports on Python >= 3.11; fairseq-fixed
    # ships the same `fairseq` package, patched. The plugin patches fairseq
    # 0.12's internals (compat.py); 0.12.3.1 is the first (and tested)
    # fairseq-fixed release.
    "fairseq>=0.12.2,<0.13; python_version < '3.11'",
    "fairseq-fixed>=0.12.3.1,<0.13; python_version >= '3.11'",
    "torch>=2.11",
]

setup(
    name="rdrop-fairseq",
    version="0.1.0",
    description="R-Drop (Liang et al., NeurIPS 2021) as a fairseq plugin",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="MIT",
    # the plugin, and the tools its command-line scripts share (importable
    # from any folder): the project's own names only, nothing generic
    packages=find_packages(include=["rdrop_fairseq", "rdrop_fairseq.*", "rdrop_tools"]),
    # the code uses zip(strict=...) and str.removeprefix
    python_requires=">=3.10",
    # Neither fairseq nor torch: installing the plugin keeps the fairseq (any
    # distribution of the `fairseq` package at 0.12: a release, a git checkout,
    # fairseq-fixed) and the torch build already in the environment. Both are
    # checked at import instead, with one line if missing or unsupported
    # (rdrop_fairseq/dependencies.py); the `fairseq` extra below installs them.
    install_requires=[
        # scripts/bleu.py and its tests are checked against sacreBLEU 2's API and scores
        "sacrebleu>=2.0",
        # scripts/spm.py: keyword training and encode(out_type=str), new in 0.1.91
        "sentencepiece>=0.1.91",
    ],
    extras_require={
        # for an environment without fairseq: `pip install "rdrop-fairseq[fairseq]"`
        "fairseq": FAIRSEQ,
        "recipes": RECIPES,
        # the tests run every recipe end to end, and check that README.md renders
        # pytest >= 7: pytest.ini's `pythonpath`; markdown-it-py >= 3: the
        # release the README test's token checks are written against
        "test": ["pytest>=7", "markdown-it-py>=3", *RECIPES],
    },
)
