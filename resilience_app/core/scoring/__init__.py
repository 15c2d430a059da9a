"""Scoring: pure functions from answers and a framework to a resilience profile (no single city score)."""

from resilience_app.core.scoring.profile import AnswerValue, GroupSummary, ResilienceProfile, build_profile, summarise

__all__ = ["AnswerValue", "GroupSummary", "ResilienceProfile", "build_profile", "summarise"]
