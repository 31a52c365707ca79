"""Furniture of layout: author notes, disclaimers, press-release boilerplate, kickers, contacts
(invented pages; real news sentences nearby stay story)."""

from __future__ import annotations

from nlp.furniture import find_furniture


def _furniture_lines(text):
    return [span.text for span in find_furniture(text)]


STORY = "The ministry said on Monday that the new tariffs would take effect in June."


def test_a_section_line_of_labels_joined_by_pipes_is_a_kicker():
    assert _furniture_lines(f"Freight Review | Ports & Shipping\n\n{STORY}") == ["Freight Review | Ports & Shipping"]


def test_a_sentence_with_a_pipe_in_it_is_not_a_kicker():
    line = "The union said the offer was an insult | and that it would strike again on Friday."
    assert _furniture_lines(line) == []


def test_a_media_contact_line_with_email_and_phone_is_furniture():
    text = f"{STORY}\n\nMedia contact: press@sylvania-relief.org | +44 20 7946 0018"
    assert _furniture_lines(text) == ["Media contact: press@sylvania-relief.org | +44 20 7946 0018"]


def test_about_x_boilerplate_is_furniture_inline_or_under_its_heading():
    inline = f"{STORY}\n\nAbout SRA: The Sylvania Relief Alliance supports farmers in twelve provinces."
    assert _furniture_lines(inline)[-1].startswith("About SRA:")
    heading = f"{STORY}\n\nAbout SRA\nThe Sylvania Relief Alliance is a charity founded in 2004."
    assert _furniture_lines(heading) == ["About SRA", "The Sylvania Relief Alliance is a charity founded in 2004."]


def test_the_release_line_and_the_end_mark_of_a_press_release_are_furniture():
    text = f"FOR IMMEDIATE RELEASE\n\n{STORY}\n\n###"
    assert _furniture_lines(text) == ["FOR IMMEDIATE RELEASE", "###"]


def test_the_writer_note_and_disclaimer_that_close_an_op_ed_are_furniture():
    text = (
        f"{STORY}\n\nThe writer is a trade economist at the Freedonia Institute.\n\n"
        "Views expressed are personal."
    )
    assert _furniture_lines(text) == [
        "The writer is a trade economist at the Freedonia Institute.",
        "Views expressed are personal.",
    ]


def test_an_author_bio_in_the_closing_lines_is_furniture():
    text = f"{STORY}\n\nMaria Okafor is an economist at the University of Sylvania. The views expressed are her own."
    assert _furniture_lines(text) == [
        "Maria Okafor is an economist at the University of Sylvania. The views expressed are her own."
    ]


def test_a_bio_saying_what_the_author_does_is_furniture_even_above_a_link_to_more():
    closing = [
        "Jane Roe is a former judge and teaches international law at the University of Sylvania.",
        "John Roe teaches marine economics at the University of Sylvania. The views expressed are his own.",
    ]
    for line in closing:
        text = f"{STORY}\n\n{line}\n\nMore analysis: Who guards the harbour?"
        assert _furniture_lines(text) == [line, "More analysis: Who guards the harbour?"]


def test_the_notes_to_editors_of_a_release_are_furniture_to_its_end():
    notes = [
        "Notes to editors",
        "1. A copy of the letter to the Minister is available on request.",
        "2. SNF is Sylvania's largest nurses' union, with 23,400 members.",
        "Media enquiries: press@snf.example",
    ]
    assert _furniture_lines(f"{STORY}\n\n" + "\n".join(notes)) == notes


def test_a_person_introduced_mid_story_is_no_bio():
    text = (
        "Maria Okafor is an economist at the University of Sylvania. She said the tariffs would hurt farmers.\n\n"
        f"{STORY}"
    )
    assert _furniture_lines(text) == []


def test_the_content_line_of_an_embedded_post_stays_story():
    text = (
        f"{STORY}\n\n@MariaOkafor: WE WILL NOT GIVE UP THE HARBOUR\n"
        "— Maria Okafor (@MariaOkafor) March 3, 2025\n\nThe talks resume on Friday."
    )
    assert not any("WE WILL NOT" in line for line in _furniture_lines(text))


def test_story_sentences_about_views_authors_and_the_press_stay_story():
    for line in [
        "The comments do not necessarily reflect the views of the government, a spokesman said.",
        "The author was detained by police in 2019 after publishing the report.",
        "Press freedom: the index fell for a third year, the watchdog said.",
    ]:
        assert _furniture_lines(line) == [], line
