"""Writing finished outputs: all or nothing, never onto an input of the run.

A failed run never leaves half a report, and an output option that names an input (the resume,
the posting, a screened file, through a symlink or a hard link too) is refused before anything
is written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from analyzer.errors import MlcheckError


class OutputOntoInput(MlcheckError):
    """An output file is also one of the run's inputs: writing it would destroy the input."""

    exit_code = 2


def is_same_file(first: str | Path, second: str | Path) -> bool:
    """Return True when two paths name one existing file (symlinks and hard links included)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def refuse_output_onto_inputs(outputs: Iterable[str | None], inputs: Iterable[str | None]) -> None:
    """Raise OutputOntoInput when an output names the same file as an input.

    ``None`` and ``-`` (stdout, stdin) are not files and are ignored.
    """
    files = [i for i in inputs if i is not None and i != "-"]
    for output in outputs:
        if output is None or output == "-":
            continue
        for given in files:
            if is_same_file(output, given):
                raise OutputOntoInput(
                    f"{output} is also an input ({given}); refusing to overwrite it: "
                    "name another output file"
                )


def refuse_output_onto_folder_files(output: str | None, folder: str) -> None:
    """Raise OutputOntoInput when an output names an existing file inside an input folder.

    Every file of a checkout `mlcheck repo` reviews is an input (README, LICENSE, the code);
    a new file inside it (review.md) is fine.
    """
    if output is None or output == "-":
        return
    target = Path(output)
    if not target.exists():
        return
    inside = Path(folder).resolve()
    if target.resolve().is_relative_to(inside):
        raise OutputOntoInput(
            f"{output} is a file of the checkout under review ({folder}); refusing to "
            "overwrite it: name another output file"
        )


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file and a rename.

    The file is created user-only (0600, as mkstemp makes it): reports and shortlists hold
    candidates' personal data. A character no UTF-8 file can hold (a lone surrogate from a
    non-UTF-8 file name) is written as a backslash escape instead of failing the run.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(
            fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n"
        ) as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
