"""Engineering hygiene of one repo: description, topics, licence, dependencies, tests, CI,
deployment, code beyond notebooks, recent activity; language statistics with notebooks
counted as the language they are written in."""

from __future__ import annotations

import datetime as _dt
import posixpath
from collections.abc import Callable, Iterable

from analyzer.github.interface import Criterion, RepoHygiene, RepoSnapshot
from analyzer.rules.portfolio import Rubric

_NOT_MODULES = ("__init__.py", "setup.py", "conftest.py", "noxfile.py", "manage.py")


def all_paths(snapshot: RepoSnapshot) -> list[str]:
    """Return every known path of the repo (root entries, nested paths, blobs), lower case."""
    seen: dict[str, None] = {}
    for path in [*snapshot.files, *snapshot.tree, *(p for p, _ in snapshot.file_sizes)]:
        seen.setdefault(path.lower(), None)
    return list(seen)


def _base(path: str) -> str:
    return posixpath.basename(path.rstrip("/"))


def _is_test_path(path: str, rubric: Rubric) -> bool:
    h = rubric.hygiene
    if any(path.startswith(d) or f"/{d}" in path for d in h.test_dirs):
        return True
    base = _base(path)
    return (base.startswith(h.test_file_prefixes) and "." in base) or base.endswith(
        h.test_file_suffixes
    )


def _ext(path: str) -> str:
    return posixpath.splitext(path)[1]


def _modules(paths: Iterable[str], rubric: Rubric) -> list[str]:
    """Return source files that hold the project's own code (not tests, not packaging)."""
    return [
        p
        for p in paths
        if not p.endswith("/")
        and _ext(p) in rubric.hygiene.code_extensions
        and _base(p) not in _NOT_MODULES
        and not _is_test_path(p, rubric)
    ]


def primary_language(languages: Iterable[tuple[str, int]], rubric: Rubric) -> str | None:
    """Return the main language, with notebook bytes counted as Python (their real language).

    Markup (HTML, CSS) only wins when there is nothing else.
    """
    totals: dict[str, int] = {}
    order: list[str] = []
    for name, size in languages:
        real = rubric.notebook_languages.get(name, name)
        if real not in totals:
            order.append(real)
        totals[real] = totals.get(real, 0) + int(size)
    if not totals:
        return None
    ranked = sorted(order, key=lambda n: (n in rubric.markup_languages, -totals[n], order.index(n)))
    return ranked[0]


def languages_from_sizes(
    sizes: tuple[tuple[str, int], ...], rubric: Rubric
) -> tuple[tuple[str, int], ...]:
    """Estimate GitHub's language bytes from blob sizes by extension (vendored dirs skipped)."""
    totals: dict[str, int] = {}
    for path, size in sizes:
        parts = path.lower().split("/")
        if any(p in ("node_modules", "vendor", "site-packages", ".venv", "venv") for p in parts):
            continue
        base = parts[-1]
        language = rubric.language_file_names.get(base)
        if language is None:
            language = rubric.language_extensions.get(posixpath.splitext(base)[1])
        if language:
            totals[language] = totals.get(language, 0) + size
    return tuple(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def license_from_text(text: str, rubric: Rubric) -> str | None:
    """Guess the SPDX id of a licence text (None when unrecognised)."""
    low = " ".join(text.lower().split())
    for spdx, phrases in rubric.hygiene.license_patterns.items():
        if all(p in low for p in phrases):
            return spdx
    return None


def judge_hygiene(
    snapshot: RepoSnapshot,
    today: _dt.date | None = None,
    *,
    local: bool = False,
    rubric: Rubric,
) -> RepoHygiene:
    """Score a repo's engineering hygiene 0-100 with each criterion's fix.

    With ``local=True`` (a checkout on disk) the GitHub-only criteria (description, topics)
    are left out and the score is taken over the remaining weights.
    """
    h = rubric.hygiene
    today = today or _dt.date.today()
    paths = all_paths(snapshot)
    root = [p for p in paths if "/" not in p.rstrip("/")]

    def any_path(patterns: Iterable[str]) -> bool:
        pats = tuple(patterns)
        for path in paths:
            base = _base(path) + ("/" if path.endswith("/") else "")
            for pat in pats:
                if pat.endswith("/"):
                    if path.startswith(pat) or f"/{pat}" in path or base == pat:
                        return True
                elif base == pat:
                    return True
        return False

    def license_ok() -> bool:
        return bool(snapshot.license) or any(_base(p) in h.license_files for p in root)

    def dependencies_ok() -> bool:
        shallow = [p for p in paths if p.count("/") <= 1]
        return any(_base(p) in h.dependency_files for p in shallow) or any(
            p.startswith(h.dependency_dirs) for p in paths
        )

    def tests_ok() -> bool:
        return any(_is_test_path(p, rubric) for p in paths)

    def ci_ok() -> bool:
        for pat in h.ci_paths:
            if pat.endswith("/"):
                if any(p.startswith(pat) and p != pat for p in paths):
                    return True
            elif pat in root:
                return True
        return False

    def modular_ok() -> bool:
        modules = _modules(paths, rubric)
        notebooks = [p for p in paths if _ext(p) in h.notebook_extensions]
        return len(modules) >= 2 or (len(modules) == 1 and not notebooks)

    def recent_ok() -> bool:
        if snapshot.pushed_at is None:
            return False
        return (today - snapshot.pushed_at.date()).days <= h.stale_days

    checks: dict[str, Callable[[], bool]] = {
        "hygiene.description": lambda: bool((snapshot.description or "").strip()),
        "hygiene.topics": lambda: bool(snapshot.topics),
        "hygiene.license": license_ok,
        "hygiene.dependencies": dependencies_ok,
        "hygiene.tests": tests_ok,
        "hygiene.ci": ci_ok,
        "hygiene.deployment": lambda: (
            any_path(h.deployment_paths)
            or bool(snapshot.homepage and snapshot.homepage.startswith("http"))
        ),
        "hygiene.modular_code": modular_ok,
        "hygiene.recent": recent_ok,
    }
    unknown = set(checks) ^ set(h.weights)
    if unknown:
        raise ValueError(f"hygiene criteria and weights differ: {sorted(unknown)}")
    criteria = tuple(
        Criterion(cid, bool(check()), h.weights[cid], h.fixes[cid])
        for cid, check in checks.items()
        if not (local and cid in h.github_only)
    )
    total = sum(c.weight for c in criteria) or 1.0
    score = round(100.0 * sum(c.weight for c in criteria if c.passed) / total, 1)
    return RepoHygiene(
        score=score,
        criteria=criteria,
        primary_language=primary_language(snapshot.languages, rubric),
    )
