from setuptools import find_packages, setup

setup(
    name="rdrop-fairseq",
    version="0.1.0",
    description="R-Drop (Liang et al., NeurIPS 2021) as a fairseq plugin",
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    packages=find_packages(include=["rdrop_fairseq", "rdrop_fairseq.*"]),
    python_requires=">=3.8",
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
        "matplotlib",
    ],
    extras_require={
        # tokenization, BPE and metrics for the paper's reproduction scripts
        "recipes": ["sacremoses", "subword-nmt", "rouge-score"],
        "test": ["pytest", "sacremoses", "subword-nmt", "rouge-score"],
    },
)
