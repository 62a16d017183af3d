"""NLP over a read resume: the spaCy pipeline, skills, bullets, experience, the roadmap."""

from analyzer.nlp import spacy_import as _spacy_import

_spacy_import.defer_cli()  # before any module here imports spaCy
