"""Sub-commands beyond index/ask/chat. Each lives in its own module, which exposes
`register(subparsers, common)`; this file only lists them, so cli.py stays small."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

# module name under rag/ -> registers `rag eval`, `rag batch`, `rag bench ...`
MODULES = ("evaluate", "batch", "bench", "bench_load", "train_reader", "bench_reader")


def register(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    for name in MODULES:
        try:
            mod = importlib.import_module(f"rag.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"rag.{name}":
                raise
            continue  # that stage is not built yet
        mod.register(sub, common)
