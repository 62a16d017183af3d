"""Where the shared corpus lives: ../shared beside the checkout, or $MLCHECK_SHARED.

The corpus holds public resumes, postings and READMEs (see its MANIFEST for sources and
licences). Tests read them where they are and never copy them into the repository; tests that
need them skip cleanly when the folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path:
    """Return the shared folder: $MLCHECK_SHARED, else ../shared beside the repository."""
    configured = os.environ.get("MLCHECK_SHARED")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "shared"


CORPUS = shared_dir() / "corpus"
