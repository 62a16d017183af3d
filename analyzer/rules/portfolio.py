"""The portfolio rubric (portfolio.json): README and hygiene checks, project kinds, weights."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analyzer.errors import ConfigError

_DATA_FILE = "portfolio.json"


@dataclass(frozen=True)
class ReadmeRubric:
    """What the README score checks and what each check is worth."""

    weights: dict[str, float]
    """Criterion id -> points (they sum to 100)."""
    fixes: dict[str, str]
    """Criterion id -> the fix shown when it fails."""
    sections: dict[str, tuple[str, ...]]
    """Section kind (data, results...) -> heading synonyms, lower case."""
    install_commands: tuple[str, ...]
    """Strings in a code block that show installation."""
    reproduce_commands: tuple[str, ...]
    """Strings in a code block that show how to run/train/evaluate."""
    metrics: tuple[str, ...]
    """Metric names (MAE, F1, ...), lower case."""
    badge_hosts: tuple[str, ...]
    """URL fragments of badge images (they are not visuals and not prose)."""
    stub_words: int
    """Fewer prose words than this is a stub."""
    dump_words: int
    """More prose words than this is a dump."""
    long_readme_words: int
    """From this many words a table of contents is expected."""
    long_readme_headings: int
    """From this many headings a table of contents is expected."""
    description_min_words: int
    """Words the opening paragraph needs to count as a description."""
    min_sections: int
    """Headings needed to count as organised in sections."""


@dataclass(frozen=True)
class HygieneRubric:
    """What the repo hygiene score checks and the file patterns it uses (lower case)."""

    weights: dict[str, float]
    """Criterion id -> points (they sum to 100)."""
    github_only: tuple[str, ...]
    """Criteria that a local checkout cannot show (description, topics)."""
    fixes: dict[str, str]
    """Criterion id -> fix."""
    dependency_files: tuple[str, ...]
    """File names declaring dependencies."""
    dependency_dirs: tuple[str, ...]
    """Folders holding dependency files."""
    ci_paths: tuple[str, ...]
    """Paths (files, or folders ending with /) showing CI."""
    deployment_paths: tuple[str, ...]
    """Paths showing containerisation/deployment."""
    test_dirs: tuple[str, ...]
    """Folders holding tests."""
    test_file_prefixes: tuple[str, ...]
    """Base-name prefixes of test files."""
    test_file_suffixes: tuple[str, ...]
    """Base-name suffixes of test files."""
    code_extensions: tuple[str, ...]
    """Extensions of source code (not notebooks)."""
    notebook_extensions: tuple[str, ...]
    """Extensions of notebooks."""
    stale_days: int
    """A push older than this many days fails the recency check."""
    license_patterns: dict[str, tuple[str, ...]]
    """SPDX id -> phrases all found in a licence text."""
    license_files: tuple[str, ...]
    """Licence file names."""
    app_entry_points: tuple[str, ...]
    """File names of an app's entry point (app.py, streamlit_app.py...): deployment evidence."""
    deploy_workflow_words: tuple[str, ...]
    """Words in a CI workflow's file name that make it a deploy workflow."""
    demo_hosts: tuple[str, ...]
    """Hosts (or host/path prefixes) of live demos; a homepage elsewhere is no deployment."""
    model_extensions: tuple[str, ...]
    """Extensions of trained-model files."""
    stub_model_bytes: int
    """A model file smaller than this is a stub (a Git LFS pointer is about 130 bytes)."""
    vendored_markers: tuple[str, ...]
    """File names that mark the root of a committed environment (pyvenv.cfg)."""
    vendored_dirs: tuple[str, ...]
    """Folder names of installed packages (site-packages, node_modules)."""
    deployment_extensions: tuple[str, ...]
    """Extensions of infrastructure-as-code files (Terraform .tf): deployment evidence."""
    junk_names: tuple[str, ...]
    """File names, or folder names ending with /, that should not be committed (caches,
    notebook checkpoints, IDE folders, .env secrets, OS files)."""
    junk_extensions: tuple[str, ...]
    """Extensions of files that should not be committed (.pyc)."""


@dataclass(frozen=True)
class Rubric:
    """All data of the GitHub stage."""

    readme: ReadmeRubric
    """README score data."""
    hygiene: HygieneRubric
    """Hygiene score data."""
    language_extensions: dict[str, str]
    """Extension (lower case, with dot) -> language name as GitHub names it."""
    language_file_names: dict[str, str]
    """Whole file name (lower case) -> language."""
    notebook_languages: dict[str, str]
    """Language GitHub reports for notebooks -> the language the work is in."""
    markup_languages: tuple[str, ...]
    """Languages that are not programming work (HTML, CSS)."""
    kind_order: tuple[str, ...]
    """Project kinds in display order."""
    kind_labels: dict[str, str]
    """Kind -> human label."""
    kind_shows: dict[str, str]
    """Kind -> what a project of that kind shows (the report's growth-story panel)."""
    kind_keywords: dict[str, tuple[str, ...]]
    """Kind -> keywords."""
    kind_min_hits: int
    """Weighted keyword hits needed to assign a kind."""
    kind_topic_weight: int
    """Weight of a keyword hit in topics."""
    kind_dependency_weight: int
    """Weight of a keyword hit in dependencies."""
    tutorials: dict[str, tuple[str, ...]]
    """Tutorial id -> name patterns."""
    tutorial_data: dict[str, tuple[str, ...]]
    """Tutorial id -> dataset links, files and loaders that give it away in a README body."""
    tutorial_min_readme: float
    """README score from which a tutorial repo may count as going beyond it."""
    tutorial_needs_any: tuple[str, ...]
    """Hygiene criteria of which one must pass too."""
    portfolio_weights: dict[str, float]
    """Portfolio score components -> points."""
    growth_story: tuple[tuple[str, ...], ...]
    """Steps of the growth story, each satisfied by any of its kinds."""
    growth_story_labels: tuple[str, ...]
    """What each step means."""
    profile_checks: dict[str, float]
    """Profile basics -> points inside the profile component."""
    top_repos: int
    """How many repos (best README first) the README/hygiene components average."""
    min_projects: int
    """Own projects expected in a portfolio."""
    skill_packages: dict[str, str]
    """Package name (lower case) -> skill name as people write it."""
    skill_files: dict[str, str]
    """Path pattern -> skill name."""
    skill_images: dict[str, str]
    """Docker base image (a name, or a prefix ending with /) -> skill name."""
    non_code_skills: tuple[str, ...]
    """Skills a repo cannot show (lower case)."""
    max_dependency_files: int
    """Dependency files fetched per portfolio at most."""
    max_dependency_bytes: int
    """Larger dependency files are not fetched."""
    dependency_repos: int
    """Dependency files are fetched for this many top repos."""


def _t(values: Any) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in values)


def parse_rubric(data: dict[str, Any], display: str = _DATA_FILE) -> Rubric:
    """Build a Rubric from schema-valid JSON data (ConfigError when the fixes miss a weight)."""
    try:
        r, h = data["readme"], data["hygiene"]
        k, t, p, s, lang = (
            data["kinds"],
            data["tutorial_beyond"],
            data["portfolio"],
            data["skills"],
            data["languages"],
        )
        readme = ReadmeRubric(
            weights={key: float(v) for key, v in r["weights"].items()},
            fixes=dict(r["fixes"]),
            sections={key: _t(v) for key, v in r["sections"].items()},
            install_commands=_t(r["install_commands"]),
            reproduce_commands=_t(r["reproduce_commands"]),
            metrics=_t(r["metrics"]),
            badge_hosts=_t(r["badge_hosts"]),
            stub_words=int(r["stub_words"]),
            dump_words=int(r["dump_words"]),
            long_readme_words=int(r["long_readme_words"]),
            long_readme_headings=int(r["long_readme_headings"]),
            description_min_words=int(r["description_min_words"]),
            min_sections=int(r["min_sections"]),
        )
        hygiene = HygieneRubric(
            weights={key: float(v) for key, v in h["weights"].items()},
            github_only=tuple(h["github_only"]),
            fixes=dict(h["fixes"]),
            dependency_files=_t(h["dependency_files"]),
            dependency_dirs=_t(h["dependency_dirs"]),
            ci_paths=_t(h["ci_paths"]),
            deployment_paths=_t(h["deployment_paths"]),
            test_dirs=_t(h["test_dirs"]),
            test_file_prefixes=_t(h["test_file_prefixes"]),
            test_file_suffixes=_t(h["test_file_suffixes"]),
            code_extensions=_t(h["code_extensions"]),
            notebook_extensions=_t(h["notebook_extensions"]),
            stale_days=int(h["stale_days"]),
            license_patterns={key: _t(v) for key, v in h["license_patterns"].items()},
            license_files=_t(h["license_files"]),
            app_entry_points=_t(h["app_entry_points"]),
            deploy_workflow_words=_t(h["deploy_workflow_words"]),
            demo_hosts=_t(h["demo_hosts"]),
            model_extensions=_t(h["model_extensions"]),
            stub_model_bytes=int(h["stub_model_bytes"]),
            vendored_markers=_t(h["vendored_markers"]),
            vendored_dirs=_t(h["vendored_dirs"]),
            deployment_extensions=_t(h["deployment_extensions"]),
            junk_names=_t(h["junk_names"]),
            junk_extensions=_t(h["junk_extensions"]),
        )
        for rubric_part in (readme, hygiene):
            missing = set(rubric_part.weights) - set(rubric_part.fixes)
            if missing:
                raise ConfigError(f"{display}: no fix for {sorted(missing)}")
        return Rubric(
            readme=readme,
            hygiene=hygiene,
            language_extensions={key.lower(): v for key, v in lang["extensions"].items()},
            language_file_names={key.lower(): v for key, v in lang["file_names"].items()},
            notebook_languages=dict(lang["notebook_languages"]),
            markup_languages=tuple(lang["markup"]),
            kind_order=tuple(k["order"]),
            kind_labels=dict(k["labels"]),
            kind_shows=dict(k["shows"]),
            kind_keywords={key: _t(v) for key, v in k["keywords"].items()},
            kind_min_hits=int(k["min_hits"]),
            kind_topic_weight=int(k["topic_weight"]),
            kind_dependency_weight=int(k["dependency_weight"]),
            tutorials={key: _t(v) for key, v in data["tutorials"].items()},
            tutorial_data={key: _t(v) for key, v in data["tutorial_data"].items()},
            tutorial_min_readme=float(t["min_readme_score"]),
            tutorial_needs_any=tuple(t["needs_any"]),
            portfolio_weights={key: float(v) for key, v in p["weights"].items()},
            growth_story=tuple(tuple(step) for step in p["growth_story"]),
            growth_story_labels=tuple(p["growth_story_labels"]),
            profile_checks={key: float(v) for key, v in p["profile_checks"].items()},
            top_repos=int(p["top_repos"]),
            min_projects=int(p["min_projects"]),
            skill_packages={key.lower(): v for key, v in s["packages"].items()},
            skill_files={key.lower(): v for key, v in s["files"].items()},
            skill_images={key.lower(): v for key, v in s["docker_images"].items()},
            non_code_skills=_t(s["non_code"]),
            max_dependency_files=int(s["max_dependency_files"]),
            max_dependency_bytes=int(s["max_dependency_bytes"]),
            dependency_repos=int(s["dependency_repos"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{display}: invalid portfolio rubric ({exc!r})") from exc
