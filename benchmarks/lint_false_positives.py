"""False-positive measurement of ``annexgen lint`` on generated correct text.

Run from the checkout: ``python benchmarks/lint_false_positives.py [N_RANDOM] [YEARS]``.
Prints how many correct sentences were linted and how many errors (and style
findings) came back; every error is a false positive. The unit test
``tests/test_lint.py::test_false_positive_measurement`` runs a smaller sweep.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.test_lint import correct_sentences  # noqa: E402

from annexgen.reading.lint import lint_text  # noqa: E402


def main() -> None:
    n_random = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    started = time.perf_counter()
    count = errors = style = 0
    for text in correct_sentences(n_random, years):
        count += 1
        for finding in lint_text(text):
            if finding.severity == "error":
                errors += 1
                print(f"FALSE POSITIVE: {text!r}: {finding.message}")
            else:
                style += 1
    elapsed = time.perf_counter() - started
    print(f"{count} correct sentences linted in {elapsed:.1f} s: {errors} error(s), {style} style")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
