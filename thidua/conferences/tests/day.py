"""Helpers of the issue-7 tests (the day): an approved list of ten in commune A with a
People's Committee issuer, and invited delegates."""

from __future__ import annotations

import uuid

from thidua.conferences import services
from thidua.conferences.tests.conftest import guest, honoree
from thidua.documents import services as document_services

BASE = "http://testserver/"


def issuer(unit, place="Đông Hòa", line="XÃ ĐÔNG HÒA"):
    return document_services.create_issuer(
        by=None, unit=unit, abbreviation="UBND", name_lines=("ỦY BAN NHÂN DÂN", line), place=place
    )


def approved(conference, officer, unit, *, women=4):
    """Seven honorees (``women`` of them women) and three guests, approved (70/30 holds)."""
    if conference.format == "delegate" and conference.cap is None:
        services.propose_cap(conference, by=officer, proposed=100, reference="01/TTr")
        services.decide_cap(conference, by=officer, cap=100)
    for index in range(7):
        person = honoree(
            unit, "female" if index < women else "male", name=f"Nguyễn Thị Điển Hình {index}"
        )
        services.add_honoree_delegate(conference, by=officer, honoree_id=person.pk)
    guest(conference, officer, name="Trần Văn Khách", gender="male")
    guest(conference, officer, name="Lê Thị Hồng", gender="female")
    guest(conference, officer, name="Phạm Đức Thắng", gender="male", category="leader")
    return services.approve_delegate_list(conference, by=officer)


def invite_one(delegate, officer):
    return services.issue_invitation(delegate, by=officer, base_url=BASE)


def nonce() -> str:
    return uuid.uuid4().hex
