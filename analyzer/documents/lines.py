"""The reader's working line type and the raw document each format reader produces.

Format readers (pdf, docx, text) all give a :class:`RawDocument`: visible lines in reading
order with the typography the section splitter needs, plus layout facts. The assembly in
``reader.py`` turns it into the public :class:`analyzer.models.ResumeDocument`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.models import LayoutFacts, Line

_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_DASHES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }
)
_DASH_OR_LIGATURE = re.compile("[" + "".join(re.escape(chr(code)) for code in _DASHES) + "]")
"""What _DASHES replaces: str.translate reads a dict per character of non-ASCII text."""
_SOFT_HYPHEN_NEAR_HYPHEN = re.compile("-?\u00ad+-?")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Zero-width spaces and joiners, bidi marks and embeddings, word joiners, BOMs: no letters."""
_SPACES = re.compile(r"[ \t]+")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc, fixed by the standard) other than the tab."""


def strip_invisible(text: str) -> str:
    """Drop zero-width and bidi-control characters, which carry no letters."""
    return _INVISIBLE.sub("", text)


def clean_text(text: str) -> str:
    """Normalise one piece of extracted text: dashes, ligatures, soft hyphens, icon glyphs.

    Icon fonts (FontAwesome and friends) put their glyphs in the Unicode private-use area; they
    carry no words, so they are dropped, as are zero-width and bidi-control characters (a
    "Py\u200bthon" is Python) and control characters. A soft hyphen printed as a visible
    hyphen (LaTeX fonts do this) becomes "-"; one doubled with a real hyphen collapses into a
    single "-".
    """
    if text.isascii() and text.isprintable():
        # Nothing above applies to printable ASCII (no tab, no control character).
        return _SPACES.sub(" ", text).strip()
    if _DASH_OR_LIGATURE.search(text):
        text = text.translate(_DASHES)
    text = _SOFT_HYPHEN_NEAR_HYPHEN.sub("-", text)
    text = _PRIVATE_USE.sub("", text)
    text = strip_invisible(text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text).strip()


@dataclass
class TextLine:
    """A visual line with everything the structure detection needs (internal to the reader)."""

    text: str
    page: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    column: int = 0
    gap_before: float = 0.0
    font: str = ""
    color: tuple[float, ...] = ()
    cells: tuple[str, ...] = ()
    """Parts of the line separated by wide gaps (PDF) or tabs/runs of spaces (text)."""
    heading_hint: bool = False
    """The source marks this line as a heading (DOCX Heading/Title style, Markdown #)."""
    list_item: bool = False
    """The source marks this line as a list item (DOCX numbering, Markdown list marker)."""
    column_right: float = 0.0
    """Right edge of the text column the line sits in (0 when unknown)."""

    def to_line(self) -> Line:
        """Return the public, frozen form of this line."""
        return Line(
            text=self.text,
            page=self.page,
            x0=round(self.x0, 2),
            top=round(self.top, 2),
            size=round(self.size, 2),
            bold=self.bold,
            column=self.column,
            gap_before=round(self.gap_before, 2),
            x1=round(self.x1, 2),
            bottom=round(self.bottom, 2),
        )

    @property
    def style(self) -> tuple[object, ...]:
        """Typographic identity used to recognise lines printed like the section headings."""
        caps = is_caps(self.text)
        color = tuple(round(c, 1) for c in self.color)
        return (round(self.size * 2) / 2, self.bold, caps, self.font, color)


def is_caps(text: str) -> bool:
    """Return True when the text's letters are all upper case (and there are at least 3)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@dataclass
class RawDocument:
    """What a format reader hands to the assembly step."""

    format: str
    pages: int
    lines: list[TextLine]
    facts: LayoutFacts = field(default_factory=LayoutFacts)
    annotations: list[str] = field(default_factory=list)
    """URIs of link annotations / hyperlinks (mailto: and tel: included)."""
    warnings: list[str] = field(default_factory=list)
    name_hint: str | None = None
    """The most prominent line near the top of page 1, when typography tells."""


def cut_warning(max_chars: int) -> str:
    """The warning given when a document's text is cut at ``max_chars`` (Limits.max_chars)."""
    return f"the text is longer than {max_chars} characters; the rest was not read"
