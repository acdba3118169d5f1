# The tab counts of an office's inbox read each way of seeing a request from its own index

import django.db.models.deletion
from django.conf import settings
from django.db import migrations
from django.db import models


class Migration(migrations.Migration):

    dependencies = [
        ('requests_app', '0024_dashboard_indexes'),
        ('treaties', '0005_bounded_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='assistancerequest',
            name='executing_authority',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='requests_executed', to='treaties.authority', verbose_name='executing authority'),
        ),
        migrations.AlterField(
            model_name='assistancerequest',
            name='instrument',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='requests', to='treaties.instrument', verbose_name='instrument'),
        ),
        migrations.AlterField(
            model_name='assistancerequest',
            name='requested_authority',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='requests_received', to='treaties.authority', verbose_name='requested authority'),
        ),
        migrations.AlterField(
            model_name='assistancerequest',
            name='requesting_authority',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='requests_made', to='treaties.authority', verbose_name='requesting authority'),
        ),
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(fields=['requesting_authority', 'stage_order', 'id'], name='request_requesting_stage_idx'),
        ),
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(fields=['requested_authority', 'stage_order', 'id'], name='request_requested_stage_idx'),
        ),
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(fields=['executing_authority', 'stage_order', 'id'], name='request_executing_stage_idx'),
        ),
        migrations.AddIndex(
            model_name='assistancerequest',
            index=models.Index(fields=['instrument', 'stage_order', 'id'], name='request_instrument_stage_idx'),
        ),
    ]
