"""Find page furniture in an article's text: the parts of a web page that are not the story.

Copied or scraped articles carry navigation ("Skip to main content"),
paywall prompts ("Already a subscriber?"), share and follow lines, copyright
notices, photo credits, stray widget labels ("Dv3", "JOIN THE MOVEMENT") and
links of embedded posts. Extraction must not read claims or actors out of
them, yet the text is kept, so this module only *locates* them and returns
their character spans.

Detection is line-based and general: the cues are the site's own voice
(second person, "our newsletter", "follow us"), the conventions of credits
and notices, and layout: pipe-separated section lines, contact lines (e-mail,
phone), press-release marks ("FOR IMMEDIATE RELEASE", "###", "About X: ...")
and the author's note and disclaimer that close an op-ed ("The writer is ...",
"Jane Roe is an economist at ...", "Views expressed are personal."), never the
subject of a story. The signature line of an embedded post stays: its name is
the post's speaker, and the statement reader needs it as a mention. It is pure Python (no spaCy, no
Django) so it runs at ingest time on any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.types import Span

_I = re.IGNORECASE


def _any_of(patterns: list[str]) -> list[re.Pattern[str]]:
    # Kept apart, not joined into one alternation: apart, each gets re's literal-prefix speed-ups.
    return [re.compile(pattern, _I) for pattern in patterns]


# A sentence in the site's own voice: once it opens a line, the whole line is furniture.
_SITE_VOICE = _any_of(
    [
        r"^skip to (the )?(main )?(content|navigation|main|article)\b",
        r"\balready (a |an )?(subscriber|member|registered user)\b",
        r"\b(log|sign)(ging)? ?(in|into|on)( to)? your (account|profile)\b",
        r"\b(access|manage|update) your (account|subscription)\b",
        r"\b(view|viewing|read|reading|access|unlock)(ing)? (this|the full) (content|article|story)\b",
        r"^(subscribe|sign up|register|log in|login|sign in)\b",
        # "Follow The Daily Record on Facebook and Instagram", "Read VNA on Telegram: ...": the outlet
        # names itself, so the words before the network are few.
        r"^(follow|read|watch|find|join|listen to) ([\w.&'’-]+ ){1,5}on (telegram|whatsapp|facebook|instagram|twitter|"
        r"x|youtube|tiktok|threads|bluesky|linkedin|google news|signal|viber)\b",
        r"^get ([\w.&'’-]+ ){0,5}(alerts|notifications|push notifications) (on|to|in) your\b",
        r"\bsubscribe (now|today|for free)\b",
        r"\b(subscribe|sign up|register) (to|for) (our|us|the \w+ newsletter)\b",
        r"\bour (newsletters?|mailing list)\b",
        r"\b(listen to|subscribe to|download) our\b",
        r"^(follow|like) us\b",
        r"\b(follow|like) us (on|at|for)\b",
        r"\bfollow @\w+",
        r"\bjoin(ing)? (us|our)\W+(\w+\W+){0,2}?(channel|newsletter|mailing list)\b",
        r"\bjoin(ing)? (us|our)( \w+)? on (whatsapp|telegram|facebook|discord|instagram|youtube|x)\b",
        r"^keep up(-| )to(-| )date\b",
        r"\bkeep up(-| )to(-| )date with our\b",
        r"^get (faster|the latest|breaking|more|all the latest) (news|updates|stories)\b",
        r"\bsent (straight )?to your inbox\b",
        r"\bdownload (our|the \w+) app\b",
        r"\bclick here\b",
        r"^share (this|on|via)\b",
        r"\bshare this (article|story|page)\b",
        r"\bwe use cookies\b",
        r"\b(privacy policy|cookie policy|terms of (use|service))\b",
        r"\bsupport (our|independent) journalism\b",
        r"\bstory continues (below|after)\b",
        r"^(advertisement|sponsored( content)?|promoted)$",
        r"^(read more|also read|read also|related|see also|recommended|more from \w+|most read|trending now|you may also like)\b\s*(:|$|[|»›>-])",
        # "More analysis: ...", "Read more opinion: ...", "More on this story: ...": a link to another piece.
        r"^(read )?more (on this (story|topic)|(opinion|analysis|comment|coverage|stories|features|explainers|reading))\s*:",
        r"^(watch|listen|video)\s*:",
        r"\blisten to this (article|story)\b",
        r"^\d+\s*min(ute)?s? read$",
        r"^(published|updated|posted|last updated)\s*(on|at)?\s*:?\s*(\w+\s+)?\d{1,2}[\w ,:/.+-]{0,40}$",
        # Copyright and syndication notices.
        r"\ball rights reserved\b",
        r"^(copyright\s*(©|\(c\)|\d{4}|by\b)|©|\(c\) \d{4})",
        r"\b(material|content)\b.{0,80}\bmay not be (reproduced|published|broadcast|rewritten|redistributed)\b",
        r"\btrust principles\b",
        r"^reproduction\b.{0,60}\b(only|permitted|prohibited|forbidden|allowed|without|with (a )?(reference|link|attribution))\b",
        r"^(additional )?(reporting|writing|editing) by (?-i:[A-Z])",
        r"\breporting by\b[^.]*\bediting by\b",
        r"\bthis (article|story) (was|has been) (originally )?(published|updated|amended|corrected)\b",
        # Disclaimers and the author's note that close an opinion piece.
        r"^(the )?views (expressed )?(here |above |in this (article|column|piece|op-ed) )?are (personal|(my|his|her|their|the (author|writer)'?s?) own)\b",
        r"^(the )?(views|opinions)( and opinions)? expressed\b.{0,80}\bnot necessarily (reflect|represent)\b",
        r"^the (writer|author|columnist|contributor)s? (is|are) (a|an|the|former|currently)\b",
        r"^the (writer|author|columnist|contributor)s? (teaches|works|lectures|writes) (at|for|in|on|about)\b",
        # Press-release boilerplate: contacts, the release line, "About X: ..." and the end mark.
        r"^(media|press)( and (media|press))? (contacts?|enquiries|inquiries|office|officer)\b",
        r"^(for )?(media|press|more|further) (enquiries|inquiries|information)\s*[,:]?\s*(please )?(contact|call|e-?mail)\b",
        r"^contacts?\s*:",
        r"^for (further|more) (information|details)\s*:",
        r"^for immediate release\b",
        # The end mark of a release or wire story: "###", "-ENDS-", "(END)", "-30-".
        r"^(#{3}|-+ ?ends ?-+|ends|\((end|ends)\)|- ?30 ?-)$",
        r"(?-i:^About (the )?[A-Z][\w&.'’-]*( (of |for |and |the )?[A-Z&][\w&.'’-]*){0,7}\s*:)",
    ]
)

# A photo or video credit. A short line that carries one is a caption: all furniture.
_CREDIT = _any_of(
    [
        r"\bvia getty images\b",
        r"\bgetty images\.?$",
        r"^(photo|photograph|image|picture|credit|file photo|illustration|video)s?( credit| caption| by)?\s*[:|]",
        r"^caption\s*:",
        # "(AFP / Jane Roe)", "(Reuters/John Roe)" closing a caption: an agency, a slash, a photographer.
        r"(?-i:\((AFP|AP|EPA|Reuters|REUTERS|Getty( Images)?|Anadolu|Xinhua|dpa|Bloomberg|Sipa|ZUMA|NurPhoto|"
        r"Shutterstock|Alamy|[A-Z][\w.-]+ Photo) ?/ ?[A-Z][\w.'’-]*( [A-Z][\w.'’-]*){0,3}\)\.?)$",
        r"\((photo|image|picture|credit)s?( credit| by)?\s*:",
        r"\b(photo|image|picture)s?\s+(credit|courtesy)\b",
        r"\b(photo|image|picture)\s*:\s*\w",
        # "Name/AFP", "REUTERS/Name": the agency-slash convention of credits.
        (
            r"\b[\w.-]+/(AFP|AP|EPA|Reuters|Getty|Anadolu|Xinhua|dpa|Bloomberg|Sipa|ZUMA|NurPhoto|"
            r"Shutterstock|Alamy)(\s+via\s+[\w ]+)?\.?$"
        ),
        r"(?-i:\b(REUTERS|AFP|EPA)/[A-Z][\w.-]*( [A-Z][\w.-]*){0,3}\.?)$",
        r"(?-i:\bAP Photo\b)",
    ]
)

# Links of an embedded social post: the post's words and its signature stay.
_POST_LINK = re.compile(r"(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+", _I)
# "— Name (@handle) Month D, YYYY": the signature that closes an embedded post.
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w.])\+\d{1,3}[\s().-]*\d[\d\s().-]{5,}\d")
# "About Sylvania Relief" alone on a line: the heading of a press release's boilerplate.
_ABOUT_HEADING = re.compile(r"^About (the )?[A-Z][\w&.'’-]*( (of |for |and |the )?[A-Z&][\w&.'’-]*){0,7}$")
# "Maria Okafor is an economist at ...": a name, "is a/an", a role, then where.
# "Maria Okafor is an economist at ...", "Jane Roe is a former judge and teaches law at ...",
# "John Roe teaches economics at ...": a name, a role or what the person does, then where.
_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){2,4}((is|was) (a|an|the)\b|(teaches|works|lectures|writes|researches|heads|leads|"
    r"directs|chairs|edits|covers)\b)(\s[\w'’-]+){0,10}?\s(at|of|for|with|in|on)\b"
)
# "Notes to editors" alone on a line: what follows is background for journalists, not the release.
_NOTES_HEADING = re.compile(r"^notes? (to|for) (editors?|journalists)\s*:?$", _I)
_DASHES = re.compile(r"[-–—|/]+")
_URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", _I)
_HANDLES_ONLY = re.compile(r"^([#@]\w+[\s,]*)+$")
# "By Jane Roe and John Roe", "By Jane Roe in Lyon", "By Jane Roe, Health Reporter": the role after
# the comma is in title case, so "By Friday, the ministry had not replied" is no byline.
_NAME_WORD = r"[A-Z][\w.'’-]+"
_BYLINE = re.compile(
    rf"^[Bb]y\s+{_NAME_WORD}(\s+(and\s+)?{_NAME_WORD}){{0,5}}(\s+in\s+{_NAME_WORD}(\s+{_NAME_WORD}){{0,2}})?"
    rf"(\s*[,|—–]\s*{_NAME_WORD}(\s+(and|of|for|on|&|{_NAME_WORD})){{0,5}})?$"
)

# Sentence ends: ".", "?" or "!" (maybe closed by a quote or bracket), then space and a capital or quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?…:;,\"'”’)\]]$")
_WORD = re.compile(r"\S+")

SHORT_LINE_WORDS = 4  # at most this many words with no punctuation: a label, not a sentence
CAPTION_WORDS = 30  # a line this short that carries a credit is a caption
# A post signature this many non-empty lines further down marks a short line as a post's words.
POST_LOOKAHEAD = 3
KICKER_PART_WORDS = 5  # each piece of a pipe-separated section line is a label
CONTACT_WORDS = 15  # a contact line is short; a story sentence quoting an address is longer
BIO_SENTENCES = 2  # "X is an economist at Y. The views expressed are her own."
BIO_WORDS = 50
NAME_LABEL_WORDS = 8  # "VAL — Valdora State News Agency."


def find_furniture(text: str) -> list[Span]:
    """Spans of page furniture in ``text``, in order and not overlapping."""
    lines = [(start, end) for start, end in _lines(text) if text[start:end].strip()]
    texts = [text[start:end].strip() for start, end in lines]
    signed = [bool(_POST_SIGNATURE.search(line)) for line in texts]
    whole = [
        # A post signature on this line or one of the next few: the line is a post's words.
        _is_furniture_line(line, in_post=any(signed[index : index + POST_LOOKAHEAD + 1]))
        for index, line in enumerate(texts)
    ]
    whole = _with_context(texts, whole)
    spans: list[Span] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if whole[index]:
            spans.append(_trimmed_span(text, start, end))
            continue
        spans.extend(_furniture_sentences(text, start, end))
        spans.extend(
            Span(start + m.start(), start + m.end(), m.group()) for m in _POST_LINK.finditer(line)
        )
    return _merge(spans, text)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _is_furniture_line(line: str, *, in_post: bool) -> bool:
    stripped = line.strip()
    sentences = _split_sentences(stripped)
    if _is_site_voice(sentences[0]) or _is_label(stripped, in_post=in_post):
        return True
    if _is_signed_notice(sentences):
        return True
    if _URL_ONLY.match(stripped) or _HANDLES_ONLY.match(stripped) or _BYLINE.match(stripped):
        return True
    if _is_kicker(stripped) or _is_contact(stripped):
        return True
    return _word_count(stripped) <= CAPTION_WORDS and any(_is_credit(s) for s in sentences)


def _is_signed_notice(sentences: list[str]) -> bool:
    """"VAL — Valdora State News Agency. Reproduction only with reference to VAL.": a notice
    in the site's voice with only the outlet's name beside it."""
    if len(sentences) < 2 or not _is_site_voice(sentences[-1]):
        return False
    return all(_is_name_label(sentence) for sentence in sentences[:-1])


def _is_name_label(sentence: str) -> bool:
    words = _label_words(sentence.rstrip("."))
    return 0 < len(words) <= NAME_LABEL_WORDS and all(word[0].isupper() for word in words)


def _is_kicker(line: str) -> bool:
    """"Shipping Weekly | Ports": short labels joined by pipes, a section line or kicker, not a sentence."""
    parts = [part.strip() for part in line.split("|")]
    if len(parts) < 2 or _TERMINAL.search(line):
        return False
    return all(part and _word_count(part) <= KICKER_PART_WORDS for part in parts)


def _is_contact(line: str) -> bool:
    """A short line carrying an e-mail address or an international phone number: a contact block."""
    if _word_count(line) > CONTACT_WORDS:
        return False
    return bool(_EMAIL.search(line) or _PHONE.search(line))


def _with_context(lines: list[str], whole: list[bool]) -> list[bool]:
    """Furniture that only its neighbours give away: the text under an "About X" heading, a
    release's notes to editors, and the author's note that closes a piece ("Jane Roe is an
    economist at ...")."""
    whole = list(whole)
    for index, line in enumerate(lines[:-1]):
        if _ABOUT_HEADING.match(line):
            whole[index + 1] = True
        if _NOTES_HEADING.match(line):
            # The notes close a release: every line after them is notes, contacts or end marks.
            whole[index:] = [True] * (len(lines) - index)
            break
    # Walk up from the end over furniture: a bio line there belongs to the closing block.
    for index in range(len(lines) - 1, -1, -1):
        if whole[index]:
            continue
        if not _is_bio(lines[index]):
            break
        whole[index] = True
    return whole


def _is_bio(line: str) -> bool:
    """"Name Surname is a/an <role> at/of ...", in a line of at most a few sentences."""
    sentences = _split_sentences(line)
    if len(sentences) > BIO_SENTENCES or _word_count(line) > BIO_WORDS:
        return False
    first, rest = sentences[0], sentences[1:]
    return bool(_BIO.match(first)) and all(_BIO.match(s) or _is_site_voice(s) for s in rest)


def _is_site_voice(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern in _SITE_VOICE)


def _is_credit(sentence: str) -> bool:
    return any(pattern.search(sentence) for pattern in _CREDIT)


def _is_label(line: str, *, in_post: bool) -> bool:
    """A few words with no sentence punctuation: a widget label or stray alt text.

    Short lines of an embedded social post are the post's words, so they stay.
    """
    if in_post or len(_label_words(line)) > SHORT_LINE_WORDS:
        return False
    return not _TERMINAL.search(line) and not re.search(r"[\"“”]", line)


def _furniture_sentences(text: str, start: int, end: int) -> Iterator[Span]:
    """Site-voice sentences inside a line of story ("... Follow us on Telegram.")."""
    line = text[start:end]
    for s_start, s_end in _sentence_bounds(line):
        if _is_site_voice(line[s_start:s_end]):
            yield Span(start + s_start, start + s_end, line[s_start:s_end])


def _split_sentences(line: str) -> list[str]:
    return [line[s:e] for s, e in _sentence_bounds(line)] or [line]


def _sentence_bounds(line: str) -> Iterator[tuple[int, int]]:
    position = len(line) - len(line.lstrip())
    for match in _SENTENCE_END.finditer(line):
        yield position, match.start() + len(match.group(1))
        position = match.end()
    end = len(line.rstrip())
    if position < end:
        yield position, end


def _label_words(text: str) -> list[str]:
    """The words of a label; a dash between two names is none ("Valdora Radio - Port Elm": four)."""
    return [word for word in _WORD.findall(text) if not _DASHES.fullmatch(word)]


def _word_count(line: str) -> int:
    return len(_WORD.findall(line))


def _trimmed_span(text: str, start: int, end: int) -> Span:
    """The line without its surrounding whitespace."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    trail = len(line) - len(line.rstrip())
    return Span(start + lead, end - trail, text[start + lead : end - trail])


def _merge(spans: list[Span], text: str) -> list[Span]:
    """Sort and fold overlapping spans so each character is reported once."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            end = max(last.end, span.end)
            span = Span(last.start, end, text[last.start : end])
        merged.append(span)
    return merged
