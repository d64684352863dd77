from django.urls import path

from thidua.accounts import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("chon-don-vi/", views.switch_unit, name="switch-unit"),
]
