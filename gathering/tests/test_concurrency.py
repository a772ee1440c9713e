"""Racing submissions on a real database server: never over capacity, one row per email.

These tests commit for real (threads cannot see a test transaction), so they use no pytest-django
database fixture and delete what they created afterwards: the demo data other tests rely on stays.
"""

import threading

import pytest
from django.db import connection, connections

from gathering import registrations
from gathering.factories import GatheringPageFactory
from gathering.models import GatheringIndexPage, Registration
from gathering.tests.conftest import details

THREADS = 30


@pytest.fixture
def committed_gathering(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip("row locking under real concurrency needs PostgreSQL; SQLite serialises writers itself")
        from wagtail.models import Locale

        index = GatheringIndexPage.objects.get(locale=Locale.get_default())
        page = GatheringPageFactory.build(capacity=5)
        index.add_child(instance=page)
        try:
            yield page
        finally:
            Registration.objects.filter(gathering=page).delete()
            page.delete()
            from home.models import OutboundEmail

            OutboundEmail.objects.filter(to__endswith="@race.example.org").delete()


def race(gathering, emails):
    barrier = threading.Barrier(len(emails))
    errors = []

    def submit(email):
        try:
            barrier.wait()
            registrations.register(gathering, details(email))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_thirty_at_once_for_five_places(committed_gathering, django_db_blocker):
    with django_db_blocker.unblock():
        errors = race(committed_gathering, [f"person{i}@race.example.org" for i in range(THREADS)])
        assert errors == []
        statuses = list(Registration.objects.filter(gathering=committed_gathering).values_list("status", flat=True))
    assert statuses.count(Registration.Status.CONFIRMED) == 5
    assert statuses.count(Registration.Status.WAITING) == THREADS - 5


def test_the_same_email_racing_is_one_registration(committed_gathering, django_db_blocker):
    with django_db_blocker.unblock():
        errors = race(committed_gathering, ["twin@race.example.org"] * 10)
        assert errors == []
        assert Registration.objects.filter(gathering=committed_gathering).count() == 1
