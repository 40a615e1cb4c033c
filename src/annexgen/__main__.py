"""Allow ``python -m annexgen``."""

from annexgen.cli import main

main()
