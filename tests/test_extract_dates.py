"""Kind 5: the publication date. Published outranks updated; the meta names CMSs use; a date
shown only as text in the byline block; other stories' dates never win; 1900 on is plausible,
the future is not; the calendar day as the page states it."""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_html
from desktop.core.extract.dates import from_epoch, to_iso
from desktop.core.extract.pubdate import PUBLISHED_RULES, text_date

PROSE = "".join(f"<p>Paragraph {n} of the article, with words enough to count as prose here.</p>" for n in range(5))


def page(head: str = "", header: str = "", extra: str = "") -> str:
    return (f"<html><head><title>Harbour reopens</title>{head}</head><body><article>"
            f"<h1>Harbour reopens</h1>{header}{PROSE}</article>{extra}</body></html>")


@pytest.mark.parametrize("name", ["publish-date", "pubdate", "date", "parsely-pub-date", "sailthru.date",
                                  "DC.date.issued", "article:published_time", "publication_date"])
def test_publication_meta_names_beat_modified_ones(name):
    head = (f'<meta name="modified-date" content="2018-11-09T10:53:42+05:30">'
            f'<meta property="og:updated_time" content="2018-11-09T10:53:42+05:30">'
            f'<meta name="{name}" content="2018-11-08T19:47:56+05:30">')
    assert extract_html(page(head)).published == "2018-11-08T19:47:56+05:30"


def test_updated_stamp_above_the_published_one_is_not_the_date():
    header = ('<div class="stamps"><span class="time-stamp">Updated: <time datetime="2018-11-09T10:53:42+05:30">'
              'November 09, 2018</time></span> <span class="time-stamp">Published: November 08, 2018 19:47 IST</span></div>')
    assert extract_html(page(header=header)).published == "2018-11-08"


def test_date_only_as_text_in_the_byline_block():
    header = '<div class="byline"><span class="author">Laura June</span> March 3, 2021 at 5:12 p.m.</div>'
    assert extract_html(page(header=header)).published == "2021-03-03"


def test_dated_dateline_opening_the_story():
    html = page().replace("<p>Paragraph 0", "<p>Feb. 23, 2015 -- Paragraph 0")
    assert extract_html(html).published == "2015-02-23"


def test_related_stories_dates_never_win():
    related = ('<div class="related-stories"><h3>Other news</h3><ul><li><a href="/x">Storm warning</a>'
               '<time datetime="2020-01-05">Jan 5, 2020</time></li></ul></div>')
    html = page(header=related)
    assert extract_html(html).published is None
    assert extract_html(page(header=related + '<span class="date">July 10, 2015</span>')).published == "2015-07-10"


def test_only_an_update_time_is_better_than_nothing():
    head = '<meta property="article:modified_time" content="2019-02-01T08:00:00Z">'
    assert extract_html(page(head)).published == "2019-02-01T08:00:00+00:00"


def test_address_and_title_dates_are_last_resorts():
    html = page()
    assert extract_html(html, "https://news.example/2015/03/18/harbour-reopens/").published == "2015-03-18"
    dated_title = html.replace("<title>Harbour reopens</title>", "<title>Harbour reopens - 07.12.2017 - Example</title>")
    assert extract_html(dated_title).published == "2017-12-07"


@pytest.mark.parametrize(("raw", "iso"), [
    ("January 2, 1921", "1921-01-02"),      # archive pages keep their date
    ("1991-01-02T01:01:00+01:00", "1991-01-02T01:01:00+01:00"),
    ("Publié le 2 janv. 1991 à 1:01", "1991-01-02"),
    ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13"),
    ("1899-12-31", None),
    ("2999-01-01", None),                   # the future is no publication date
    ("2018-11-08T23:30:00-05:00", "2018-11-08T23:30:00-05:00"),  # the page's own day and offset
])
def test_plausible_dates(raw, iso):
    assert to_iso(raw) == iso


def test_text_date_prefers_the_published_label():
    assert text_date("Updated April 29, 2019 Published April 28, 2019") == "2019-04-28"
    assert text_date("Updated: November 09, 2018") is None
    assert text_date("April 28, 2019 at 6:01 am Updated April 29, 2019") == "2019-04-28"


def test_epoch_attributes():
    assert from_epoch("1425913200851") == "2015-03-09T15:00:00+00:00"
    assert from_epoch("1422791820") == "2015-02-01T11:57:00+00:00"
    assert from_epoch("12345") is None


def test_every_rule_has_a_name_and_a_reason():
    assert all(name and why for name, why, _ in PUBLISHED_RULES)


def test_a_utc_time_on_the_next_day_gives_way_to_the_day_the_page_shows():
    head = '<meta property="article:published_time" content="2021-03-04T01:12:00Z">'
    shown = '<div class="byline">By Ana Lima · March 3, 2021 at 5:12 p.m. PST</div>'
    assert extract_html(page(head, shown)).published == "2021-03-03"
    assert extract_html(page(head)).published == "2021-03-04T01:12:00+00:00"
    same_day = '<div class="byline">By Ana Lima · March 4, 2021</div>'
    assert extract_html(page(head, same_day)).published == "2021-03-04T01:12:00+00:00"
    other_day = '<div class="byline">By Ana Lima · March 1, 2021</div>'  # no time zone makes it that day
    assert extract_html(page(head, other_day)).published == "2021-03-04T01:12:00+00:00"


@pytest.mark.parametrize("river", [
    '<div class="box"><h3>Most read</h3><div><span class="date">Jan 5, 2020</span></div></div>',
    '<ul class="list"><li><a href="/x">Storm warning for the coast</a> <span class="date">Jan 5, 2020</span></li></ul>',
    '<article class="card"><h2><a href="/x">Storm warning</a></h2><time datetime="2020-01-05">Jan 5</time></article>',
])
def test_rivers_of_other_stories_never_give_the_date(river):
    assert extract_html(page(extra=river)).published is None
    assert extract_html(page(header='<span class="date">July 10, 2015</span>', extra=river)).published == "2015-07-10"


def test_a_date_that_is_a_permalink_is_the_page_s_own():
    header = ('<span class="posted-on">Posted on <a href="/2017/03/09/post/" rel="bookmark">'
              '<time class="entry-date published" datetime="2017-03-09T23:16:02+00:00">March 9, 2017</time></a></span>')
    assert extract_html(page(header=header)).published == "2017-03-09T23:16:02+00:00"


@pytest.mark.parametrize(("line", "iso"), [
    ("<p>By Jane Doe</p><p>March 3, 2021 at 5:12 p.m.</p>", "2021-03-03"),
    ("<p>By Jane Doe, Wednesday 3 March 2021</p>", "2021-03-03"),
    ("<p>Updated March 9, 2021. Published March 3, 2021</p>", "2021-03-03"),
])
def test_unmarked_date_line_under_the_headline(line, iso):
    assert extract_html(page(header=line)).published == iso


def test_a_story_sentence_with_a_date_is_no_date_line():
    assert extract_html(page(header="<p>3 people were hurt on March 3, 2021 when the storm hit the coast.</p>")).published is None


def test_a_saved_page_s_canonical_address_gives_its_day():
    html = page('<link rel="canonical" href="https://news.example/world/2015/03/18/harbour-reopens/">')
    assert extract_html(html).published == "2015-03-18"
