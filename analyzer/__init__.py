"""mlcheck: resume, ATS and GitHub-portfolio analyzer for machine-learning engineers."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
