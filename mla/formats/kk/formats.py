# Kazakh (kk) date and number formats. Django ships no ``kk`` formats module, so without this one
# dates fall back to the US style. Loaded through FORMAT_MODULE_PATH = ["mla.formats"].
#
# The *_FORMAT strings use the Django date format syntax,
# see https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
# Cyrillic letters are not format characters, so "жылғы" needs no escaping. "E" is the month
# name in the "alt. month" context; locale/kk/LC_MESSAGES/django.po gives it in lower case,
# as Kazakh writes it inside a date (see mla/formats/month_names.py).
DATE_FORMAT = "Y жылғы j E"  # '2026 жылғы 5 наурыз'
TIME_FORMAT = "H:i"  # '14:30'
DATETIME_FORMAT = "Y жылғы j E, H:i"  # '2026 жылғы 5 наурыз, 14:30'
YEAR_MONTH_FORMAT = "Y жылғы E"  # '2026 жылғы наурыз'
MONTH_DAY_FORMAT = "j E"  # '5 наурыз'
SHORT_DATE_FORMAT = "d.m.Y"  # '05.03.2026'
SHORT_DATETIME_FORMAT = "d.m.Y H:i"  # '05.03.2026 14:30'
FIRST_DAY_OF_WEEK = 1  # Monday (дүйсенбі)

# The *_INPUT_FORMATS strings use the Python strftime format syntax,
# see https://docs.python.org/library/datetime.html#strftime-strptime-behavior
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '05.03.2026'
    "%Y-%m-%d",  # '2026-03-05'
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # '14:30:59'
    "%H:%M:%S.%f",  # '14:30:59.000200'
    "%H:%M",  # '14:30'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '05.03.2026 14:30:59'
    "%d.%m.%Y %H:%M:%S.%f",  # '05.03.2026 14:30:59.000200'
    "%d.%m.%Y %H:%M",  # '05.03.2026 14:30'
    "%Y-%m-%d %H:%M:%S",  # '2026-03-05 14:30:59'
    "%Y-%m-%d %H:%M:%S.%f",  # '2026-03-05 14:30:59.000200'
    "%Y-%m-%d %H:%M",  # '2026-03-05 14:30'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
