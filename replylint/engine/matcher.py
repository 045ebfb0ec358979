"""Running compiled rules over a parsed text: Matcher hits, regex hits, exceptions, merging."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from replylint.engine.patterns import compile_pattern
from replylint.engine.rule import PatternSpec, Rule
from replylint.findings import SEVERITY_RANK, merge_spans
from replylint.nlp.analysis import BREAK_TAG
from replylint.nlp.normalize import fold, fold_char

REGEX_TIMEOUT_SECONDS = 0.25
# Words in almost every reply make poor anchors; prefer any rarer required token.
COMMON_WORDS = frozenset(
    [
        "nie",
        "sie",
        "to",
        "na",
        "w",
        "z",
        "i",
        "a",
        "o",
        "do",
        "ze",
        "za",
        "po",
        "od",
        "u",
        "jak",
        "tak",
        "ale",
        "czy",
        "juz",
        "co",
        "jest",
        "sa",
        "byc",
        "ja",
        "my",
        "wy",
        "pan",
        "pani",
        "panstwo",
        "mi",
        "nam",
        "mnie",
        "nas",
        "tym",
        "ten",
        "ta",
        "te",
        "tego",
        "tej",
        "jego",
        "jej",
        "ich",
        "go",
        "tu",
        "tam",
        "не",
        "и",
        "в",
        "на",
        "с",
        "что",
        "это",
        "я",
        "мы",
        "вы",
        "он",
        "она",
        "они",
        "но",
        "а",
        "к",
        "по",
        "за",
        "из",
        "у",
        "от",
        "до",
        "же",
        "ли",
        "бы",
        "как",
        "так",
        "уже",
        "быть",
        "есть",
        "вас",
        "нас",
        "вам",
        "нам",
        "мне",
        "меня",
        "вот",
        "все",
        "всё",
        "то",
        ",",
        ".",
        "!",
        "?",
        "-",
        "–",
        ":",
        ";",
    ]
)
COMMON_WORD_COST = 1000


@dataclass(frozen=True)
class Hit:
    """A rule match in the *normalised* text, before mapping back to the input."""

    rule: Rule
    start: int
    end: int
    severity: str


class RegexTimeout(RuntimeError):
    pass


@dataclass(frozen=True)
class Anchors:
    """Words a pattern cannot match without (Vale's MightMatch): if a text has none of a
    rule's anchor forms or lemmas, the rule is skipped without running its Matcher."""

    norms: frozenset[str]
    lemmas: frozenset[str]

    def might_match(self, norms: set[str], lemmas: set[str]) -> bool:
        return not self.norms.isdisjoint(norms) or not self.lemmas.isdisjoint(lemmas)

    @property
    def cost(self) -> int:
        return sum(COMMON_WORD_COST if v in COMMON_WORDS else 1 for v in self.norms | self.lemmas)


class DocIndex:
    """What the rules ask of one parsed text, computed once: which forms and lemmas occur,
    where, and which sentence each token belongs to."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.folded = _Lazy(doc.text)
        self.norm_pos: dict[str, list[int]] = {}
        self.lemma_pos: dict[str, list[int]] = {}
        self.sent_of: list[int] = []
        self.sent_ranges: list[tuple[int, int]] = []
        start = 0
        for token in doc:
            i = token.i
            self.norm_pos.setdefault(token.norm_, []).append(i)
            for lemma in token._.lemmas:
                self.lemma_pos.setdefault(lemma, []).append(i)
            self.sent_of.append(len(self.sent_ranges))
            if token.tag_ == BREAK_TAG:
                self.sent_ranges.append((start, i + 1))
                start = i + 1
        if start < len(doc):
            self.sent_ranges.append((start, len(doc)))
        self.norms = set(self.norm_pos)
        self.lemmas = set(self.lemma_pos)
        self.sentence_starts = [doc[a].idx for a, _b in self.sent_ranges] or [0]
        self.part_spans: dict[int, list[tuple[int, int]]] = {}  # id(part unit) -> its spans

    def spans_of_part(self, part: _Unit) -> list[tuple[int, int]]:
        """A part of an `all` pattern, matched once per text however many rules share it."""
        key = id(part)
        if key not in self.part_spans:
            self.part_spans[key] = part.spans(self)
        return self.part_spans[key]

    def sentences_with(self, kind: str, values: frozenset[str]) -> list[tuple[int, int]]:
        """Token ranges of the sentences holding any of `values` (forms or lemmas)."""
        index = self.norm_pos if kind == "norm" else self.lemma_pos
        ids = {self.sent_of[i] for value in values.intersection(index) for i in index[value]}
        return [self.sent_ranges[s] for s in sorted(ids)]


Requirement = tuple[str, frozenset[str]]  # ("norm" | "lemma", values): one required token


class _Unit:
    """The patterns of one rule (or of one exception), bucketed by the tokens they require.

    A bucket's small Matcher (built on first use) runs only when the text contains, for every
    token some pattern of the bucket requires, one of its forms or lemmas: most rules are
    skipped on most texts without touching spaCy's Matcher (Vale's MightMatch, per pattern)."""

    def __init__(
        self, key: str, specs: list[PatternSpec], shared_parts: dict[str, _Unit] | None = None
    ) -> None:
        self.key = key
        patterns = [
            t for spec in specs if spec.kind == "tokens" for t in compile_pattern(spec.source)
        ]
        self.regexes = [_compile_regex(spec) for spec in specs if spec.kind == "regex"]
        parts_by_source = {} if shared_parts is None else shared_parts
        self.all_of = [
            [_shared_part(parts_by_source, part) for part in spec.parts]
            for spec in specs
            if spec.kind == "all"
        ]
        # Patterns that need the same set of words share a requirement check; requirement sets
        # that share their rarest word (the anchor) share one Matcher, run only over the
        # sentences holding that word. Few Matchers, each skipped unless one of its patterns
        # could match: the expansion of one rich pattern costs about what the pattern does.
        by_requirements: dict[frozenset[Requirement], list[list[dict]]] = {}
        for pattern in patterns:
            by_requirements.setdefault(_requirements(pattern), []).append(pattern)
        by_anchor: dict[Requirement | None, tuple[list[frozenset[Requirement]], list]] = {}
        for reqs, group in by_requirements.items():
            anchor = min(reqs, key=_cost) if reqs else None
            needs, members = by_anchor.setdefault(anchor, ([], []))
            needs.append(reqs)
            members.extend(group)
        self._anchor: list[Requirement | None] = list(by_anchor)
        self._buckets = list(by_anchor.values())  # (requirement sets, patterns) per anchor
        self._matchers: list[Matcher | None] = [None] * len(self._buckets)
        self._always = [i for i, anchor in enumerate(self._anchor) if anchor is None]
        self._by_norm: dict[str, list[int]] = {}
        self._by_lemma: dict[str, list[int]] = {}
        for i, anchor in enumerate(self._anchor):
            if anchor is not None:
                kind, values = anchor
                index = self._by_norm if kind == "norm" else self._by_lemma
                for value in values:
                    index.setdefault(value, []).append(i)
        self.anchors = self._anchors()

    def _anchors(self) -> Anchors | None:
        """Words without which no pattern of the unit can match: each token bucket's anchor,
        and for each `all` pattern the anchor of its rarest part (every part is required)."""
        if self.regexes or self._always:
            return None
        norms, lemmas = set(self._by_norm), set(self._by_lemma)
        for parts in self.all_of:
            anchored = [part.anchors for part in parts if part.anchors is not None]
            if not anchored:
                return None
            rarest = min(anchored, key=lambda anchors: anchors.cost)
            norms |= rarest.norms
            lemmas |= rarest.lemmas
        return Anchors(frozenset(norms), frozenset(lemmas))

    def build(self, vocab: Vocab) -> None:
        """Build every bucket's Matcher now (before forking workers or serving requests)."""
        for i, (_reqs, patterns) in enumerate(self._buckets):
            if self._matchers[i] is None:
                self._matchers[i] = Matcher(vocab, validate=False)
                self._matchers[i].add(self.key, patterns)
        for parts in self.all_of:
            for part in parts:
                part.build(vocab)

    def spans(self, ix: DocIndex) -> list[tuple[int, int]]:
        """Character spans matched in the text; each bucket's Matcher runs only over the
        sentences that contain its anchor word, since patterns never cross a sentence end."""
        doc, norms, lemmas = ix.doc, ix.norms, ix.lemmas
        candidates = set(self._always)
        for value in norms.intersection(self._by_norm):
            candidates.update(self._by_norm[value])
        for value in lemmas.intersection(self._by_lemma):
            candidates.update(self._by_lemma[value])
        found: list[tuple[int, int]] = []
        for i in sorted(candidates):
            needs, patterns = self._buckets[i]
            if not any(
                all(
                    not values.isdisjoint(norms if kind == "norm" else lemmas)
                    for kind, values in reqs
                )
                for reqs in needs
            ):
                continue
            matcher = self._matchers[i]
            if matcher is None:
                matcher = self._matchers[i] = Matcher(doc.vocab, validate=False)
                matcher.add(self.key, patterns)
            anchor = self._anchor[i]
            ranges = [(0, len(doc))] if anchor is None else ix.sentences_with(*anchor)
            for first, last in ranges:
                for _id, start, end in matcher(doc[first:last]):
                    span = doc[first + start : first + end]
                    found.append((span.start_char, span.end_char))
        for pattern in self.regexes:
            found.extend(_regex_spans(pattern, ix.folded.get()))
        for parts in self.all_of:
            found.extend(_all_in_one_sentence(parts, ix))
        return found


class _Lazy:
    """The folded text, computed only if some regex needs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._value: str | None = None

    def get(self) -> str:
        if self._value is None:
            self._value = fold(self.text)
        return self._value


class CompiledRules:
    """The rules of one language: per-rule Matchers behind a cheap anchor pre-check."""

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        self.rules = {rule.id: rule for rule in rules}
        shared_parts: dict[str, _Unit] = {}
        self.units = [_Unit(rule.id, list(rule.patterns), shared_parts) for rule in rules]
        self.exceptions = {
            rule.id: [
                _Unit(_exception_key(rule.id, i), [e.pattern], shared_parts)
                for i, e in enumerate(rule.exceptions)
            ]
            for rule in rules
        }

    def build(self, vocab: Vocab) -> None:
        for unit in self.units:
            unit.build(vocab)
        for units in self.exceptions.values():
            for unit in units:
                unit.build(vocab)

    def find(self, doc: Doc) -> list[Hit]:
        ix = DocIndex(doc)
        hits: list[Hit] = []
        for unit in self.units:
            if unit.anchors is not None and not unit.anchors.might_match(ix.norms, ix.lemmas):
                continue
            spans = unit.spans(ix)
            if not spans:
                continue
            rule = self.rules[unit.key]
            exception_spans = {
                exc.key: exc.spans(ix)
                for exc in self.exceptions[rule.id]
                if exc.anchors is None or exc.anchors.might_match(ix.norms, ix.lemmas)
            }
            for start, end in merge_spans(spans):
                severity = _apply_exceptions(
                    rule, start, end, exception_spans, ix.sentence_starts, len(doc.text)
                )
                if severity is not None:
                    hits.append(Hit(rule, start, end, severity))
        return sorted(hits, key=lambda h: (h.start, h.end, h.rule.id))


def _all_in_one_sentence(parts: list[_Unit], ix: DocIndex) -> list[tuple[int, int]]:
    """Spans of sentences where every part matched: from the first part hit to the last."""
    if any(
        part.anchors is not None and not part.anchors.might_match(ix.norms, ix.lemmas)
        for part in parts
    ):
        return []
    per_part = []
    for part in parts:
        spans = ix.spans_of_part(part)
        if not spans:
            return []
        per_part.append(spans)
    by_sentence: dict[int, list[list[tuple[int, int]]]] = {}
    for index, spans in enumerate(per_part):
        for span in spans:
            sentence = bisect.bisect_right(ix.sentence_starts, span[0]) - 1
            by_sentence.setdefault(sentence, [[] for _ in per_part])[index].append(span)
    found = []
    for groups in by_sentence.values():
        if all(groups):
            hits = [span for group in groups for span in group]
            found.append((min(s for s, _e in hits), max(e for _s, e in hits)))
    return found


def _shared_part(parts_by_source: dict[str, _Unit], source: str) -> _Unit:
    """One unit per distinct part text, so a part many rules share is matched once per text."""
    if source not in parts_by_source:
        parts_by_source[source] = _Unit(f"part:{source}", [PatternSpec(source)])
    return parts_by_source[source]


def _requirements(pattern: list[dict]) -> frozenset[Requirement]:
    """Every literal or lemma token the pattern cannot match without."""
    reqs = set()
    for token in pattern:
        known = _TOKEN_REQUIREMENT.get(id(token))
        if known is not None and known[0] is token:
            requirement = known[1]
        else:
            op = token.get("OP")
            optional = op == "?" or bool(op and op.startswith("{0"))
            requirement = None if optional else _requirement(token)
            _TOKEN_REQUIREMENT[id(token)] = (token, requirement)
        if requirement is not None:
            reqs.add(requirement)
    return frozenset(reqs)


# Token dicts loaded from the pack cache are shared between expansions (see packcache), so
# their requirements are worked out once each; the entry keeps the token alive (stable id).
_TOKEN_REQUIREMENT: dict[int, tuple[dict, Requirement | None]] = {}


# A pattern's expansions share their token predicates (the NORM/lemma dicts are the same
# objects), so the requirement of each predicate is worked out once. The entry keeps the
# predicate alive, so its id cannot be reused by another object.
_REQUIREMENT_OF: dict[int, tuple[dict, Requirement]] = {}


def _requirement(token: dict) -> Requirement | None:
    """The word set a token needs (a NORM value or set, or a lemma set), if it names one."""
    norm = token.get("NORM")
    if isinstance(norm, str):
        return ("norm", frozenset((norm,)))
    if isinstance(norm, dict) and "IN" in norm:
        kind, predicate, key = "norm", norm, "IN"
    else:
        kind, predicate, key = "lemma", token.get("_", {}).get("lemmas"), "INTERSECTS"
    if not isinstance(predicate, dict) or key not in predicate:
        return None
    known = _REQUIREMENT_OF.get(id(predicate))
    if known is not None and known[0] is predicate:
        return known[1]
    requirement = (kind, frozenset(predicate[key]))
    _REQUIREMENT_OF[id(predicate)] = (predicate, requirement)
    return requirement


def _cost(requirement: Requirement) -> int:
    """How often a requirement is met by ordinary text (common words are met nearly always)."""
    return sum(COMMON_WORD_COST if v in COMMON_WORDS else 1 for v in requirement[1])


def _exception_key(rule_id: str, index: int) -> str:
    return f"{rule_id}#except{index}"


def _compile_regex(spec: PatternSpec) -> regex.Pattern:
    """Regexes run on the folded text, so fold the pattern's own letters the same way."""
    source = "".join(ch if ch.isascii() else fold_char(ch) for ch in spec.source)
    return regex.compile(source, flags=regex.IGNORECASE | regex.V1)


def _regex_spans(pattern: regex.Pattern, folded: str) -> list[tuple[int, int]]:
    """Run a user-supplied regex with a timeout so a pathological pattern cannot hang a run."""
    try:
        return [
            m.span()
            for m in pattern.finditer(folded, timeout=REGEX_TIMEOUT_SECONDS)
            if m.end() > m.start()
        ]
    except TimeoutError as exc:
        raise RegexTimeout(f"regex {pattern.pattern!r} timed out") from exc


def _sentence_of(offset: int, starts: list[int]) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    end = starts[i + 1] if i + 1 < len(starts) else 10**12
    return starts[i], end


def _apply_exceptions(
    rule: Rule,
    start: int,
    end: int,
    exceptions: dict[str, list[tuple[int, int]]],
    sentence_starts: list[int],
    text_length: int,
) -> str | None:
    """The hit's severity after its rule's exceptions, or None when an exception drops it."""
    severity = rule.severity
    for index, exc in enumerate(rule.exceptions):
        spans = exceptions.get(_exception_key(rule.id, index))
        if not spans:
            continue
        if exc.scope == "match":
            lo, hi = start, end
        elif exc.scope == "sentence":
            lo, hi = _sentence_of(start, sentence_starts)
            hi = max(hi, end)
        else:
            lo, hi = 0, text_length
        if any(s < hi and e > lo for s, e in spans):
            if exc.severity is None:
                return None
            if SEVERITY_RANK[exc.severity] < SEVERITY_RANK[severity]:
                severity = exc.severity
    return severity
