"""Email drafts: find the agent's own new text in a reply before it is sent.

A draft is plain text or an RFC 822/MIME message. The stdlib ``email`` package decodes
MIME (multipart, quoted-printable, base64, any charset Python knows); HTML bodies are read
with BeautifulSoup. Everything the agent did not write in this reply -- quoted lines,
attribution lines, forwarded blocks, HTML quotes and the signature -- is blanked with
spaces of the same length (newlines kept), so offsets, lines and columns of findings point
into the body exactly as the agent wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

__all__ = ["Draft", "DraftError", "blank_quoted_text", "html_to_text", "parse_draft"]


class DraftError(ValueError):
    """The draft cannot be read; the message is one line and names what is wrong."""


@dataclass
class Draft:
    """A draft's body and the same body with everything but the agent's new text blanked."""

    body: str  # the body as the agent wrote it (plain text; for HTML, its text rendering)
    text: str  # `body` with quotes, attributions, forwards and signature blanked
    kind: str  # "text", "email" (text/plain part) or "html"
    notes: list[str] = field(default_factory=list)


# --- plain-text quote detection -------------------------------------------------------------

_QUOTE_LINE = re.compile(r"^[ \t]*>")
_SIG_DELIMITER = re.compile(r"^--[ \t]?\r?$")

# "W dniu 12.03.2024 o 10:15, Jan Kowalski pisze:", "Dnia ... napisał(a):",
# "On Mon, 4 Mar 2024, John <j@x.com> wrote:", "12.03.2024 10:15, Иван пишет:",
# "Понедельник, 4 марта 2024 г. Иван написал(а):".
_ATTRIBUTION = re.compile(
    r"""(?ix)
    (?:
        \b(?:napisał|napisała|napisał\(a\)|napisali|pisze|napisal|napisala|napisal\(a\))
      | \b(?:wrote|writes)
      | (?:пишет|писал|писала|писал\(а\)|написал|написала|написал\(а\)|пишут|написали)
    )
    [ \t]*:[ \t]*\r?$
    """
)
# Openers strong enough that the line is an attribution even without a quote after it.
_ATTRIBUTION_OPENER = re.compile(r"(?i)^[ \t]*(?:w dniu|dnia|on|le|am|\d{1,4}[./-]\d{1,2}[./-]\d)")

# Separators after which the rest of the body is somebody else's message.
_FORWARD_MARKERS = re.compile(
    r"""(?ix)^[ \t]*(?:
        -{2,}[ \t]*(?:
            forwarded[ \t]message | original[ \t]message | wiadomość[ \t]przekazana
          | przekazana[ \t]wiadomość | oryginalna[ \t]wiadomość | wiadomość[ \t]oryginalna
          | пересылаемое[ \t]сообщение | пересланное[ \t]сообщение
          | исходное[ \t]сообщение | оригинальное[ \t]сообщение
        )[ \t]*-{2,}
      | begin[ \t]forwarded[ \t]message:
      | początek[ \t]przekazanej[ \t]wiadomości:
      | начало[ \t]переадресованного[ \t]сообщения:
      | _{20,}                                   # Outlook's rule above its header block
    )[ \t]*\r?$
    """
)


def _blank(line: str) -> str:
    """Spaces of the same length; a trailing CR stays so line endings are untouched."""
    if line.endswith("\r"):
        return " " * (len(line) - 1) + "\r"
    return " " * len(line)


def _next_content_line(lines: list[str], index: int) -> int | None:
    for j in range(index, len(lines)):
        if lines[j].strip():
            return j
    return None


def _is_attribution(lines: list[str], i: int) -> int:
    """How many lines (1 or 2) starting at `i` form an attribution, or 0."""
    for span in (1, 2):
        if i + span > len(lines):
            break
        if span == 2 and not _ATTRIBUTION_OPENER.match(lines[i]):
            break  # only a recognisable opener ("On …", "W dniu …") may wrap onto a 2nd line
        candidate = " ".join(line.strip() for line in lines[i : i + span])
        if not _ATTRIBUTION.search(candidate):
            continue
        after = _next_content_line(lines, i + span)
        if after is None or _QUOTE_LINE.match(lines[after]):
            return span
        if _ATTRIBUTION_OPENER.match(lines[i]):
            return span
    return 0


def blank_quoted_text(body: str) -> str:
    """Blank quoted lines, attributions, forwarded blocks and the signature in plain text."""
    lines = body.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _SIG_DELIMITER.match(line) or _FORWARD_MARKERS.match(line):
            out.extend(_blank(rest) for rest in lines[i:])
            break
        if _QUOTE_LINE.match(line):
            out.append(_blank(line))
            i += 1
            continue
        span = _is_attribution(lines, i)
        if span:
            out.extend(_blank(part) for part in lines[i : i + span])
            i += span
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


# --- HTML -----------------------------------------------------------------------------------

# Elements whose content the agent did not write in this reply (Gmail, Thunderbird,
# Outlook, Apple Mail, Yahoo, Yandex, Mail.ru conventions).
_QUOTE_CLASSES = {
    "gmail_quote",
    "gmail_attr",
    "gmail_signature",
    "gmail_extra",
    "moz-cite-prefix",
    "moz-signature",
    "moz-forward-container",
    "yahoo_quoted",
    "ymail_android_signature",
    "protonmail_quote",
    "protonmail_signature_block",
    "OutlookMessageHeader",
    "signature",
}
_QUOTE_IDS = {"appendonsend", "divRplyFwdMsg", "Signature", "signature", "x_divRplyFwdMsg"}
_SKIP_TAGS = {"script", "style", "head", "title", "template", "noscript"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_SPACE_RUN = re.compile(r"[ \t\r\n\f\u00a0]+")


def _is_quoted_element(tag) -> bool:
    if tag.name == "blockquote":
        return True
    classes = set(tag.get("class") or ())
    if classes & _QUOTE_CLASSES:
        return True
    return tag.get("id") in _QUOTE_IDS


def html_to_text(html: str) -> str:
    """Render HTML to the text a reader sees, dropping quoted and signature elements.

    Whitespace is collapsed as a browser would; block elements start new lines.
    """
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag

    soup = BeautifulSoup(html, "html.parser")
    parts: list[str] = []

    def newline() -> None:
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if child.name in _SKIP_TAGS or _is_quoted_element(child):
                    newline()
                    continue
                if child.name == "br":
                    parts.append("\n")  # every <br> is a line break, even an empty line
                    continue
                if child.name == "pre":
                    newline()
                    parts.append(child.get_text())
                    newline()
                    continue
                block = child.name in _BLOCK_TAGS
                if block:
                    newline()
                walk(child)
                if block:
                    newline()
            elif isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            else:
                chunk = _SPACE_RUN.sub(" ", str(child))
                if parts and parts[-1].endswith(("\n", " ")):
                    chunk = chunk.lstrip(" ")
                if chunk:
                    parts.append(chunk)

    walk(soup)
    lines = [line.strip(" ") for line in "".join(parts).split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


# --- RFC 822 / MIME -------------------------------------------------------------------------

_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_KNOWN_HEADERS = {
    b"from", b"to", b"cc", b"bcc", b"subject", b"date", b"message-id", b"mime-version",
    b"content-type", b"in-reply-to", b"references", b"reply-to", b"sender", b"user-agent",
    b"content-transfer-encoding", b"return-path", b"received",
}  # fmt: skip


def looks_like_message(data: bytes) -> bool:
    """True when `data` starts with an RFC 822 header block (at least one well-known field)."""
    head = data.lstrip(b"\r\n")
    if head.startswith(b"From "):  # mbox separator line
        head = head.split(b"\n", 1)[1] if b"\n" in head else b""
    known = False
    for raw in head.split(b"\n"):
        line = raw.rstrip(b"\r")
        if not line:
            return known
        if line[:1] in (b" ", b"\t"):
            continue  # folded continuation
        if not _HEADER_LINE.match(line):
            return False
        known = known or line.split(b":", 1)[0].strip().lower() in _KNOWN_HEADERS
    return known  # headers only, no body


def _decode_plain(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(
            f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "save the draft as UTF-8 or as a MIME message with a charset"
        ) from exc


def _part_text(part: EmailMessage, name: str) -> str:
    try:
        return part.get_content()
    except LookupError as exc:
        raise DraftError(f"{name}: unknown charset {part.get_content_charset()!r}") from exc
    except (ValueError, TypeError) as exc:
        raise DraftError(
            f"{name}: cannot decode the {part.get_content_type()} part: {exc}"
        ) from exc


def parse_draft(data: bytes, name: str = "<draft>") -> Draft:
    """Read a draft (plain text or MIME message bytes) and blank what the agent did not write."""
    if not looks_like_message(data):
        body = _decode_plain(data, name)
        return Draft(body=body, text=blank_quoted_text(body), kind="text")
    message = BytesParser(policy=policy.default).parsebytes(data)
    notes = [f"message header problem: {type(d).__name__}" for d in message.defects]
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        if message.get_content_maintype() == "text" or not message.is_multipart():
            part = message  # e.g. no Content-Type: RFC 822 says text/plain
        else:
            raise DraftError(f"{name}: no text/plain or text/html part in the message")
    content = _part_text(part, name)
    if part.get_content_type() == "text/html":
        body = html_to_text(content)
        return Draft(body=body, text=blank_quoted_text(body), kind="html", notes=notes)
    return Draft(body=content, text=blank_quoted_text(content), kind="email", notes=notes)
