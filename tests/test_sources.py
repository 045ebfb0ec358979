"""Input adapters: every format keeps the file's length and line structure (or an exact
offset map), blanks what must not be linted, and reports unreadable input in one line."""

from __future__ import annotations

import codecs
import subprocess
from pathlib import Path

import pytest

from replylint.config import Config
from replylint.sources import extract, iter_sources, kind_of, read_source
from replylint.sources.files import InputError, decode
from replylint.sources.html import text_nodes_only
from replylint.sources.markdown import prose_only
from replylint.sources.structured import StructuredError, json_segments, yaml_segments
from replylint.sources.templates import neutralise
from replylint.sources.walk import WALKED_SUFFIXES_FOR_TESTS  # noqa: F401  (see below)
