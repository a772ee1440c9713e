import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from circles.factories import circle_form_data
from circles.models import TeamPage
from guides.models import GuideIndexPage

ADMIN_LINK = re.compile(r"https?://[^/\s]+(/admin/[^\s]+)")


def login(client, username_or_user):
    """A fresh session, so no message from another user's request shows on the page."""
    client.logout()
    client.cookies.clear()
    client.force_login(username_or_user if not isinstance(username_or_user, str) else user(username_or_user))


def denied(response):
    """Wagtail answers a refused admin action with 403 or a redirect to the admin home with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url in ("/admin/", "/admin"))


def user(username):
    return get_user_model().objects.get(username=username)


def team(slug):
    return TeamPage.objects.get(slug=slug, locale=Locale.get_default())


def guide_index():
    return GuideIndexPage.objects.get(locale=Locale.get_default())


def chapter_data(title="Plan the first meeting", slug="plan-the-first-meeting", summary="Book a room and a time."):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "quote_text": "",
            "quote_author": "",
            "quote_role": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def circle_data(title="Poetry at Nakuru", slug="poetry-nakuru", facilitator=None):
    return circle_form_data(timezone.localdate() + timedelta(days=10), title, slug, facilitator)


def add_page(client, parent, model, data, action="action-submit"):
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    response = client.post(url, {**data, action: "x"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return model.objects.child_of(parent).get(slug=data["slug"])


def workflow_action(client, page, action, comment=""):
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment})


def emails_to(user_obj):
    return [message for message in mail.outbox if user_obj.email in message.to]


def admin_links(message):
    return ADMIN_LINK.findall(message.body)


def fresh(page):
    return Page.objects.get(pk=page.pk).specific
