"""Misdirected references: the subject named before "sebagaimana dimaksud dalam/pada Pasal N"
is not what Pasal N says, while another place of the regulation does state it.

A reviewer reads the noun phrase before the cue, looks at the cited place (the ayat / huruf
it names, with the lead of its list, and its article) and asks whether that place speaks of
it. Words are weighed by how rare they are among the regulation's articles (IDF), so that
words every article uses ("penyelenggara", "jasa", "pemerintah") cannot vouch for a wrong
target; a warning needs most of the subject's weight missing from the target and another
place that states the whole subject. The words are data (``regulations/reference-review.yaml``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from compliance.cite import Citation
from compliance.draft.phrases import holds_in_order, names_in, word_forms
from compliance.draft.units import Unit, citing_chain, index, place_page, where
from compliance.draft.words import fold, forms, stem, stems_in
from compliance.models import Regulation


_INTERNAL = "(?:pasal|ayat|huruf|angka)"  # a back-reference into this regulation, not to a Lampiran


@functools.cache
def review_words() -> dict[str, Any]:
    from compliance.resources import data_yaml

    data = data_yaml("regulations", "reference-review.yaml")
    cues = "|".join(r"\s+".join(map(re.escape, c.split())) for c in data["reference_cues"])
    return {
        "cue_end": re.compile(rf"(?i)(?:{cues})\s*$"),
        "cue": re.compile(rf"(?i)(?:{cues})"),
        "cue_at": re.compile(rf"(?i)(?=(?:{cues}))"),
        "cue_heads": sorted({c.split()[0].lower() for c in data["reference_cues"]}),
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


# a gloss in brackets after a term: "(assignment)", "(Call Center)", "(DVB-T2)" — not "(1)", "(a)"
_GLOSS = re.compile(r"\s*\((?![0-9]{1,2}\)|[a-z]\))[^()\n]{2,60}\)")


def subject_before(text: str, end: int, relative: bool = True) -> str:
    """The noun phrase a reference cue follows: up to ``subject_words`` words back, stopping at
    punctuation, an ayat mark, a word that opens a clause or an active/passive verb. When the
    words up to such a stop name nothing and a relative clause holds them ("Lembaga Penyiaran
    Asing yang menyelenggarakan siaran di Indonesia", "Objek Seleksi yang dapat dimenangkan"),
    the phrase the clause describes."""
    words = review_words()
    window = _GLOSS.sub(" ", text[max(0, end - 200):end])
    window = re.split(r"[.;:,()\n]|\s-\s", window)[-1]
    taken: list[str] = []
    stopped = False
    for word in reversed(window.split()):
        if len(taken) >= words["limit"]:
            break
        if word.lower() in words["agents"] and taken and all(_says_nothing(t) for t in taken):
            taken.append(word)  # "penetapan pemenang oleh Menteri": the act before its agent
            continue
        if word.lower() in words["clause"] or _verb(word):
            stopped = True
            break
        taken.append(word)
    if taken and taken[-1].lower() in words["agents"]:  # "ditetapkan oleh Menteri": no act before it
        taken = taken[:-1]
    if relative and stopped and all(_says_nothing(t) for t in taken) and not (taken and taken[0] in words["heads"]):
        clause = list(re.finditer(r"(?i)\byang\b", window))
        if clause and len(window[clause[-1].end():].split()) <= words["relative_words"]:
            return subject_before(window, clause[-1].start(), relative=False)
    if taken and taken[0] in words["heads"]:  # "pelanggaran ketentuan sebagaimana ...": the reference
        # names the generic last noun, not the phrase (a capitalised term is a name)
        return taken[0] if taken[0] in words["stated"] else ""
    return " ".join(reversed(taken))


def _stated_forms(word: str) -> frozenset[str]:
    """The stems of a generic word and of the words a place may set it by instead ("tugas":
    "bertugas", "fungsi", "bertanggung jawab")."""
    return frozenset().union(*(forms(w) for w in review_words()["stated"][word]))


def _says_nothing(word: str) -> bool:
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


def chains(text: str, cited: list[Citation]) -> list[tuple[int, list[Citation]]]:
    """References that follow a cue, grouped when joined by "dan", "atau" or commas:
    (start of the cue, the references)."""
    out: list[tuple[int, list[Citation]]] = []
    previous_end = None
    for c in sorted(cited, key=lambda c: c.offset):
        # a cue ending at the reference lies in its last few words: searched there, not from 0
        start = _words_back(text, c.offset, review_words()["cue_words"])
        cue = review_words()["cue_end"].search(text, start, c.offset)
        if cue is not None:
            out.append((cue.start(), [c]))
        elif out and previous_end is not None and re.fullmatch(
                r"[\s,]*(?:dan/atau|dan|atau|serta)?\s*", text[previous_end:c.offset]):
            out[-1][1].append(c)
        previous_end = c.offset + len(c.raw)
    return out


def _words_back(text: str, end: int, n: int) -> int:
    """Where the ``n``-th run of non-space characters before ``end`` starts."""
    at = end
    for _ in range(n):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace():
            at -= 1
    return at


class _Document:
    """The regulation's places, and how rare each word stem is among its body articles."""

    def __init__(self, reg: Regulation) -> None:
        self.units = index(reg)
        body = [a for a in reg.articles if a.parent is None]
        # an article without ayat is its own innermost place, an ayat without points its own
        # scope: each text is stemmed once (the sets are shared, never changed)
        stems = functools.cache(stems_in)
        self.article_stems = {a.label: stems(a.text) for a in body}
        self.article_words = {a.label: word_forms(a.text) for a in body}
        self.df: dict[str, int] = Counter()
        for article_stems in self.article_stems.values():
            self.df.update(article_stems)
        self.n = max(1, len(body))
        inner = [u for u in self.units.values() if not u.children]
        self.places_n = max(1, len(inner))
        self.place_df: dict[str, int] = Counter()
        for u in inner:
            self.place_df.update(stems(u.text))
        self.definitions = {a.label for a in body if re.search(r"(?i)yang\s+dimaksud\s+dengan", a.text[:400])}
        self.own = {pin: stems(without_backrefs(u.scope)) for pin, u in self.units.items()}
        self.vocabulary: list[str] | None = None

    def terms(self, subject: str) -> list[tuple[frozenset[str], float, float, bool]]:
        """The subject's content words in order, as (stem forms, share of the articles that use
        them, share of the innermost places that use them, whether it is a relation head); the
        words of legal drafting's structure ("pasal", "peraturan", "ini") left out."""
        words = review_words()
        out: list[tuple[frozenset[str], float, float, bool]] = []
        for i, w in enumerate(re.findall(r"[A-Za-z]+", subject)):  # the words stems_in reads ("DVB-T2": dvb)
            low = w.lower()
            f = forms(low) | self.variants(low)
            named = w[:1].isupper() and i > 0 and low not in words["structure"]  # "Sertifikat Kewenangan"
            if len(low) >= 3 and (named or low not in words["generic"]) and low not in words["clause"] and f not in {
                    t[0] for t in out}:
                out.append((f, self._share(f, self.df, self.n), self._share(f, self.place_df, self.places_n),
                            low in words["relations"]))
        if not out:  # only generic words: those the place that sets them states ("tugas", "Pelaksana")
            out = [(f, self._share(f, self.df, self.n), self._share(f, self.place_df, self.places_n), False)
                   for f in dict.fromkeys(_stated_forms(w) for w in re.findall(r"[A-Za-z]+", subject.lower())
                                          if w in words["stated"])]
        return out

    def variants(self, word: str) -> frozenset[str]:
        """Stems of the regulation one letter away from the word's when either is rare (in at
        most ``variant_articles`` articles): a spelling slip or a scan's misreading
        ("teresterial" / "terestrial"), not two words of the text's vocabulary."""
        own = stem(fold(word))
        if len(own) < 6:
            return frozenset()
        if self.vocabulary is None:
            self.vocabulary = sorted(s for s in self.df if len(s) >= 6)
        rare = review_words()["variant_articles"]
        found = process.extract(own, self.vocabulary, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
        return frozenset(v for v, _, _ in found
                         if v != own and min(self.df.get(own, 0), self.df.get(v, 0)) <= rare)

    @staticmethod
    def _share(f: frozenset[str], df: dict[str, int], n: int) -> float:
        return min(max(max((df.get(s, 0) for s in f), default=0), 1), n) / (n + 1)

    def slip_evidence(self, terms: list[tuple[frozenset[str], float, float, bool]], article: set[str],
                      unit: set[str]) -> float:
        """Log-odds that the cited place (its own words ``unit``, its article's ``article``) is not
        the one the subject means. A subject word the article lacks counts for a slip by how
        common the word is elsewhere (an article picked at random lacks a rare word; the right
        one lacks it only at ``absent_rate``) — except a relation head opening the subject
        ("permohonan X", "status X", "tahap X"): the citing text names an act about the thing
        the target regulates. A word the place has counts against by how rare it is: among the
        innermost places when the cited ayat/huruf itself has it, else among the articles; so
        words every article uses vouch for nothing and a shared rare word vouches for much."""
        absent = review_words()["absent"]
        relation = terms and terms[0][3]
        score = 0.0
        for i, (f, p_article, p_place, _) in enumerate(terms):
            if f & unit:
                score += math.log(p_place)
            elif f & article:
                score += math.log(p_article)
            elif i > 0 or len(terms) == 1 or not relation:
                score += math.log((1 - p_article) / absent)
        return score

    def name_evidence(self, subject: str, targets: list[Unit]) -> float:
        """Log-odds added by the subject's capitalised names ("Manajemen Layanan SPBE") that no
        cited article says as a name (its words side by side, in order): the right place says
        the name itself, all but at ``name_absent_rate``; an article picked at random lacks it
        by how few articles say it. (Its words, present or not, are weighed one by one too.)"""
        absent = review_words()["name_absent"]
        cited = [self.article_words[t.article] for t in targets]
        score = 0.0
        for name in names_in(subject, _says_nothing):
            if any(holds_in_order(words, name, 0) for words in cited):
                continue
            saying = sum(holds_in_order(words, name, 0) for words in self.article_words.values())
            score += math.log((1 - min(saying, self.n) / (self.n + 1)) / absent)
        return score

    def defines(self, unit: Unit) -> bool:
        """A place of the definitions article (a term defined is not thereby regulated)."""
        return unit.article in self.definitions

    def places(self, wanted: list[frozenset[str]], exclude: set[str], spare: int = 0) -> list[Unit]:
        """The innermost places whose own words (back-references left out) hold the wanted
        words, all but ``spare`` of them."""
        fits = {pin for pin, own in self.own.items()
                if sum(not w & own for w in wanted) <= spare and pin not in exclude}
        return [self.units[pin] for pin in self.units
                if pin in fits and not any(child.pin in fits for child in self.units[pin].children)]


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


def _cue_starts(text: str) -> list[int]:
    """Every offset where a cue begins. A cue's first word in lower case found by a
    substring search, then the cue matched there: the same offsets as the expression
    tried at every position, except in a text whose lower case differs from what a
    case-blind match accepts ("ı", "ſ" match "i", "s"; "İ" lower-cases to two
    characters), where the expression does it."""
    words = review_words()
    lower = text.lower()
    if len(lower) != len(text) or "ı" in text or "ſ" in text:
        return [m.start() for m in words["cue_at"].finditer(text)]
    starts = set()
    for head in words["cue_heads"]:
        at = lower.find(head)
        while at >= 0:
            if words["cue"].match(text, at):
                starts.add(at)
            at = lower.find(head, at + 1)
    return sorted(starts)


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


def misdirected(reg: Regulation, citations: list[Citation]) -> list[dict[str, Any]]:
    """For each cue whose subject the cited place does not state, the fields of a
    ``misdirected-reference`` note (where, page, reference, subject, target, suggestion)."""
    by_article: dict[str, list[Citation]] = {}
    for c in citations:
        if (c.place.part == "pasal" and c.internal and c.exists and c.resolved and not c.place.parent
                and c.pinpoint and not c.pinpoint_end and c.pinpoint.startswith("pasal-")):
            by_article.setdefault(str(c.place.pasal), []).append(c)
    if not by_article:
        return []
    doc = _Document(reg)
    out = []
    for label, cited in by_article.items():
        article = reg.article(label)
        for cue_start, chain in chains(article.text, cited):
            note = _check_chain(reg, doc, article.text, cue_start, chain)
            if note is not None:
                out.append(note)
    return out


def _list_as_one(doc: _Document, places: list[Unit]) -> list[Unit]:
    """Points of one list, or ayat of one article, that all fit (through the lead they share:
    "Perangkat radio siaran terdiri atas: a. ...; b. ...") stand for the place holding them."""
    parents = {p.pin.rsplit("-", 2)[0] for p in places}
    if len(places) > 1 and len(parents) == 1 and all(p.level in ("ayat", "huruf", "angka") for p in places):
        parent = doc.units.get(parents.pop())
        return [parent] if parent is not None else places
    return places


def _likely_target(doc: _Document, places: list[Unit], terms: list[tuple[frozenset[str], float, float, bool]],
                   citing: str) -> str:
    """The place a reviewer would name as meant, printed as precisely as the text numbers it,
    or "" when more than one fits. A reference by "Pasal N" means another article (within
    its own article a drafter writes "ayat (n)"); among several places, the one that states
    the subject as a phrase (its words in order, side by side: "a. audit Infrastruktur
    SPBE;") is where it is set, not one that merely uses its words apart."""
    fitting = _list_as_one(doc, [u for u in places if u.article != citing])
    if len(fitting) > 1:
        fitting = _list_as_one(doc, [u for u in fitting if states_as_phrase(u.scope, terms)])
    return fitting[0].label if len(fitting) == 1 else ""


def states_as_phrase(text: str, terms: list[tuple[frozenset[str], float, float, bool]]) -> bool:
    """Whether ``text`` (back-references left out) holds the subject's words in their order,
    at most one other word between two of them; a relation head opening the subject
    ("permohonan", "status") may be missing."""
    wanted = [t[0] for i, t in enumerate(terms) if not (i == 0 and t[3] and len(terms) > 1)]
    return holds_in_order(word_forms(without_backrefs(text)), wanted)


def _check_chain(reg: Regulation, doc: _Document, text: str, cue_start: int,
                 chain: list[Citation]) -> dict[str, Any] | None:
    subject = subject_before(text, cue_start)
    terms = doc.terms(subject)
    targets = [doc.units.get(c.pinpoint) for c in chain]
    if not terms or any(t is None for t in targets):
        return None
    # the whole target article counts: "Nomenklatur X sebagaimana dimaksud dalam Pasal 2 ayat (1)
    # huruf a" names something of huruf a that its article may state elsewhere
    unit = set().union(*(stems_in(t.scope) for t in targets if t.level != "pasal"))
    article = set().union(unit, *(doc.article_stems[t.article] for t in targets))
    if doc.slip_evidence(terms, article, unit) + doc.name_evidence(subject, targets) <= 0:
        return None
    citing = {u.pin for u in citing_chain(reg, chain[0])}
    # words most articles use need not be there, nor a purpose opening the subject ("kelancaran"):
    # the place setting "permohonan X" states the permohonan, none sets the citing text's purpose
    purpose = subject.split()[0].lower() in review_words()["purposes"] if subject else False
    kept = terms[1:] if purpose and terms[0][3] and len(terms) > 1 else terms
    wanted = [t[0] for t in kept if t[1] < 0.5] or [t[0] for t in kept]
    whole = [u for u in doc.places(wanted, citing) if not doc.defines(u)]
    # with three words or more, a place may lack one (a spelling variant, a word the citing text
    # adds), not a relation head it wants ("permohonan")
    head = kept[0][0] if kept[0][3] and kept[0][0] in wanted else frozenset()
    near = [u for u in doc.places(wanted, citing, 1) if not doc.defines(u) and (not head or head & doc.own[u.pin])
            ] if len(wanted) >= 3 else []
    if not whole and not near:  # nothing else states it either: not a slip we can show
        return None
    full = [t[0] for t in terms if t[1] < 0.5] or [t[0] for t in terms]  # with a relation head, the
    stating = [u for u in doc.places(full, citing) if not doc.defines(u)] if full != wanted else []  # place naming it all
    c = chain[0]
    reference = text[c.offset:chain[-1].offset + len(chain[-1].raw)]
    suggestion = _likely_target(doc, stating or whole or near, terms, str(c.place.pasal))
    return {"where": where(reg, c), "page": place_page(reg, c.place), "reference": reference, "subject": subject,
            "target": ", ".join(t.label for t in targets), "suggestion": suggestion}
