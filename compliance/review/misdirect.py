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

from typing import Any

from compliance.cite import Citation
from compliance.review.cues import chains, review_words, without_backrefs
from compliance.review.document import ReviewDocument, Terms
from compliance.review.phrases import holds_in_order
from compliance.review.subject import subject_before
from compliance.review.units import Unit, citing_chain, place_page, where
from compliance.review.words import forms_in_order
from compliance.models import Regulation


def misdirected(reg: Regulation, citations: list[Citation]) -> list[dict[str, Any]]:
    """For each cue whose subject the cited place does not state, the fields of a
    ``misdirected-reference`` note (where, page, reference, subject, target, suggestion)."""
    by_article: dict[str, list[Citation]] = {}
    for c in citations:
        if (c.internal and c.exists and c.resolved and c.pinpoint and not c.pinpoint_end
                and c.pinpoint.startswith("pasal-") and not c.place.parent and c.place.part == "pasal"):
            by_article.setdefault(str(c.place.pasal), []).append(c)
    if not by_article:
        return []
    doc = ReviewDocument(reg)
    out = []
    for label, cited in by_article.items():
        article = reg.article(label)
        for cue_start, chain in chains(article.text, cited):
            note = _check_chain(reg, doc, article.text, cue_start, chain)
            if note is not None:
                out.append(note)
    return out


def _list_as_one(doc: ReviewDocument, places: list[Unit]) -> list[Unit]:
    """Points of one list, or ayat of one article, that all fit (through the lead they share:
    "Perangkat radio siaran terdiri atas: a. ...; b. ...") stand for the place holding them."""
    parents = {p.pin.rsplit("-", 2)[0] for p in places}
    if len(places) > 1 and len(parents) == 1 and all(p.level in ("ayat", "huruf", "angka") for p in places):
        parent = doc.units.get(parents.pop())
        return [parent] if parent is not None else places
    return places


def _likely_target(doc: ReviewDocument, places: list[Unit], terms: Terms,
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


def states_as_phrase(text: str, terms: Terms) -> bool:
    """Whether ``text`` (back-references left out) holds the subject's words in their order,
    at most one other word between two of them; a relation head opening the subject
    ("permohonan", "status") may be missing."""
    wanted = [t[0] for i, t in enumerate(terms) if not (i == 0 and t[3] and len(terms) > 1)]
    return holds_in_order(forms_in_order(without_backrefs(text)), wanted)


def _check_chain(reg: Regulation, doc: ReviewDocument, text: str, cue_start: int,
                 chain: list[Citation]) -> dict[str, Any] | None:
    subject = subject_before(text, cue_start)
    targets = [doc.units.get(c.pinpoint) for c in chain]
    words = doc.subject_forms(subject)
    if not words or any(t is None for t in targets):
        return None
    # the whole target article counts: "Nomenklatur X sebagaimana dimaksud dalam Pasal 2 ayat (1)
    # huruf a" names something of huruf a that its article may state elsewhere
    scopes = [doc.scope_stems(t) for t in targets if t.level != "pasal"]
    unit = scopes[0] if len(scopes) == 1 else set().union(*scopes)  # one read as it is (the sets are never changed)
    # the cited places use every word of the subject and say its names: each word found counts
    # against a slip, however rare, and nothing counts for one (the cited ayat or point read first)
    if all(not f.isdisjoint(unit) for f in words) and doc.says_names(subject, targets):
        return None
    stating = [unit, *(doc.article_stems(t.article) for t in targets)]  # joined only when weighed
    if all(any(not f.isdisjoint(s) for s in stating) for f in words) and doc.says_names(subject, targets):
        return None
    article = set().union(*stating)
    terms = doc.terms(subject)
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
    near = [u for u in doc.places(wanted, citing, 1) if not doc.defines(u) and (not head or head & doc.own(u))
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
