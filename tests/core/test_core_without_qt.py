"""The core and the command line work with PySide6 absent."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc, sys
    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("PySide6 is blocked in this test")
            return None
    sys.meta_path.insert(0, BlockQt())
    """
)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCK_QT + textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_every_core_module_imports_without_qt() -> None:
    result = run_python(
        """
        import pkgutil, importlib, resilience_app.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "resilience_app.core.")
                 if ".migrations" not in m.name]
        for name in names:
            importlib.import_module(name)
        importlib.import_module("resilience_app.cli")
        print(len(names))
        """
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 15


def test_command_line_runs_without_qt(tmp_path: Path) -> None:
    result = run_python(
        f"""
        import sys
        from resilience_app.cli import main
        code = main(["--data-dir", {str(tmp_path)!r}, "list", "--json"])
        assert "PySide6" not in sys.modules
        sys.exit(code)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
