"""annexgen — Word annexes for Latvian council decisions.

The public API is the list in ``__all__`` below and nothing else; it is pinned
by ``tests/test_public_api.py`` so that a change to it is always deliberate.
"""

from __future__ import annotations

from annexgen.documents import Document, read_document
from annexgen.errors import (
    AnnexgenError,
    ConversionError,
    DataError,
    DocumentError,
    LanguageError,
    Location,
    OutputError,
    Problem,
    RenderError,
    TemplateError,
    UnknownWordError,
)
from annexgen.lint import LintFinding, lint_document, lint_file
from annexgen.loading import (
    annex_json_schema,
    annex_to_yaml,
    check_file,
    load_annex,
    load_annex_text,
)
from annexgen.lv import (
    amount_to_words,
    format_amount,
    format_date,
    lvl_to_eur,
    number_to_words,
    parse_amount_words,
    words_to_number,
)
from annexgen.models import (
    Decision,
    GenericAnnex,
    Money,
    Options,
    ProjectAnnouncement,
    ProjectDescription,
    Signatory,
)
from annexgen.rendering import render, render_file
from annexgen.template_check import check_template

__version__ = "0.1.0"

from annexgen.batch import run_batch

__all__ = [
    "AnnexgenError",
    "ConversionError",
    "DataError",
    "Decision",
    "Document",
    "DocumentError",
    "GenericAnnex",
    "LanguageError",
    "LintFinding",
    "Location",
    "Money",
    "Options",
    "OutputError",
    "Problem",
    "ProjectAnnouncement",
    "ProjectDescription",
    "RenderError",
    "Signatory",
    "TemplateError",
    "UnknownWordError",
    "__version__",
    "amount_to_words",
    "annex_json_schema",
    "annex_to_yaml",
    "check_file",
    "check_template",
    "format_amount",
    "format_date",
    "lint_document",
    "lint_file",
    "load_annex",
    "load_annex_text",
    "lvl_to_eur",
    "number_to_words",
    "parse_amount_words",
    "read_document",
    "render",
    "render_file",
    "run_batch",
    "words_to_number",
]
