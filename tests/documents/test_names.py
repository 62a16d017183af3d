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


def test_a_header_row_crossing_the_gutter_does_not_pick_a_strip_inside_a_column() -> None:
    """altacv: the header's last row of links crosses the real gutter (x 335-365), which leaves
    a narrower blank strip inside the main column (x 170-198, left of its 'Location' labels);
    the line below shows the columns' own, wider gutter."""
    from analyzer.documents.layout import order_page

    def word(text: str, x0: float, top: float, width: float = 0.0) -> Word:
        return Word(text, x0, x0 + (width or 6.0 * len(text)), top, top + 10.0, 10.0, "F", ())

    words = [word("YOUR NAME HERE", 36, 20, 240), word("Your Tagline Here", 36, 40, 200)]
    words += [word("links", 36, 60, 120), word("orcid.org/0000", 300, 60, 120)]
    for row in range(12):
        top = 90.0 + 22 * row
        words.append(word(f"Job{row}", 36, top, 140))
        if row % 3 == 1:
            words.append(word("Location", 200, top, 130))
        words.append(word(f"Side{row}", 365, top + 11, 150))  # not level with the main column
    words.append(word("EDUCATION", 365, 360, 100))
    lines, columns = order_page(words, 595.0, 1, HEADINGS, first_page=True)
    assert columns == 2
    by_text = {line.text: line for line in lines}
    assert by_text["Job1 Location"].column == 0  # a label of the main column, not the sidebar
    assert by_text["Side1"].column == 1
    reading = [line.text for line in lines]
    assert reading.index("Job11") < reading.index("Side0")


def test_education_of_header_lines_only_is_cut_where_its_degrees_open() -> None:
    """altacv: degree (12 pt), school (bold), dates, a thesis line under one: no body text, so
    the degrees' type is what opens each entry."""
    from analyzer.documents.entries import SectionContent, parse_section

    def line(text: str, size: float, bold: bool = False) -> TextLine:
        return TextLine(text, page=1, size=size, bold=bold, font="Lato")

    lines = []
    for degree, school, dates in (
        ("Ph.D. in Your Discipline", "Your University", "Sept 2002 – June 2006"),
        ("M.Sc. in Your Discipline", "Your University", "Sept 2001 – June 2002"),
        ("B.Sc. in Your Discipline", "Stanford University", "Sept 1998 – June 2001"),
    ):
        lines += [line(degree, 12.0), line(school, 10.0, bold=True), line(dates, 9.0)]
        if degree.startswith("Ph.D."):
            lines.append(line("Thesis title: Wonderful Research", 10.0))
    content = SectionContent()
    parse_section("education", lines, content, HEADINGS)
    assert [(e.degree, e.dates) for e in content.entries] == [
        ("phd", "Sept 2002 – June 2006"),
        ("master", "Sept 2001 – June 2002"),
        ("bachelor", "Sept 1998 – June 2001"),
    ]


def test_each_degree_of_an_undated_education_list_is_an_entry() -> None:
    """twentyseconds: '1863-1865' is no date mlcheck reads (years 19xx and 20xx only), so no
    date cuts the entries; a line naming another degree opens the next one, a line naming the
    same degree again is a detail of it."""
    from analyzer.documents.entries import SectionContent, parse_section

    def line(text: str) -> TextLine:
        # The date column, the degree and the place right-aligned are cells apart.
        head, _, rest = text.partition(" Ph.D.") if "Ph.D." in text else text.partition(" ")
        cells = (head, rest) if text[:1].isdigit() or text.startswith("since") else ()
        return TextLine(text, page=1, size=10.0, font="ClearSans", cells=cells)

    lines = [
        line("since 1865 Ph.D. candidate in Computer Science Wonderland"),
        line("A Quantified Theory of Social Cohesion."),
        line("1863-1865 M.Sc. magna cum laude Wonderland"),
        line("Majoring in Computer Science"),
        line("Abschluss: Master of Science"),
        line("1861-1863 B.Sc. magna cum laude Wonderland"),
    ]
    content = SectionContent()
    parse_section("education", lines, content, HEADINGS)
    assert [e.degree for e in content.entries] == ["phd", "master", "bachelor"]
