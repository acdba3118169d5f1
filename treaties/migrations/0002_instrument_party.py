"""Parties with their own dates and declarations: ``Instrument.parties`` goes through
``InstrumentParty``.

The table Django created for the plain many-to-many field (``treaties_instrument_parties``: id,
instrument_id, state_id, unique pair) already has the shape of the new model's first three
columns, so the model takes it over in the migration state only, keeping its rows; the new
columns are then added to it. Nothing is copied or dropped.
"""

import django.db.models.deletion
from django.db import migrations
from django.db import models


class Migration(migrations.Migration):

    dependencies = [
        ("treaties", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InstrumentParty",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                                   serialize=False, verbose_name="ID")),
                        ("instrument", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE,
                            related_name="party_links", to="treaties.instrument",
                            verbose_name="instrument")),
                        ("state", models.ForeignKey(
                            on_delete=django.db.models.deletion.CASCADE,
                            related_name="instrument_links", to="treaties.state",
                            verbose_name="state")),
                    ],
                    options={
                        "verbose_name": "party to an instrument",
                        "verbose_name_plural": "parties to instruments",
                        "db_table": "treaties_instrument_parties",
                        "unique_together": {("instrument", "state")},
                    },
                ),
                migrations.AlterField(
                    model_name="instrument",
                    name="parties",
                    field=models.ManyToManyField(related_name="instruments",
                                                 through="treaties.InstrumentParty",
                                                 to="treaties.state", verbose_name="parties"),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="entered_into_force_on",
            field=models.DateField(blank=True, help_text="Where the instrument enters into force separately for each party (UNTOC Art 38.2). Empty: the instrument's own date applies.", null=True, verbose_name="entered into force for this party on"),
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="withdrawal_notice_received_on",
            field=models.DateField(blank=True, help_text="Where a party may leave while the instrument stays in force between the others (UNTOC Art 40).", null=True, verbose_name="denunciation or withdrawal notice received on"),
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="accepted_languages",
            field=models.CharField(blank=True, default="", max_length=50, verbose_name="accepted languages"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="central_authority",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="treaties.authority", verbose_name="central authority"),
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="oral_requests_accepted",
            field=models.BooleanField(blank=True, null=True, verbose_name="oral requests accepted in urgent cases"),
        ),
        migrations.AddField(
            model_name="instrumentparty",
            name="declarations",
            field=models.JSONField(blank=True, default=dict, verbose_name="declarations"),
        ),
        migrations.AlterField(
            model_name="instrument",
            name="kind",
            field=models.CharField(choices=[("mla_treaty", "mutual legal assistance treaty"), ("police_cooperation", "police cooperation agreement"), ("convention", "multilateral convention")], max_length=30, verbose_name="kind"),
        ),
    ]
