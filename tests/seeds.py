"""Where the seed documents are: ``shared/seeds`` beside the checkout (as in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def require_seeds() -> Path:
    """The seeds folder; skipped locally when absent, but a failure in CI."""
    if SEEDS.is_dir():
        return SEEDS
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"the seed documents are missing: {SEEDS}")
    pytest.skip("shared/seeds is not beside the checkout")
