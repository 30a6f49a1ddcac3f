"""Typed errors. Every error cleaner raises on purpose derives from ``CleanerError``."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of the errors cleaner raises on purpose."""


class InputTypeError(CleanerError, TypeError):
    """The input is neither ``str`` nor ``bytes``."""


class InputValueError(CleanerError, ValueError):
    """The input has the right type but cannot be cleaned (for example too large)."""


class InputTooLargeError(InputValueError):
    """The input is larger than ``Config.max_input_bytes``."""


class InputBinaryError(InputValueError):
    """The input looks binary (an image, a PDF, compressed bytes), not a page or its text."""


class ConfigError(CleanerError, ValueError):
    """A configuration names an unknown rule, family, threshold or language."""
