from dataclasses import dataclass

from fairseq.tasks import register_task
from fairseq.tasks.translation import TranslationConfig, TranslationTask

from rdrop_fairseq.tasks.base import RDropTask, RDropTaskConfig


@dataclass
class RDropTranslationConfig(TranslationConfig, RDropTaskConfig):
    pass


@register_task("rdrop_translation", dataclass=RDropTranslationConfig)
class RDropTranslationTask(RDropTask, TranslationTask):
    """fairseq's ``translation`` with R-Drop's duplicated training batches;
    every translation option (``--eval-bleu`` included) works as before."""
