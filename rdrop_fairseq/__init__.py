"""R-Drop for fairseq: ``fairseq-train --user-dir rdrop_fairseq ...``.

Importing the package registers its criterions and tasks with fairseq.
"""

from rdrop_fairseq import dependencies

dependencies.check()  # one line if torch or fairseq is missing or unsupported

from rdrop_fairseq import compat  # noqa: E402

compat.install()

from rdrop_fairseq import criterions, tasks  # noqa: E402,F401
