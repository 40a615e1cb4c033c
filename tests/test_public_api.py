"""The public surface is a contract: adding or removing a name must be deliberate."""

from __future__ import annotations

import annexgen

EXPECTED = [
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


def test_all_is_pinned() -> None:
    assert annexgen.__all__ == EXPECTED


def test_all_is_sorted_and_resolvable() -> None:
    assert annexgen.__all__ == sorted(annexgen.__all__)
    for name in annexgen.__all__:
        assert hasattr(annexgen, name), name


def test_every_error_is_an_annexgen_error() -> None:
    for name in annexgen.__all__:
        obj = getattr(annexgen, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, annexgen.AnnexgenError), name


def test_lazy_names_match_the_typed_imports() -> None:
    # __init__ names each public object twice: a TYPE_CHECKING import (for mypy
    # and editors) and the lazy table (for run time); they must agree.
    import ast  # noqa: PLC0415
    import inspect  # noqa: PLC0415

    tree = ast.parse(inspect.getsource(annexgen))
    typed = {
        alias.name: node.module
        for block in tree.body
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert typed == annexgen._WHERE
    assert set(typed) | {"__version__"} == set(annexgen.__all__)
