"""Polish morphology from Morfeusz2 (SGJP), mapped onto replylint's feature vocabulary.

Polish typed without diacritics ("nie czytala pani") is common in chat; for such forms we
also analyse the diacritic restorations the dictionary knows ("czytała").
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import morfeusz2
import regex

from replylint.nlp.analysis import Analysis, build_analysis, empty_feats
from replylint.nlp.normalize import fold

_POS = {
    "subst": "NOUN",
    "depr": "NOUN",
    "ger": "NOUN",
    "adj": "ADJ",
    "adja": "ADJ",
    "adjp": "ADJ",
    "adjc": "ADJ",
    "pact": "ADJ",
    "ppas": "ADJ",
    "adv": "ADV",
    "pred": "ADV",
    "fin": "VERB",
    "praet": "VERB",
    "impt": "VERB",
    "imps": "VERB",
    "inf": "VERB",
    "pcon": "VERB",
    "pant": "VERB",
    "winien": "VERB",
    "bedzie": "VERB",
    "aglt": "AUX",
    "ppron12": "PRON",
    "ppron3": "PRON",
    "siebie": "PRON",
    "num": "NUM",
    "numcol": "NUM",
    "prep": "PREP",
    "conj": "CONJ",
    "comp": "CONJ",
    "qub": "PART",
    "part": "PART",
    "interj": "INTJ",
    "interp": "PUNCT",
}
_CASES = {
    "nom": "nom",
    "gen": "gen",
    "dat": "dat",
    "acc": "acc",
    "inst": "ins",
    "loc": "loc",
    "voc": "voc",
}
_GENDERS = {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n"}
_PERSONS = {"pri": "1", "sec": "2", "ter": "3"}
_FORMS = {
    "inf": "inf",
    "ger": "ger",
    "pact": "part",
    "ppas": "part",
    "pcon": "part",
    "pant": "part",
    "imps": "imps",
    "fin": "fin",
    "praet": "fin",
    "impt": "fin",
}
_DIACRITICS = {"a": "ą", "c": "ć", "e": "ę", "l": "ł", "n": "ń", "o": "ó", "s": "ś", "z": "żź"}
MAX_RESTORED_LETTERS = 3
MAX_RESTORATIONS = 400

_morfeusz = morfeusz2.Morfeusz(expand_tags=False, generate=False)


def _add_tag(feats: dict[str, set[str]], tag: str) -> str:
    """Add one Morfeusz tag's features; return its part-of-speech class."""
    parts = tag.split(":")
    cls = parts[0]
    if cls in _POS:
        feats["pos"].add(_POS[cls])
    if cls in _FORMS:
        feats["form"].add(_FORMS[cls])
    perfective = "perf" in (v for p in parts[1:] for v in p.split("."))
    if cls == "praet":
        feats["tense"].add("past")
    elif cls == "fin":
        feats["tense"].add("fut" if perfective else "pres")
    elif cls == "bedzie":
        feats["tense"].add("fut")
    if cls == "impt":
        feats["mood"].add("imp")
    elif cls in ("fin", "praet", "bedzie"):
        feats["mood"].add("ind")
    for part in parts[1:]:
        for value in part.split("."):
            if value in ("sg", "pl"):
                feats["number"].add(value)
            elif value in _CASES:
                feats["case"].add(_CASES[value])
            elif value in _GENDERS:
                feats["gender"].add(_GENDERS[value])
            elif value in _PERSONS:
                feats["person"].add(_PERSONS[value])
            elif value in ("perf", "imperf"):
                feats["aspect"].add(value)
    return cls


def _analyse_exact(form: str) -> tuple[set[str], dict[str, set[str]], bool]:
    lemmas: set[str] = set()
    feats = empty_feats()
    known = False
    has_aglt = has_by = has_praet = False
    for _start, _end, (_orth, lemma, tag, _names, _quals) in _readings(form):
        cls = tag.split(":")[0]
        if cls == "ign" or (cls == "interp" and any(ch.isalnum() for ch in form)):
            continue
        known = True
        if cls == "aglt":
            has_aglt = True
            for value in tag.split(":")[1:]:
                if value in _PERSONS:
                    feats["person"].add(_PERSONS[value])
            continue
        if cls in ("qub", "part") and lemma.split(":")[0] == "by" and form.lower() != "by":
            has_by = True
            continue
        has_praet = has_praet or cls == "praet"
        lemmas.add(fold(lemma.split(":")[0]))
        _add_tag(feats, tag)
    if has_praet and not has_aglt:
        feats["person"].add("3")
    if has_by:
        feats["mood"].add("cond")
        feats["tense"].discard("past")
        feats["mood"].discard("ind")
    return lemmas, feats, known


def _readings(form: str) -> list:
    """Morfeusz's readings; a whole-word reading beats a segmented one, so "kiedyś" is the
    adverb and not "kiedy" + the 2nd-person agglutinate "ś"."""
    dag = _morfeusz.analyse(form)
    final = max((end for _start, end, _interp in dag), default=0)
    whole = [r for r in dag if r[0] == 0 and r[1] == final and r[2][2] != "ign"]
    return whole or dag


def _is_one_word(form: str) -> bool:
    """True when Morfeusz reads a hyphenated form as a single word ("e-mail")."""
    return all(interp[2] != "interp" for _start, _end, interp in _morfeusz.analyse(form))


def _restorations(form: str) -> list[str]:
    """Spellings of `form` with up to MAX_RESTORED_LETTERS Polish diacritics put back."""
    slots = [i for i, ch in enumerate(form.lower()) if ch in _DIACRITICS]
    out: list[str] = []
    for k in range(1, min(MAX_RESTORED_LETTERS, len(slots)) + 1):
        for chosen in itertools.combinations(slots, k):
            for letters in itertools.product(*(_DIACRITICS[form[i].lower()] for i in chosen)):
                chars = list(form)
                for i, letter in zip(chosen, letters, strict=True):
                    chars[i] = letter.upper() if form[i].isupper() else letter
                out.append("".join(chars))
                if len(out) >= MAX_RESTORATIONS:
                    return out
    return out


@lru_cache(maxsize=200_000)
def analyse(form: str, restore_diacritics: bool = False) -> Analysis:
    """Analyse one token. With `restore_diacritics`, unknown-or-not, ASCII-only forms also
    get the readings of their diacritic restorations; unknown forms always do."""
    if any(ch in form.strip("-:.") for ch in "-:.") and not _is_one_word(form):
        # "CRM-u", "10-15", "16:00": the part before the punctuation carries the meaning.
        head = analyse(regex.split(r"[-:.]", form)[0], restore_diacritics)
        return build_analysis({fold(form), *head.lemmas}, empty_feats(), known=head.known)
    lemmas, feats, known = _analyse_exact(form)
    if form.isascii() and form.isalpha() and (restore_diacritics or not known):
        for candidate in _restorations(form):
            cand_lemmas, cand_feats, cand_known = _analyse_exact(candidate)
            if cand_known:
                known = True
                lemmas |= cand_lemmas
                for dim, values in cand_feats.items():
                    feats[dim] |= values
    if not known and form.isalpha():
        # spaCy splits "str." / "godz." / "np."; the dictionary knows them with the dot.
        brev_lemmas, brev_feats, brev_known = _analyse_exact(form + ".")
        if brev_known:
            lemmas |= brev_lemmas
            known = True
    if not known or (form.isupper() and len(form) <= 5):
        # Unknown words, and acronyms ("IT", "CRM", "SAP") that the dictionary would read as
        # some rare common noun, also stand for themselves.
        lemmas.add(fold(form))
        if "-" in form:
            lemmas.add(fold(form.split("-")[0]))
    return build_analysis(lemmas, feats, known)
