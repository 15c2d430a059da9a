"""One Arabic term per concept: the terminology table forbids the variants, in the catalogue and in the content (issue 19)."""

from __future__ import annotations

import re

import yaml

from tests.core.arabic_texts import ROOT, all_arabic

TABLE = ROOT / "translations" / "terminology.yaml"


def test_no_forbidden_variant_of_a_term_appears_in_arabic() -> None:
    terms = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]
    assert len(terms) >= 8 and all({"en", "ar", "forbidden"} <= set(term) for term in terms)
    patterns = [(term["en"], re.compile(variant)) for term in terms for variant in term["forbidden"]]
    found = [
        (where, concept, match.group())
        for where, text in all_arabic()
        for concept, pattern in patterns
        if (match := pattern.search(" ".join(text.split())))
    ]
    assert found == []


def test_the_table_catches_a_variant() -> None:
    terms = {term["en"]: term for term in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]}
    discovery = [re.compile(variant) for variant in terms["discovery area"]["forbidden"]]
    assert any(pattern.search("اختيار مجالات الاستكشاف") for pattern in discovery)
    assert any(pattern.search("مجال استكشاف واحد") for pattern in discovery)
    assert not any(pattern.search("مجال استكشافي واحد والمجالات الاستكشافية") for pattern in discovery)


def test_the_new_rows_catch_their_variants_and_spare_the_term() -> None:
    terms = {term["en"]: [re.compile(variant) for variant in term["forbidden"]] for term in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["terms"]}

    def caught(concept: str, text: str) -> bool:
        return any(pattern.search(text) for pattern in terms[concept])

    assert caught("goal", "الافتتاح والغاية من الورشة") and not caught("goal", "مهمّ للغاية")
    assert caught("shocks and (chronic) stresses", "أمام الصدمات والضغوط والتعافي") and not caught("shocks and (chronic) stresses", "الصدمات والضغوط المزمنة")
    assert caught("strategy workshop", "موجز ورشة عمل الاستراتيجية") and not caught("strategy workshop", "موجز ورشة العمل الاستراتيجية")
    assert caught("dimension", "الأبعاد الأربعة للإطار") and not caught("dimension", "على بُعد ٥٠٠ متر")
    assert caught("representation of a sector (its status)", "غير ممثَّل") and not caught("representation of a sector (its status)", "الأطراف الممثَّلون فيه")
