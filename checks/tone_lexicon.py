"""The word list the tone normaliser repairs disguised spellings against (`checks.tone_normalise`).

`HOSTILE` holds the words people disguise to slip past filters: swear words, slurs, insults,
dehumanising nouns and words of violence or disgust. It scores nothing: a repaired word is read
by the tone model like any other.
"""

from __future__ import annotations

SWEARING = (
    *("fuck", "fucker", "fucking", "motherfucker", "shit", "shitty", "bullshit", "crap"),
    *("bitch", "bastard", "cunt", "dick", "dickhead", "asshole", "arsehole", "prick", "twat"),
    *("whore", "slut", "hoe", "skank", "piss", "pissed", "damn", "goddamn", "wanker", "douche"),
    *("douchebag", "jackass", "dumbass", "scumbag", "cock", "pussy", "tits", "bollocks"),
)

SLURS = (
    *("nigger", "nigga", "faggot", "fag", "dyke", "tranny", "shemale", "retard", "retarded"),
    *("spastic", "spaz", "cripple", "mongoloid", "kike", "spic", "wetback", "beaner", "chink"),
    *("gook", "raghead", "towelhead", "paki", "coon", "jigaboo", "gypsy", "gyppo", "wop"),
    *("dago", "kraut", "yid", "heeb", "homo", "lesbo", "queer", "trannie", "ladyboy"),
    *("savage", "savages", "sandnigger", "zipperhead", "redskin", "squaw", "halfbreed", "mong"),
    *("muzzie", "moslem", "jap", "cholo", "gringo", "hick", "wog", "golliwog", "sambo"),
)

INSULTS = (
    *("idiot", "idiotic", "moron", "moronic", "stupid", "dumb", "imbecile", "cretin", "fool"),
    *("loser", "pathetic", "worthless", "useless", "ignorant", "ugly", "disgusting", "filthy"),
    *("dirty", "gross", "vile", "scum", "trash", "garbage", "rubbish", "filth", "freak", "creep"),
    *("pervert", "degenerate", "inferior", "subhuman", "animal", "animals", "beast", "monster"),
    *("parasite", "parasites", "vermin", "rat", "rats", "cockroach", "cockroaches", "pest"),
    *("pests", "plague", "disease", "cancer", "virus", "infestation", "swine", "pig", "pigs"),
    *("dog", "dogs", "ape", "apes", "monkey", "monkeys", "primitive", "backward", "lazy"),
    *("criminal", "criminals", "thug", "thugs", "terrorist", "terrorists", "liar", "liars"),
    *("thief", "thieves", "rapist", "rapists", "evil", "sick", "sickening", "nasty", "repulsive"),
    *("revolting", "despicable", "abomination", "burden", "waste", "lowlife", "mental"),
    *("psycho", "brainless", "clown", "jerk", "witch", "hag", "slob", "brat", "coward"),
    *("hypocrite",),
)

HOSTILITY = (
    *("hate", "hatred", "hateful", "despise", "loathe", "detest", "disgust", "disgusted"),
    *("contempt", "disdain", "abhor", "kill", "murder", "die", "death", "dead", "hang", "lynch"),
    *("shoot", "stab", "rape", "burn", "beat", "hurt", "slaughter", "exterminate", "eradicate"),
    *("eliminate", "destroy", "gas", "bomb", "drown", "strangle", "choke", "punch", "execute"),
    *("deport", "extinct", "genocide", "massacre", "torture", "bleed", "suffer", "annihilate"),
    *("bully",),
)

HOSTILE: frozenset[str] = frozenset((*SWEARING, *SLURS, *INSULTS, *HOSTILITY))
