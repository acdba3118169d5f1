# The deadlines list reads a keyset page in due order from an index of its own

from django.conf import settings
from django.db import migrations
from django.db import models


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0026_my_work_due_index'),
        ('treaties', '0005_bounded_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='deadline',
            index=models.Index(fields=['due_at', 'id'], name='deadline_due_idx'),
        ),
    ]
