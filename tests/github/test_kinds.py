"""Tutorial clones from split names and README datasets; deep learning apart from CV and NLP."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.github.interface import RepoSnapshot
from analyzer.github.portfolio import project_kinds, split_name, tutorial_of
from analyzer.rules import shipped_rules

RUBRIC = shipped_rules().portfolio
CORPUS = Path("/work/shared/corpus/readmes")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("TitanicML", "titanic ml"),
        ("IrisClassifier", "iris classifier"),
        ("MNISTClassifier", "mnist classifier"),
        ("yolov5", "yolov 5"),
        ("house_prices-2", "house prices 2"),
    ],
)
def test_names_split_on_camel_case_digits_and_separators(name: str, words: str) -> None:
    assert split_name(name) == words


@pytest.mark.parametrize(
    ("name", "tutorial"),
    [("TitanicML", "titanic"), ("IrisClassifier", "iris"), ("MNISTClassifier", "mnist")],
)
def test_camel_case_tutorial_names_are_clones(name: str, tutorial: str) -> None:
    assert tutorial_of(RepoSnapshot(name=name), RUBRIC) == tutorial


@pytest.mark.parametrize(
    ("readme", "tutorial"),
    [
        (
            "# My regression\nData: https://www.kaggle.com/c/house-prices-advanced-regression-"
            "techniques/data\n",
            "house_prices_kaggle",
        ),
        ("# Flowers\nFrom https://archive.ics.uci.edu/ml/datasets/iris\n", "iris"),
        (
            "# Digits\n```python\ntrain = torchvision.datasets.MNIST('.', download=True)\n```\n",
            "mnist",
        ),
        ("# Survival\nThe data is https://www.kaggle.com/competitions/titanic\n", "titanic"),
    ],
)
def test_datasets_in_the_readme_body_give_the_tutorial_away(readme: str, tutorial: str) -> None:
    assert tutorial_of(RepoSnapshot(name="my-project", readme=readme), RUBRIC) == tutorial


def test_an_original_project_is_no_clone() -> None:
    readme = "# Churn\nPredicts churn from 2 years of our telecom's billing data.\n"
    assert tutorial_of(RepoSnapshot(name="ChurnPredictor", readme=readme), RUBRIC) is None


def test_a_pytorch_iris_mlp_is_deep_learning_not_vision() -> None:
    readme = (
        "# Iris MLP\nA small neural network (a multilayer perceptron) in PyTorch that "
        "classifies iris flowers from four measurements.\n"
    )
    kinds = project_kinds(RepoSnapshot(name="iris-mlp", readme=readme), RUBRIC)
    assert "deep_learning" in kinds and "vision" not in kinds


def test_nanogpt_is_nlp_not_vision() -> None:
    readme = (
        "# nanoGPT\nThe simplest, fastest repository for training/finetuning medium-sized "
        "GPTs. It reproduces GPT-2 (124M) on OpenWebText. Train a character-level GPT on the "
        "works of Shakespeare; the best validation loss is 1.4697. PyTorch, tiktoken.\n"
    )
    kinds = project_kinds(RepoSnapshot(name="nanoGPT", readme=readme), RUBRIC)
    assert "nlp" in kinds and "vision" not in kinds


def test_yolov5_is_vision_not_tabular() -> None:
    readme = (
        "# YOLOv5\nYOLOv5 is a family of object detection architectures pretrained on COCO. "
        "It supports image classification and instance segmentation tasks.\n"
    )
    kinds = project_kinds(RepoSnapshot(name="yolov5", readme=readme), RUBRIC)
    assert "vision" in kinds and "tabular" not in kinds


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared README corpus is not here")
def test_real_titanicml_readme_is_a_titanic_clone() -> None:
    readme = (CORPUS / "SPD3__TitanicML.md").read_text(encoding="utf-8")
    assert tutorial_of(RepoSnapshot(name="TitanicML", readme=readme), RUBRIC) == "titanic"
