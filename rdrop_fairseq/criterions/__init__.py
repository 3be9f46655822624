from rdrop_fairseq.criterions import adaptive_loss  # noqa: F401
from rdrop_fairseq.criterions import cross_entropy  # noqa: F401
from rdrop_fairseq.criterions import label_smoothed_cross_entropy  # noqa: F401
from rdrop_fairseq.criterions import sentence_prediction  # noqa: F401
