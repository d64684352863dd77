from django.urls import path

from thidua.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("chua-doc/", views.notification_badge, name="notification-badge"),
    path("<int:pk>/mo/", views.notification_open, name="notification-open"),
    path("doc-het/", views.notification_read_all, name="notification-read-all"),
]
