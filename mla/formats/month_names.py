"""Month names for the long Kazakh date formats (mla/formats/kk/formats.py).

Django's own kk catalogue capitalises the "alt. month" names ("Наурыз"), but Kazakh writes a month
in lower case inside a date: "2026 жылғы 5 наурыз". The project catalogue (LOCALE_PATHS) takes
precedence over Django's, so locale/kk/LC_MESSAGES/django.po translates these msgids in lower
case; locale/ru keeps Django's Russian genitive forms ("марта").

These calls mirror MONTHS_ALT in django/utils/dates.py. They exist only so that makemessages keeps
the msgids in the catalogues; this module is never imported.
"""

from django.utils.translation import pgettext_lazy

MONTHS_ALT = {
    1: pgettext_lazy("alt. month", "January"),
    2: pgettext_lazy("alt. month", "February"),
    3: pgettext_lazy("alt. month", "March"),
    4: pgettext_lazy("alt. month", "April"),
    5: pgettext_lazy("alt. month", "May"),
    6: pgettext_lazy("alt. month", "June"),
    7: pgettext_lazy("alt. month", "July"),
    8: pgettext_lazy("alt. month", "August"),
    9: pgettext_lazy("alt. month", "September"),
    10: pgettext_lazy("alt. month", "October"),
    11: pgettext_lazy("alt. month", "November"),
    12: pgettext_lazy("alt. month", "December"),
}
