"""Answers to what a visitor asks (a search, a listing's filters), kept until content changes.

What is kept is plain data: the ids on the page of results asked for, the page's number and how many
match. Each request loads those objects again, so what they show (places taken, say) is never older
than the request.
"""

import hashlib

from django.core.paginator import Page, Paginator

from pagecache.generation import kept_until_changed


def kept_answer(request, name, asked, compute):
    """`compute()`, kept until content changes under a digest of `asked`: any text a visitor sends makes a
    key of the same short length."""
    digest = hashlib.sha256(repr(asked).encode()).hexdigest()
    return kept_until_changed(request, f"{name}:{digest}", compute)


def in_order(queryset, ids):
    """The objects of `queryset` with these ids, in the order of the ids."""
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def kept_page(objects, number, per_page, count):
    """The page of results a kept answer describes, its `objects` already loaded."""
    paginator = Paginator([], per_page)
    paginator.count = count
    return Page(objects, number, paginator)


def page_of_ids(ids, per_page, number, count=None):
    """What a kept answer holds for one page of a listing: the ids on it, its number and how many match.

    `ids` is a sorted queryset of primary keys; `count`, when already known, spares counting them."""
    paginator = Paginator(ids, per_page)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(number)
    return {"ids": list(page.object_list), "number": page.number, "count": paginator.count}
