"""ATS readability ("searchability") checks: can a parser read this file the way it reads?

Each check gives a Finding (area "readability", id "readability.<check>") that names the fix.
Thresholds and impact estimates live in ``skills_taxonomy/scoring.json`` (``readability``).
A fully scanned PDF never gets here: the reader refuses it (no text layer) with exit code 3.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from analyzer.findings import BLOCKED_SCORE_CAP, Area, Finding, Severity, page_of
from analyzer.models import HiddenText, ResumeDocument, ResumeProfile
from analyzer.rules.headings import HeadingRules
from analyzer.rules.scoring import ReadabilityRules

AREA = Area.READABILITY

Check = Callable[[ResumeDocument, ResumeProfile, ReadabilityRules], Iterable[Finding]]
"""One readability check: the findings of one kind of problem."""

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_LINKEDIN = re.compile(r"linkedin\.com/\S+", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_LEADING_CID = re.compile(r"^\s*\(cid:\d+\)")


def _finding(
    rules: ReadabilityRules,
    check: str,
    severity: Severity,
    message: str,
    fix: str,
    evidence: str | None = None,
    anchor: str | None = None,
    page: int | None = None,
    impact: float | None = None,
) -> Finding:
    if impact is None:
        impact = float(rules.impact.get(check, 1))
    return Finding(
        id=f"{AREA.value}.{check}",
        severity=severity,
        area=AREA,
        message=message,
        fix=fix,
        evidence=evidence,
        anchor=anchor,
        page=page,
        impact=impact,
    )


def readability_findings(
    document: ResumeDocument, profile: ResumeProfile, rules: ReadabilityRules
) -> tuple[Finding, ...]:
    """Return every readability problem of the resume file, each with its fix."""
    checks: tuple[Check, ...] = (
        unreadable_text,
        hidden_text,
        faint_text,
        text_layer,
        garbled_text,
        layout,
        contact_placement,
        headings,
        language,
        contact_details,
        length,
        file_kind,
    )
    return tuple(finding for check in checks for finding in check(document, profile, rules))


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


UNSEEN = {
    "colour": "white or background-coloured",
    "covered": "covered, clipped or switched off",
    "invisible": "invisible (render mode)",
    "offpage": "off the page",
}
"""Why a person cannot see text at all, in words, by HiddenText.reason."""
FAINT = {"tiny": "too small to read", "faint": "too faint to read"}
"""Why a person can barely see text, in words, by HiddenText.reason."""


def _where(hidden: list[HiddenText]) -> str:
    pages = sorted({h.page for h in hidden})
    return f"page{'s' if len(pages) > 1 else ''} {', '.join(str(p) for p in pages)}"


def _aimed(hidden: list[HiddenText], rules: ReadabilityRules) -> list[HiddenText]:
    patterns = [re.compile(p, re.IGNORECASE) for p in rules.ai_instruction_patterns]
    return [h for h in hidden if any(p.search(h.text) for p in patterns)]


READABLE_SHARE = 0.03
"""Below this share of common function words the text does not read as a language mlcheck
knows: every real resume of the shared corpus (English, German, Spanish, French) has 7% or
more, the same texts with each letter shifted by one 1.3% or less."""
READABLE_MIN_WORDS = 40
"""Fewer words than this and mlcheck does not judge whether the text reads as language."""
_LETTERS = re.compile(r"[^\W\d_]{2,}")


@functools.lru_cache(maxsize=4)
def _function_words(headings: HeadingRules) -> frozenset[str]:
    """Every language's function words in one set, built once per rules."""
    return frozenset(w for words in headings.function_words.values() for w in words)


def function_word_share(text: str) -> tuple[float, int]:
    """Return (share of common function words of any known language, words counted).

    Every language ``headings.json`` lists function words for counts ("the", "und", "avec"),
    so a Spanish or German resume reads as language; letters a broken ToUnicode map shifted
    ("Nbdijof Mfbsojoh") hold almost none.
    """
    from analyzer.rules import shipped_rules

    known = _function_words(shipped_rules().headings)
    words = [w.casefold() for w in _LETTERS.findall(text)]
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in known) / len(words), len(words)


def is_unreadable(document: ResumeDocument, profile: ResumeProfile) -> bool:
    """True when the extracted text does not read as language (``unreadable_text``)."""
    share, words = function_word_share(document.text)
    return words >= READABLE_MIN_WORDS and share < READABLE_SHARE and len(profile.skills) < 3


def unreadable_text(
    document: ResumeDocument, profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag text that does not read as any language: a broken ToUnicode map, a blocking fault."""
    if not is_unreadable(document, profile):
        return
    share, _words = function_word_share(document.text)
    line = next((ln for ln in document.lines if len(_LETTERS.findall(ln.text)) >= 3), None)
    sample = _shorten(line.text, 80) if line is not None else _shorten(document.text, 80)
    yield _finding(
        rules,
        "unreadable_text",
        Severity.HIGH,
        f"The text in this file does not read as any language: it extracts as '{sample}', "
        f"and only {share:.0%} of its words are common words (a real resume has 7% or more). "
        "The font's text map (ToUnicode) is likely broken, so an ATS reads the same letters; "
        "every other finding is unreliable, and the resume quality score and the ATS match "
        f"are capped at {BLOCKED_SCORE_CAP:.0f}.",
        "Re-export the PDF from its source with standard embedded fonts, then copy the text "
        "out of the PDF into a plain-text editor: it must read as what the page shows.",
        evidence=sample,
        page=line.page if line is not None else None,
        impact=float(rules.impact.get("unreadable_text", 50)),
    )


def hidden_text(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag text a person cannot see (judged on the rendered page), above all AI instructions."""
    hidden = [h for h in document.layout.hidden if h.reason in UNSEEN]
    if not hidden:
        return
    aimed = _aimed(hidden, rules)
    how = ", ".join(sorted({UNSEEN[h.reason] for h in hidden}))
    evidence = _shorten(" / ".join(h.text for h in (aimed or hidden)))
    if aimed:
        message = (
            f"The file hides instructions aimed at AI screeners ({how}, on {_where(hidden)}); "
            "recruiters and ATS vendors treat this as manipulation and reject it."
        )
    else:
        message = (
            f"The file holds text a reader cannot see ({how}, on {_where(hidden)}); an ATS "
            "still reads it, and hidden keywords look like stuffing when found."
        )
    yield _finding(
        rules,
        "hidden_text",
        Severity.HIGH,
        message,
        "Delete the hidden text. mlcheck never scores it; put the skills you really have in "
        "visible bullets instead.",
        evidence=evidence,
        page=min(h.page for h in (aimed or hidden)),
    )


def faint_text(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag text printed too small or too faint to read, a lure when it speaks to screeners."""
    faint = [h for h in document.layout.hidden if h.reason in FAINT]
    if not faint:
        return
    aimed = _aimed(faint, rules)
    how = " and ".join(sorted({FAINT[h.reason] for h in faint}))
    evidence = _shorten(" / ".join(h.text for h in (aimed or faint)))
    if aimed:
        message = (
            f"The file prints a line aimed at automated screeners {how} (on "
            f"{_where(faint)}); recruiters treat such lures as manipulation."
        )
        severity = Severity.HIGH
    else:
        message = (
            f"Some text is {how} (on {_where(faint)}); a person skims past it while an ATS "
            "reads it, so mlcheck does not count it."
        )
        severity = Severity.MEDIUM
    yield _finding(
        rules,
        "faint_text",
        severity,
        message,
        "Print every line at 8 pt or more in a colour that stands out from the page, or delete it.",
        evidence=evidence,
        page=min(h.page for h in (aimed or faint)),
    )


def text_layer(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag pages that are images without text, and text kept inside images."""
    layout = document.layout
    if layout.image_only_pages:
        # Worth the share of the pages lost: one image page of fifteen is not a whole resume.
        share = layout.image_only_pages / max(1, document.pages)
        one = layout.image_only_pages == 1
        yield _finding(
            rules,
            "image_only_pages",
            Severity.HIGH,
            f"{layout.image_only_pages} of {document.pages} pages "
            f"{'is an image' if one else 'are images'} with no text layer; an ATS reads "
            f"nothing on {'it' if one else 'them'}.",
            "Export the resume from its source (Word, Google Docs, LaTeX) as a text PDF instead "
            "of scanning or printing it to an image; leave out pages that are not your resume.",
            impact=round(float(rules.impact.get("image_only_pages", 1)) * share, 2),
        )
    elif layout.images:
        yield _finding(
            rules,
            "images",
            Severity.LOW,
            f"The file holds {layout.images} image(s); any words in them (logos, icons, skill "
            "bars, charts) are invisible to an ATS.",
            "Keep images decorative only: write skills, contact details and ratings as text.",
        )


def garbled_text(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag characters that do not decode and words glued together without spaces."""
    layout = document.layout
    leading = sum(1 for line in document.lines if _LEADING_CID.match(line.text))
    inner = sum(len(_CID.findall(line.text)) for line in document.lines) - leading
    if layout.cid_glyphs and leading and inner <= 0:
        first = next(line for line in document.lines if _LEADING_CID.match(line.text))
        yield _finding(
            rules,
            "bullet_glyphs",
            Severity.LOW,
            f"{leading} bullet symbols come out as (cid:NN) codes; an ATS shows them as "
            "garbage before your bullets.",
            "Use the standard bullet character (•, U+2022) or a hyphen from a standard font "
            "instead of a symbol font.",
            evidence=first.text,
            page=first.page,
        )
    elif layout.cid_glyphs >= rules.cid_glyphs_min:
        # Judged by how much of the text is lost, not by the count: a ligature or two cost a
        # word; one character in fifty lost garbles names, headings and skills.
        letters = max(1, sum(ch.isalnum() for ch in document.text))
        share = layout.cid_glyphs / letters
        cid_line = next((line for line in document.lines if _CID.search(line.text)), None)
        severity = (
            Severity.HIGH if share >= 0.02 else Severity.MEDIUM if share >= 0.005 else Severity.LOW
        )
        yield _finding(
            rules,
            "garbled_text",
            severity,
            f"{layout.cid_glyphs} characters ({share:.1%} of the text) come out as (cid:NN) "
            "codes: their font has no Unicode map, so an ATS reads garbage where they are.",
            "Re-export the PDF with standard embedded fonts (e.g. save from Word or Google Docs "
            "with 'embed fonts', or use a common font such as Calibri, Arial or Latin Modern).",
            evidence=cid_line.text if cid_line is not None else None,
            page=cid_line.page if cid_line is not None else None,
            impact=round(float(rules.impact.get("garbled_text", 1)) * min(1.0, share / 0.02), 2),
        )
    if layout.glued_words >= rules.glued_words_min:
        yield _finding(
            rules,
            "glued_words",
            Severity.MEDIUM,
            f"{layout.glued_words} words run together without spaces when the text is "
            "extracted (e.g. 'MachineLearningEngineer'); keywords inside them are not found.",
            "Use real spaces between words (not letter-spacing or positioned characters); "
            "re-export from a word processor and copy-paste the PDF text to check.",
        )


def layout(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag multi-column layouts and tables an ATS may scramble."""
    facts = document.layout
    if facts.columns > 1:
        yield _finding(
            rules,
            "multi_column",
            Severity.MEDIUM,
            f"The layout has {facts.columns} columns; many ATS parsers read across columns "
            "and mix a sidebar into your experience.",
            "Use a single-column layout; move sidebar content (skills, contact, languages) "
            "into sections of the main column.",
        )
    if facts.tables:
        yield _finding(
            rules,
            "tables",
            Severity.MEDIUM,
            f"The file has {facts.tables} table(s); ATS parsers often read table cells out of "
            "order or drop them.",
            "Replace tables with plain headings and bullet lists.",
        )


def _in_body(pattern: re.Pattern[str], document: ResumeDocument) -> tuple[bool, bool]:
    """Return (found in header/footer zone, found elsewhere)."""
    zone = set(document.layout.header_footer_text)
    in_zone = any(pattern.search(t) for t in zone)
    in_body = any(pattern.search(line.text) for line in document.lines if line.text not in zone)
    return in_zone, in_body


HEADER_BAND_POINTS = 150.0
"""How far from the top of a PDF page a line is still in the header band (points)."""


def _under_the_name(pattern: re.Pattern[str], document: ResumeDocument) -> bool:
    """True when a PDF shows the detail once, in the top band of a page: where contact
    details belong (beside or under the name), read by every parser.

    A PDF has no header object; what a parser may skip is a running header or footer, text
    repeated at the top or bottom of every page, or a footer line. DOCX headers are real
    header parts and stay flagged.
    """
    if document.format != "pdf":
        return False
    zone = set(document.layout.header_footer_text)
    lines = [ln for ln in document.lines if ln.text in zone and pattern.search(ln.text)]
    if not lines or any(ln.top >= HEADER_BAND_POINTS for ln in lines):
        return False
    return len({ln.page for ln in lines}) == 1


def contact_placement(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag contact details that appear only in the page header or footer."""
    if not document.layout.header_footer_text:
        return
    only_zone = []
    for label, pattern in (("e-mail", _EMAIL), ("phone", _PHONE), ("LinkedIn", _LINKEDIN)):
        in_zone, in_body = _in_body(pattern, document)
        if in_zone and not in_body and not _under_the_name(pattern, document):
            only_zone.append(label)
    if only_zone:
        yield _finding(
            rules,
            "contact_in_header",
            Severity.HIGH,
            f"Your {' and '.join(only_zone)} "
            f"{'appears' if len(only_zone) == 1 else 'appear'} only in the page footer (or a "
            "running header), which many "
            "ATS parsers skip.",
            "Move your contact details into the body of the page, on the lines under your name.",
            evidence=_shorten(" / ".join(document.layout.header_footer_text)),
            page=page_of(document.layout.header_footer_text[0], document.lines),
        )


def headings(
    document: ResumeDocument, profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag headings an ATS will not recognise and missing standard sections."""
    for section in document.sections:
        if section.name == "other" and section.heading.strip():
            yield _finding(
                rules,
                "nonstandard_heading",
                Severity.LOW,
                f"The heading '{section.heading}' is not one an ATS recognises; its content may "
                "be filed under the wrong section or lost.",
                "Rename it to a standard heading: Summary, Experience, Projects, Education, "
                "Skills, Certifications or Publications.",
                evidence=section.heading,
                anchor=f"section-{section.index}",
                page=page_of(section.heading, document.lines),
            )
    present = {s.name for s in document.sections}
    unknown = [s.heading.strip() for s in document.sections if s.name == "other" and s.heading]
    for name in rules.standard_sections:
        if name in present:
            continue
        # mlcheck only knows it found no heading it recognises, not that the section is absent:
        # never HIGH, and the headings it could not place are named.
        title = name.capitalize()
        word = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
        combined = next(
            (s for s in document.sections if s.heading and word.search(s.heading)), None
        )
        if combined is not None:
            # "EDUCATION ET PROJET ET EXPERIENCE": the section is there, under a heading that
            # holds several; say that, not that no heading names it.
            yield _finding(
                rules,
                "missing_section",
                Severity.MEDIUM,
                f"Your {name} shares the heading '{combined.heading.strip()}' with other "
                f"sections; mlcheck filed it under {combined.name}, and an ATS may file it "
                "under one name only.",
                f"Give it a heading of its own, '{title}'.",
                evidence=combined.heading.strip(),
                anchor=f"section-{combined.index}",
                page=page_of(combined.heading, document.lines),
            )
            continue
        seen = (
            " It saw headings it does not recognise: "
            + ", ".join(f"'{heading}'" for heading in unknown[:6])
            + f"; if one of them holds your {name}, an ATS may not recognise it either."
            if unknown
            else ""
        )
        yield _finding(
            rules,
            "missing_section",
            Severity.MEDIUM,
            f"No heading on the resume is one mlcheck knows as '{title}'; an ATS looks for it "
            f"by that name.{seen}",
            f"Head the section '{title}'"
            + (
                " (internships, research and freelance work count)."
                if name == "experience"
                else " (degree, school, year)."
                if name == "education"
                else " listing your tools and languages as plain words."
            ),
            evidence=", ".join(unknown) if unknown else name,
        )


LANGUAGE_NAMES = {"de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese"}
"""The languages besides English whose headings mlcheck reads (headings.json)."""


def language(
    document: ResumeDocument, profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Say what a resume not in English means for the checks, when mlcheck can tell."""
    if document.language in (None, "en"):
        return
    name = LANGUAGE_NAMES.get(document.language or "", f"'{document.language}'")
    yield _finding(
        rules,
        "language",
        Severity.LOW,
        f"The resume is written in {name}. mlcheck understands its section headings, but its "
        "skills taxonomy and bullet checks are English: skills named in another language and "
        "advice on bullets (action verbs, passive voice, metrics) may be missed or wrong.",
        "Read the skill and bullet findings with this in mind; for a posting in English, "
        "send an English resume.",
        evidence=document.language,
    )


def contact_details(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag a missing e-mail, phone number or LinkedIn profile (GitHub: content findings)."""
    contact = document.contact
    kinds = {link.kind for link in contact.links}
    if not contact.email and not _EMAIL.search(document.text):
        yield _finding(
            rules,
            "missing_email",
            Severity.HIGH,
            "No e-mail address was found; a recruiter cannot reply.",
            "Put a professional e-mail address on the line under your name.",
        )
    if not contact.phone:
        yield _finding(
            rules,
            "missing_phone",
            Severity.MEDIUM,
            "No phone number was found.",
            "Add a phone number with country code next to your e-mail, e.g. +1 415 555 0100.",
        )
    if "linkedin" not in kinds and not _LINKEDIN.search(document.text):
        yield _finding(
            rules,
            "missing_linkedin",
            Severity.LOW,
            "No LinkedIn profile link was found; recruiters check it.",
            "Add your LinkedIn URL (linkedin.com/in/your-name) to the contact line.",
        )


def is_early_career(profile: ResumeProfile, rules: ReadabilityRules) -> bool:
    """True for under ~5 years of experience (or unknown years short of Professional)."""
    years = profile.years_experience
    if years is None:
        return profile.roadmap.stage != "Professional"
    return years < rules.early_career_years


def length(
    document: ResumeDocument, profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag a resume too long or too thin for the career stage."""
    words = len(document.text.split())
    early = is_early_career(profile, rules)
    max_pages = rules.early_career_max_pages if early else rules.max_pages
    stage = "under 5 years of experience" if early else "your experience"
    if document.format in ("pdf", "docx") and document.pages > max_pages:
        yield _finding(
            rules,
            "too_many_pages",
            Severity.MEDIUM,
            f"The resume runs {document.pages} pages; for {stage} {max_pages} "
            f"page{'s' if max_pages > 1 else ''} is the norm.",
            f"Cut it to {max_pages} page{'s' if max_pages > 1 else ''}: drop old or unrelated "
            "roles, merge overlapping bullets, keep the 3-5 strongest bullets per role.",
        )
    if words < rules.min_words:
        yield _finding(
            rules,
            "too_short",
            Severity.MEDIUM,
            f"The resume has only {words} words; an ATS has little to match and a recruiter "
            "little to judge.",
            "Add bullets on what you built and its measured results, and a project section "
            "with the tools you used (aim for 400-700 words).",
        )
    elif (early and words > rules.early_career_max_words) or words > rules.max_words:
        limit = rules.early_career_max_words if early else rules.max_words
        yield _finding(
            rules,
            "too_long",
            Severity.LOW,
            f"The resume has {words} words, more than ~{limit} for {stage}.",
            "Trim to the bullets that match the jobs you want; remove coursework lists and "
            "duties without results.",
        )


def file_kind(
    document: ResumeDocument, _profile: ResumeProfile, rules: ReadabilityRules
) -> Iterable[Finding]:
    """Flag file types and sizes that upload forms and ATS parsers handle badly."""
    if document.format not in ("pdf", "docx"):
        yield _finding(
            rules,
            "file_type",
            Severity.LOW,
            f"The resume is a .{document.format} file; upload forms expect DOCX or PDF and "
            "plain text loses all structure.",
            "Send a DOCX or a text-based PDF exported from your word processor.",
        )
    if document.size_bytes > rules.max_file_bytes:
        megabytes = document.size_bytes / (1024 * 1024)
        yield _finding(
            rules,
            "file_size",
            Severity.MEDIUM,
            f"The file is {megabytes:.1f} MB; many upload forms refuse files over 2 MB.",
            "Shrink it below 2 MB: remove or compress images and embed only the fonts used.",
        )
