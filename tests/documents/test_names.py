"""Names printed in two typefaces with no gap ("john" light + "smith" regular) read as two words."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from analyzer.documents import read_document
from analyzer.documents.contact import name_from_lines
from analyzer.documents.layout import Word, make_line
from analyzer.documents.lines import TextLine
from analyzer.rules import shipped_rules

HEADINGS = shipped_rules().headings


def _words(*parts: tuple[str, str], size: float = 10.0, gap: float = 0.0) -> list[Word]:
    words, x = [], 100.0
    for text, font in parts:
        width = 0.5 * size * len(text)
        words.append(Word(text, x, x + width, 50.0, 50.0 + size, size, font, (0.0,)))
        x += width + gap
    return words


def test_a_change_of_weight_between_letters_with_no_gap_splits_the_words() -> None:
    line = make_line(
        _words(("john", "ABCDEF+Lato-Light"), ("smith", "GHIJKL+TeXGyreHeros-Regular"), size=40),
        page=1,
    )
    assert line.text == "john smith"
    bold = make_line(_words(("Data", "Inter-Regular"), ("Science", "Inter-Bold")), page=1)
    assert bold.text == "Data Science"


def test_a_fallback_glyph_a_colour_change_or_punctuation_keeps_the_word() -> None:
    fallback = _words(
        ("Bo", "Fontin-Bold"), ("ğ", "LibertinusSerif-Bold"), ("aziçi", "Fontin-Bold")
    )
    assert make_line(fallback, page=1).text == "Boğaziçi"
    colour = _words(("Sum", "Lato-Regular"), ("mary", "Lato-Regular"))
    assert make_line(colour, page=1).text == "Summary"
    comma = _words(("Python", "SourceSans3-Bold"), (",", "SourceSans3-Regular"))
    assert make_line(comma, page=1).text == "Python,"


def test_a_lower_case_name_in_the_largest_type_is_the_name() -> None:
    def line(text: str, size: float, top: float) -> TextLine:
        return TextLine(text, page=1, size=size, top=top)

    lines = [line("john smith", 40.0, 35.0), line("junior business analyst", 14.0, 80.0)]
    assert name_from_lines(lines, HEADINGS) == "john smith"
    # Not by a margin the largest: a lower-case line is no name.
    plain = [line("john smith", 14.0, 35.0), line("junior business analyst", 14.0, 80.0)]
    assert name_from_lines(plain, HEADINGS) is None


def test_a_pdf_name_in_two_weights_with_no_gap_is_found(tmp_path: Path) -> None:
    path = tmp_path / "two_weights.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    first = "john"
    canvas.setFont("Helvetica", 40)
    x = (width - stringWidth("johnsmith", "Helvetica-Bold", 40)) / 2
    canvas.drawString(x, height - 80, first)
    canvas.setFont("Helvetica-Bold", 40)
    canvas.drawString(x + stringWidth(first, "Helvetica", 40), height - 80, "smith")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, height - 110, "john@smith.com | +1 415 555 0100")
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, height - 150, "Experience")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, height - 170, "Data Analyst, Buy More    2008 - 2009")
    canvas.save()
    document = read_document(path)
    assert document.lines[0].text == "john smith"
    assert document.contact.name == "john smith"
