"""The web sign-in form with bounded inputs (``mla.limits``)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import UsernameField
from django.utils.translation import gettext_lazy as _

from .limits import PASSWORD_MAX_LENGTH
from .limits import USERNAME_MAX_LENGTH


class BoundedAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, whose password field has no bound of its own and whose user name
    gets its bound only when the form is made; both are declared bounded here."""

    username = UsernameField(max_length=USERNAME_MAX_LENGTH,
                             widget=forms.TextInput(attrs={"autofocus": True}))
    password = forms.CharField(
        label=_("Password"), strip=False, max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
