import pytest

from treaties.services import treaties_load


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The four instruments, their parties and authorities, loaded once for the session."""
    with django_db_blocker.unblock():
        treaties_load()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Factories set a password on every user; the production hasher costs ~0.25 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
