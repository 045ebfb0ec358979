"""Loading rule packs: YAML files of rules, validated with `file:line: problem` errors.

A pack file:

    lang: pl
    category: condescending
    define: {ADDRESS: "pan|pani|państwo"}   # optional macros for patterns ($ADDRESS)
    rules:
      - id: pl.condescending.didnt-read-manual
        severity: error
        message: ...
        suggestion: ...
        explanation: ...   # optional
        link: ...          # optional
        patterns: ["nie <czytać|przeczytać> _{0,3} <instrukcja>", {regex: "..."},
                   {all: ["<instrukcja>", "<czytać>", "w ogóle"], within: sentence}]
        exceptions: ["...", {pattern: "...", scope: sentence, severity: info}]
        examples: {bad: [...], good: [...]}

A file holding only `lang` and `define` shares its macros with every pack of that language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex
import yaml

from replylint.engine.packcache import cached_rules
from replylint.engine.patterns import PatternError, compile_pattern, expand_macros
from replylint.engine.rule import CATEGORIES, ExceptionSpec, PatternSpec, Rule
from replylint.findings import SEVERITIES

RULE_KEYS = {
    "id",
    "category",
    "severity",
    "message",
    "suggestion",
    "explanation",
    "link",
    "patterns",
    "exceptions",
    "examples",
    "tags",
}
REQUIRED_RULE_KEYS = ("id", "severity", "message", "suggestion", "patterns")
PACK_KEYS = {"lang", "category", "define", "rules", "description"}
SCOPES = ("match", "sentence", "text")
LANGS = ("pl", "ru")
_ID = regex.compile(r"^[a-z]{2}\.[a-z_]+\.[a-z0-9][a-z0-9-]*$")


class PackError(ValueError):
    """A broken pack; str() is one line: `file:line: problem`."""


class _Str(str):
    line: int = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that remembers the line of every mapping and string (1-based)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_str(loader: _LineLoader, node: yaml.ScalarNode) -> _Str:
    value = _Str(loader.construct_scalar(node))
    value.line = node.start_mark.line + 1
    return value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


@dataclass
class _Pack:
    path: str
    data: dict


def builtin_pack_files() -> list[Path]:
    """Packs shipped as `replylint.packs`; from a source checkout, the repo's rules/ folder."""
    try:
        root = resources.files("replylint.packs")
    except ModuleNotFoundError:
        root = Path(__file__).resolve().parents[2] / "rules"
    return sorted(Path(str(p)) for p in _walk_yaml(root))


def _walk_yaml(node) -> Iterable:
    for child in node.iterdir():
        if child.is_dir() and not child.name.startswith(("_", ".")):
            yield from _walk_yaml(child)
        elif child.name.endswith((".yaml", ".yml")):
            yield child


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand user-given files and directories (recursively) into pack files."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted([*path.rglob("*.yaml"), *path.rglob("*.yml")]))
        elif path.is_file():
            files.append(path)
        else:
            raise PackError(f"{path}:0: rule pack not found")
    return files


def load_rules(files: Iterable[Path]) -> list[Rule]:
    """Parse and validate all pack files (or reuse an earlier run's result, see packcache)."""
    return cached_rules(list(files), _parse_and_validate)


def _parse_and_validate(files: list[Path]) -> list[Rule]:
    """Shared `define:` files apply per language; rule ids are unique across packs."""
    packs = [_read(path) for path in files]
    defines: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for pack in packs:
        if "rules" not in pack.data:
            lang = _pack_lang(pack)
            defines[lang].update(_defines(pack))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for pack in packs:
        if "rules" not in pack.data:
            continue
        lang = _pack_lang(pack)
        pack_defines = {**defines[lang], **_defines(pack)}
        items = pack.data["rules"]
        if not isinstance(items, list):
            raise PackError(f"{pack.path}:{pack.data['__line__']}: 'rules' must be a list")
        for item in items:
            rule = _rule(pack, item, lang, pack_defines)
            if rule.id in seen:
                raise PackError(
                    f"{pack.path}:{rule.line}: duplicate rule id {rule.id} (also in {seen[rule.id]})"
                )
            seen[rule.id] = f"{pack.path}:{rule.line}"
            rules.append(rule)
    return rules


def _read(path: Path) -> _Pack:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise PackError(f"{path}:0: cannot read rule pack: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}:0: rule pack is not UTF-8 text ({exc.reason})") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise PackError(f"{path}:{line}: invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise PackError(f"{path}:0: invalid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise PackError(f"{path}:1: a rule pack must be a mapping with 'lang' and 'rules'")
    unknown = set(data) - PACK_KEYS - {"__line__"}
    if unknown:
        raise PackError(
            f"{path}:1: unknown pack key '{sorted(unknown)[0]}' (known: {', '.join(sorted(PACK_KEYS))})"
        )
    return _Pack(str(path), data)


def _pack_lang(pack: _Pack) -> str:
    lang = pack.data.get("lang")
    if lang not in LANGS:
        raise PackError(f"{pack.path}:1: 'lang' must be one of {', '.join(LANGS)}, got {lang!r}")
    return str(lang)


def _defines(pack: _Pack) -> dict[str, str]:
    raw = pack.data.get("define", {}) or {}
    if not isinstance(raw, dict):
        raise PackError(f"{pack.path}:1: 'define' must map macro names to pattern text")
    return {str(k): str(v) for k, v in raw.items() if k != "__line__"}


def _rule(pack: _Pack, item: object, lang: str, defines: dict[str, str]) -> Rule:
    if not isinstance(item, dict):
        line = getattr(item, "line", pack.data["__line__"])
        raise PackError(f"{pack.path}:{line}: each rule must be a mapping")
    line = item["__line__"]
    where = f"{pack.path}:{line}"
    unknown = set(item) - RULE_KEYS - {"__line__"}
    if unknown:
        key = sorted(unknown)[0]
        raise PackError(
            f"{where}: unknown rule key '{key}' (known: {', '.join(sorted(RULE_KEYS))})"
        )
    for key in REQUIRED_RULE_KEYS:
        if not item.get(key):
            raise PackError(f"{where}: rule {item.get('id', '?')} is missing '{key}'")
    rule_id = str(item["id"])
    if not _ID.match(rule_id) or not rule_id.startswith(f"{lang}."):
        raise PackError(f"{where}: rule id '{rule_id}' must look like {lang}.category.short-name")
    category = item.get("category", pack.data.get("category"))
    if category not in CATEGORIES:
        raise PackError(
            f"{where}: category must be one of {', '.join(CATEGORIES)}, got {category!r}"
        )
    if item["severity"] not in SEVERITIES:
        raise PackError(
            f"{where}: severity must be one of {', '.join(SEVERITIES)}, got {item['severity']!r}"
        )
    patterns = tuple(_pattern(pack, p, defines, where) for p in _as_list(item["patterns"]))
    exceptions = tuple(
        _exception(pack, e, defines, where) for e in _as_list(item.get("exceptions", []))
    )
    examples = item.get("examples", {}) or {}
    if not isinstance(examples, dict) or set(examples) - {"bad", "good", "__line__"}:
        raise PackError(f"{where}: 'examples' must be a mapping with 'bad' and 'good' lists")
    return Rule(
        id=rule_id,
        lang=lang,
        category=str(category),
        severity=str(item["severity"]),
        message=" ".join(str(item["message"]).split()),
        suggestion=" ".join(str(item["suggestion"]).split()),
        patterns=patterns,
        exceptions=exceptions,
        explanation=str(item.get("explanation", "")).strip(),
        link=str(item.get("link", "")),
        examples_bad=tuple(str(x) for x in _as_list(examples.get("bad", []))),
        examples_good=tuple(str(x) for x in _as_list(examples.get("good", []))),
        source=pack.path,
        line=line,
        tags=tuple(str(t) for t in _as_list(item.get("tags", []))),
    )


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _pattern(pack: _Pack, raw: object, defines: dict[str, str], where: str) -> PatternSpec:
    line = getattr(raw, "line", 0) or (raw.get("__line__", 0) if isinstance(raw, dict) else 0)
    at = f"{pack.path}:{line}" if line else where
    if isinstance(raw, dict) and "all" in raw:
        return _all_of(pack, raw, defines, at, line)
    if isinstance(raw, dict):
        extra = set(raw) - {"regex", "__line__"}
        if extra or "regex" not in raw:
            raise PackError(
                f"{at}: a pattern is a string, {{regex: ...}} or {{all: [...]}}, "
                f"got keys {sorted(extra)}"
            )
        try:
            regex.compile(str(raw["regex"]))
        except regex.error as exc:
            raise PackError(f"{at}: bad regex: {exc}") from exc
        return PatternSpec(str(raw["regex"]), kind="regex", line=line)
    if not isinstance(raw, str):
        raise PackError(f"{at}: a pattern must be a string, got {type(raw).__name__}")
    return PatternSpec(_checked_tokens(raw, defines, at), kind="tokens", line=line)


def _checked_tokens(raw: str, defines: dict[str, str], at: str, where: str = "") -> str:
    """Expand macros and compile once to validate; store the expanded text, so compiled rules
    need no pack context (the compile result is cached for the Matcher build)."""
    try:
        expanded = expand_macros(raw, defines)
        compile_pattern(expanded)
    except PatternError as exc:
        raise PackError(f"{at}: bad pattern {raw!r}{where}: {exc}") from exc
    return expanded


def _all_of(pack: _Pack, raw: dict, defines: dict[str, str], at: str, line: int) -> PatternSpec:
    """`{all: [p1, p2, ...], within: sentence}`: every part matches in one sentence, any order."""
    extra = set(raw) - {"all", "within", "__line__"}
    if extra:
        raise PackError(f"{at}: unknown key '{sorted(extra)[0]}' in an `all` pattern")
    if raw.get("within", "sentence") != "sentence":
        raise PackError(f"{at}: `within` can only be 'sentence'")
    parts = raw["all"]
    if not isinstance(parts, list) or len(parts) < 2:
        raise PackError(f"{at}: `all` needs a list of at least two token patterns")
    stored = []
    for part in parts:
        if not isinstance(part, str):
            raise PackError(f"{at}: each part of `all` must be a token pattern string")
        stored.append(_checked_tokens(part, defines, at, " in `all`"))
    return PatternSpec(" & ".join(stored), kind="all", line=line, parts=tuple(stored))


def _exception(pack: _Pack, raw: object, defines: dict[str, str], where: str) -> ExceptionSpec:
    if isinstance(raw, dict) and (
        "pattern" in raw or "regex" in raw and ("scope" in raw or "severity" in raw)
    ):
        extra = set(raw) - {"pattern", "regex", "scope", "severity", "__line__"}
        if extra:
            raise PackError(
                f"{pack.path}:{raw['__line__']}: unknown exception key '{sorted(extra)[0]}'"
            )
        scope = raw.get("scope", "match")
        if scope not in SCOPES:
            raise PackError(
                f"{pack.path}:{raw['__line__']}: scope must be one of {', '.join(SCOPES)}"
            )
        severity = raw.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise PackError(
                f"{pack.path}:{raw['__line__']}: exception severity must be one of {', '.join(SEVERITIES)}"
            )
        inner = (
            raw["pattern"]
            if "pattern" in raw
            else {"regex": raw["regex"], "__line__": raw["__line__"]}
        )
        return ExceptionSpec(_pattern(pack, inner, defines, where), str(scope), severity)
    return ExceptionSpec(_pattern(pack, raw, defines, where))
