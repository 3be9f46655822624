from dataclasses import dataclass

from fairseq.tasks import register_task
from fairseq.tasks.language_modeling import LanguageModelingConfig, LanguageModelingTask

from rdrop_fairseq.tasks.base import RDropTask, RDropTaskConfig


@dataclass
class RDropLanguageModelingConfig(LanguageModelingConfig, RDropTaskConfig):
    pass


@register_task("rdrop_language_modeling", dataclass=RDropLanguageModelingConfig)
class RDropLanguageModelingTask(RDropTask, LanguageModelingTask):
    """fairseq's ``language_modeling`` with R-Drop's duplicated training
    batches; ``fairseq-eval-lm`` and generation are the parent's."""
