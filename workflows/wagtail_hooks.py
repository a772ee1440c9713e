from django.urls import include, path
from wagtail import hooks

from workflows import localize


@hooks.register("register_admin_urls", order=-10)
def register_guarded_localize_urls():
    """Same addresses as wagtail-localize's views, listed first, so these guarded versions answer."""
    urls = [
        path("submit/page/<int:page_id>/", localize.SubmitPageTranslation.as_view(), name="submit_page"),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize.SubmitSnippetTranslation.as_view(),
            name="submit_snippet",
        ),
        path("update/<int:translation_source_id>/", localize.UpdateTranslations.as_view(), name="update"),
    ]
    return [path("localize/", include((urls, "workflows_localize"), namespace="workflows_localize"))]


hooks.register("before_edit_page", localize.edit_translation_guard, order=-10)
