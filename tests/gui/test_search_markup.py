"""Search hits in our markup: snippets for the list, hits in the reading pane."""

from __future__ import annotations

from desktop.core.query import Detail, EntityInfo
from desktop.core.search import HIT_END, HIT_START
from desktop.core.search_results import Hits, Passage
from desktop.gui import markup

HIT = '<span class="hit">'


def test_hit_html_escapes_and_marks():
    marked = f"…a {HIT_START}<b>&{HIT_END} c {HIT_END}d {HIT_START}e"
    assert markup.hit_html(marked) == f"…a {HIT}&lt;b&gt;&amp;</span> c d {HIT}e</span>"
    assert markup.hit_html("<i>plain</i>") == "&lt;i&gt;plain&lt;/i&gt;"
    assert ".hit {" in markup.STYLE.template


def test_detail_marks_hits_in_title_and_text_inside_entity_links():
    nikitin = EntityInfo(id=7, kind="person", name="Pyotr Nikitin", aliases=["Nikitin"])
    text = "  Pyotr Nikitin met <x>.\n\nNikitin left."
    item = Detail(id=1, url=None, title="Nikitin & co", authors=[], published=None, publisher=None,
                  text=text, entities=[nikitin])
    hits = Hits(title=[(0, 7)], text=[(8, 15), (20, 23), (26, 33)])
    assert [text[s:e] for s, e in hits.text] == ["Nikitin", "<x>", "Nikitin"]
    html = markup.detail_html(item, hits)
    assert f"<h1>{HIT}Nikitin</span> &amp; co</h1>" in html
    assert f'">Pyotr {HIT}Nikitin</span></a> met {HIT}&lt;x&gt;</span>.</p>' in html
    assert f'">{HIT}Nikitin</span></a> left.</p>' in html
    assert HIT not in markup.detail_html(item) and HIT not in markup.detail_html(item, Hits())


def test_the_reading_pane_quotes_the_earlier_version_that_matched():
    item = Detail(id=1, url=None, title="Minister quits", authors=[], published=None, publisher=None,
                  text="The minister resigned on Tuesday.", entities=[EntityInfo(id=3, kind="person", name="Ann Lee")])
    passage = Passage(1, f"…resigned on {HIT_START}Monday{HIT_END}, officials…")
    html = markup.detail_html(item, Hits(earlier=passage))
    assert f"in version 1: …resigned on {HIT}Monday</span>, officials…" in html
    assert html.index("in version 1") < html.index("PEOPLE")  # at the top: the text below has no hits
    assert "version" not in markup.detail_html(item, Hits())


def test_a_snippets_first_hit_stays_in_view_in_a_narrow_column(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.gui.article_table import LEAD_SHARE, lead_cut

    metrics = QFontMetrics(QFont())
    lead = "The deficit is soaring now as the government spends more on the interest of its debt and "
    marked = f"…{lead}the {HIT_START}economy{HIT_END} slows…"
    cut = lead_cut(marked, metrics, 300)
    before = cut.split(HIT_START)[0]
    assert before.startswith("…") and before.endswith("the ")
    assert metrics.horizontalAdvance(before) <= 300 * LEAD_SHARE
    for width in range(200, 400, 10):  # whole words only, wherever the room ends
        assert f" {lead_cut(marked, metrics, width).split(HIT_START)[0][1:]}" in f" {lead}the ", width
    assert cut.endswith(f"{HIT_START}economy{HIT_END} slows…")
    assert lead_cut(marked, metrics, 3000) == marked  # room enough: nothing cut
    assert lead_cut(f"in version 1: {marked}", metrics, 300) == f"in version 1: {cut}"
    assert lead_cut("no hit at all", metrics, 10) == "no hit at all"
