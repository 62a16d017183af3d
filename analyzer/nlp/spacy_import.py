"""spaCy imported without its command-line package, which mlcheck never runs.

``spacy/__init__`` imports ``spacy.cli.info`` for ``spacy.info``, and with it the whole
``spacy.cli`` package: typer, weasel, the download and training commands, 0.1-0.25 s of CPU
in every process. So before spaCy is first imported, ``spacy.cli`` and ``spacy.cli.info``
are stood in by modules that import the real ones the moment anything reads from them (an
attribute, a submodule import); ``spacy.info`` is a function that does the same when called.
Nothing mlcheck runs touches them; anything else in the process gets the real package.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import threading
import types
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"
_LOCK = threading.RLock()


def _real_cli() -> types.ModuleType:
    """Import the real spacy.cli in place of the stand-ins, once, and return it."""
    with _LOCK:
        current = sys.modules.get(_CLI)
        if current is not None and not isinstance(current, _StandIn):
            return current
        for name in (_INFO, _CLI):
            if isinstance(sys.modules.get(name), _StandIn):
                del sys.modules[name]
        real = importlib.import_module(_CLI)
        spacy = sys.modules.get("spacy")
        if spacy is not None:
            spacy.cli = real  # type: ignore[attr-defined]
        return real


class _StandIn(types.ModuleType):
    """A module that imports the real spacy.cli on the first attribute read from it."""

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr not in ("__path__", "__all__", "__file__"):
            raise AttributeError(attr)
        if attr == "__path__" and self.__name__ == _INFO:
            # The import system asks whether a module is a package; spacy.cli.info is not.
            raise AttributeError(attr)
        _real_cli()
        return getattr(sys.modules[self.__name__], attr)


def _info(*args: Any, **kwargs: Any) -> Any:
    """Run spaCy's real ``spacy.info``, importing its command-line package first."""
    _real_cli()
    return importlib.import_module(_INFO).info(*args, **kwargs)


class _BindCli(importlib.abc.MetaPathFinder):
    """Find spaCy as usual, and once it has run, bind ``spacy.cli`` to what sys.modules holds.

    The import system binds a subpackage to its parent only when it loads it, and the
    stand-in was not loaded, so ``import spacy.cli; spacy.cli.x`` would otherwise fail.
    """

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        run = loader.exec_module

        def exec_module(module: types.ModuleType) -> None:
            run(module)
            if "cli" not in module.__dict__ and _CLI in sys.modules:
                module.cli = sys.modules[_CLI]  # type: ignore[attr-defined]

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def defer_cli() -> None:
    """Stand in for spacy.cli until something reads from it, unless spaCy is imported already.

    Does nothing when spaCy (or its cli package) is already imported or cannot be found.
    """
    with _LOCK:
        if "spacy" in sys.modules or _CLI in sys.modules:
            return
        if importlib.util.find_spec("spacy") is None:
            return
        cli, info = _StandIn(_CLI), _StandIn(_INFO)
        info.info = _info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        sys.modules[_CLI] = cli
        sys.modules[_INFO] = info
        sys.meta_path.insert(0, _BindCli())
