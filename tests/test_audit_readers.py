"""Transcript readers: formats, encodings, gzip, column mapping and bad rows (no linter needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from replylint.audit.model import Reject, Turn
from replylint.audit.readers import Export, FieldOptions, ReadOptions, SourceError

HEADER = "conversation_id,role,agent,timestamp,text\n"


def read(path: Path, **options: object) -> list[Turn | Reject]:
    return list(Export(str(path), ReadOptions(**options)))  # type: ignore[arg-type]


def turns(items: list[Turn | Reject]) -> list[Turn]:
    return [i for i in items if isinstance(i, Turn)]


def rejects(items: list[Turn | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


def test_csv_multiline_cells_bom_and_roles(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(
        (
            "\ufeff" + HEADER + 'c1,customer,,2025-01-01T10:00:00,"Gdzie paczka?"\n'
            'c1,agent,Anna,2025-01-01T10:05:00,"Dzień dobry,\nsprawdzam ""to"" teraz."\n'
            "c1,bot,,2025-01-01T10:06:00,Dziękujemy\n"
        ).encode()
    )
    items = read(path)
    assert rejects(items) == []
    customer, agent, bot = turns(items)
    assert (customer.role, customer.is_agent, customer.row) == ("customer", False, 2)
    assert agent.text == 'Dzień dobry,\nsprawdzam "to" teraz.'
    assert (agent.agent, agent.is_agent, agent.row, agent.conversation_id) == (
        "Anna",
        True,
        3,
        "c1",
    )
    assert bot.row == 5 and not bot.is_agent  # the multi-line cell took lines 3-4


def test_csv_bad_rows_are_rejected_with_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(
        HEADER.encode()
        + b'c1,agent,Anna,,"ok one"\n'
        + b'c2,agent,Anna,,"broken "quote" here\n'  # line 3: malformed quoting
        + "c3,agent,Ola,,Zażółć gęślą\n".encode("cp1250")  # line 4: wrong encoding
        + b"c4,agent,Ola\n"  # line 5: too few fields
        + b'c5,agent,Ola,,""\n'  # line 6: empty text
        + b"c6,,Ola,,no role\n"  # line 7: empty role
        + b"c7,agent,Ola,,last one\n"
    )
    items = read(path)
    assert [t.conversation_id for t in turns(items)] == ["c1", "c7"]
    reasons = {r.row: r.reason for r in rejects(items)}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "malformed CSV" in reasons[3]
    assert "undecodable" in reasons[4] and "--encoding" in reasons[4]
    assert "3 fields, header has 5" in reasons[5]
    assert reasons[6] == "empty text" and reasons[7] == "empty role"
    assert str(rejects(items)[0]).startswith(f"{path}:3: ")


def test_unbalanced_quote_does_not_swallow_following_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    rows = "".join(f"c{i},agent,Anna,,reply {i}\n" for i in range(3, 8))
    path.write_text(HEADER + 'c1,agent,Anna,,"never closed\n' + rows, encoding="utf-8")
    items = read(path)
    assert [r.row for r in rejects(items)] == [2]
    assert [t.text for t in turns(items)] == [f"reply {i}" for i in range(3, 8)]


def test_csv_encoding_delimiter_and_custom_columns(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Ticket;Who;Operator;Text\n1;AGENT;Ірина;Вы что, инструкцию не читали?\n".encode("cp1251")
    )
    fields = FieldOptions(columns={"conversation": "Ticket", "role": "who", "agent": "operator"})
    (turn,) = read(path, encoding="cp1251", fields=fields)
    assert isinstance(turn, Turn)
    assert (turn.conversation_id, turn.agent, turn.is_agent) == ("1", "Ірина", True)
    assert turn.text == "Вы что, инструкцию не читали?"


def test_tsv_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("conversation_id\trole\ttext\nc1\tagent\tA, b; c\n")
    (turn,) = read(path)
    assert isinstance(turn, Turn) and turn.text == "A, b; c"


def test_missing_required_column_is_a_one_line_source_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,speaker_name,body_text\n1,agent,hi\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"t\.csv: no role column .*--col-role"):
        read(path)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="--input-format"):
        Export(str(tmp_path / "x.txt"), ReadOptions())
    with pytest.raises(SourceError, match="no such file"):
        Export(str(tmp_path / "missing.csv"), ReadOptions())


def test_jsonl_rows_and_rejects(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    good = {"conversation_id": 17, "role": "agent", "agent": "Anna", "text": "Dzień dobry"}
    path.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps(good).encode()
        + b"\n{not json\n"
        + b"[1, 2]\n"
        + json.dumps({"role": "agent", "text": "Zażółć"})
        .encode("utf-8")
        .replace(b"\\u017c", "ż".encode("cp1250"))
        + b"\n\n"
        + json.dumps({"role": "agent", "text": {"nested": 1}}).encode()
        + b"\n"
        + json.dumps(
            {"role": "customer", "text": "Jesteście idiotami"}, ensure_ascii=False
        ).encode()
        + b"\n"
    )
    items = read(path)
    first, customer = turns(items)
    assert (first.conversation_id, first.row, first.is_agent) == ("17", 1, True)
    assert (customer.role, customer.is_agent, customer.row) == ("customer", False, 7)
    reasons = {r.row: r.reason for r in rejects(items)}
    assert "invalid JSON" in reasons[2]
    assert "expected a JSON object" in reasons[3]
    assert "undecodable" in reasons[4]
    assert "'text'" in reasons[6]


def zendesk_export() -> dict:
    return {
        "tickets": [
            {
                "id": 501,
                "comments": [
                    {
                        "author_id": 1,
                        "public": True,
                        "body": "Gdzie paczka?",
                        "created_at": "2025-01-02T10:00:00Z",
                    },
                    {
                        "author_id": 2,
                        "public": True,
                        "body": "Sprawdzam.",
                        "created_at": "2025-01-02T10:05:00Z",
                    },
                    {"author_id": 2, "public": False, "body": "Klient jest nieznośny."},
                    {"author_id": 99, "public": True, "body": "Kim jestem?"},
                ],
            },
            {"id": 502, "comments": "oops"},
        ],
        "users": [
            {"id": 1, "name": "Jan Klient", "role": "end-user"},
            {"id": 2, "name": "Anna Agentka", "role": "agent"},
        ],
    }


@pytest.mark.parametrize("compressed", [False, True])
def test_zendesk_public_agent_comments_only(tmp_path: Path, compressed: bool) -> None:
    data = json.dumps(zendesk_export()).encode()
    path = tmp_path / ("z.json.gz" if compressed else "z.json")
    path.write_bytes(gzip.compress(data) if compressed else data)
    items = read(path)
    customer, agent = turns(items)
    assert (customer.role, customer.is_agent) == ("end-user", False)
    assert (agent.agent, agent.is_agent, agent.text, agent.conversation_id) == (
        "Anna Agentka",
        True,
        "Sprawdzam.",
        "501",
    )
    assert all("nieznośny" not in t.text for t in turns(items))  # private note skipped
    reasons = [r.reason for r in rejects(items)]
    assert reasons == [
        "ticket 501 comment 4: author_id 99 is not in the users list",
        "ticket 502: 'comments' is not a list",
    ]


def test_truncated_gzip_keeps_rows_read_and_reports_where_it_stopped(tmp_path: Path) -> None:
    body = HEADER + "".join(f"c{i},agent,Anna,,reply number {i}\n" for i in range(5000))
    packed = gzip.compress(body.encode())
    path = tmp_path / "t.csv.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = read(path)
    assert len(turns(items)) > 100
    last = items[-1]
    assert isinstance(last, Reject) and "truncated or corrupt" in last.reason
