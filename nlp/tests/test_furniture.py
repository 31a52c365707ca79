"""Page furniture is found on any page, and real news sentences are never taken for it."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from nlp.furniture import find_furniture
from nlp.types import Span

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
GOLD = ROOT.parent / "shared" / "gold" / "seed_annotations.json"

# Lines of the sample pages that are furniture, whole (links of embedded posts are checked apart).
SAMPLE_FURNITURE_LINES = {
    "A prior Putin visit to Damascus. Sputnik/AFP via Getty Images",
    "Get Faster News Update By Joining Our: WhatsApp Channel",
    "Skip to main content",
    "Rusia Siria 1",
    "Dv3",
    "JOIN THE MOVEMENT",
    "Keep up to date with our latest videos, news and content",
    "For more news and in-depth stories from Ukraine please follow us on X.",
}
SAMPLE_FURNITURE_PREFIXES = ("Already a subscriber?", "All rights reserved.")

# Real news sentences, many with words that furniture uses too (subscribe, follow,
# join, rights, photo, share, account, channel, sign, copyright, credit).
NEWS_SENTENCES = [
    "The minister said on Monday that talks with the opposition would resume next week.",
    "More than two million people subscribe to the service, the company said in a filing.",
    "Protesters urged others to join their march on the capital, witnesses said.",
    "The government said it would follow the court's ruling on the disputed election.",
    "Human rights groups said the detainees had been denied access to lawyers.",
    "The agency reserved the right to appeal, its lawyer told reporters.",
    "A photo published by state media showed the president meeting troops near the border.",
    "The company's shares fell 4% after it missed quarterly profit forecasts.",
    "Officials said they would share intelligence with allies in the region.",
    "Investigators said the suspect had used a fake account to transfer the money.",
    "The rebels announced the ceasefire on their Telegram channel late on Tuesday.",
    "The two leaders signed the agreement in Geneva on Friday.",
    "The treaty was signed in 2015 and ratified two years later.",
    "Copyright lawyers say the ruling could reshape the music industry.",
    "The central bank will take into account inflation figures due on Thursday.",
    "The spokesman declined to comment on the report, citing an ongoing investigation.",
    "According to Reuters, the delegation arrived in the capital on Wednesday morning.",
    "The ministry said the new rules would apply to all foreign journalists.",
    "Analysts said the move was likely to keep up pressure on the government.",
    "The army said it had regained control of the town after heavy fighting.",
    "Opposition leaders demanded an independent inquiry into the deaths.",
    "Readers had complained that the newsletter was sent too late, the editor said.",
    "Police said the images were shared widely on social media before being taken down.",
    "The union called on its members to log their hours and report any violations.",
    "The foreign ministry summoned the ambassador to protest against the strikes.",
    "Getting the latest figures took weeks, the statistics office said.",
    "The prime minister told parliament that the country would not give in to threats.",
    "Sanctions were lifted in exchange for guarantees on the nuclear programme.",
    "He fled the country in December and has not been seen in public since.",
    "The UN envoy said both sides had agreed to continue contacts.",
    "Credit rating agencies downgraded the country's debt last year.",
    "The company said it had registered a loss for the first time in a decade.",
    "The president has indicated he would like to see the troops come home.",
    "“We will not hand over anyone,” the spokesman said.",
    "“No,” he said.",
    "Why did the ministry wait so long to act?",
    "Earlier, the ministry had denied the reports.",
    "Some 300 people were killed, the monitor said.",
    "The talks lasted three hours and included an official dinner.",
    "She told the BBC that she had received no warning.",
    "The case will be heard by the Supreme Court in March.",
    "Officials later said the figure included civilians.",
    "The summit was postponed until further notice.",
    "Most read newspapers in the country are owned by two families.",
    "Access to the area has been restricted since the explosion.",
    "The new government wants compensation for the damage caused during the war.",
    "Satellite images showed vehicles leaving the base.",
    "The committee will publish its findings by the end of the year.",
    "Under the deal, the port will remain under the navy's control for 49 years.",
    "Earlier on Sunday, the spokesman said the leaders had spoken by phone.",
    "The overthrow of the government in the capital",
    "Protesters chant slogans outside the parliament building",
    "“The Europeans don't have to like us, but they need us,” he said.",
    "“Join us in building a new country,” the leader told the crowd.",
    "He urged neighbouring states to join our community of nations, the agency reported.",
    "“Our app has two million users,” the chief executive said.",
    "Published in 2019, the report found widespread abuses in the prisons.",
    "The names of the victims may not be published under the country's privacy law.",
    "Compiled by the UN, the figures show a sharp rise in displacement.",
    "Getty Images said it had removed the photograph from its archive.",
    "The AFP/Reuters tally of the dead rose to 40 on Sunday.",
    "An AP photo showed smoke rising over the city.",
    "Editors at the newspaper said the story had been checked.",
    "The station had been showing the same programme since the news broke.",
    "By Friday, the ministry had not replied to the letter.",
    "By Tuesday, Greece and Italy had agreed",
    "The rebels said they would read the statement on Telegram.",
    "He follows the minister on Twitter, aides said.",
    "More than 200 people were hurt: officials gave no figure.",
    "Reproduction of the documents was ordered by the court on Monday.",
    "For further talks, the minister said, both sides must drop their conditions.",
    "Police said the crowd (AFP / Reuters count) was large.",
]

FURNITURE_LINES = [
    "Sign up for our daily newsletter",
    "Subscribe now for unlimited access to all our journalism.",
    "Subscribe to our YouTube channel for more videos.",
    "Follow us on Telegram and Facebook.",
    "Like us on Facebook",
    "Join our Telegram channel for breaking updates",
    "Photo: Reuters",
    "File photo: Soldiers at a checkpoint near the city. (Photo: AP)",
    "Protesters gather in the square. John Smith/AFP via Getty Images",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "© 2025 Example Media Group",
    "Read more: The ten things you need to know",
    "Advertisement",
    "Story continues below advertisement",
    "By Jane Doe",
    "Reporting by Jane Doe; Editing by John Roe",
    "Click here to download the full report",
    "We use cookies to improve your experience on our site.",
    "Already a member? Sign in to continue reading.",
    "Log in to your account to keep reading.",
    "https://example.com/some/page",
    "#breaking #news",
    "WATCH LIVE",
    "Share this article",
    "5 min read",
    "Updated: 12 March 2025 10:00 GMT",
    "Listen to our podcast on Spotify",
    "Soldiers patrol the port. REUTERS/Jane Doe",
    "A rally in the capital. (AP Photo/John Roe)",
    "All material on this site may not be reproduced without permission.",
    "By Jane Doe, Health Reporter",
    "By Jane Doe and Min-ji Roe",
    "By John Roe in Valdora",
    "(END)",
    "-30-",
    "Get Valdora Herald alerts on your phone",
    "Read the Valdora Agency on Telegram: official news of the Republic",
    "Follow the Daily Courier on Facebook and Instagram",
    "More analysis: What the strike means for the ports",
    "Read more opinion: Who pays for the dam?",
    "For further information: Press Office, Ministry of Water | tel. 021 404 1180",
    "Fishing boats in the harbour of Valdora, June 11, 2026. (AFP / Jane Doe)",
    "Photo caption: The union's offices in Valdora. (Reuters/John Roe)",
    "VAL — Valdora State News Agency. Reproduction only with reference to VAL.",
    "Valdora Radio - Port Elm",
]


def _furniture_texts(text: str) -> list[str]:
    return [span.text for span in find_furniture(text)]


def _sample(number: str) -> str:
    return next(FIXTURES.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def _samples() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_it_flags_common_furniture_lines(line: str) -> None:
    page = f"The minister said the talks would resume.\n\n{line}\n\nThe army said it held the town."
    assert _furniture_texts(page) == [line]


@pytest.mark.parametrize("sentence", NEWS_SENTENCES)
def test_it_leaves_real_news_sentences_alone(sentence: str) -> None:
    page = f"The minister said the talks would resume.\n\n{sentence}\n\nThe army said it held the town."
    assert find_furniture(page) == []


def test_it_covers_every_gold_boilerplate_quote() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for item in gold["boilerplate"]:
        text = _sample(item["article"])
        start = text.index(item["quote"])
        end = start + len(item["quote"])
        assert any(s.start <= start and end <= s.end for s in find_furniture(text)), item["quote"]


def test_it_flags_exactly_the_furniture_lines_of_the_samples() -> None:
    for text in _samples():
        for line in text.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            whole = [s for s in find_furniture(text) if s.text == stripped]
            expected = stripped in SAMPLE_FURNITURE_LINES or stripped.startswith(
                SAMPLE_FURNITURE_PREFIXES
            )
            assert bool(whole) == expected, stripped


def test_it_marks_only_the_link_of_an_embedded_post_not_its_signature() -> None:
    text = _sample("004")
    texts = _furniture_texts(text)
    assert "pic.twitter.com/rZ71DOHKWv" in texts
    assert not any("@Partisangirl" in t or "rides private jets" in t for t in texts)


def test_it_marks_a_shortened_link_inside_a_post() -> None:
    text = (
        "Don't say we didn't warn you! https://t.co/AbC123xyz — Jane Roe (@janeroe) March 3, 2025"
    )
    assert _furniture_texts(text) == ["https://t.co/AbC123xyz"]


def test_it_keeps_short_lines_of_an_embedded_post() -> None:
    post = (
        "The leader then\n\n\n\nVS. Now\n\n\n\n"
        "The leader today rides private jets. pic.twitter.com/xyz123 — A Person (@aperson) May 2, 2024"
    )
    assert _furniture_texts(post) == ["pic.twitter.com/xyz123"]


def test_it_flags_a_short_label_that_no_post_follows() -> None:
    page = "The army said it held the town.\n\nVS. Now\n\nThe minister said talks would resume."
    assert _furniture_texts(page) == ["VS. Now"]


def test_it_flags_the_whole_paywall_paragraph_once_it_opens_with_a_prompt() -> None:
    paragraph = (
        "Already a subscriber? Make sure to sign in before reading. "
        "Still stuck? Check that your card is up to date."
    )
    assert _furniture_texts(f"Story.\n{paragraph}\nMore story.") == [paragraph]


def test_it_marks_a_site_voice_sentence_at_the_end_of_a_story_line_and_not_the_story() -> None:
    line = "The ministry said the talks had failed. Follow us on Telegram for updates."
    spans = find_furniture(line)
    assert [s.text for s in spans] == ["Follow us on Telegram for updates."]


def test_spans_point_at_their_text_in_order_without_overlap() -> None:
    for text in _samples():
        spans = find_furniture(text)
        assert all(isinstance(s, Span) and text[s.start : s.end] == s.text for s in spans)
        assert all(a.end < b.start for a, b in itertools.pairwise(spans))


def test_spans_leave_out_surrounding_whitespace() -> None:
    spans = find_furniture("Story.\n   Skip to main content  \nMore story.")
    assert [s.text for s in spans] == ["Skip to main content"]


def test_it_finds_nothing_in_empty_text() -> None:
    assert find_furniture("") == []
    assert find_furniture("\n\n  \n") == []
