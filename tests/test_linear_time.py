"""Every entry point that reads user text is linear in its length (issue 17, item 1).

``benchmarks/linear_bench.py`` holds the entry points (check and load YAML, render,
lint, extract, template check, the web form and its document check) and the hostile
lines (digit groups, spaces, brackets, quotes, dates, tags …). Each is timed on a line
and on the same line eight times longer, in the same run: a ratio, never seconds. Before
issue 17, "1" + spaces + "x" as an amount grew about ×500 for ×8 (cubic), 10 000 control
characters ×64 (quadratic); this fails on any entry point that grows like that again.
"""

from __future__ import annotations

import pytest
from benchmarks import linear_bench as bench


@pytest.mark.slow
@pytest.mark.parametrize("entry", sorted(bench.ENTRY_POINTS))
def test_entry_point_is_linear_in_its_input(entry: str) -> None:
    # one run each: a growth past the limit is measured again at twice the factor anyway
    results = [bench.measure(entry, unit, repeat=1) for unit in bench.units(entry)]
    slow = [
        f"{r.unit}: ×{r.growth:.1f} for length ×{r.factor} ({r.short * 1000:.1f} → "
        f"{r.long * 1000:.1f} ms)"
        for r in results
        if not r.linear
    ]
    assert slow == [], f"{entry} is super-linear on: " + "; ".join(slow)
