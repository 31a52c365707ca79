"""Syndicated copies: the same wire story run by several outlets is one independent origin.

Each article's body (page furniture left out) is cut into overlapping
five-word shingles and summarised by a MinHash (``datasketch``). The
signature is split into bands whose hashes are stored with a GIN index
(``ArticleFingerprint.bands``), so the candidates for a new article are the
stored ones sharing a band: one indexed query, whatever the corpus size. A
candidate is a copy when most of the shorter text's shingles are in the
longer one (a new headline, a trimmed ending or an added local paragraph do
not hide it) and neither text is less than half the other.

Copies are grouped by the connected components of "is a copy of" between
articles of different outlets, and every member of a group points at one
canonical article (``Article.reprint_of``; the canonical one points at
nothing): the earliest by publication date, then by content hash. Both the
groups and that choice depend only on the set of articles, never on the
order they arrived in, so the figures do not either. A relink saves the
articles it changes, so the claims they back are recounted
(``claims.receivers``).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash
from django.db import connection, transaction
from django.db.models import Q

from .models import Article, ArticleFingerprint

SHINGLE_WORDS = 5
NUM_PERM = 128
# Bands of two rows: a pair with a Jaccard similarity of 0.3 (a copy half as long as its original)
# shares a band 99.8% of the time; unrelated stories (about 0.01) 0.6%, and those are verified.
BANDS, ROWS = 64, 2
SEED = 1  # fixed: signatures stored yesterday must compare with today's
MIN_SHINGLES = 50  # a few sentences are too little to call anything a copy
# Share of the shorter text's shingles found in the longer one: a rewritten first paragraph and a
# cut last one still leave a wire story of six paragraphs at about 0.8. The estimate from 128
# permutations is good to about ±0.05.
MIN_CONTAINMENT = 0.7
MIN_SIZE_RATIO = 0.5  # a text quoting a short one in full is no copy of it
# Taken by every relink, so two copies ingested at once still find each other.
SYNDICATION_LOCK_ID = 0x5265707269  # "Repri"

_WORD = re.compile(r"\w+")


def article_syndicate(*, article: Article) -> list[int]:
    """Fingerprint ``article`` and link it into its group of copies; returns the articles relinked."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SYNDICATION_LOCK_ID])
        fingerprint = _fingerprint_store(article)
        if fingerprint.shingles < MIN_SHINGLES:
            return []
        copies = _copies_of(article, fingerprint)
        if not copies:
            return []
        return _group_relink(new=article, copies=copies)


def articles_syndicate_missing(*, limit: int) -> int:
    """Fingerprint (and link) up to ``limit`` articles stored before fingerprints existed."""
    articles = Article.objects.filter(fingerprint__isnull=True).order_by("pk")[:limit]
    done = 0
    for article in articles:
        article_syndicate(article=article)
        done += 1
    return done


# --- Fingerprints ----------------------------------------------------------------------------


def shingles_of(body: str, furniture: Iterable[Iterable[int]] = ()) -> set[str]:
    """Five-word shingles of the story: casefolded words, page furniture left out."""
    text = _without_spans(body, furniture)
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _without_spans(body: str, spans: Iterable[Iterable[int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(tuple(span) for span in spans):
        kept.append(body[position:start])
        position = max(position, end)
    kept.append(body[position:])
    return "\n".join(kept)


def signature_of(shingles: set[str]) -> np.ndarray:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return minhash.hashvalues.astype(np.uint32)


def bands_of(signature: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band, the band's number mixed in so bands never collide."""
    bands = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + rows, digest_size=8).digest()
        bands.append(int.from_bytes(digest, "little", signed=True))
    return bands


def _fingerprint_store(article: Article) -> ArticleFingerprint:
    shingles = shingles_of(article.body, article.furniture)
    signature = signature_of(shingles)
    fingerprint, _ = ArticleFingerprint.objects.update_or_create(
        article=article,
        defaults={
            "shingles": len(shingles),
            "signature": [int(value) for value in signature],
            "bands": bands_of(signature),
        },
    )
    return fingerprint


# --- Copies and groups -----------------------------------------------------------------------


def is_copy(a_shingles: int, a_signature: list[int], b_shingles: int, b_signature: list[int]) -> bool:
    """Whether two texts are copies of one story, judged from their sizes and MinHash signatures."""
    small, large = sorted((a_shingles, b_shingles))
    if small < MIN_SHINGLES or small < MIN_SIZE_RATIO * large:
        return False
    jaccard = float(np.mean(np.asarray(a_signature) == np.asarray(b_signature)))
    shared = jaccard * (a_shingles + b_shingles) / (1 + jaccard)
    return shared / small >= MIN_CONTAINMENT


def _copies_of(article: Article, fingerprint: ArticleFingerprint) -> list[tuple[int, int | None]]:
    """(id, reprint_of id) of the stored copies of ``article`` from other outlets."""
    candidates = (
        ArticleFingerprint.objects.filter(bands__overlap=fingerprint.bands)
        .exclude(article_id=article.pk)
        .values_list("article_id", "shingles", "signature", "article__source_id", "article__reprint_of_id")
    )
    return [
        (article_id, reprint_of)
        for article_id, shingles, signature, source_id, reprint_of in candidates
        if _other_outlet(article.source_id, source_id)
        and is_copy(fingerprint.shingles, fingerprint.signature, shingles, signature)
    ]


def _other_outlet(a: int | None, b: int | None) -> bool:
    # An article of unknown outlet counts as its own outlet, as in the figures.
    return a is None or b is None or a != b


def canonical_key(article: Article) -> tuple:
    """Canonical order: earliest publication first (undated last), then the content hash."""
    return (article.published is None, article.published or 0, article.content_hash)


def _group_relink(*, new: Article, copies: list[tuple[int, int | None]]) -> list[int]:
    """Merge ``new`` and the groups of its copies into one, all pointing at its canonical member."""
    heads = {reprint_of or article_id for article_id, reprint_of in copies}
    members = list(
        Article.objects.filter(Q(pk__in=heads | {new.pk}) | Q(reprint_of__in=heads))
        .defer("body", "furniture")
        .order_by("pk")
    )
    canonical = min(members, key=canonical_key)
    relinked = []
    for member in members:
        wanted = None if member.pk == canonical.pk else canonical.pk
        if member.reprint_of_id != wanted:
            member.reprint_of_id = wanted
            # A save, not an update: history records it and the claims it backs are recounted.
            member.save(update_fields=["reprint_of"])
            relinked.append(member.pk)
    if new.pk in relinked:
        new.reprint_of_id = canonical.pk if canonical.pk != new.pk else None
    return relinked
