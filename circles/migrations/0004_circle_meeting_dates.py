from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_meeting_dates(apps, schema_editor):
    LearningCirclePage = apps.get_model("circles", "LearningCirclePage")
    Meeting = apps.get_model("circles", "Meeting")
    meetings = Meeting.objects.filter(circle=OuterRef("pk")).order_by()
    LearningCirclePage.objects.update(
        first_meeting_date=Subquery(meetings.order_by("date").values("date")[:1]),
        last_meeting_date=Subquery(meetings.order_by("-date").values("date")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("circles", "0003_signup_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="learningcirclepage",
            name="first_meeting_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="learningcirclepage",
            name="last_meeting_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.RunPython(copy_meeting_dates, migrations.RunPython.noop),
    ]
