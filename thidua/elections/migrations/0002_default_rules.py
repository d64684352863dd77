"""The default voting rules (the seed plan): the vote is valid when more than half of the
entitled delegates are present; a nominee is elected with more than half of the valid votes."""

from decimal import Decimal

from django.db import migrations

DEFAULT = {
    "code": "default",
    "name": "Mặc định: quá một nửa số đại biểu có mặt, quá một nửa số phiếu hợp lệ",
    "quorum": Decimal("0.5"),
    "quorum_strict": True,
    "threshold": Decimal("0.5"),
    "threshold_strict": True,
    "threshold_base": "valid",
    "paper_reserve": 2,
    "legal_basis": "Kế hoạch, mục II.3 (nội dung 8 của chương trình hội nghị)",
}


def add_default(apps, schema_editor):
    VotingRules = apps.get_model("elections", "VotingRules")
    values = dict(DEFAULT)
    VotingRules.objects.get_or_create(code=values.pop("code"), defaults=values)


def remove_default(apps, schema_editor):
    apps.get_model("elections", "VotingRules").objects.filter(code="default").delete()


class Migration(migrations.Migration):
    dependencies = [("elections", "0001_initial")]
    operations = [migrations.RunPython(add_default, remove_default)]
