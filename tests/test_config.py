"""Config loading: discovery upward, both file kinds, strict keys, CLI overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from replylint.cli.check import build_config
from replylint.config import Config, ConfigError, config_from_mapping, find_config_file, load_config


def test_pyproject_found_upward_only_with_our_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.replylint]\nselect = ["condescending"]\nfail-on = "error"\n'
    )
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.black]\nline-length = 80\n")
    assert find_config_file(inner) == tmp_path / "pyproject.toml"
    config = load_config(start=inner)
    assert config.select == ["condescending"] and config.fail_on == "error"
    assert config.source == str(tmp_path / "pyproject.toml")


def test_replylint_toml_wins_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.replylint]\nfail-on = "error"\n')
    (tmp_path / ".replylint.toml").write_text('fail-on = "info"\nlang = "ru"\n')
    config = load_config(start=tmp_path)
    assert config.fail_on == "info" and config.lang == "ru"


def test_nearest_file_wins(tmp_path: Path) -> None:
    (tmp_path / ".replylint.toml").write_text('fail-on = "info"\n')
    inner = tmp_path / "team"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.replylint]\nfail-on = "never"\n')
    assert load_config(start=inner).fail_on == "never"


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)  # tmp dirs have no config above them
    assert config == Config()
    assert config.fail_on == "warning" and config.template_keys == ["body", "text", "comment"]


@pytest.mark.parametrize(
    "content, message",
    [
        ('selcet = ["x"]\n', "unknown key 'selcet'"),
        ('select = "condescending"\nignore = [1]\n', "'ignore' must be a list of strings"),
        ('fail-on = "sometimes"\n', "'fail_on' must be one of"),
        ('lang = "de"\n', "'lang' must be pl, ru or auto"),
        ('[severity]\n"pl.condescending" = "loud"\n', "severity for 'pl.condescending'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".replylint.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ") and message in text and "\n" not in text


def test_paths_resolve_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".replylint.toml").write_text(
        'packs = ["team-rules"]\nexclude = ["drafts/"]\ntemplate-keys = ["body", "value"]\n'
        'lang = "auto"\n'
    )
    config = load_config(tmp_path / ".replylint.toml")
    assert config.packs == [str((tmp_path / "team-rules").resolve())]
    assert config.exclude == ["drafts/"] and config.template_keys == ["body", "value"]
    assert config.lang is None


def test_cli_flags_override_the_file(tmp_path: Path) -> None:
    path = tmp_path / ".replylint.toml"
    path.write_text('select = ["condescending"]\nfail-on = "error"\nlang = "pl"\n')
    config = build_config(str(path), "auto", ("vague_promise,pl.internal_systems",), (), None)
    assert config.select == ["vague_promise", "pl.internal_systems"]
    assert config.fail_on == "error" and config.lang is None
    config = build_config(str(path), None, (), ("ru",), "never")
    assert config.select == ["condescending"] and config.ignore == ["ru"]
    assert config.fail_on == "never" and config.lang == "pl"


def test_mapping_api_for_library_users() -> None:
    config = config_from_mapping({"severity": {"condescending": "off"}})
    assert config.severity == {"condescending": "off"}
    assert config.with_overrides(fail_on=None, lang="ru").lang == "ru"
