"""spaCy pipelines: a blank pl/ru tokenizer plus a morphology component (the default), or a
trained pipeline (pl_core_news_sm, ru_core_news_sm or a path) whose tagger narrows readings.

Token extensions used by rule patterns (read through getters, nothing copied per token):
  Token._.lemmas             all candidate lemmas, folded (lowercase, no diacritics, ё→е)
  Token._.pos/.tense/...     candidate values of each feature dimension (see analysis.FEATURES)
  Token._.brk                True for tokens that end a sentence or paragraph (also marked
                             natively as Token.tag_ == "BRK", which gaps in patterns use)
Token.norm_ holds the folded form, which literal words in patterns are compared with.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from replylint.nlp import morph_pl, morph_ru
from replylint.nlp.analysis import BREAK_TAG, DIMENSIONS, Analysis
from replylint.nlp.normalize import fold_word

log = logging.getLogger(__name__)

LANGS = ("pl", "ru")
TRAINED_PIPELINES = {"pl": "pl_core_news_sm", "ru": "ru_core_news_sm"}
ANALYSERS: dict[str, Callable[[str, bool], Analysis]] = {
    "pl": morph_pl.analyse,
    "ru": morph_ru.analyse,
}
_SENTENCE_END = frozenset({".", "?", "!", "…", "?!", "!!", "??", "..."})
_POLISH_DIACRITICS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
_UPOS_TO_OURS = {
    "AUX": "VERB",
    "PROPN": "NOUN",
    "DET": "PRON",
    "ADP": "PREP",
    "CCONJ": "CONJ",
    "SCONJ": "CONJ",
}
# spaCy's default guard (1M chars) is for parsers; a tokenizer-and-dictionary pipeline
# handles long texts linearly, and inputs are already capped where they are read.
MAX_TEXT_CHARS = 25_000_000
_ANALYSES_KEY = "replylint_analyses"
_BREAKS_KEY = "replylint_breaks"


def _analysis(token: Token) -> Analysis:
    return token.doc.user_data[_ANALYSES_KEY][token.i]


def _register_extensions() -> None:
    Token.set_extension("lemmas", getter=lambda t: _analysis(t).lemmas, force=True)
    for dim in DIMENSIONS:
        Token.set_extension(dim, getter=lambda t, d=dim: _analysis(t).values(d), force=True)
    Token.set_extension("brk", getter=lambda t: t.doc.user_data[_BREAKS_KEY][t.i], force=True)


_register_extensions()


@Language.factory("replylint_morph", default_config={"lang": "pl"})
def make_morph_component(nlp: Language, name: str, lang: str) -> MorphComponent:
    return MorphComponent(lang)


class MorphComponent:
    """Attaches dictionary readings to every token, narrowed by a tagger's POS if one ran."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.analyse = ANALYSERS[lang]

    def __call__(self, doc: Doc) -> Doc:
        restore = self.lang == "pl" and not any(ch in _POLISH_DIACRITICS for ch in doc.text)
        analyses = []
        breaks = []
        tagged = doc.has_annotation("POS")
        n = len(doc)
        for token in doc:
            token.norm_ = fold_word(token.text)
            analysis = self.analyse(token.text, restore)
            if tagged and token.pos_:
                analysis = _narrow(analysis, token.pos_)
            analyses.append(analysis)
            text = token.text
            is_break = token.is_space and "\n" in text
            if not is_break and (text in _SENTENCE_END or text.endswith(("?", "!"))):
                nxt = token.i + 1
                is_break = (
                    text != "."
                    or nxt >= n
                    or not doc[nxt].text[:1].isalnum()
                    or doc[nxt].text[:1].isupper()
                )
            if is_break:
                token.tag_ = BREAK_TAG
            breaks.append(is_break)
        doc.user_data[_ANALYSES_KEY] = analyses
        doc.user_data[_BREAKS_KEY] = breaks
        return doc


def _narrow(analysis: Analysis, upos: str) -> Analysis:
    """Keep only the POS the trained tagger chose when the dictionary offers it."""
    ours = _UPOS_TO_OURS.get(upos, upos)
    if ours not in analysis.values("pos") or len(analysis.values("pos")) < 2:
        return analysis
    feats = dict(analysis.feats)
    feats["pos"] = (ours,)
    return Analysis(analysis.lemmas, feats, analysis.known)


def _keep_hyphenated_words(nlp: Language) -> None:
    """ "как-нибудь", "e-mail", "CRM-u" stay one token, as the dictionaries expect."""
    infixes = [
        p for p in nlp.Defaults.infixes if not re.search(p, "ab-cd") and not re.search(p, "аб-вг")
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build_pipeline(lang: str, trained: str | None = None) -> Language:
    """The pipeline for `lang`; `trained` names an installed spaCy package or a path."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}")
    if trained:
        nlp = spacy.load(trained, exclude=["parser", "ner", "lemmatizer", "senter"])
    else:
        nlp = spacy.blank(lang)
    _keep_hyphenated_words(nlp)
    nlp.max_length = MAX_TEXT_CHARS
    nlp.add_pipe("replylint_morph", config={"lang": lang}, last=True)
    return nlp


def resolve_trained(lang: str, configured: str | None, allow_installed: bool) -> str | None:
    """Which trained pipeline to use: the configured one, else the installed package, else none."""
    if configured:
        if not (Path(configured).exists() or spacy.util.is_package(configured)):
            raise ValueError(f"pipeline for {lang!r} not found: {configured}")
        return configured
    name = TRAINED_PIPELINES[lang]
    if allow_installed and spacy.util.is_package(name):
        return name
    return None
