"""``manage.py ingest``: folders in, one line per bad file, a summary, and exit codes that tell."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Source
from claims.models import Claim

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.django_db


def run(*args: str, **options) -> tuple[str, str]:
    """Run the command; return (stdout, stderr). Raises CommandError like the real exit would."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err, **options)
    except CommandError as error:
        error.stdout, error.stderr = out.getvalue(), err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    folder = tmp_path / "samples"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_it_ingests_a_folder_and_says_how_many(samples: Path) -> None:
    out, err = run(str(samples))
    assert out.splitlines()[0] == "5 ingested, 0 already present, 0 rejected"
    assert err == ""
    assert Article.objects.count() == 5
    assert sorted(Article.objects.values_list("original_name", flat=True)) == sorted(
        str(p) for p in samples.glob("*.txt")
    )


def test_ingesting_the_same_folder_twice_adds_nothing(samples: Path) -> None:
    run(str(samples))
    out, _ = run(str(samples))
    assert out.splitlines()[0] == "0 ingested, 5 already present, 0 rejected"
    assert Article.objects.count() == 5


def test_it_reads_the_dates_of_the_samples(samples: Path) -> None:
    run(str(samples))
    dated = Article.objects.filter(published__isnull=False).order_by("published")
    assert [str(a.published) for a in dated] == ["2025-01-31", "2025-02-12"]


def test_a_binary_file_is_reported_and_the_rest_goes_on_with_exit_code_1(samples: Path) -> None:
    (samples / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    with pytest.raises(CommandError) as caught:
        run(str(samples))
    assert caught.value.returncode == 1
    assert (
        caught.value.stderr.strip()
        == f"{samples / 'photo.jpg'}: rejected: binary: NUL byte at offset 4"
    )
    assert caught.value.stdout.splitlines()[0] == "5 ingested, 0 already present, 1 rejected"
    assert Article.objects.count() == 5


def test_every_bad_file_gets_one_line_naming_it_and_the_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Le café.".encode("latin-1"))
    (tmp_path / "date.txt").write_text("date 2025-13-45 The talks resumed.")
    (tmp_path / "good.txt").write_text("The talks resumed on Monday.")
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path))
    assert caught.value.stderr.splitlines() == [
        f"{tmp_path / 'date.txt'}: rejected: impossible date '2025-13-45' (expected YYYY-MM-DD)",
        f"{tmp_path / 'empty.txt'}: rejected: empty",
        f"{tmp_path / 'latin.txt'}: rejected: not UTF-8: invalid byte 0xe9 at offset 6",
    ]
    assert caught.value.stdout.splitlines()[0] == "1 ingested, 0 already present, 3 rejected"


def test_a_file_over_the_size_limit_is_rejected(tmp_path: Path, settings) -> None:
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 20
    (tmp_path / "long.txt").write_text("The talks resumed on Monday, officials said.")
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path / "long.txt"))
    assert "rejected: too large: over the limit of 20 bytes" in caught.value.stderr


def test_a_text_over_the_length_limit_is_rejected(tmp_path: Path, settings) -> None:
    settings.CLAIMTRACK_MAX_ARTICLE_CHARS = 20
    (tmp_path / "long.txt").write_text("The talks resumed on Monday, officials said.")
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path / "long.txt"))
    assert caught.value.stderr.strip() == (
        f"{tmp_path / 'long.txt'}: rejected: too long: 44 characters of text, over the limit of 20"
    )


def test_an_error_no_reader_foresaw_is_one_line_per_file_and_the_batch_goes_on(
    tmp_path: Path, settings
) -> None:
    # A limit set to nonsense fails every file in a way no reader names.
    settings.CLAIMTRACK_MAX_ARTICLE_CHARS = "many"
    (tmp_path / "a.txt").write_text("The talks resumed on Monday.")
    (tmp_path / "b.txt").write_text("Officials agreed on Tuesday.")
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path))
    assert caught.value.returncode == 1
    assert caught.value.stderr.splitlines() == [
        f"{tmp_path / name}: rejected: unexpected TypeError: '>' not supported between "
        "instances of 'int' and 'str'"
        for name in ("a.txt", "b.txt")
    ]
    assert caught.value.stdout.splitlines()[0] == "0 ingested, 0 already present, 2 rejected"
    assert not Article.objects.exists()


def test_a_file_name_that_is_not_utf8_is_reported_on_one_line(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9\nnews.txt"))
    odd.write_bytes(b"Le caf\xe9.")
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path))
    assert caught.value.stderr.splitlines() == [
        f"{tmp_path}/caf\\xe9\\nnews.txt: rejected: not UTF-8: invalid byte 0xe9 at offset 6"
    ]


def test_a_missing_path_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as caught:
        run(str(tmp_path / "nowhere.txt"))
    assert caught.value.returncode == 1
    assert "nowhere.txt: rejected: cannot read" in caught.value.stderr


def test_hidden_files_are_skipped_with_a_message_and_do_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "good.txt").write_text("The talks resumed on Monday.")
    out, err = run(str(tmp_path))
    assert err.strip() == f"{tmp_path / '.DS_Store'}: skipped: hidden file"
    assert out.splitlines()[0] == "1 ingested, 0 already present, 0 rejected"


def test_files_of_other_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "story.dat").write_text(
        '{"title": "Talks", "body": "The talks resumed on Monday."}'
    )
    run(str(tmp_path))
    assert Article.objects.get().format == Article.Format.JSON


def test_source_sets_the_outlet_of_every_article(samples: Path) -> None:
    run(str(samples), source="Example Wire")
    assert Source.objects.get().name == "Example Wire"
    assert Article.objects.filter(source__name="Example Wire").count() == 5


def test_without_source_plain_text_articles_have_no_outlet(samples: Path) -> None:
    run(str(samples))
    assert not Source.objects.exists()


def test_verbose_output_names_each_file_and_its_article(samples: Path) -> None:
    out, _ = run(str(samples / "000_95dfd9f09fcb929e.txt"), verbosity=2)
    article = Article.objects.get()
    assert (
        out.splitlines()[0]
        == f"{samples / '000_95dfd9f09fcb929e.txt'}: ingested as article {article.pk}"
    )


def test_wait_gives_up_after_the_timeout_with_exit_code_2(samples: Path) -> None:
    # In this test's transaction nothing is committed, so no worker ever sees the articles.
    with pytest.raises(CommandError) as caught:
        run(str(samples), wait=True, timeout=0.2)
    assert caught.value.returncode == 2
    assert "timed out after 0.2 s: 5 article(s) not processed" in str(caught.value)


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_wait_returns_once_a_worker_has_processed_everything(samples: Path, celery_worker) -> None:
    out, _ = run(str(samples), wait=True, timeout=300)
    assert out.splitlines() == ["5 ingested, 0 already present, 0 rejected", "5 queued for the workers"]
    assert not Article.objects.pending().exists()
    assert not Claim.objects.dirty().exists()
    assert set(Article.objects.values_list("state", flat=True)) == {Article.State.DONE}


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_inline_processes_everything_here_without_a_worker(samples: Path) -> None:
    out, _ = run(str(samples), inline=True)
    assert out.splitlines() == ["5 ingested, 0 already present, 0 rejected"]  # nothing queued: no line
    assert set(Article.objects.values_list("state", flat=True)) == {Article.State.DONE}
    assert Claim.objects.exists()
    assert not Claim.objects.dirty().exists()


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_it_says_how_many_were_left_for_the_sweep(samples: Path) -> None:
    from tests.test_faults import broker_unreachable

    with broker_unreachable():
        out, _ = run(str(samples))
    assert out.splitlines() == [
        "5 ingested, 0 already present, 0 rejected",
        "0 queued for the workers, 5 left for the articles sweep (the broker was unreachable; "
        "they are queued once it is back and beat's sweep runs)",
    ]
    # Never queued: the sweep takes them at once rather than waiting for a lost message.
    assert set(Article.objects.values_list("queued_at", flat=True)) == {None}
