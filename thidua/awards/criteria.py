"""Criteria of the titles and forms, checked before the council and the decision: pure.

Each check is a function of what is known about one candidate (``Evidence``) and of its rule
(``Rule``: a ``CriterionRule`` row, so its severity, its parameters and the legal text it quotes
are data an administrator edits). A failed check is a **warning** the council sees with the
evidence, or a **block** (nothing can be decided) where the law is clear.

Legal basis (Law on Emulation and Commendation No. 06/2022/QH15):
* Art. 5: one achievement is rewarded only once and with one form.
* Art. 21: Chiến sĩ thi đua cơ sở = Lao động tiên tiến and one of: excellent completion of
  duties ("hoàn thành xuất sắc nhiệm vụ"), a recognised initiative, accepted research.
* Art. 24: Lao động tiên tiến = at least "hoàn thành tốt nhiệm vụ".
* Art. 74 (one route to the province's Bằng khen): 2 consecutive CSTĐCS, or 2 consecutive
  years of excellent completion with 2 initiatives.
* Chiến sĩ thi đua cấp tỉnh: 3 consecutive CSTĐCS and an initiative of provincial scope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

WARNING = "warning"
BLOCK = "block"

# Completion ratings (đánh giá, xếp loại), high to low.
EXCELLENT = "excellent"  # hoàn thành xuất sắc nhiệm vụ
GOOD = "good"  # hoàn thành tốt nhiệm vụ
COMPLETED = "completed"  # hoàn thành nhiệm vụ
NOT_COMPLETED = "not_completed"
RATING_ORDER = (NOT_COMPLETED, COMPLETED, GOOD, EXCELLENT)


def gettext_noop(message: str) -> str:
    return message


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str = WARNING
    legal_basis: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OtherAward:
    """Another award or pending proposal of the same honoree, for "one achievement, one form"."""

    form: str
    period: tuple[int, int]
    movement: int | None
    reference: str  # "QĐ 05/QĐ-UBND" or "Đề nghị #12"


@dataclass(frozen=True)
class Evidence:
    form: str  # the proposed form's code
    form_subject: str  # AwardSubject value of the form
    form_in_force: bool
    honoree_kind: str  # "individual" | "collective"
    year: int  # the year of the achievement (the end of the period)
    period: tuple[int, int]
    movement: int | None = None
    recognitions: tuple[tuple[str, int], ...] = ()  # (form code, year) already received
    proposed_with: tuple[str, ...] = ()  # other forms proposed for the same year (LĐTT with CSTĐCS)
    initiatives: tuple[tuple[int, str], ...] = ()  # (year recognised, scope level)
    rating: str = ""  # the completion rating of ``year``; "" unknown
    research_accepted: bool = False
    excellent_years: int = 0  # consecutive years of excellent completion up to ``year``
    others: tuple[OtherAward, ...] = ()


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    passed: bool
    legal_basis: str
    message: str  # Vietnamese template (gettext msgid) with %(name)s parameters
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def blocks(self) -> bool:
        return not self.passed and self.severity == BLOCK

    @property
    def warns(self) -> bool:
        return not self.passed and self.severity == WARNING

    def as_data(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "passed": self.passed,
            "legal_basis": self.legal_basis,
            "message": self.message,
            "params": dict(self.params),
        }


def _years(recognitions: Iterable[tuple[str, int]], form: str) -> list[int]:
    return sorted({year for code, year in recognitions if code == form})


def streak_ending(years: Iterable[int], last_year: int) -> int:
    present = set(years)
    count = 0
    while last_year - count in present:
        count += 1
    return count


def recent_streak(years: Iterable[int], year: int, recent_within: int) -> int:
    """The longest run of consecutive years ending at ``year`` or up to ``recent_within``
    years before it (the current year's title is often decided with the proposal)."""
    years = list(years)
    return max(streak_ending(years, year - back) for back in range(recent_within + 1))


def _years_text(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years) or "—"


# --- The checks ---------------------------------------------------------------------------------
# Each returns None when it does not apply to the proposed form, else (passed, message, params).
Outcome = tuple[bool, str, dict[str, Any]] | None


def check_subject_fits(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    fits = ev.form_subject == "individual_or_collective" or (
        ev.form_subject == ev.honoree_kind
        or (ev.honoree_kind == "collective" and ev.form_subject == "household")
    )
    if fits:
        return True, gettext_noop("Hình thức phù hợp với đối tượng."), {}
    return False, gettext_noop("Hình thức này không dành cho đối tượng được đề nghị."), {}


def check_form_in_force(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    if ev.form_in_force:
        return True, gettext_noop("Hình thức đang có hiệu lực."), {}
    return False, gettext_noop("Hình thức không còn (hoặc chưa) có hiệu lực vào ngày đề nghị."), {}


def check_one_achievement_one_form(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    """Law Art. 5: the same honoree, the same period and the same movement: one form only."""
    clashes = [
        other for other in ev.others if other.period == ev.period and other.movement == ev.movement
    ]
    if not clashes:
        return True, gettext_noop("Thành tích này chưa được khen thưởng."), {}
    return (
        False,
        gettext_noop(
            "Thành tích giai đoạn %(period)s đã được khen thưởng hoặc đề nghị: %(references)s."
        ),
        {
            "period": f"{ev.period[0]}–{ev.period[1]}",
            "references": "; ".join(f"{o.form} ({o.reference})" for o in clashes),
        },
    )


def _rating_at_least(rating: str, minimum: str) -> bool:
    return rating in RATING_ORDER and RATING_ORDER.index(rating) >= RATING_ORDER.index(minimum)


def check_ldtt_rating(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    """Art. 24: Lao động tiên tiến needs at least "hoàn thành tốt nhiệm vụ"."""
    if ev.form != params.get("form", "ldtt"):
        return None
    minimum = params.get("minimum_rating", GOOD)
    if _rating_at_least(ev.rating, minimum):
        return True, gettext_noop("Xếp loại năm %(year)s đạt yêu cầu."), {"year": ev.year}
    return (
        False,
        gettext_noop("Năm %(year)s chưa có xếp loại từ “hoàn thành tốt nhiệm vụ” trở lên."),
        {"year": ev.year},
    )


def check_cstdcs_basis(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    """Art. 21: LĐTT of the year and one of excellent completion / a recognised initiative /
    accepted research."""
    if ev.form != params.get("form", "cstdcs"):
        return None
    title = params.get("title_form", "ldtt")
    has_title = ev.year in _years(ev.recognitions, title) or title in ev.proposed_with
    initiative = any(year == ev.year for year, _level in ev.initiatives)
    one_of = ev.rating == EXCELLENT or initiative or ev.research_accepted
    values = {
        "year": ev.year,
        "title": "có" if has_title else "không",
        "excellent": "có" if ev.rating == EXCELLENT else "không",
        "initiative": "có" if initiative else "không",
        "research": "có" if ev.research_accepted else "không",
    }
    if has_title and one_of:
        return True, gettext_noop("Đủ điều kiện Chiến sĩ thi đua cơ sở năm %(year)s."), values
    return (
        False,
        gettext_noop(
            "Năm %(year)s: Lao động tiên tiến: %(title)s; hoàn thành xuất sắc nhiệm vụ: "
            "%(excellent)s; sáng kiến được công nhận: %(initiative)s; đề tài nghiệm thu: "
            "%(research)s (cần Lao động tiên tiến và một trong ba điều kiện)."
        ),
        values,
    )


def check_bang_khen_tinh_route(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    """Art. 74, for individuals: 2 consecutive CSTĐCS, or 2 consecutive years of excellent
    completion with 2 initiatives."""
    if ev.form != params.get("form", "bang-khen-tinh") or ev.honoree_kind != "individual":
        return None
    streak_form = params.get("streak_form", "cstdcs")
    years = _years(ev.recognitions, streak_form)
    streak = recent_streak(years, ev.year, int(params.get("recent_within", 1)))
    initiatives = sum(1 for year, _ in ev.initiatives if ev.period[0] <= year <= ev.period[1])
    by_titles = streak >= int(params.get("consecutive", 2))
    by_excellence = ev.excellent_years >= int(params.get("excellent_years", 2)) and (
        initiatives >= int(params.get("initiatives", 2))
    )
    values = {
        "years": _years_text(years),
        "streak": streak,
        "excellent_years": ev.excellent_years,
        "initiatives": initiatives,
    }
    if by_titles or by_excellence:
        return True, gettext_noop("Đủ điều kiện (CSTĐCS các năm: %(years)s)."), values
    return (
        False,
        gettext_noop(
            "Chưa đủ điều kiện: CSTĐCS các năm %(years)s (liên tục gần nhất: %(streak)s năm); "
            "hoàn thành xuất sắc liên tục: %(excellent_years)s năm; sáng kiến: %(initiatives)s."
        ),
        values,
    )


def check_cstd_tinh_basis(ev: Evidence, params: Mapping[str, Any]) -> Outcome:
    """Chiến sĩ thi đua cấp tỉnh: 3 consecutive CSTĐCS and an initiative of provincial scope."""
    if ev.form != params.get("form", "cstd-tinh"):
        return None
    years = _years(ev.recognitions, params.get("streak_form", "cstdcs"))
    streak = recent_streak(years, ev.year, int(params.get("recent_within", 1)))
    scope = params.get("initiative_level", "province")
    provincial = sum(
        1
        for year, level in ev.initiatives
        if level == scope and ev.period[0] <= year <= ev.period[1]
    )
    values = {"years": _years_text(years), "streak": streak, "initiatives": provincial}
    if streak >= int(params.get("consecutive", 3)) and provincial >= 1:
        return True, gettext_noop("Đủ điều kiện (CSTĐCS các năm: %(years)s)."), values
    return (
        False,
        gettext_noop(
            "Chưa đủ điều kiện: CSTĐCS liên tục %(streak)s năm (các năm %(years)s); sáng kiến "
            "phạm vi cấp tỉnh: %(initiatives)s (cần 3 năm liên tục và 1 sáng kiến cấp tỉnh)."
        ),
        values,
    )


CHECKS: dict[str, Callable[[Evidence, Mapping[str, Any]], Outcome]] = {
    "subject_fits": check_subject_fits,
    "form_in_force": check_form_in_force,
    "one_achievement_one_form": check_one_achievement_one_form,
    "ldtt_rating": check_ldtt_rating,
    "cstdcs_basis": check_cstdcs_basis,
    "bang_khen_tinh_route": check_bang_khen_tinh_route,
    "cstd_tinh_basis": check_cstd_tinh_basis,
}


def evaluate(evidence: Evidence, rules: Iterable[Rule]) -> list[Finding]:
    """Every rule that applies to the proposed form, in the order given. Unknown codes are
    skipped (a rule row whose function this version does not have)."""
    findings = []
    for rule in rules:
        check = CHECKS.get(rule.code)
        if check is None:
            continue
        outcome = check(evidence, rule.params)
        if outcome is None:
            continue
        passed, message, values = outcome
        findings.append(
            Finding(rule.code, rule.severity, passed, rule.legal_basis, message, values)
        )
    return findings


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.blocks]
