"""Reusing a fairseq criterion's ``forward`` verbatim on the stacked copies.

Some fairseq criterions compute the tensors the consistency loss needs (the
adaptive softmax's head and tail logits, a classification head's logits)
inside ``forward`` and return only the loss. Rather than copying that
``forward``, the R-Drop subclass runs it on the duplicated batch and reads
the tensors off the module that produced them with a forward hook: the
parent's loss, regularisers and metrics stay exactly the parent's.
"""

import contextlib


@contextlib.contextmanager
def captured_outputs(module):
    """Collect every output of ``module`` produced inside the ``with`` block."""
    outputs = []
    handle = module.register_forward_hook(lambda _, __, output: outputs.append(output))
    try:
        yield outputs
    finally:
        handle.remove()


def only_output(outputs, module_name):
    if len(outputs) != 1:
        raise RuntimeError(
            f"expected one call of {module_name} per forward, got {len(outputs)}"
        )
    return outputs[0]


def per_copy(logging_output, copies, keys):
    """The parent's logging output over the stacked batch, read per copy so
    it compares with a baseline run (counts divide exactly: every copy holds
    the same sentences)."""
    out = dict(logging_output)
    for key in keys:
        if key in out:
            value = out[key]
            out[key] = value // copies if isinstance(value, int) else value / copies
    return out
