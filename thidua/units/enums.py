"""Vocabularies of the unit tree and of memberships. Stored values are lowercase English."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    """Administrative level. Non-territorial units (agencies) attach to a level too."""

    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class UnitKind(models.TextChoices):
    # Territorial units (Law on Local Government; Resolution 1211/2016, as amended 2025).
    PROVINCE = "province", _("Tỉnh")
    CENTRAL_CITY = "central_city", _("Thành phố trực thuộc trung ương")
    RURAL_DISTRICT = "rural_district", _("Huyện")
    URBAN_DISTRICT = "urban_district", _("Quận")
    DISTRICT_TOWN = "district_town", _("Thị xã")
    PROVINCIAL_CITY = "provincial_city", _("Thành phố thuộc tỉnh")
    COMMUNE = "commune", _("Xã")
    WARD = "ward", _("Phường")
    TOWNSHIP = "township", _("Thị trấn")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")
    # Non-territorial units.
    AGENCY = "agency", _("Cơ quan")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    SOCIO_POLITICAL = "socio_political", _("Tổ chức chính trị - xã hội")

    @classmethod
    def territorial(cls) -> frozenset[str]:
        return frozenset(
            {
                cls.PROVINCE,
                cls.CENTRAL_CITY,
                cls.RURAL_DISTRICT,
                cls.URBAN_DISTRICT,
                cls.DISTRICT_TOWN,
                cls.PROVINCIAL_CITY,
                cls.COMMUNE,
                cls.WARD,
                cls.TOWNSHIP,
                cls.SPECIAL_ZONE,
            }
        )


# The level each territorial kind belongs to; non-territorial kinds take their parent's level.
LEVEL_OF_KIND: dict[str, str] = {
    UnitKind.PROVINCE: UnitLevel.PROVINCE,
    UnitKind.CENTRAL_CITY: UnitLevel.PROVINCE,
    UnitKind.RURAL_DISTRICT: UnitLevel.DISTRICT,
    UnitKind.URBAN_DISTRICT: UnitLevel.DISTRICT,
    UnitKind.DISTRICT_TOWN: UnitLevel.DISTRICT,
    UnitKind.PROVINCIAL_CITY: UnitLevel.DISTRICT,
    UnitKind.COMMUNE: UnitLevel.COMMUNE,
    UnitKind.WARD: UnitLevel.COMMUNE,
    UnitKind.TOWNSHIP: UnitLevel.COMMUNE,
    UnitKind.SPECIAL_ZONE: UnitLevel.COMMUNE,
}


class UnitSource(models.TextChoices):
    """Where a unit's record comes from; official codes are unique within a source."""

    LEGACY = "legacy", _("Danh mục cũ (đến 30/6/2025)")
    CURRENT = "current", _("Danh mục mới (từ 01/7/2025)")
    LOCAL = "local", _("Nhập tại đơn vị")


class Role(models.TextChoices):
    ORGANIZER = "organizer", _("Cán bộ tổ chức (Nội vụ / UBND)")
    COUNCIL = "council", _("Hội đồng Thi đua - Khen thưởng")
    LEADER = "leader", _("Lãnh đạo (Chủ tịch / Phó Chủ tịch)")
    FRONT = "front", _("Mặt trận Tổ quốc và đoàn thể")
    PROPAGANDA = "propaganda", _("Tuyên truyền (Văn hóa - Thông tin)")
    VIEWER = "viewer", _("Xem")
