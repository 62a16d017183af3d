"""Judge resume bullets: action-verb opener, weak openers, passive voice, first person,
clichés, length and missing numbers, each with a rewrite hint built from the bullet's words.

With a trained pipeline the opener verb and passive voice are read from part-of-speech tags
and the dependency parse; with the blank pipeline from the word lists in
``skills_taxonomy/language.json`` (auxiliary + ``-ed``/irregular participle for passive,
the action-verb list plus an ``-ed`` heuristic for the opener).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analyzer.glyphs import strip_glyphs
from analyzer.models import Bullet, BulletIssue, BulletReview, Metric
from analyzer.nlp.achievements import has_number, parse_metrics
from analyzer.rules.language import LanguageLists

if TYPE_CHECKING:  # annotations only: suggest_shape and friends need no spaCy
    from spacy.language import Language
    from spacy.tokens import Doc, Token

RESULT_SECTIONS = frozenset({"experience", "projects"})
"""Sections whose bullets must open with a verb, carry a number and say enough."""

UNJUDGED_SECTIONS = frozenset({"skills", "contact"})
"""Sections whose bullets are lists, not statements: no issues are raised."""

_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "VBG", "VBN"})
_LEADING_PRONOUN = re.compile(r"^(?:I|We|i|we)\s+")
_SNIPPET_WORDS = 12


def _words(doc: Doc) -> list[Token]:
    return [t for t in doc if not (t.is_punct or t.is_space)]


def _snippet(text: str, words: int = _SNIPPET_WORDS) -> str:
    """Return the first ``words`` words of ``text``, with " ..." when cut."""
    parts = text.strip().rstrip(".;").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " ..."


def _words_count(count: int) -> str:
    return f"{count} word" if count == 1 else f"{count} words"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _result_example(text: str, lists: LanguageLists) -> str:
    """Return the kind of result this bullet's work produces, from its own words.

    The entry sharing the most words with the bullet wins (the earlier on a tie): "Responsible
    for model monitoring" asks for incidents, not accuracy; a bullet without any entry's words
    gets the general example.
    """
    words = set(re.findall(r"[a-z0-9-]+", text.lower()))
    best, best_hits = None, 0
    fallback = "improving it by X%"
    for triggers, example in lists.result_examples:
        if not triggers:
            fallback = example
            continue
        hits = len(triggers & words)
        if hits > best_hits:
            best, best_hits = example, hits
    return best or fallback


def _result_hint(text: str, lists: LanguageLists) -> str:
    return f"add the result it had (e.g. '..., {_result_example(text, lists)}')"


# --------------------------------------------------------------------------- openers


def _weak_opener(text: str, lists: LanguageLists) -> tuple[str, str] | None:
    """Return (phrase as written, rest of the bullet) when it opens with a weak phrase."""
    lowered = text.lower()
    for weak in lists.weak_openers:
        # startswith first: the regex only adds the word boundary, and most bullets open well.
        if lowered.startswith(weak.phrase) and re.match(rf"{re.escape(weak.phrase)}\b", lowered):
            return text[: len(weak.phrase)], text[len(weak.phrase) :].strip()
    return None


def _rewrite_after_weak(rest: str, suggest: str, lists: LanguageLists, phrase: str = "") -> str:
    """Turn what follows a weak opener into a bullet that starts with a verb."""
    words = rest.split()
    purpose = re.search(r"\bto (\w+)([ ,]*)(.*)$", rest)
    if (
        purpose is not None
        and purpose.group(2) == " "
        and purpose.group(1).lower() in lists.past_of
        and not re.match(r"(?:and|or)\b", purpose.group(3))
    ):
        partners = rest[: purpose.start()].strip().rstrip(",")
        # "Worked with A and B to create X" -> "Created X, with A and B"; "Worked on the
        # captions team to plan X" -> "Planned X, with the captions team".
        if phrase == "worked with" or (phrase == "worked on" and "team" in partners.lower()):
            past = _capitalise(lists.past_of[purpose.group(1).lower()])
            return f"{past} {purpose.group(3).rstrip('.')}, with {partners}"
    if phrase in {"worked on", "working on"} and "team" in (_plain(w) for w in words[:6]):
        return f"{suggest} <what you did> on {rest}"  # a team is not what was built
    if len(words) > 2 and words[0].lower() == "the" and words[2].lower() == "of":
        nominal = _nominal_verb(words[1], lists)  # "Working on the development of X"
        if nominal is not None:
            return " ".join([nominal, *words[3:]])
    if len(words) > 1 and words[1].lower() == "of":
        nominal = _nominal_verb(words[0], lists)  # "Did analysis of the data"
        if nominal is not None:
            return " ".join([nominal, *words[2:]])
    if words and words[0].lower() == "to" and len(words) > 1:
        verb = words[1].lower().strip(",")
        if verb in lists.past_of:  # "Helped to build X" -> "Built X"
            return " ".join([_capitalise(lists.past_of[verb]), *words[2:]])
    if words and words[0].lower() in {"with", "in", "on"} and len(words) > 1:
        if words[1].lower().strip(",") in lists.past_of and words[1].lower().endswith("ing"):
            words = words[1:]
    if words:
        first = words[0].lower().strip(",")
        # Only a gerund ("building the API") or a verb after "to" is a verb here: "model
        # monitoring" after "Responsible for" is a noun phrase, never "Modeled monitoring".
        if first.endswith("ing") and first in lists.past_of:
            return " ".join([_capitalise(lists.past_of[first]), *words[1:]])
        if first in {"with", "in", "on"}:
            words = words[1:]
    return " ".join([suggest, *words]).strip()


_NOMINAL_SUFFIXES = (
    ("ization", "ize"), ("isation", "ise"), ("ation", "ate"), ("ation", ""), ("ation", "e"),
    ("ment", ""), ("sis", "se"), ("ysis", "yze"), ("ion", "e"), ("ion", ""),
)  # fmt: skip

_STRIP = ",.;:!?()[]\"'‘’“”"

_HEAD_STOPS = frozenset(
    "with for on in at of to using via from by and or across into over under within "
    "through during between per".split()
)
"""Words that end the opening noun phrase of a bullet ("Time-series forecasting | with ...")."""

_CLAUSE_WORDS = frozenset(
    "is are was were be been being am can could will would shall should may might must has "
    "have had do does did not that which who whom whose it its they he she this these those "
    "there here everything something nothing anything also".split()
)
"""Words that make the opening of a bullet a clause, not a noun phrase: putting a verb in
front of it ("Built the phabricator is used ...") would break the sentence."""

_AUXILIARIES = frozenset(
    "is are was were am can could will would shall should may might must".split()
)

_SEPARATOR = re.compile(r"\s[-–—:|]\s")
"""A role or title before the work: "Full-stack developer - Wrote and reviewed code ..."."""


def _plain(word: str) -> str:
    return word.lower().strip(_STRIP)


def _is_past(word: str, lists: LanguageLists) -> bool:
    return word in lists.past_forms or (
        word.endswith("ed") and len(word) > 4 and word not in lists.not_participles
    )


def opening_verb(text: str, lists: LanguageLists) -> str | None:
    """Return the verb a bullet opens with, as written, or None when it opens with none.

    A verb is an action verb or another known verb in any form ("Built", "Led", "Got",
    "Building"), a phrasal verb ("Set up", "Rolled out"), a hyphenated past ("Fine-tuned",
    "Co-authored"), a past after one adverb ("Continuously improved") or a capitalised
    ``-ed`` word the lists do not know ("Productionised").
    """
    words = text.split()
    plain = [_plain(w) for w in words[:3]]
    if not plain or not plain[0]:
        return None
    i = 0
    if (
        len(plain) > 1
        and plain[0].endswith("ly")
        and plain[0] not in lists.opener_verbs
        and _is_past(plain[1], lists)
    ):
        i = 1  # "Continuously improved the ..."
    if len(plain) > i + 1 and f"{plain[i]} {plain[i + 1]}" in lists.phrasal_of:
        return " ".join(words[: i + 2]).strip(_STRIP)
    word = plain[i]
    if "-" in word and word not in lists.past_forms:
        last = word.rsplit("-", 1)[1]
        # "Fine-tuned", "Co-authored", "Re-trained"; "Open-source CLI tool" is an adjective.
        if _is_past(last, lists) or (last.endswith("ing") and last in lists.opener_verbs):
            return words[i].strip(_STRIP)
        return None
    if word in lists.opener_verbs:
        after = plain[i + 1] if len(plain) > i + 1 else ""
        if (
            word.endswith("s")
            and word not in lists.past_forms
            and (after in _AUXILIARIES or _is_past(after, lists))
        ):
            return None  # "Models were reviewed ...": a plural noun, then its verb
        return " ".join(words[: i + 1]).strip(_STRIP)
    if i == 1 or (_is_past(word, lists) and words[0][:1].isupper()):
        return " ".join(words[: i + 1]).strip(_STRIP)
    return None


def _opens_with_clause(words: list[str], lists: LanguageLists) -> bool:
    """True when the words before the first preposition or comma read as a clause."""
    if not words or not re.match(r"[^\W\d_]", words[0]) or _plain(words[0]) in _HEAD_STOPS:
        return True  # "52 out of 2500 applicants chosen ...", "(cid:123)", "For items ..."
    sentence = re.split(r"[.;!?](?:\s|$)", " ".join(words), maxsplit=1)[0]
    if any(_plain(w) in _AUXILIARIES for w in sentence.split()):
        return True  # "The first Alice on film was over ..."
    for position, raw in enumerate(words):
        word = _plain(raw)
        if not word or not re.search(r"\w", word) or word in _HEAD_STOPS:
            return False
        if word in _CLAUSE_WORDS:
            return True
        if position and not word.endswith("ing"):
            if word in lists.opener_verbs or _is_past(word, lists):
                return True  # "Topics included ...", "Walt Disney brings ..."
        if raw.endswith((",", ";", ":")) or "(" in raw:
            return False
    return False


def _nominal_verb(noun: str, lists: LanguageLists) -> str | None:
    """Return the past of the verb a noun is made from ("development" -> "Developed")."""
    noun = noun.lower()
    for suffix, replacement in _NOMINAL_SUFFIXES:
        if noun.endswith(suffix):
            base = noun[: -len(suffix)] + replacement
            if base in lists.action_verbs:
                return _capitalise(lists.action_verbs[base])
    return None


def _verb_first(text: str, lists: LanguageLists) -> str | None:
    """Rewrite a bullet that opens without a verb so that it does, or None when no rewrite
    keeps the sentence whole.

    "Development of X" -> "Developed X"; "Data engineer - Built X" -> "Built X"; a noun
    phrase "Time-series forecasting with ..." -> "Built the time-series forecasting with ...";
    a clause ("Phabricator is used daily ...", "This film stars ...") gets no rewrite: a verb
    put in front of it would break it.
    """
    words = text.split()
    first = _plain(words[0]) if words else ""
    if len(words) > 2 and words[1].lower() == "of":
        nominal = _nominal_verb(first, lists)
        if nominal is not None:
            return " ".join([nominal, *words[2:]])
    split = _SEPARATOR.search(text)
    if split is not None:
        rest = text[split.end() :].strip()
        if opening_verb(rest, lists) is not None:
            return _capitalise(rest)
    if " | " in text or _opens_with_clause(words, lists):
        return None
    verb = _suggested_verb(words, lists)
    if first in {"a", "an", "the"}:
        return f"{verb} {words[0].lower()} {' '.join(words[1:])}".strip()
    if any(c.isupper() for c in words[0][1:]):  # "DevFlow", "ICML": a name keeps its case
        return f"{verb} {text}" if len(words) == 1 else f"{verb} the {text}"
    return f"{verb} the {words[0].lower()}{text[len(words[0]) :]}"


def _suggested_verb(words: list[str], lists: LanguageLists) -> str:
    """Return the verb for a noun-phrase bullet: "Published" for a paper, else "Built"."""
    head: set[str] = set()
    for raw in words:
        word = _plain(raw)
        if word in _HEAD_STOPS:
            break
        head.add(word)
        if raw.endswith((",", ";", ":")):
            break
    for triggers, verb in lists.opener_suggestions:
        if triggers & head:
            return verb
    return "Built"


def _verb_first_hint(text: str, lists: LanguageLists, result: str) -> str:
    rewrite = _verb_first(text, lists)
    if rewrite is None:
        return (
            "Rewrite it to start with the verb for what you did (built, trained, deployed, "
            f"led...), then what you did it to{result}."
        )
    return f"Lead with the verb for what you did, e.g. '{_snippet(rewrite)}'{result}."


def _opens_with_verb(doc: Doc, words: list[Token], lists: LanguageLists, text: str) -> bool:
    """True when the bullet opens with a verb (see ``opening_verb``)."""
    if not words:
        return False
    first = words[0]
    if doc.has_annotation("TAG"):  # a trained tagger knows "Models" from "Builds"
        if first.tag_ in _VERB_TAGS and first.pos_ in {"VERB", ""}:
            return True
        if first.tag_.startswith("NN"):
            return False
    return opening_verb(text[first.idx :], lists) is not None


# --------------------------------------------------------------------------- passive voice


def _passive_span(doc: Doc, lists: LanguageLists) -> tuple[int, int] | None:
    """Return (index of the auxiliary, index of the participle) of a passive, if any."""
    if doc.has_annotation("DEP"):
        # The parse marks the auxiliary of a passive ("was" in "was deployed") as auxpass.
        for token in doc:
            if token.dep_ == "auxpass":
                return token.i, token.head.i
        return None
    tokens = list(doc)
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ not in lists.passive_auxiliaries:
            continue
        j = i + 1
        if tokens[j].lower_.endswith("ly") and j + 1 < len(tokens):
            j += 1  # "was quickly deployed"
        word = tokens[j].lower_
        if word in lists.not_participles:
            continue
        if word in lists.irregular_participles or (word.endswith("ed") and len(word) > 3):
            return i, j
    lowered = doc.text.lower()
    for marker in lists.passive_markers:
        found = re.search(rf"\b{re.escape(marker)}\b", lowered)
        if found:
            start = len(lowered[: found.start()].split())
            return start, start + 1
    return None


_SELF_DOERS = re.compile(r"^by (?:me|us|myself|our team|the team|my team)\b", re.IGNORECASE)


def _names_doer(doc: Doc, participle: int) -> bool:
    """True when "by <someone>" other than the candidate follows the participle."""
    after = doc[participle + 1 : participle + 4].text.strip()
    if participle + 1 < len(doc) and doc[participle + 1].lower_ in {"daily", "widely", "now"}:
        after = doc[participle + 2 : participle + 5].text.strip()
    return after.lower().startswith("by ") and not _SELF_DOERS.match(after)


_MODALS = frozenset("can could will would shall should may might must".split())


def _active_rewrite(doc: Doc, aux: int, participle: int, lists: LanguageLists) -> str | None:
    """Rewrite "<object> was <participle> <rest>" as "<Past> <object> <rest>", or None when
    what stands before the auxiliary is not a short object ("For items ..., a definition list
    can be used", "This film stars X. It was released")."""
    tokens = list(doc)
    before = [t for t in tokens[:aux] if not t.is_space]
    if len(before) > 6 or any(
        t.is_punct or t.lower_ in _MODALS or t.lower_ in _CLAUSE_WORDS - {"this", "these"}
        for t in before
    ):
        return None
    if any(i and _is_past(t.lower_, lists) for i, t in enumerate(before)):
        return None
    subject = doc[:aux].text.strip()
    rest = doc[participle + 1 :].text.strip()
    rest = re.sub(r"\bby (?:me|us|myself|our team|the team|my team)\b\s*", "", rest).strip()
    word = tokens[participle].lower_
    past = lists.irregular_participles.get(word) or lists.past_of.get(word) or word
    if subject:
        subject = subject[:1].lower() + subject[1:] if not subject[:2].isupper() else subject
    return " ".join(p for p in (_capitalise(past), subject, rest) if p)


# --------------------------------------------------------------------------- first person


def _first_person(words: list[Token], lists: LanguageLists) -> list[Token]:
    found = []
    for token in words:
        if token.lower_ not in lists.first_person:
            continue
        if token.text == "I" or (not token.text.isupper() and token.text != "i"):
            found.append(token)  # "US" (the country) is not "us"
        elif token.text == "i" and token.i + 1 < len(token.doc) and token.nbor().is_alpha:
            found.append(token)  # "Sub-achievement i;" is a numeral, "i built" a pronoun
    return found


def _without_pronouns(text: str) -> str | None:
    """Return the bullet without its pronouns, or None when dropping one mid-sentence would
    break it ("Here, we have a list" -> "Here, have a list")."""
    rewritten = _LEADING_PRONOUN.sub("", text.strip())
    rewritten = re.sub(r"\s+by (?:me|us|myself)\b", "", rewritten)
    rewritten = re.sub(r"\b(?:my|our|My|Our)\b", "the", rewritten)
    if re.search(r"\b(?:I|we|We)\b", rewritten):
        return None
    rewritten = re.sub(r"\s+\b(?:me|us|myself)\b(?=[\s,.;]|$)", "", rewritten)
    return _capitalise(rewritten.strip())


# --------------------------------------------------------------------------- the review


def review_bullet(
    bullet: Bullet,
    nlp: Language,
    lists: LanguageLists,
    doc: Doc | None = None,
    metrics: tuple[Metric, ...] | None = None,
) -> BulletReview:
    """Judge one bullet; pass ``doc`` (from ``nlp.pipe``) and ``metrics`` to avoid rework."""
    text = strip_glyphs(bullet.text)
    if doc is None:
        doc = nlp(text)
    if metrics is None:
        metrics = parse_metrics(text, lists)
    # Any number is a number: "a 1408 node supercomputer" says how big, even with no unit.
    quantified = bool(metrics) or has_number(text, lists, metrics)
    words = _words(doc)
    pronouns = _first_person(words, lists)
    opener_words = words
    if pronouns and words and pronouns[0].i == words[0].i:
        opener_words = words[1:]  # "I built ..." opens with "built"
    weak = _weak_opener(_LEADING_PRONOUN.sub("", text), lists)
    action_verb = weak is None and _opens_with_verb(doc, opener_words, lists, text)
    review = BulletReview(
        bullet=bullet.id,
        text=bullet.text,
        section=bullet.section,
        quantified=quantified,
        action_verb=action_verb,
        shape=None if quantified else suggest_shape(bullet.text, lists),
    )
    if bullet.section in UNJUDGED_SECTIONS or not words:
        return review
    issues: list[BulletIssue] = []
    # A lead-in to a sub-list ("Detailed achievements:") is a label, not a statement.
    judged_for_results = bullet.section in RESULT_SECTIONS and not text.rstrip().endswith(":")
    result = "" if quantified else " and " + _result_hint(text, lists)

    better = text  # the bullet with its opener, voice and pronouns fixed, for the hints
    if weak is not None:
        phrase, rest = weak
        opener = next(w for w in lists.weak_openers if w.phrase == phrase.lower())
        better = _rewrite_after_weak(rest, opener.suggest, lists, opener.phrase)
        shown = _snippet(better)
        if not quantified and not shown.endswith("..."):
            shown += " ..."
        issues.append(
            BulletIssue(
                id="weak_opener",
                message=f"Opens with the weak phrase '{phrase}': {opener.hint}.",
                hint=f"Start with what you did: '{shown}'{result}.",
            )
        )
    elif judged_for_results and not action_verb and not pronouns:
        issues.append(
            BulletIssue(
                id="weak_opener",
                message="Does not start with an action verb.",
                hint=_verb_first_hint(text, lists, result),
            )
        )

    # A bullet that opens with the candidate's verb already says who did the work; a passive
    # with its doer named ("used daily by Facebook") hides no one.
    passive = None if action_verb else _passive_span(doc, lists)
    if passive is not None and _names_doer(doc, passive[1]):
        passive = None
    if passive is not None and not (weak is not None and "responsible" in weak[0].lower()):
        rewrite = _active_rewrite(doc, passive[0], passive[1], lists)
        if rewrite is not None:
            better = rewrite if weak is None else better
            hint = f"Say it actively, starting with the verb: '{_snippet(rewrite)}'."
        else:
            hint = (
                "Say it actively: start with the verb for what you did, then what it was done to."
            )
        issues.append(
            BulletIssue(
                id="passive",
                message="Uses the passive voice, which hides who did the work.",
                hint=hint,
            )
        )

    if pronouns:
        without = _without_pronouns(text)
        if better == text and without is not None:
            better = without
        shown = ", ".join(dict.fromkeys(f"'{t.text}'" for t in pronouns))
        issues.append(
            BulletIssue(
                id="first_person",
                message=f"Uses first-person pronouns ({shown}); resumes drop them.",
                hint=(
                    "Drop the pronoun and start with the verb for what you did."
                    if without is None
                    else f"Drop the pronoun and start with the verb: '{_snippet(without)}'."
                ),
            )
        )

    lowered = text.lower()
    cliches = [
        c
        for c in lists.cliches
        # The plain substring test first: most bullets hold no cliché, and it costs no regex.
        if c.phrase in lowered and re.search(rf"(?<!\w){re.escape(c.phrase)}(?!\w)", lowered)
    ]
    if cliches:
        shown = ", ".join(f"'{c.phrase}'" for c in cliches)
        issues.append(
            BulletIssue(
                id="cliche",
                message=f"Uses clichés recruiters skip: {shown}.",
                hint="; ".join(f"Instead of '{c.phrase}', {c.hint}" for c in cliches) + ".",
            )
        )

    if len(words) > lists.max_words or len(text) > lists.max_chars:
        issues.append(
            BulletIssue(
                id="too_long",
                message=(
                    f"Runs to {_words_count(len(words))} and {len(text)} characters; a bullet over "
                    f"{lists.max_words} words or about two lines gets skimmed."
                ),
                hint=_split_hint(text, lists),
            )
        )
    elif judged_for_results and len(words) < lists.min_words:
        issues.append(
            BulletIssue(
                id="too_short",
                message=(
                    f"Only {_words_count(len(words))}: it does not say what you did or why it "
                    "mattered."
                ),
                hint=(
                    f"Grow '{text.rstrip('.')}' into what you built, with which tools and the "
                    f"result, e.g. '{text.rstrip('.')} ... using <tool>, "
                    f"{_result_example(text, lists)}'."
                ),
            )
        )

    if judged_for_results and not quantified:
        issues.append(
            BulletIssue(
                id="no_metric",
                message="Has no number: the reader cannot tell how much it mattered.",
                hint=(
                    f"Add the result in numbers: '{_snippet(better, 10)}, "
                    f"{_result_example(text, lists)}' (how much faster, cheaper, more accurate, "
                    "or for how many users?)."
                ),
            )
        )
    return BulletReview(
        bullet=review.bullet,
        text=review.text,
        section=review.section,
        quantified=quantified,
        action_verb=action_verb,
        issues=tuple(issues),
        shape=review.shape,
    )


def suggest_shape(text: str, lists: LanguageLists) -> str:
    """Return the bullet with a measured result appended in placeholder form."""
    base = " ".join(text.split()).rstrip(".;:, ")
    lowered = base.casefold()
    shape, hits = lists.default_metric_shape, 0
    for words, candidate in lists.metric_shapes:  # most words shared wins, the earlier on a tie
        found = sum(1 for w in words if w in lowered)
        if found > hits:
            shape, hits = candidate, found
    return f"{base}, {shape}" if base else shape


def _sentence_end(text: str) -> str:
    snippet = _snippet(text, 14)
    return snippet if snippet.endswith("...") else snippet + "."


def _split_parts(text: str, lists: LanguageLists) -> list[str]:
    """Split a bullet in two at a sentence end or semicolon, else at ", and <verb>" /
    ", while" / ", which"; never inside a list ("Node.js, Express.js, and React")."""
    body = text.strip().rstrip(".")
    for pattern in (r"[.;]\s+(?=\S)", r",\s+(?:while|which)\s+"):
        for found in re.finditer(pattern, body):
            first, second = body[: found.start()], body[found.end() :]
            if len(first.split()) >= 5 and len(second.split()) >= 4:
                return [first, second]
    for found in re.finditer(r",?\s+and\s+(\S+)", body):
        if opening_verb(found.group(1), lists) is not None:
            first, second = body[: found.start()], body[found.end() - len(found.group(1)) :]
            if len(first.split()) >= 5 and len(second.split()) >= 4:
                return [first, second]
    return [body]


def _split_hint(text: str, lists: LanguageLists) -> str:
    """Suggest where to split or cut an over-long bullet, quoting it."""
    parts = _split_parts(text, lists)
    if len(parts) == 2:
        first, second = _sentence_end(parts[0]), _sentence_end(_capitalise(parts[1]))
        return f"Split it in two: '{first}' and '{second}'; keep the action and the result in each."
    return (
        f"Keep the action and the result, '{_snippet(text, 14)}', and move tools and "
        "details to the skills section or a second bullet."
    )


def review_bullets(
    bullets: Sequence[Bullet], nlp: Language, lists: LanguageLists
) -> tuple[BulletReview, ...]:
    """Judge every bullet, running the pipeline over them in one ``nlp.pipe`` batch."""
    texts = [strip_glyphs(b.text) for b in bullets]
    docs = nlp.pipe(texts)
    return tuple(
        review_bullet(bullet, nlp, lists, doc=doc)
        for bullet, doc in zip(bullets, docs, strict=True)
    )
