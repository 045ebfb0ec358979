"""Turn bytes from a file or stdin into text, or into a one-line `path: problem` error."""

from __future__ import annotations

import codecs
from pathlib import Path

_SNIFF = 8192
# A reply or a template is kilobytes; anything this large is a mistake (a transcript export
# belongs in `replylint audit`, which streams), so refuse it instead of exhausting memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be read as text; str() is the complete one-line message."""


def read_bytes(path: Path, display: str) -> bytes:
    """Read a file; raise InputError naming `display` and the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{display}: file is {size / 1048576:.0f} MiB, over the "
                f"{MAX_INPUT_BYTES // 1048576} MiB limit for one input "
                "(lint transcript exports with `replylint audit`)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{display}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{display}: is a directory") from None
    except PermissionError:
        raise InputError(f"{display}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{display}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, display: str) -> str:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16; anything else is reported, never guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{display}: invalid UTF-16 at byte {exc.start}") from None
    if b"\0" in data[:_SNIFF]:
        raise InputError(f"{display}: binary file (contains NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"{display}:{line}:{column}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None
