"""The web sign-in form with bounded inputs (``mla.limits``)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from .limits import PASSWORD_MAX_LENGTH


class BoundedAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, whose password field has no bound of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields["password"]
        assert isinstance(password, forms.CharField)
        password.max_length = PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
        password.widget.attrs["maxlength"] = str(PASSWORD_MAX_LENGTH)
