"""Engineering hygiene of one repo: description, topics, licence, dependencies, tests, CI,
deployment, code beyond notebooks, recent activity; language statistics with notebooks
counted as the language they are written in."""

from __future__ import annotations

import datetime as _dt
import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from analyzer.github.interface import Criterion, RepoHygiene, RepoSnapshot
from analyzer.rules.portfolio import Rubric

_NOT_MODULES = ("__init__.py", "setup.py", "conftest.py", "noxfile.py", "manage.py")


def all_paths(snapshot: RepoSnapshot) -> list[str]:
    """Return every known path of the repo (root entries, nested paths, blobs), lower case."""
    seen: dict[str, None] = {}
    for path in [*snapshot.files, *snapshot.tree, *(p for p, _ in snapshot.file_sizes)]:
        seen.setdefault(path.lower(), None)
    return list(seen)


def vendored_roots(paths: Iterable[str], rubric: Rubric) -> tuple[str, ...]:
    """Return the folders (ending with /) of committed environments, outermost only.

    A virtualenv is found by its pyvenv.cfg, whatever its folder is called; installed packages
    by a site-packages or node_modules folder anywhere in the tree. "" is the repo root (the
    whole repository is an environment).
    """
    h = rubric.hygiene
    roots: set[str] = set()
    for path in paths:
        low = path.lower()
        parts = low.rstrip("/").split("/")
        if not low.endswith("/") and parts[-1] in h.vendored_markers:
            roots.add("/".join(parts[:-1]) + "/" if len(parts) > 1 else "")
        for i, part in enumerate(parts):
            if part in h.vendored_dirs:
                roots.add("/".join(parts[: i + 1]) + "/")
                break
    outermost: list[str] = []
    for root in sorted(roots, key=len):
        if not any(root.startswith(o) for o in outermost):
            outermost.append(root)
    return tuple(sorted(outermost))


def _under(path: str, roots: tuple[str, ...]) -> bool:
    return any(path.startswith(root) for root in roots)


def project_paths(snapshot: RepoSnapshot, rubric: Rubric) -> list[str]:
    """Return the repo's paths (lower case) without committed environments: the project's own."""
    paths = all_paths(snapshot)
    roots = vendored_roots(paths, rubric)
    return [p for p in paths if not _under(p, roots)] if roots else paths


def test_files(paths: Iterable[str], rubric: Rubric) -> list[str]:
    """Return the test files among `paths` (code files, not a bare tests/ folder)."""
    h = rubric.hygiene
    return [
        p
        for p in paths
        if not p.endswith("/")
        and _ext(p) in h.code_extensions
        and _base(p) not in ("__init__.py", "conftest.py")
        and _is_test_path(p, rubric)
    ]


def project_modules(paths: Iterable[str], rubric: Rubric) -> set[str]:
    """Return the Python module names the project's own code can be imported by.

    Every folder and module name on the way to a source file counts, not only the top level:
    a project kept one folder down (``api/src/mapper.py``, tested from ``api/`` as
    ``from src.mapper import ...``) or in a src/ layout is imported by an inner name.
    """
    names: set[str] = set()
    for path in paths:
        if path.endswith("/") or _ext(path) != ".py" or _is_test_path(path, rubric):
            continue
        parts = path.split("/")
        names.update(parts[:-1])
        names.add(parts[-1].removesuffix(".py"))
    return names - {"setup", "conftest", "noxfile", "manage", "__init__"}


def committed_junk(paths: Iterable[str], rubric: Rubric) -> tuple[str, ...]:
    """Return the committed paths that should not be (caches, checkpoints, .env...), outermost
    folder once each, at most 5."""
    h = rubric.hygiene
    found: dict[str, None] = {}
    for path in paths:
        low = path.lower()
        parts = low.rstrip("/").split("/")
        hit = None
        for i, part in enumerate(parts):
            is_dir = i < len(parts) - 1 or low.endswith("/")
            if (part + "/" if is_dir else part) in h.junk_names:
                hit = "/".join(parts[: i + 1]) + ("/" if is_dir else "")
                break
        if hit is None and not low.endswith("/") and _ext(low) in h.junk_extensions:
            hit = low
        if hit is not None:
            found.setdefault(hit, None)
    return tuple(list(found)[:5])


_IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
_RELATIVE_IMPORT = re.compile(r"^\s*from\s+\.", re.MULTILINE)


def imports_project(text: str, modules: set[str]) -> bool:
    """Tell whether a test file's text imports one of the project's modules."""
    if _RELATIVE_IMPORT.search(text):
        return True
    return any(m.lower() in modules for m in _IMPORT.findall(text))


def stub_models(snapshot: RepoSnapshot, rubric: Rubric) -> tuple[str, ...]:
    """Return model files (model.pkl, weights.pt...) too small to hold a model."""
    h = rubric.hygiene
    roots = vendored_roots((p for p, _ in snapshot.file_sizes), rubric)
    return tuple(
        path
        for path, size in snapshot.file_sizes
        if _ext(path.lower()) in h.model_extensions
        and size < h.stub_model_bytes
        and not _under(path.lower(), roots)
    )


def demo_link(url: str, rubric: Rubric) -> bool:
    """Tell whether a link points at a live demo on a known hosting service."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    where = host + parts.path.lower()
    for known in rubric.hygiene.demo_hosts:
        if "/" in known:
            if where.startswith(known + "/") or where == known:
                return True
        elif host == known or host.endswith("." + known):
            return True
    return False


_LINK = re.compile(r"https?://[^\s)<>\]\"']+")
_IMAGE_SOURCE = re.compile(r"!\[[^\]]*\]\([^)\s]*|<img\b[^>]*>", re.IGNORECASE)


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
    roots = vendored_roots((p for p, _ in sizes), rubric)
    for path, size in sizes:
        parts = path.lower().split("/")
        if _under(path.lower(), roots) or any(p in ("vendor", ".venv", "venv") for p in parts):
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
    everything = all_paths(snapshot)
    vendored = vendored_roots(everything, rubric)
    paths = [p for p in everything if not _under(p, vendored)] if vendored else everything
    root = [p for p in paths if "/" not in p.rstrip("/")]
    tests = test_files(paths, rubric)
    # a checkout on disk holds caches that were never committed: only git's list counts
    committed = everything if snapshot.committed is None else snapshot.committed
    junk = committed_junk(committed, rubric) if (not local or snapshot.committed) else ()
    tests_by: str | None = None
    if tests:
        tests_by = "file names" if snapshot.test_sources is None else "imports"

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
        if not tests:
            return False
        if snapshot.test_sources is None:
            return True  # judged by file names: said in tests_by
        modules = project_modules(paths, rubric)
        return any(imports_project(text, modules) for _, text in snapshot.test_sources)

    def deployment_ok() -> bool:
        if any_path(h.deployment_paths):
            return True
        if any(_ext(p) in h.deployment_extensions for p in paths if not p.endswith("/")):
            return True
        if any(_base(p) in h.app_entry_points and p.count("/") <= 1 for p in paths):
            return True
        workflows = [p for p in paths if p.startswith(".github/workflows/") and _ext(p)]
        if any(w in _base(p) for p in workflows for w in h.deploy_workflow_words):
            return True
        # an image's source is no demo (a badge served from vercel.app), the link around it is
        text = _IMAGE_SOURCE.sub("", snapshot.readme or "")
        links = [snapshot.homepage or "", *_LINK.findall(text)]
        return any(demo_link(link, rubric) for link in links if link)

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
        "hygiene.deployment": deployment_ok,
        "hygiene.modular_code": modular_ok,
        "hygiene.recent": recent_ok,
        "hygiene.clean_tree": lambda: not junk,
    }
    unknown = set(checks) ^ set(h.weights)
    if unknown:
        raise ValueError(f"hygiene criteria and weights differ: {sorted(unknown)}")
    skipped: dict[str, str] = {}
    if not snapshot.topics_known:
        skipped["hygiene.topics"] = "the server's answers carry no topics"
    if local and snapshot.committed is None:
        skipped["hygiene.clean_tree"] = (
            "no list of committed files: not a git checkout, or git is not installed"
        )
    if local and snapshot.pushed_at is None:
        skipped["hygiene.recent"] = (
            "no commit date: not a git checkout, or git is not installed (file times are "
            "not used: a fresh clone of an old repo would look recent)"
        )
    criteria = tuple(
        Criterion(cid, bool(check()), h.weights[cid], h.fixes[cid])
        for cid, check in checks.items()
        if not (local and cid in h.github_only) and cid not in skipped
    )
    total = sum(c.weight for c in criteria) or 1.0
    score = round(100.0 * sum(c.weight for c in criteria if c.passed) / total, 1)
    return RepoHygiene(
        score=score,
        criteria=criteria,
        primary_language=primary_language(snapshot.languages, rubric),
        tests_by=tests_by,
        vendored=tuple(r or "./" for r in vendored),
        stub_models=stub_models(snapshot, rubric),
        junk=junk,
        skipped=tuple(skipped.items()),
    )
