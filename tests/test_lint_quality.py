"""Precision and recall of lint on sentences labelled by hand (issue 12).

The floor the issue sets: precision ≥ 0.98 and recall ≥ 0.95 over every finding
(errors and warnings), counted per sentence and code. ``benchmarks/lint_quality.py``
prints the figures and each difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lint_quality import (
    INDEPENDENT_2,
    INDEPENDENT_3,
    labelled,
    score,
    score_verdicts,
    verdicts,
)


def test_the_labelled_set_is_broad() -> None:
    items = labelled()
    assert len(items) >= 250
    wrong = [i for i in items if i.expected]
    assert len(wrong) >= 100
    codes = {code for i in wrong for code in i.expected}
    assert len(codes) >= 15  # every rule but a few is exercised by a mistake of its own


def test_precision_and_recall_on_hand_labelled_sentences() -> None:
    result = score(labelled())
    assert result.precision >= 0.98, "\n".join(result.misses)
    assert result.recall >= 0.95, "\n".join(result.misses)


def test_precision_and_recall_on_sentences_written_apart() -> None:
    # issue 12: the floor on sentences written independently of the project, per
    # sentence; the labels this project decides otherwise are scored apart
    items = verdicts()
    assert len(items) >= 300
    result = score_verdicts(items)
    assert result.precision >= 0.98, "\n".join(result.misses)
    assert result.recall >= 0.95, "\n".join(result.misses)
    with_disputed = score_verdicts(items, disputed=True)
    assert with_disputed.precision >= 0.98
    assert with_disputed.false_negatives - result.false_negatives == 4  # the 4 code-first lines


@pytest.mark.parametrize("path", [INDEPENDENT_2, INDEPENDENT_3], ids=lambda p: p.stem)
def test_precision_and_recall_on_longer_texts_written_apart(path: Path) -> None:
    # issue 12, a second and a third writer: whole sentences and paragraphs of municipal text
    items = verdicts(path)
    assert len(items) >= 250
    result = score_verdicts(items)
    assert result.precision >= 0.98, "\n".join(result.misses)
    assert result.recall >= 0.95, "\n".join(result.misses)
