from dataclasses import dataclass

from fairseq.tasks import register_task
from fairseq.tasks.sentence_prediction import (
    SentencePredictionConfig,
    SentencePredictionTask,
)

from rdrop_fairseq.tasks.base import RDropTask, RDropTaskConfig


@dataclass
class RDropSentencePredictionTaskConfig(SentencePredictionConfig, RDropTaskConfig):
    pass


@register_task("rdrop_sentence_prediction", dataclass=RDropSentencePredictionTaskConfig)
class RDropSentencePredictionTask(RDropTask, SentencePredictionTask):
    """fairseq's ``sentence_prediction`` with R-Drop's duplicated training
    batches; validation metrics (accuracy, MCC, F1, Pearson/Spearman) are
    the parent's."""
