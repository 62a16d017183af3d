"""Collect the resume files of a screen from files, folders and globs, in a stable order.

Folders and ``**`` globs are walked with loop detection (a folder reached twice, through a
symlink loop or not, is walked once). Only regular files are taken from them: a FIFO would
block the run and a device would never end, so they are skipped with a warning. A subfolder
that cannot be listed becomes an error row, like a file that cannot be read. Files mlcheck
itself writes (the run's output, journal and --summary, and earlier screen outputs) are
never screened as candidates.
"""

from __future__ import annotations

import glob
import logging
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analyzer.errors import MlcheckError
from analyzer.output import is_same_file, refuse_output_onto_inputs
from analyzer.terminal import display_name

log = logging.getLogger("analyzer.screen")

RESUME_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
"""File kinds picked up inside folders and by globs; a file named directly is always taken."""

SCREEN_OUTPUT_STARTS = (b"mlcheck screen: ", b"## mlcheck screen: ")
"""How a screen table (.txt) or Markdown summary (.md) begins: an earlier run's output."""


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
    problem: str | None = None
    """Why it cannot be screened before it is even opened (a folder that cannot be listed)."""


def _is_glob(arg: str) -> bool:
    return any(ch in arg for ch in "*?[")


def _display(path: str) -> str:
    return display_name(os.path.normpath(path).replace(os.sep, "/"))


def _hidden(name: str) -> bool:
    return name.startswith(".")


class _Walk:
    """What walking folders found: files, folders that could not be listed, folders seen."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.unreadable: list[tuple[str, str]] = []
        self._seen: set[tuple[int, int]] = set()

    def first_visit(self, folder: str) -> bool:
        """Return True the first time a folder (by device and inode) is reached."""
        try:
            info = os.stat(folder)
        except OSError:
            return False
        key = (info.st_dev, info.st_ino)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def listing(self, folder: str) -> list[os.DirEntry[str]]:
        """Return a folder's entries by name; a folder that cannot be listed is noted."""
        try:
            with os.scandir(folder) as entries:
                return sorted(entries, key=lambda e: e.name)
        except OSError as error:
            self.unreadable.append((folder, error.strerror or str(error)))
            return []

    def walk(self, folder: str) -> None:
        """Collect the resume files under a folder (symlinked folders are not followed)."""
        if not self.first_visit(folder):
            return
        for entry in self.listing(folder):
            if _hidden(entry.name):
                continue
            if entry.is_dir(follow_symlinks=False):
                self.walk(entry.path)
            elif entry.name.lower().endswith(RESUME_SUFFIXES) and _regular(entry.path):
                self.files.append(entry.path)

    def folders(self, base: str) -> Iterable[str]:
        """Yield base and every folder under it, following symlinks, each folder once."""
        if not self.first_visit(base):
            return
        yield base
        for entry in self.listing(base):
            if not _hidden(entry.name) and entry.is_dir(follow_symlinks=True):
                yield from self.folders(entry.path)

    def glob(self, pattern: str) -> list[str]:
        """Expand a glob; ``**`` is walked here, with loop detection, not by glob.glob."""
        if "**" not in pattern:
            return sorted(glob.glob(pattern))
        head, _, tail = pattern.partition("**")
        tail = tail.lstrip("/" + os.sep)
        if glob.has_magic(head):
            bases = [b for b in sorted(glob.glob(head)) if os.path.isdir(b)]
        else:
            bases = [head] if os.path.isdir(head or ".") else []
        matches: list[str] = []
        for base in bases:
            for folder in self.folders(base or "."):
                if not tail:
                    matches.append(folder)
                else:
                    here = os.path.join(glob.escape(folder), tail)
                    matches.extend(self.glob(here))
        return matches


def _regular(path: str) -> bool:
    """Return True for a regular file; warn about and skip FIFOs, devices and sockets."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True  # a broken link: it becomes an error row when it is opened
    if stat.S_ISREG(mode):
        return True
    if stat.S_ISDIR(mode):
        return False  # a symlink to a folder named like a resume: folders are not followed
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    log.warning("skipped %s: %s, not a regular file", _display(path), kind)
    return False


def _earlier_output(path: str) -> bool:
    """Return True for a .txt/.md file that an earlier `mlcheck screen -o` wrote."""
    if not path.lower().endswith((".txt", ".md")):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.startswith(SCREEN_OUTPUT_STARTS)


def collect_inputs(args: Iterable[str], outputs: Sequence[str] = ()) -> list[CandidateFile]:
    """Expand files, folders (recursively) and globs into resume files, sorted, de-duplicated.

    Folders and globs yield only regular PDF, DOCX, TXT and MD files and skip hidden ones,
    the run's own ``outputs`` and earlier screen outputs; a file named directly is taken
    whatever its kind (an unreadable one becomes an error row), unless it is one of
    ``outputs`` (OutputOntoInput). A folder that cannot be listed is a CandidateFile with a
    ``problem``. Files are ordered by their displayed path; the same file reached twice (a
    folder and a glob, or a symlink) is kept once, under the first displayed path. Raises
    NoInputsError for an argument that names nothing and when nothing is found at all.
    """
    walk = _Walk()
    named: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            walk.walk(arg)
        elif os.path.exists(arg):
            named.append(arg)
        elif _is_glob(arg):
            matches = walk.glob(arg)
            for match in matches:
                if os.path.isdir(match):
                    walk.walk(match)
                elif match.lower().endswith(RESUME_SUFFIXES) and not _hidden(
                    os.path.basename(match)
                ):
                    if _regular(match):
                        walk.files.append(match)
            if not matches:
                raise NoInputsError(f"no file matches {arg}")
        else:
            raise NoInputsError(f"no such file or folder: {arg}")
    refuse_output_onto_inputs(outputs, named)
    found = named + [
        path
        for path in walk.files
        if not any(is_same_file(path, out) for out in outputs) and not _skip_output(path)
    ]
    seen: set[str] = set()
    result: list[CandidateFile] = []
    for path in sorted(found, key=_display):
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        result.append(CandidateFile(display=_display(path), path=path))
    for folder, reason in walk.unreadable:
        display = _display(folder) + "/"
        result.append(CandidateFile(display, folder, f"cannot list this folder: {reason}"))
    if not result:
        raise NoInputsError("no resume files (PDF, DOCX, TXT, MD) found in the given paths")
    return result


def _skip_output(path: str) -> bool:
    if _earlier_output(path):
        log.info("skipped %s: an earlier mlcheck screen output, not a resume", _display(path))
        return True
    return False
