"""The student_privacy rules and their documentation (served by `secondlook rules` and /v1/rules)."""

from __future__ import annotations

from checks.rule import Rule

CHECK = "student_privacy"

FULL_NAME = Rule(
    code="PRIV001",
    check=CHECK,
    name="student-full-name",
    level="error",
    threshold=0.5,
    what=(
        "A person's first and last name (also in ALL CAPS, with a possessive, or in a list), "
        'unless it is your own name, a staff member with a title ("Mr. Lopez", "Principal '
        "Hayes\"), a well-known person, your own family, or a name on the district's allow-list. "
        'Names listed together ("Aiden, Mia and Noah Thompson") are one finding, fixed as '
        '"three of my students".'
    ),
    why=(
        "A parent would ask why their child's full name is on your feed for anyone to search. "
        "Identifying student information needs written consent from the family and the "
        "principal (policy P1), and no last names go on public posts (policy P15)."
    ),
    example='"Huge congrats to Marcus Delgado!" -> "Huge congrats to one of my students!"',
    tune=(
        "Add mascots, school and staff names to `allow_list`. Names come from a name "
        "classifier; scores are 1.0 when spaCy's entities or the census name lists back it up "
        "and 0.75 when only the classifier finds the name: a threshold of 0.8 keeps only the "
        "backed-up names."
    ),
)

FIRST_NAME = Rule(
    code="PRIV002",
    check=CHECK,
    name="student-first-name",
    level="warning",
    threshold=0.5,
    what=(
        'A first name, initial ("Ethan R."), nickname or @handle next to a student cue in the '
        'same or the previous sentence: "my students", "my kids", "3rd period", "room 14", '
        '"my 2nd graders", a grade or team word; and every later mention of a student the draft '
        'has already named ("Marcus Delgado passed! So proud of Marcus."), including speakers '
        'in a quoted exchange ("Me: what is 7 x 8? Jayden: 56!").'
    ),
    why=(
        "With the class, grade or team attached, a first name is enough for other parents to "
        "know exactly which child you mean (policies P1, P11: 'by name or implication')."
    ),
    example='"Shoutout to Aiden in 3rd period!" -> "Shoutout to one of my students in 3rd period!"',
    tune=(
        "On classroom accounts, set `privacy.classroom_first_names_with_release = true` when "
        "families have signed media releases; first names then pass there. On personal accounts "
        "this is always at least a warning (policy P10)."
    ),
)

ROSTER_NAME = Rule(
    code="PRIV003",
    check=CHECK,
    name="roster-name",
    level="error",
    threshold=0.5,
    what=(
        "A name that matches the district's student roster (compared as salted hashes), even "
        "when the language model does not see it as a name: a full name always, a single "
        "roster name next to a student cue."
    ),
    why=(
        "The roster knows names no model can guess. A match means the post names an enrolled "
        "student (policies P1, P12)."
    ),
    example='With "Zephyr Okonkwo" on the roster: "zephyr okonkwo crushed it" is flagged.',
    tune=(
        "Load the roster CSV with `--roster FILE.csv` (or the app's roster setting). The roster "
        "is kept only as salted hashes; disable with `[rules.PRIV003] enabled = false`."
    ),
)

EDUCATION_RECORD = Rule(
    code="PRIV004",
    check=CHECK,
    name="education-record",
    level="error",
    threshold=0.5,
    what=(
        "An education record tied to a student in the same sentence: grades, scores, rankings, "
        "failing or retakes, discipline and suspensions, attendance, IEP/504 or special-"
        "education placement, diagnoses, medication, pregnancy, family circumstances (divorce, "
        "custody, foster care) and immigration status."
    ),
    why=(
        "These are the things a family tells the school in confidence; a parent seeing them "
        "online would lose trust in you for good. Grades, attendance and discipline are FERPA "
        "records (policies P2, P4); special-needs placement must never be named (P9); health "
        "and family details are confidential 'by name or implication' (P11, P14)."
    ),
    example='"Marcus finally passed his retake" -> "Marcus finally passed"',
    tune=(
        "Raise `[rules.PRIV004] level` to keep it an error everywhere; nothing here is allowed "
        "by a media release."
    ),
)

CONTACT_DETAIL = Rule(
    code="PRIV005",
    check=CHECK,
    name="student-contact-detail",
    level="error",
    threshold=0.5,
    what=(
        "A phone number, email address, street or home address, or social handle in a sentence "
        "about a student or their family."
    ),
    why=(
        "Anyone can reach or find the child with it. Addresses and phone numbers are FERPA "
        "data (policies P4, P15)."
    ),
    example='"Her mom\'s cell is 503-201-3344" -> "Her mom\'s cell is [removed]"',
    tune="Disable with `[rules.PRIV005] enabled = false` only on internal, staff-only channels.",
)

LOCATION_NOW = Rule(
    code="PRIV006",
    check=CHECK,
    name="students-location-now",
    level="warning",
    threshold=0.5,
    what=(
        "Where a group of students is right now or for the next hours: \"we're at the zoo "
        'until 2:30", "the team is at Lincoln Park right now", "heading to the aquarium".'
    ),
    why=(
        "It tells strangers where to find a group of children at this moment. Post after you "
        "have left and turn off location tagging (policy P7)."
    ),
    example='"At the zoo with my 2nd graders until 2:30!" -> post it afterwards, without the time.',
    tune='Set `[rules.PRIV006] level = "suggestion"` for closed, parents-only groups.',
)

MEDIA = Rule(
    code="PRIV007",
    check=CHECK,
    name="student-photo-or-video",
    level="suggestion",
    threshold=0.5,
    what=(
        "A post that says it shows students in a photo or video. A reminder on school accounts; "
        "a warning when names are attached or the account is personal."
    ),
    why=(
        "Every child in the picture needs a media release, and names never go with photos "
        "(policies P5, P8); student photos belong on school accounts, not personal ones (P3, "
        "P10)."
    ),
    example='"Pics from our field trip with my 4th graders!" (check releases; no names).',
    tune="Set `[rules.PRIV007] enabled = false` when every post goes through a media-release check.",
)

RULES: tuple[Rule, ...] = (
    FULL_NAME,
    FIRST_NAME,
    ROSTER_NAME,
    EDUCATION_RECORD,
    CONTACT_DETAIL,
    LOCATION_NOW,
    MEDIA,
)
