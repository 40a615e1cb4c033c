"""The input gate: reliability notes §2.2, §2.3, §2.10, §2.11 and §4 rows 3–7, 20."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annexgen.model.text import MAX_TEXT_LENGTH, TextError, clean_text

FORBIDDEN = [
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    0xFFFE,
    0xFFFF,
    0xD800,
]
LATVIAN = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"


@pytest.mark.parametrize("code", FORBIDDEN)
def test_characters_word_cannot_hold_are_refused_with_position(code: int) -> None:
    # §4 row 3 (C0 controls, U+FFFE/FFFF) and row 4 (\a, \f change document structure)
    with pytest.raises(TextError) as info:
        clean_text(f"ab{chr(code)}c")
    assert f"U+{code:04X}" in str(info.value)
    assert "position 3" in str(info.value)


def test_vertical_tab_gets_a_hint() -> None:
    with pytest.raises(TextError, match="Shift\\+Enter"):
        clean_text("a\x0bb")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [  # §4 row 5: line breaks and tabs kept, CR normalised
        ("a\nb", "a\nb"),
        ("a\tb", "a\tb"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        # §4 row 6: spaces and NBSP preserved
        ("  a  b  ", "  a  b  "),
        ("19\u00a0700", "19\u00a0700"),
        # trailing line breaks of YAML block scalars are dropped
        ("text\n\n", "text"),
        # §4 row 8: template syntax is just text here
        ("{{ 7*7 }} {% if x %}", "{{ 7*7 }} {% if x %}"),
        ("Jānis & Co <select>", "Jānis & Co <select>"),
    ],
)
def test_kept_and_normalised(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_nfd_latvian_becomes_nfc() -> None:
    # §4 row 7 / §2.11: all 22 diacritic letters
    nfd = unicodedata.normalize("NFD", LATVIAN)
    assert nfd != LATVIAN
    assert clean_text(nfd) == LATVIAN


def test_length_cap_and_cap_plus_one() -> None:
    # §4 row 20 / §2.10: a clear limit far below libxml2's silent truncation
    assert len(clean_text("ā" * MAX_TEXT_LENGTH)) == MAX_TEXT_LENGTH
    with pytest.raises(TextError, match="limit is 10000"):
        clean_text("ā" * (MAX_TEXT_LENGTH + 1))


def test_length_counts_letters_not_code_points() -> None:
    nfd = unicodedata.normalize("NFD", "ā" * MAX_TEXT_LENGTH)
    assert len(nfd) == 2 * MAX_TEXT_LENGTH
    assert clean_text(nfd) == "ā" * MAX_TEXT_LENGTH


@given(st.text(max_size=200))
def test_any_text_is_either_clean_nfc_or_refused(s: str) -> None:
    try:
        out = clean_text(s)
    except TextError:
        assert any(ord(c) in FORBIDDEN or 0xD800 <= ord(c) <= 0xDFFF for c in s)
        return
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out
