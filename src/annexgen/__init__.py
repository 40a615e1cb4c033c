"""annexgen — Word annexes for Latvian council decisions.

The public API is the list in ``__all__`` below and nothing else; it is pinned
by ``tests/test_public_api.py`` so that a change to it is always deliberate.
"""

from __future__ import annotations

from annexgen.errors import (
    AnnexgenError,
    ConversionError,
    DataError,
    LanguageError,
    Location,
    OutputError,
    Problem,
    RenderError,
    TemplateError,
    UnknownWordError,
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

__version__ = "0.1.0"

__all__ = [
    "AnnexgenError",
    "ConversionError",
    "DataError",
    "LanguageError",
    "Location",
    "OutputError",
    "Problem",
    "RenderError",
    "TemplateError",
    "UnknownWordError",
    "__version__",
    "amount_to_words",
    "format_amount",
    "format_date",
    "lvl_to_eur",
    "number_to_words",
    "parse_amount_words",
    "words_to_number",
]
