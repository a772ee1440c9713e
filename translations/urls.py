from django.urls import path

from translations import views

app_name = "translations"
urlpatterns = [
    path("", views.TranslationsToUpdateView.as_view(), name="report"),
    path("results/", views.TranslationsToUpdateView.as_view(results_only=True), name="report_results"),
    path("<int:translation_id>/sync/", views.sync_and_edit, name="sync_and_edit"),
]
