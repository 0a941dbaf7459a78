"""Every word list the quotation rules look for (the entity stage's lists are in
entities/lexicon.py)."""

from __future__ import annotations

import re

# Quotation marks. Curly marks say which side they are on; a straight mark's side is read from
# the characters around it (marks.py).
DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_STRAIGHT = "\u201c", "\u201d", '"'
SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT = "\u2018", "\u2019", "'"

# Verbs of saying and writing, every form that introduces a quotation ("said Leonid", "he
# added:", "Emery tweeted", "Rothman recalls thinking"). "called" and "described" take an object
# before the quotation ("called the tax bill 'the worst...'"). Forms that are mostly nouns
# ("claims", "states", "reports", "a recount") are left out.
SPEECH_VERBS = frozenset("""
say says said saying tell tells told telling add adds added adding write writes wrote written writing
ask asks asked asking recall recalls recalled recalling explain explains explained explaining
states stated stating tweeted tweeting posted posting
note notes noted noting insist insists insisted insisting argue argues argued arguing
claimed claiming warn warns warned warning admit admits admitted admitting
replied replying respond responds responded responding declare declares declared
announce announces announced continue continues continued conclude concludes concluded
acknowledge acknowledges acknowledged agree agrees agreed concede concedes conceded
suggest suggests suggested predict predicts predicted complain complains complained
remarked observe observes observed commented
exclaim exclaims exclaimed shout shouts shouted yell yells yelled whisper whispers whispered
instruct instructs instructed urge urges urged vowed promised
joked quipped mused boasted
recounted remember remembers remembered
calls called calling describe describes described describing
speak speaks spoke speaking testify testifies testified
confirm confirms confirmed deny denies denied reported
shouting yelling whispering exclaiming urging vowing promising joking quipping boasting recounting
remembering confirming denying reporting testifying complaining remarking observing commenting
suggesting predicting replying responding declaring announcing concluding acknowledging conceding
plead pleads pleaded pleading begged begging demanded demanding
scream screamed screaming cried
""".split())
# A phrase that turns a verb of saying into imagined speech ("as if to say 'You got me?'").
HYPOTHETICAL_BEFORE = re.compile(r"\bas (?:if|though)\s+(?:to\s+)?\w+$", re.IGNORECASE)

# Pronouns that stand for a speaker, by gender; "they", "it" and "we" stand for groups.
HE, SHE = "he", "she"
SUBJECT_PRONOUNS = {"he": HE, "she": SHE}
GROUP_PRONOUNS = frozenset({"they", "it", "we", "i", "you"})
# Every third-person pronoun, for learning a person's gender from the text around their name.
GENDERED_PRONOUNS = {"he": HE, "him": HE, "his": HE, "himself": HE,
                     "she": SHE, "her": SHE, "hers": SHE, "herself": SHE}
# Titles that tell a gender ("Mr. McHugh", "Miss Ellen Fetter").
GENDERED_TITLES = {"mr": HE, "mister": HE, "sir": HE, "lord": HE, "king": HE, "prince": HE, "father": HE,
                   "mrs": SHE, "ms": SHE, "miss": SHE, "madam": SHE, "dame": SHE, "lady": SHE, "queen": SHE,
                   "princess": SHE, "sister": SHE}

# Words that may stand between a verb of saying and its subject: auxiliaries and adverbs ("had
# written", "once summed up", "strongly warned").
AUXILIARIES = frozenset("""
has have had was were is are be been would will could can may might also then once later
just only still again already often never always first last previously recently earlier
""".split())

# Words before a name that make it no subject: prepositions ("a letter to Russian President
# Vladimir Putin asking him"), and the object of a verb of saying ("told Reuters").
PREPOSITIONS = frozenset("""
to of for with by about from at on in into against toward towards than like over under
between among behind before after upon via per including as
""".split())

# Subjects that are a group or an unnamed person: "a spokesperson said", "the ministry said",
# "officials said", "a source told Reuters". A determiner or a quantifier opens them.
UNNAMED_OPENERS = frozenset("""
a an the one some another several many most two three four five other others officials
experts analysts critics residents police authorities observers supporters witnesses
sources protesters demonstrators economists people researchers scientists doctors
its their our this that these those
""".split())
# Nouns that tell a person's gender in apposition ("Yulia, a young woman"; "her mother, Fiona").
GENDERED_NOUNS = {"woman": SHE, "girl": SHE, "mother": SHE, "daughter": SHE, "wife": SHE, "sister": SHE,
                  "grandmother": SHE, "widow": SHE, "actress": SHE, "spokeswoman": SHE, "chairwoman": SHE,
                  "businesswoman": SHE, "congresswoman": SHE,
                  "man": HE, "boy": HE, "father": HE, "son": HE, "husband": HE, "brother": HE,
                  "grandfather": HE, "widower": HE, "actor": HE, "spokesman": HE, "chairman": HE,
                  "businessman": HE, "congressman": HE}
# Nouns for a person that a definite description of a speaker ends in ("the real estate mogul
# added", "said the Arizona Republican"). Words for offices that speak for a body ("official",
# "source", "spokesperson") are left out: "the official said" is an unnamed source.
PERSON_ROLES = frozenset(GENDERED_NOUNS) | frozenset("""
republican democrat conservative liberal senator congressman congresswoman lawmaker legislator
mp mla mep minister premier president chancellor governor mayor leader chairman chairwoman ceo
founder co-founder executive mogul billionaire tycoon entrepreneur investor banker economist
analyst professor scientist researcher historian author writer novelist poet journalist editor
artist actor actress singer musician rapper director producer star player striker goalkeeper
coach manager captain champion athlete runner driver doctor surgeon nurse lawyer attorney
prosecutor judge teacher student pastor priest bishop rabbi imam general colonel commander
veteran activist campaigner candidate nominee diplomat ambassador envoy astronaut pilot
farmer fisherman owner designer architect engineer programmer lieutenant sergeant detective
sheriff commissioner inspector trooper constable superintendent
""".split())
