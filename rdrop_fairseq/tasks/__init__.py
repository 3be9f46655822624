from rdrop_fairseq.tasks import translation  # noqa: F401
