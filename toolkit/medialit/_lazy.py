"""Lazy exports for packages whose public names live in heavier submodules."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str], namespace: dict) -> tuple[Callable, Callable]:
    """Return ``(__getattr__, __dir__)`` that import each exported name on first use.

    Args:
        package: the package's ``__name__``, for error messages.
        exports: public name -> absolute module that defines it.
        namespace: the package's ``globals()``; a loaded name is cached there.
    """

    def __getattr__(name: str):
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
