from django.urls import path

from . import views

urlpatterns = [
    path("metrics/", views.metric_list, name="metric-list"),
    path("metrics/<id:pk>/", views.metric_detail, name="metric"),
    path("metrics/<id:pk>/series.csv", views.metric_csv, name="metric-csv"),
]
