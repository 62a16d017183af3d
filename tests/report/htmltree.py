"""A small DOM built with the stdlib html.parser, enough to assert a report's structure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Node:
    """One element, its attributes, children and text."""

    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        """Yield this node and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str) -> list[Node]:
        """Return descendants (and self) with this tag."""
        return [n for n in self.iter() if n.tag == tag]

    def by_id(self, ident: str) -> Node | None:
        """Return the element with this id."""
        return next((n for n in self.iter() if n.attrs.get("id") == ident), None)

    @property
    def text(self) -> str:
        """All text inside, whitespace collapsed."""
        out: list[str] = []
        for part in self.parts:
            out.append(part if isinstance(part, str) else part.text)
        return " ".join(" ".join(out).split())


class TreeBuilder(HTMLParser):
    """Build Nodes; fail loudly on mismatched end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.errors: list[str] = []
        self.doctype: str | None = None

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        if len(attrs) != len(node.attrs):
            self.errors.append(f"duplicate attribute on <{tag}>")
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            while len(self.stack) > 1 and self.stack[-1].tag != tag:
                self.stack.pop()
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts.append(data)


def parse(html: str) -> tuple[Node, TreeBuilder]:
    """Parse a page; return its root and the builder (for errors and doctype)."""
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root, builder


_PAGE_VIEW_PARTS = re.compile(r'<section id="(?:pages|posting)".*?</section>\n?', re.DOTALL)
_PAGE_VIEW_TOC = re.compile(r'<li><a href="#(?:pages|posting)">[^<]*</a></li>\n')
_ON_PAGE_LINK = re.compile(r' (?:\u00b7 )?<a href="#[^"]*" class="on-page">[^<]*</a>')


def without_page_view(html: str) -> str:
    """Return the report without the parts that need the PDF or the posting's text.

    A report rendered again from saved JSON has neither (the JSON keeps no line positions nor
    the posting's text); everything else must come back byte for byte.
    """
    html = _PAGE_VIEW_PARTS.sub("", html)
    html = _PAGE_VIEW_TOC.sub("", html)
    return _ON_PAGE_LINK.sub("", html)
