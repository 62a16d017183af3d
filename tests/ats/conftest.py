"""Fixtures of the ATS tests: the real NLP resources, built once."""

from __future__ import annotations

import pytest

from analyzer.nlp.resources import Resources, get_resources
from analyzer.settings import Settings


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The shipped taxonomy and skill matcher (the same ones the resume goes through)."""
    return get_resources(Settings())
