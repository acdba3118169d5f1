import pytest

from treaties.services import treaties_load


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The four instruments, their parties and authorities, loaded once for the session."""
    with django_db_blocker.unblock():
        treaties_load()
