"""Words of sports pages, as written: what heads a line-up or a scorers' line, the rows of a
results table, what only a player does, and the words clubs are named with. Results tables
and line-ups are where wire copy names most of its people (rows.py, label_rules.py,
org_rules.py read these)."""

from __future__ import annotations

# Words that head a line-up, before a colon or a dash ("Squad: ...", "Midfielders - ...", "Teams:" on
# the line before).
LINE_UP_WORDS = frozenset({"squad", "squads", "team", "teams", "line-up", "line-ups", "lineup", "lineups",
                           "starting line-up", "substitutes", "subs", "reserves", "players", "goalkeepers",
                           "defenders", "midfielders", "forwards", "strikers", "backs", "to bat", "batsmen",
                           "bowlers"})
# Words that head a line of a match's scorers: "Goals: Lemieux 2, Jagr", "Tries: Roff (2), Tune".
SCORING_WORDS = ("Scorers", "Scorer", "Goalscorers", "Goals", "Goal", "Tries", "Try", "Conversions",
                 "Conversion", "Penalties", "Penalty", "Penalty goals", "Drop goals", "Drop goal", "Field goals")
# Words that head a row of a results or figures table, and month abbreviations of its dates
# ("Halftime 2-0", "Attendance 54,178", "Revs 20,167", "(Jul 16)"): the model takes some for
# people. ("Jan" and "Mar" are names too.)
TABLE_WORDS = frozenset({"halftime", "half-time", "attendance", "revs", "drawn", "abandoned", "postponed",
                         "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
# What only a player does, right after the name or the name's possessive: "Mariano Rivera
# pitched", "Tino Martinez's two-run homer" (a team wins, scores and beats, but does not pitch).
PLAYER_DEEDS = ("pitched", "homered", "singled", "doubled", "tripled", "walked", "struck out", "homer", "triple",
                "double", "single", "home run", "two-run homer", "three-run homer", "solo homer", "grand slam",
                "volleyed", "headed home", "headed in", "netted", "converted", "served", "aced", "belted", "clubbed",
                "blasted", "slugged", "two-out", "run-scoring", "bases-loaded", "sacrifice fly", "drew a walk",
                "drew a bases-loaded", "scattered")
# Sports terms that open a club's name ("Dynamo Moscow", "Sporting Lisbon") or end one
# ("Manchester United", "Raith Rovers"), as written: no person's or place's name does. A team
# named as its town ("Hull City", "Derby County") the model may call a person: CLUB_TOWN_ENDS.
CLUB_PREFIXES = frozenset({"Dynamo", "Dinamo", "Spartak", "Lokomotiv", "Lokomotiva", "Torpedo", "Sparta", "Slavia",
                           "Atletico", "Sporting", "Racing", "Borussia", "Fortuna", "Olympique", "Rapid", "Partizan",
                           "Inter", "AC", "FC", "SC", "SV", "VfB", "VfL", "TSV", "CSKA", "Eintracht", "Deportivo",
                           "Real"})
CLUB_ENDS = frozenset({"united", "rovers", "wanderers", "athletic", "albion", "rangers", "hotspur", "academicals",
                       "argyle", "thistle", "fc", "afc", "sc"})
CLUB_TOWN_ENDS = frozenset({"city", "county", "town"})
# Words of competitions and events, as their names end or go on: "Belgian Grand Prix", "American
# League East", "English County Championship" are no people.
EVENT_WORDS = frozenset({"prix", "league", "leagues", "championship", "championships", "cup", "open", "games",
                         "olympics", "series", "tour", "trophy", "classic", "masters", "derby", "stakes", "division",
                         "conference", "rally", "marathon", "grand", "slam"})
# What only a side is called, in the plural or as a body, right before its name: "Dutch champions
# Ajax Amsterdam", "Hamburg side St Pauli", "league leaders Lens" (a player is a "champion").
SIDE_NOUNS = ("champions", "leaders", "rivals", "winners", "holders", "contenders", "hopefuls", "side", "outfit",
              "strugglers", "opponents", "visitors", "hosts")
