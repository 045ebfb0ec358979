"""Draft parsing: only the agent's new text survives, at its original offsets."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from replylint.email_draft import (
    DraftError,
    blank_quoted_text,
    html_to_text,
    looks_like_message,
    parse_draft,
)


def assert_same_shape(original: str, blanked: str) -> None:
    """Blanking never moves a character: same length, newlines where they were."""
    assert len(blanked) == len(original)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [
        i for i, c in enumerate(original) if c == "\n"
    ]
    for a, b in zip(original, blanked, strict=True):
        assert b == a or b == " "


def kept(blanked: str) -> list[str]:
    return [line for line in blanked.split("\n") if line.strip()]


def test_quotes_attribution_and_signature_are_blanked_pl() -> None:
    body = (
        "Dzień dobry,\n"
        "proszę sprawdzić ustawienia.\n"
        "\n"
        "W dniu 12.03.2024 o 10:15, Jan Kowalski napisał(a):\n"
        "> Drukarka nie działa.\n"
        ">> Czy czytał pan instrukcję?\n"
        "\n"
        "-- \n"
        "Anna, dział wsparcia\n"
    )
    text = blank_quoted_text(body)
    assert_same_shape(body, text)
    assert kept(text) == ["Dzień dobry,", "proszę sprawdzić ustawienia."]
    start = body.index("proszę")
    assert text[start : start + 6] == "proszę"


def test_russian_and_english_attributions() -> None:
    body = (
        "Здравствуйте!\n"
        "12.03.2024 10:15, Иван Петров пишет:\n"
        "> Где мой заказ?\n"
        "Заказ уже в пути.\n"
        "Понедельник, 4 марта 2024 г. пользователь Иван написал(а):\n"
        "> Спасибо\n"
        "On Mon, Mar 4, 2024 at 10:15 AM John Smith <john@example.com>\n"
        "wrote:\n"
        "> Hello\n"
    )
    text = blank_quoted_text(body)
    assert_same_shape(body, text)
    assert kept(text) == ["Здравствуйте!", "Заказ уже в пути."]


def test_interleaved_reply_keeps_every_own_paragraph() -> None:
    body = "> pytanie 1\nodpowiedź 1\n> pytanie 2\nodpowiedź 2\n"
    assert kept(blank_quoted_text(body)) == ["odpowiedź 1", "odpowiedź 2"]


def test_own_sentence_ending_in_napisal_is_not_an_attribution() -> None:
    body = "Jak kolega napisał:\nzwrot nastąpi w piątek.\n"
    assert blank_quoted_text(body) == body


@pytest.mark.parametrize(
    "marker",
    [
        "---------- Forwarded message ---------",
        "-------- Wiadomość przekazana --------",
        "-------- Пересылаемое сообщение --------",
        "-----Original Message-----",
        "________________________________",
        "Begin forwarded message:",
    ],
)
def test_forwarded_block_is_blanked_to_the_end(marker: str) -> None:
    body = f"Przesyłam dalej.\n\n{marker}\nOd: klient\nTemat: reklamacja\nTreść klienta\n"
    text = blank_quoted_text(body)
    assert_same_shape(body, text)
    assert kept(text) == ["Przesyłam dalej."]


def test_crlf_line_endings_survive_blanking() -> None:
    body = "Dobrze.\r\n> stare\r\n-- \r\nAnna\r\n"
    text = blank_quoted_text(body)
    assert_same_shape(body, text)
    assert text.count("\r\n") == body.count("\r\n")
    assert kept(text.replace("\r", "")) == ["Dobrze."]


def test_plain_draft_is_not_mistaken_for_a_message() -> None:
    assert not looks_like_message("Temat: zwrot\n\nDzień dobry".encode())
    assert not looks_like_message(b"Dzien dobry: tak\n")
    assert looks_like_message(b"From: a@b.pl\nSubject: x\n\nbody")
    assert looks_like_message(b"From a@b.pl Mon Mar  4 10:00:00 2024\nTo: c@d.pl\n\nbody")


def test_plain_draft_must_be_utf8_and_the_error_names_the_file() -> None:
    with pytest.raises(DraftError, match=r"^draft\.txt: not UTF-8 text \(byte 4"):
        parse_draft("Dzień".encode("cp1250"), "draft.txt")
    assert parse_draft("\ufeffDzień".encode()).body == "Dzień"


def _message(body: str, charset: str, cte: str, subtype: str = "plain") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Anna <anna@example.com>"
    msg["To"] = "klient@example.com"
    msg["Subject"] = "Re: zamówienie"
    msg.set_content(body, subtype=subtype, charset=charset, cte=cte)
    return msg.as_bytes()


REPLY_PL = "Proszę przeczytać instrukcję.\n\nW dniu 1.03.2024 Jan pisze:\n> Pomocy\n"
REPLY_RU = "Прочитайте инструкцию.\n\n1 марта 2024 г. Иван пишет:\n> Помогите\n"


@pytest.mark.parametrize(
    ("body", "charset", "cte"),
    [
        (REPLY_PL, "utf-8", "quoted-printable"),
        (REPLY_PL, "utf-8", "base64"),
        (REPLY_PL, "iso-8859-2", "quoted-printable"),
        (REPLY_PL, "windows-1250", "8bit"),
        (REPLY_RU, "koi8-r", "base64"),
        (REPLY_RU, "windows-1251", "8bit"),
    ],
)
def test_mime_transfer_encodings_and_charsets_decode(body: str, charset: str, cte: str) -> None:
    draft = parse_draft(_message(body, charset, cte), "msg.eml")
    assert draft.kind == "email"
    assert draft.body == body
    assert kept(draft.text) == [body.split("\n")[0]]


def test_multipart_alternative_prefers_the_plain_part_and_skips_attachments() -> None:
    msg = EmailMessage()
    msg["From"] = "anna@example.com"
    msg["Subject"] = "Re: x"
    msg.set_content("Zwrot w piątek.\n")
    msg.add_alternative("<p>HTML wersja</p>", subtype="html")
    msg.add_attachment("załącznik: instrukcja", filename="notes.txt")
    draft = parse_draft(msg.as_bytes())
    assert draft.body == "Zwrot w piątek.\n"


HTML_REPLY = """<html><head><style>p {color: red}</style><title>t</title></head><body>
<div dir="ltr">Dzie&#324; dobry,<br>prosz&#281; <b>uwa&#380;nie</b>   przeczyta&#263;
instrukcj&#281;.</div>
<br><div class="gmail_signature">Anna -- wsparcie</div>
<div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div>
<blockquote class="gmail_quote">Stary tekst klienta</blockquote></div>
<div class="moz-cite-prefix">W dniu 1.03.2024 Jan pisze:</div>
<blockquote type="cite">Cytat</blockquote>
<div id="divRplyFwdMsg">From: klient</div>
</body></html>"""


def test_html_rendering_drops_quotes_signatures_and_markup() -> None:
    assert html_to_text(HTML_REPLY) == ("Dzień dobry,\nproszę uważnie przeczytać instrukcję.\n")


def test_html_only_message_is_linted_as_its_text() -> None:
    draft = parse_draft(_message(HTML_REPLY, "utf-8", "quoted-printable", "html"), "m.eml")
    assert draft.kind == "html"
    assert draft.text == "Dzień dobry,\nproszę uważnie przeczytać instrukcję.\n"


def test_message_without_text_part_is_a_clear_error() -> None:
    msg = EmailMessage()
    msg["From"] = "anna@example.com"
    msg.set_content(b"\x00\x01", maintype="application", subtype="octet-stream")
    msg.make_mixed()
    with pytest.raises(DraftError, match=r"^x\.eml: no text/plain or text/html part"):
        parse_draft(msg.as_bytes(), "x.eml")


def test_unknown_charset_is_a_clear_error() -> None:
    raw = b"From: a@b.pl\nContent-Type: text/plain; charset=x-unknown-42\n\nabc\n"
    with pytest.raises(DraftError, match=r"^m\.eml: unknown charset 'x-unknown-42'"):
        parse_draft(raw, "m.eml")
