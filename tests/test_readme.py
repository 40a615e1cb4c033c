"""README's promises: its two commands exist, and CI runs exactly its test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)


def test_readme_starts_with_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) >= 2
    assert "annexgen" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_line = [ln for ln in ci.splitlines() if ln.strip()][-1]
    assert last_line == _readme_commands()[1]
