from django.urls import path

from thidua.elections import views

app_name = "elections"

urlpatterns = [
    path("", views.index, name="index"),
    path("hoi-nghi/<int:pk>/", views.conference, name="conference"),
    path("hoi-nghi/<int:pk>/phan-bo/", views.allocation, name="allocation"),
    path("hoi-nghi/<int:pk>/quy-dinh/", views.rules_edit, name="rules-edit"),
    path("hoi-nghi/<int:pk>/gioi-thieu/", views.nominate, name="nominate"),
    path(
        "hoi-nghi/<int:pk>/gioi-thieu-dien-hinh/", views.nominate_honoree, name="nominate-honoree"
    ),
    path("hoi-nghi/<int:pk>/rut/", views.withdraw, name="withdraw"),
    path("hoi-nghi/<int:pk>/bieu-quyet/tao/", views.poll_create, name="poll-create"),
    path("bieu-quyet/<int:pk>/", views.poll, name="poll"),
    path("bieu-quyet/<int:pk>/bat-dau/", views.poll_open, name="poll-open"),
    path("bieu-quyet/<int:pk>/cap-lai-ma/", views.poll_reissue, name="poll-reissue"),
    path("bieu-quyet/<int:pk>/gio-tay/", views.poll_hands, name="poll-hands"),
    path("bieu-quyet/<int:pk>/hom-phieu/", views.poll_box, name="poll-box"),
    path("bieu-quyet/<int:pk>/phieu.pdf", views.poll_ballots, name="poll-ballots"),
    path("bieu-quyet/<int:pk>/ket-thuc/", views.poll_close, name="poll-close"),
    path("bieu-quyet/<int:pk>/bau-lai/", views.poll_runoff, name="poll-runoff"),
    path("bieu-quyet/<int:pk>/chung-nhan/", views.poll_certify, name="poll-certify"),
    path("bieu-quyet/<int:pk>/dinh-chinh/", views.poll_correct, name="poll-correct"),
    path("phieu/<str:token>/", views.vote, name="vote"),
    path("bien-nhan/", views.receipt, name="receipt"),
]
