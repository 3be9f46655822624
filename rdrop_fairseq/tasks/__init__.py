from rdrop_fairseq.tasks import language_modeling  # noqa: F401
from rdrop_fairseq.tasks import sentence_prediction  # noqa: F401
from rdrop_fairseq.tasks import translation  # noqa: F401
