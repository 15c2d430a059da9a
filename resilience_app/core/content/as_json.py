"""The validated content as plain JSON-ready data (`resilience-app content --json`).

Every text is an object keyed by language code: {"en": "...", "ar": "..."}.
"""

from __future__ import annotations

from typing import Any

from resilience_app.core.content.model import Content, Crosswalk, Framework, Question


def _question(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "prompt": question.prompt.as_dict(),
        "guidance": question.guidance.as_dict(),
        "who_knows": question.who_knows.as_dict(),
        "scenarios": {str(level): text.as_dict() for level, text in question.scenarios.items()},
        "qualities": list(question.qualities),
    }
    if question.numeric is not None:
        data["numeric"] = {
            "unit": question.numeric.unit.as_dict(),
            "better": question.numeric.better,
            "thresholds": list(question.numeric.thresholds),
            "minimum": question.numeric.minimum,
            "maximum": question.numeric.maximum,
        }
        if question.numeric.counted:
            data["numeric"]["counted"] = {language: dict(forms) for language, forms in question.numeric.counted.items()}
    if question.mandate_often_national:
        data["mandate_often_national"] = True
    return data


def _framework(framework: Framework) -> dict[str, Any]:
    return {
        "id": framework.id,
        "version": framework.version,
        "name": framework.name.as_dict(),
        "description": framework.description.as_dict(),
        "levels": {str(level): text.as_dict() for level, text in framework.levels.items()},
        "qualities": [
            {"id": quality.id, "name": quality.name.as_dict(), "description": quality.description.as_dict()}
            for quality in framework.qualities
        ],
        "dimensions": [
            {
                "id": dimension.id,
                "name": dimension.name.as_dict(),
                "goals": [
                    {
                        "id": goal.id,
                        "number": goal.number,
                        "name": goal.name.as_dict(),
                        "outcome": goal.outcome.as_dict(),
                        "indicators": [
                            {
                                "id": indicator.id,
                                "number": indicator.number,
                                "name": indicator.name.as_dict(),
                                "questions": [_question(question) for question in indicator.questions],
                            }
                            for indicator in goal.indicators
                        ],
                    }
                    for goal in dimension.goals
                ],
            }
            for dimension in framework.dimensions
        ],
    }


def content_as_json(content: Content) -> dict[str, Any]:
    return {
        "frameworks": [_framework(framework) for framework in content.frameworks],
        "hazard_categories": [{"id": category.id, "name": category.name.as_dict()} for category in content.hazard_categories],
        "hazards": [
            {
                "id": hazard.id,
                "kind": hazard.kind,
                "category": hazard.category,
                "name": hazard.name.as_dict(),
                "description": hazard.description.as_dict(),
                "goals": list(hazard.goals),
                "nature": hazard.nature,
                "mirrors": list(hazard.mirrors),
            }
            for hazard in content.hazards
        ],
        "glossary": [{"id": term.id, "term": term.term.as_dict(), "note": term.note.as_dict()} for term in content.glossary],
        "crosswalks": [_crosswalk(crosswalk) for crosswalk in content.crosswalks],
    }


def _crosswalk(crosswalk: Crosswalk) -> dict[str, Any]:
    return {
        "id": crosswalk.id,
        "version": crosswalk.version,
        "framework": crosswalk.framework_id,
        "name": crosswalk.name.as_dict(),
        "description": crosswalk.description.as_dict(),
        "notes": crosswalk.notes.as_dict() if crosswalk.notes else None,
        "items": [
            {"id": item.id, "number": item.number.as_dict(), "name": item.name.as_dict(), "fit": item.fit, "no_level": item.no_level}
            for item in crosswalk.items
        ],
        "mappings": [{"indicator": mapping.indicator_id, "items": list(mapping.item_ids)} for mapping in crosswalk.mappings],
    }
