"""Precision and recall of ``annexgen lint`` on sentences labelled by hand.

Run from the checkout: ``python benchmarks/lint_quality.py [FILE]`` (default
``tests/fixtures/lint-labelled.txt``). Prints true/false positives, false
negatives, precision and recall over every finding (per sentence and code),
then each sentence where the findings differ from the labels.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.lint_quality import (  # noqa: E402
    INDEPENDENT,
    INDEPENDENT_2,
    INDEPENDENT_3,
    LABELLED,
    labelled,
    score,
    score_verdicts,
    verdicts,
)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else LABELLED
    items = labelled(path)
    result = score(items)
    wrong = sum(bool(i.expected) for i in items)
    print(f"{len(items)} sentences ({wrong} with expected findings) from {path.name}")
    print(
        f"true positives {result.true_positives}, false positives {result.false_positives}, "
        f"false negatives {result.false_negatives}"
    )
    print(f"precision {result.precision:.4f}, recall {result.recall:.4f}")
    for miss in result.misses:
        print("DIFFERS:", miss)
    if len(sys.argv) > 1:
        return
    items = verdicts()
    print(f"\n{len(items)} sentences written apart from the project, from {INDEPENDENT.name}")
    for disputed in (False, True):
        result = score_verdicts(items, disputed=disputed)
        what = "with the disputed labels" if disputed else "without the 4 disputed labels"
        print(
            f"{what}: true positives {result.true_positives}, false positives "
            f"{result.false_positives}, false negatives {result.false_negatives}; precision "
            f"{result.precision:.4f}, recall {result.recall:.4f}"
        )
    for miss in score_verdicts(items, disputed=True).misses:
        print("DIFFERS:", miss)
    for path in (INDEPENDENT_2, INDEPENDENT_3):
        items = verdicts(path)
        result = score_verdicts(items)
        print(
            f"\n{len(items)} longer texts written apart, from {path.name}: true positives "
            f"{result.true_positives}, false positives {result.false_positives}, false "
            f"negatives {result.false_negatives}; precision {result.precision:.4f}, recall "
            f"{result.recall:.4f}"
        )
        for miss in result.misses:
            print("DIFFERS:", miss)


if __name__ == "__main__":
    main()
