"""README quality: parse the Markdown into a token stream and score it against the rubric.

The criteria combine Prana et al. (2019)'s README content categories (what, why, how,
status, who, references, contribution), the standard-readme sections, readme-score's
structure signals (code blocks, images, lists, prose; badges and licence text do not count)
and the Papers with Code ML code completeness checklist. docs/readme-score.md has the table
of weights; the weights themselves live in skills_taxonomy/portfolio.json.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from analyzer.github.interface import Criterion, ReadmeScore
from analyzer.rules.portfolio import ReadmeRubric

_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
_NUMBER = re.compile(r"\d")
_WHY_PHRASES = (
    "problem",
    "goal",
    "aim ",
    "aims ",
    "objective",
    "motivation",
    "purpose",
    "in order to",
    "so that",
    "because",
    "challenge",
    "we want",
    "question",
)
_DATA_PHRASES = (
    "dataset",
    "data set",
    "data source",
    "data from",
    "data was",
    "data were",
    "scraped",
    "collected",
    "kaggle",
    "uci machine learning",
    "corpus",
)
_CONCLUSION_PHRASES = (
    "in conclusion",
    "to conclude",
    "limitation",
    "future work",
    "next steps",
    "lessons learned",
    "we found that",
    "i found that",
    "trade-off",
)
_LICENSE_PHRASES = (
    "licensed under",
    "license: ",
    "mit license",
    "apache license",
    "released under",
)
_STEP_WORDS = ("clean", "feature", "train", "model", "evaluat", "preprocess", "tune", "split")


@dataclass
class Block:
    """One block of the README: a paragraph, list item, table row, heading or code block."""

    kind: str
    """heading, paragraph, item, table_row, code, html."""
    text: str
    """Plain text (code content for code blocks)."""
    section: int
    """Index of the heading above it in ReadmeDoc.headings (-1 before the first heading)."""
    level: int = 0
    """Heading level (1-6) for headings."""
    info: str = ""
    """Fence info (language) for code blocks."""
    ordered: bool = False
    """List item of an ordered list."""
    badge_only: bool = False
    """Paragraph made only of badge images and links."""


@dataclass
class ReadmeDoc:
    """A README parsed from the markdown-it token stream."""

    blocks: list[Block] = field(default_factory=list)
    """Blocks in document order."""
    headings: list[tuple[int, str]] = field(default_factory=list)
    """(level, text) of each heading."""
    images: list[str] = field(default_factory=list)
    """Image sources (Markdown and HTML) that are not badges."""
    badges: list[str] = field(default_factory=list)
    """Badge image sources."""
    links: list[str] = field(default_factory=list)
    """Link targets (Markdown and HTML), badges' links excluded."""
    table_headers: list[list[str]] = field(default_factory=list)
    """Header cells of each table."""
    table_bodies: list[list[list[str]]] = field(default_factory=list)
    """Body rows of each table."""
    inline_code: list[str] = field(default_factory=list)
    """Inline code spans (`pip install ...` written inside a sentence)."""

    def prose(self, *, skip_sections: Iterable[int] = ()) -> list[Block]:
        """Return the prose blocks (paragraphs, list items, table rows), badges left out."""
        skip = set(skip_sections)
        return [
            b
            for b in self.blocks
            if b.kind in ("paragraph", "item", "table_row")
            and not b.badge_only
            and b.section not in skip
        ]

    def code(self) -> list[Block]:
        """Return the code blocks."""
        return [b for b in self.blocks if b.kind == "code"]

    def text(self) -> str:
        """Return all text (headings, prose and code) joined, for keyword searches."""
        return "\n".join(b.text for b in self.blocks)


def strip_front_matter(text: str) -> str:
    """Remove a leading YAML front matter block (--- ... ---), as GitHub does when rendering."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return text
    for i, line in enumerate(lines[1:200], start=1):
        if line.strip() in ("---", "..."):
            return "".join(lines[i + 1 :])
    return text


class _HtmlRefs(HTMLParser):
    """Collect img/video sources, anchors and headings from an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[str] = []
        self.links: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: int | None = None
        self._heading_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("img", "source", "video") and values.get("src"):
            self.images.append(values["src"])
        elif tag == "a" and values.get("href"):
            self.links.append(values["href"])
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
            self._heading_text = []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, "".join(self._heading_text).strip()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading_text.append(data)
        self.text.append(data)


def _is_badge(src: str, rubric: ReadmeRubric) -> bool:
    low = src.lower()
    return any(host in low for host in rubric.badge_hosts)


def _inline(token: Token, doc: ReadmeDoc, rubric: ReadmeRubric) -> tuple[str, bool]:
    """Return the plain text of an inline token and whether it is made only of badges."""
    parts: list[str] = []
    badges = 0
    other_media = 0
    pending_links: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
            if child.type == "code_inline":
                doc.inline_code.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "link_open":
            pending_links.append(str(child.attrs.get("href", "")))
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            if _is_badge(src, rubric):
                badges += 1
                doc.badges.append(src)
                pending_links.clear()  # a badge's link is part of the badge
            else:
                other_media += 1
                doc.images.append(src)
        elif child.type == "link_close":
            if pending_links:
                doc.links.append(pending_links.pop())
        elif child.type == "html_inline":
            refs = _HtmlRefs()
            refs.feed(child.content)
            for src in refs.images:
                (doc.badges if _is_badge(src, rubric) else doc.images).append(src)
            doc.links.extend(refs.links)
    text = "".join(parts).strip()
    badge_only = badges > 0 and other_media == 0 and not _WORD.search(text)
    return text, badge_only


def parse_readme(text: str, rubric: ReadmeRubric) -> ReadmeDoc:
    """Parse README Markdown (front matter stripped) into blocks, headings, links and images."""
    doc = ReadmeDoc()
    tokens = _MD.parse(strip_front_matter(text))
    section = -1
    in_item = 0
    ordered_stack: list[bool] = []
    heading_level = 0
    in_table_head = False
    row: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("ordered_list_open", "bullet_list_open"):
            ordered_stack.append(tok.type == "ordered_list_open")
        elif tok.type in ("ordered_list_close", "bullet_list_close"):
            ordered_stack.pop()
        elif tok.type == "list_item_open":
            in_item += 1
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1])
        elif tok.type == "thead_open":
            in_table_head = True
            doc.table_headers.append([])
            doc.table_bodies.append([])
        elif tok.type == "thead_close":
            in_table_head = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if in_table_head:
                doc.table_headers[-1] = row
            else:
                doc.table_bodies[-1].append(row)
                doc.blocks.append(Block("table_row", " | ".join(row), section))
        elif tok.type == "inline":
            prev = tokens[i - 1].type if i else ""
            content, badge_only = _inline(tok, doc, rubric)
            if prev == "heading_open":
                doc.headings.append((heading_level, content))
                section = len(doc.headings) - 1
                doc.blocks.append(Block("heading", content, section, level=heading_level))
            elif prev in ("th_open", "td_open"):
                row.append(content)
            elif in_item:
                ordered = bool(ordered_stack and ordered_stack[-1])
                doc.blocks.append(
                    Block("item", content, section, ordered=ordered, badge_only=badge_only)
                )
            else:
                doc.blocks.append(Block("paragraph", content, section, badge_only=badge_only))
        elif tok.type in ("fence", "code_block"):
            doc.blocks.append(Block("code", tok.content, section, info=tok.info.strip().lower()))
        elif tok.type == "html_block":
            refs = _HtmlRefs()
            refs.feed(tok.content)
            for src in refs.images:
                (doc.badges if _is_badge(src, rubric) else doc.images).append(src)
            doc.links.extend(refs.links)
            for level, heading in refs.headings:
                doc.headings.append((level, heading))
                section = len(doc.headings) - 1
                doc.blocks.append(Block("heading", heading, section, level=level))
            rest = " ".join(t.strip() for t in refs.text if t.strip())
            for _, heading in refs.headings:
                rest = rest.replace(heading, "", 1)
            if _WORD.search(rest):
                doc.blocks.append(Block("paragraph", rest.strip(), section))
    return doc


def _norm(text: str) -> str:
    """Lower-case, drop emoji, numbering and punctuation: '📊 2. Results:' -> 'results'."""
    kept = "".join(
        ch if (unicodedata.category(ch)[0] in "LN" or ch in " -/&+'") else " " for ch in text
    )
    kept = re.sub(r"^\s*\d+(\s|$)", " ", kept.lower())
    return " ".join(kept.split())


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    low = f" {text.lower()} "
    for phrase in phrases:
        if phrase.endswith(" ") or not phrase[-1:].isalnum():
            if phrase in low:
                return True
        elif re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", low):
            return True
    return False


def _section_matches(heading: str, synonyms: Iterable[str]) -> bool:
    norm = _norm(heading)
    if not norm:
        return False
    return any(
        norm == syn or re.search(rf"(?<![\w]){re.escape(syn)}(?![\w])", norm) for syn in synonyms
    )


def slugify_heading(text: str) -> str:
    """Return the anchor GitHub gives a heading (lower case, punctuation dropped, - for spaces)."""
    slug = "".join(ch for ch in text.lower() if unicodedata.category(ch)[0] in "LN" or ch in " -_")
    return slug.replace(" ", "-")


@dataclass(frozen=True)
class _Context:
    doc: ReadmeDoc
    rubric: ReadmeRubric
    paths: frozenset[str] | None
    readme_dir: str
    words: int
    license_sections: tuple[int, ...]


def _sections_of(ctx: _Context, kind: str) -> list[int]:
    syns = ctx.rubric.sections.get(kind, ())
    return [i for i, (_, text) in enumerate(ctx.doc.headings) if _section_matches(text, syns)]


def _has_section(ctx: _Context, kind: str) -> bool:
    return bool(_sections_of(ctx, kind))


def _prose(ctx: _Context) -> list[Block]:
    """Prose blocks outside licence sections (licence boilerplate is not content)."""
    return ctx.doc.prose(skip_sections=ctx.license_sections)


def _prose_text(ctx: _Context) -> str:
    return "\n".join(b.text for b in _prose(ctx))


def _relative_target(href: str) -> str | None:
    """Return the repo path a relative link points at, None for URLs, anchors, mailto."""
    href = href.strip()
    if not href or href.startswith(("#", "//")):
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    return path or None


def _resolves(ctx: _Context, target: str) -> bool:
    if ctx.paths is None:
        return True
    if target.startswith("/"):
        path = posixpath.normpath(target.lstrip("/"))
    else:
        path = posixpath.normpath(posixpath.join(ctx.readme_dir, target))
    if path in (".", ""):
        return True
    if path.startswith(".."):
        return False
    return path in ctx.paths or path.rstrip("/") + "/" in ctx.paths


def _anchors(ctx: _Context) -> set[str]:
    seen: dict[str, int] = {}
    out: set[str] = set()
    for _, text in ctx.doc.headings:
        slug = slugify_heading(text)
        n = seen.get(slug, 0)
        out.add(slug if n == 0 else f"{slug}-{n}")
        seen[slug] = n + 1
    return out


def _broken_links(ctx: _Context) -> list[str]:
    broken: list[str] = []
    anchors = _anchors(ctx)
    for href in [*ctx.doc.links, *ctx.doc.images]:
        if href.startswith("#"):
            anchor = unquote(href[1:]).lower()
            if anchor and anchor not in anchors and not anchor.startswith("user-content-"):
                broken.append(href)
            continue
        target = _relative_target(href)
        if target is not None and not _resolves(ctx, target):
            broken.append(href)
    return broken


_TARGET_WORDS = ("target", "goal", "grade", "threshold", "aim", "required", "minimum", "expected")
_TARGET = re.compile(
    r"(?:[<>≥≤]=?|\b(?:" + "|".join(_TARGET_WORDS) + r")\b\W{0,3}[<>≥≤]?=?)\s*~?\s*\d[\d.,]*\s*%?",
    re.IGNORECASE,
)


def reports_result(text: str) -> bool:
    """Tell whether text holds a number that reports a result, not a target: in
    "Grade: >99%" or "goal 0.9" the number is what is aimed at, not what was reached."""
    return bool(_NUMBER.search(_TARGET.sub(" ", text)))


def _metric_in(text: str, rubric: ReadmeRubric) -> bool:
    return reports_result(text) and _has_phrase(text, rubric.metrics)


def _table_reports_metric(header: list[str], body: list[list[str]], rubric: ReadmeRubric) -> bool:
    """A metric column with a result in it, or a row naming a metric with a result beside it;
    columns headed as targets (grade, goal, threshold) hold no results."""
    targets = {i for i, cell in enumerate(header) if _has_phrase(cell, _TARGET_WORDS)}
    metric_columns = {
        i for i, cell in enumerate(header) if i not in targets and _has_phrase(cell, rubric.metrics)
    }
    for row in body:
        cells = [(i, c) for i, c in enumerate(row) if i not in targets]
        if any(i in metric_columns and reports_result(c) for i, c in cells):
            return True
        if metric_columns:
            continue
        named = [i for i, c in cells if _has_phrase(c, rubric.metrics)]
        if named and any(i not in named and reports_result(c) for i, c in cells):
            return True
    return False


# --------------------------------------------------------------------------- criteria


def _title(ctx: _Context) -> bool:
    if any(level == 1 for level, _ in ctx.doc.headings):
        return True
    first = next((b for b in ctx.doc.blocks if not b.badge_only), None)
    return first is not None and first.kind == "heading"


def _description(ctx: _Context) -> bool:
    min_words = ctx.rubric.description_min_words
    for block in _prose(ctx):
        if block.section >= 1:
            break
        if block.kind in ("paragraph", "item") and _words(block.text) >= min_words:
            return True
    return False


def _motivation(ctx: _Context) -> bool:
    return _has_section(ctx, "motivation") or _has_phrase(_prose_text(ctx), _WHY_PHRASES)


def _data(ctx: _Context) -> bool:
    if _has_section(ctx, "data"):
        return True
    return any(
        _has_phrase(b.text, _DATA_PHRASES) and (_NUMBER.search(b.text) or "http" in b.text)
        for b in _prose(ctx)
    ) or any(
        "kaggle.com" in link or "archive.ics.uci.edu" in link or "huggingface.co/datasets" in link
        for link in ctx.doc.links
    )


def _approach(ctx: _Context) -> bool:
    if _has_section(ctx, "approach"):
        return True
    steps = [b for b in _prose(ctx) if b.kind == "item"]
    return len(steps) >= 3 and sum(1 for b in steps if _has_phrase(b.text, _STEP_WORDS)) >= 2


def _results(ctx: _Context) -> bool:
    if _has_section(ctx, "results"):
        return True
    return any(
        any(_has_phrase(cell, ctx.rubric.metrics) for cell in header)
        for header in ctx.doc.table_headers
    )


def _metrics(ctx: _Context) -> bool:
    rubric = ctx.rubric
    for header, body in zip(ctx.doc.table_headers, ctx.doc.table_bodies, strict=False):
        if _table_reports_metric(header, body, rubric):
            return True
    return any(
        _metric_in(b.text, rubric) for b in ctx.doc.blocks if b.kind != "code" and not b.badge_only
    )


def _conclusions(ctx: _Context) -> bool:
    return _has_section(ctx, "conclusions") or _has_phrase(_prose_text(ctx), _CONCLUSION_PHRASES)


def _install(ctx: _Context) -> bool:
    if _has_section(ctx, "install"):
        return True
    snippets = [b.text for b in ctx.doc.code()] + ctx.doc.inline_code
    return any(_has_phrase(text, ctx.rubric.install_commands) for text in snippets)


def _usage(ctx: _Context) -> bool:
    if _has_section(ctx, "usage"):
        return True
    for block in ctx.doc.code():
        if _has_phrase(block.text, ctx.rubric.install_commands) and _words(block.text) < 8:
            continue
        if _has_phrase(block.text, ctx.rubric.reproduce_commands) or "import " in block.text:
            return True
    return False


def _reproduce(ctx: _Context) -> bool:
    pattern = re.compile(
        r"(?<![\w])(train|training|evaluate|evaluation|eval|predict|inference|reproduce|"
        r"benchmark|dvc repro|make \w+|pytest)(?![\w])",
        re.IGNORECASE,
    )
    return any(pattern.search(b.text) for b in ctx.doc.code())


def _code_blocks(ctx: _Context) -> bool:
    return bool(ctx.doc.code())


def _visuals(ctx: _Context) -> bool:
    for src in ctx.doc.images:
        target = _relative_target(src)
        if target is None or _resolves(ctx, target):
            return True
    return False


def _structure(ctx: _Context) -> bool:
    if _has_section(ctx, "structure"):
        return True
    for block in ctx.doc.code():
        lines = block.text.splitlines()
        if any(g in block.text for g in ("├", "└")) or (
            sum(1 for ln in lines if ln.rstrip().endswith("/")) >= 3
        ):
            return True
    return False


def _sections(ctx: _Context) -> bool:
    return len(ctx.doc.headings) >= ctx.rubric.min_sections


def _length(ctx: _Context) -> bool:
    return ctx.rubric.stub_words <= ctx.words <= ctx.rubric.dump_words


def _links_resolve(ctx: _Context) -> bool:
    return not _broken_links(ctx)


def _references(ctx: _Context) -> bool:
    if _has_section(ctx, "references"):
        return True
    return any(
        urlsplit(link).scheme in ("http", "https") and not _is_badge(link, ctx.rubric)
        for link in ctx.doc.links
    )


def _toc(ctx: _Context) -> bool:
    long = (
        ctx.words >= ctx.rubric.long_readme_words
        or len(ctx.doc.headings) >= ctx.rubric.long_readme_headings
    )
    if not long:
        return True
    return _has_section(ctx, "toc") or sum(1 for h in ctx.doc.links if h.startswith("#")) >= 3


def _license(ctx: _Context) -> bool:
    return _has_section(ctx, "license") or _has_phrase(_prose_text(ctx), _LICENSE_PHRASES)


def _contributing(ctx: _Context) -> bool:
    if _has_section(ctx, "contributing"):
        return True
    return any(link.startswith("mailto:") or "linkedin.com/" in link for link in ctx.doc.links)


CHECKS: dict[str, Callable[[_Context], bool]] = {
    "readme.title": _title,
    "readme.description": _description,
    "readme.motivation": _motivation,
    "readme.data": _data,
    "readme.approach": _approach,
    "readme.results": _results,
    "readme.metrics": _metrics,
    "readme.conclusions": _conclusions,
    "readme.install": _install,
    "readme.usage": _usage,
    "readme.reproduce": _reproduce,
    "readme.code_blocks": _code_blocks,
    "readme.visuals": _visuals,
    "readme.structure": _structure,
    "readme.sections": _sections,
    "readme.length": _length,
    "readme.links_resolve": _links_resolve,
    "readme.references": _references,
    "readme.toc": _toc,
    "readme.license": _license,
    "readme.contributing": _contributing,
}
"""Criterion id -> check. Every id needs a weight and a fix in the rubric data."""


def known_paths(files: Iterable[str], tree: Iterable[str] = ()) -> frozenset[str]:
    """Return every path and folder (ending with /) of a repo, for resolving relative links."""
    out: set[str] = set()
    for path in [*files, *tree]:
        path = path.removeprefix("./")
        out.add(path)
        parts = path.rstrip("/").split("/")
        for i in range(1, len(parts)):
            out.add("/".join(parts[:i]) + "/")
        if path.endswith("/"):
            out.add(path.rstrip("/"))
    return frozenset(out)


def license_sections(doc: ReadmeDoc, rubric: ReadmeRubric) -> tuple[int, ...]:
    """Return the indices of the licence sections (their boilerplate is not content)."""
    syns = rubric.sections["license"]
    return tuple(i for i, (_, t) in enumerate(doc.headings) if _section_matches(t, syns))


def prose_words(doc: ReadmeDoc, rubric: ReadmeRubric) -> int:
    """Count the explanatory words: prose and tables, without badges, code or licence text."""
    return sum(_words(b.text) for b in doc.prose(skip_sections=license_sections(doc, rubric)))


def score_readme(
    text: str | None,
    files: Iterable[str] | None = None,
    *,
    readme_path: str = "README.md",
    rubric: ReadmeRubric,
) -> ReadmeScore:
    """Score a README 0-100; `files` (repo paths, folders ending with /) checks relative links.

    With ``files=None`` relative links are not checked (the tree is unknown). A missing or
    empty README fails every criterion and scores 0.
    """
    unknown = set(CHECKS) ^ set(rubric.weights)
    if unknown:
        raise ValueError(f"README criteria and weights differ: {sorted(unknown)}")
    total = sum(rubric.weights.values()) or 1.0
    if text is None or not text.strip():
        criteria = tuple(
            Criterion(cid, False, rubric.weights[cid], rubric.fixes[cid]) for cid in CHECKS
        )
        return ReadmeScore(score=0.0, criteria=criteria)
    doc = parse_readme(text, rubric)
    paths = None if files is None else known_paths(files)
    if paths is not None and not paths:
        paths = None
    ctx = _Context(
        doc=doc,
        rubric=rubric,
        paths=paths,
        readme_dir=posixpath.dirname(readme_path),
        words=prose_words(doc, rubric),
        license_sections=license_sections(doc, rubric),
    )
    criteria = tuple(
        Criterion(cid, bool(check(ctx)), rubric.weights[cid], rubric.fixes[cid])
        for cid, check in CHECKS.items()
    )
    if any(c.id == "readme.links_resolve" and not c.passed for c in criteria):
        broken = ", ".join(_broken_links(ctx)[:5])
        criteria = tuple(
            Criterion(c.id, c.passed, c.weight, f"{c.fix} Broken: {broken}.")
            if c.id == "readme.links_resolve"
            else c
            for c in criteria
        )
    score = round(100.0 * sum(c.weight for c in criteria if c.passed) / total, 1)
    return ReadmeScore(score=score, criteria=criteria)
