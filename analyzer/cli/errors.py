"""The one error handler of the command line: a domain error is one stderr line and an exit code.

The codes are documented in analyzer/errors.py and the README; only MlcheckError (and Ctrl-C)
is caught here, so a bug still shows its traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from analyzer.errors import MlcheckError
from analyzer.terminal import terminal_safe

INTERRUPTED_EXIT_CODE = 130
"""What a shell reports for a process stopped by Ctrl-C (128 + SIGINT)."""


def fail(error: MlcheckError) -> NoReturn:
    """Print one line for a domain error and exit with its documented code."""
    click.echo(f"mlcheck: error: {terminal_safe(str(error))}", err=True)
    sys.exit(error.exit_code)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn MlcheckError into one stderr line and its exit code, Ctrl-C into exit 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MlcheckError as error:
            fail(error)
        except KeyboardInterrupt:
            click.echo("mlcheck: interrupted", err=True)
            sys.exit(INTERRUPTED_EXIT_CODE)

    return wrapper
