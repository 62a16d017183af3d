"""Collect the resume files of a screen from files, folders and globs, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.errors import MlcheckError

RESUME_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
"""File kinds picked up inside folders and by globs; a file named directly is always taken."""


class NoInputsError(MlcheckError):
    """The screen's arguments name no resume file (a usage error)."""

    exit_code = 2


@dataclass(frozen=True)
class CandidateFile:
    """One resume file to screen."""

    display: str
    """The path as the user gave it, joined with the path inside a folder, '/'-separated."""
    path: str
    """The path to open."""


def _is_glob(arg: str) -> bool:
    return any(ch in arg for ch in "*?[")


def _display(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> Iterable[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        for name in files:
            if not _hidden(name) and name.lower().endswith(RESUME_SUFFIXES):
                yield os.path.join(root, name)


def collect_inputs(args: Iterable[str]) -> list[CandidateFile]:
    """Expand files, folders (recursively) and globs into resume files, sorted, de-duplicated.

    Folders and globs yield only PDF, DOCX, TXT and MD files and skip hidden ones; a file named
    directly is taken whatever its kind (an unreadable one becomes an error row). Files are
    ordered by their displayed path; the same file reached twice (a folder and a glob, or a
    symlink) is kept once, under the first displayed path. Raises NoInputsError for an
    argument that names nothing and when nothing is found at all.
    """
    found: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            found.extend(_walk(arg))
        elif os.path.isfile(arg):
            found.append(arg)
        elif _is_glob(arg):
            matches = glob.glob(arg, recursive=True)
            for match in matches:
                if os.path.isdir(match):
                    found.extend(_walk(match))
                elif match.lower().endswith(RESUME_SUFFIXES) and not _hidden(
                    os.path.basename(match)
                ):
                    found.append(match)
            if not matches:
                raise NoInputsError(f"no file matches {arg}")
        else:
            raise NoInputsError(f"no such file or folder: {arg}")
    seen: set[str] = set()
    result: list[CandidateFile] = []
    for path in sorted(found, key=_display):
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        result.append(CandidateFile(display=_display(path), path=path))
    if not result:
        raise NoInputsError("no resume files (PDF, DOCX, TXT, MD) found in the given paths")
    return result
