"""Racing signups on a real database server.

These tests commit for real (the threads each use their own connection and cannot see
a test transaction), so they build their own circle and delete it afterwards instead of
flushing the database: the demo content other tests rely on stays in place.
"""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone
from wagtail.models import Locale

from circles import signups
from circles.factories import build_circle
from circles.models import CircleFacilitator, CircleIndexPage, Signup

THREADS = 30


@pytest.fixture
def committed_circle(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrency needs a database server with row locks: run with DATABASE_URL=postgres://... "
            "(SQLite serialises writers with IMMEDIATE transactions, and its in-memory test database "
            "is not shared between threads)."
        )
    with django_db_blocker.unblock():
        index = CircleIndexPage.objects.get(locale=Locale.get_default())
        circle = build_circle(
            timezone.localdate() + timedelta(days=7),
            title="Racing circle",
            signup_limit=5,
            facilitators=[CircleFacilitator(name="Racer")],
        )
        index.add_child(instance=circle)
        circle.save_revision().publish()
        yield circle
        Signup.objects.filter(circle=circle).delete()
        circle.delete()


def race(circle, emails):
    barrier = threading.Barrier(len(emails))
    errors = []

    def worker(email):
        try:
            barrier.wait()
            signups.sign_up(circle, email=email, name=email.split("@")[0], consent=True)
        except Exception as error:  # recorded and asserted on below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_limit_is_never_exceeded_under_concurrent_signups(committed_circle, django_db_blocker):
    with django_db_blocker.unblock():
        errors = race(committed_circle, [f"learner{i}@example.org" for i in range(THREADS)])
        assert errors == []
        rows = Signup.objects.filter(circle=committed_circle)
        assert rows.count() == THREADS
        assert rows.filter(status=Signup.Status.CONFIRMED).count() == 5
        assert rows.filter(status=Signup.Status.WAITING).count() == THREADS - 5
        positions = sorted(s.waiting_position for s in rows.filter(status=Signup.Status.WAITING))
        assert positions == list(range(1, THREADS - 5 + 1))


def test_racing_duplicates_make_one_row(committed_circle, django_db_blocker):
    with django_db_blocker.unblock():
        errors = race(committed_circle, ["same@example.org"] * THREADS)
        assert errors == []
        assert Signup.objects.filter(circle=committed_circle, email="same@example.org").count() == 1
