"""The clues of the row, table and credit patterns (entities/clues.py): every example of a
pattern holds its clue, so that skipping a text without the clue loses no match."""

import re

import pytest

from desktop.core.entities import (credits, label_rules, leaderboards, name_parts, org_rules, people, person_rules,
                                   place_context, places, rows, team_rules)
from desktop.core.entities.clues import AtLineStarts, AtWindowEnd, Clued

# One example per clued pattern, as the text writes it (mostly the patterns' own comments); a module that
# adds a clued pattern goes into MODULES.
EXAMPLES = {
    rows._BEFORE_BRACKETS: "Roger Federer (Switzerland x3) beat Gael Monfils (France) 6-4",
    rows._BEFORE_SCORES: "205 Jordan Spieth 66 67 72",
    rows._DUEL: "Federer (Switzerland) beat Simon (France) 6-2 6-4",
    rows._SCORERS_BRACKETS: "Arsenal 2 (Lacazette 12, Ozil 77)",
    rows._SQUAD: "Australia (Todd Woodbridge / Mark Woodforde) won",
    rows._FIGURES: "Bowling: Vass 7-0-29-0, de Silva 4-0-25-0",
    rows._SIDE_BEFORE_PLAYERS: "Derbyshire 471 (J. Adams 123, K. Barnett 80)",
    rows._CLUB_RESULT: "Flamurtari Vlore (Albania) 0 Chemlon Humenne (Slovakia) 1",
    rows._FIXTURE: "Morton v Falkirk, Partick v St Mirren.",
    rows._SIDE_BEFORE_ROLE: "said Surrey captain Chris Lewis",
    rows._MINUTE: "Cosmin Contra (31st), (Alama Ieremia, 70)",
    rows._BYLINE_ABOVE: "Film screened at Venice festival.\nVera Haller\nVENICE, Italy 1996-08-31\nThe film was shown.",
    leaderboards._RECORD: "Pettite (19-7) allowed two runs",
    leaderboards._BRACKETED_LIST: "Stephane Henchoz (Hamburg), Ramon Vega (Cagliari), Raphael Wicky (Sion)",
    credits._INLINE_CREDIT: "The crater on Tuesday (AP Photo/Jane Doe)",
    credits._CAPTION_CREDIT: "The crater seen from the air on Tuesday. **Jane Doe** ",
    credits._CONTRIBUTED: "Marcia Dunn in Cape Canaveral CONTRIBUTED to this report.",
    people._DONE_BY_A_PLAYER: "Zahovic was substituted by Paulao after an hour.",
    people._AGED: "Eloise Parry, 21, was taken to hospital.",
    name_parts._RUNS: "Dana Whitfield, M.S., R.D., a dietitian",
    org_rules._CAPITALISED: "She posted it on YouTube and Apple TV+.",
}
MODULES = (rows, leaderboards, credits, people, name_parts, org_rules)


def test_every_clued_pattern_has_an_example():
    clued = {v for module in MODULES for v in vars(module).values() if isinstance(v, Clued)}
    assert clued == set(EXAMPLES)


@pytest.mark.parametrize("clued,row", EXAMPLES.items(), ids=lambda x: x if isinstance(x, str) else "")
def test_a_row_holds_its_patterns_clue(clued, row):
    assert list(clued.pattern.finditer(row)), "the example is no row of the pattern"
    assert clued.clue(row)
    assert [m.span() for m in clued.finditer(row)] == [m.span() for m in clued.pattern.finditer(row)]
    assert clued.search(row).span() == clued.pattern.search(row).span()


def test_prose_without_the_clue_is_not_scanned():
    assert list(Clued("Federer", "Simon").finditer("Federer won")) == []
    assert [m.group() for m in Clued("Federer", "won").finditer("Federer won")] == ["Federer"]
    assert Clued("Federer", lambda text: text.endswith("lost")).search("Federer won") is None


def test_numbered_line_ups_need_their_clue():
    line = "New Zealand - 15 - Christian Cullen, 14 - Jeff Wilson, 13 - Walter Little"
    assert rows._NUMBERED_CLUE.search(line)
    assert len(list(rows.numbered(line, None))) == 3


def test_platform_names_are_looked_for_only_where_one_is_written_with_a_capital():
    assert not org_rules._CAPITALISED.clue("The threads of the Senate debate ran on.")
    assert [m.text for m in org_rules.platform_mentions("Reporters said on Twitter that Threads was down.", [])] \
        == ["Twitter", "Threads"]


def test_line_patterns_match_where_and_as_re_does():
    body = r"[A-Z]+(?:\n[A-Z]+)?:"
    text = "AB:\nCD\nEF: x GH:\nIJ:\n"  # "CD\nEF:" runs over a line start, which is then no match's
    expected = [m.span() for m in re.finditer(rf"^(?:{body})", text, re.MULTILINE)]
    assert [m.span() for m in AtLineStarts(body).finditer(text)] == expected == [(0, 3), (4, 10), (17, 20)]
    assert list(AtLineStarts(body).finditer("x AB:")) == []


def test_patterns_that_open_with_a_word_are_tried_at_that_word_alone():
    text = ("The Mercosur bloc met. The newspaper Novaya Gazeta, the outlet TV Rain and the network NTV "
            "said; the newspapers BBC and the Labour party agreed")
    for pattern, words in ((org_rules._KIND_NOUN_AFTER, ("The", "the")), (org_rules._CALLED_BEFORE, org_rules.ORG_NOUNS)):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in org_rules._at_words(pattern, text, words)] == expected and expected


WINDOW_END_PATTERNS = [v for m in (label_rules, org_rules, person_rules, place_context, places, team_rules)
                       for v in vars(m).values() if isinstance(v, AtWindowEnd)]
PROSE = ("She is the CEO of  Acme. He lives in\nOslo. The fishing town of Grindavik, Chief Executive Of Apple said, "
         "spokesman Per Zetterquist and the outlet TV Rain; title rivals Essex, Derbyshire and Surrey; champions "
         "Ajax Amsterdam beat Somerset by an innings. Students at\tColumbia, near Leeds. In York, outside Hull, "
         "the company Volvo, team mate Les, newsagency TV, TOWN OF Troy, former champions Becker or Edberg")


def test_window_end_patterns_find_what_their_search_finds():
    assert len(WINDOW_END_PATTERNS) >= 10
    windows = [PROSE[max(0, i - 40):i] for i in range(len(PROSE) + 1)] + [w + " \n" for w in PROSE.split(" ")]
    for rx in WINDOW_END_PATTERNS:
        found = [(w, m.span()) for w in windows if (m := rx.pattern.search(w))]
        assert found, rx.pattern.pattern
        assert [(w, m.span()) for w in windows if (m := rx.search(w))] == found
