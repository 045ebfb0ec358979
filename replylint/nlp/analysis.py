"""A language-neutral bundle of everything a word form could be.

Rules constrain tokens by these dimensions; values are the union over all dictionary
readings of the form, so a rule asking for "past tense" matches any token that *can* be past.
"""

from __future__ import annotations

from dataclasses import dataclass

# dimension -> allowed values; patterns are validated against this vocabulary.
FEATURES: dict[str, frozenset[str]] = {
    "pos": frozenset(
        [
            "NOUN",
            "VERB",
            "ADJ",
            "ADV",
            "PRON",
            "NUM",
            "PREP",
            "CONJ",
            "PART",
            "INTJ",
            "AUX",
            "PUNCT",
            "X",
        ]
    ),
    "tense": frozenset({"past", "pres", "fut"}),
    "mood": frozenset({"ind", "imp", "cond"}),
    "form": frozenset({"fin", "inf", "part", "ger", "imps"}),
    "person": frozenset({"1", "2", "3"}),
    "number": frozenset({"sg", "pl"}),
    "gender": frozenset({"m", "f", "n"}),
    "case": frozenset({"nom", "gen", "dat", "acc", "ins", "loc", "voc"}),
    "aspect": frozenset({"perf", "imperf"}),
}
DIMENSIONS = tuple(FEATURES)
# Token.tag_ of tokens that end a sentence or paragraph; pattern gaps never cross them.
BREAK_TAG = "BRK"


@dataclass(frozen=True)
class Analysis:
    """All candidate lemmas (folded) and feature values of one word form."""

    lemmas: tuple[str, ...]
    feats: dict[str, tuple[str, ...]]
    known: bool = True

    def values(self, dimension: str) -> tuple[str, ...]:
        return self.feats.get(dimension, ())


def build_analysis(lemmas: set[str], feats: dict[str, set[str]], known: bool) -> Analysis:
    return Analysis(
        lemmas=tuple(sorted(lemmas)),
        feats={dim: tuple(sorted(vals)) for dim, vals in feats.items() if vals},
        known=known,
    )


def empty_feats() -> dict[str, set[str]]:
    return {dim: set() for dim in DIMENSIONS}
