from django.contrib import admin

from thidua.proceedings.models import BaseSalary, OutlineSection


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "amount", "bonus_round_to", "legal_basis")


@admin.register(OutlineSection)
class OutlineSectionAdmin(admin.ModelAdmin):
    list_display = ("order", "code", "title", "statistics", "is_active")
    list_editable = ("is_active",)
