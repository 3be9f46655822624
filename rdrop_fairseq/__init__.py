"""R-Drop for fairseq: ``fairseq-train --user-dir rdrop_fairseq ...``.

Importing the package registers its criterions and tasks with fairseq.
"""

from rdrop_fairseq import compat

compat.install()

from rdrop_fairseq import criterions, tasks  # noqa: E402,F401
