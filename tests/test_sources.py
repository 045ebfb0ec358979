"""Input adapters: every format keeps the file's length and line structure (or an exact
offset map), blanks what must not be linted, and reports unreadable input in one line."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from replylint.config import Config
from replylint.sources import WALKED_SUFFIXES, extract, iter_sources, kind_of, read_source
from replylint.sources.files import InputError, decode
from replylint.sources.html import text_nodes_only
from replylint.sources.markdown import prose_only
from replylint.sources.structured import StructuredError, json_segments, yaml_segments
from replylint.sources.templates import neutralise
from replylint.sources.walk import Excluder, walk


def same_shape(original: str, blanked: str) -> None:
    assert len(blanked) == len(original)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(original) if c == "\n"
    ]


# --------------------------------------------------------------------------- templates


@pytest.mark.parametrize(
    "template, kept",
    [
        ("Dzień dobry {{ customer.name }}, witamy", "Dzień dobry"),
        ("{% if vip %}Witamy{% endif %} ponownie", "Witamy"),
        ("{# komentarz nie czytał pan #}Tekst", "Tekst"),
        ("Hej {{#if name}}{{name}}{{/if}}!", "Hej"),
        ("{{!-- nie czytał pan instrukcji --}}Ok", "Ok"),
        ("{{! krótki komentarz }}Ok", "Ok"),
        ("{% comment %}nie czytał pan{% endcomment %}Ok", "Ok"),
        ("Witaj {name}, zamówienie {0} z %s i %(count)d oraz [[agent]] i ${x}", "Witaj"),
    ],
)
def test_template_syntax_is_blanked_in_place(template: str, kept: str) -> None:
    out = neutralise(template)
    same_shape(template, out)
    assert kept in out
    for gone in ("{", "}", "%s", "[[", "nie czytał"):
        assert gone not in out


def test_multiline_tag_keeps_line_breaks() -> None:
    text = "A {% if x\n and y %}\nNie czytała pani instrukcji?"
    out = neutralise(text)
    same_shape(text, out)
    assert out.splitlines()[2] == "Nie czytała pani instrukcji?"


def test_percent_sign_in_prose_survives() -> None:
    assert neutralise("Rabat 10% dla stałych klientów") == "Rabat 10% dla stałych klientów"


# --------------------------------------------------------------------------- html


def test_html_keeps_only_text_nodes_at_their_offsets() -> None:
    html = (
        "<html><head><style>p{color:red} /* nie czytał pan */</style><title>Tytuł</title></head>\n"
        '<body><p title="nie czytał pan instrukcji">Nie czytała <b>pani</b> instrukcji?</p>'
        "<!-- komentarz -->\r\n<script>var s = 'nie czytał';</script><p>Dobrze</p></body></html>"
    )
    out = text_nodes_only(html)
    same_shape(html, out)
    for word, context in [
        ("Nie czytała", "Nie czytała <b>"),
        ("pani", "pani</b>"),
        ("instrukcji?", "instrukcji?</p>"),
        ("Tytuł", "Tytuł</title>"),
        ("Dobrze", "Dobrze</p>"),
    ]:
        assert out.index(word) == html.index(context)
    for gone in ("color", "komentarz", "var s", "title=", "<p"):
        assert gone not in out
    assert out.count("nie czytał") == 0


def test_html_text_nodes_match_raw_file_slices() -> None:
    html = "<p>Zaż&oacute;łć &amp; gęślą</p>\n<div>Второй <i>абзац</i></div>"
    out = text_nodes_only(html)
    same_shape(html, out)
    for i, ch in enumerate(out):
        assert ch in (" ", "\n") or html[i] == ch


# --------------------------------------------------------------------------- markdown


def test_markdown_blanks_code_urls_and_html() -> None:
    md = (
        '# Nagłówek\n\nZobacz [instrukcję](https://example.com/a "tytuł") i `kod nie czytał`.\n'
        "```\nnie czytał pan instrukcji\n```\n<!-- komentarz -->\nKoniec <br> tekstu\n"
        "[ref]: https://example.com/ref\n"
    )
    out = prose_only(md)
    same_shape(md, out)
    assert "Zobacz [instrukcję](" in out and "example.com" not in out
    assert "nie czytał" not in out and "komentarz" not in out and "<br>" not in out
    assert "Koniec" in out and "tekstu" in out and "# Nagłówek" in out


# --------------------------------------------------------------------------- YAML / JSON

YAML_DOC = """\
# macros
macros:
  - title: Plain
    tags: [nie, lintowane]
    body: Dzień dobry, nie czytał pan instrukcji?
  - title: Quoted
    body: "Nie czyta\\u0142 pan\\ninstrukcji?"
  - title: Block
    text: |
      Dzień dobry,
      opis znajdzie Pan w instrukcji.
  - comment: 'Single ''quoted'' value'
    nested: {body: [first, second]}
"""


def test_yaml_values_of_configured_keys_with_file_offsets() -> None:
    segments = yaml_segments(YAML_DOC, ["body", "text", "comment"])
    texts = [s.text.strip() for s in segments]
    assert texts[0] == "Dzień dobry, nie czytał pan instrukcji?"
    assert texts[1] == "Nie czytał pan\ninstrukcji?"  # escapes decoded, one char each
    assert "opis znajdzie Pan w instrukcji." in texts[2]
    assert texts[3] == "Single ''quoted'' value"
    assert texts[4:] == ["first", "second"]
    assert "Plain" not in " ".join(texts) and "lintowane" not in " ".join(texts)
    # every character maps back to the identical character of the file (escapes aside)
    for segment in segments:
        for i, ch in enumerate(segment.text):
            pos = segment.file_offset(i)
            if segment.offsets is None:
                assert ch in " \n" or YAML_DOC[pos] == ch
    quoted = segments[1]
    start, end = quoted.file_span(quoted.text.index("czytał"), quoted.text.index("czytał") + 6)
    assert YAML_DOC[start:end] == "czyta\\u0142"


def test_yaml_syntax_error_names_line_and_column() -> None:
    with pytest.raises(StructuredError, match=r"^3:\d+: invalid YAML"):
        yaml_segments("a:\n  - b\n c: [", ["body"])


def test_json_strings_decoded_with_offset_map() -> None:
    doc = json.dumps(
        {"macros": [{"title": "Nie czytał", "body": 'Nie czytał "pan" instrukcji? 😀'}],
         "comment": ["a", "b"], "n": 1, "ok": True, "x": None},
        ensure_ascii=True,
    )  # fmt: skip
    segments = json_segments(doc, ["body", "comment"])
    assert [s.text for s in segments] == ['Nie czytał "pan" instrukcji? 😀', "a", "b"]
    body = segments[0]
    i = body.text.index("czytał")
    start, end = body.file_span(i, i + len("czytał"))
    assert doc[start:end] == "czyta\\u0142"
    i = body.text.index("😀")
    start, end = body.file_span(i, i + 1)
    assert doc[start:end] == "\\ud83d\\ude00"


def test_json_syntax_error_names_line_and_column() -> None:
    with pytest.raises(StructuredError, match=r"^2:7: invalid JSON"):
        json_segments('{"a": 1,\n "b": }', ["body"])


# --------------------------------------------------------------------------- reading


def test_decode_reports_binary_and_bad_utf8_in_one_line() -> None:
    with pytest.raises(InputError, match=r"^x\.bin: binary file"):
        decode(b"\x89PNG\r\n\x1a\n\0\0", "x.bin")
    with pytest.raises(InputError) as info:
        decode("Dzień dobry\nzażółć".encode("cp1250"), "old.txt")
    message = str(info.value)
    assert message.startswith("old.txt:1:5: not valid UTF-8") and "\n" not in message
    assert decode(codecs.BOM_UTF8 + "Zażółć".encode(), "a") == "Zażółć"
    assert decode("Привет".encode("utf-16"), "a") == "Привет"


def test_read_source_missing_file_is_an_error_source(tmp_path: Path) -> None:
    source = read_source(tmp_path / "nope.txt", Config(), display="nope.txt")
    assert source.error == "nope.txt: no such file or directory"
    assert source.segments == []


def test_kind_of_strips_template_suffix() -> None:
    assert kind_of("mail.html.j2") == (".html", ".j2")
    assert kind_of("macro.MD") == (".md", "")
    assert kind_of("welcome.hbs") == ("", ".hbs")
    kind, segments = extract("mail.html.j2", "<p>Hej {{ name }}</p>", Config())
    assert kind == "html+j2"
    assert segments[0].text == "   Hej" + " " * 15


# --------------------------------------------------------------------------- walking


def test_walk_honours_gitignore_and_exclude(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.tmp.md\n!keep.tmp.md\n")
    files = [
        "a.txt", "b.md", "keep.tmp.md", "skip.tmp.md", "build/c.txt", "sub/d.html",
        "sub/.gitignore", "sub/e.yaml", "sub/drafts/f.txt", "image.png", "vendor/g.txt",
    ]  # fmt: skip
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "sub/.gitignore").write_text("drafts/\n")
    excluder = Excluder(["vendor/"], tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path, WALKED_SUFFIXES, excluder)]
    assert found == ["a.txt", "b.md", "keep.tmp.md", "sub/d.html", "sub/e.yaml"]


def test_iter_sources_goes_on_after_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Dzień dobry")
    binary = tmp_path / "pic.txt"
    binary.write_bytes(b"\0\1\2")
    sources = list(
        iter_sources([str(tmp_path / "missing.txt"), str(binary), str(good), "-"], Config(),
                     lambda: "Привет".encode(), None)
    )  # fmt: skip
    assert [s.error is None for s in sources] == [False, False, True, True]
    assert sources[0].error.endswith("missing.txt: no such file or directory")
    assert "binary file" in sources[1].error
    assert sources[3].path == "<stdin>" and sources[3].text == "Привет"


def test_huge_file_is_refused_with_one_line(tmp_path, monkeypatch):
    from replylint.sources import files

    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Dzień dobry. " * 200, encoding="utf-8")
    with pytest.raises(files.InputError) as info:
        files.read_bytes(big, "big.txt")
    assert str(info.value).startswith("big.txt: file is") and "\n" not in str(info.value)
