"""Dev-only tooling: code that helps develop and document mla and never runs in production.

After Zulip's split, ``tools/`` is for developers (here: drawing the committed ``docs/graphs``
artefacts) and ``scripts/`` for what may be run against a deployment. The apps never import from
here at module level, and ``pyproject.toml`` does not package it.
"""
