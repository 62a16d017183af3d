"""The salient keywords of a posting: the terms it stresses that are not taxonomy skills."""

from __future__ import annotations

import functools
import importlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from analyzer.ats.interface import AtsResources
from analyzer.ats.posting.reading import KEYWORD_PARTS, PostingLine, normalize, sentences
from analyzer.ats.posting.requirements import degree_asked
from analyzer.documents.language import detect_language
from analyzer.rules.language import LanguageLists
from analyzer.rules.posting import KeywordRules, PostingRules

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
_PHRASE_BREAK = re.compile(r"[,;:()\[\]/|.!?\u2022\u00b7]+\s*|\s+[-\u2013\u2014]\s+")
_WORD_SPLIT = re.compile(r"[\s/-]+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_VERB_LEADS = frozenset({"and", "or", "to", "&"})
"""Words after which an action verb is a verb ("build and maintain", "to deploy")."""
_ADVERB = re.compile(r"[a-z]{3,}(?:ally|ively|ously|fully|ently|antly|edly|ably)$")
"""Adverbs by their ending ("incrementally"); "closely" is a stop word."""
_ADJECTIVE = re.compile(r"[a-z]{3,}(?:ible|able|ive|ous|ful|less)$")
"""Adjectives by their ending ("responsible", "collaborative"): part of a phrase, never a
keyword alone; a recruiter searches "distributed systems", not "responsible"."""

_PARTICIPLE = re.compile(r"[a-z]{3,}[^e]ed$")
"""A past participle ("reported"): it may open a keyword, never end one."""
MAX_TERM_WORDS = 3
"""A keyword is one to three words (a hyphenated compound is one)."""

Term = tuple[str, ...]
"""A keyword's words, lower case, hyphenated compounds split: "experiment-tracking" and
"experiment tracking" are the same term."""


def term_key(text: str) -> Term:
    """Return the words of a term, lower case, with hyphens read as spaces."""
    return tuple(w for w in _WORD_SPLIT.split(text.lower().replace("\u2019", "'")) if w)


KeywordUnit = tuple[str, float, bool]
"""A sentence keywords are taken from, its weight, and whether it is a list item."""


def keyword_units(lines: Iterable[PostingLine], rules: PostingRules) -> tuple[KeywordUnit, ...]:
    """Return the (sentence, weight, list item) units keywords are taken from.

    Only the requirement, nice-to-have and responsibility parts speak about the job; the
    company blurb, benefits, location and title lines do not (they gave "zones" from "US/EU
    time zones"). Prose there (an "About the role" paragraph, which mixes the company and the
    role) weighs less than a list item. A posting without such parts falls back to its body.
    Sentences asking for a degree are left out ("a quantitative field").
    """
    lines = list(lines)
    chosen = [line for line in lines if line.part in KEYWORD_PARTS]
    prose = rules.keywords.prose_weight
    if not chosen:
        chosen, prose = [line for line in lines if line.part in ("body", "company")], 1.0
    units: list[KeywordUnit] = []
    for line in chosen:
        for sentence in sentences(line.text):
            if degree_asked([sentence], rules.degrees)[0] is None:
                units.append((sentence, 1.0 if line.bullet else prose, line.bullet))
    return tuple(units)


@functools.lru_cache(maxsize=8)
def _stop_words(rules: KeywordRules, posting_language: str | None = None) -> frozenset[str]:
    """Return the stop words of keyword extraction: spaCy's, scikit-learn's and the rules'.

    A posting written in another language (``posting_language``, an ISO 639-1 code) also
    gets spaCy's stop words of that language, which ship inside spaCy: "nuestro equipo de
    desarrollo" is everyday Spanish, not a term a resume should repeat.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from analyzer.ats.tfidf import english_stop_words

    stop = {w.lower() for w in (*english_stop_words(), *STOP_WORDS)}
    stop |= {w.lower() for w in (*rules.stop_words, *rules.boilerplate)}
    if posting_language and posting_language != "en" and posting_language.isalpha():
        try:
            module = importlib.import_module(f"spacy.lang.{posting_language}.stop_words")
        except ImportError:  # a language spaCy has no stop words for: English ones only
            module = None
        stop |= {w.lower() for w in getattr(module, "STOP_WORDS", ())}
    return frozenset(stop)


@functools.lru_cache(maxsize=4)
def _background_df(rules: KeywordRules) -> dict[Term, int]:
    """Return in how many background postings each term of up to six words occurs.

    The background postings (``posting.json``, generic postings of other trades) give the
    IDF: a word every posting uses ("team", "customers", "remote") weighs little.
    """
    docs = rules.background
    counts: Counter[Term] = Counter()
    for doc in docs:
        words = term_key(" ".join(_WORD.findall(doc)))
        counts.update(
            {
                words[i : i + n]
                for n in range(1, MAX_TERM_WORDS * 2 + 1)
                for i in range(len(words) - n + 1)
            }
        )
    return dict(counts)


def idf(term: Term, rules: KeywordRules) -> float:
    """Return the term's IDF over the background postings (smoothed, as scikit-learn's)."""
    docs = len(rules.background)
    return math.log((1 + docs) / (1 + _background_df(rules).get(term, 0))) + 1.0


def candidate_terms(
    unit: str,
    rules: KeywordRules,
    language: LanguageLists,
    posting_language: str | None = None,
) -> list[tuple[Term, str]]:
    """Return (term, as written) for each run of 1-3 adjacent content words of a sentence.

    Runs break at punctuation, stop and boilerplate words, numbers, adverbs, and at an action
    verb opening the sentence or following "and"/"or"/"to" ("Build and maintain feature
    stores" gives "feature stores", not "build").
    """
    stop, verbs = _stop_words(rules, posting_language), language.verb_forms
    out: list[tuple[Term, str]] = []
    opening = True
    for chunk in _PHRASE_BREAK.split(_URL.sub(" ", unit.replace("\u2019", "'"))):
        run: list[str] = []
        previous = ""
        for word in _WORD.findall(chunk):
            low = word.lower()
            possessive = low.endswith("'s")
            if possessive:  # "the hospital's databases": the owner, not a phrase
                word, low = word[:-2], low[:-2]
            verb = low in verbs and (opening or previous in _VERB_LEADS)
            noise = len(low) < 2 or _ADVERB.match(low) is not None or _has_digit_noise(word)
            if low in stop or verb or noise:
                out.extend(_grams(run))
                run = []
                opening = opening and (low in stop or verb)
            else:
                run.append(word)
                opening = False
            if possessive:
                out.extend(_grams(run))
                run = []
            previous = low
        out.extend(_grams(run))
        opening = False
    return out


def _has_digit_noise(word: str) -> bool:
    """True for a word with digits that is not an upper-case code ("HL7" stays, "3k" goes)."""
    return any(c.isdigit() for c in word) and not any(c.isupper() for c in word)


def _grams(run: list[str]) -> list[tuple[Term, str]]:
    """Return the 1-3 word terms of a run of content words; none ends in a participle."""
    out = []
    for n in range(1, MAX_TERM_WORDS + 1):
        for i in range(len(run) - n + 1):
            if _PARTICIPLE.match(run[i + n - 1].lower()):
                continue
            written = " ".join(run[i : i + n])
            out.append((term_key(written), written))
    return out


def salient_keywords(
    text: str | Sequence[KeywordUnit],
    resources: AtsResources,
    title: str | None = None,
    limit: int | None = None,
    skills: Sequence[str] = (),
) -> tuple[str, ...]:
    """Return the posting's most salient terms that are not taxonomy skills.

    ``text`` is the posting's keyword text: a string (each line a list item of weight 1) or
    the units from ``keyword_units``. A term is a run of one to three content words; its
    salience is its sublinear weighted frequency times its IDF over the background postings of
    ``posting.json``. Kept, best first: terms that are not a skill or part of one (``skills``,
    the posting's skills, and the matcher), not boilerplate or a generic word alone, and not
    inside a better term or holding one ("clinical" over "clinical stakeholders"). The posting
    alone decides its keywords, so one posting gives every resume the same list (``screen``
    compares them); the resume is never the other document.
    """
    rules, language = resources.rules.posting.keywords, resources.rules.language
    limit = rules.top if limit is None else limit
    if isinstance(text, str):
        units: Sequence[KeywordUnit] = [
            (s, 1.0, True) for line in text.split("\n") for s in sentences(line)
        ]
    else:
        units = text
    joined = "\n".join(unit for unit, _weight, _item in units)
    posting_language = detect_language(joined, resources.rules.headings)
    verbs, generic = language.verb_forms, rules.generic_unigrams
    frequency: dict[Term, float] = {}
    spellings: dict[Term, Counter[str]] = {}
    for unit, weight, _item in units:
        for term, written in candidate_terms(unit, rules, language, posting_language):
            frequency[term] = frequency.get(term, 0.0) + weight
            spellings.setdefault(term, Counter())[written.lower()] += 1
    proper = _proper_nouns(units)
    title_key = term_key(normalize(title or ""))
    skill_keys = [term_key(s) for s in skills]

    def eligible(term: Term) -> bool:
        if len(" ".join(term)) < rules.min_length or any(w in proper for w in term):
            return False
        if len(term) == 1 and (
            term[0] in generic or term[0] in verbs or _ADJECTIVE.match(term[0]) is not None
        ):
            return False
        return not _inside(term, title_key) and not any(_overlaps(term, k) for k in skill_keys)

    salience = {
        term: round((1 + math.log(f) if f >= 1 else f) * idf(term, rules), 6)
        for term, f in frequency.items()
        if eligible(term)
    }
    # A shorter term seen only inside one longer term is represented by it ("decay" by
    # "performance decay"); one that also stands elsewhere keeps its own weight.
    for term in list(salience):
        for part in _sub_terms(term):
            if part in salience and frequency[part] <= frequency[term]:
                salience[part] = -1.0
    ranked = sorted(salience.items(), key=lambda tw: (-tw[1], -len(tw[0]), tw[0]))
    chosen: list[Term] = []
    shown: list[str] = []
    for term, weight in ranked:
        if len(chosen) >= limit or weight < 0:
            break
        if any(_overlaps(term, c) for c in chosen):
            continue
        written = min(spellings[term].items(), key=lambda sc: (-sc[1], sc[0]))[0]
        if _names_a_skill(written, joined, resources):
            continue
        chosen.append(term)
        shown.append(written)
    return tuple(shown)


def _sub_terms(term: Term) -> Iterator[Term]:
    for n in range(1, len(term)):
        for i in range(len(term) - n + 1):
            yield term[i : i + n]


def _inside(term: Term, other: Term) -> bool:
    """True when ``term``'s words appear in order, adjacent, in ``other`` (plurals aside)."""
    n = len(term)
    if not n or n > len(other):
        return False
    return any(
        all(_same_word(a, b) for a, b in zip(term, other[i : i + n], strict=True))
        for i in range(len(other) - n + 1)
    )


def _overlaps(a: Term, b: Term) -> bool:
    """True when one term is the other or inside it ("clinical", "clinical stakeholders")."""
    return _inside(a, b) or _inside(b, a)


def _names_a_skill(term: str, text: str, resources: AtsResources) -> bool:
    """True when the term, as written in the posting, is (part of) a taxonomy skill's name.

    The term is lower case while the matcher may need the written casing ("GCP", "Go"), and
    a bigram may cut a skill in half ("learning systems" from "machine learning systems"), so
    each written occurrence is matched with one word of context on either side.
    """
    words = [re.escape(w) for w in term.split()]
    pattern = re.compile(
        r"(?:\S+\s+)?(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])(?:\s+\S+)?",
        re.IGNORECASE,
    )
    windows = sorted({m.group(0) for m in pattern.finditer(text)})[:5] or [term]
    term_words = {w for w in _WORD_SPLIT.split(term) if w}
    for window in windows:
        for mention in resources.skills.find_in_text(window, "skills"):
            skill = resources.taxonomy.skill(mention.skill)
            names = (mention.skill, *(skill.aliases if skill else ()))
            if term_words & {w for n in names for w in _WORD_SPLIT.split(n.lower()) if w}:
                return True
    return False


def _same_word(a: str, b: str) -> bool:
    """True for a singular/plural pair ("model", "models")."""
    return a.rstrip("s") == b.rstrip("s")


def _proper_nouns(units: Iterable[KeywordUnit]) -> set[str]:
    """Words that only ever appear capitalised (not all-caps): companies, places, products.

    The first word of a list item is capitalised anyway and tells nothing ("Bid shading at
    scale"); a prose sentence opening with a name ("Northwind builds...") counts.
    """
    seen: dict[str, bool] = {}
    for unit, _weight, item in units:
        for word in _WORD.findall(unit)[1 if item else 0 :]:
            key = word.lower()
            capitalised = word[0].isupper() and not word.isupper()
            seen[key] = seen.get(key, True) and capitalised
    return {word for word, always in seen.items() if always}
