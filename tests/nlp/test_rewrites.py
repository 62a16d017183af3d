"""Rewrite hints are well-formed on every bullet mlcheck meets, and the opener finding is true.

Every bullet of the shipped example and of each corpus resume (../shared/corpus, skipped when
absent) goes through the hint-maker. Each quoted rewrite must read as a bullet: no "the"
before a verb right after the inserted verb ("Built the set up ..."), no doubled verb ("Built
built"), and the bullet's own words kept. A bullet that opens with a verb (spotted here by a
spaCy Matcher built from language.json: action and other verbs in any form, phrasal verbs,
hyphenated pasts, an adverb then a past) is never told it lacks one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from analyzer.documents import read_document
from analyzer.models import Bullet, BulletReview
from analyzer.nlp.bullets import opening_verb, review_bullet, review_bullets
from analyzer.nlp.pipeline import build_nlp
from analyzer.rules import shipped_rules
from tests.shared import CORPUS

LISTS = shipped_rules().language
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "resume.pdf"
RESUMES = CORPUS / "resumes"
NO_VERB = "Does not start with an action verb."
QUOTED = re.compile(r"'(.+?)'(?=[ .,;]|$)")


def _verb_matcher() -> Matcher:
    nlp = build_nlp()
    matcher = Matcher(nlp.vocab)
    single = sorted(LISTS.opener_verbs)
    pasts = sorted(LISTS.past_forms)
    firsts = sorted({p.split(" ")[0] for p in LISTS.phrasal_of})
    particles = sorted({p.split(" ")[1] for p in LISTS.phrasal_of})
    matcher.add("VERB", [[{"LOWER": {"IN": single}}]])
    matcher.add("PHRASAL", [[{"LOWER": {"IN": firsts}}, {"LOWER": {"IN": particles}}]])
    matcher.add("HYPHENATED", [[{"IS_ALPHA": True}, {"ORTH": "-"}, {"LOWER": {"IN": pasts}}]])
    matcher.add("ADVERB", [[{"LOWER": {"REGEX": "ly$"}}, {"LOWER": {"IN": pasts}}]])
    return matcher


def _opens_with_a_verb(text: str, matcher: Matcher) -> bool:
    doc = build_nlp().make_doc(text)
    for match_id, start, end in matcher(doc):
        if start != 0:
            continue
        label = build_nlp().vocab.strings[match_id]
        if label == "PHRASAL" and doc[:end].text.lower() not in LISTS.phrasal_of:
            continue
        if label == "VERB" and doc[0].lower_.endswith("s") and len(doc) > 1:
            after = doc[1].lower_
            if after in {"is", "are", "was", "were"} or after in LISTS.past_forms:
                continue  # "Models were reviewed": a plural noun
        return True
    return False


def _words(text: str) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", text).replace("...", " ")
    text = re.sub(r"\b(?:my|our|My|Our)\b", "the", text)
    cleaned = (re.sub(r"[^\w%$+#./-]", "", w).strip("./-").lower() for w in text.split())
    return [w for w in cleaned if w]


def _contiguous(part: list[str], whole: list[str]) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _problems(review: BulletReview, matcher: Matcher) -> Iterator[str]:
    """Yield what is wrong with the review's opener finding and quoted rewrites."""
    text = review.text
    if _opens_with_a_verb(text, matcher) and review.section in {"experience", "projects"}:
        weak_phrase = any(i.message.startswith("Opens with the weak phrase") for i in review.issues)
        if any(i.message == NO_VERB for i in review.issues) or not (
            review.action_verb or weak_phrase
        ):
            yield f"told it lacks a verb: {text!r}"
    for issue in review.issues:
        if issue.id not in {"weak_opener", "passive", "first_person"}:
            continue
        quoted = QUOTED.search(issue.hint)
        if quoted is None:
            continue
        rewrite = quoted.group(1)
        words = rewrite.split()
        if len(words) > 2 and words[1].lower() in {"the", "a", "an"}:
            after = words[2].lower().strip(",.;:")
            phrase = " ".join(words[2:4]).lower().strip(",.;:")
            gerund = after.endswith("ing") and after in LISTS.opener_verbs
            if after in LISTS.past_forms or gerund or phrase in LISTS.phrasal_of:
                yield f"a verb after 'the': {rewrite!r} for {text!r}"
        if len(words) > 1:
            second = words[1].lower().strip(",.;:")
            if second == words[0].lower() or second in LISTS.past_forms:
                if f"{words[0]} {second}".lower() not in LISTS.phrasal_of:
                    yield f"a doubled verb: {rewrite!r} for {text!r}"
        original, kept = _words(text), _words(rewrite)
        if not any(kept[k:] and _contiguous(kept[k:], original) for k in range(4)):
            yield f"the bullet's words are lost: {rewrite!r} for {text!r}"


def _files() -> list[Path]:
    files = [EXAMPLE]
    if RESUMES.is_dir():
        files += sorted(p for p in RESUMES.iterdir() if p.suffix in {".pdf", ".docx"})
    return files


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_rewrite_of_every_bullet_is_well_formed(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not there")
    document = read_document(path)
    reviews = review_bullets(document.bullets, build_nlp(), LISTS)
    matcher = _verb_matcher()
    problems = [p for review in reviews for p in _problems(review, matcher)]
    assert problems == []


def test_the_corpus_is_walked_when_present() -> None:
    if not RESUMES.is_dir():
        pytest.skip(f"no shared corpus at {RESUMES}")
    assert len(_files()) > 10


def review(text: str, section: str = "experience") -> BulletReview:
    return review_bullet(Bullet("b0", text, section), build_nlp(), LISTS)


@pytest.mark.parametrize(
    "text",
    [
        "Set up drift monitoring and automated retraining with Airflow and MLflow, reducing "
        "silent model failures to zero over 9 months.",
        "Rolled out the feature store to 4 teams",
        "Scaled up the training cluster to 64 GPUs",
        "Built out the evaluation harness for 12 models",
        "Spun up a Kubernetes cluster for 30 services",
        "Took over the ranking service from 2 departing engineers",
        "Led a team of 5 engineers",
        "Fine-tuned a Hugging Face transformer on 50k notes",
        "Co-authored 3 papers on retrieval",
        "Continuously improved the infrastructure for 40 services",
        "Broke the office record for 12 releases in a month",
    ],
)
def test_a_bullet_opening_with_a_verb_is_not_told_it_lacks_one(text: str) -> None:
    r = review(text)
    assert r.action_verb
    assert opening_verb(text, LISTS) is not None
    assert "weak_opener" not in [i.id for i in r.issues]


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        (
            "Time-series forecasting with Prophet and LightGBM, packaged with Docker",
            "'Built the time-series forecasting with Prophet and LightGBM, packaged with Docker'",
        ),
        (
            "Full-stack developer - Wrote and reviewed code for the web app",
            "'Wrote and reviewed code for the web app'",
        ),
        ("DevFlow", "'Built DevFlow'"),
        (
            "NeurIPS 2022 workshop paper on emergent communication protocols",
            "'Published the NeurIPS 2022 workshop paper on emergent communication protocols'",
        ),
    ],
)
def test_a_noun_phrase_bullet_gets_a_verb_in_front(text: str, rewrite: str) -> None:
    hint = next(i.hint for i in review(text).issues if i.id == "weak_opener")
    assert rewrite in hint


@pytest.mark.parametrize(
    "text",
    [
        "Phabricator is used daily by Facebook, Dropbox, Quora, Asana and more.",
        "The first Alice on film was over a hundred years ago.",
        "Topics included customer contracts, change management, controlling",
        "52 out of 2500 applicants chosen to be a KPCB Fellow 2014.",
        "For items without a clear time order, a definition list can be used.",
    ],
)
def test_a_clause_gets_no_verb_glued_in_front(text: str) -> None:
    r = review(text)
    hint = next(i.hint for i in r.issues if i.id == "weak_opener")
    assert "'" not in hint.split("(e.g.")[0]  # no quoted rewrite before the result example
    assert hint.startswith("Rewrite it to start with the verb for what you did")


def test_a_passive_with_its_doer_named_or_after_the_candidates_verb_is_not_reported() -> None:
    assert "passive" not in [i.id for i in review("Phabricator is used daily by Facebook").issues]
    established = review(
        "Established a standard base for 40 services. Over 90% of AWS resources were managed "
        "through terraform modules."
    )
    assert "passive" not in [i.id for i in established.issues]


def test_weak_openers_are_rewritten_without_losing_what_was_done() -> None:
    worked_with = review("Worked with Ada and Grace to create PlanIt, a route planner")
    assert "'Created PlanIt, a route planner, with Ada and Grace ...'" in worked_with.issues[0].hint
    team = review("Worked on the captions team, in Python to plan the new editor")
    assert "'Planned the new editor, with the captions team, in Python" in team.issues[0].hint
    team = review("Worked on the captions team, in Python to plan, to design the editor")
    assert "'Built <what you did> on the captions team" in team.issues[0].hint
    nominal = review("Working on the development of the ChatGPT project with React")
    assert "'Developed the ChatGPT project with React" in nominal.issues[0].hint
    did = review("Did analysis of the churn data for 3 teams")
    assert "'Ran analysis" not in did.issues[0].hint
    assert "'Analysed the churn data for 3 teams'" in did.issues[0].hint


def test_a_lead_in_to_a_sub_list_and_a_roman_numeral_are_not_judged() -> None:
    assert review("Detailed achievements:").issues == ()
    assert "first_person" not in [i.id for i in review("Sub-achievement i;").issues]
    assert "first_person" in [i.id for i in review("i built the feature store").issues]
    mid = review("Here, we have a list of 3 items")
    assert next(i.hint for i in mid.issues if i.id == "first_person") == (
        "Drop the pronoun and start with the verb for what you did."
    )


def test_a_long_bullet_is_split_at_a_sentence_or_a_verb_never_inside_a_list() -> None:
    listed = review(
        "Working on the development of the ChatGPT project, using Node.js, Express.js, and "
        "React. Implementing RESTful services for communication between frontend and backend "
        "with Docker and Kubernetes for 3 teams across the whole company every single week"
    )
    hint = next(i.hint for i in listed.issues if i.id == "too_long")
    assert "Express.js.' and 'React" not in hint
    assert "Express.js, and React.' and 'Implementing RESTful services" in hint
    verbs = review(
        "Built the feature pipeline for the churn model with Airflow and Spark and wrote the "
        "tests and the documentation for it and presented it to the leadership team and 12 "
        "data engineers across three offices every quarter"
    )
    hint = next(i.hint for i in verbs.issues if i.id == "too_long")
    assert "with Airflow and Spark.' and 'Wrote the tests" in hint
