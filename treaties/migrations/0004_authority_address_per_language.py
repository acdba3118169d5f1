from django.db import migrations
from django.db import models


class Migration(migrations.Migration):
    """The authority's address in each working language: the one address kept so far becomes the
    English one (every letter fell back to it)."""

    dependencies = [
        ("treaties", "0003_instrument_partial_suspension_and_agreed_channels"),
    ]

    operations = [
        migrations.RenameField(model_name="authority", old_name="address", new_name="address_en"),
        migrations.AlterField(model_name="authority", name="address_en",
                              field=models.TextField(blank=True, verbose_name="address (English)")),
        migrations.AddField(model_name="authority", name="address_ru",
                            field=models.TextField(blank=True, verbose_name="address (Russian)")),
        migrations.AddField(model_name="authority", name="address_kk",
                            field=models.TextField(blank=True, verbose_name="address (Kazakh)")),
    ]
