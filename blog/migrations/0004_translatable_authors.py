import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_author_a_key_and_the_posts_locale(apps, schema_editor):
    BlogAuthor = apps.get_model("blog", "BlogAuthor")
    for author in BlogAuthor.objects.select_related("post"):
        author.translation_key = uuid.uuid4()
        author.locale_id = author.post.locale_id
        author.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_plural_names"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="blogauthor",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="blogauthor",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_each_author_a_key_and_the_posts_locale, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="blogauthor",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="blogauthor",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(name="blogauthor", unique_together={("translation_key", "locale")}),
    ]
