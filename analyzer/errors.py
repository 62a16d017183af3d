"""The one exception hierarchy of mlcheck; the CLI turns each into one line and an exit code.

Exit codes (documented in the README):
    0  success (whatever the score)
    1  a score fell below --fail-under / --min-score
    2  usage or configuration error (bad option, invalid taxonomy file, an output naming an input)
    3  an input file could not be read (missing, empty, corrupt, encrypted, no text, too large)
    4  GitHub could not be reached or refused (user not found, rate limit, server error)
    5  screen: some files could not be read; the others were screened and reported
"""

from __future__ import annotations


class MlcheckError(Exception):
    """Base of every error mlcheck raises on purpose."""

    exit_code = 3


class InputError(MlcheckError):
    """An input file cannot be read as a resume or posting."""

    exit_code = 3

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LimitExceeded(InputError):
    """An input is larger than a configured resource limit."""


class ConfigError(MlcheckError):
    """A user-supplied configuration file (taxonomy, role) is invalid."""

    exit_code = 2


class GitHubError(MlcheckError):
    """GitHub (or the --api-url server) could not give what was asked."""

    exit_code = 4


class RateLimited(GitHubError):
    """The API rate limit is exhausted; carries when it resets."""

    def __init__(self, message: str, reset_at: str | None = None) -> None:
        super().__init__(message)
        self.reset_at = reset_at
