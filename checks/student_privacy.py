"""The `student_privacy` check: every way a post can identify a student, with a de-identified fix.

Names (full names always; first names, initials, nicknames and handles next to a student cue),
roster matches, education records tied to a student, a student's contact details, where a group
of students is right now, and photos or videos of students. The rules and their documentation
are in `checks/privacy/rules.py`; each kind of evidence has its own module in `checks/privacy/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from checks.analysis import Analysis
from checks.anchored_matcher import AnchoredMatcher
from checks.policy import Policy
from checks.privacy import cues, records, whereabouts
from checks.privacy import rules as R
from checks.privacy.cues import STUDENT_NOUNS
from checks.privacy.fixes import (
    contact_removal,
    name_fix,
    record_rewrite,
    removal_fix,
    widen_for_removal,
)
from checks.privacy.names import SIBLINGS, NameFinder, NameSpan
from checks.roster import Roster, normalise_name
from checks.rule import Rule
from checks.semantic import embed_batch, token_vectors
from checks.types import Draft, Finding, Fix, Level
from models.encoder import SentenceEncoder
from models.presidio_engine import ContactAnalyzer
from models.registry import Models
from models.spacy_pipeline import english_words

NAME = R.CHECK
BOTH_SOURCES_SCORE = 1.0
ONE_SOURCE_SCORE = 0.75
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
LIST_JOINERS = frozenset({",", "and", "&", "or", "+"})
BETWEEN_LISTED_NAMES = re.compile(r"\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)", re.IGNORECASE)
"""What separates names in a list: ", ", " and ", ", and ", " & "."""
IDENTIFYING = frozenset({"PRIV001", "PRIV002", "PRIV003", "PRIV004", "PRIV005", "PRIV006"})
RECORD_WORDS = {
    "grade": "a grade or score",
    "failing": "failing or a retake",
    "ranking": "a class ranking",
    "discipline": "discipline",
    "attendance": "attendance",
    "special education": "special-education placement",
    "diagnosis": "a diagnosis or health detail",
    "medication": "medication",
    "pregnancy": "a pregnancy",
    "family circumstances": "family circumstances",
    "immigration status": "immigration status",
}
CONTACT_WORDS = {
    "PHONE_NUMBER": "phone number",
    "EMAIL_ADDRESS": "email address",
    "STREET_ADDRESS": "street address",
    "home street": "home street",
    "handle": "social media handle",
}


def rules() -> list[Rule]:
    return list(R.RULES)


class StudentPrivacy:
    """Finds what identifies a student in a draft; the pipeline applies thresholds and levels.

    With the sentence encoder, names are read with the contextual token vectors of the semantic
    layer's one encoder call per batch (which the other checks then reuse); without it, with the
    cheap features alone."""

    name = NAME

    def __init__(
        self, nlp: Language, contact: ContactAnalyzer, encoder: SentenceEncoder | None = None
    ) -> None:
        self.names = NameFinder(english_words(nlp))
        self.encoder = encoder
        self.engine = "presidio+spacy+minilm" if encoder is not None else "presidio+spacy"
        self.matcher = AnchoredMatcher(nlp.vocab)
        for patterns in (cues.PATTERNS, records.PATTERNS, whereabouts.PATTERNS):
            for label, pattern in patterns.items():
                self.matcher.add(label, pattern)
        self.contact = contact

    def matches(self, doc: Doc) -> dict[str, list[Span]]:
        """Every phrase pattern of the check that the draft could match, grouped by label."""
        grouped: dict[str, list[Span]] = {}
        for span in self.matcher(doc):
            grouped.setdefault(span.label_, []).append(span)
        return grouped

    def rules(self) -> list[Rule]:
        return rules()

    def run(self, draft: Draft, analysis: Analysis) -> Iterable[Finding]:
        return self.run_batch([draft], [analysis])[0]

    def run_batch(
        self, drafts: Sequence[Draft], analyses: Sequence[Analysis]
    ) -> list[list[Finding]]:
        embed_batch(analyses, self.encoder)
        return [
            _DraftReview(self, d, a.doc, a.policy or Policy(), token_vectors(a)).findings()
            for d, a in zip(drafts, analyses, strict=True)
        ]


class _DraftReview:
    """One draft's evidence, gathered once and turned into findings."""

    def __init__(
        self,
        check: StudentPrivacy,
        draft: Draft,
        doc: Doc,
        policy: Policy,
        vectors: np.ndarray | None,
    ) -> None:
        self.check = check
        self.draft = draft
        self.text = draft.text
        self.doc = doc
        self.policy = policy
        self.allowed = _allowed_ranges(draft.text, policy.allow_list)
        self.sentences = list(doc.sents)
        self.sentence_of = [0] * len(doc)
        for index, sentence in enumerate(self.sentences):
            self.sentence_of[sentence.start : sentence.end] = [index] * len(sentence)
        self.matches = check.matches(doc)
        self.cued = cues.cued_sentences(self.matches, self.sentence_of)
        self.now = whereabouts.students_now(self.matches, self.sentence_of)
        self.people = [
            n
            for n in check.names.find(doc, draft.context.author_name, vectors)
            if n.role == "person" and not self._allowed(n.start, n.end)
        ]

    def findings(self) -> list[Finding]:
        found = self._names() + self._roster(self.policy.roster)
        found += self._records() + self._contacts() + self._location_now()
        found += self._media(any(f.code in {"PRIV001", "PRIV002", "PRIV003"} for f in found))
        return found

    def _names(self) -> list[Finding]:
        full = [n for n in self.people if n.is_full]
        found = [self._name_finding(R.FULL_NAME, n, "This names a student in full.") for n in full]
        if self._first_names_allowed():
            return self._lists_as_one(found)
        lone = [n for n in self.people if not n.is_full]
        tied = [
            n
            for n in lone
            if self._cued(n.token_start) or any(_listed_together(self.doc, n, f) for f in full)
        ]
        students = {w for n in full + tied for w in self.text[n.start : n.end].casefold().split()}
        for name in lone:
            if name in tied:
                what = "This names one of your students."
            elif self.text[name.start : name.end].casefold() in students:
                what = "This names the same student again: leave every mention out."
            else:
                continue
            found.append(self._name_finding(R.FIRST_NAME, name, what))
        found = self._lists_as_one(found)
        for start, end, token in self.check.names.hashtag_names(self.doc):
            if self._cued(token) and not self._allowed(start, end):
                found.append(
                    self._finding(
                        R.FIRST_NAME,
                        start,
                        end,
                        1.0,
                        "This hashtag names one of your students.",
                        None,
                        removal=(
                            *widen_for_removal(self.text, start, end),
                            "Leave the hashtag out",
                        ),
                    )
                )
        for handle in whereabouts.handles(self.doc):
            if self._cued(handle.token_start) and not self._allowed(handle.start, handle.end):
                found.append(
                    self._finding(
                        R.FIRST_NAME,
                        handle.start,
                        handle.end,
                        1.0,
                        "This gives a student's social media handle.",
                        name_fix(self.text, handle.start, handle.end),
                    )
                )
        return found

    def _lists_as_one(self, found: list[Finding]) -> list[Finding]:
        """Names listed together ("Aiden, Mia and Noah Thompson") are one finding whose fix reads
        "three of my students", not three that read "one of my students, one of my students and
        one of my students"."""
        lists: list[list[Finding]] = []
        for finding in sorted(found, key=lambda f: f.start):
            last = lists[-1][-1] if lists else None
            if last and BETWEEN_LISTED_NAMES.fullmatch(self.text[last.end : finding.start]):
                lists[-1].append(finding)
            else:
                lists.append([finding])
        merged = []
        for names in lists:
            if len(names) == 1:
                merged.append(names[0])
                continue
            full = any(n.code == R.FULL_NAME.code for n in names)
            start, end = names[0].start, names[-1].end
            merged.append(
                self._finding(
                    R.FULL_NAME if full else R.FIRST_NAME,
                    start,
                    end,
                    max(n.score for n in names),
                    f"This names {len(names)} of your students.",
                    name_fix(self.text, start, end, len(names)),
                )
            )
        return merged

    def _name_finding(self, rule: Rule, name: NameSpan, what: str) -> Finding:
        start, end = name.start, _with_possessive(self.text, name.end)
        score = BOTH_SOURCES_SCORE if len(name.sources) > 1 else ONE_SOURCE_SCORE
        if self._family_name_of_siblings(name):
            # "The Hernandez twins" -> "The twins"
            removal = (*widen_for_removal(self.text, start, end), "Leave the name out")
            return self._finding(rule, start, end, score, what, None, removal=removal)
        return self._finding(rule, start, end, score, what, name_fix(self.text, start, end))

    def _family_name_of_siblings(self, name: NameSpan) -> bool:
        before = self.doc[name.token_start - 1].lower_ if name.token_start > 0 else ""
        after = self.doc[name.token_end].lower_ if name.token_end < len(self.doc) else ""
        return before == "the" and after in SIBLINGS

    def _roster(self, roster: Roster | None) -> list[Finding]:
        if roster is None:
            return []
        found = []
        tokens = [t for t in self.doc if t.is_alpha]
        taken: set[int] = set()
        for size in (3, 2):
            for i in range(len(tokens) - size + 1):
                window = tokens[i : i + size]
                if any(t.i in taken for t in window) or window[-1].i - window[0].i != size - 1:
                    continue
                if roster.has_full_name(" ".join(t.text for t in window)):
                    taken.update(t.i for t in window)
                    found.append(self._roster_finding(window[0].idx, _end(window[-1]), 1.0))
        for token in tokens:
            if token.i in taken or token.is_stop or not token.text[:1].isupper():
                continue
            if self._cued(token.i) and roster.has_name_part(normalise_name(token.text)):
                found.append(self._roster_finding(token.idx, _end(token), ONE_SOURCE_SCORE))
        return [f for f in found if not self._allowed(f.start, f.end)]

    def _roster_finding(self, start: int, end: int, score: float) -> Finding:
        end = _with_possessive(self.text, end)
        return self._finding(
            R.ROSTER_NAME,
            start,
            end,
            score,
            "This names a student on your district's roster.",
            name_fix(self.text, start, end),
        )

    def _records(self) -> list[Finding]:
        found = []
        rewritten: set[tuple[int, int]] = set()
        for record in records.record_mentions(self.matches):
            phrase = {t.lower_ for t in self.doc[record.token_start : record.token_end]}
            names_group = record.category == "special education" and phrase & records.GROUP_WORDS
            if not names_group and not self._tied_to_student(record.token_start):
                continue
            start, end, replacement, title = record_rewrite(
                self.doc, record.token_start, record.token_end
            )
            fix: Fix | None = Fix(title=title, replacement=replacement)
            if not replacement and _nothing_left(self.text, start, end):
                # no removal to offer: point at the detail itself, and the name beside it keeps
                # its own finding and fix
                detail = self.doc[record.token_start : record.token_end]
                while len(detail) > 1 and detail[-1].pos_ == "ADP":
                    detail = detail[:-1]
                start, end, fix = detail.start_char, detail.end_char, None
            if (start, end) in rewritten:
                continue
            rewritten.add((start, end))
            found.append(
                self._finding(
                    R.EDUCATION_RECORD,
                    start,
                    end,
                    1.0,
                    f"This shares a student's private record ({RECORD_WORDS[record.category]}).",
                    fix,
                )
            )
        return found

    def _contacts(self) -> list[Finding]:
        spans: list[tuple[int, int, str]] = [
            (r.start, r.end, r.entity_type) for r in self.check.contact.analyze(self.doc)
        ]
        spans += [(m.start, m.end, m.label) for m in whereabouts.home_streets(self.matches)]
        found = []
        for start, end, kind in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or not self._tied_to_student(span.start):
                continue
            found.append(
                self._finding(
                    R.CONTACT_DETAIL,
                    start,
                    end,
                    1.0,
                    f"This shares a student's or family's {CONTACT_WORDS[kind]}.",
                    None,
                    removal=(*contact_removal(self.text, start, end), "Remove the contact detail"),
                )
            )
        return found

    def _location_now(self) -> list[Finding]:
        return [
            self._finding(
                R.LOCATION_NOW,
                m.start,
                m.end,
                1.0,
                "This tells anyone where your students are right now.",
                None,
                removal=(
                    *widen_for_removal(self.text, m.start, m.end),
                    "Post it after you have left, without the time",
                ),
            )
            for m in self.now
        ]

    def _media(self, names_attached: bool) -> list[Finding]:
        about_students = bool(self.cued) or bool(self.now)
        if not about_students:
            return []
        personal = self.draft.context.account == "personal"
        level: Level | None = "warning" if names_attached or personal else None
        return [
            Finding(
                check=NAME,
                code=R.MEDIA.code,
                start=m.start,
                end=m.end,
                score=1.0,
                message="This shows students in a photo or video: check every family's media release.",
                why=R.MEDIA.why,
                level=level,
            )
            for m in whereabouts.media_mentions(self.matches)
        ]

    def _finding(
        self,
        rule: Rule,
        start: int,
        end: int,
        score: float,
        message: str,
        fix: Fix | None,
        removal: tuple[int, int, str] | None = None,
    ) -> Finding:
        if removal is not None:
            start, end, title = removal
            fix = removal_fix(title)
        if fix is not None and not fix.replacement and _nothing_left(self.text, start, end):
            fix = None
        return Finding(
            check=NAME,
            code=rule.code,
            start=start,
            end=end,
            score=score,
            message=message,
            why=rule.why,
            fix=fix,
            level=self._level(rule),
        )

    def _level(self, rule: Rule) -> Level | None:
        """On a personal account anything that identifies a student is at least a warning."""
        if self.draft.context.account == "personal" and rule.code in IDENTIFYING:
            return "error" if rule.level == "error" else "warning"
        return None

    def _first_names_allowed(self) -> bool:
        return (
            self.draft.context.account == "classroom"
            and self.policy.classroom_first_names_with_release
        )

    def _cued(self, token_index: int) -> bool:
        return self.sentence_of[token_index] in self.cued

    def _allowed(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self.allowed)

    def _tied_to_student(self, token_index: int) -> bool:
        """A student's name, one particular student, or he/she in the same sentence."""
        sent = self.sentences[self.sentence_of[token_index]]
        if any(sent.start <= n.token_start < sent.end for n in self.people):
            return True
        words = [t.lower_ for t in sent]
        if any(
            words[i : i + 3] in (["one", "of", "my"], ["one", "of", "our"])
            for i in range(len(words))
        ):
            return True
        for token in sent:
            if token.lower_ in PRONOUNS:
                return True
            if token.lemma_.lower() in STUDENT_NOUNS and token.tag_ == "NN":
                return True
        return False


def _allowed_ranges(text: str, allow_list: Iterable[str]) -> list[tuple[int, int]]:
    """Where allow-listed names (mascots, schools, staff) occur in the text, case-insensitively."""
    lower = text.casefold()
    ranges = []
    for entry in allow_list:
        needle = entry.strip().casefold()
        start = lower.find(needle) if needle else -1
        while start >= 0:
            ranges.append((start, start + len(needle)))
            start = lower.find(needle, start + 1)
    return ranges


def _listed_together(doc: Doc, a: NameSpan, b: NameSpan) -> bool:
    """ "Aiden, Mia and Noah Thompson": only names and list joiners between the two names."""
    first, second = sorted((a, b), key=lambda n: n.token_start)
    between = doc[first.token_end : second.token_start]
    return len(between) > 0 and all(
        t.lower_ in LIST_JOINERS or t.text[:1].isupper() for t in between
    )


def _with_possessive(text: str, end: int) -> int:
    for suffix in ("'s", "\u2019s"):
        if text.startswith(suffix, end):
            return end + len(suffix)
    return end


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def build(models: Models) -> StudentPrivacy:
    contact = ContactAnalyzer(models.nlp, models.settings.spacy_model)
    return StudentPrivacy(models.nlp, contact, models.encoder)


def _nothing_left(text: str, start: int, end: int) -> bool:
    """Whether removing text[start:end] would leave no words: then removal is no fix to offer."""
    return not any(c.isalnum() for c in text[:start] + text[end:])
