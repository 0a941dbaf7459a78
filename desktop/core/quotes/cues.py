"""Attribution cues: the verb of saying next to a quotation and who its subject is.

After the quotation: "…,” said Mr. Reeves", "…,” she said", "…,” Yulia, a young woman in her
20s …, told The Moscow Times", "…” to hold up on their ICC plans, Indyk said". Before it, in
the same sentence: "Mr Obama said it was “distressing”", "Mr. Warner, the Virginia Democrat,
called the bill “…”", "Emery retweeted the story, saying, “…”". A subject that is no named
person ("it said", "a source told Reuters", "the company claims") is a group or unnamed
source: the quotation gets no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (AUXILIARIES, GENDERED_NOUNS, GROUP_PRONOUNS, HYPOTHETICAL_BEFORE, PERSON_ROLES,
                      PREPOSITIONS, SPEECH_VERBS, SUBJECT_PRONOUNS, UNNAMED_OPENERS)
from .people import People, possessive

NAMED, PRONOUN, DESCRIBED, GROUP = "named", "pronoun", "described", "group"
# How many words may stand between a verb of saying and the name after it ("said chief
# inspector Jennifer Mattinson"), or open the words after a quotation before its subject's
# name ("her mother, Fiona, said"; "Pakistan-based developer Ammar Askar wrote").
TITLE_WORDS = 4
LEAD_WORDS = 6
# The most words between "the" and the noun of a description ("the former Tory MLA").
DESCRIPTION_WORDS = 4
_TOKEN = re.compile(r"[\w\u2019'.\-]*\w[.]?|[,;:()\u2014\u2013]")
_OBJECT_THEN_TO = re.compile(r"^\s+(?:him|her|them|us|me|it)\s+(?:to|not to)\b")


@dataclass
class Cue:
    """Who a verb of saying says spoke: a named person, a pronoun or a description to resolve,
    or a group or unnamed source."""

    kind: str  # NAMED, PRONOUN, DESCRIBED or GROUP
    at: int  # where the subject stands (a pronoun's antecedent is looked for before it)
    name: str | None = None  # NAMED: the person's name
    gender: str | None = None  # PRONOUN: he or she; DESCRIBED: the noun's, if it tells one
    role: str | None = None  # DESCRIBED: the noun ("president" of "the president said")


@dataclass
class Token:
    """A word (with a full stop it may carry: "Mr.") or a clause mark, by its offsets."""

    start: int
    end: int
    word: str

    @property
    def key(self) -> str:
        """The word in lower case without its full stop, as the word lists hold it."""
        return self.word.rstrip(".").lower()

    @property
    def word_end(self) -> int:
        """Where the word ends without its full stop (where a name in it ends)."""
        return self.start + len(self.word.rstrip("."))


def tokens(text: str, start: int, end: int, people: People) -> list[Token]:
    """The words and clause marks of text[start:end] outside quotations."""
    return [Token(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(text[start:end])
            if not people.inside_quote(start + m.start())]


def is_verb(tok: Token, text: str) -> bool:
    """A verb of saying in running text (lower case), not one asking someone to do something
    ("asking him to")."""
    if tok.key == "according":
        return text.startswith(" to ", tok.end)  # "according to Smith", its subject after it
    return tok.word.islower() and tok.key in SPEECH_VERBS and not _OBJECT_THEN_TO.match(text[tok.end:tok.end + 20])


def _headline(words: list[Token]) -> bool:
    """A verb of saying in title case after the quotation: the headline of another article
    ("‘Our Motherland Needs Saving,’ Navalny Says"), whose words the article does not report."""
    return any(w.key in SPEECH_VERBS and w.word[:1].isupper() for w in words[1:LEAD_WORDS])


def after_cue(text: str, toks: list[Token], people: People) -> Cue | None:
    """The cue in the words after a quotation (up to the sentence's end)."""
    words = [t for t in toks if t.word not in ",\u2014\u2013"] if toks else []
    if not words:
        return None
    first = words[0]
    if _headline(words):
        return Cue(GROUP, first.start)
    if first.key == "the" and (verb := _next_verb(words[:DESCRIPTION_WORDS + 2], text)) is not None:
        return described([w for w in words if w.start < verb.start]) or Cue(GROUP, first.start)
    if is_verb(first, text):
        return _subject_after(_title_words(toks, first), people, first.end)
    if first.key in SUBJECT_PRONOUNS or first.key in GROUP_PRONOUNS:
        if len(words) > 1 and _next_verb(words[1:], text) is not None:
            return _pronoun(first)
        return None
    verb = _next_verb(words, text)
    if verb is None:
        return None
    lead = people.starting_in(first.start, verb.start)
    if lead is not None and sum(1 for w in words if w.start < lead.start) <= LEAD_WORDS and _leads_to(toks, lead.end, verb):
        return Cue(NAMED, lead.start, lead.name)
    at = toks.index(verb)
    if (subject := subject_before(toks, at, people)) is not None:
        return subject
    # A group names itself before its verb ("the ministry said", "a source told Reuters");
    # "… but insisted" goes on with the sentence's own subject, before the quotation.
    opens_group = first.key in UNNAMED_OPENERS or first.word[:1].isupper()
    return Cue(GROUP, verb.start) if opens_group and words.index(verb) <= LEAD_WORDS else None


def before_cue(text: str, toks: list[Token], people: People) -> Cue | None:
    """The cue in the words of the quotation's sentence before it: the last verb of saying and
    its subject, or a colon after a person ("De Miranda … in his introduction: “…”")."""
    verbs = [at for at in range(len(toks) - 1, -1, -1) if is_verb(toks[at], text)]
    for at in verbs:
        if _new_subject(toks, at, people):
            return None  # "with Mrs Haley once saying …, and Mrs DeVos branding the tycoon an “interloper”"
        if HYPOTHETICAL_BEFORE.search(text[max(0, toks[at].start - 20):toks[at].end]):
            return Cue(GROUP, toks[at].start)
        subject = subject_before(toks, at, people) or _named_after(toks, at, people)
        if subject is None and at > 0 and toks[at - 1].key in ("and", "but") and at != verbs[-1]:
            continue  # "he said, “…” but added that": the earlier verb's subject
        if subject is None and (_shares_subject(toks, at) or _after_apposition(toks, at, people)):
            subject = _sentence_subject(toks, people)
        return subject or Cue(GROUP, toks[at].start)
    if toks and toks[-1].word == ":":
        # "Their names:", "a question came from a member of the audience:": nobody named speaks.
        return _sentence_subject(toks, people) or Cue(GROUP, toks[-1].start)
    return None


def subject_before(toks: list[Token], at: int, people: People) -> Cue | None:
    """The subject right before the verb toks[at]: a person's name or a pronoun, past
    auxiliaries and adverbs ("had written", "strongly warned"), an apposition between commas
    ("Mr. Warner, the Virginia Democrat, called") and "of" a place ("McConnell of Kentucky")."""
    i = at - 1
    while i >= 0 and _modal(toks[i]):
        i -= 1
    if i >= 1 and toks[i].word == "," and people.ending_at(toks[i - 1].word_end) is not None:
        i -= 1  # "Head teacher, Margaret Hanley, said"
    elif i >= 1 and toks[i].word == ",":
        j = i - 1
        while j >= 0 and toks[j].word != ",":
            j -= 1
        if j >= 1:
            i = j - 1
    if i < 0:
        return None
    tok = toks[i]
    if tok.key in SUBJECT_PRONOUNS:
        return _pronoun(tok)
    if tok.key in GROUP_PRONOUNS:
        return Cue(GROUP, tok.start)
    mention = people.ending_at(tok.word_end) or _before_of(toks, i, people)
    if mention is not None and not _object(toks, mention.start, but="with"):  # "with Mrs Haley once saying"
        return Cue(NAMED, mention.start, mention.name)
    if tok.key == "who":
        return _nearest_named(toks, i, people)
    return described(toks[max(0, i - DESCRIPTION_WORDS):i + 1])


def _shares_subject(toks: list[Token], at: int) -> bool:
    """Whether the verb toks[at] has the sentence's subject: a participle ("posted to Twitter
    asking", "retweeted the story, saying") or a second verb ("put up her picture and wrote")."""
    return toks[at].key.endswith("ing") or (at > 0 and toks[at - 1].key in ("and", "but"))


def _new_subject(toks: list[Token], at: int, people: People) -> bool:
    """Whether someone else is named after the verb toks[at] as the subject of a new clause:
    after "and", "but" or a semicolon (titles between)."""
    for n in range(at + 1, len(toks)):
        mention = people.starting_in(toks[n].start, toks[n].end)
        if mention is None:
            continue
        before = [t for t in toks[at + 1:n] if not t.word[:1].isupper()][-1:]
        if before and before[0].key in ("and", "but", ";"):
            return True
    return False


def _named_after(toks: list[Token], at: int, people: People) -> Cue | None:
    """A name right after the verb, past a few title words, when the quotation comes after
    it: ", said Dr. Leslie Lilly, medical director …, “And it doesn't happen …”"."""
    for tok in _after_verb(toks, at)[:TITLE_WORDS]:
        mention = people.starting_in(tok.start, tok.end)
        if mention is not None:
            after = [t for t in toks if t.start >= mention.end][:1]
            return Cue(NAMED, mention.start, mention.name) if not after or after[0].word == "," else None
        if not tok.word[:1].isupper():
            return None
    return None


def _after_apposition(toks: list[Token], at: int, people: People) -> bool:
    """Whether the sentence opens with a name and an apposition running up to the verb
    toks[at] without its closing comma ("Brian Lavin, the President … of the Company's
    managing general partner said")."""
    lead = next((people.starting_in(t.start, t.end) for t in toks[:3] if people.starting_in(t.start, t.end)), None)
    if lead is None:
        return False
    rest = [t for t in toks[:at] if t.start >= lead.end]
    return bool(rest) and rest[0].word == "," and not any(_verb_form(t) for t in rest)


def _leads_to(toks: list[Token], end: int, verb: Token) -> bool:
    """Whether the name ending at `end` is the subject of `verb`: the verb follows it past
    auxiliaries and adverbs, or an apposition opens after it ("Yulia, a young woman in her
    20s …, told"); not "Emery retweeted the story, saying" nor "Obama was briefed … called"."""
    rest = [t for t in toks if end <= t.start <= verb.start]
    while rest and _modal(rest[0]):
        rest.pop(0)
    return bool(rest) and (rest[0] is verb or rest[0].word == ",")


def _modal(tok: Token) -> bool:
    return tok.key in AUXILIARIES or tok.key.endswith("ly") or tok.key == "not"


def _verb_form(tok: Token) -> bool:
    """A lower-case word that may be a finite verb ("posted", "retweets"), not a possessive."""
    return tok.word.islower() and re.fullmatch(r"[a-z]+(?:ed|s)", tok.key) is not None


def _before_of(toks: list[Token], i: int, people: People):
    """The person before "of <Capitalised words>" ending at toks[i]: "McConnell of Kentucky"."""
    j = i
    while j >= 0 and toks[j].word[:1].isupper():
        j -= 1
    if j >= 1 and j < i and toks[j].key == "of":
        return people.ending_at(toks[j - 1].word_end)
    return None


def _object(toks: list[Token], start: int, but: str = "") -> bool:
    """Whether the name starting at `start` follows a preposition (titles between) other than
    `but`: "a letter to Russian President Vladimir Putin"."""
    before = [t for t in toks if t.end <= start][-4:]
    for tok in reversed(before):
        if tok.word in PREPOSITIONS:  # as written: "AS Opposition Leader Bill Shorten said" opens a sentence
            return tok.word != but
        if not tok.word[:1].isupper():
            return False
    return False


def _sentence_subject(toks: list[Token], people: People) -> Cue | None:
    """The sentence's subject when it is a person named among its first words, after any
    opening phrase ended by a comma ("In an interview with the BBC, Mr Obama …"), and doing
    something next ("David Emery posted to Twitter asking …")."""
    clause = 0
    for n, tok in enumerate(toks[:12]):
        mention = people.starting_in(tok.start, tok.end)
        if mention is not None and n - clause <= LEAD_WORDS and not _object(toks, mention.start):
            if n > 0 and toks[n - 1].key in ("the", "a", "an"):
                return None  # "The Obama administration's first comments"
            after = [t for t in toks if t.start >= mention.end and not t.key.endswith("ly")][:1]
            if not after or after[0].word in ",:" or after[0].key in AUXILIARIES or _verb_form(after[0]) \
                    or after[0].key in SPEECH_VERBS:  # ":" of "Smith: “…”"
                return Cue(NAMED, mention.start, mention.name)
            return None
        if tok.key in SUBJECT_PRONOUNS and n - clause <= 1:
            return _pronoun(tok)
        if tok.word == ",":
            clause = n + 1
    return None


def _nearest_named(toks: list[Token], i: int, people: People) -> Cue | None:
    for tok in reversed(toks[:i]):
        mention = people.ending_at(tok.word_end)
        if mention is not None:
            return Cue(NAMED, mention.start, mention.name)
    return None


def _after_verb(toks: list[Token], at: int) -> list[Token]:
    """The tokens after the verb toks[at], past the "to" of "according to"."""
    skip = 2 if toks[at].key == "according" and at + 1 < len(toks) and toks[at + 1].key == "to" else 1
    return toks[at + skip:]


def _title_words(toks: list[Token], verb: Token) -> list[Token]:
    """The words after a verb of saying up to a preposition or a second comma, at most twice
    TITLE_WORDS: "says SMS Siemag submerged-arc furnaces and electric smelters GM Rolf Degel",
    "recalled Vermelhudo's cousin, Jenny Palma", "said a spokesman" (not "for Senator John Smith")."""
    words: list[Token] = []
    commas = 0
    for tok in _after_verb(toks, toks.index(verb)):
        commas += tok.word == ","
        if commas > 1 or tok.word in ";:" or tok.word in PREPOSITIONS or len(words) > 2 * TITLE_WORDS:
            break
        words.append(tok)
    return [w for w in words if w.word != ","]


def _subject_after(words: list[Token], people: People, verb_end: int) -> Cue:
    """The subject after a verb of saying: a pronoun ("said he"), a name after at most a few
    title words ("said Senator Mark Warner"), else a group ("said a spokesman")."""
    if words and words[0].key in SUBJECT_PRONOUNS:
        return _pronoun(words[0])
    for tok in words:
        mention = people.starting_in(tok.start, tok.end)
        if mention is not None and not possessive(people.text, mention.end):
            return Cue(NAMED, mention.start, mention.name)
    phrase = words[:next((n for n, w in enumerate(words) if w.key in PREPOSITIONS), len(words))]
    return described(phrase) or Cue(GROUP, verb_end)


def described(phrase: list[Token]) -> Cue | None:
    """A definite description of a person as the subject ("the real estate mogul added", "said
    the Arizona Republican"): "the" and at most a few words ending in a noun for a person. The
    person is found as a pronoun's would be (gender from the noun when it tells one)."""
    words = [t for t in phrase if t.word not in ",\u2014\u2013"]
    the = next((n for n, w in enumerate(words) if w.key == "the"), None)
    if the is None or len(words) - the > DESCRIPTION_WORDS + 1:
        return None
    head = words[-1].key
    if head not in PERSON_ROLES:
        return None
    return Cue(DESCRIBED, words[the].start, gender=GENDERED_NOUNS.get(head), role=head)


def _next_verb(words: list[Token], text: str) -> Token | None:
    return next((w for w in words if is_verb(w, text)), None)


def _pronoun(tok: Token) -> Cue:
    if tok.key in SUBJECT_PRONOUNS:
        return Cue(PRONOUN, tok.start, gender=SUBJECT_PRONOUNS[tok.key])
    return Cue(GROUP, tok.start)
