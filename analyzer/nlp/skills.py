"""Find taxonomy skills in text with spaCy matchers compiled once from the taxonomy.

Three matchers, every match keyed by the canonical skill name:

- a ``PhraseMatcher`` on ``LOWER`` for names and aliases matched case-insensitively; patterns
  are tokenized by the same pipeline as the text, so names the tokenizer splits ("scikit-learn"
  -> ``scikit - learn``, "CI/CD", "A/B testing", "C#") match as token sequences. Variants are
  added: a hyphen as a space or dropped ("scikit learn", "kmeans"), the words of a lower-case
  multi-word name joined by hyphens ("experiment-tracking tool"), and plurals of multi-word
  names and acronyms ("decision trees", "CNNs");
- a ``PhraseMatcher`` on ``ORTH`` for ambiguous names the taxonomy marks case-sensitive ("R",
  "Go", "Spark", "Excel"), also as "R." since the tokenizer keeps an initial and its period
  together;
- a ``Matcher`` with one regular expression for names glued to a version ("Python3.10",
  "Java8", "TensorFlow2").

Overlaps are resolved with ``spacy.util.filter_spans`` (longest match wins: "C++" over "C",
"Apache Spark" over "Spark"). A match of an ambiguous name (one with hints) then has to pass:
the hint's ``reject_prev``/``reject_next`` tokens ("&" after "R"), never a short name glued
into a hyphenated word ("go-to-market", "C-suite"), and one of: the mention is in a skills
section; it sits in a list (a ``, | / ; :`` separator or "and"/"or" next to it, with another
skill in the same sentence); or a hint ``context`` word is in the sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from analyzer.models import Skill, SkillMention
from analyzer.nlp.interface import AmbiguityHints, SkillDef, Taxonomy

USED_SECTIONS = frozenset({"experience", "projects"})
"""Sections where naming a skill counts as using it (not just listing it)."""

LIST_SECTIONS = frozenset({"skills"})
"""Sections where an ambiguous name is taken at its word."""

_SEPARATORS = frozenset({",", "|", "/", ";", ":", "·", "•", "(", ")", "[", "]", "+", "&"})
_CONJUNCTIONS = frozenset({"and", "or", "&"})
_AMBIGUOUS_SUFFIX = "\x1fambiguous"
_VERSIONED_KEY = "\x1fversioned"
_CHAR_FIXES = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u200b": None, "\u200c": None, "\ufeff": None}
)

Segment = tuple[str, str, "str | None"]
"""(text, canonical section, bullet id or None)."""


@dataclass(frozen=True)
class _Key:
    skill: str
    hints: AmbiguityHints | None


def normalise(text: str) -> str:
    """Straighten the characters that would split or hide a name (odd hyphens, NBSP)."""
    return text.translate(_CHAR_FIXES)


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _variants(alias: str) -> list[str]:
    """Return spelling variants of a case-insensitive, unambiguous name."""
    out = []
    if "-" in alias:
        out += [alias.replace("-", " "), alias.replace("-", "")]
    words = alias.split()
    if 1 < len(words) <= 3 and all(w.isalpha() and w.islower() for w in words):
        out.append("-".join(words))  # "experiment-tracking" as a compound modifier
    last = words[-1] if words else ""
    if len(words) > 1 and last.isalpha() and len(last) >= 3:
        if last.islower() and not last.endswith(("s", "ing")):
            out.append(" ".join([*words[:-1], _plural(last)]))
    elif len(words) == 1 and alias.isalpha() and alias.isupper() and len(alias) >= 3:
        out.append(alias + "s")  # CNN -> CNNs
    return out


def _ambiguous_names(skill: SkillDef) -> set[str]:
    """Return the casefolded names of ``skill`` its hints apply to."""
    if skill.hints is None:
        return set()
    names = skill.hints.ambiguous_aliases or (skill.name, *skill.aliases)
    return {n.casefold() for n in names}


class SkillMatcher:
    """The taxonomy compiled into spaCy matchers; build once per process (see resources.py)."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        """Compile every skill name and alias of ``taxonomy`` for ``nlp``'s tokenizer."""
        self.nlp = nlp
        self.taxonomy = taxonomy
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._versioned = Matcher(nlp.vocab)
        self._keys: dict[str, _Key] = {}
        self._version_prefix: dict[str, str] = {}
        self._categories = {s.name: s.category for s in taxonomy.skills}
        self._compile(taxonomy.skills)

    # ----------------------------------------------------------------------- compiling

    def _compile(self, skills: Sequence[SkillDef]) -> None:
        # casefolded pattern text -> (text as written, key); the tokenizer sees the text as
        # written because its special cases are case-sensitive ("C#").
        lower: dict[str, tuple[str, str]] = {}
        orth: dict[str, str] = {}
        variants: dict[str, tuple[str, str]] = {}
        for skill in skills:
            ambiguous = _ambiguous_names(skill)
            plain_key = skill.name
            self._keys[plain_key] = _Key(skill.name, None)
            amb_key = skill.name + _AMBIGUOUS_SUFFIX
            self._keys[amb_key] = _Key(skill.name, skill.hints)
            for alias in dict.fromkeys((skill.name, *skill.aliases)):
                alias = normalise(alias).strip()
                if not alias:
                    continue
                folded = alias.casefold()
                if folded in ambiguous and skill.hints is not None:
                    if skill.hints.case_sensitive:
                        orth.setdefault(alias, amb_key)
                        if len(alias) <= 2 and alias.isalpha():
                            orth.setdefault(alias + ".", amb_key)  # "R." is one token
                    else:
                        lower.setdefault(folded, (alias, amb_key))
                    continue
                lower.setdefault(folded, (alias, plain_key))
                for variant in _variants(alias):
                    variants.setdefault(variant.casefold(), (variant, plain_key))
                if alias.isalpha() and len(alias) >= 3:
                    self._version_prefix.setdefault(folded, skill.name)
        for folded, written in variants.items():
            lower.setdefault(folded, written)  # a real name of another skill wins over a variant
        by_key: dict[str, list[str]] = defaultdict(list)
        for text, key in lower.values():
            by_key[key].append(text)
        for key, texts in by_key.items():
            self._lower.add(key, [self.nlp.make_doc(t) for t in texts])
        by_key = defaultdict(list)
        for text, key in orth.items():
            by_key[key].append(text)
        for key, texts in by_key.items():
            self._orth.add(key, [self.nlp.make_doc(t) for t in texts])
        if self._version_prefix:
            names = "|".join(
                re.escape(n) for n in sorted(self._version_prefix, key=len, reverse=True)
            )
            regex = rf"^(?:{names})v?\d+(?:\.\d+)*$"
            self._versioned.add(_VERSIONED_KEY, [[{"LOWER": {"REGEX": regex}}]])
            self._keys[_VERSIONED_KEY] = _Key("", None)

    # ----------------------------------------------------------------------- matching

    def _spans(self, doc: Doc) -> list[Span]:
        spans = []
        matchers: list[PhraseMatcher | Matcher] = [self._lower, self._orth]
        if _LETTER_DIGIT.search(doc.text):
            # A versioned name glues a digit to a letter ("Python3"); without one in the text
            # the token-by-token regex matcher, the dearest of the three, cannot match.
            matchers.append(self._versioned)
        for matcher in matchers:
            for match_id, start, end in matcher(doc):
                key = self.nlp.vocab.strings[match_id]
                spans.append(Span(doc, start, end, label=key))
        return filter_spans(spans)

    def _skill_of(self, span: Span) -> _Key:
        key = self._keys[span.label_]
        if span.label_ == _VERSIONED_KEY:
            prefix = re.sub(r"v?\d+(?:\.\d+)*$", "", span.text.lower())
            return _Key(self._version_prefix.get(prefix, ""), None)
        return key

    def find_in_doc(self, doc: Doc, section: str, bullet: str | None = None) -> list[SkillMention]:
        """Return the skill mentions in an already processed ``doc``."""
        found: list[tuple[Span, _Key]] = []
        for span in self._spans(doc):
            key = self._skill_of(span)
            if key.skill:
                found.append((span, key))
        if not found:
            return []
        # Each match's sentence, looked up once: span.sent walks the doc.
        whole = None if doc.has_annotation("SENT_START") else doc[:]
        sentences = [span.sent if whole is None else whole for span, _key in found]
        skills_by_sentence: dict[int, set[str]] = defaultdict(set)
        for (_span, key), sentence in zip(found, sentences, strict=True):
            skills_by_sentence[sentence.start].add(key.skill)
        spans_by_start = {span.start: key.skill for span, key in found}
        spans_by_end = {span.end: key.skill for span, key in found}
        used = section in USED_SECTIONS
        mentions = []
        for (span, key), sentence in zip(found, sentences, strict=True):
            if key.hints is not None:
                others = skills_by_sentence[sentence.start] - {key.skill}
                if not self._accept(span, key.hints, section, others, spans_by_start, spans_by_end):
                    continue
            mentions.append(
                SkillMention(
                    skill=key.skill,
                    section=section,
                    sentence=sentence.text.strip(),
                    used=used,
                    bullet=bullet,
                )
            )
        return mentions

    @staticmethod
    def _accept(
        span: Span,
        hints: AmbiguityHints,
        section: str,
        others: set[str],
        spans_by_start: dict[int, str],
        spans_by_end: dict[int, str],
    ) -> bool:
        """Decide whether an ambiguous name is meant as the skill here."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in hints.reject_next:
            return False
        if prev is not None and prev.lower_ in hints.reject_prev:
            return False
        if len(span.text.rstrip(".")) <= 2:
            # "go-to-market", "C-suite", "R-squared": a short name glued into a word.
            glued_next = nxt is not None and nxt.text == "-" and not span[-1].whitespace_
            glued_prev = prev is not None and prev.text == "-" and not prev.whitespace_
            if glued_next or glued_prev:
                return False
        if section in LIST_SECTIONS:
            return True
        if hints.metric and _reports_a_value(span):
            return False
        if others:
            for neighbour, other_side in ((prev, span.start - 2), (nxt, span.end + 1)):
                if neighbour is None:
                    continue
                # In a list only when a skill stands on the other side of the comma or "and":
                # "Machine Learning Engineer, OpenAI" is a title and an employer, not a list.
                if (neighbour.text in _SEPARATORS or neighbour.lower_ in _CONJUNCTIONS) and (
                    other_side + 1 in spans_by_end or other_side in spans_by_start
                ):
                    return True
        if hints.context:
            sentence = _sentence(span)
            words = {t.lower_ for t in sentence}
            text = sentence.text.lower()
            for word in hints.context:
                if (" " in word and word in text) or word in words:
                    return True
        return False

    def find(self, segments: Iterable[Segment]) -> list[SkillMention]:
        """Return the skill mentions in ``segments`` of (text, section, bullet id or None)."""
        items = list(segments)
        texts = (normalise(text) for text, _, _ in items)
        mentions: list[SkillMention] = []
        for doc, (_, section, bullet) in zip(self.nlp.pipe(texts), items, strict=True):
            mentions.extend(self.find_in_doc(doc, section, bullet))
        return mentions

    def find_in_text(self, text: str, section: str) -> list[SkillMention]:
        """Return one mention per occurrence of a skill in ``text`` (used for job postings)."""
        return self.find([(text, section, None)])


_LETTER_DIGIT = re.compile(r"[^\W\d_]\d")
"""A letter with a digit right after it, as in every versioned name ("python3", "java8")."""

_VALUE_LINKS = frozenset({"of", "by", "to", "at", "from", "=", ":", "is", "was", "reached", "@"})
"""Words between a metric and its value ("recall of 0.9", "F1 = 0.87")."""

_METRIC_WORDS = frozenset({"and", "or", ",", "/", "precision", "recall", "f1", "auc", "accuracy"})
"""Words of a list of metrics sharing one value ("precision and recall of 0.9")."""


def _reports_a_value(span: Span) -> bool:
    """True when a number stands beside the metric: "recall of 0.9", "92% recall", "AUC 0.91"."""
    doc = span.doc
    # "precision and recall of 0.9": the value may follow the next metric of a list.
    for token in doc[span.end : span.end + 6]:
        if token.like_num or token.text.rstrip("%").replace(".", "", 1).isdigit():
            return True
        if token.lower_ not in _VALUE_LINKS and token.lower_ not in _METRIC_WORDS:
            break
    before = doc[max(0, span.start - 2) : span.start]
    return any(t.text == "%" or t.like_num for t in before)


def _sentence(span: Span) -> Span:
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return span.sent
    return doc[:]


def implied_skills(skill: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Return the skills that using ``skill`` shows, following implications transitively."""
    out: list[str] = []
    todo = list(taxonomy.implies(skill))
    while todo:
        name = todo.pop(0)
        if name != skill and name not in out:
            out.append(name)
            todo.extend(taxonomy.implies(name))
    return tuple(out)


def skills_from_mentions(
    mentions: Iterable[SkillMention], taxonomy: Taxonomy, implied: bool = True
) -> tuple[Skill, ...]:
    """Aggregate mentions into skills sorted by name; each sentence counts once per skill.

    With ``implied`` (the default) a mention also counts for the skills its skill implies
    (``implies`` in the taxonomy): "AWS EKS" in an experience bullet shows AWS and Kubernetes
    used there. An implied skill the resume never names carries ``implied_by``.
    """
    categories = {s.name: s.category for s in taxonomy.skills}
    mentions = list(mentions)
    named = {m.skill for m in mentions}
    implied_by: dict[str, set[str]] = defaultdict(set)
    if implied and any(s.implies for s in taxonomy.skills):
        derived = []
        for mention in mentions:
            for target in implied_skills(mention.skill, taxonomy):
                derived.append(replace(mention, skill=target))
                implied_by[target].add(mention.skill)
        mentions += derived
    grouped: dict[str, dict[tuple[str, str, str | None], SkillMention]] = defaultdict(dict)
    for mention in mentions:
        key = (mention.section, mention.sentence, mention.bullet)
        existing = grouped[mention.skill].get(key)
        if existing is None or (mention.used and not existing.used):
            grouped[mention.skill][key] = mention
    skills = []
    for name, by_sentence in grouped.items():
        evidence = tuple(by_sentence.values())
        skills.append(
            Skill(
                name=name,
                category=categories.get(name, ""),
                mentions=len(evidence),
                sections=tuple(sorted({m.section for m in evidence})),
                used=any(m.used for m in evidence),
                evidence=evidence,
                implied_by=() if name in named else tuple(sorted(implied_by[name])),
            )
        )
    return tuple(sorted(skills, key=lambda s: (s.name.casefold(), s.name)))
