"""The optional trained-pipeline path, with a tiny tagger the test trains and saves itself.

The embedded default never needs a trained model; when one is configured (or pl_core_news_sm is
installed), its POS tags narrow the dictionary's candidate readings.
"""

from __future__ import annotations

import random

import spacy
from spacy.training import Example

from replylint import Config, Linter
from replylint.nlp.pipeline import build_pipeline

TRAIN = [
    ("Nie czytała Pani instrukcji", ["PART", "VERB", "NOUN", "NOUN"]),
    ("Nie wiem , kiedy to będzie", ["PART", "VERB", "PUNCT", "ADV", "PRON", "AUX"]),
    ("Pani nie przeczytała regulaminu", ["NOUN", "PART", "VERB", "NOUN"]),
]


def _train_tiny_tagger(path) -> None:
    nlp = spacy.blank("pl")
    tagger = nlp.add_pipe("tagger")
    examples = []
    for text, tags in TRAIN:
        doc = nlp.make_doc(text)
        examples.append(Example.from_dict(doc, {"tags": tags}))
        for tag in tags:
            tagger.add_label(tag)
    nlp.initialize(lambda: examples)
    random.seed(0)
    for _ in range(30):
        nlp.update(examples)
    # Map the tagger's fine tags to UPOS so the morphology component can read token.pos_.
    ruler = nlp.add_pipe("attribute_ruler")
    for tag in {t for _text, tags in TRAIN for t in tags}:
        ruler.add([[{"TAG": tag}]], {"POS": tag})
    nlp.to_disk(path)


def test_configured_pipeline_narrows_readings(tmp_path):
    _train_tiny_tagger(tmp_path / "tiny_pl")
    nlp = build_pipeline("pl", str(tmp_path / "tiny_pl"))
    assert nlp.pipe_names[-1] == "replylint_morph" and "tagger" in nlp.pipe_names
    doc = nlp("Nie czytała Pani instrukcji")
    embedded = build_pipeline("pl")("Nie czytała Pani instrukcji")
    assert len(embedded[0]._.pos) > 1  # the dictionary alone cannot decide what "Nie" is
    assert doc[0].pos_ == "PART" and doc[0]._.pos == ("PART",)


def test_linter_uses_configured_pipeline_and_still_finds(tmp_path):
    _train_tiny_tagger(tmp_path / "tiny_pl")
    linter = Linter(Config(pipelines={"pl": str(tmp_path / "tiny_pl")}))
    text = "Nie czytała Pani instrukcji?"
    findings = linter.lint(text, lang="pl")
    assert "pl.condescending.didnt-read-manual" in {f.rule_id for f in findings}
    assert text[findings[0].start : findings[0].end] == findings[0].text


def test_embedded_default_needs_no_trained_model():
    linter = Linter(Config(use_trained_pipelines=False))
    assert linter.lint("Nie czytala pani instrukcji?", lang="pl")
