"""Translation catalogues: extraction, merging, the canonical format, QA, terminology, progress and review aids."""

from __future__ import annotations
