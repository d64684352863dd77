"""The award catalogue is data seeded from the Law of 2022, with legal basis and validity."""

import datetime as dt
from decimal import Decimal

import pytest

from thidua.awards.models import AwardForm

SEEDED = {
    "ldtt",
    "cstdcs",
    "cstd-tinh",
    "cstd-toan-quoc",
    "ttldtt",
    "ttldxs",
    "co-thi-dua-tinh",
    "co-thi-dua-chinh-phu",
    "xa-tieu-bieu",
    "xa-phuong-dac-khu-tieu-bieu",
    "thon-van-hoa",
    "gia-dinh-van-hoa",
    "giay-khen",
    "bang-khen-tinh",
    "bang-khen-thu-tuong",
    "ky-niem-chuong",
    "huy-chuong",
    "huan-chuong-lao-dong-hang-ba",
    "huan-chuong-lao-dong-hang-nhi",
    "huan-chuong-lao-dong-hang-nhat",
    "huan-chuong-doc-lap-hang-ba",
    "anh-hung-lao-dong",
}


@pytest.mark.django_db
def test_catalogue_holds_the_titles_and_forms_of_the_2022_law():
    assert set(AwardForm.objects.values_list("code", flat=True)) == SEEDED
    cstdcs = AwardForm.objects.get(code="cstdcs")
    assert (cstdcs.subject, cstdcs.kind, cstdcs.level) == ("individual", "title", "grassroots")
    assert cstdcs.legal_basis == "Điều 21, Luật Thi đua, khen thưởng số 06/2022/QH15"
    assert AwardForm.objects.get(code="bang-khen-tinh").legal_article == "Điều 74"
    assert AwardForm.objects.get(code="gia-dinh-van-hoa").subject == "household"


@pytest.mark.django_db
def test_the_commune_title_is_renamed_on_14_june_2025():
    def names_on(day):
        return set(
            AwardForm.objects.valid_on(day)
            .filter(code__contains="tieu-bieu")
            .values_list("name", flat=True)
        )

    assert names_on(dt.date(2023, 12, 31)) == set()
    assert names_on(dt.date(2025, 6, 13)) == {"Xã, phường, thị trấn tiêu biểu"}
    assert names_on(dt.date(2025, 6, 14)) == {"Xã, phường, đặc khu tiêu biểu"}


@pytest.mark.django_db
def test_for_subject_and_bonus_for_collectives():
    individual = set(AwardForm.objects.for_subject("individual").values_list("code", flat=True))
    assert "cstdcs" in individual and "giay-khen" in individual and "ttldtt" not in individual
    household = set(AwardForm.objects.for_subject("household").values_list("code", flat=True))
    assert household == {"gia-dinh-van-hoa"}
    giay_khen = AwardForm.objects.get(code="giay-khen")
    assert giay_khen.bonus_for(collective=False) == Decimal("0.30")
    assert giay_khen.bonus_for(collective=True) == Decimal("0.60")
    flag = AwardForm.objects.get(code="co-thi-dua-tinh")
    assert flag.artefacts == ["cờ"]


@pytest.mark.django_db
def test_ranks_order_forms_high_to_low():
    codes = list(AwardForm.objects.values_list("code", flat=True))
    assert (
        codes.index("anh-hung-lao-dong")
        < codes.index("cstd-toan-quoc")
        < codes.index("cstdcs")
        < codes.index("ldtt")
    )
