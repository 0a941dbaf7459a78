"""The article body without page chrome: one test per kind of rule in extract/chrome.py and body.py.

Each page is built here; no model, no network.
"""

from __future__ import annotations

import pytest

from desktop.core.extract import extract_html
from desktop.core.extract.chrome import (
    Heading, cut_player_phrases, cut_trailer, drop_furniture, drop_gallery, drop_header,
    is_date_line,
)

from .test_extract import PARAGRAPHS


def article(inner: str, head: str = "") -> str:
    """A page whose <article> holds `inner` followed by the four PARAGRAPHS."""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head>'
            f"<body><main><article>{inner}{paragraphs}</article></main></body></html>")


TITLE = "<title>Library hours extended</title>"

# ---------------------------------------------------------------- kind: player and widget chrome

VIDEO_JS = (
    '<div class="video-js"><video src="/v.mp4"></video>'
    '<div class="vjs-text-track-display" aria-live="off"></div>'
    '<div class="vjs-modal-dialog" tabindex="-1" aria-hidden="true">'
    "<p>Beginning of dialog window. Escape will cancel and close the window.</p>"
    "<p>This is a modal window.</p></div>"
    '<div class="vjs-menu" role="menu"><ul><li role="menuitemcheckbox">Chapters</li>'
    '<li role="menuitemcheckbox">descriptions off, selected</li></ul></div>'
    '<div class="vjs-error-display" style="display: none"><p>No compatible source was found for '
    "this media.</p></div></div>"
)


def test_video_player_strings_leave_the_body():
    text = extract_html(article(VIDEO_JS, TITLE)).text
    chrome_strings = ("modal window", "dialog window", "Chapters", "descriptions off", "compatible")
    for chrome in chrome_strings:
        assert chrome not in text
    assert text.split("\n\n") == PARAGRAPHS


def test_player_strings_run_into_a_paragraph_are_cut_out():
    blocks = ["Chapters descriptions off, selected captions settings, opens captions settings "
              "dialog This is a modal window.", PARAGRAPHS[0] + " This is a modal window."]
    assert cut_player_phrases(blocks, Heading()) == ["Chapters", PARAGRAPHS[0]]


FLAT_PLAYER = (
    "Video Player is loading. Play Video Play Mute Current Time 0:00 / Duration 0:00 Loaded: 0% "
    "Stream Type LIVE Seek to live, currently behind live LIVE Remaining Time -0:00 1x Playback "
    "Rate Chapters Chapters Descriptions descriptions off, selected Captions captions settings, "
    "opens captions settings dialog captions off, selected Audio Track Picture-in-Picture "
    "Fullscreen This is a modal window. Beginning of dialog window. Escape will cancel and close "
    "the window. Text Color White Black Red Green Blue Yellow Magenta Cyan Opacity Opaque "
    "Semi-Transparent Text Background Color Black White Transparent Font Size 50% 75% 100% Text "
    "Edge Style None Raised Depressed Uniform Dropshadow Font Family Proportional Sans-Serif "
    "Monospace Sans-Serif Reset Done Close Modal Dialog End of dialog window."
)


def test_player_flattened_into_a_paragraph_leaves():
    assert cut_player_phrases([FLAT_PLAYER, PARAGRAPHS[0]], Heading()) == [PARAGRAPHS[0]]


@pytest.mark.parametrize("sentence", [
    "This is a red car in the end.", "Watch the video of the vote in full on our site.",
    "The text color of the ballot was changed after complaints from voters.",
    "The captions on the photos were wrong, the mayor said, and the settings were changed.",
])
def test_sentences_with_player_words_stay(sentence):
    assert cut_player_phrases([sentence], Heading()) == [sentence]


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Chapters",
    "Sign up for our daily newsletter", "Get the Morning Briefing delivered to your inbox",
    "Sign up for breaking news alerts", "Subscribe to our newsletter",
    "By signing up, you agree to our Terms of Use and Privacy Policy.", "Share this article",
    "Thanks for signing up!", "Tags: budget, libraries", "Read more", "×", "分享到",
    "News > World > Europe > Article", "科技 > 要闻 > THE NEXT WEB > 正文",
    "Your browser is out of date. Update it for a faster, safer site. Update now ×",
    "Copyright © 1998 - 2016 Example Media. All Rights Reserved", "© 2024 The Daily Example",
    "Minecraft News | Powered by Tumblr", "Powered by WordPress", "Please wait...", "Loading...",
    "This feature is temporarily unavailable. Please try again later.",
])
def test_widget_lines_leave_the_body(line):
    assert drop_furniture([line, PARAGRAPHS[0]], Heading()) == [PARAGRAPHS[0]]


@pytest.mark.parametrize("line", [
    "If we increase the entries threshold from 10 to 30, we should get fewer alerts:",
    "The advertisement ran in three newspapers before the vote.",
    "Readers can subscribe to the council's minutes at the library desk.",
    "Turnout was 5 > 4 > 3 percent in the three wards, officials said on Monday evening.",
    "The council said the library's copyright policy would not change this year.",
    "Copyright holders say the bill goes too far.", "Output rose 3×",
    "Voters must register by email before Friday, officials said.",
    "The new ferry is powered by batteries charged overnight in the harbour, the operator said.",
    "Loading the ferry took three hours.",
])
def test_sentences_about_ads_and_alerts_stay(line):
    assert drop_furniture([line], Heading()) == [line]


def test_share_bar_and_newsletter_box_inside_the_article_leave():
    box = ('<div class="newsletter"><h3>Sign up for our newsletter</h3>'
           '<p>Get the best stories delivered to your inbox every morning.</p>'
           '<form><input type="email"></form></div>')
    share = '<div class="share" role="toolbar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>'
    text = extract_html(article(share + box, TITLE)).text
    assert "newsletter" not in text and "inbox" not in text and "Facebook" not in text
    assert text.startswith(PARAGRAPHS[0])


def test_article_hidden_until_a_script_shows_it_stays():
    page = article("", TITLE).replace("<article>", '<article style="display: none">')
    assert extract_html(page).text.split("\n\n") == PARAGRAPHS


def test_article_shown_in_a_dialog_stays():
    page = article("", TITLE).replace("<article>", '<article role="dialog">')
    assert extract_html(page).text.split("\n\n") == PARAGRAPHS


def test_hidden_elements_leave_the_body():
    hidden = ('<p hidden>Hidden teaser text that no reader of the page ever sees at all.</p>'
              '<p style="visibility: hidden">Another invisible paragraph of the page template.</p>')
    text = extract_html(article(hidden, TITLE)).text
    assert "teaser" not in text and "invisible" not in text


def test_photo_gallery_captions_leave():
    gallery = "\n".join(f"{n}/12 Caption of another story number {n}, with its news."
                        for n in range(1, 13))
    blocks = [PARAGRAPHS[0], "Business news in pictures", gallery, PARAGRAPHS[1]]
    kept = [PARAGRAPHS[0], "Business news in pictures", PARAGRAPHS[1]]
    assert drop_gallery(blocks, Heading()) == kept


def test_fractions_and_dates_in_text_are_no_gallery():
    blocks = ["9/11 changed air travel for good.", "24/7 news channels covered it.", PARAGRAPHS[0]]
    assert drop_gallery(blocks, Heading()) == blocks


def test_read_more_mid_text_does_not_end_the_article():
    blocks = [PARAGRAPHS[0], PARAGRAPHS[1], "Read more", PARAGRAPHS[2], PARAGRAPHS[3]]
    assert drop_furniture(cut_trailer(blocks, Heading()), Heading()) == PARAGRAPHS


def test_related_stories_after_the_text_are_cut():
    blocks = [*PARAGRAPHS, "Related stories", "Mayor opens new swimming pool"]
    assert cut_trailer(blocks, Heading()) == PARAGRAPHS


# ---------------------------------------------------------------- kind: lines above the text

@pytest.mark.parametrize("label", ["World", "Opinion", "Art", "Art & Design"])
def test_section_label_above_the_headline_leaves_with_it(label):
    inner = f'<div class="kicker">{label}</div><h1>Library hours extended</h1>'
    text = extract_html(article(inner, TITLE)).text
    assert "Library hours extended" not in text
    assert text.startswith(PARAGRAPHS[0])


@pytest.mark.parametrize("shown", [
    "Library hours extended across the city", "Library hours extended across the city | Daily Example",
])
def test_headline_known_give_or_take_a_site_name_leaves(shown):
    blocks = ["Opinion", shown, *PARAGRAPHS]
    assert drop_header(blocks, Heading("Library hours extended across the city - Daily")) == PARAGRAPHS


def test_promotion_above_the_headline_leaves():
    promo = "Which wards vote first? We've got the whole timetable, and what it means for you."
    blocks = [promo, "Library hours extended", *PARAGRAPHS]
    assert drop_header(blocks, Heading("Library hours extended")) == PARAGRAPHS


def test_short_line_inside_the_headline_is_no_headline():
    blocks = ["Library", *PARAGRAPHS]
    assert drop_header(blocks, Heading("Library hours extended across the city")) == blocks


def test_label_stays_when_no_headline_follows():
    blocks = ["World", PARAGRAPHS[0]]
    assert drop_header(blocks, Heading("Library hours extended")) == blocks


def test_standfirst_and_byline_of_names_leave():
    blocks = ["Extra staff for evening shifts, the council says", "Kim Lee", *PARAGRAPHS]
    assert drop_header(blocks, Heading("Library hours extended", ("Kim Lee",))) == PARAGRAPHS


def test_long_paragraph_above_a_byline_stays():
    blocks = [PARAGRAPHS[0] + " " + PARAGRAPHS[1], "By Kim Lee", PARAGRAPHS[2]]
    assert drop_header(blocks, Heading("x"))[0] == blocks[0]


def test_date_line_under_a_standfirst_leaves():
    blocks = ["Extra staff for evening shifts.", "posted on April 21, 2015, at 11:29 a.m.", *PARAGRAPHS]
    assert drop_header(blocks, Heading("x")) == ["Extra staff for evening shifts.", *PARAGRAPHS]


@pytest.mark.parametrize("line, is_date", [
    ("posted on April 21, 2015, at 11:29 a.m.", True),
    ("Publié le 2 janv. 1991 à 1:01", True),
    ("Tuesday 15 October 2019 at 09:11", True),
    ("Updated 5:12 PM ET, Mon March 3, 2021", True),
    ("On March 3 the council met for 4 hours.", False),
    ("Officials said 2015 was a record year.", False),
])
def test_date_lines(line, is_date):
    assert is_date_line(line) is is_date


def test_meta_strip_of_date_section_and_count_leaves():
    blocks = ["24 July 2015\nFrom the section US & Canada\n941 comments", *PARAGRAPHS]
    assert drop_header(blocks, Heading("x")) == PARAGRAPHS


def test_list_of_short_items_at_the_top_stays():
    blocks = ["Bread\nMilk\nEggs", *PARAGRAPHS]
    assert drop_header(blocks, Heading("x")) == blocks


def test_headline_that_is_all_there_is_stays():
    page = "<html><head><title>Test</title></head><body><article><p>Test</p></article></body></html>"
    assert extract_html(page).text == "Test"


# ---------------------------------------------------------------- kind: text trafilatura hands back

def test_text_between_blocks_is_kept():
    inner = f"<div>{PARAGRAPHS[0]}<p>{PARAGRAPHS[1]}</p>{PARAGRAPHS[2]}</div>"
    text = extract_html(article(inner, TITLE)).text
    assert PARAGRAPHS[2] in text


def test_line_breaks_and_list_items_keep_words_apart():
    inner = ("<p>Lorem ipsum<br>dolor sit amet, tempor<br/>incididunt ut labore et dolore.</p>"
             "<ul><li><h2>WebIDE</h2><p>Develop and debug apps in the browser.</p></li>"
             "<li><h2>Valence</h2><p>Develop across browsers and devices.</p></li></ul>")
    text = extract_html(article(inner, TITLE)).text
    assert "ipsum dolor" in text and "tempor incididunt" in text
    assert "WebIDE Develop" in text and "ipsumdolor" not in text


def test_table_of_contents_with_dot_leaders_is_prose():
    toc = "\n".join(f"{n}. Section number {n} ........................................ {n * 3}"
                    for n in range(1, 30))
    inner = f"<pre>{toc}</pre>"
    assert "Section number 12" in extract_html(article(inner, TITLE)).text


# ---------------------------------------------------------------- all kinds on one page

def test_player_share_bar_newsletter_and_label_without_any_roles_leave():
    """A page saved with class names only (no ARIA, no buttons): the text rules alone clean it."""
    player = (
        '<div class="video-js"><video></video><div class="vjs-control-bar">'
        '<div><span>Current Time </span>0:00</div><div><span>Duration </span>0:00</div>'
        '<div class="vjs-menu"><ul><li>Chapters</li></ul></div>'
        '<div class="vjs-menu"><ul><li>descriptions off, selected</li></ul></div>'
        '<div class="vjs-menu"><ul><li>captions settings, opens captions settings dialog</li>'
        "<li>captions off, selected</li></ul></div></div>"
        '<div class="vjs-modal-dialog"><p>Beginning of dialog window. Escape will cancel and '
        "close the window.</p><div>This is a modal window.</div></div></div>"
    )
    share = '<div class="share-bar"><a>Share</a> <a>Tweet</a> <a>Email</a></div><p>Advertisement</p>'
    box = ('<div class="newsletter-box"><p>Sign up for The Morning newsletter</p>'
           "<p>Get our best stories delivered to your inbox.</p><p>By signing up, you agree to "
           "our Terms of Service and Privacy Policy.</p></div>")
    inner = ('<div class="section">World</div><h1>Library hours extended</h1>' + player
             + f"<p>{PARAGRAPHS[0]}</p>{share}<p>{PARAGRAPHS[1]}</p>{box}")
    page = article(inner, TITLE).replace(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>", "", 1)
    assert extract_html(page).text.split("\n\n") == PARAGRAPHS


# ---------------------------------------------------------------- kind: paragraphs the page repeats

REFRAIN = "We shall fight on the beaches, we shall fight on the landing grounds, we shall never surrender."


@pytest.mark.parametrize("tag", ["p", "div"])
def test_paragraph_the_page_repeats_stays_as_often(tag):
    inner = f"<{tag}>{REFRAIN}</{tag}>" * 3
    assert extract_html(article(inner, TITLE)).text.count(REFRAIN) == 3


def test_copies_for_other_screen_sizes_count_once():
    inner = f'<p class="mobile-only">{REFRAIN}</p><p class="desktop-only">{REFRAIN}</p>'
    assert extract_html(article(inner, TITLE)).text.count(REFRAIN) == 1


# ---------------------------------------------------------------- kind: formulas

FORMULA = "<math><mi>x</mi><mo>=</mo><mn>42</mn><annotation>x=42</annotation></math>"
MATHJAX = f"<mjx-container><mjx-assistive-mml>{FORMULA}</mjx-assistive-mml></mjx-container>"


@pytest.mark.parametrize("formula", [FORMULA, MATHJAX])
def test_formula_stays_in_its_sentence(formula):
    inner = f"<p>The answer is {formula}, as the computer said after seven and a half million years.</p>"
    assert "The answer is x = 42, as the computer said" in extract_html(article(inner, TITLE)).text


# ---------------------------------------------------------------- kind: tables

STATS = ("<table><tr><th>Developer</th><th>Changesets</th></tr><tr><td>Caolan McNamara</td><td>4307</td></tr>"
         "<tr><td>Stephan Bergmann</td><td>2351</td></tr></table>")


def test_table_indented_with_a_blockquote_in_a_table_laid_page_stays():
    prose = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = f"<table class='page'><tr><td><div>{prose}<blockquote>{STATS}</blockquote>{prose}</div></td></tr></table>"
    page = f"<html><head>{TITLE}</head><body>{body}</body></html>"
    assert "Caolan McNamara | 4307" in extract_html(page).text
