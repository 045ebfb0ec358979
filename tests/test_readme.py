"""The README's rule example is real: it loads, and its bad/good examples behave as stated."""

from __future__ import annotations

import re
from pathlib import Path

from replylint import Config, Linter

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_rule_pack_example_works(tmp_path):
    block = re.search(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "README lost its rule-pack example"
    pack = tmp_path / "example.yaml"
    pack.write_text(block.group(1), encoding="utf-8")
    linter = Linter(Config(packs=[str(pack)], builtin_packs=False))
    [rule] = linter.rules
    for text in rule.examples_bad:
        assert any(f.rule_id == rule.id for f in linter.lint(text, lang="pl")), text
    for text in rule.examples_good:
        hits = linter.lint(text, lang="pl")
        assert all(f.severity == "info" for f in hits), (text, hits)
