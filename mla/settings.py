"""Settings, read from the environment.

Defaults give the embedded set-up: SQLite and a filesystem Celery transport, no server needed.
DATABASE_URL switches to PostgreSQL, CELERY_BROKER_URL to Redis. Production must set
DJANGO_SECRET_KEY and DJANGO_DEBUG=false.
"""

import json
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("MLA_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
# The fallback key is only for local development (DEBUG on); production has no default.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or (
    "insecure-development-key-never-use-in-production" if DEBUG else ""
)
if not SECRET_KEY:
    raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false")
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h]

# --- Transport security: secure by default whenever DEBUG is off ---------------------------------
# With only DJANGO_DEBUG=false, DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS set, ``check --deploy``
# reports nothing. Each is overridable from the environment (e.g. MLA_SSL_REDIRECT=false where a
# proxy already redirects). Behind a TLS-terminating proxy, the proxy sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("MLA_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("MLA_HSTS_SECONDS") or (0 if DEBUG else 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("MLA_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("MLA_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("MLA_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp), in every mode --------------------------------------------
# The app ships its own scripts, styles and fonts and uses no inline style or script (htmx is
# configured not to inject or evaluate any; see templates/base.html), so the policy is "self" and
# nothing else. Only the third-party pages whose templates we do not own (the Django admin, the API
# docs) get inline styles, still no inline script: ``mla.middleware.ThirdPartyPageStyles``.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "treaties",
    "requests_app",
    "statistics_app",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "mla.middleware.ThirdPartyPageStyles",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mla.middleware.RejectNulCharactersMiddleware",
    "mla.middleware.ApiNoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Refuses a locked-out sign-in (django-axes); last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

# --- Sign-in throttling (django-axes) --------------------------------------------------------------
# Failed sign-ins are counted per user name and address, on the web login and the API's token
# endpoint alike (both authenticate through these backends); after MLA_LOGIN_FAILURE_LIMIT of
# them the pair is locked out for MLA_LOGIN_LOCKOUT_MINUTES, the right password included.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("MLA_LOGIN_FAILURE_LIMIT") or "10")
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MLA_LOGIN_LOCKOUT_MINUTES") or "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner at every start
# API tokens expire after this long; a password change revokes them at once.
MLA_API_TOKEN_HOURS = int(os.environ.get("MLA_API_TOKEN_HOURS") or "12")
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("MLA_PROXY_COUNT") or "0")

ROOT_URLCONF = "mla.urls"
WSGI_APPLICATION = "mla.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "requests_app.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("MLA_SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            # Checked with two workers and beat on one file: WAL plus IMMEDIATE transactions
            # avoid "database is locked" when writers meet.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# List pages served again while the database has not changed (``requests_app.page_cache``:
# PostgreSQL only, keyed by its WAL position, kept in each process's memory for one minute at
# most). MLA_PAGE_CACHE=false renders every page afresh.
MLA_PAGE_CACHE = env_bool("MLA_PAGE_CACHE", True)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mla-pages",
        "TIMEOUT": 60,
        # About 60 KB a page: at most ~30 MB per process.
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Uploads (attachments): the web server refuses larger bodies before Django reads them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- REST API ---------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "requests_app.api.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's defaults with its JSON parser bounded in depth (a deeply nested body is a 400, not a
    # RecursionError); endpoints that take only JSON name it themselves.
    "DEFAULT_PARSER_CLASSES": [
        "requests_app.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "requests_app.api.schema.AutoSchema",
    # Domain errors (not found, not permitted, changed meanwhile, treaty rule) become 404, 403,
    # 409 and 422 with one consistent body.
    "EXCEPTION_HANDLER": "requests_app.api.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "mla API",
    "DESCRIPTION": "Mutual legal assistance and police-cooperation requests: the same rules and "
                   "permissions as the web app. Every treaty rule that blocks an action answers "
                   "422 with the rule, its citation and a message.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # served by the app itself: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The schema and its docs page describe the API; they reveal no data.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # One name per set of bases: a rule's or a term's (treaty / office policy), a deadline's
    # (also the requesting side's date), a log row's (treaty / office procedure).
    "ENUM_NAME_OVERRIDES": {
        "RuleBasisEnum": ["treaty", "office_policy"],
        "DeadlineBasisEnum": "requests_app.models.DeadlineBasis",
        "OffenceCategoryEnum": "treaties.rulebook.offences.OFFENCE_CATEGORY_INPUT_CODES",
    },
}

# --- Languages and time ------------------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django ships no Kazakh date/number formats; ours are in mla/formats/kk.
FORMAT_MODULE_PATH = ["mla.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("MLA_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from here after collectstatic
STATICFILES_DIRS = [BASE_DIR / "static"]  # htmx, styles and fonts ship with the project: no CDN
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MLA_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"

# --- Celery ---------------------------------------------------------------------------------
# The filesystem transport ignores the host, but kombu warns at every start when none is named.
EMBEDDED_BROKER_URL = "filesystem://localhost/"
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", EMBEDDED_BROKER_URL)
if CELERY_BROKER_URL in (EMBEDDED_BROKER_URL, "filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": True,
    }
else:
    # A task whose worker died is handed to another after this long (acks_late); our tasks are
    # short and idempotent, so a few minutes is safe.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- Domain tunables (MLA_*) ----------------------------------------------------------------
# Where an instrument asks for written confirmation of an oral request "without delay" and gives
# no figure (CZ Art 9.1), this is the office's own target, shown as office policy, never as a
# treaty term. MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS, its name before it applied to any
# instrument, is still read when the new variable is not set; it is deprecated.
MLA_ORAL_CONFIRMATION_TARGET_HOURS = int(
    os.environ.get("MLA_ORAL_CONFIRMATION_TARGET_HOURS")
    or os.environ.get("MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS")
    or "48")
# The office's own rules where it is stricter than a text; each is shown as office policy, never
# cited as the treaty. Reasons for every refusal, deferral or partial execution by Kazakhstan,
# even where the text asks only for a written notice (CZ 9.5):
MLA_OFFICE_REASONS_ALWAYS_GIVEN = os.environ.get(
    "MLA_OFFICE_REASONS_ALWAYS_GIVEN", "true").lower() not in ("0", "false", "no")
# Instruments under which the office consults the requesting side before refusing or deferring
# although the text does not require it (BR 3.3 offers consultation only on assisting on
# conditions); comma-separated slugs, empty for none.
MLA_OFFICE_CONSULTATION_BEFORE_REFUSAL = [
    slug.strip() for slug in os.environ.get(
        "MLA_OFFICE_CONSULTATION_BEFORE_REFUSAL", "kz-br-2018").split(",") if slug.strip()]
# Four eyes (office policy): whoever submitted a draft for review may not approve it, supervisors
# included. A small office where one person must do both may switch it off; the approval's log
# entry then still names who submitted and who approved.
MLA_FOUR_EYES = os.environ.get("MLA_FOUR_EYES", "true").lower() not in ("0", "false", "no")
# Notices a treaty wants "immediately", "promptly" or "without delay" (CZ 9.5, SK 7.7, RS 7.1,
# 8.2, BR 7.2, 8.3, 24.8, 24.9): the office's target in hours after the event, shown as office
# policy. Notices and consultations for which the text sets no time at all (RS 5.4, 6.4, BR 3.4,
# 5.1, 5.4, 15.3, 18.3(b), 24.7, 27.4): the office's target in days.
MLA_NOTICE_TARGET_HOURS = int(os.environ.get("MLA_NOTICE_TARGET_HOURS") or "24")
MLA_NOTICE_UNTIMED_TARGET_DAYS = int(os.environ.get("MLA_NOTICE_UNTIMED_TARGET_DAYS") or "30")
# Executing a request Kazakhstan received, where the text says "without delay" (SK 7.5, BR 24.1),
# "in urgent manner" (CZ 9.2) or "as soon as possible" (RS 6.5): the office's target in days from
# receipt, shown as office policy.
MLA_EXECUTION_TARGET_DAYS = int(os.environ.get("MLA_EXECUTION_TARGET_DAYS") or "30")
# The correspondence register (office policy, never a treaty term): a reply to a letter we sent
# with a reply date is reminded this many days before that date (and the day before); an
# outgoing request with no letter from the other side for MLA_STATUS_INQUIRY_AFTER_DAYS since it
# was transmitted (or since the last letter either way) calls for a status inquiry, whose reply
# is due MLA_STATUS_INQUIRY_REPLY_DAYS after it is sent unless the clerk sets another date.
MLA_REPLY_REMINDER_DAYS = int(os.environ.get("MLA_REPLY_REMINDER_DAYS") or "7")
MLA_STATUS_INQUIRY_AFTER_DAYS = int(os.environ.get("MLA_STATUS_INQUIRY_AFTER_DAYS") or "60")
MLA_STATUS_INQUIRY_REPLY_DAYS = int(os.environ.get("MLA_STATUS_INQUIRY_REPLY_DAYS") or "30")
# Where a text states no date of entry into force (SK 12.1, RS 22.2, BR 30.1) the rulebook carries
# the date the office recorded (office policy). These override it for a fresh database, by
# instrument slug: MLA_ENTRY_INTO_FORCE_DEFAULTS='{"kz-rs-2015": "2016-12-01"}', or one variable
# per instrument, MLA_ENTRY_INTO_FORCE_<SLUG> (MLA_ENTRY_INTO_FORCE_KZ_RS_2015=2016-12-01).
# Later edits in the admin stay.
MLA_ENTRY_INTO_FORCE_DEFAULTS = {
    **json.loads(os.environ.get("MLA_ENTRY_INTO_FORCE_DEFAULTS", "{}")),
    **{name.removeprefix("MLA_ENTRY_INTO_FORCE_").lower().replace("_", "-"): value
       for name, value in os.environ.items()
       if name.startswith("MLA_ENTRY_INTO_FORCE_") and name != "MLA_ENTRY_INTO_FORCE_DEFAULTS"},
}

# Registers: office targets in days where the text says "immediately" or gives no figure
# (labelled office policy on every deadline row, never cited as a treaty term): correction or
# destruction after a notice of inaccurate personal data (CZ 10.4, SK 5.4), the report on use
# (CZ 10.3, SK 5.2), the consultation on extraordinary costs (BR 27.4), the notice of a
# disclosure the law required (BR 5.4).
MLA_PERSONAL_DATA_CORRECTION_TARGET_DAYS = int(
    os.environ.get("MLA_PERSONAL_DATA_CORRECTION_TARGET_DAYS", "5"))
MLA_PERSONAL_DATA_USE_REPORT_TARGET_DAYS = int(
    os.environ.get("MLA_PERSONAL_DATA_USE_REPORT_TARGET_DAYS", "30"))
MLA_COST_CONSULTATION_TARGET_DAYS = int(os.environ.get("MLA_COST_CONSULTATION_TARGET_DAYS", "10"))
MLA_DISCLOSURE_NOTICE_TARGET_DAYS = int(os.environ.get("MLA_DISCLOSURE_NOTICE_TARGET_DAYS", "5"))

# Reminder lead times per deadline kind, in hours, overriding treaties.rules.deadlines defaults,
# e.g. MLA_REMINDER_LEAD_HOURS='{"summons_transmission": [336, 168, 24]}'.
MLA_REMINDER_LEAD_HOURS = json.loads(os.environ.get("MLA_REMINDER_LEAD_HOURS", "{}"))
# How often beat sweeps due deadlines and sends pending e-mails.
MLA_SWEEP_INTERVAL_SECONDS = float(os.environ.get("MLA_SWEEP_INTERVAL_SECONDS", "60"))
MLA_SWEEP_BATCH_SIZE = int(os.environ.get("MLA_SWEEP_BATCH_SIZE", "500"))

# The statistics page reads aggregates rebuilt by beat this often (seconds): its figures are as
# of the last rebuild (the page says when); the lists behind them are always live. Off
# (MLA_STATISTICS_AGGREGATES=false): every figure is read from the statistics rows themselves.
MLA_STATISTICS_REFRESH_SECONDS = float(os.environ.get("MLA_STATISTICS_REFRESH_SECONDS", "300"))
MLA_STATISTICS_AGGREGATES = env_bool("MLA_STATISTICS_AGGREGATES", True)

CELERY_BEAT_SCHEDULE = {
    "sweep-deadlines": {"task": "requests_app.tasks.sweep_deadlines",
                        "schedule": MLA_SWEEP_INTERVAL_SECONDS},
    "send-notification-emails": {"task": "requests_app.tasks.send_notification_emails",
                                 "schedule": MLA_SWEEP_INTERVAL_SECONDS},
    "sync-instrument-duties": {"task": "requests_app.tasks.sync_instrument_duties",
                               "schedule": 3600.0},
    "refresh-statistics": {"task": "statistics_app.tasks.refresh_statistics",
                           "schedule": MLA_STATISTICS_REFRESH_SECONDS},
}

# --- E-mail ---------------------------------------------------------------------------------
# Console in the demo; set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the
# EMAIL_HOST* variables for SMTP.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "mla@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # A 403 is logged in one line, without the traceback of PermissionDenied (mla.log_filters).
    "filters": {"no_403_traceback": {"()": "mla.log_filters.PermissionDeniedWithoutTraceback"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MLA_LOG_LEVEL", "INFO")},
    # fpdf2 subsets the embedded fonts with fontTools, which logs every table it prunes at INFO:
    # dozens of lines per letter generated.
    "loggers": {"fontTools": {"level": "WARNING"},
                "django.request": {"filters": ["no_403_traceback"]}},
}
