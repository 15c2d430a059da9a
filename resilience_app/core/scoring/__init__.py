"""Scoring: pure functions from answers and a framework to a resilience profile (no single city score)."""

from resilience_app.core.scoring.data_quality import (
    DataQualityProfile,
    DataQualitySummary,
    DataQualityValue,
    build_data_quality,
    summarise_data_quality,
)
from resilience_app.core.scoring.profile import AnswerValue, GroupSummary, ResilienceProfile, build_profile, summarise
from resilience_app.core.scoring.quantitative import (
    FigureAnswer,
    QuantitativeGoal,
    QuantitativeProfile,
    QuantitativeRow,
    build_quantitative,
)

__all__ = [
    "AnswerValue",
    "DataQualityProfile",
    "DataQualitySummary",
    "DataQualityValue",
    "FigureAnswer",
    "GroupSummary",
    "QuantitativeGoal",
    "QuantitativeProfile",
    "QuantitativeRow",
    "ResilienceProfile",
    "build_data_quality",
    "build_profile",
    "build_quantitative",
    "summarise",
    "summarise_data_quality",
]
