"""The seed documents this project was made from, kept inside the repository.

``tests/fixtures/seeds/`` holds the five documents byte for byte as they were
given (a clone must be complete: no test reads anything outside the checkout).
"""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def require_seeds() -> Path:
    """The seeds folder; a missing folder is a broken checkout, so it fails loudly."""
    assert SEEDS.is_dir(), f"the seed documents are missing from the checkout: {SEEDS}"
    return SEEDS


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (``"001"``)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path
