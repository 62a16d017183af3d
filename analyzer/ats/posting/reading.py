"""Reading a job posting and cutting it into parts: requirements, nice-to-haves, the rest.

A posting is split into lines; headings (``posting.json``) switch between parts: *required*
(Requirements, Qualifications, What you'll need, Must have...), *preferred* (Nice to have,
Preferred, Bonus, Pluses...), *responsibilities*, *body* and *ignore* (Benefits, EEO). When one
sentence carries both a required and a preferred marker ("Python required, Spark a plus") it is
judged clause by clause.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analyzer.documents.limits import read_limited
from analyzer.documents.lines import strip_invisible
from analyzer.documents.text import decode_text, looks_binary
from analyzer.errors import InputError
from analyzer.glyphs import BULLET_GLYPHS, MARKDOWN_MARKS, glyph_class
from analyzer.rules.posting import PostingRules
from analyzer.settings import Limits

log = logging.getLogger(__name__)

PART_ORDER = ("preferred", "ignore", "required", "responsibilities", "company")
"""Order in which heading kinds are tried: the most specific first."""

SKILL_PARTS = ("title", "required", "responsibilities", "body", "preferred", "company")
"""Parts whose skills count; "ignore" and "meta" lines do not."""

KEYWORD_PARTS = ("required", "preferred", "responsibilities")
"""Parts whose words make the salient keywords: not the company blurb, benefits or meta lines."""

_BULLET = re.compile(rf"^\s*(?:{glyph_class(BULLET_GLYPHS + MARKDOWN_MARKS)}|\d{{1,2}}[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])")
_CLAUSE = re.compile(r"[,;]\s*|\s+-\s+|\s+(?:but|while|whereas)\s+")
_KEY_VALUE = re.compile(r"^[A-Za-z][\w ]{0,30}:\s+\S")


@dataclass(frozen=True)
class PostingLine:
    """One line of a posting and the part it belongs to."""

    text: str
    """The line without bullet glyphs and markdown marks."""
    part: str
    """title, meta, required, preferred, responsibilities, company, body or ignore."""
    bullet: bool = False
    """True for an item of a bulleted or numbered list."""


def posting_text(path: str, limits: Limits = Limits(), stdin_text: str | None = None) -> str:
    """Return a posting's text: stdin for "-", a PDF/DOCX through the reader, else the file."""
    if path == "-":
        text = stdin_text if stdin_text is not None else sys.stdin.read()
    else:
        # A pipe (--job <(...)) has no size and is no regular file: read it within --max-bytes.
        data = read_limited(path, limits.max_bytes)
        if Path(path).suffix.lower() in (".pdf", ".docx"):
            from analyzer.documents import read_document

            text = read_document(path, data=data, limits=limits).text
        else:
            text = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limits.max_chars:
        log.warning("%s: posting cut to %d characters", path, limits.max_chars)
        text = text[: limits.max_chars]
    text = strip_invisible(text)
    if not text.strip():
        raise InputError(path, "the job posting is empty")
    return text


def _decode(path: str, data: bytes) -> str:
    """Decode a text posting as a text resume is decoded; refuse binary noise."""
    text, _ = decode_text(data)
    if looks_binary(text):
        raise InputError(path, "not a text, Markdown, PDF or DOCX job posting")
    return text


# --------------------------------------------------------------------------- parts


def normalize(text: str) -> str:
    """Lower-case, straighten quotes, drop markdown/bullets and outer punctuation."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = _MARKDOWN_HEADING.sub("", _BULLET.sub("", text))
    text = _EMPHASIS.sub("", text).strip().lower()
    text = text.strip(" \t:.!?-–—*#")
    return re.sub(r"\s+", " ", text)


def contains_phrase(text: str, phrase: str) -> bool:
    r"""Whole-word containment of a phrase in normalized text.

    The phrase counts where neither side touches a word character or a hyphen, as the
    pattern ``(?<![\w-])PHRASE(?![\w-])`` says; tested with ``str.find`` rather than a
    pattern compiled for each of the few hundred heading and marker phrases a posting is
    tested against (their compiles were a fifth of reading a posting).
    """
    if not phrase:
        return re.search(r"(?<![\w-])(?![\w-])", text) is not None
    end = len(phrase)
    start = text.find(phrase)
    while start >= 0:
        if (start == 0 or not _word_or_hyphen(text[start - 1])) and (
            start + end == len(text) or not _word_or_hyphen(text[start + end])
        ):
            return True
        start = text.find(phrase, start + 1)
    return False


def _word_or_hyphen(char: str) -> bool:
    r"""True for what ``[\w-]`` matches: a letter, digit or number, "_" or "-"."""
    return char.isalnum() or char in "_-"


def heading_part(line: str, rules: PostingRules) -> str | None:
    """Return the part a heading line starts (or None when the line is not a heading)."""
    headings = rules.headings
    markdown = _MARKDOWN_HEADING.match(line) is not None
    stripped = _EMPHASIS.sub("", line).strip()
    colon = stripped.endswith(":")
    norm = normalize(line)
    if not norm:
        return None
    for part in PART_ORDER:
        if norm in headings[part] and len(norm.split()) <= 6:
            return part
    if not (markdown or colon) or len(norm.split()) > 14:
        return None
    for part in PART_ORDER:
        if any(contains_phrase(norm, phrase) for phrase in headings[part]):
            return part
    return "body" if markdown else None


def logical_lines(text: str, rules: PostingRules) -> list[tuple[str, bool, bool]]:
    """Join hard-wrapped lines; return (line, is_bullet, follows_blank) triples."""
    out: list[tuple[str, bool, bool]] = []
    blank = True
    raws = text.split("\n")
    # A hard-wrapped text (lines cut near one width) continues a sentence on a new line even
    # before a capital ("As a Machine / Learning Engineer"); unwrapped text does not.
    width = max((len(r.rstrip()) for r in raws), default=0)
    wrap_at = 0.7 * width if width <= 110 else float("inf")
    for raw in raws:
        if not raw.strip():
            blank = True
            continue
        bullet = _BULLET.match(raw) is not None
        stripped = raw.strip()
        keyed = _KEY_VALUE.match(stripped) is not None
        if out and not blank and not bullet and not keyed and heading_part(raw, rules) is None:
            prev, prev_bullet, prev_blank = out[-1]
            wrapped = stripped[0].islower() or stripped[0] in "(&" or len(prev) >= wrap_at
            if (
                wrapped
                and not prev.rstrip().endswith((".", "!", "?", ":"))
                and (heading_part(prev, rules) is None)
            ):
                out[-1] = (f"{prev.rstrip()} {stripped}", prev_bullet, prev_blank)
                continue
        out.append((raw, bullet, blank))
        blank = False
    return out


def split_parts(text: str, rules: PostingRules) -> tuple[PostingLine, ...]:
    """Split a posting into lines, each labelled with the part it belongs to."""
    title_prefixes = rules.title_prefixes
    meta_prefixes = rules.meta_prefixes
    part = "body"
    part_has_bullets = False
    out: list[PostingLine] = []
    title_seen = False
    for raw, bullet, follows_blank in logical_lines(text, rules):
        clean = _EMPHASIS.sub("", _MARKDOWN_HEADING.sub("", _BULLET.sub("", raw))).strip()
        prefix, colon, rest = clean.partition(":")
        key = normalize(prefix)
        rest = rest.strip()
        if colon and rest and len(key.split()) <= 3:
            if key in title_prefixes and not title_seen:
                out.append(PostingLine(rest, "title"))
                title_seen = True
                continue
            if key in meta_prefixes:
                out.append(PostingLine(rest, "meta"))
                continue
            inline = heading_part(prefix + ":", rules)
            if inline is not None and len(key.split()) <= 5:
                part, part_has_bullets = inline, False
                out.append(PostingLine(rest, part))
                continue
        heading = heading_part(raw, rules)
        if heading is not None:
            part, part_has_bullets = heading, False
            if heading == "body":  # an unknown markdown heading may be the job title
                out.append(PostingLine(clean, part))
            continue
        # Prose after a bulleted list and a blank line has left the list's part.
        if part_has_bullets and follows_blank and not bullet:
            part, part_has_bullets = "body", False
        # A paragraph opening like an ignored heading ("We offer ...", "Equal opportunity
        # employer ...") is that part even without a heading.
        if follows_blank and not bullet and _opens_with(clean, rules.headings["ignore"]):
            part, part_has_bullets = "ignore", False
        part_has_bullets = part_has_bullets or bullet
        if clean:  # an empty bullet ("- ") is no line: it would become an empty title
            out.append(PostingLine(clean, part, bullet))
    return tuple(out)


def _opens_with(text: str, phrases: Iterable[str]) -> bool:
    norm = normalize(text)
    return any(norm == p or norm.startswith(p + " ") for p in phrases)


def sentences(text: str) -> list[str]:
    """Split a line into sentences on end punctuation."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def has_marker(text: str, markers: Iterable[str]) -> bool:
    norm = normalize(text)
    return any(contains_phrase(norm, m) for m in markers)


Clauses = tuple[tuple[str, bool], ...]
"""A sentence's (clause, preferred) parts; one part when the sentence is not mixed."""


def judged_sentences(
    lines: Iterable[PostingLine], rules: PostingRules
) -> Iterator[tuple[str, str, Clauses]]:
    """Yield (sentence, part, clauses): each clause marked preferred or not."""
    pref, need = rules.preferred_markers, rules.required_markers
    for line in lines:
        if line.part not in SKILL_PARTS:
            continue
        for sentence in sentences(line.text):
            if line.part == "preferred":
                yield sentence, line.part, ((sentence, True),)
            elif not has_marker(sentence, pref):
                yield sentence, line.part, ((sentence, False),)
            elif not has_marker(sentence, need):
                yield sentence, line.part, ((sentence, True),)
            else:
                clauses = tuple(
                    (c.strip(), has_marker(c, pref)) for c in _CLAUSE.split(sentence) if c.strip()
                )
                yield sentence, line.part, clauses


def judged_units(
    lines: Iterable[PostingLine], rules: PostingRules
) -> Iterator[tuple[str, str, bool]]:
    """Yield (text, part, preferred) units: sentences, or clauses of mixed sentences."""
    for _sentence, part, clauses in judged_sentences(lines, rules):
        for clause, preferred in clauses:
            yield clause, part, preferred
