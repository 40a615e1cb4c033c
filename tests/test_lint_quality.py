"""Precision and recall of lint on sentences labelled by hand (issue 12).

The floor the issue sets: precision ≥ 0.98 and recall ≥ 0.95 over every finding
(errors and warnings), counted per sentence and code. ``benchmarks/lint_quality.py``
prints the figures and each difference.
"""

from __future__ import annotations

from tests.lint_quality import labelled, score


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
