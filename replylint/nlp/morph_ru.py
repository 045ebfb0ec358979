"""Russian morphology from pymorphy3 (OpenCorpora), mapped onto replylint's features.

pymorphy3 already treats "е" and "ё" as one letter, so "еще" and "ещё" analyse alike.
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

from replylint.nlp.analysis import Analysis, build_analysis, empty_feats
from replylint.nlp.normalize import fold

_POS = {
    "NOUN": "NOUN",
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "COMP": "ADJ",
    "VERB": "VERB",
    "INFN": "VERB",
    "PRTF": "ADJ",
    "PRTS": "ADJ",
    "GRND": "VERB",
    "NUMR": "NUM",
    "ADVB": "ADV",
    "NPRO": "PRON",
    "PRED": "ADV",
    "PREP": "PREP",
    "CONJ": "CONJ",
    "PRCL": "PART",
    "INTJ": "INTJ",
}
_GRAMMEMES = {
    "past": ("tense", "past"),
    "pres": ("tense", "pres"),
    "futr": ("tense", "fut"),
    "impr": ("mood", "imp"),
    "indc": ("mood", "ind"),
    "1per": ("person", "1"),
    "2per": ("person", "2"),
    "3per": ("person", "3"),
    "sing": ("number", "sg"),
    "plur": ("number", "pl"),
    "masc": ("gender", "m"),
    "femn": ("gender", "f"),
    "neut": ("gender", "n"),
    "nomn": ("case", "nom"),
    "gent": ("case", "gen"),
    "gen2": ("case", "gen"),
    "datv": ("case", "dat"),
    "accs": ("case", "acc"),
    "acc2": ("case", "acc"),
    "ablt": ("case", "ins"),
    "loct": ("case", "loc"),
    "loc2": ("case", "loc"),
    "voct": ("case", "voc"),
    "perf": ("aspect", "perf"),
    "impf": ("aspect", "imperf"),
    "INFN": ("form", "inf"),
    "PRTF": ("form", "part"),
    "PRTS": ("form", "part"),
    "GRND": ("form", "ger"),
    "VERB": ("form", "fin"),
}
MIN_SCORE_SHARE = 0.05  # ignore readings pymorphy3 itself considers very unlikely

_morph = pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def analyse(form: str, restore_diacritics: bool = False) -> Analysis:
    """Analyse one token (`restore_diacritics` is meaningless for Russian and ignored)."""
    parses = _morph.parse(form)
    top = max((p.score for p in parses), default=0.0)
    lemmas: set[str] = set()
    feats = empty_feats()
    known = False
    for parse in parses:
        if parse.score < top * MIN_SCORE_SHARE:
            continue
        if parse.is_known:
            known = True
        lemmas.add(fold(parse.normal_form))
        tag = parse.tag
        if tag.POS in _POS:
            feats["pos"].add(_POS[tag.POS])
        for grammeme in tag.grammemes:
            if grammeme in _GRAMMEMES:
                dim, value = _GRAMMEMES[grammeme]
                feats[dim].add(value)
    if "impr" in _grammemes(parses) and not feats["person"]:
        # Imperatives ("ожидайте", "успокойтесь") address the reader; "давайте решим" is 1st.
        feats["person"].add("1" if "incl" in _grammemes(parses) else "2")
    if not known and "-" in form.strip("-"):
        # "инструкцию-то", "договор-таки": a particle glued on; the head word carries meaning.
        head = analyse(form.split("-")[0])
        if head.known:
            known = True
            lemmas.update(head.lemmas)
            for dim, values in head.feats.items():
                feats[dim].update(values)
    if not known or (form.isupper() and len(form) <= 5):
        # Unknown words, and acronyms ("IT", "CRM", "SAP") that the dictionary would read as
        # some rare common noun, also stand for themselves.
        lemmas.add(fold(form))
        if "-" in form:
            lemmas.add(fold(form.split("-")[0]))
    return build_analysis(lemmas, feats, known)


def _grammemes(parses) -> set[str]:
    return {g for parse in parses[:1] for g in parse.tag.grammemes}
