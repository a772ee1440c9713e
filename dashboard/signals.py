"""Learners hear about a moved or cancelled meeting as soon as the circle is published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from circles.models import LearningCirclePage


@receiver(page_published, sender=LearningCirclePage)
def tell_learners_about_changes(sender, instance, **kwargs):
    from dashboard.reminders import circle_changed

    circle_changed(instance)
