"""Packaging guards: every subpackage is listed in setup.cfg and the packs ship as data."""

from __future__ import annotations

import configparser
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _listed_packages() -> set[str]:
    parser = configparser.ConfigParser()
    parser.read(REPO / "setup.cfg", encoding="utf-8")
    return {line.strip() for line in parser["options"]["packages"].splitlines() if line.strip()}


def test_every_subpackage_is_listed_in_setup_cfg():
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "replylint").rglob("__init__.py")
    }
    missing = found - _listed_packages()
    assert not missing, f"add to [options] packages in setup.cfg: {sorted(missing)}"


def test_rule_packs_are_mapped_into_the_package():
    parser = configparser.ConfigParser()
    parser.read(REPO / "setup.cfg", encoding="utf-8")
    assert "replylint.packs" in _listed_packages()
    assert "replylint.packs = rules" in parser["options"]["package_dir"]
    assert "*/*.yaml" in parser["options.package_data"]["replylint.packs"]
    assert list((REPO / "rules").glob("*/*.yaml"))
