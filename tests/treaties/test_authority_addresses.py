"""Our authorities' addresses in each working language: loaded from home.py, never overwriting an
address the office corrected in the admin."""

import pytest
from django.utils import translation

from treaties.models import Authority
from treaties.services import treaties_load

pytestmark = pytest.mark.django_db


def test_the_general_prosecutors_office_has_its_address_in_kazakh_russian_and_english():
    treaties_load()
    gpo = Authority.objects.get(code="kz-gpo")
    assert gpo.address_in("ru") == "г. Астана, проспект Мангилик Ел, 14"
    assert gpo.address_in("kk") == "Астана қ., Мәңгілік Ел даңғылы, 14"
    with translation.override("kk"):
        assert gpo.address == "Астана қ., Мәңгілік Ел даңғылы, 14"


def test_an_address_the_office_corrected_is_kept_and_a_missing_one_falls_back_to_english():
    treaties_load()
    Authority.objects.filter(code="kz-gpo").update(address_ru="Исправлено", address_kk="")
    treaties_load()
    gpo = Authority.objects.get(code="kz-gpo")
    assert gpo.address_in("ru") == "Исправлено"
    assert gpo.address_in("kk") == "Астана қ., Мәңгілік Ел даңғылы, 14"  # blank: filled again
    serbian = Authority.objects.get(code="rs-justice")
    assert serbian.address_in("ru") == serbian.address_en == "Belgrade"
