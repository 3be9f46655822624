"""The project's tools beside the plugin: what the command-line scripts
(``scripts/``, ``benchmarks/``) share, one module per concern.

``files``: writing without half-written files, the one-line error exit;
``fairseq_logs``: training logs, ``fairseq-generate`` output, score files;
``corpora``: where the benchmark corpora are, seeded slices;
``tables``: markdown tables;
``result_rows``: one CSV row per run, settings (dropouts);
``translation_results`` and ``lm_results``: the two kinds of runs' rows and tables;
``validation_choice``: alpha and dropouts chosen on validation;
``compute``: compute in plain updates, the gain-against-compute frontier;
``plots``: the small runs' plots;
``small_runs``: the low-resource runner's commands (``scripts/small_mt.py``,
``scripts/small_lm.py``, ``benchmarks/summarize_small.py``).

A package installed beside ``rdrop_fairseq`` so that every script, in
whatever folder it sits, imports it by name, with no ``sys.path`` edits. It
is not part of ``rdrop_fairseq``, because importing that package imports
fairseq (seconds per process); these modules need the standard library only
(matplotlib for the plots).
"""
