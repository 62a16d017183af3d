"""The ATS stage's data: posting heading synonyms and scoring weights, loaded once.

The data lives in ``skills_taxonomy/posting.json`` (how a posting is read) and
``skills_taxonomy/scoring.json`` (weights and thresholds of the scores and checks).
"""

from __future__ import annotations

import functools
import json
from importlib import resources as importlib_resources
from typing import Any


@functools.cache
def _load(name: str) -> dict[str, Any]:
    """Read one JSON data file of the skills_taxonomy package."""
    text = importlib_resources.files("skills_taxonomy").joinpath(name).read_text("utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def posting_rules() -> dict[str, Any]:
    """Return the posting-reading rules (skills_taxonomy/posting.json)."""
    return _load("posting.json")


def scoring_rules() -> dict[str, Any]:
    """Return the scoring weights and check thresholds (skills_taxonomy/scoring.json)."""
    return _load("scoring.json")
