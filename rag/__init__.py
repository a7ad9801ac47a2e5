"""Extractive, cited question answering over a folder of news articles."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Config", "Pipeline", "Conversation", "Answer", "Quote", "Source"]


def __getattr__(name: str):  # lazy: `import rag` must not import torch
    if name == "Config":
        from .config import Config

        return Config
    if name in ("Pipeline", "Conversation"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("Answer", "Quote", "Source"):
        from . import records

        return getattr(records, name)
    raise AttributeError(name)
