"""Batch audit of support transcripts: read exports, lint agent turns, aggregate, report.

The package is a pipeline of small modules, each with one job:

``model``      the records that flow between stages (Turn, Reject, TurnResult)
``readers``    CSV/TSV, JSON Lines and Zendesk-style JSON exports (gzip too), streamed
``pool``       lints agent turns in ordered chunks, in-process or in a worker pool
``aggregate``  streaming counters: per agent, category, rule, week, conversation
``scoring``    the 0-100 conversation score and the "critical" mark
``outputs``    findings (JSONL/CSV), summary JSON, rejects
``terminal``   the always-printed terminal summary
``html``       the self-contained HTML report with inline SVG charts
``runner``     wires the stages together for the CLI and for library use
"""

from __future__ import annotations

from replylint.audit.model import Reject, Turn, TurnResult

__all__ = ["Reject", "Turn", "TurnResult"]
