"""The sample PRA's Arabic figures say their unit in the form their number asks for («٨ أيام», «٧٥ يومًا»), never «٨ يوم»."""

from __future__ import annotations

import re

from resilience_app.core.brief.model import BriefDocument, Table
from resilience_app.core.formatting import parse_number, plural_category

# Counted nouns of the shipped units in the singular, the form that is wrong after 3–10 or a fraction.
SINGULARS = "يوم|تمرين|مكان|اتفاقية|دقيقة|سرير|ساعة|لتر|متطوع|منظمة|منشأة|جريمة|رجل"
# Those whose form after 11–99 is not the bare singular (يومًا, not يوم).
ACCUSATIVE_DIFFERS = "يوم|تمرين|مكان|سرير|لتر|متطوع"
FIGURE = re.compile(rf"^([٠-٩٫٬]+) ({SINGULARS})(?=\s|$)")


def _value_cells(document: BriefDocument) -> list[str]:
    [section] = [section for section in document.sections if section.id == "quantitative"]
    return [row[-2] for block in section.blocks if isinstance(block, Table) for row in block.rows]


def test_the_pras_arabic_figures_agree_with_their_numbers(sample_models: dict[tuple[str, str], BriefDocument]) -> None:
    cells = _value_cells(sample_models["pra", "ar"])
    disagreeing = []
    for cell in cells:
        if (match := FIGURE.match(cell)) is None:
            continue
        category = plural_category(parse_number(match.group(1)), language="ar")
        if category == "few" or (category == "many" and re.fullmatch(ACCUSATIVE_DIFFERS, match.group(2))):
            disagreeing.append(cell)
    assert disagreeing == []
    # Not vacuous: the sample's day counts read as Arabic counts them.
    assert any(re.match(r"^[٠-٩٫]+ أيام", cell) for cell in cells) and any(re.match(r"^[٠-٩]+ يومًا", cell) for cell in cells)

