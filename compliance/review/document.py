"""The regulation as the reference review weighs it: its places, how rare each word stem is
among its body articles (IDF) and its innermost places, and which places state a subject's words."""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Callable
from itertools import repeat

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from compliance.review.cues import cuts_words, review_words, without_backrefs
from compliance.review.phrases import holds_in_order, names_in
from compliance.review.subject import says_nothing, stated_forms
from compliance.review.place_words import between_words, whole_word_places
from compliance.review.units import Unit, article_units, index
from compliance.review.words import fold, forms, forms_in_order, stem, stems_in
from compliance.models import Article, Regulation

Terms = list[tuple[frozenset[str], float, float, bool]]
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_DEFINES = re.compile(r"(?i)yang\s+dimaksud\s+dengan")


class _Counts:
    """In how many of a regulation's texts each stem is, counted for the stems asked about
    (``get``, as a Counter's; a subject asks about a few of the many); ``stems``: all of them."""

    def __init__(self, count: Callable[[str], int], stems: set[str] | None = None) -> None:
        self._count = count
        self._known: dict[str, int] = {}
        self.stems = stems

    def get(self, stem: str, default: int = 0) -> int:
        if stem not in self._known:
            self._known[stem] = self._count(stem)
        return self._known[stem] or default


class ReviewDocument:
    """The regulation's places, and how rare each word stem is among its body articles and
    its innermost places — counted when a subject first needs it (most references use every
    word of their subject and need no count)."""

    def __init__(self, reg: Regulation) -> None:
        self.units = index(reg)
        body = [a for a in reg.articles if a.parent is None]
        self._articles = {a.label: a for a in body}  # by label (of a label twice, the last)
        self.n = max(1, len(body))
        self._body = body
        self._defining: list[Article] | None = None
        self._places_n: int | None = None
        # each text is stemmed once (the sets are shared, never changed)
        self.stems = functools.cache(stems_in)
        self._article_stems: dict[str, set[str]] = {}
        self._text_stems: dict[int, set[str]] = {}  # by unit (the trees live as long as the regulation)
        self._article_words: dict[str, list[frozenset[str]]] = {}
        self._place_words: dict[str, list[frozenset[str]]] = {}
        self._said: dict[tuple, bool] = {}
        self._df: _Counts | None = None
        self._place_df: _Counts | None = None
        self._place_stems: list[set[str]] | None = None
        self._own: dict[str, set[str]] = {}
        self._scopes: dict[str, set[str]] = {}  # by place holding a list's lead
        self._bounds: dict[str, set[str]] = {}
        self._by_article: list[tuple[set[str], list[Unit]]] | None = None
        self._whole: dict[str, bool] = {}  # by place: its own words are whole words of its article
        self._by_length: dict[int, list[str]] = {}
        self._near_length: dict[int, list[str]] = {}
        self._terms: dict[str, Terms] = {}
        self._subject_forms: dict[str, list[frozenset[str]]] = {}
        self._subject_names: dict[str, list[list[frozenset[str]]]] = {}
        self._variants: dict[str, frozenset[str]] = {}

    def article_stems(self, label: str) -> set[str]:
        """The stems of the body article's words: once its places' are known, from theirs;
        before, from its words in order (read once for both: a name said side by side is
        looked for in the articles whose stems hold its words)."""
        if label not in self._article_stems:
            if self._place_stems is None:
                self._article_stems[label] = set().union(*self.article_words(label))
            else:
                self._article_stems[label] = self.text_stems(article_units(self._articles[label]))
        return self._article_stems[label]

    def text_stems(self, unit: Unit) -> set[str]:
        """``stems(unit.text)``; once the innermost places are counted, from the stems of the
        places inside it and of the text between them, when each of them starts and ends
        between two words of it (its text is then their words and the words between them)."""
        if not unit.children or self._place_stems is None:
            return self.stems(unit.text)
        if id(unit) not in self._text_stems:
            self._text_stems[id(unit)] = self._stems_by_parts(unit)
        return self._text_stems[id(unit)]

    def _stems_by_parts(self, unit: Unit) -> set[str]:
        gaps: list[str] = []
        parts: list[set[str]] = []
        if not self._parts(unit, gaps, parts):
            return self.stems(unit.text)
        return self.stems(" ".join(gaps)).union(*parts)

    def _parts(self, unit: Unit, gaps: list[str], parts: list[set[str]]) -> bool:
        """Adds to ``gaps`` the texts between the places inside the unit, and to ``parts`` the
        stems of those places: of a place holding others, its own gaps and parts unless its
        stems are known (the unit's stems are then joined once, not again at every level).
        False when a place does not start and end between two words of the unit's text."""
        text, at = unit.text, 0
        for child in unit.children:
            start, end = child.start - unit.start, child.end - unit.start
            if (unit.start < 0 or child.start < 0 or start < at or end > len(text) or not between_words(text, start)
                    or not between_words(text, end)):
                return False
            gaps.append(text[at:start])
            # a place whose own parts fail is read whole (the parts it added are words of it)
            if not (child.children and id(child) not in self._text_stems and self._parts(child, gaps, parts)):
                parts.append(self.text_stems(child))
            at = end
        gaps.append(text[at:])
        return True

    @property
    def df(self) -> _Counts:
        """In how many body articles each stem is (``get``), counted when asked."""
        if self._df is None:
            self._stem_places()  # the places' stems first: the articles' are made of them
            articles = [self.article_stems(label) for label in self._articles]
            self._df = _Counts(functools.partial(_holding, articles), set().union(*articles))
        return self._df

    @property
    def places_n(self) -> int:
        """How many innermost places the regulation has."""
        if self._places_n is None:
            self._places_n = max(1, sum(1 for u in self.units.values() if not u.children))
        return self._places_n

    @property
    def place_df(self) -> _Counts:
        """In how many innermost places (an ayat without points, a point, an article without
        either) each stem is (``get``), counted when asked."""
        if self._place_df is None:
            places = self._stem_places()
            self._place_df = _Counts(functools.partial(_holding, places))
        return self._place_df

    def _stem_places(self) -> list[set[str]]:
        """The stems of each innermost place (read once; the texts holding them are stemmed
        from them)."""
        if self._place_stems is None:
            self._place_stems = [self.stems(u.text) for u in self.units.values() if not u.children]
        return self._place_stems

    def own(self, unit: Unit) -> set[str]:
        """The place's own words, back-references left out ("izin sebagaimana dimaksud dalam
        Pasal 3" does not state "izin")."""
        if unit.pin not in self._own:
            scope = unit.scope
            kept = without_backrefs(scope)  # most places hold no back-reference: their scope's stems
            self._own[unit.pin] = self.scope_stems(unit) if kept == scope else self.stems(kept)
        return self._own[unit.pin]

    def _may_state(self, unit: Unit) -> set[str]:
        """The stems the place's own words are among: when no back-reference in it can cut a
        word, those of its whole scope; else its own words. A place whose words so bounded
        lack what is looked for need not be read closer."""
        if unit.pin not in self._bounds:
            self._bounds[unit.pin] = self.own(unit) if cuts_words(unit.scope) else self.scope_stems(unit)
        return self._bounds[unit.pin]

    def scope_stems(self, unit: Unit) -> set[str]:
        """``stems(unit.scope)``: an item's scope (its lead, a space, its text) has the words of
        its lead and of its text."""
        if unit.lead is None:
            return self.text_stems(unit)
        if unit.pin not in self._scopes:
            self._scopes[unit.pin] = self.stems(unit.lead) | self.text_stems(unit)
        return self._scopes[unit.pin]

    def article_words(self, label: str) -> list[frozenset[str]]:
        """The article's words in order (for names said side by side), read when asked."""
        if label not in self._article_words:
            self._article_words[label] = forms_in_order(self._articles[label].text)
        return self._article_words[label]

    def terms(self, subject: str) -> Terms:
        """The subject's content words in order, as (stem forms, share of the articles that use
        them, share of the innermost places that use them, whether it is a relation head); the
        words of legal drafting's structure ("pasal", "peraturan", "ini") left out."""
        if subject not in self._terms:
            self._terms[subject] = self._read_terms(subject)
        return self._terms[subject]

    def _read_terms(self, subject: str) -> Terms:
        words = review_words()
        out: Terms = []
        for low in self._content_words(subject):
            f = forms(low) | self.variants(low)
            if f not in {t[0] for t in out}:
                out.append((f, self._share(f, self.df, self.n), self._share(f, self.place_df, self.places_n),
                            low in words["relations"]))
        if not out:  # only generic words: those the place that sets them states ("tugas", "Pelaksana")
            out = [(f, self._share(f, self.df, self.n), self._share(f, self.place_df, self.places_n), False)
                   for f in self._stated(subject)]
        return out

    def subject_forms(self, subject: str) -> list[frozenset[str]]:
        """The stem forms of the words ``terms`` weighs, without spelling variants and counts."""
        if subject not in self._subject_forms:
            self._subject_forms[subject] = [forms(low) for low in self._content_words(subject)] or self._stated(subject)
        return self._subject_forms[subject]

    def _names(self, subject: str) -> list[list[frozenset[str]]]:
        if subject not in self._subject_names:
            self._subject_names[subject] = names_in(subject, says_nothing)
        return self._subject_names[subject]

    @staticmethod
    def _content_words(subject: str) -> list[str]:
        """The subject's words that tell what it is, in lower case ("DVB-T2": dvb, as
        ``stems_in`` reads it); a capitalised word after the first is part of a name."""
        words = review_words()
        out = []
        for i, w in enumerate(_LETTER_RUN.findall(subject)):
            low = w.lower()
            named = w[:1].isupper() and i > 0 and low not in words["structure"]  # "Sertifikat Kewenangan"
            if len(low) >= 3 and (named or low not in words["generic"]) and low not in words["clause"]:
                out.append(low)
        return out

    @staticmethod
    def _stated(subject: str) -> list[frozenset[str]]:
        words = review_words()
        return list(dict.fromkeys(stated_forms(w) for w in _LETTER_RUN.findall(subject.lower())
                                  if w in words["stated"]))

    def variants(self, word: str) -> frozenset[str]:
        """Stems of the regulation one letter away from the word's when either is rare (in at
        most ``variant_articles`` articles): a spelling slip or a scan's misreading
        ("teresterial" / "terestrial"), not two words of the text's vocabulary."""
        own = stem(fold(word))
        if len(own) < 6:
            return frozenset()
        if own not in self._variants:
            rare = review_words()["variant_articles"]
            found = process.extract(own, self._vocabulary(len(own)), scorer=Levenshtein.distance, score_cutoff=1,
                                    limit=None)
            self._variants[own] = frozenset(v for v, _, _ in found
                                            if v != own and min(self.df.get(own, 0), self.df.get(v, 0)) <= rare)
        return self._variants[own]

    def _vocabulary(self, length: int) -> list[str]:
        """The regulation's stems of 6 letters or more that are one letter longer or shorter
        than ``length`` at most (no other is one letter away)."""
        if not self._by_length:
            for n, group in itertools.groupby(sorted(self.df.stems, key=len), len):
                if n >= 6:
                    self._by_length[n] = list(group)
        if length not in self._near_length:
            self._near_length[length] = [s for n in (length - 1, length, length + 1) for s in self._by_length.get(n, ())]
        return self._near_length[length]

    @staticmethod
    def _share(f: frozenset[str], df: dict[str, int], n: int) -> float:
        return min(max(max((df.get(s, 0) for s in f), default=0), 1), n) / (n + 1)

    def slip_evidence(self, terms: Terms, article: set[str],
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
        cited = [t.article for t in targets]
        score = 0.0
        for name in self._names(subject):
            if any(self._says(label, name) for label in cited):
                continue
            saying = sum(self._says(label, name) for label in self._articles)
            score += math.log((1 - min(saying, self.n) / (self.n + 1)) / absent)
        return score

    def says_names(self, subject: str, targets: list[Unit]) -> bool:
        """Whether a cited article says each capitalised name of the subject."""
        return all(any(self._says(t.article, name, t) for t in targets) for name in self._names(subject))

    def _says(self, label: str, name: list[frozenset[str]], place: Unit | None = None) -> bool:
        """Whether the article says the name, its words side by side: read in the cited
        ``place`` first when the article's text holds it cut between words (its words are then
        a run of the article's), else in the article (only one using each of its words
        somewhere can)."""
        key = (label, tuple(name))
        if key not in self._said:
            if place is not None and self._piece_says(place, label, name):
                self._said[key] = True
            else:
                stems = self.article_stems(label)
                self._said[key] = all(w & stems for w in name) and holds_in_order(self.article_words(label), name, 0)
        return self._said[key]

    def _piece_says(self, place: Unit, label: str, name: list[frozenset[str]]) -> bool:
        text, start, end = self._articles[label].text, place.start, place.end
        if (place.level == "pasal" or start < 0 or not between_words(text, start) or not between_words(text, end)
                or text[start:end] != place.text):
            return False
        if place.pin not in self._place_words:
            self._place_words[place.pin] = forms_in_order(place.text)
        return holds_in_order(self._place_words[place.pin], name, 0)

    def defines(self, unit: Unit) -> bool:
        """A place of the definitions article (a term defined is not thereby regulated)."""
        if self._defining is None:
            self._defining = [a for a in self._body if _DEFINES.search(a.text[:400])]
        return any(a.label == unit.article for a in self._defining)

    def places(self, wanted: list[frozenset[str]], exclude: set[str], spare: int = 0) -> list[Unit]:
        """The innermost places whose own words (back-references left out) hold the wanted
        words, all but ``spare`` of them."""
        fits = {unit.pin for units in self._articles_holding(wanted, spare) for unit in units
                if unit.pin not in exclude and _holds(self._bound(unit), wanted, spare)
                and _holds(self.own(unit), wanted, spare)}
        return [unit for pin, unit in self.units.items()
                if pin in fits and not any(child.pin in fits for child in unit.children)]

    def _bound(self, unit: Unit) -> set[str]:
        """``_may_state`` of a place: its scope's stems when its own words are whole words of
        its article (no back-reference in it can cut a word)."""
        if not self._whole.get(unit.pin):
            return self._may_state(unit)
        if unit.pin not in self._bounds:
            self._bounds[unit.pin] = self.scope_stems(unit)
        return self._bounds[unit.pin]

    def _articles_holding(self, wanted: list[frozenset[str]], spare: int) -> list[list[Unit]]:
        """The places of each article label whose places together may hold the wanted words:
        bounded by the stems of the label's articles (the own words of a place saying whole
        words of its article are among them) and of its other places."""
        if self._by_article is None:
            groups: dict[str, tuple[list[Unit], list[set[str]]]] = {}
            for article in self._body:
                units, bounds = groups.setdefault(article.label, ([], []))
                bounds.append(self.text_stems(article_units(article)))
                for unit, whole in whole_word_places(article, self.units):
                    units.append(unit)
                    self._whole[unit.pin] = whole
                    if not whole:
                        bounds.append(self._may_state(unit))
            # one set read as it is (the sets are shared, never changed), more joined
            self._by_article = [(bounds[0] if len(bounds) == 1 else set().union(*bounds), units)
                                for units, bounds in groups.values()]
        return [units for bound, units in self._by_article if _holds(bound, wanted, spare)]


def _holds(words: set[str], wanted: list[frozenset[str]], spare: int) -> bool:
    """Whether ``words`` meet each wanted word's forms, all but ``spare`` of them."""
    for w in wanted:
        if w.isdisjoint(words):
            if not spare:
                return False
            spare -= 1
    return True


def _holding(texts: list[set[str]], stem: str) -> int:
    """In how many of the texts (their stems) ``stem`` is."""
    return sum(map(operator.contains, texts, repeat(stem)))
