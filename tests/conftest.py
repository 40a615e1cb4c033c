"""Shared test configuration.

* ``@pytest.mark.libreoffice`` tests need ``soffice``. Locally they are skipped
  with a reason when it is missing; in CI (``CI=true``) a missing LibreOffice
  is a failure, because ``.ci/run`` installs it and a skip would hide that.
* Hypothesis runs more examples and no deadline in CI (profile ``ci``).
* The suite reads annexgen in English (``ANNEXGEN_LANG=en``, inherited by the
  commands tests start): the English templates are the message ids, the
  stable text tests compare. A clerk's default, Latvian, is what
  tests/test_i18n.py and tests/cli/test_language.py test, each setting the
  environment it is about.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, settings

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

os.environ["ANNEXGEN_LANG"] = "en"

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if IN_CI else "dev")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("soffice") or IN_CI:
        return  # in CI a missing soffice must fail the tests that need it
    skip = pytest.mark.skip(reason="LibreOffice (soffice) not installed")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)
