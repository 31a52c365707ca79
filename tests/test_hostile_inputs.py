"""Issue 9, item 4: bad input gets a clear error, and nothing is lost.

One folder, made here in ``tmp_path``, holds a few good articles among forty
hostile files: empty, blank, binary, mis-encoded, JSON that is not an
article (or not JSON), pages with no text, texts over the limits, files that
cannot be read at all. ``manage.py ingest FOLDER --inline`` must read every
file, store and process every good one, give every bad one exactly one line
with its name and the reason, store nothing from a bad one, and end with the
counts and exit code 1.

One file is hostile but valid: a 200,000-character line with no full stop.
It is text, so it is stored and processed; what keeps it from taking minutes
is pinned without a clock in ``nlp/tests/test_long_texts.py`` (no sentence
over 250 tokens). A text of one letter repeated is one word on one line,
which the furniture reader takes for a stray widget label: no story.

Encodings: UTF-8, or whatever a byte-order mark names (the UTF-16 article
below is accepted); nothing is guessed, so UTF-16 without a mark, Latin-1
and Windows-1252 are rejected with the reason.
"""

from __future__ import annotations

import io
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Source
from articles.readers import display_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = sorted(FIXTURES.glob("*.txt"))
IS_ROOT = os.geteuid() == 0

PAGE = """<!doctype html><html><head><title>Dockers strike at Varnholt</title>
<meta property="og:site_name" content="The Lindby Courier"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Dockers strike at Varnholt</h1>
<p>The Varnholt dock workers' union demanded on Tuesday that Kessler Logistics restore the night
shift, and said its members would stay out until the company agreed.</p>
<p>"We will not back down," said Mara Quintel, who leads the union. The company said it had no
plans to reverse the decision.</p></article></body></html>"""


@dataclass(frozen=True)
class Hostile:
    name: str
    content: bytes
    reason: str  # the start of the reason the command must give


def words_line(chars: int) -> str:
    """One line of ordinary words with no full stop, comma or line break."""
    words = "the minister said talks would resume next week in the capital officials agreed".split()
    line, i = [], 0
    while sum(map(len, line)) + len(line) < chars:
        line.append(words[i % len(words)])
        i += 1
    return " ".join(line)[:chars]


def hostile_files() -> list[Hostile]:
    noise = random.Random(9).randbytes(4096)
    return [
        Hostile("empty.txt", b"", "empty"),
        Hostile("blank.txt", b"  \n\t\r\n ", "empty: only whitespace"),
        Hostile("unicode-blank.txt", "\u00a0\u2003\n\u3000".encode(), "empty: only whitespace"),
        Hostile("bom-only.txt", b"\xef\xbb\xbf", "empty: only whitespace"),
        Hostile("zero-width.txt", "\u200b\u200b\u2060".encode(), "no text: not a letter or digit"),
        Hostile("date-only.txt", b"date 2025-01-31\n\n", "empty: a date and no text"),
        Hostile("one-letter.txt", b"a" * 100_000, "no story: only page furniture"),
        Hostile("bad-date.txt", b"date 2025-13-45 The talks resumed.", "impossible date '2025-13-45'"),
        Hostile(
            "furniture.txt",
            b"Skip to main content\n\nAll rights reserved.",
            "no story: only page furniture",
        ),
        Hostile(
            "image.png",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
            "binary: NUL byte at offset 8",
        ),
        Hostile("noise.dat", b"\x01\x02" + noise, "binary: "),
        Hostile("nul.txt", b"The talks\x00resumed on Monday.", "binary: NUL byte at offset 9"),
        Hostile("controls.txt", b"\x1b[31m\x07\x08" * 50 + b"The talks resumed.", "binary: "),
        Hostile(
            "utf16-no-bom.txt",
            "The talks resumed on Monday.".encode("utf-16-le"),
            "not UTF-8: looks like UTF-16 without a byte-order mark",
        ),
        Hostile(
            "utf16-surrogate.txt",
            b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00\xd8a\x00",
            "not UTF-16: invalid byte",
        ),
        Hostile("latin1.txt", "Le café est fermé.".encode("latin-1"), "not UTF-8: invalid byte 0xe9"),
        Hostile(
            "cp1252.txt",
            "The minister’s “frank” talks.".encode("cp1252"),
            "not UTF-8: invalid byte 0x92 at offset 12",
        ),
        Hostile("invalid-utf8.txt", b"Talks \xc3\x28 resumed.", "not UTF-8: invalid byte 0xc3"),
        Hostile("cut-utf8.txt", b"Talks resumed \xe2\x82", "not UTF-8: invalid byte 0xe2"),
        Hostile("malformed.json", b'{"body": "The talks resumed.",', "malformed JSON at line 1"),
        Hostile(
            "surrogate.json",
            b'{"body": "The talks \\ud800 resumed."}',
            'JSON "body" holds a lone surrogate \\ud800 at character 10',
        ),
        Hostile(
            "surrogate-title.json",
            b'{"body": "The talks resumed.", "title": "\\udc00"}',
            'JSON "title" holds a lone surrogate \\udc00',
        ),
        Hostile("nul.json", b'{"body": "The talks\\u0000resumed."}', 'JSON "body" holds a NUL'),
        Hostile("deep.json", b"[" * 100_000 + b"]" * 100_000, "malformed JSON: nested too deeply"),
        Hostile(
            "deep-inside.json",
            b'{"body": "The talks resumed.", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "malformed JSON: nested too deeply",
        ),
        Hostile(
            "big-number.json",
            b'{"body": "The talks resumed.", "n": ' + b"7" * 5000 + b"}",
            "malformed JSON: Exceeds the limit (4300 digits)",
        ),
        Hostile("list.json", b'["The talks resumed."]', "JSON must be an object, not an array"),
        Hostile("null.json", b"null", "JSON must be an object, not null"),
        Hostile("string.json", b'"The talks resumed."', "JSON must be an object, not a string"),
        Hostile("number.json", b"42", "JSON must be an object, not a number"),
        Hostile("no-body.json", b'{"title": "Talks"}', 'JSON has no text: "body"'),
        Hostile("body-number.json", b'{"body": 42}', 'JSON "body" must be a string, not a number'),
        Hostile(
            "body-object.json",
            b'{"body": {"text": "The talks resumed."}}',
            'JSON "body" must be a string, not an object',
        ),
        Hostile(
            "huge.json",
            b'{"body": "' + b"word " * 400_001 + b'"}',
            "too large: over the limit of 2000000 bytes",
        ),
        Hostile(
            "too-long.txt",
            b"The talks resumed on Monday. " * 35_000,
            "too long: 1014999 characters of text, over the limit of 1000000",
        ),
        Hostile(
            "scripts.html",
            b"<html><head><script>var a = 1;</script></head>"
            b"<body><script>alert('The talks resumed.')</script><style>p {}</style></body></html>",
            "HTML with no extractable text",
        ),
        Hostile(
            "no-text.html",
            b"<html><body><div></div><img src='x.png'></body></html>",
            "HTML with no extractable text",
        ),
        Hostile(
            "deep.html",
            b"<html><body>" + b"<div>" * 100_000 + b"The talks resumed." + b"</div>" * 100_000,
            "HTML with no extractable text",
        ),
    ]


def make_folder(root: Path) -> tuple[list[Path], list[tuple[Path, str]], list[Path]]:
    """The folder: (accepted paths, (rejected path, reason) pairs, skipped paths)."""
    accepted = []
    for sample in SAMPLES[:3]:
        accepted.append(root / f"good-{sample.name}")
        accepted[-1].write_bytes(sample.read_bytes())
    story = SAMPLES[3].read_text().split("\n", 1)[1]  # without its "date" line
    document = {"title": "A story in JSON", "body": story, "source": "Example Wire"}
    accepted.append(root / "good.json")
    accepted[-1].write_text(json.dumps(document))
    accepted.append(root / "good-utf16.txt")  # a byte-order mark names the encoding: read
    accepted[-1].write_bytes(SAMPLES[4].read_text().encode("utf-16"))
    accepted.append(root / "good.html")
    accepted[-1].write_text(PAGE)
    accepted.append(root / "long-line.txt")
    accepted[-1].write_text(words_line(200_000))
    # Read after the first (the folder is read in sorted order): already present.
    (root / "z-copy-of-good.txt").write_bytes(SAMPLES[0].read_bytes())

    rejected = []
    for hostile in hostile_files():
        (root / hostile.name).write_bytes(hostile.content)
        rejected.append((root / hostile.name, hostile.reason))
    odd_name = Path(os.fsdecode(os.fsencode(root) + b"/caf\xe9\nname.txt"))
    odd_name.write_bytes(b"\x00binary")
    rejected.append((odd_name, "binary: NUL byte at offset 0"))
    (root / "loop.txt").symlink_to(root / "loop.txt")
    rejected.append((root / "loop.txt", "cannot read: Too many levels of symbolic links"))
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    rejected.append((root / "dangling.txt", "cannot read: No such file or directory"))
    os.mkfifo(root / "pipe.txt")
    rejected.append((root / "pipe.txt", "cannot read: not a regular file"))
    if not IS_ROOT:  # root reads a file whatever its mode
        (root / "locked.txt").write_text("The talks resumed.")
        (root / "locked.txt").chmod(0o000)
        rejected.append((root / "locked.txt", "cannot read: Permission denied"))

    (root / "folder.txt").mkdir()  # a folder named like a file: walked, and empty
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root)  # a way round in a circle: not followed
    skipped = [root / ".DS_Store", root / "sub" / "up"]
    return accepted, sorted(rejected), skipped


def run_ingest(folder: Path) -> CommandError:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("ingest", str(folder), "--inline", stdout=out, stderr=err)
    caught.value.stdout, caught.value.stderr = out.getvalue(), err.getvalue()
    return caught.value


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_a_folder_of_hostile_files_loses_nothing_and_explains_every_rejection(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    accepted, rejected, skipped = make_folder(folder)
    assert len(rejected) >= 30

    error = run_ingest(folder)

    lines = error.stderr.splitlines()
    assert error.returncode == 1
    assert f"{len(accepted)} ingested, 1 already present, {len(rejected)} rejected" in (
        error.stdout.splitlines()
    )
    # Every bad file: exactly one line, naming it, with the reason.
    for path, reason in rejected:
        mine = [line for line in lines if line.startswith(f"{display_path(path)}: ")]
        assert mine == [f"{display_path(path)}: rejected: {mine[0].split(': rejected: ')[1]}"]
        assert mine[0].split(": rejected: ", 1)[1].startswith(reason), mine[0]
    assert sorted(line for line in lines if ": skipped: " in line) == sorted(
        [f"{folder / '.DS_Store'}: skipped: hidden file"]
        + [f"{folder / 'sub' / 'up'}: skipped: link to a folder, not followed"]
    )
    assert len(lines) == len(rejected) + len(skipped)
    # Every good file stored and processed; nothing from a bad one, not even its outlet.
    articles = Article.objects.all()
    assert sorted(articles.values_list("original_name", flat=True)) == sorted(map(str, accepted))
    assert set(articles.values_list("state", flat=True)) == {Article.State.DONE}
    assert set(Source.objects.values_list("name", flat=True)) == {
        "Example Wire",
        "The Lindby Courier",
    }


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_the_utf16_article_is_the_same_text_as_in_utf8(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    (tmp_path / "b.txt").write_bytes(SAMPLES[0].read_text().encode("utf-16"))
    out = io.StringIO()
    call_command("ingest", str(tmp_path), stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[0] == "1 ingested, 1 already present, 0 rejected"
