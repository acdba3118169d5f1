"""Settings for the gunicorn part of ``scripts/bench_scale.py`` (not for any deployment): the
project's own settings, read from the same environment, with a URLconf that adds the bare view
the benchmark uses as its throughput floor."""

from mla.settings import *  # noqa: F403  (the project's settings, unchanged but for the URLconf)

ROOT_URLCONF = "scripts.bench_scale_urls"
