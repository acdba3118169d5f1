"""Upper bounds on free text, defined once for every app.

An outside probe stored three 4.5 MB edits in a request's free-text fields; the letter PDF then
took 164 s to render (the gunicorn worker timeout is 30 s). Every text a user types is bounded
here: the model field carries the bound (forms and serializers built from it inherit it, the
browser's ``maxlength`` included), hand-written inputs name it, and ``requests_app`` refuses, on
save, any value longer than its field's bound whatever path it came by.

``TEXT_MAX_LENGTH``: about eight printed pages, longer than any summary of facts or list of
questions we have seen in a request, and short enough that a letter with every field full
renders in a few seconds (measured: 22 fields at the bound, PDF 4.1 s, DOCX 0.1 s).
"""

from django.db import models

TEXT_MAX_LENGTH = 20_000


class BoundedTextField(models.TextField):
    """A ``TextField`` with ``TEXT_MAX_LENGTH`` unless it names a bound of its own. The bound is
    not a database constraint on PostgreSQL's ``text``; forms, serializers and the save-time
    check enforce it."""

    def __init__(self, *args, max_length: int | None = TEXT_MAX_LENGTH, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

# Sign-in: Django's user name field holds 150 characters; a password longer than 4,096 is not a
# password but an attempt to make the hasher work for nothing.
USERNAME_MAX_LENGTH = 150
PASSWORD_MAX_LENGTH = 4096
