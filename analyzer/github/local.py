"""Review a local checkout (``mlcheck repo PATH``): README and hygiene scoring, no network."""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

from analyzer.errors import InputError
from analyzer.github.evidence import (
    SkillFinder,
    imports_by_file,
    is_dependency_file,
    notebook_code,
)
from analyzer.github.hygiene import (
    languages_from_sizes,
    license_from_text,
    test_files,
    vendored_roots,
)
from analyzer.github.interface import RepoReview, RepoSnapshot
from analyzer.github.portfolio import review_repo
from analyzer.rules.portfolio import Rubric

logger = logging.getLogger(__name__)

_SKIP_DIRS = {
    ".git",
    "node_modules",
    ".venv",
    "venv",
    "env",
    "__pycache__",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".ipynb_checkpoints",
    ".idea",
    ".vscode",
}
_README = re.compile(r"^readme(\.[a-z0-9]+)?$", re.IGNORECASE)
_MAX_FILES = 20000
_MAX_README_BYTES = 1_000_000
_MAX_IMPORT_FILES = 300
_MAX_SOURCE_BYTES = 200_000
_MAX_NOTEBOOKS = 30
_MAX_NOTEBOOK_BYTES = 2_000_000
_MAX_EVIDENCE_FILES = 20
"""Dependency files, Dockerfiles and manifests read for skill evidence at most."""


def _walk(root: Path) -> tuple[list[str], list[str], list[tuple[str, int]]]:
    """List root entries, nested paths and file sizes, skipping VCS and environment folders."""
    files: list[str] = []
    tree: list[str] = []
    sizes: list[tuple[str, int]] = []
    count = 0
    for current, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.endswith(".egg-info"))
        rel = Path(current).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for d in dirs:
            (files if not prefix else tree).append(f"{prefix}{d}/")
        for name in sorted(names):
            path = f"{prefix}{name}"
            (files if not prefix else tree).append(path)
            try:
                sizes.append((path, (Path(current) / name).stat().st_size))
            except OSError:
                sizes.append((path, 0))
            count += 1
        if count >= _MAX_FILES:
            break
    return files, tree, sizes


GIT_TIMEOUT = 10
"""Seconds `git log` may take before the recency check is skipped."""


def _git(root: Path, *args: str) -> str | None:
    """Run one read-only git command in a checkout; its stdout, None when it cannot run."""
    try:
        done = subprocess.run(
            # fixed arguments, no shell; a checkout's own config must not run a program
            # (log.showSignature with gpg.program, core.fsmonitor), so both are overridden
            [
                "git",
                "--no-pager",
                "-c",
                "log.showSignature=false",
                "-c",
                "core.fsmonitor=false",
                "-C",
                str(root),
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
            env={
                **os.environ,
                "GIT_TERMINAL_PROMPT": "0",
                "GIT_OPTIONAL_LOCKS": "0",
                "GIT_CONFIG_NOSYSTEM": "1",
            },
        )
    except (OSError, subprocess.SubprocessError) as exc:
        logger.info("git %s not run (%s)", args[0], type(exc).__name__)
        return None
    if done.returncode != 0:
        return None
    return done.stdout


def last_commit(root: Path) -> _dt.datetime | None:
    """Return the date of the last commit (`git log -1`), None when git or the history is
    not there. File times are not used: a fresh clone of a 2018 repo has today's."""
    stamp = (_git(root, "log", "-1", "--no-show-signature", "--format=%cI") or "").strip()
    if not stamp:
        logger.info("no git history in %s: the recency check is skipped", root)
        return None
    try:
        return _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None


def committed_files(root: Path) -> tuple[str, ...] | None:
    """Return the paths committed at HEAD (`git ls-tree -r HEAD`), None without git or a commit.

    A checkout on disk holds caches that were never committed (__pycache__ after a test run);
    only what is committed is judged as committed junk.
    """
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", "HEAD")
    if listing is None:
        return None
    paths = [p for p in listing.split("\0") if p]
    if not paths:
        return None  # an empty commit
    return tuple(paths[:_MAX_FILES])


def _read(root: Path, name: str, limit: int) -> str | None:
    """Read up to ``limit`` bytes of a checkout's regular file; None for anything else.

    A symlink that leads out of the checkout is not followed (a README.md -> ~/.ssh/id_rsa
    would be quoted in the review), and a FIFO or device is not read (it would block or never
    end): it is opened non-blocking and refused after fstat.
    """
    try:
        real = (root / name).resolve(strict=True)
        if not real.is_relative_to(root.resolve()):
            logger.info("%s: a symlink out of the checkout; not read", name)
            return None
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                logger.info("%s: not a regular file; not read", name)
                return None
            return fh.read(limit).decode("utf-8", "replace")
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return None


def snapshot_local_repo(path: Path, rubric: Rubric) -> RepoSnapshot:
    """Read a local checkout into a RepoSnapshot (README, tree, sizes, licence, dependencies)."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(str(path), "not a directory (expected a repository checkout)")
    files, tree, sizes = _walk(root)
    readmes = sorted(
        (f for f in files if _README.match(f)), key=lambda f: (f.lower() != "readme.md", f)
    )
    readme_path = readme = None
    for candidate in readmes:
        readme = _read(root, candidate, _MAX_README_BYTES)
        if readme is not None:
            readme_path = candidate
            break
    licence = None
    for name in files:
        if name.lower() in rubric.hygiene.license_files:
            text = _read(root, name, 50_000)
            if text is None:
                continue  # not a regular file of the checkout (a FIFO, a link out)
            licence = license_from_text(text, rubric) or "other"
            break
    deps: list[tuple[str, str]] = []
    vendored = vendored_roots((p for p, _ in sizes), rubric) or ("\0",)
    for name, size in sizes:
        if len(deps) >= _MAX_EVIDENCE_FILES:
            break
        low = name.lower()
        if low.startswith(vendored) or not 0 < size <= rubric.max_dependency_bytes:
            continue
        shallow = name.count("/") <= 2
        manifest = low.endswith((".yaml", ".yml")) and any(
            part in ("k8s", "kubernetes", "helm", "charts", "deploy", "manifests")
            for part in low.split("/")[:-1]
        )
        if (shallow and is_dependency_file(name)) or manifest:
            text = _read(root, name, rubric.max_dependency_bytes)
            if text is not None:
                deps.append((name, text))
    return RepoSnapshot(
        name=root.resolve().name,
        readme=readme,
        readme_path=readme_path,
        files=tuple(files),
        tree=tuple(tree),
        file_sizes=tuple(sizes),
        languages=languages_from_sizes(tuple(sizes), rubric),
        license=licence,
        pushed_at=last_commit(root),
        committed=committed_files(root),
        dependency_files=tuple(deps),
    )


def review_local_repo(
    path: Path,
    today: _dt.date | None = None,
    *,
    skill_finder: SkillFinder | None = None,
    rubric: Rubric,
) -> RepoReview:
    """Judge a local checkout like a GitHub repo (description/topics are not judged: they live
    on GitHub); raises InputError when `path` is not a directory."""
    snapshot = snapshot_local_repo(Path(path), rubric)
    vendored = vendored_roots((p for p, _ in snapshot.file_sizes), rubric)
    tests = set(test_files((p for p, _ in snapshot.file_sizes), rubric))
    test_sources = []
    for name, size in snapshot.file_sizes:
        if name in tests and not name.lower().startswith(vendored or ("\0",)):
            text = _read(Path(path), name, _MAX_SOURCE_BYTES) if size <= _MAX_SOURCE_BYTES else None
            if text is not None:
                test_sources.append((name, text))
        if len(test_sources) >= _MAX_IMPORT_FILES:
            break
    snapshot = replace(snapshot, test_sources=tuple(test_sources))
    # imports of .py files and notebooks, sampled within a budget (files and notebooks apart,
    # so a repo of many modules still has its notebooks read)
    sources: list[tuple[str, str]] = []
    notebooks = 0
    for name, size in snapshot.file_sizes:
        if name.lower().startswith(vendored or ("\0",)):
            continue
        if name.endswith(".py") and size <= _MAX_SOURCE_BYTES and len(sources) < _MAX_IMPORT_FILES:
            text = _read(Path(path), name, _MAX_SOURCE_BYTES)
            if text:
                sources.append((name, text))
        elif name.endswith(".ipynb") and size <= _MAX_NOTEBOOK_BYTES and notebooks < _MAX_NOTEBOOKS:
            text = _read(Path(path), name, _MAX_NOTEBOOK_BYTES)
            if text:
                notebooks += 1
                sources.append((name, notebook_code(text)))
    review = review_repo(
        snapshot,
        today,
        skill_finder=skill_finder,
        local=True,
        imports=imports_by_file(sources),
        rubric=rubric,
    )
    for criterion, why in review.hygiene.skipped:
        logger.warning("%s: the %s check is skipped: %s.", snapshot.name, criterion, why)
    return review
