import django.db.models.deletion
from django.conf import settings
from django.db import migrations
from django.db import models


def fill_instrument(apps, schema_editor):
    Deadline = apps.get_model("requests_app", "Deadline")
    for deadline in Deadline.objects.select_related("request").iterator():
        deadline.instrument_id = deadline.request.instrument_id
        deadline.save(update_fields=["instrument"])


class Migration(migrations.Migration):
    dependencies = [
        ("requests_app", "0001_initial"),
        ("treaties", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="deadline", name="instrument",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="deadlines", to="treaties.instrument"),
        ),
        migrations.RunPython(fill_instrument, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="deadline", name="instrument",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                    related_name="deadlines", to="treaties.instrument"),
        ),
    ]
