"""Statements: who said what, directly or in reported speech.

The entry point the pipeline calls (``find_quotes``, ``find_statements``,
``continued_quotes``, ``according_to_statements``, ``social_posts``,
``interview_answers``); the work is done in these modules, each importing only
those listed above it:

- quotations.py: quotation marks paired into spans, and the spans statements
  are built from;
- full_names.py: a bare surname or "she" resolved to the article's full name of
  that gender;
- anonymous_sources.py: role nouns ("a ministry spokesman", "one analyst") filed
  under the organisation they speak for;
- speakers.py: who a cue verb's subject is (pronoun speakers, titles and
  appositions, leaders, documents, role nouns);
- responses.py: "no comment" statements and the demand a response answers;
- cue_statements.py: statements found by a cue verb ("X said ...", "'...,' X
  told reporters", "a White House readout said", denials) or "according to X";
- continued_quotes.py: quotations with no cue verb of their own, given to the
  speaker their paragraph continues or the subject before a colon;
- posts_and_interviews.py: embedded social posts ("— Name (@handle) Month D,
  YYYY") and interview answers (question-and-answer layout).
"""
from __future__ import annotations

from .anonymous_sources import ORGANISATION_KIND_NOUNS, ROLE_NOUNS, role_owner
from .continued_quotes import UTTERANCE_NOUNS, continued_quotes
from .cue_statements import according_to_statements, find_statements, statements_from
from .full_names import full_name
from .posts_and_interviews import INTERVIEW_VERBS, interview_answers, social_posts
from .quotations import find_quotes
from .responses import DEMAND_NOUNS, NO_COMMENT_VERBS, REFUSED_SPEECH, REFUSING_VERBS, no_comment_from
from .speakers import PERSON_ROLE_NOUNS, SPEAKING_VERBS, pronoun_speaker, speaker_of

__all__ = [
    "DEMAND_NOUNS", "INTERVIEW_VERBS", "NO_COMMENT_VERBS", "ORGANISATION_KIND_NOUNS", "PERSON_ROLE_NOUNS",
    "REFUSED_SPEECH", "REFUSING_VERBS", "ROLE_NOUNS", "SPEAKING_VERBS", "UTTERANCE_NOUNS",
    "according_to_statements", "continued_quotes", "find_quotes", "find_statements", "full_name",
    "interview_answers", "no_comment_from", "pronoun_speaker", "role_owner", "social_posts",
    "speaker_of", "statements_from",
]
