"""review_bullet: openers, passive voice, pronouns, clichés, length, missing numbers, hints."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from analyzer.models import Bullet, BulletReview
from analyzer.nlp.bullets import review_bullet, review_bullets
from analyzer.nlp.pipeline import build_nlp
from analyzer.rules import shipped_rules

LISTS = shipped_rules().language


def review(text: str, section: str = "experience") -> BulletReview:
    return review_bullet(Bullet("b0", text, section), build_nlp(), LISTS)


def ids(r: BulletReview) -> list[str]:
    return [i.id for i in r.issues]


def issue(r: BulletReview, issue_id: str) -> str:
    return next(i.hint for i in r.issues if i.id == issue_id)


def test_strong_quantified_bullet_has_no_issues() -> None:
    r = review("Cut p95 latency from 800 ms to 120 ms by distilling BERT into a small model")
    assert (r.quantified, r.action_verb, r.issues) == (True, True, ())


def test_weak_opener_hint_rewrites_the_bullet_with_its_own_words() -> None:
    r = review("Responsible for building the recommendation pipeline")
    assert not r.action_verb
    assert ids(r) == ["weak_opener", "no_metric"]
    hint = issue(r, "weak_opener")
    assert "'Built the recommendation pipeline ...'" in hint
    assert "raising click-through by X%" in hint
    assert "'Built the recommendation pipeline, raising click-through by X%'" in issue(
        r, "no_metric"
    )


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        ("Worked on improving the fraud model's recall", "Improved the fraud model's recall"),
        ("Helped to build a feature store", "Built a feature store"),
        ("Assisted in developing a churn model", "Developed a churn model"),
        ("Involved in the data migration", "Contributed to the data migration"),
        ("Tasked with cleaning the sales data", "Cleaned the sales data"),
        ("Participated in designing the API", "Designed the API"),
        ("Duties included monitoring model drift", "Monitored model drift"),
    ],
)
def test_weak_openers(text: str, rewrite: str) -> None:
    r = review(text)
    assert "weak_opener" in ids(r)
    assert f"'{rewrite} ...'" in issue(r, "weak_opener")


def test_no_verb_opener_turns_nominalisation_into_a_verb() -> None:
    r = review("Development of a real-time scoring service for loans")
    assert "'Developed a real-time scoring service for loans ...'" not in issue(r, "weak_opener")
    assert "Developed a real-time scoring service for loans" in issue(r, "weak_opener")


def test_passive_voice_with_active_rewrite() -> None:
    r = review("The ranking model was deployed to production by me")
    assert "passive" in ids(r)
    assert "'Deployed the ranking model to production'" in issue(r, "passive")


def test_adjective_after_be_is_not_passive() -> None:
    assert "passive" not in ids(review("Was interested in model compression for edge devices"))


def test_first_person_pronouns() -> None:
    r = review("I built a real-time feature store with Redis and Kafka for 3 teams")
    assert r.action_verb
    assert ids(r) == ["first_person"]
    assert "'Built a real-time feature store with Redis and Kafka for 3 teams'" in issue(
        r, "first_person"
    )


def test_us_the_country_is_not_a_pronoun() -> None:
    assert "first_person" not in ids(review("Launched the fraud model in 3 US states"))


def test_cliches_in_any_judged_section() -> None:
    r = review("Results-driven team player, passionate about machine learning", "summary")
    assert ids(r) == ["cliche"]
    message = r.issues[0].message
    assert "'results-driven'" in message and "'team player'" in message


def test_too_long_and_too_short() -> None:
    long = (
        "Built an end-to-end churn prediction pipeline with Spark and XGBoost covering "
        "ingestion, validation, feature engineering, training, hyperparameter search, "
        "evaluation, deployment and monitoring; presented the results to leadership every "
        "quarter and cut churn by 4%"
    )
    r = review(long)
    assert ids(r) == ["too_long"]
    assert "Split it in two" in issue(r, "too_long")
    short = review("Python development")
    assert "too_short" in ids(short)
    assert "'Python development ... using <tool>" in issue(short, "too_short")


def test_no_metric_only_for_experience_and_projects() -> None:
    assert "no_metric" in ids(review("Built a dashboard for the sales team", "projects"))
    assert "no_metric" not in ids(review("Built a dashboard for the sales team", "awards"))


def test_skills_bullets_are_not_judged() -> None:
    assert review("Python, SQL, Docker", "skills").issues == ()


def test_trained_pipeline_tags_and_parse_are_used() -> None:
    # A doc annotated like a trained pipeline would: the opener is a verb not in the list
    # and the passive is read from the auxpass arc, not from the word lists.
    nlp = build_nlp()
    words = ["Productionalised", "models", "that", "were", "reviewed", "weekly"]
    doc = Doc(
        nlp.vocab,
        words=words,
        tags=["VBD", "NNS", "WDT", "VBD", "VBN", "RB"],
        pos=["VERB", "NOUN", "PRON", "AUX", "VERB", "ADV"],
        heads=[0, 0, 4, 4, 1, 4],
        deps=["ROOT", "dobj", "nsubjpass", "auxpass", "relcl", "advmod"],
    )
    r = review_bullet(Bullet("b0", " ".join(words), "experience"), nlp, LISTS, doc=doc)
    assert r.action_verb
    # The bullet opens with the candidate's verb: the passive of its relative clause hides
    # no one's work.
    assert "passive" not in ids(r)
    words = ["Models", "were", "reviewed", "weekly"]
    doc = Doc(
        nlp.vocab,
        words=words,
        tags=["NNS", "VBD", "VBN", "RB"],
        pos=["NOUN", "AUX", "VERB", "ADV"],
        heads=[2, 2, 2, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "advmod"],
    )
    r = review_bullet(Bullet("b1", " ".join(words), "experience"), nlp, LISTS, doc=doc)
    assert "passive" in ids(r)
    assert "'Reviewed models weekly'" in issue(r, "passive")


def test_review_bullets_keeps_order() -> None:
    bullets = [Bullet("b0", "Saved $1.2M a year", "experience"), Bullet("b1", "Java", "skills")]
    reviews = review_bullets(bullets, build_nlp(), LISTS)
    assert [r.bullet for r in reviews] == ["b0", "b1"]
    assert reviews[0].to_dict()["quantified"] is True
    assert set(reviews[0].to_dict()) >= {"quantified", "action_verb", "issues"}
