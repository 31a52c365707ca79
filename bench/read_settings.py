"""Settings for ``bench/read_bench.py``: the project's, plus the bare baseline view's URL."""
from claimtrack.settings import *  # noqa: F403

ROOT_URLCONF = "bench.read_urls"
