# "My work" reads open requests in the inbox's due order from an index of its own

from django.conf import settings
from django.db import migrations
from django.db import models


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0025_visibility_stage_indexes'),
        ('treaties', '0005_bounded_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(condition=models.Q(('stage_order__lt', 7)), fields=['inbox_due_at', 'id'], name='request_open_due_idx'),
        ),
    ]
