"""The word lists the NLP stage judges bullets with (language.json), typed.

Action verbs, weak openers, clichés, first-person pronouns, passive-voice markers, bullet
length limits and the nouns/units the metric parser knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WeakOpener:
    """A phrase that opens a bullet without saying what the candidate did."""

    phrase: str
    """Lower-case phrase, e.g. "responsible for"."""
    suggest: str
    """A verb to open with instead, e.g. "Owned"."""
    hint: str
    """Why it is weak, in a few words."""


@dataclass(frozen=True)
class Cliche:
    """An empty phrase recruiters skip."""

    phrase: str
    """Lower-case phrase, e.g. "team player"."""
    hint: str
    """What to write instead."""


@dataclass(frozen=True, eq=False)
class LanguageLists:
    """Everything in language.json, typed (compared by identity: derived patterns cache on it)."""

    action_verbs: dict[str, str]
    """Base form -> past tense ("build" -> "built")."""
    verb_forms: frozenset[str]
    """Every accepted opener form: base, third person, past, -ing (lower case)."""
    past_of: dict[str, str]
    """Any form (base, -s, -ing, past) -> past tense."""
    phrasal_of: dict[str, str]
    """Any form of a phrasal verb ("sets up", "setting up", "set up") -> its past ("set up")."""
    opener_verbs: frozenset[str]
    """Every single word that is a verb when it opens a bullet: the action verbs' forms, the
    other verbs' forms and the irregular participles (lower case)."""
    opener_suggestions: tuple[tuple[frozenset[str], str], ...]
    """(words, verb): the verb put in front of a noun-phrase bullet whose opening has one of the
    words ("ICML 2022 main conference paper" -> "Published the ..."); "Built" otherwise."""
    past_forms: frozenset[str]
    """Past tenses and participles known ("built", "led", "got"): after a hyphen ("Fine-tuned")
    or an adverb ("Continuously improved") they still open the bullet with a verb."""
    weak_openers: tuple[WeakOpener, ...]
    """Weak openers, longest phrase first."""
    cliches: tuple[Cliche, ...]
    """Clichés, longest phrase first."""
    first_person: frozenset[str]
    """First-person pronouns (lower case)."""
    passive_auxiliaries: frozenset[str]
    """Forms of "be" that start a passive."""
    passive_markers: tuple[str, ...]
    """Phrases that read as passive on their own ("was responsible")."""
    irregular_participles: dict[str, str]
    """Past participles not ending in -ed, mapped to the past tense ("written" -> "wrote")."""
    not_participles: frozenset[str]
    """-ed words that are adjectives after "be" ("based", "interested")."""
    max_words: int
    """A bullet longer than this many words is too long."""
    max_chars: int
    """A bullet longer than this many characters (about two lines) is too long."""
    min_words: int
    """A bullet shorter than this many words is too short."""
    count_nouns: frozenset[str]
    """Plural nouns a count is of ("users", "models")."""
    size_nouns: frozenset[str]
    """Plural nouns a data size is measured in ("rows", "images")."""
    rate_nouns: frozenset[str]
    """Plural nouns that make a rate with a period ("requests"/s)."""
    not_after: frozenset[str]
    """Words after which a number is a version or identifier, not a quantity."""
    eval_metrics: tuple[str, ...]
    """Model-quality measures bounded by 1 (accuracy, F1, AUC...)."""
    result_examples: tuple[tuple[frozenset[str], str], ...]
    """(trigger words, example result clause) for rewrite hints; the last one is the default."""
    metric_shapes: tuple[tuple[tuple[str, ...], str], ...]
    """(words, shape): the result suggested for a bullet containing one of the words."""
    default_metric_shape: str
    """The result suggested when no shape's words are in the bullet."""


def _conjugations(base: str, past: str) -> set[str]:
    """Return the base, -s, -ing and past forms of a regular-ish English verb."""
    forms = {base, past}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("ie"):
        forms.add(base[:-2] + "ying")
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        forms.add(base[:-1] + "ing")
    else:
        forms.add(base + "ing")
        if (
            len(base) >= 3
            and base[-1] not in "aeiouwxy"
            and base[-2] in "aeiou"
            and base[-3] not in "aeiou"
        ):
            forms.add(base + base[-1] + "ing")  # plan -> planning, ship -> shipping
    return forms


def parse_language(data: dict[str, Any]) -> LanguageLists:
    """Build the word lists from schema-valid language.json data."""
    verbs = {str(k).lower(): str(v).lower() for k, v in data["action_verbs"].items()}
    past_of: dict[str, str] = {}
    for base, past in verbs.items():
        for form in _conjugations(base, past):
            past_of.setdefault(form, past)
    passive = data["passive"]
    phrasal_of: dict[str, str] = {}
    for phrase, past in data.get("phrasal_verbs", {}).items():
        verb, _, particle = str(phrase).lower().partition(" ")
        head = str(past).lower().split(" ")[0]
        for form in _conjugations(verb, head):
            phrasal_of.setdefault(f"{form} {particle}", str(past).lower())
    others = {str(k).lower(): str(v).lower() for k, v in data.get("other_verbs", {}).items()}
    other_forms = {form for base, past in others.items() for form in _conjugations(base, past)}
    irregular = {
        str(k).lower(): str(v).lower() for k, v in passive["irregular_participles"].items()
    }
    past_forms = frozenset(
        {*verbs.values(), *others.values(), *irregular, *irregular.values()}
        | {p for p in past_of if p.endswith("ed")}
    )
    metrics = data["metrics"]
    length = data["length"]
    return LanguageLists(
        action_verbs=verbs,
        verb_forms=frozenset(past_of),
        past_of=past_of,
        phrasal_of=phrasal_of,
        opener_verbs=frozenset(past_of) | other_forms | set(irregular) | set(irregular.values()),
        past_forms=past_forms,
        opener_suggestions=tuple(
            (frozenset(str(w).lower() for w in o["words"]), str(o["verb"]))
            for o in data.get("opener_suggestions", ())
        ),
        weak_openers=tuple(
            sorted(
                (
                    WeakOpener(w["phrase"].lower(), w["suggest"], w["hint"])
                    for w in data["weak_openers"]
                ),
                key=lambda w: -len(w.phrase),
            )
        ),
        cliches=tuple(
            sorted(
                (Cliche(c["phrase"].lower(), c["hint"]) for c in data["cliches"]),
                key=lambda c: -len(c.phrase),
            )
        ),
        first_person=frozenset(p.lower() for p in data["first_person"]),
        passive_auxiliaries=frozenset(passive["auxiliaries"]),
        passive_markers=tuple(passive["markers"]),
        irregular_participles=dict(passive["irregular_participles"]),
        not_participles=frozenset(passive["not_participles"]),
        max_words=int(length["max_words"]),
        max_chars=int(length["max_chars"]),
        min_words=int(length["min_words"]),
        count_nouns=frozenset(metrics["count_nouns"]),
        size_nouns=frozenset(metrics["size_nouns"]),
        rate_nouns=frozenset(metrics["rate_nouns"]),
        not_after=frozenset(metrics["not_after"]),
        eval_metrics=tuple(sorted(metrics["eval_metrics"], key=len, reverse=True)),
        result_examples=tuple(
            (frozenset(r["words"]), r["example"]) for r in data["result_examples"]
        ),
        metric_shapes=tuple(
            (tuple(s["words"]), s["shape"]) for s in data["metric_shapes"]["shapes"]
        ),
        default_metric_shape=data["metric_shapes"]["default"],
    )
