"""Reading text, HTML and JSON into a parsed article, and refusing what is not one."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from articles.readers import (
    HTML,
    JSON,
    TEXT,
    RejectedInput,
    display_path,
    find_article_files,
    read_article,
    read_file_bytes,
)

LIMIT = 10_000
STORY = "The minister said on Monday that the talks would resume. Officials agreed."

PAGE = """<!doctype html>
<html><head>
<title>Talks to resume - The Daily Example</title>
<meta property="og:title" content="Talks to resume">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2025-02-03T08:00:00Z">
<link rel="canonical" href="https://daily.example.com/world/talks-to-resume">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Talks to resume</h1>
<p>The minister said on Monday that talks with the opposition would resume next week in Geneva,
according to officials familiar with the plans.</p>
<p>Opposition leaders demanded an independent inquiry into the deaths of protesters last month,
and said they would not attend unless their conditions were met.</p>
</article>
<footer>Copyright 2025 The Daily Example. All rights reserved.</footer>
</body></html>"""


def read(raw: bytes | str, name: str = "story.txt", **kwargs):
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return read_article(
        data,
        name=name,
        max_bytes=kwargs.pop("max_bytes", LIMIT),
        max_chars=kwargs.pop("max_chars", LIMIT),
        **kwargs,
    )


def reason(raw: bytes | str, name: str = "story.txt", **kwargs) -> str:
    with pytest.raises(RejectedInput) as caught:
        read(raw, name, **kwargs)
    return caught.value.reason


# --- plain text ---------------------------------------------------------------


def test_it_reads_a_leading_date_followed_by_the_story_on_the_same_line() -> None:
    article = read(f" date 2025-01-31 {STORY}\n\nMore text.")
    assert article.published == dt.date(2025, 1, 31)
    assert article.body == f"{STORY}\n\nMore text."
    assert article.format == TEXT


def test_it_reads_a_date_on_a_line_of_its_own() -> None:
    article = read(f"date 2024-12-08\n{STORY}")
    assert article.published == dt.date(2024, 12, 8)
    assert article.body == STORY


def test_it_leaves_the_date_empty_when_the_text_has_none() -> None:
    article = read(STORY)
    assert article.published is None
    assert article.body == STORY


def test_a_date_later_in_the_text_is_not_the_publication_date() -> None:
    assert read(f"{STORY} date 2025-01-31").published is None


def test_it_takes_the_first_sentence_as_the_title() -> None:
    assert read(STORY).title == "The minister said on Monday that the talks would resume."


def test_it_skips_page_furniture_when_choosing_the_title() -> None:
    article = read(f"Skip to main content\n\n{STORY}")
    assert article.title == "The minister said on Monday that the talks would resume."


def test_it_shortens_a_long_title_at_a_word_boundary() -> None:
    title = read("word " * 100).title
    assert len(title) <= 200
    assert title.endswith("word…")


def test_it_strips_a_byte_order_mark_and_turns_crlf_into_lf() -> None:
    article = read(b"\xef\xbb\xbfFirst line said this.\r\nSecond line.\rThird line.")
    assert article.body == "First line said this.\nSecond line.\nThird line."


def test_it_keeps_every_other_character_as_it_is() -> None:
    body = "Russia\u02bcs “frank” talks — café, Tartous…\n\n\tIndented."
    assert read(body).body == body


# --- rejections -----------------------------------------------------------------


def test_it_rejects_an_empty_file() -> None:
    assert reason(b"") == "empty"


def test_it_rejects_a_whitespace_only_file() -> None:
    assert reason(b"  \n\t \r\n") == "empty: only whitespace"


def test_it_rejects_a_date_with_no_story() -> None:
    assert reason("date 2025-01-31\n\n") == "empty: a date and no text"


def test_it_rejects_binary_files_with_nul_bytes() -> None:
    assert reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == "binary: NUL byte at offset 8"


def test_it_rejects_binary_files_full_of_control_characters() -> None:
    assert reason(bytes([1, 2, 3, 4, 65, 66, 5, 6]) * 50).startswith("binary: ")


def test_it_rejects_text_that_is_not_utf8_and_says_where() -> None:
    assert (
        reason("Le café est fermé.".encode("latin-1")) == "not UTF-8: invalid byte 0xe9 at offset 6"
    )


def test_it_rejects_a_file_over_the_size_limit() -> None:
    assert reason("a" * 101, max_bytes=100) == "too large: over the limit of 100 bytes"


def test_it_accepts_a_file_exactly_at_the_size_limit() -> None:
    assert read("a" * 99 + ".", max_bytes=100).body == "a" * 99 + "."


def test_it_rejects_an_impossible_date() -> None:
    assert (
        reason(f"date 2025-13-45 {STORY}") == "impossible date '2025-13-45' (expected YYYY-MM-DD)"
    )


def test_it_rejects_an_unknown_format() -> None:
    assert reason(STORY, fmt="pdf").startswith("unknown format 'pdf'")


def test_it_rejects_a_text_over_the_length_limit_and_says_how_long() -> None:
    assert reason("a" * 150 + ".", max_chars=100) == (
        "too long: 151 characters of text, over the limit of 100"
    )


def test_the_length_limit_counts_the_text_of_a_page_not_its_markup() -> None:
    assert read(PAGE, "page.html", max_chars=400).format == HTML


def test_it_rejects_a_text_with_no_letter_or_digit() -> None:
    assert reason("\u200b\u200b …  —  !!") == "no text: not a letter or digit in it"


# --- encodings ------------------------------------------------------------------
# UTF-8 is read; a byte-order mark names UTF-16 or UTF-32, which are read too.
# Nothing else is guessed.


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_it_reads_text_in_the_encoding_its_byte_order_mark_names(encoding: str) -> None:
    text = f"date 2025-01-31 {STORY}\r\nCafé “frank”."
    raw = (
        text.encode(encoding)
        if encoding in ("utf-16", "utf-32")  # these codecs write the mark themselves
        else "\ufeff".encode(encoding) + text.encode(encoding)
    )
    article = read(raw)
    assert article.body == f"{STORY}\nCafé “frank”."
    assert article.published == dt.date(2025, 1, 31)


def test_the_same_story_in_utf16_and_utf8_is_the_same_text() -> None:
    assert read(STORY.encode("utf-16")).body == read(STORY).body


def test_it_rejects_utf16_without_a_byte_order_mark_and_says_so() -> None:
    assert reason(STORY.encode("utf-16-le")) == (
        "not UTF-8: looks like UTF-16 without a byte-order mark; save it as UTF-8"
    )


def test_it_rejects_utf16_with_a_lone_surrogate() -> None:
    raw = "\ufeff".encode("utf-16-le") + "Talks".encode("utf-16-le") + b"\x00\xd8" + b"a\x00"
    assert reason(raw) == "not UTF-16: invalid byte 0x00 at offset 12"


def test_it_rejects_binary_behind_a_byte_order_mark() -> None:
    raw = "\ufeff".encode("utf-16-le") + "Talks\x00resumed".encode("utf-16-le")
    assert reason(raw) == "binary: NUL character at offset 5"


def test_it_rejects_windows_1252_text_and_says_where() -> None:
    raw = "The minister’s “frank” talks.".encode("cp1252")
    assert reason(raw) == "not UTF-8: invalid byte 0x92 at offset 12"


# --- HTML -----------------------------------------------------------------------


def test_it_reads_the_main_text_and_metadata_of_a_web_page() -> None:
    article = read(PAGE, "page.html")
    assert article.format == HTML
    assert article.title == "Talks to resume"
    assert article.published == dt.date(2025, 2, 3)
    assert article.source_name == "The Daily Example"
    assert article.url == "https://daily.example.com/world/talks-to-resume"
    assert article.body.startswith("The minister said on Monday")
    assert "Opposition leaders demanded" in article.body
    assert "Home" not in article.body and "All rights reserved" not in article.body


def test_it_rejects_html_with_no_extractable_text() -> None:
    page = "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    assert reason(page, "empty.html") == "HTML with no extractable text"


# --- JSON -----------------------------------------------------------------------


def test_it_reads_a_json_article() -> None:
    document = {
        "title": "Talks to resume",
        "body": STORY,
        "published": "2025-02-03",
        "url": "https://wire.example.org/a/1",
        "source": "Example Wire",
    }
    article = read(json.dumps(document), "a.json")
    assert article == type(article)(
        format=JSON,
        body=STORY,
        title="Talks to resume",
        published=dt.date(2025, 2, 3),
        url="https://wire.example.org/a/1",
        source_name="Example Wire",
    )


def test_it_reads_text_instead_of_body_and_a_timestamp_as_the_date() -> None:
    article = read(json.dumps({"text": STORY, "published": "2025-02-03T08:00:00+02:00"}), "a.json")
    assert article.body == STORY
    assert article.published == dt.date(2025, 2, 3)
    assert article.title == "The minister said on Monday that the talks would resume."


def test_it_rejects_malformed_json_and_says_where() -> None:
    assert reason('{"body": "x",\n "title": }', "a.json") == (
        "malformed JSON at line 2 column 11: Expecting value"
    )


def test_it_rejects_json_nested_too_deeply_to_read() -> None:
    limits = {"max_bytes": 1_000_000, "max_chars": 1_000_000}
    assert reason("[" * 100_000 + "]" * 100_000, "a.json", **limits) == (
        "malformed JSON: nested too deeply to read"
    )
    deep = '{"body": "' + STORY + '", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert reason(deep, "a.json", **limits) == "malformed JSON: nested too deeply to read"


def test_it_rejects_json_with_a_number_python_will_not_read() -> None:
    assert reason('{"body": "x", "n": ' + "1" * 5000 + "}", "a.json").startswith(
        "malformed JSON: Exceeds the limit (4300 digits)"
    )


@pytest.mark.parametrize(
    ("escape", "expected"),
    [
        ("\\ud800", 'JSON "body" holds a lone surrogate \\ud800 at character 4: not Unicode text'),
        ("\\udfff", 'JSON "body" holds a lone surrogate \\udfff at character 4: not Unicode text'),
        ("\\u0000", 'JSON "body" holds a NUL character (\\u0000) at character 4'),
    ],
)
def test_it_rejects_json_escapes_that_are_not_storable_text(escape: str, expected: str) -> None:
    assert reason('{"body": "The ' + escape + ' talks resumed."}', "a.json") == expected


def test_it_rejects_a_lone_surrogate_in_any_field_it_stores() -> None:
    document = '{"body": "The talks resumed.", "title": "Talks \\ud83d"}'
    assert reason(document, "a.json") == (
        'JSON "title" holds a lone surrogate \\ud83d at character 6: not Unicode text'
    )


def test_a_surrogate_pair_in_json_is_one_character() -> None:
    assert read('{"body": "Talks resumed \\ud83d\\ude00."}', "a.json").body == "Talks resumed 😀."


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([STORY], "JSON must be an object, not an array"),
        (None, "JSON must be an object, not null"),
        (STORY, "JSON must be an object, not a string"),
        (3.5, "JSON must be an object, not a number"),
        ({"body": True}, 'JSON "body" must be a string, not true or false'),
        ({"body": {"text": STORY}}, 'JSON "body" must be a string, not an object'),
        ({"title": "x"}, 'JSON has no text: "body" (or "text") is missing or empty'),
        ({"body": 42}, 'JSON "body" must be a string, not a number'),
        ({"body": STORY, "published": 20250203}, 'JSON "published" must be a string, not a number'),
        (
            {"body": STORY, "published": "2025-02-30"},
            "impossible \"published\" '2025-02-30' (expected YYYY-MM-DD)",
        ),
        ({"body": STORY, "url": "not a url"}, "not a valid http(s) URL: 'not a url'"),
        ({"body": STORY, "source": ["a"]}, 'JSON "source" must be a string, not an array'),
    ],
)
def test_it_rejects_json_fields_of_the_wrong_type_or_value(document: object, expected: str) -> None:
    assert reason(json.dumps(document), "a.json") == expected


# --- formats and files ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [(json.dumps({"body": STORY}), JSON), (PAGE, HTML), (STORY, TEXT)],
)
def test_it_sniffs_the_format_of_a_file_with_an_unknown_extension(
    content: str, expected: str
) -> None:
    assert read(content, "download.dat").format == expected


def test_the_extension_decides_over_the_content() -> None:
    assert read(PAGE, "page.txt").format == TEXT


def test_it_walks_folders_recursively_in_sorted_order_and_skips_hidden_files(
    tmp_path: Path,
) -> None:
    for relative in ("b.txt", "a/z.html", "a/c.json", ".DS_Store", ".git/config", "a/.hidden.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    found = [
        (c.path.relative_to(tmp_path).as_posix(), c.skip_reason)
        for c in find_article_files([tmp_path])
    ]
    assert found == [
        (".DS_Store", "hidden file"),
        ("b.txt", ""),
        ("a/.hidden.txt", "hidden file"),
        ("a/c.json", ""),
        ("a/z.html", ""),
    ]


def test_it_reads_no_more_than_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1000)
    assert len(read_file_bytes(path, max_bytes=10)) == 11


def test_it_rejects_a_file_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput, match="cannot read: No such file or directory"):
        read_file_bytes(tmp_path / "missing.txt", max_bytes=10)


def test_it_refuses_a_named_pipe_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(RejectedInput, match=r"cannot read: not a regular file \(a pipe"):
        read_file_bytes(tmp_path / "pipe.txt", max_bytes=10)


def test_it_refuses_a_folder_given_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput, match="cannot read: a folder, not a file"):
        read_file_bytes(tmp_path, max_bytes=10)


def test_it_refuses_a_link_that_leads_in_a_circle(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(RejectedInput, match="cannot read: Too many levels of symbolic links"):
        read_file_bytes(tmp_path / "loop.txt", max_bytes=10)


def test_it_lists_a_link_to_a_folder_as_skipped_and_does_not_follow_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    found = [
        (c.path.relative_to(tmp_path).as_posix(), c.skip_reason)
        for c in find_article_files([tmp_path])
    ]
    assert found == [("sub/a.txt", ""), ("sub/up", "link to a folder, not followed")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_it_reports_a_folder_it_cannot_list(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir(mode=0o000)
    try:
        found = list(find_article_files([tmp_path]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [(c.path, c.error) for c in found] == [
        (tmp_path / "locked", "cannot list folder: Permission denied")
    ]


def test_a_file_name_is_shown_on_one_printable_line(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9\nnews.txt"))
    assert display_path(path) == f"{tmp_path}/caf\\xe9\\nnews.txt"


def test_it_rejects_text_that_is_nothing_but_page_furniture() -> None:
    assert reason("Skip to main content\n\nAll rights reserved.") == "no story: only page furniture"
