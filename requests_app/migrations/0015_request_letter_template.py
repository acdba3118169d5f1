from django.db import migrations


def request_letter_templates_seed(apps, schema_editor):
    """The request letter's frame (subject, opening and closing around ``{contents}``) as the
    office's editable template in Kazakh, Russian and English, from the same default texts as
    every other letter. Templates the office already has are left as they are."""
    from requests_app.documents.letters.correspondence_texts import DEFAULT_TEXTS
    from requests_app.documents.letters.correspondence_texts import REQUEST_KIND

    LetterTemplate = apps.get_model("requests_app", "LetterTemplate")
    for (kind, language), (subject, body) in DEFAULT_TEXTS.items():
        if kind == REQUEST_KIND:
            LetterTemplate.objects.get_or_create(kind=kind, language=language,
                                                 defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):

    dependencies = [
        ("requests_app", "0014_sweep_index_chased_rows"),
    ]

    operations = [
        migrations.RunPython(request_letter_templates_seed, migrations.RunPython.noop),
    ]
