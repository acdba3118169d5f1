# The production image: the runtime lock only (no test, lint or browser tools), and the app runs
# as an unprivileged user that can write only its stored files and backups.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock
# The code stays owned by root: the app user can read it, not change it.
COPY . .
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && groupadd --system --gid 10001 mla \
    && useradd --system --uid 10001 --gid mla --home-dir /app --no-create-home --shell /usr/sbin/nologin mla \
    && mkdir -p /app/var/media /backups \
    && chown -R mla:mla /app/var/media /backups
USER mla:mla
EXPOSE 8000
CMD ["gunicorn", "mla.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
