"""Reference cues ("sebagaimana dimaksud dalam"): the review's words compiled once, where a
cue stands in a text, which references follow one, and a text with its back-references left out
(the words of ``regulations/reference-review.yaml``)."""

from __future__ import annotations

import functools
import re
from typing import Any

from compliance.cite import Citation

_INTERNAL = "(?:pasal|ayat|huruf|angka)"  # a back-reference into this regulation, not to a Lampiran


@functools.cache
def review_words() -> dict[str, Any]:
    from compliance.resources import data_yaml

    data = data_yaml("regulations", "reference-review.yaml")
    if any(len(c.split()) < 2 for c in data["reference_cues"]):
        raise ValueError("reference-review.yaml: every reference cue needs two words or more")
    if int(data["subject_words"]) < 1:
        raise ValueError("reference-review.yaml: subject_words must be 1 or more")
    cues = "|".join(r"\s+".join(map(re.escape, c.split())) for c in data["reference_cues"])
    return {
        "cue_end": re.compile(rf"(?i)(?:{cues})\s*$"),
        "cue": re.compile(rf"(?i)(?:{cues})"),
        "cue_at": re.compile(rf"(?i)(?=(?:{cues}))"),
        "cue_glued": re.compile(rf"(?i)(?:{cues})\w"),
        "cue_heads": sorted({c.split()[0].lower() for c in data["reference_cues"]}),
        # every cue's second word ("dimaksud", "tersebut", "diatur"): rarer than its first ("yang")
        "cue_seconds": sorted({c.split()[1].lower() for c in data["reference_cues"]}),
        "cue_words": max(len(c.split()) for c in data["reference_cues"]),
        "backref": re.compile(rf"(?i)(?:[\w/-]+\s+){{0,{data['subject_words']}}}(?:{cues})(?=\s*{_INTERNAL})"),
        "clause": frozenset(data["clause_words"]),
        "agents": frozenset(data["agent_words"]),
        "verb": re.compile("(?:" + "|".join(data["verb_prefixes"]) + ")"),
        "nouns": frozenset(data["not_verbs"]),
        "heads": frozenset(data["generic_heads"]),
        "stated": {group[0]: tuple(group) for group in data["stated_generic"]},
        "generic": frozenset(data["generic_words"]),
        "structure": frozenset(data["structure_words"]),
        "relations": frozenset(data["relation_heads"]) | frozenset(data["purpose_heads"]),
        "purposes": frozenset(data["purpose_heads"]),
        "limit": int(data["subject_words"]),
        "relative_words": int(data["relative_clause_words"]),
        "absent": float(data["absent_rate"]),
        "name_absent": float(data["name_absent_rate"]),
        "variant_articles": int(data["variant_articles"]),
    }


def chains(text: str, cited: list[Citation]) -> list[tuple[int, list[Citation]]]:
    """References that follow a cue, grouped when joined by "dan", "atau" or commas:
    (start of the cue, the references)."""
    out: list[tuple[int, list[Citation]]] = []
    previous_end = None
    words = review_words()
    for c in sorted(cited, key=lambda c: c.offset):
        # a cue ending at the reference lies in its last few words: searched there, not from 0
        start = _words_back(text, c.offset, words["cue_words"])
        cue = words["cue_end"].search(text, start, c.offset)
        if cue is not None:
            out.append((cue.start(), [c]))
        elif out and previous_end is not None and re.fullmatch(
                r"[\s,]*(?:dan/atau|dan|atau|serta)?\s*", text[previous_end:c.offset]):
            out[-1][1].append(c)
        previous_end = c.offset + len(c.raw)
    return out


def _words_back(text: str, end: int, n: int) -> int:
    """Where the ``n``-th run of non-space characters before ``end`` starts (0 when fewer):
    read from the runs in the last characters when they hold more than ``n`` runs (the
    first may be cut) or reach the start, else by stepping back. ``rsplit`` finds the last
    runs as ``\\S+`` does (the same white space) without listing every run of the window."""
    start = max(0, end - 40 * n)
    window = text[start:end]
    parts = window.rsplit(None, n)
    if len(parts) > n:  # more than n runs: the n-th last starts after the first part and the space after it
        rest = window[len(parts[0]):]
        return start + len(parts[0]) + len(rest) - len(rest.lstrip())
    if start == 0:
        return len(window) - len(window.lstrip()) if len(parts) == n else 0
    at = end
    for _ in range(n):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace():
            at -= 1
    return at


def without_backrefs(text: str) -> str:
    """``backref.sub(" ", text)``, the expression run only around the cues: a match ends
    with a cue and starts at most ``subject_words`` words before it, so text outside those
    windows is kept as it is; a window also holds the word after its cue, which the
    expression's condition on what follows reads. (The expression alone tries every
    position of every place, most of a regulation's text.)"""
    words = review_words()
    windows = sorted((_subject_start(text, at, words["limit"]), _next_word_end(text, words["cue"].match(text, at).end()))
                     for at in _cue_starts(text))
    out: list[str] = []
    done = start = end = 0
    for window_start, window_end in windows + [(len(text) + 1, len(text) + 1)]:
        if window_start > end:  # a window apart from the ones before: change those
            out += [text[done:start], words["backref"].sub(" ", text[start:end])]
            done, start = end, window_start
        end = max(end, window_end)
    return "".join(out) + text[done:]


def cuts_words(text: str) -> bool:
    """Whether ``without_backrefs`` may cut a word of ``text`` in two: only where a cue is
    glued to the word before or after it ("izinsebagaimana", "dalamPasal"). A back-reference
    left out starts at a cue or where a word starts, and ends where a cue ends, so elsewhere
    every word it keeps is a whole word of the text."""
    glued = review_words()["cue_glued"]
    return any((at > 0 and text[at - 1].isalnum()) or glued.match(text, at) for at in _cue_starts(text))


def _cue_starts(text: str) -> list[int]:
    """Every offset where a cue begins. A cue's second word in lower case found by a
    substring search, the cue matched where each first word would end at the white space
    before it (a cue's words are joined by white space): the same offsets as the
    expression tried at every position, except in a text whose lower case differs from
    what a case-blind match accepts ("ı", "ſ" match "i", "s"; "İ" lower-cases to two
    characters), where the expression does it."""
    words = review_words()
    lower = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        return [m.start() for m in words["cue_at"].finditer(text)]
    starts = set()
    for second in words["cue_seconds"]:
        for at in _found(lower, second):
            space = at
            while space > 0 and text[space - 1].isspace():
                space -= 1
            if space == at:
                continue
            for head in words["cue_heads"]:
                start = space - len(head)
                if start >= 0 and lower.startswith(head, start) and words["cue"].match(text, start):
                    starts.add(start)
    return sorted(starts)


def _found(lower: str, word: str):
    """Every offset of ``word`` in ``lower``."""
    at = lower.find(word)
    while at >= 0:
        yield at
        at = lower.find(word, at + 1)


def _next_word_end(text: str, at: int) -> int:
    """The end of the white space from ``at`` and of the word after it."""
    while at < len(text) and text[at].isspace():
        at += 1
    while at < len(text) and (text[at].isalnum() or text[at] in "_/-"):
        at += 1
    return at


def _subject_start(text: str, cue: int, limit: int) -> int:
    """The earliest offset from which ``limit`` words, each followed by white space,
    reach ``cue`` (a word: ``[\\w/-]+``, as the backref expression reads it)."""
    start = cue
    for _ in range(limit):
        space = start
        while space > 0 and text[space - 1].isspace():
            space -= 1
        word = space
        while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_/-"):
            word -= 1
        if space == start or word == space:
            break
        start = word
    return start
