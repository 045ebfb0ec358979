"""Configuration: `[tool.replylint]` in pyproject.toml or a `.replylint.toml`, found upward.

CLI flags override file values; the merged result is a plain dataclass so the library can be
configured without files too (``Linter(config=Config(select=["pl.condescending"]))``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from replylint.findings import SEVERITIES

CONFIG_FILES = (".replylint.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration problem, phrased as `file: problem` for one-line display."""


@dataclass
class Config:
    """Everything that changes what the linter reports.

    select/ignore take rule ids, categories (``condescending``) or prefixes
    (``pl.vague_promise``); an empty select means everything.
    """

    lang: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id/category -> severity
    fail_on: str = "warning"
    packs: list[str] = field(default_factory=list)  # extra pack directories or files
    builtin_packs: bool = True
    pipelines: dict[str, str] = field(default_factory=dict)  # lang -> spaCy package name or path
    use_trained_pipelines: bool = True  # use pl_core_news_sm/ru_core_news_sm if installed
    exclude: list[str] = field(default_factory=list)  # globs skipped when walking directories
    template_keys: list[str] = field(default_factory=lambda: ["body", "text", "comment"])
    server: str | None = None  # URL or unix:/path of a `replylint serve` instance
    source: str | None = None  # the file this config came from, for messages

    def with_overrides(self, **overrides: object) -> Config:
        """Return a copy with the non-None overrides applied (CLI flags win over files)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config_file(start: Path | None = None) -> Path | None:
    """Walk from `start` (default: cwd) upward; a pyproject.toml counts only with our table."""
    directory = (start or Path.cwd()).resolve()
    for candidate_dir in (directory, *directory.parents):
        for name in CONFIG_FILES:
            path = candidate_dir / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(path):
                continue
            return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "replylint" in data.get("tool", {})


def load_config(path: Path | str | None = None, start: Path | None = None) -> Config:
    """Load config from `path`, or discover it from `start`; no file gives the defaults."""
    if path is None:
        path = find_config_file(start)
        if path is None:
            return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config is not UTF-8 ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("replylint", {})
    return config_from_mapping(data, source=str(path), base_dir=path.parent)


def config_from_mapping(
    data: dict, source: str = "<config>", base_dir: Path | None = None
) -> Config:
    """Validate a `[tool.replylint]` mapping; unknown keys are errors, not silent no-ops."""
    known = {f.name for f in fields(Config)} - {"source"}
    values: dict[str, object] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            raise ConfigError(
                f"{source}: unknown key '{raw_key}' (known: {', '.join(sorted(known))})"
            )
        values[key] = value
    for key in ("select", "ignore", "packs", "exclude", "template_keys"):
        if key in values and isinstance(values[key], str):
            values[key] = [values[key]]
        if key in values and not (
            isinstance(values[key], list) and all(isinstance(v, str) for v in values[key])
        ):
            raise ConfigError(f"{source}: '{key}' must be a list of strings")
    for key, value in dict(values.get("severity", {})).items():
        if value not in (*SEVERITIES, "off"):
            raise ConfigError(
                f"{source}: severity for '{key}' must be one of {', '.join(SEVERITIES)}, off"
            )
    if values.get("fail_on", "warning") not in (*SEVERITIES, "never"):
        raise ConfigError(f"{source}: 'fail_on' must be one of {', '.join(SEVERITIES)}, never")
    if values.get("lang") not in (None, "pl", "ru", "auto"):
        raise ConfigError(f"{source}: 'lang' must be pl, ru or auto")
    if values.get("lang") == "auto":
        values["lang"] = None
    if base_dir is not None and "packs" in values:
        values["packs"] = [str((base_dir / p).resolve()) for p in values["packs"]]  # type: ignore[union-attr]
    return Config(**values, source=source)  # type: ignore[arg-type]
