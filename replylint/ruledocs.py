"""Generate docs/rules.md from the loaded rule packs, one section per rule in ruff's shape.

    python -m replylint.ruledocs > docs/rules.md      # regenerate
    python -m replylint.ruledocs --check              # exit 1 when docs/rules.md is stale

Every section has: a heading with the rule id, a line with language/category/severity,
**What it flags**, **Why it hurts**, **Example** (the bad examples), **Use instead** (the
suggestion, with the good examples as "Fine as is") and the link when the rule has one.
The output depends only on the rules (sorted by language, category, id), so it is stable
across runs and machines.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from replylint.engine.rule import CATEGORIES, Rule

DOCS_PATH = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
REGENERATE = "python -m replylint.ruledocs > docs/rules.md"

LANG_NAMES = {"pl": "Polish", "ru": "Russian"}
CATEGORY_GLOSS = {
    "condescending": "talking down to, lecturing or humiliating the customer",
    "blaming_colleagues": (
        "blaming or disparaging colleagues, other departments, couriers or contractors, "
        "or disowning responsibility"
    ),
    "vague_promise": (
        "non-committal or unbounded promises, and uncertainty with no date or next step"
    ),
    "internal_systems": (
        "complaining to the customer about the company's own tools, processes, staffing "
        "or working conditions"
    ),
}
SEVERITY_NOTE = {
    "error": "always wrong; blocks a pre-send hook with `--fail-on error`",
    "warning": "usually wrong, context may excuse it",
    "info": "a style nudge",
}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"„«“(A-ZА-ЯЁĄĆĘŁŃÓŚŹŻ0-9])")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def _category_order(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def _sort_key(rule: Rule) -> tuple:
    return (rule.lang, _category_order(rule.category), rule.category, rule.id)


def _anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-").replace("_", "-").lower()


def _prose(text: str) -> str:
    """Pack prose (folded YAML) as one Markdown paragraph per blank-line-separated block."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(b for b in blocks if b)


def _split_first_sentence(text: str) -> tuple[str, str]:
    text = " ".join(text.split())
    parts = _SENTENCE_END.split(text, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def _inline(text: str) -> str:
    """An example as literal inline Markdown: specials escaped, line breaks kept."""
    text = _MD_SPECIAL.sub(r"\\\1", text.strip())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<br>".join(line.strip() for line in text.splitlines())


def _flags_and_why(rule: Rule) -> tuple[str, str]:
    """Split message + explanation into "what it flags" and "why it hurts" without repeating
    a sentence. The message's lead sentence names the phrasing (packs quote it there), so it
    says what is flagged; the rest of the message and the explanation say why it hurts."""
    lang = LANG_NAMES.get(rule.lang, rule.lang)
    gloss = CATEGORY_GLOSS.get(rule.category, rule.category.replace("_", " "))
    head = f"In {lang} replies, a case of *{rule.category}* ({gloss})"
    message = _prose(rule.message)
    explanation = _prose(rule.explanation)
    lead, rest = _split_first_sentence(message)
    if "\n\n" in message:  # several paragraphs: keep the message whole under "why"
        lead, rest = "", message
    why = "\n\n".join(p for p in (rest, explanation) if p)
    if lead and why:
        return f"{head}: {lead}", why
    if rule.examples_bad:
        return f"{head}, phrased like „{_inline(rule.examples_bad[0])}”.", message
    return f"{head}.", "\n\n".join(p for p in (message, explanation) if p)


def _source(rule: Rule) -> str:
    if not rule.source:
        return ""
    path = Path(rule.source)
    return f"rules/{path.parent.name}/{path.name}"


def render_rule(rule: Rule, level: int = 3) -> str:
    """One rule's section (Markdown, no trailing newline); `level` is the heading depth."""
    note = SEVERITY_NOTE.get(rule.severity, "")
    meta = (
        f"Language: **{rule.lang}** · Category: **{rule.category}** · "
        f"Severity: **{rule.severity}**" + (f" ({note})" if note else "")
    )
    out = [f'<a id="{_anchor(rule.id)}"></a>', f"{'#' * level} `{rule.id}`", "", meta, ""]
    flags, why = _flags_and_why(rule)
    out += ["**What it flags**", "", flags, ""]
    out += ["**Why it hurts**", "", why, ""]
    out += ["**Example**", ""]
    if rule.examples_bad:
        out += [f"- ✗ {_inline(text)}" for text in rule.examples_bad]
    else:
        out.append("_(no examples)_")
    out += ["", "**Use instead**", "", _prose(rule.suggestion)]
    if rule.examples_good:
        out += ["", "Fine as is:", ""]
        out += [f"- ✓ {_inline(text)}" for text in rule.examples_good]
    if rule.link:
        out += ["", f"**More:** <{rule.link}>"]
    source = _source(rule)
    if source:
        out += ["", f"Defined in `{source}`."]
    return "\n".join(out)


def _toc(rules: Sequence[Rule]) -> list[str]:
    out = ["## Contents", ""]
    langs = sorted({r.lang for r in rules})
    for lang in langs:
        in_lang = [r for r in rules if r.lang == lang]
        out.append(f"- **{LANG_NAMES.get(lang, lang)} (`{lang}`)**: {_count(len(in_lang))}")
        categories = sorted({r.category for r in in_lang}, key=lambda c: (_category_order(c), c))
        for category in categories:
            in_cat = [r for r in in_lang if r.category == category]
            out.append(
                f"  - [{category}](#{lang}-{category.replace('_', '-')}): {_count(len(in_cat))}"
            )
            out += [f"    - [`{r.id}`](#{_anchor(r.id)}) ({r.severity})" for r in in_cat]
    return out


def _count(n: int) -> str:
    return f"{n} rule" if n == 1 else f"{n} rules"


def _severity_summary(rules: Iterable[Rule]) -> str:
    counts: dict[str, int] = {}
    for rule in rules:
        counts[rule.severity] = counts.get(rule.severity, 0) + 1
    order = ("error", "warning", "info")
    keys = [s for s in order if s in counts] + sorted(set(counts) - set(order))
    return ", ".join(f"{counts[s]} {s}" for s in keys)


def render(rules: Iterable[Rule]) -> str:
    """The whole docs/rules.md text (ends with exactly one newline)."""
    rules = sorted(rules, key=_sort_key)
    out = [
        "# Rules",
        "",
        "<!-- Generated by `python -m replylint.ruledocs`; do not edit by hand. -->",
        f"<!-- Regenerate with: {REGENERATE} -->",
        "",
        f"{_count(len(rules))} in total"
        + (f" ({_severity_summary(rules)})." if rules else ".")
        + " Run `replylint explain RULE_ID` for the same text in a terminal.",
        "",
    ]
    if rules:
        out += [*_toc(rules), ""]
    current: tuple[str, str] | None = None
    for rule in rules:
        if rule.lang != (current or ("", ""))[0]:
            out += [f"## {LANG_NAMES.get(rule.lang, rule.lang)} (`{rule.lang}`)", ""]
            current = None
        if (rule.lang, rule.category) != current:
            current = (rule.lang, rule.category)
            anchor = f"{rule.lang}-{rule.category.replace('_', '-')}"
            out += [f'<a id="{anchor}"></a>', f"### {rule.lang} · {rule.category}", ""]
        out += [render_rule(rule, level=4), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def generate() -> str:
    """docs/rules.md as it should be for the rules the default Linter loads."""
    from replylint.linter import Linter

    return render(Linter().all_rules)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m replylint.ruledocs", description="Generate docs/rules.md from the rules."
    )
    parser.add_argument(
        "--check",
        nargs="?",
        const=str(DOCS_PATH),
        default=None,
        metavar="PATH",
        help="compare with PATH (default: docs/rules.md) and exit 1 when it is stale",
    )
    args = parser.parse_args(argv)
    text = generate()
    if args.check is not None:
        path = Path(args.check)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            state = "missing" if current is None else "stale"
            print(f"{path} is {state}; regenerate with: {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
