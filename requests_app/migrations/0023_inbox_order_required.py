# The inbox's sort time required and indexed, in its own migration: on PostgreSQL a table
# cannot be altered in the transaction whose UPDATE (0022's backfill) left trigger events pending.

from django.db import migrations
from django.db import models


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0022_inbox_order'),
    ]

    operations = [
        migrations.AlterField(
            model_name='assistancerequest',
            name='inbox_due_at',
            field=models.DateTimeField(editable=False, verbose_name='inbox sort time'),
        ),
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(fields=['stage_order', 'inbox_due_at', 'id', 'requesting_authority', 'requested_authority', 'executing_authority', 'instrument'], name='inbox_order_idx'),
        ),
    ]
