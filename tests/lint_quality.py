"""Precision and recall of the Latvian text rules on sentences labelled by hand.

Shared by ``tests/test_lint_quality.py`` (which holds the floor: precision ≥ 0.98,
recall ≥ 0.95) and ``benchmarks/lint_quality.py`` (which prints the figures and
every miss). The sentences and their expected findings are in
``tests/fixtures/lint-labelled.txt``, written by hand, not by annexgen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annexgen.reading.lint import lint_text

LABELLED = Path(__file__).parent / "fixtures" / "lint-labelled.txt"
INDEPENDENT = Path(__file__).parent / "fixtures" / "lint-independent.tsv"
INDEPENDENT_2 = Path(__file__).parent / "fixtures" / "lint-independent-2.tsv"
INDEPENDENT_3 = Path(__file__).parent / "fixtures" / "lint-independent-3.tsv"


@dataclass(frozen=True)
class Labelled:
    line: int
    sentence: str
    expected: Counter[str]


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def labelled(path: Path = LABELLED) -> list[Labelled]:
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, arrow, codes = line.rpartition(" =>")
        if not arrow:
            raise ValueError(f"{path.name}:{number}: no ' =>' in {line!r}")
        expected = Counter(c.strip() for c in codes.split(",") if c.strip())
        out.append(Labelled(number, sentence.strip(), expected))
    return out


def score(items: list[Labelled]) -> Score:
    result = Score()
    for item in items:
        found = Counter(f.code for f in lint_text(item.sentence))
        hit = sum((found & item.expected).values())
        result.true_positives += hit
        result.false_positives += sum(found.values()) - hit
        result.false_negatives += sum(item.expected.values()) - hit
        if found != item.expected:
            result.misses.append(
                f"line {item.line}: {item.sentence!r}: expected {sorted(item.expected.elements())}"
                f", found {sorted(found.elements())}"
            )
    return result


@dataclass(frozen=True)
class Verdict:
    line: int
    sentence: str
    label: str  # "OK", "ERROR", "STYLE", or one of them after "DISPUTED-"
    note: str


def verdicts(path: Path = INDEPENDENT) -> list[Verdict]:
    """The sentences of the independent set, labelled per sentence (no rule codes:
    their writer never saw annexgen's)."""
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, label, note = line.split("\t")
        out.append(Verdict(number, sentence, label, note))
    return out


def score_verdicts(items: list[Verdict], *, disputed: bool = False) -> Score:
    """Per sentence: a finding on an OK sentence is a false positive, none on an
    ERROR or STYLE sentence a false negative. ``disputed`` counts the lines the
    project decides otherwise by their writer's label too."""
    result = Score()
    for item in items:
        label = item.label
        if label.startswith("DISPUTED-"):
            if not disputed:
                continue
            label = label.removeprefix("DISPUTED-")
        found = [f.code for f in lint_text(item.sentence)]
        if label == "OK" and found:
            result.false_positives += 1
            result.misses.append(f"line {item.line}: {item.sentence!r}: OK, found {found}")
        elif label != "OK":
            if found:
                result.true_positives += 1
            else:
                result.false_negatives += 1
                result.misses.append(
                    f"line {item.line}: {item.sentence!r}: {label}, nothing found ({item.note})"
                )
    return result
