"""The analyst's pages in a real Chromium, driven by Playwright against pytest-django's live server.

The browser is Debian's ``chromium`` (Playwright cannot download its own here),
started once per session. Every test also fails on a console error or an
uncaught page error, and the accessibility check runs axe-core (bundled by
``axe-playwright-python``) on each kind of page.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from claims.corroboration import claims_recompute
from claims.models import Claim, Kind, Stance
from entities.models import Entity
from tests.factories import AliasFactory, ArticleFactory, ClaimFactory, EntityFactory, EvidenceFactory, SourceFactory

CHROMIUM = Path(os.environ.get("CLAIMTRACK_CHROMIUM", "/usr/bin/chromium"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def sync_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # (factories, recomputes, the database flush after each test) are plain synchronous
    # code between its calls. Module-scoped, so it outlives every test's flush, and not
    # set at import: the flag must not reach other modules' tests (check --deploy rejects it).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


PHONE = {"width": 375, "height": 740}


# Module-scoped: Playwright keeps an event loop running in this thread while it is
# open, and every later test's ORM call would then be refused as "async".
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page; the test fails if the page logs an error or throws."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


def evidence(claim: Claim, outlet: str | None, *, published=dt.date(2025, 1, 2), origins=(), **extraction):
    source = SourceFactory(name=outlet) if outlet else None
    return EvidenceFactory(
        claim=claim,
        extraction__article=ArticleFactory(source=source, published=published),
        extraction__origins=list(origins),
        **{f"extraction__{key}": value for key, value in extraction.items()},
    )


@pytest.fixture
def claims():
    """Three claims with real evidence, their figures and search documents computed by the database."""
    actor = EntityFactory(name="Ahmad Example", kind=Entity.Kind.PERSON)
    AliasFactory(entity=actor, surface="Abu Example")
    wire = EntityFactory(name="Wire Agency", kind=Entity.Kind.ORG)
    handover = ClaimFactory(kind=Kind.DEMAND, actor=actor, summary="Ahmad Example demands the hand-over of the archive")
    evidence(handover, "Daily One", origins=[wire], published=dt.date(2025, 1, 2))
    evidence(handover, "Daily Two", origins=[wire], published=dt.date(2025, 1, 3))
    evidence(handover, "Weekly", published=dt.date(2025, 1, 9), stance=Stance.HEDGED)
    evidence(handover, None, published=None)
    talks = ClaimFactory(kind=Kind.STATEMENT, summary="The talks stalled over the port")
    for n in range(4):
        evidence(talks, f"Gazette {n}", published=dt.date(2025, 2, 1))
    compensation = ClaimFactory(kind=Kind.DEMAND, summary="The council demands compensation")
    evidence(compensation, "Daily One", published=dt.date(2025, 1, 20))
    claims_recompute(claim_ids=[handover.pk, talks.pk, compensation.pk])
    return {"handover": handover, "talks": talks, "compensation": compensation}


def row_summaries(page) -> list[str]:
    return page.locator("tr.claim-row td:first-child > a").all_inner_texts()


def test_filters_and_sort_change_the_rows_and_stay_in_the_url(page, claims):
    page.goto("/")
    assert row_summaries(page)[0] == "The talks stalled over the port"  # 4 origins first

    page.select_option("#f-kind", "demand")
    page.select_option("#f-sort", "newest")
    page.click("button[type=submit]")

    assert "kind=demand" in page.url and "sort=newest" in page.url
    assert row_summaries(page) == [
        "The council demands compensation",
        "Ahmad Example demands the hand-over of the archive",
    ]
    page.fill("#f-outlet", "Weekly")
    page.click("button[type=submit]")
    assert row_summaries(page) == ["Ahmad Example demands the hand-over of the archive"]


def test_search_finds_a_claim_by_an_alias_of_its_actor(page, claims):
    page.goto("/")
    page.fill("#f-q", "Abu Example")
    page.press("#f-q", "Enter")

    assert row_summaries(page) == ["Ahmad Example demands the hand-over of the archive"]


def test_the_actor_field_suggests_names_as_you_type(page, claims):
    page.goto("/")
    page.fill("#f-actor", "Abu")

    expect(page.locator("#actor-options option")).to_have_count(1)
    assert page.locator("#actor-options option").first.get_attribute("value") == "Ahmad Example"


def test_the_chart_has_one_mark_per_dated_article(page, claims):
    page.goto(f"/claims/{claims['handover'].pk}/")

    assert page.locator("svg.timeline circle.article-dot").count() == 3  # the fourth article is undated
    assert page.locator("svg.timeline rect.bar").count() == 3
    assert "1 undated article" in page.inner_text("#figures")
    assert page.locator("ul.origin-view").inner_text().count("Wire Agency") >= 2


def test_the_evidence_link_scrolls_to_the_highlighted_sentence(page, live_server):
    claim = ClaimFactory(summary="The council demands the ledgers")
    filler = "".join(f"Paragraph {n} says nothing of note.\n\n" for n in range(80))
    sentence = "The council demanded the ledgers."
    article = ArticleFactory(body=filler + sentence + "\n", published=dt.date(2025, 1, 2))
    start = len(filler)
    item = EvidenceFactory(
        claim=claim, extraction__article=article, extraction__sentence=sentence,
        extraction__sentence_start=start, extraction__sentence_end=start + len(sentence),
    )
    claims_recompute(claim_ids=[claim.pk])

    page.goto(f"/claims/{claim.pk}/")
    page.click(f"a[href$='#ev-{item.pk}']")

    page.wait_for_url(re.compile(f"#ev-{item.pk}$"))
    target = page.locator(f"#ev-{item.pk}")
    target.wait_for()
    expect(target).to_be_in_viewport()
    assert target.inner_text().startswith(sentence)
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"


def test_no_page_scrolls_sideways_on_a_375px_phone(browser, live_server, claims):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    article = claims["handover"].evidence.first().extraction.article_id
    for url in ["/", f"/claims/{claims['handover'].pk}/", f"/articles/{article}/"]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the phone"
    context.close()


def test_the_pages_have_no_serious_accessibility_violations(page, claims):
    from axe_playwright_python.sync_playwright import Axe

    article = claims["handover"].evidence.first().extraction.article_id
    for url in ["/", f"/claims/{claims['handover'].pk}/", f"/articles/{article}/"]:
        page.goto(url)
        violations = Axe().run(page).response["violations"]
        serious = [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{url}: {serious}"


def test_the_open_claim_page_follows_a_recompute_without_a_reload(page, claims):
    claim = claims["compensation"]
    page.goto(f"/claims/{claim.pk}/")
    assert page.inner_text("dd[data-figure=articles]") == "1"

    evidence(claim, "Late Outlet", published=dt.date(2025, 1, 21))
    claims_recompute(claim_ids=[claim.pk])

    expect(page.locator("dd[data-figure=articles]")).to_have_text("2", timeout=8000)
