"""Generate resume files in code for tests: PDFs with reportlab, DOCX with python-docx.

Each function takes simple structured content and writes one file, so a test can make a resume
"with a problem" (two columns, hidden text, no text layer, encryption...) and one "without" and
read the difference in the test itself. Conventions for section items (strings):

- ``"• text"`` (or ``"- text"``): a bullet; long text wraps with a hanging indent.
- ``"**text"``: a bold line (an entry header such as a company or a role).
- ``"left\\tright"``: ``right`` is drawn right-aligned on the same line (dates beside a role).
- anything else: a plain paragraph, wrapped to the column width.

Example::

    make_resume_pdf(
        tmp_path / "cv.pdf",
        name="Ada Lovelace",
        contact_lines=["ada@example.com | +44 20 7946 0958"],
        sections=[("Experience", ["**Acme Corp", "**ML Engineer\\tJan 2020 – Present",
                                  "• Shipped a model"])],
    )
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

Section = tuple[str, Sequence[str]]
"""A section: its heading as printed and its items."""

MARGIN = 54.0
# Bitstream Vera ships with reportlab; a TrueType font gives real Unicode (•, –) in the PDF.
pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
BODY_FONT = "Vera"
BOLD_FONT = "Vera-Bold"
BODY_SIZE = 10.0
HEADING_SIZE = 13.0
NAME_SIZE = 22.0
LEADING = 13.0
SIDEBAR_WIDTH = 150.0
GUTTER = 24.0


class _Writer:
    """Writes lines top-down in one column of a canvas, turning pages when full."""

    def __init__(self, canvas: Canvas, x: float, width: float, top: float) -> None:
        self.canvas = canvas
        self.x = x
        self.width = width
        self.top = top
        self.y = top
        self.page_height = float(canvas._pagesize[1])

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.showPage()
            self.y = self.page_height - MARGIN

    def line(self, text: str, font: str = BODY_FONT, size: float = BODY_SIZE, dx: float = 0.0):
        self.need(LEADING)
        self.canvas.setFont(font, size)
        self.canvas.drawString(self.x + dx, self.y - size, text)
        self.y -= max(LEADING, size + 3)

    def item(self, item: str) -> None:
        if item.startswith(("• ", "- ")):
            glyph, text = item[0], item[2:]
            lines = simpleSplit(text, BODY_FONT, BODY_SIZE, self.width - 12)
            for index, part in enumerate(lines):
                self.need(LEADING)
                self.canvas.setFont(BODY_FONT, BODY_SIZE)
                if index == 0:
                    self.canvas.drawString(self.x, self.y - BODY_SIZE, glyph)
                self.canvas.drawString(self.x + 12, self.y - BODY_SIZE, part)
                self.y -= LEADING
            return
        font = BODY_FONT
        if item.startswith("**"):
            font, item = BOLD_FONT, item[2:]
        left, _, right = item.partition("\t")
        if right:
            self.need(LEADING)
            self.canvas.setFont(font, BODY_SIZE)
            self.canvas.drawString(self.x, self.y - BODY_SIZE, left)
            self.canvas.setFont(BODY_FONT, BODY_SIZE)
            self.canvas.drawRightString(self.x + self.width, self.y - BODY_SIZE, right)
            self.y -= LEADING
            return
        for part in simpleSplit(left, font, BODY_SIZE, self.width):
            self.line(part, font)

    def section(self, heading: str, items: Sequence[str]) -> None:
        self.need(LEADING * 3)
        self.y -= 8
        self.line(heading, BOLD_FONT, HEADING_SIZE)
        for item in items:
            self.item(item)


def make_resume_pdf(
    path: str | Path,
    *,
    name: str,
    contact_lines: Sequence[str] = (),
    sections: Sequence[Section] = (),
    columns: int = 1,
    sidebar: Sequence[Section] | None = None,
    sidebar_side: str = "right",
    links: Sequence[tuple[str, str]] = (),
    hidden_text: str | None = None,
    tiny_text: str | None = None,
    offpage_text: str | None = None,
    header_text: str | None = None,
    footer_text: str | None = None,
    table: Sequence[Sequence[str]] | None = None,
    new_page_before: Sequence[str] = (),
    user_password: str | None = None,
    owner_password: str = "owner-secret",
) -> Path:
    """Write a text resume PDF and return its path.

    ``columns=2`` puts ``sidebar`` sections in a narrow column beside the main ``sections``
    (``sidebar_side`` "right" or "left"), below a full-width header with the name and contact.
    ``links`` are (label, url) pairs drawn on one line under the contact lines, each with a
    link annotation (what Word/LaTeX exports make of hyperlinks). ``hidden_text`` is drawn in
    white, ``tiny_text`` at 2 pt, ``offpage_text`` outside the page box. ``header_text`` and
    ``footer_text`` are drawn in the top/bottom 6% of every page. ``table`` rows are drawn as a
    ruled grid after the sections. ``new_page_before`` names headings that start a new page.
    ``user_password`` encrypts the file (``""`` gives an encrypted file anyone can open).
    """
    path = Path(path)
    encrypt = None
    if user_password is not None:
        encrypt = StandardEncryption(user_password, ownerPassword=owner_password)
    canvas = Canvas(str(path), pagesize=LETTER, encrypt=encrypt)
    width, height = LETTER
    canvas.setTitle(f"{name} resume")

    def furniture() -> None:
        if header_text:
            canvas.setFont(BODY_FONT, 8)
            canvas.drawString(MARGIN, height - 20, header_text)
        if footer_text:
            canvas.setFont(BODY_FONT, 8)
            canvas.drawString(MARGIN, 18, footer_text)

    original_show_page = canvas.showPage

    def show_page() -> None:
        original_show_page()
        furniture()

    canvas.showPage = show_page  # type: ignore[method-assign]
    furniture()
    header = _Writer(canvas, MARGIN, width - 2 * MARGIN, height - MARGIN)
    header.line(name, BOLD_FONT, NAME_SIZE)
    for line in contact_lines:
        header.line(line)
    if links:
        x = MARGIN
        header.need(LEADING)
        canvas.setFont(BODY_FONT, BODY_SIZE)
        for label, url in links:
            canvas.drawString(x, header.y - BODY_SIZE, label)
            label_width = canvas.stringWidth(label, BODY_FONT, BODY_SIZE)
            box = (x, header.y - BODY_SIZE - 2, x + label_width, header.y)
            canvas.linkURL(url, box, relative=0)
            x += label_width + 14
        header.y -= LEADING
    if hidden_text:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(BODY_FONT, BODY_SIZE)
        canvas.drawString(MARGIN, header.y - BODY_SIZE, hidden_text)
        canvas.setFillColorRGB(0, 0, 0)
        header.y -= LEADING
    if tiny_text:
        canvas.setFont(BODY_FONT, 2)
        canvas.drawString(MARGIN, header.y - 2, tiny_text)
        header.y -= 4
    if offpage_text:
        canvas.setFont(BODY_FONT, BODY_SIZE)
        canvas.drawString(-400, height / 2, offpage_text)
    top = header.y - 6
    if columns == 2 and sidebar:
        main_width = width - 2 * MARGIN - SIDEBAR_WIDTH - GUTTER
        if sidebar_side == "right":
            main_x, side_x = MARGIN, MARGIN + main_width + GUTTER
        else:
            side_x, main_x = MARGIN, MARGIN + SIDEBAR_WIDTH + GUTTER
        side = _Writer(canvas, side_x, SIDEBAR_WIDTH, top)
        for heading, items in sidebar:
            side.section(heading, items)
        main = _Writer(canvas, main_x, main_width, top)
    else:
        main = _Writer(canvas, MARGIN, width - 2 * MARGIN, top)
    for heading, items in sections:
        if heading in new_page_before:
            canvas.showPage()
            main.y = height - MARGIN
        main.section(heading, items)
    if table:
        _draw_table(canvas, main, table)
    canvas.save()
    return path


def _draw_table(canvas: Canvas, writer: _Writer, rows: Sequence[Sequence[str]]) -> None:
    columns = max(len(row) for row in rows)
    cell_width = writer.width / columns
    row_height = LEADING + 6
    writer.need(row_height * len(rows) + 10)
    top = writer.y - 6
    canvas.setLineWidth(0.8)
    for r in range(len(rows) + 1):
        y = top - r * row_height
        canvas.line(writer.x, y, writer.x + cell_width * columns, y)
    for c in range(columns + 1):
        x = writer.x + c * cell_width
        canvas.line(x, top, x, top - row_height * len(rows))
    canvas.setFont(BODY_FONT, BODY_SIZE)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(writer.x + c * cell_width + 4, top - (r + 1) * row_height + 6, text)
    writer.y = top - row_height * len(rows) - 6


def make_scanned_pdf(path: str | Path, *, pages: int = 1, with_image: bool = True) -> Path:
    """Write a PDF with no text layer: a drawn image (and shapes) only, like a scan."""
    path = Path(path)
    canvas = Canvas(str(path), pagesize=LETTER)
    width, height = LETTER
    for _ in range(pages):
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        for row in range(20):
            canvas.rect(MARGIN, height - MARGIN - row * 20, 300 - row * 7, 8, fill=1, stroke=0)
        if with_image:
            from PIL import Image
            from reportlab.lib.utils import ImageReader

            image = Image.new("L", (60, 80), color=200)
            canvas.drawImage(ImageReader(image), MARGIN, MARGIN, width=120, height=160)
        canvas.showPage()
    canvas.save()
    return path


def truncated_pdf_bytes(path: str | Path) -> bytes:
    """Return the first half of a valid resume PDF's bytes (a broken download)."""
    full = make_resume_pdf(path, name="Trunc Ated", sections=[("Skills", ["Python"])])
    data = full.read_bytes()
    return data[: len(data) // 2]


def make_resume_docx(
    path: str | Path,
    *,
    name: str,
    contact_lines: Sequence[str] = (),
    sections: Sequence[Section] = (),
    links: Sequence[tuple[str, str]] = (),
    table: Sequence[Sequence[str]] | None = None,
    table_after: str | None = None,
    header_text: str | None = None,
    footer_text: str | None = None,
    heading_styles: bool = True,
) -> Path:
    """Write a DOCX resume and return its path.

    The name uses the Title style; section headings use "Heading 1" (or bold plain paragraphs
    with ``heading_styles=False``); bullet items ("• ...") use the "List Bullet" style, "**"
    items are bold paragraphs, "\\t" separates a right-hand part (dates). ``links`` are (label,
    url) hyperlinks in one paragraph after the contact lines. ``table`` rows become a Word table
    placed after the section named ``table_after`` (or at the end). ``header_text`` and
    ``footer_text`` go into the page header and footer.
    """
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = Path(path)
    document = docx.Document()
    document.add_heading(name, level=0)
    for line in contact_lines:
        document.add_paragraph(line)
    if links:
        paragraph = document.add_paragraph()
        for index, (label, url) in enumerate(links):
            if index:
                paragraph.add_run(" | ")
            rel_id = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            hyperlink = OxmlElement("w:hyperlink")
            hyperlink.set(qn("r:id"), rel_id)
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = label
            run.append(text)
            hyperlink.append(run)
            paragraph._p.append(hyperlink)

    def add_table() -> None:
        assert table is not None
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        grid.style = "Table Grid"
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text

    for heading, items in sections:
        if heading_styles:
            document.add_heading(heading, level=1)
        else:
            document.add_paragraph().add_run(heading).bold = True
        for item in items:
            if item.startswith(("• ", "- ")):
                document.add_paragraph(item[2:], style="List Bullet")
            elif item.startswith("**"):
                document.add_paragraph().add_run(item[2:]).bold = True
            else:
                document.add_paragraph(item)
        if table and table_after == heading:
            add_table()
    if table and table_after is None:
        add_table()
    section = document.sections[0]
    if header_text:
        section.header.paragraphs[0].text = header_text
    if footer_text:
        section.footer.paragraphs[0].text = footer_text
    document.save(str(path))
    return path
