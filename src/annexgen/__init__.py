"""annexgen — Word annexes for Latvian council decisions.

The public API is the list in ``__all__`` below and nothing else; it is pinned
by ``tests/test_public_api.py`` so that a change to it is always deliberate.

Names are imported on first use (PEP 562), so ``import annexgen.lv`` or
``annexgen --help`` does not pay for docxtpl, lxml and the web server.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from annexgen.errors import (
        AnnexgenError,
        ConversionError,
        DataError,
        DocumentError,
        Finding,
        LanguageError,
        Location,
        OutputError,
        RenderError,
        TemplateError,
        TextError,
        UnknownWordError,
    )
    from annexgen.jobs.batch import run_batch
    from annexgen.jobs.single import render_file
    from annexgen.lv import (
        amount_to_words,
        format_amount,
        format_date,
        lvl_to_eur,
        number_to_words,
        parse_amount_words,
        words_to_number,
    )
    from annexgen.model.fields import Decision, Money, Options, Signatory
    from annexgen.model.kinds.generic import GenericAnnex
    from annexgen.model.kinds.project_announcement import ProjectAnnouncement
    from annexgen.model.kinds.project_description import ProjectDescription
    from annexgen.model.loading import (
        annex_json_schema,
        annex_to_yaml,
        check_file,
        load_annex,
        load_annex_text,
    )
    from annexgen.reading.documents import Document, read_document
    from annexgen.reading.lint import lint_document, lint_file
    from annexgen.word.render import render
    from annexgen.word.template_check import check_template

    __version__: str

#: public name → the module that defines it
_WHERE: dict[str, str] = {
    **dict.fromkeys(
        [
            "AnnexgenError", "ConversionError", "DataError", "DocumentError", "Finding",
            "LanguageError", "Location", "OutputError", "RenderError", "TemplateError",
            "TextError", "UnknownWordError",
        ],
        "annexgen.errors",
    ),
    **dict.fromkeys(
        [
            "amount_to_words", "format_amount", "format_date", "lvl_to_eur", "number_to_words",
            "parse_amount_words", "words_to_number",
        ],
        "annexgen.lv",
    ),
    **dict.fromkeys(["Decision", "Money", "Options", "Signatory"], "annexgen.model.fields"),
    "GenericAnnex": "annexgen.model.kinds.generic",
    "ProjectAnnouncement": "annexgen.model.kinds.project_announcement",
    "ProjectDescription": "annexgen.model.kinds.project_description",
    **dict.fromkeys(
        ["annex_json_schema", "annex_to_yaml", "check_file", "load_annex", "load_annex_text"],
        "annexgen.model.loading",
    ),
    **dict.fromkeys(["Document", "read_document"], "annexgen.reading.documents"),
    **dict.fromkeys(["lint_document", "lint_file"], "annexgen.reading.lint"),
    "render": "annexgen.word.render",
    "render_file": "annexgen.jobs.single",
    "run_batch": "annexgen.jobs.batch",
    "check_template": "annexgen.word.template_check",
}  # fmt: skip

__all__ = [
    "AnnexgenError",
    "ConversionError",
    "DataError",
    "Decision",
    "Document",
    "DocumentError",
    "Finding",
    "GenericAnnex",
    "LanguageError",
    "Location",
    "Money",
    "Options",
    "OutputError",
    "ProjectAnnouncement",
    "ProjectDescription",
    "RenderError",
    "Signatory",
    "TemplateError",
    "TextError",
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


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from annexgen.about import VERSION  # noqa: PLC0415

        return VERSION
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'annexgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
