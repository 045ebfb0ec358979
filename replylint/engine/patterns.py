"""The readable pattern syntax, compiled to spaCy Matcher token patterns.

    nie                 a literal word: case-, diacritic- and ё/е-insensitive
    nie|nigdy           one token, any of these literals
    <czytać>            any inflected form of the lemma czytać
    <czytać|przeczytać tense=past person=2|3>
                        lemma alternatives plus grammatical constraints (analysis.FEATURES)
    <pos=VERB person=2> a token by features only
    _                   any one token within the sentence
    !nie|nigdy          any one token within the sentence except these words
                        (`!nie{0,3}`: a gap of up to three tokens without "nie")
    _{0,3}              a bounded gap: zero to three tokens
    X?                  X is optional (any element, including groups and gaps)
    X{1,2}              X repeated one or two times
    ( a b | c d )       alternatives of whole sequences (separate with " | ")
    /^instruk/          one token whose folded text matches a regular expression
    $NAME               a macro from the pack's `define:` (expanded before parsing)
    ,  ?  !             punctuation is literal when it stands alone; `,?` is an optional comma

Groups are expanded into several flat Matcher patterns, so a pattern stays a plain list of
token dicts that spaCy can validate and index.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from replylint.nlp.analysis import BREAK_TAG, FEATURES
from replylint.nlp.normalize import fold

MAX_EXPANSIONS = 2048
MAX_MACRO_DEPTH = 8
_MACRO = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_QUANT = re.compile(r"(\?|\{\d+(?:,\d*)?\})$")
_LEXEME = re.compile(
    r"""\s*(
        <[^<>]*>                    # token spec
      | /(?:\\.|[^/\\])+/           # token regex
      | \(|\)                       # group delimiters
      | \|(?=\s|$)                  # alternative separator (stands alone)
      | [^\s()<>]+                  # a word, punctuation, `_`, with any quantifier suffix
    )(\?|\{\d+(?:,\d*)?\})?""",
    re.VERBOSE,
)
# Sentence ends carry TAG == BREAK_TAG (set by the morphology component): a native attribute,
# so gaps cost the Matcher no Python call per token.
ANY_TOKEN: dict = {"IS_SPACE": False, "TAG": {"NOT_IN": [BREAK_TAG]}}


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says what and where in the pattern."""


@dataclass
class _Token:
    spec: dict
    op: str | None = None


@dataclass
class _Group:
    options: list[list]  # list of sequences of _Token/_Group
    op: str | None = None


def expand_macros(source: str, defines: dict[str, str]) -> str:
    text = source
    for _ in range(MAX_MACRO_DEPTH):
        if not _MACRO.search(text):
            return text

        def substitute(m: re.Match) -> str:
            name = m.group(1)
            if name not in defines:
                raise PatternError(f"unknown macro ${name}")
            return f"( {defines[name]} )"

        text = _MACRO.sub(substitute, text)
    raise PatternError("macros nest too deeply (a macro probably refers to itself)")


# Compilations saved by the pack cache from an earlier run (see packcache): a cold start then
# skips parsing and expanding every pattern again.
_PRECOMPILED: dict[str, list[list[dict]]] = {}


def compile_pattern(source: str, defines: dict[str, str] | None = None) -> list[list[dict]]:
    """Compile one pattern to a list of Matcher patterns (one per expanded alternative)."""
    text = expand_macros(source, defines or {})
    saved = _PRECOMPILED.get(text)
    return saved if saved is not None else _compile_expanded(text)


def preload_compiled(compiled: dict[str, list[list[dict]]]) -> None:
    """Seed compilations made by an identical earlier run (read-only, like the lru cache)."""
    _PRECOMPILED.update(compiled)


@lru_cache(maxsize=8192)
def _compile_expanded(text: str) -> list[list[dict]]:
    """Cached: packs are validated at load and compiled again per language; treat as read-only."""
    lexemes = _lex(text)
    if not lexemes:
        raise PatternError("empty pattern")
    sequence, pos = _parse_sequence(lexemes, 0, top=True)
    if pos != len(lexemes):
        raise PatternError(f"unexpected {lexemes[pos][0]!r}")
    flat = _expand(sequence)
    if len(flat) > MAX_EXPANSIONS:
        raise PatternError(f"expands to {len(flat)} alternatives (limit {MAX_EXPANSIONS})")
    result = []
    for alternative in flat:
        tokens = [dict(t.spec, **({"OP": t.op} if t.op else {})) for t in alternative]
        if not tokens or all(t.get("OP") in ("?", "*") or _optional(t.get("OP")) for t in tokens):
            raise PatternError("a pattern must require at least one token")
        if tokens[0] == ANY_TOKEN or tokens[-1] == ANY_TOKEN:
            raise PatternError("a pattern may not start or end with a gap `_`")
        result.append(tokens)
    return result


def _optional(op: str | None) -> bool:
    return bool(op and op.startswith("{0"))


def _lex(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _LEXEME.match(text, pos)
        if not m or m.end() == pos:
            raise PatternError(f"cannot read pattern at {text[pos : pos + 20]!r}")
        body, quant = m.group(1), m.group(2)
        # A lone "?" or "{..}"-looking word is a literal; a suffix on a word is a quantifier.
        if quant is None and len(body) > 1 and body not in ("?!", "..."):
            qm = _QUANT.search(body)
            if qm and not body.startswith(("<", "/")):
                body, quant = body[: qm.start()], qm.group(1)
        out.append((body, quant))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def _op(quant: str | None) -> str | None:
    if quant is None:
        return None
    if quant == "?":
        return "?"
    m = re.fullmatch(r"\{(\d+)(?:,(\d*))?\}", quant)
    assert m
    low, high = m.group(1), m.group(2)
    if high == "":
        raise PatternError(f"unbounded repetition {quant} is not allowed; give a maximum")
    if high is not None and int(high) < int(low):
        raise PatternError(f"bad repetition {quant}")
    return f"{{{low},{high}}}" if high is not None else f"{{{low}}}"


def _parse_sequence(lexemes, pos: int, top: bool = False):
    options: list[list] = [[]]
    while pos < len(lexemes):
        body, quant = lexemes[pos]
        if body == ")":
            if top:
                raise PatternError("unbalanced ')'")
            break
        if body == "|":
            if top:
                raise PatternError("' | ' alternatives must be inside ( )")
            options.append([])
            pos += 1
            continue
        if body == "(":
            inner, pos = _parse_sequence(lexemes, pos + 1)
            if pos >= len(lexemes) or lexemes[pos][0] != ")":
                raise PatternError("unbalanced '('")
            options[-1].append(_Group(inner.options, _op(lexemes[pos][1])))
            pos += 1
            continue
        options[-1].append(_Token(_token_spec(body), _op(quant)))
        pos += 1
    if any(not seq for seq in options):
        raise PatternError("empty alternative in a group")
    if top:
        return options[0], pos
    return _Group(options), pos


def _token_spec(body: str) -> dict:
    if body == "_":
        return dict(ANY_TOKEN)
    if body.startswith("<"):
        return _spec_from_brackets(body)
    if body.startswith("/") and body.endswith("/") and len(body) > 2:
        source = body[1:-1]
        try:
            regex.compile(source)
        except regex.error as exc:
            raise PatternError(f"bad token regex /{source}/: {exc}") from exc
        return {"NORM": {"REGEX": source}}
    if body.startswith("!") and len(body) > 1:
        excluded = sorted({fold(w) for w in body[1:].split("|") if w})
        return {"NORM": {"NOT_IN": excluded}, "IS_SPACE": False, "TAG": {"NOT_IN": [BREAK_TAG]}}
    words = [w for w in body.replace("\\", "").split("|")]
    if any(not w for w in words):
        raise PatternError(f"empty alternative in {body!r}")
    folded = sorted({fold(w) for w in words})
    return {"NORM": folded[0]} if len(folded) == 1 else {"NORM": {"IN": folded}}


def _spec_from_brackets(body: str) -> dict:
    # "<a|b\n  |c>" from a folded YAML line is still one alternative list.
    inner = re.sub(r"\s*([|=])\s*", r"\1", body[1:-1]).split()
    if not inner:
        raise PatternError("empty token <>")
    ext: dict[str, dict] = {}
    for item in inner:
        key, sep, value = item.partition("=")
        if not sep:
            key, value = "lemma", item
        values = [v for v in value.split("|") if v]
        if not values:
            raise PatternError(f"no value in {item!r}")
        if key == "lemma":
            ext["lemmas"] = {"INTERSECTS": sorted({fold(v) for v in values})}
        elif key in FEATURES:
            bad = [v for v in values if v not in FEATURES[key]]
            if bad:
                allowed = ", ".join(sorted(FEATURES[key]))
                raise PatternError(f"unknown {key} value {bad[0]!r} (allowed: {allowed})")
            ext[key] = {"INTERSECTS": values}
        else:
            known = ", ".join(["lemma", *FEATURES])
            raise PatternError(f"unknown token constraint {key!r} (known: {known})")
    return {"_": ext}


def _expand(sequence: list) -> list[list[_Token]]:
    """Flatten groups into plain token sequences (cartesian product of alternatives)."""
    parts: list[list[list[_Token]]] = []
    for item in sequence:
        if isinstance(item, _Group):
            item = _merge_single_token_options(item)
        if isinstance(item, _Token):
            parts.append([[item]])
            continue
        alternatives = [alt for option in item.options for alt in _expand(option)]
        if item.op == "?":
            alternatives = [*alternatives, []]
        elif item.op is not None:
            low, _, high = item.op.strip("{}").partition(",")
            counts = range(int(low), int(high or low) + 1)
            alternatives = [
                [t for chunk in combo for t in chunk]
                for n in counts
                for combo in itertools.product(alternatives, repeat=n)
            ]
        parts.append(alternatives)
        if _count(parts) > MAX_EXPANSIONS * 4:
            raise PatternError(f"expands to too many alternatives (limit {MAX_EXPANSIONS})")
    return [[t for chunk in combo for t in chunk] for combo in itertools.product(*parts)]


def _merge_single_token_options(group: _Group) -> _Group | _Token:
    """`( a | b | <c> )` needs no expansion when every option is one plain token of one kind:
    literals merge into one NORM set, bare lemmas into one lemma set."""
    tokens = [opt[0] for opt in group.options if len(opt) == 1 and isinstance(opt[0], _Token)]
    if len(tokens) != len(group.options) or any(t.op for t in tokens):
        return group
    norms: set[str] = set()
    lemmas: set[str] = set()
    for token in tokens:
        spec = token.spec
        if set(spec) == {"NORM"}:
            value = spec["NORM"]
            if isinstance(value, dict) and "IN" not in value:
                return group  # a token regex
            norms.update(value["IN"] if isinstance(value, dict) and "IN" in value else [value])
        elif set(spec) == {"_"} and set(spec["_"]) == {"lemmas"}:
            lemmas.update(spec["_"]["lemmas"]["INTERSECTS"])
        else:
            return group
    if norms and lemmas:
        return group
    if norms:
        merged = {"NORM": sorted(norms)[0]} if len(norms) == 1 else {"NORM": {"IN": sorted(norms)}}
    else:
        merged = {"_": {"lemmas": {"INTERSECTS": sorted(lemmas)}}}
    return _Token(merged, group.op)


def _count(parts: list[list]) -> int:
    total = 1
    for p in parts:
        total *= max(1, len(p))
    return total
