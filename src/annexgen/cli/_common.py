"""Exit codes and error printing shared by every command.

Exit codes are part of the contract for batch jobs:

* 0 — everything asked for was done and is valid;
* 1 — the input (data, template) has errors; they were all printed;
* 2 — the command line itself was wrong (click's usage errors);
* 3 — an environment problem: missing LibreOffice, unwritable output.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
