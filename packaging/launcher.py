"""Frozen entry point of the bundle: the `cuttings` command (window without arguments, CLI with)."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
