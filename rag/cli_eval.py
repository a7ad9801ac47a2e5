"""Sub-commands added by later stages (eval, batch, bench); registered here to keep cli.py small."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Each later stage adds its parser here."""
