"""One folder per SDK language: ``languages/<name>/`` holds its naming, view, target and template tree.

Pipeline place: stage 3-4 (IR -> language view -> text). ``l8gen.targets.REGISTRY`` finds each folder's
``target.py``.
"""
