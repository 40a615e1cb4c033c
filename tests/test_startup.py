"""Start-up stays cheap by construction (issue 11): what each entry point imports.

Seconds are measured in benchmarks/startup_bench.py, not here; these tests pin
the cause instead — which heavy libraries a command loads before doing anything.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest

import annexgen

HEAVY = ("docxtpl", "docx", "lxml", "pydantic", "jinja2", "starlette", "uvicorn", "yaml")

PROBE = """
import json, sys, runpy
sys.argv = {argv!r}
try:
    {body}
except SystemExit:
    pass
print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)
"""


def _loaded(body: str, argv: list[str] | None = None) -> set[str]:
    code = PROBE.format(argv=argv or ["annexgen"], body=body)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1])) & set(HEAVY)


def test_the_language_core_loads_nothing_heavy() -> None:
    assert _loaded("import annexgen.lv; annexgen.lv.amount_to_words('19700')") == set()


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["annexgen", "--help"], set()),
        (["annexgen", "words", "19700"], set()),
        (["annexgen", "words", "--help"], set()),
        (["annexgen", "new", "--help"], {"pydantic"}),  # the kinds come from the registry
    ],
)
def test_cli_commands_load_only_what_they_use(argv: list[str], allowed: set[str]) -> None:
    body = "from annexgen.cli import main; main()"
    assert _loaded(body, argv) <= allowed


def test_unchanged_batch_rerun_never_loads_the_renderer(tmp_path: object) -> None:
    from pathlib import Path  # noqa: PLC0415

    from annexgen.jobs.batch import run_batch  # noqa: PLC0415

    root = Path(str(tmp_path))
    src, out = root / "in", root / "out"
    src.mkdir()
    example = Path(__file__).resolve().parent.parent / "examples" / "002-jauniesu-centri.yaml"
    (src / "a.yaml").write_bytes(example.read_bytes())
    assert run_batch(src, out).count("rendered") == 1
    body = "from annexgen.cli import main; main()"
    loaded = _loaded(body, ["annexgen", "batch", str(src), "-o", str(out)])
    assert loaded == set(), "an unchanged re-run must only hash and compare"


def test_the_version_is_written_once() -> None:
    # pyproject reads it from annexgen/about.py; the installed metadata must agree
    assert importlib.metadata.version("annexgen") == annexgen.__version__
