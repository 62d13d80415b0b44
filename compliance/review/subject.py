"""The subject a reference cue follows: the noun phrase a reviewer reads before "sebagaimana
dimaksud dalam Pasal N" and compares with what Pasal N says."""

from __future__ import annotations

import re

from compliance.review.cues import review_words
from compliance.review.words import forms

# a gloss in brackets after a term: "(assignment)", "(Call Center)", "(DVB-T2)" — not "(1)", "(a)";
# the white space before it goes with it
_GLOSS = re.compile(r"\((?![0-9]{1,2}\)|[a-z]\))[^()\n]{2,60}\)")
# where a phrase stops: punctuation, a bracket, a line break, a dash between words
_STOP_MARKS = ".;:,()\n"
_PHRASE_STOP = re.compile(rf"[{re.escape(_STOP_MARKS)}]|\s-\s")
_YANG = re.compile(r"(?i)\byang\b")


def subject_before(text: str, end: int, relative: bool = True) -> str:
    """The noun phrase a reference cue follows: up to ``subject_words`` words back, stopping at
    punctuation, an ayat mark, a word that opens a clause or an active/passive verb. When the
    words up to such a stop name nothing and a relative clause holds them ("Lembaga Penyiaran
    Asing yang menyelenggarakan siaran di Indonesia", "Objek Seleksi yang dapat dimenangkan"),
    the phrase the clause describes."""
    words = review_words()
    window = text[max(0, end - 200):end]
    if "(" in window:  # a gloss opens with one
        window = _without_glosses(window)
    window = _last_phrase(window)
    taken: list[str] = []
    stopped = False
    for word in reversed(window.rsplit(None, words["limit"])[-words["limit"]:]):  # at most so many are read
        if word.lower() in words["agents"] and taken and all(says_nothing(t) for t in taken):
            taken.append(word)  # "penetapan pemenang oleh Menteri": the act before its agent
            continue
        if word.lower() in words["clause"] or _verb(word):
            stopped = True
            break
        taken.append(word)
    if taken and taken[-1].lower() in words["agents"]:  # "ditetapkan oleh Menteri": no act before it
        taken = taken[:-1]
    if relative and stopped and all(says_nothing(t) for t in taken) and not (taken and taken[0] in words["heads"]):
        clause = list(_YANG.finditer(window))
        if clause and len(window[clause[-1].end():].split()) <= words["relative_words"]:
            return subject_before(window, clause[-1].start(), relative=False)
    if taken and taken[0] in words["heads"]:  # "pelanggaran ketentuan sebagaimana ...": the reference
        # names the generic last noun, not the phrase (a capitalised term is a name)
        return taken[0] if taken[0] in words["stated"] else ""
    return " ".join(reversed(taken))


def _without_glosses(window: str) -> str:
    """The window with each gloss and the white space before it replaced by one space (as
    ``re.sub`` of the white space and the gloss would, found from the bracket: quicker)."""
    out: list[str] = []
    done = 0
    for gloss in _GLOSS.finditer(window):
        start = gloss.start()
        while start > done and window[start - 1].isspace():
            start -= 1
        out += [window[done:start], " "]
        done = gloss.end()
    return "".join(out) + window[done:] if out else window


def _last_phrase(window: str) -> str:
    """The last piece of ``_PHRASE_STOP.split(window)``: after the last stop mark (a match of its
    own, where the split's search goes on whatever came before), split at dashes."""
    tail = window[max(map(window.rfind, _STOP_MARKS)) + 1:]
    return _PHRASE_STOP.split(tail)[-1] if "-" in tail else tail


def stated_forms(word: str) -> frozenset[str]:
    """The stems of a generic word and of the words a place may set it by instead ("tugas":
    "bertugas", "fungsi", "bertanggung jawab")."""
    return frozenset().union(*(forms(w) for w in review_words()["stated"][word]))


def says_nothing(word: str) -> bool:
    low = word.lower()
    return low in review_words()["generic"] or low in review_words()["structure"]


def _verb(word: str) -> bool:
    """An active or passive verb ("melakukan", "disampaikan"): the phrase before the cue is then
    an action, not a subject. Stative "ber-"/"ter-" words ("berinduk", "terdaftar",
    "tertulis") describe the noun before them and stay in the phrase."""
    low = word.lower()
    words = review_words()
    return (word[:1].islower() and len(low) >= 6 and low not in words["nouns"]
            and bool(words["verb"].match(low)))
