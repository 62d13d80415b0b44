"""The literals a raw regular expression needs: read from its parsed form, so a raw
``re:`` term or a value reader's expression is gated like a phrase
(``compliance.terms_index`` runs it only on slices holding them).

A requirement is a tuple of literal sets: every set must be met, a set by any one of
its literals. Literals are folded lower-case runs of ``[0-9a-z]`` (``terms_compile.fold``),
the form the index holds a slice's words in; an expression matched case-insensitively
on the original text matches only where its folded lower-case literals occur in the
folded lower-case text. Anything the reading does not understand requires nothing:
the requirement is a necessary condition, never a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from compliance.terms_compile import fold

try:  # Python 3.11+
    from re import _constants as _sre, _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

Requirement = tuple[frozenset[str], ...]

_PIECE = re.compile(r"[0-9a-z]+")
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}


_SHORT = 3  # a set with a literal shorter than this rules out few slices, at the cost of a lookup


@lru_cache(maxsize=None)
def required_literals(source: str) -> Requirement:
    """The literal sets every match of ``source`` (compiled case-insensitively) holds;
    sets with a short literal only when there is nothing better."""
    sets = _sequence(parse_expression(source))
    if not sets:
        return ()
    sharp = tuple(s for s in sets if min(map(len, s)) >= _SHORT)
    return sharp or (max(sets, key=lambda s: min(map(len, s))),)


def parse_expression(source: str) -> Any:
    """``source`` parsed as the ``re`` module does, case-insensitively."""
    return _parse.parse(source, re.IGNORECASE)


def _run_literal(run: list[str]) -> frozenset[str] | None:
    """The longest word piece of a run of literal characters, folded lower-case."""
    pieces = _PIECE.findall(fold("".join(run).lower()))
    return frozenset([max(pieces, key=len)]) if pieces else None


def _sequence(items: Any) -> list[frozenset[str]]:
    """The sets a sequence of parsed items requires: each run of literal characters
    gives its longest piece; groups, mandatory repeats and alternations add theirs."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        literal = _run_literal(run)
        if literal:
            out.append(literal)
        run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if op is _sre.BRANCH and run:
            # "ditetapkan|diatur" is parsed as "di" and a branch "tetapkan|atur": the run
            # belongs to every branch, whose literals it lengthens ("atur" is in "peraturan")
            prefix = [(_sre.LITERAL, ord(ch)) for ch in run]
            run.clear()
            either = _either([prefix + list(branch) for branch in av[1]])
            if either:
                out.append(either)
            continue
        close()
        if op is _sre.SUBPATTERN:
            out.extend(_sequence(av[-1]))
        elif op in _REPEATS:
            low, _, item = av
            if low >= 1:
                out.extend(_sequence(item))
        elif op is _sre.BRANCH:
            either = _either(av[1])
            if either:
                out.append(either)
    close()
    return out


def _either(branches: list[Any]) -> frozenset[str] | None:
    """One set for an alternation: the best set of each branch, joined (None when a
    branch requires nothing)."""
    joined: set[str] = set()
    for branch in branches:
        sets = _sequence(branch)
        if not sets:
            return None
        joined |= max(sets, key=lambda s: min(map(len, s)))
    return frozenset(joined)
