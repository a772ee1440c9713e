"""The public page that answers a team invitation (the admin views are wired in wagtail_hooks)."""

from django.urls import path

from dashboard import views

urlpatterns = [
    path("<str:token>/", views.answer_invitation, name="dashboard_invitation"),
]
