from django import template

from workflows.localize import review_context

register = template.Library()


@register.simple_tag
def translation_review(page, user):
    return review_context(page, user)
