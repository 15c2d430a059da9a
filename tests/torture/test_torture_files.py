"""Files deleted, moved or damaged under a running app: each kind once (tools/torture_files.py; `make torture` runs 35 rounds)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the torture test kills processes with SIGKILL, which only POSIX has")

TOOL = Path(__file__).resolve().parents[2] / "tools" / "torture_files.py"


def test_every_kind_of_damage_under_a_running_app_meets_its_promise() -> None:
    spec = importlib.util.spec_from_file_location("torture_files_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        reports = module.run_rounds(len(module.DAMAGES), seed=16)
    finally:
        sys.modules.pop(spec.name, None)
    assert [report.damage for report in reports] == list(module.DAMAGES)
    assert [report.problems for report in reports] == [[] for _damage in module.DAMAGES]
    assert {report.damage: report.outcome for report in reports if report.damage in ("moved", "deleted", "foreign")} == {
        "moved": "database-missing", "deleted": "database-missing", "foreign": "database-foreign",
    }
