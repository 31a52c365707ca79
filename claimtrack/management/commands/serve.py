"""``manage.py serve``: the whole app from one command, for a laptop or a demo.

Migrates, makes a demo admin user (DEBUG only), starts a real Celery worker
and beat as child processes, ingests the given paths and waits for them to be
processed, then serves the site with gunicorn until Ctrl-C, which stops every
child before the command returns.

With no ``DATABASE_URL`` / ``CELERY_BROKER_URL`` this process starts the
embedded PostgreSQL and Redis (see ``claimtrack/embedded.py``) and hands their
URLs to its children, so the servers live exactly as long as this command.
A deployment runs gunicorn, the worker and beat as separate services instead
(docker-compose.yml).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "admin"
STOP_TIMEOUT_SECONDS = 20
POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = (
        "Migrate, ingest PATHs, start a Celery worker and beat, and serve the site "
        "with gunicorn; Ctrl-C stops everything."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ingest",
            nargs="+",
            action="extend",
            default=[],
            metavar="PATH",
            help="Files or folders to ingest (and wait for) before serving.",
        )
        parser.add_argument("--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on (default 8000).")
        parser.add_argument(
            "--web-workers", type=int, default=2, help="gunicorn worker processes (default 2)."
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Start no Celery worker or beat; ingested articles are then processed in this process.",
        )

    def handle(self, *, ingest: list[str], host: str, port: int, web_workers: int,
               no_worker: bool, **options: object) -> None:
        call_command("migrate", interactive=False, verbosity=1)
        if not settings.DEBUG:
            # CompressedManifestStaticFilesStorage serves only collected files.
            call_command("collectstatic", interactive=False, verbosity=0)
        if settings.DEBUG:
            self.demo_admin_ensure()

        children: dict[str, subprocess.Popen] = {}
        # SIGTERM (docker stop, kill) takes the same path as Ctrl-C; SIGINT is
        # set explicitly because a shell starts background jobs with it ignored.
        signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
        signal.signal(signal.SIGINT, raise_keyboard_interrupt)
        try:
            if not no_worker:
                children["worker"] = spawn(celery_command("worker", "--loglevel", "INFO"))
                children["beat"] = spawn(
                    celery_command("beat", "--loglevel", "INFO", "--schedule", str(beat_schedule_path()))
                )
            if ingest:
                self.ingest(ingest, inline=no_worker)
            children["web"] = spawn(gunicorn_command(host, port, web_workers))
            self.stdout.write(self.style.SUCCESS(
                f"ClaimTrack is running at http://{host}:{port}/  "
                f"(admin /admin/, API /api/, docs /api/docs/). Ctrl-C stops it."
            ))
            name = wait_for_first_exit(children)
            raise CommandError(f"the {name} process stopped unexpectedly; stopping the others")
        except KeyboardInterrupt:
            self.stdout.write("Stopping…")
        finally:
            stop_all(children)

    def demo_admin_ensure(self) -> None:
        """Make a superuser to log in with, if there is none (DEBUG only)."""
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            return
        users.objects.create_superuser(DEMO_ADMIN_USERNAME, "", DEMO_ADMIN_PASSWORD)
        self.stdout.write(self.style.WARNING(
            f"Created the demo admin user {DEMO_ADMIN_USERNAME!r} with password "
            f"{DEMO_ADMIN_PASSWORD!r} (DEBUG only; change it before sharing this site)."
        ))

    def ingest(self, paths: list[str], *, inline: bool) -> None:
        """Ingest and wait for processing; a bad file is reported, not fatal to serving."""
        try:
            if inline:
                call_command("ingest", *paths, inline=True)
            else:
                call_command("ingest", *paths, wait=True)
        except CommandError as error:
            self.stderr.write(self.style.WARNING(f"ingest: {error} (serving anyway)"))


def child_env() -> dict[str, str]:
    """The environment for children: this process's services, embedded or not.

    Passing the URLs explicitly means children never start embedded servers
    of their own; this process holds them until every child has stopped.
    """
    return {
        **os.environ,
        "DATABASE_URL": settings.DATABASE_URL,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "DEBUG": "true" if settings.DEBUG else "false",
        "SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "claimtrack.settings"),
    }


def celery_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "claimtrack", *args]


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "claimtrack.wsgi:application",
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--access-logfile", "-",
    ]


def beat_schedule_path() -> Path:
    """Beat's last-run file lives with the rest of the local state."""
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "celerybeat-schedule"


def spawn(command: list[str]) -> subprocess.Popen:
    # Children share our terminal's process group, so Ctrl-C reaches them
    # too; stop_all() then only waits (and insists with SIGTERM/SIGKILL).
    return subprocess.Popen(command, env=child_env(), cwd=settings.BASE_DIR, stdin=subprocess.DEVNULL)


def wait_for_first_exit(children: dict[str, subprocess.Popen]) -> str:
    """Block until one child exits, and return its name."""
    while True:
        for name, child in children.items():
            if child.poll() is not None:
                return name
        time.sleep(POLL_SECONDS)


def stop_all(children: dict[str, subprocess.Popen]) -> None:
    """Stop the web server first (no new work), then beat, then the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not orphan children
    for name in ("web", "beat", "worker"):
        child = children.get(name)
        if child is not None:
            stop(child)


def stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
    try:
        child.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
