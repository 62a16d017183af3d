"""Contact details: name, e-mail, phone, location and links (visible text and PDF annotations)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

from analyzer.documents.entries import is_location
from analyzer.documents.lines import TextLine
from analyzer.documents.sections import canonical_heading
from analyzer.models import Contact, Link
from analyzer.rules.headings import HeadingRules

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(r"(?<![\w@/.:+])\+?[\d(+][\d()\s.\-+]{5,}\d(?![\w/@])")
_YEAR_RANGE = re.compile(r"^(19|20)\d\d\s*-\s*(19|20)\d\d$")
_URL = re.compile(
    r"(?<![@\w.])(?:https?://[^\s|,;<>()\"']+|www\.[^\s|,;<>()\"']+"
    r"|(?:[\w-]+\.)+(?:com|io|dev|ai|me|org|net|co|app|xyz|page|site|tech|info|us|uk|de|in)"
    r"(?:/[^\s|,;<>()\"']*)?)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*[|•·]\s*|\s{3,}|\t")
_PLATFORMS = (
    "twitter.com",
    "x.com",
    "medium.com",
    "kaggle.com",
    "scholar.google.com",
    "stackoverflow.com",
    "gitlab.com",
    "huggingface.co",
    "doi.org",
    "arxiv.org",
    "orcid.org",
    "youtube.com",
    "facebook.com",
    "instagram.com",
)


def normalise_url(url: str) -> str:
    """Return the key two spellings of one URL share (no scheme, www, case or trailing /)."""
    text = url.strip().rstrip(".,;)")
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
    except ValueError:  # "http://[" and the like: not a URL a reader can follow
        return text.lower()
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def link_kind(url: str) -> str:
    """Classify a URL as linkedin, github, website or other."""
    key = normalise_url(url)
    host = key.split("/", 1)[0]
    if host.endswith("linkedin.com"):
        return "linkedin"
    if host == "github.com":
        return "github"
    if any(host == p or host.endswith("." + p) for p in _PLATFORMS):
        return "other"
    return "website"


def _phone_ok(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    if not 7 <= digits <= 15 or _YEAR_RANGE.match(candidate.strip()):
        return False
    return not re.fullmatch(r"[\d.]+", candidate.strip()) or digits >= 10


_TEL_NUMBER = re.compile(r"\+?[\d(][\d\s().\-]*")


def phone_from_tel(uri: str) -> str | None:
    """Return the phone number of a ``tel:`` link, None when what it holds is not one.

    A link's target is data the author chose freely (``tel:=HYPERLINK(...)``): only digits,
    spaces, ``( ) . -`` and a leading ``+`` with 7 to 15 digits make a phone number.
    """
    number = unquote(uri[4:].split(";", 1)[0]).strip()
    if not _TEL_NUMBER.fullmatch(number) or not _phone_ok(number):
        return None
    return number


def find_phone(text: str) -> str | None:
    """Return the first phone number in a text, as written."""
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip()
        if candidate.count("(") != candidate.count(")"):
            candidate = candidate.lstrip("(") if candidate.startswith("(") else candidate
        if _phone_ok(candidate):
            return candidate
    return None


def is_name_like(text: str, rules: HeadingRules) -> bool:
    """Return True for a line that can be a person's name (2-5 words, letters, no heading)."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 50:
        return False
    if any(c.isdigit() for c in text) or "@" in text or "/" in text or ":" in text:
        return False
    if canonical_heading(text, rules) is not None:
        return False
    lowered = text.lower()
    if any(w in lowered for w in ("resume", "résumé", "curriculum", "vitae", "updated")):
        return False
    return all(
        w[0].isalpha()
        and w[0].isupper()
        or w.lower() in ("de", "van", "von", "da", "di", "bin", "al")
        for w in words
        if w[0].isalpha()
    ) and all(ch.isalpha() or ch in " .'-’," for ch in text)


_LABELS = frozenset({"resume", "résumé", "cv", "curriculum", "vitae"})


def _name_in(line: TextLine, rules: HeadingRules) -> str | None:
    """Return the name a line prints, whole or as its first part ("John Doe | Resumé title")."""
    options = [line.text, *line.cells[:1], line.text.split(" | ")[0], line.text.split(" · ")[0]]
    # A sidebar heading or a "RESUME" label read onto the name's line: "JAN KÜSTER RESUME CONTACT".
    words = line.text.split()
    while len(words) > 2 and (
        words[-1].lower() in _LABELS or canonical_heading(words[-1], rules) is not None
    ):
        words.pop()
        options.append(" ".join(words))
    for option in options:
        option = option.strip().rstrip(",")
        if is_name_like(option, rules):
            return option
    return None


def _single_word_name(line: TextLine, sizes: list[float], rules: HeadingRules) -> str | None:
    """A name set clearly larger than anything else on page 1, in a form a plain line is not.

    A one-word name ("Alice"), or a name printed in lower case as a design ("john smith",
    friggeri), counts only then.
    """
    text = line.text.strip()
    larger = [size for size in sizes if size < line.size]
    if not larger or line.size < 1.15 * max(larger) or canonical_heading(text, rules) is not None:
        return None
    if " " in text:
        if len(text.split()) <= 4 and text.islower() and is_name_like(text.title(), rules):
            return text
        return None
    if not text.isalpha() or not text[:1].isupper():
        return None
    return text


def name_from_lines(
    lines: Sequence[TextLine], rules: HeadingRules, limit_top: float = 320.0
) -> str | None:
    """Return the most prominent name-like line near the top of page 1 (largest type first).

    A line may print the name as its first part, beside a title or a contact item; a name of
    one word is taken only when it is the largest type on the page by a margin.
    """
    first = [line for line in lines if line.page == 1]
    sizes = sorted({line.size for line in first})
    candidates: list[tuple[TextLine, str]] = []
    for line in first:
        if line.top > limit_top:
            continue
        name = _name_in(line, rules)
        if name is None and line.size == (sizes[-1] if sizes else 0):
            name = _single_word_name(line, sizes, rules)
        if name is not None:
            candidates.append((line, name))
    if not candidates:
        return None
    best = max(candidates, key=lambda pair: (pair[0].size, -pair[0].top))
    return best[1]


def _urls(text: str) -> Iterable[str]:
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;:")
        host = normalise_url(url).split("/", 1)[0]
        if "." not in host or host.replace(".", "").isdigit():
            continue
        yield url


def extract_contact(
    text: str, rules: HeadingRules, annotations: Sequence[str] = (), *, name: str | None = None
) -> Contact:
    """Extract contact details from the contact part of a resume and its link annotations.

    ``annotations`` are URIs of PDF link annotations or DOCX hyperlinks; mailto: and tel:
    ones supply the e-mail and phone when the visible text lacks them. ``name`` overrides
    the name guessed from the first name-like line (the PDF reader knows the biggest type).
    """
    emails = EMAIL.findall(text)
    email = emails[0] if emails else None
    without_email = EMAIL.sub(" ", text)
    phone = None
    for line in without_email.splitlines():
        phone = find_phone(" ".join(_URL.sub(" ", line).split()))
        if phone:
            break
    links: list[Link] = []
    seen: set[str] = set()

    def add(url: str, source: str) -> None:
        key = normalise_url(url)
        if not key or key in seen:
            return
        seen.add(key)
        links.append(Link(url=url, kind=link_kind(url), source=source))

    for url in _urls(without_email):
        add(url, "text")
    for uri in annotations:
        lowered = uri.lower()
        if lowered.startswith("mailto:"):
            address = unquote(uri[7:].split("?", 1)[0]).strip()
            if email is None and EMAIL.fullmatch(address):
                email = address
            continue
        if lowered.startswith("tel:"):
            if phone is None:
                phone = phone_from_tel(uri)
            continue
        if lowered.startswith(("http://", "https://", "www.")) or re.match(
            r"^[\w-]+(\.[\w-]+)+(/|$)", uri
        ):
            add(uri, "annotation")
    if name is None:
        for line in text.splitlines():
            stripped = line.strip().strip("#").strip()
            if not stripped:
                continue
            if is_name_like(stripped, rules):
                name = stripped
            break
    location = None
    for line in without_email.splitlines():
        for piece in _SEPARATORS.split(_URL.sub(" ", line)):
            if is_location(piece, rules):
                location = piece.strip().strip(",")
                break
        if location:
            break
    return Contact(name=name, email=email, phone=phone, location=location, links=tuple(links))
