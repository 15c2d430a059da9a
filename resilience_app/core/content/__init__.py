"""Framework and catalogue content: YAML files in `forms/`, validated, built into frozen dataclasses."""

from resilience_app.core.content.loader import ContentLoadResult, load_content
from resilience_app.core.content.model import Content
from resilience_app.core.content.problems import Problem, Severity

__all__ = ["Content", "ContentLoadResult", "Problem", "Severity", "load_content"]
