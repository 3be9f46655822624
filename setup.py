from setuptools import find_packages, setup

# what the paper-reproduction scripts (scripts/<dataset>/, plot_curves.py) need
# beyond the plugin: tokenization, BPE, metrics, plots
RECIPES = [
    "sacremoses",  # Moses tokenization (mt_prep.py) and detokenization (bleu.py)
    "subword-nmt",  # BPE of the translation recipes
    "rouge-score",  # CNN/DailyMail ROUGE
    "scipy",  # GLUE STS-B correlations
    "scikit-learn",  # GLUE CoLA MCC, MRPC/QQP F1
    "matplotlib",  # learning curves (plot_curves.py)
]

setup(
    name="rdrop-fairseq",
    version="0.1.0",
    description="R-Drop (Liang et al., NeurIPS 2021) as a fairseq plugin",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="MIT",
    packages=find_packages(include=["rdrop_fairseq", "rdrop_fairseq.*"]),
    # helpers of the command-line scripts, importable from any folder
    py_modules=["rdrop_scripts"],
    # the code uses zip(strict=...) and str.removeprefix
    python_requires=">=3.10",
    install_requires=[
        # Pinned on purpose: an unpinned torch resolves to a multi-GB CUDA
        # build. GPU users install a CUDA build of this version first (README).
        "torch==2.13.0",
        # PyPI's fairseq 0.12.2 no longer imports on Python >= 3.11;
        # fairseq-fixed ships the same `fairseq` package, patched.
        "fairseq>=0.12.2; python_version < '3.11'",
        "fairseq-fixed==0.12.3.1; python_version >= '3.11'",
        "sacrebleu>=2.0",
        "sentencepiece",
    ],
    extras_require={
        "recipes": RECIPES,
        # the tests run every recipe end to end, and check that README.md renders
        "test": ["pytest>=7", "markdown-it-py>=3", *RECIPES],
    },
)
