"""The regulation as the reference review weighs it: its places, how rare each word stem is
among its body articles (IDF) and its innermost places, and which places state a subject's words."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from compliance.draft.cues import review_words, without_backrefs
from compliance.draft.phrases import holds_in_order, names_in, word_forms
from compliance.draft.subject import says_nothing, stated_forms
from compliance.draft.units import Unit, index
from compliance.draft.words import fold, forms, stem, stems_in
from compliance.models import Regulation

Terms = list[tuple[frozenset[str], float, float, bool]]


class ReviewDocument:
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

    def terms(self, subject: str) -> Terms:
        """The subject's content words in order, as (stem forms, share of the articles that use
        them, share of the innermost places that use them, whether it is a relation head); the
        words of legal drafting's structure ("pasal", "peraturan", "ini") left out."""
        words = review_words()
        out: Terms = []
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
                   for f in dict.fromkeys(stated_forms(w) for w in re.findall(r"[A-Za-z]+", subject.lower())
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
        cited = [self.article_words[t.article] for t in targets]
        score = 0.0
        for name in names_in(subject, says_nothing):
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
