"""Read a job posting: its title, required vs preferred skills, keywords, years and degree.

Three steps, one module each: ``reading`` gets the text and cuts it into parts (required,
preferred, responsibilities, company, ignored) by the headings of ``posting.json``;
``requirements`` finds what the posting asks (skills, any-of groups, title, years, degree);
``keywords`` picks the salient terms that are not skills. ``parse_posting`` runs the three.
"""

from __future__ import annotations

from analyzer.ats.interface import AtsResources
from analyzer.ats.posting.keywords import (
    KeywordUnit,
    Term,
    candidate_terms,
    idf,
    keyword_units,
    salient_keywords,
    term_key,
)
from analyzer.ats.posting.reading import (
    KEYWORD_PARTS,
    PART_ORDER,
    SKILL_PARTS,
    PostingLine,
    heading_part,
    judged_sentences,
    judged_units,
    logical_lines,
    normalize,
    posting_text,
    sentences,
    split_parts,
)
from analyzer.ats.posting.requirements import (
    DEGREE_RANK,
    MATCH_SECTION,
    alternative_groups,
    clean_title,
    degree_asked,
    find_title,
    mention_spans,
    sentences_by_need,
    skill_requirements,
    years_asked,
)
from analyzer.models import JobPosting
from analyzer.settings import Limits

__all__ = [
    "DEGREE_RANK",
    "KEYWORD_PARTS",
    "MATCH_SECTION",
    "PART_ORDER",
    "SKILL_PARTS",
    "KeywordUnit",
    "PostingLine",
    "Term",
    "alternative_groups",
    "candidate_terms",
    "clean_title",
    "degree_asked",
    "find_title",
    "heading_part",
    "idf",
    "judged_sentences",
    "judged_units",
    "keyword_units",
    "logical_lines",
    "mention_spans",
    "normalize",
    "parse_posting",
    "posting_text",
    "read_posting",
    "salient_keywords",
    "sentences_by_need",
    "skill_requirements",
    "sentences",
    "split_parts",
    "term_key",
    "years_asked",
]


def read_posting(
    path: str,
    resources: AtsResources,
    limits: Limits = Limits(),
    stdin_text: str | None = None,
) -> JobPosting:
    """Read a posting file (text, Markdown, PDF, DOCX; "-" for stdin) and analyse it."""
    text = posting_text(path, limits, stdin_text)
    return parse_posting(text, resources, path=path)


def parse_posting(text: str, resources: AtsResources, path: str = "-") -> JobPosting:
    """Analyse a posting's text into a JobPosting."""
    rules = resources.rules.posting
    lines = split_parts(text, rules)
    title = find_title(lines, resources)
    required, preferred, counts, alternatives = skill_requirements(lines, resources)
    required_sentences = list(sentences_by_need(lines, rules, preferred=False))
    degree, equivalent = degree_asked(required_sentences, rules.degrees)
    skills = (*required, *preferred)
    return JobPosting(
        path=path,
        text=text,
        title=title,
        required_skills=required,
        preferred_skills=preferred,
        skill_counts=counts,
        keywords=salient_keywords(
            keyword_units(lines, rules), resources, title=title, skills=skills
        ),
        years_required=years_asked(required_sentences, rules.years),
        degree_required=degree,
        degree_or_equivalent=equivalent,
        alternatives=alternatives,
    )
