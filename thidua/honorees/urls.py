"""Registry pages under /dien-hinh/, the public honor roll under /vinh-danh/ (no login)."""

from django.urls import path

from thidua.honorees.views import excel, movements, personal, public, registry

app_name = "honorees"

urlpatterns = [
    path("dien-hinh/", registry.honoree_list, name="honoree-list"),
    path("dien-hinh/them/", registry.honoree_create, name="honoree-create"),
    path("dien-hinh/<int:pk>/", registry.honoree_detail, name="honoree-detail"),
    path("dien-hinh/<int:pk>/sua/", registry.honoree_edit, name="honoree-edit"),
    path("dien-hinh/<int:pk>/khen-thuong/", registry.recognition_add, name="recognition-add"),
    path("dien-hinh/<int:pk>/sang-kien/", registry.initiative_add, name="initiative-add"),
    path("dien-hinh/<int:pk>/thanh-tich/", registry.achievement_add, name="achievement-add"),
    path("dien-hinh/<int:pk>/giai-doan/", registry.stage_move, name="stage-move"),
    path("dien-hinh/<int:pk>/dong-y/", registry.consent_set, name="consent-set"),
    path("dien-hinh/<int:pk>/phong-trao/", registry.movements_set, name="movements-set"),
    path("dien-hinh/<int:pk>/anh/", registry.photo_add, name="photo-add"),
    path("dien-hinh/<int:pk>/video/", registry.video_add, name="video-add"),
    path("dien-hinh/<int:pk>/bai-viet/", registry.story_save, name="story-save"),
    path("dien-hinh/<int:pk>/bai-viet/duyet/", registry.story_publish, name="story-publish"),
    path("dien-hinh/anh/<str:token>/", registry.photo_file, name="photo-file"),
    path("dien-hinh/mau-nhap.xlsx", excel.template_download, name="import-template"),
    path("dien-hinh/nhap-excel/", excel.import_upload, name="import"),
    path("dien-hinh/xuat-excel/", excel.export, name="export"),
    path("phong-trao/", movements.movement_list, name="movement-list"),
    path("vinh-danh/", public.roll_index, name="roll-index"),
    path("vinh-danh/don-vi/<int:pk>/", public.roll_unit, name="roll-unit"),
    path("vinh-danh/phong-trao/<slug:slug>/", public.roll_movement, name="roll-movement"),
    path("vinh-danh/bai/<str:token>/", public.story_page, name="story"),
    path("vinh-danh/anh/<str:token>/", public.public_photo, name="public-photo"),
    # A person's data (issue 11): export, anonymisation.
    path(
        "dien-hinh/<int:pk>/du-lieu-ca-nhan.<str:fmt>",
        personal.personal_export,
        name="personal-export",
    ),
    path("dien-hinh/<int:pk>/an-danh/", personal.anonymise, name="anonymise"),
]
