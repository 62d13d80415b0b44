"""Identity of a regulation from its title block, and the closing formula.

Kinds and their spellings come from ``regulations/kinds.yaml``, the formulas and month
names from ``regulations/markers.yaml``; the title is
``PERATURAN BUPATI LABUHANBATU`` / ``NOMOR 14 TAHUN 2018`` / ``TENTANG`` / ....
Numbers keep their printed form; OCR lookalikes are read as digits only inside
the number itself (``NOMOR I1`` -> ``11``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from compliance.markers import markers
from compliance.models import Closing, Line, Metadata
from compliance.parse_labels import as_digits
from compliance.resources import data_yaml


def _squash(text: str) -> str:
    return re.sub(r"[\s\-_.]+", " ", text).strip().upper()


def kinds() -> dict:
    return data_yaml("regulations", "kinds.yaml")


def _title_slips(text: str) -> str:
    """A title line as printed, with the slips of text layers and OCR in capitals undone:
    ``MENTER!`` (an ``I`` read as ``!``) and ``TAHUN2015`` (a lost space)."""
    text = re.sub(r"(?<=[A-Z])!(?=[\sA-Z,.]|$)", "I", text)
    return markers().glued_number.sub(r"\1 ", text)


def match_kind(line: str, abbreviations: bool = False) -> tuple[dict, str] | None:
    """The kind whose longest spelling (or short form, e.g. ``PERWAL``) starts ``line``,
    and the rest of the line; a stray letter glued before the title (``NPERATURAN``,
    a text layer's slip) is passed over."""
    text = _squash(_title_slips(re.sub(r"^[^A-Za-z]+", "", line)))
    best: tuple[dict, str] | None = None
    best_len = 0
    for candidate in (text, text[1:]):
        for kind, s in _squashed_spellings(abbreviations):
            if (candidate == s or candidate.startswith(s + " ")) and len(s) > best_len:
                best, best_len = (kind, candidate[len(s):].strip()), len(s)
        if best is not None:
            return best
    return best


@cache
def _squashed_spellings(abbreviations: bool) -> tuple[tuple[dict, str], ...]:
    """(kind, spelling as ``_squash`` reads it) in the order of kinds.yaml, squashed once."""
    return tuple((kind, _squash(spelling)) for kind in kinds()["kinds"]
                 for spelling in kind["abbreviations" if abbreviations else "spellings"])


def _ministry(text: str) -> str | None:
    """Ministry code of a Peraturan Menteri title, OCR-tolerant (``KOMUNlKASl``)."""
    up = _squash(text)
    for m in kinds().get("ministries", []):
        for name in m["names"]:
            want = _squash(name)
            if up.startswith(want) or fuzz.ratio(up[: len(want)], want) >= 90:
                return m["code"]
    return None


def _year(raw: str) -> int | None:
    digits = as_digits(raw)
    return int(digits) if digits and len(digits) == 4 else None


def _nomor(rest: str) -> tuple[str, int | None]:
    """Printed nomor (leading number read as digits) and the year it carries."""
    tahun = None
    m = markers().tahun.search(rest)
    if m:
        tahun = _year(m.group("year"))
        rest = rest[: m.start()].strip()
    else:
        y = re.search(r"/\s*([0-9OoIl]{4})\s*$", rest)
        if y:
            tahun = _year(y.group(1))
    first, _, tail = rest.partition(" ")
    lead = re.match(r"^[0-9OoIlSZz|]+", first)
    if lead and as_digits(lead.group(0)) and any(c.isdigit() for c in lead.group(0)):
        first = as_digits(lead.group(0)) + first[lead.end():]
    nomor = (first + (" " + tail if tail else "")).strip().rstrip(",.")
    nomor = re.sub(r"\s*/\s*", "/", nomor)  # "188.45 / 283 / HK / 2016": a scan's spacing
    nomor = re.sub(r"(?<=/)(\d+)\s+(\d+)(?=/)", r"\1\2", nomor)  # ".../1 126/...": a digit group split by OCR
    return nomor, tahun


def _head_daerah(issuer: str) -> str | None:
    """``BUPATI BATU GADING`` -> ``Kabupaten Batu Gading``: the region of the first issuer of a
    joint regulation, from the heads of region in ``regulations/kinds.yaml``; None for ministers."""
    issuer = markers().issuer_joining_word.sub("", issuer.strip())  # "GUBERNUR X DAN" / "BUPATI Y"
    for level, titles in kinds().get("heads", {}).items():
        for title in titles:
            m = re.match(rf"^{re.escape(title)}\s+(?P<name>\S.*)$", issuer, re.IGNORECASE)
            if m:
                return f"{kinds()['daerah_levels'][level]} {_title_case(m.group('name').strip(' ,'))}"
    return None


def _parties(md: Metadata, texts: list[str], start: int, first: int) -> list[dict[str, Any]]:
    """A joint regulation's issuers in title order, each with the number printed for it:
    ``BUPATI X`` / ``DAN`` / ``WALI KOTA Y`` / ``NOMOR 4 TAHUN 2022`` / ``NOMOR 11 TAHUN
    2022``. Empty unless two numbers or more follow; an issuer that is not a head of region
    (a minister) or a count that does not match leaves ``jabatan`` and ``daerah`` None."""
    vocab = markers()
    numbers = [(md.nomor, md.tahun)]
    for t in texts[first + 1 : first + 6]:
        line = vocab.nomor_line.match(t)
        if not line:
            break
        numbers.append(_nomor(vocab.tentang_word.split(line.group("rest"))[0]))
    if len(numbers) < 2:
        return []
    found = match_kind(texts[start])
    title = " ".join([found[1] if found else "", *texts[start + 1 : first + 1]])
    issuers = _issuers(vocab.nomor_word.split(title)[0])
    if len(issuers) != len(numbers):
        issuers = [""] * len(numbers)
    return [{"jabatan": _title_case(issuer) or None, "daerah": _head_daerah(issuer) if issuer else None,
             "nomor": nomor, "tahun": tahun} for issuer, (nomor, tahun) in zip(issuers, numbers)]


def _issuers(text: str) -> list[str]:
    """``BUPATI X DAN WALI KOTA Y`` -> the issuers, each starting at a head of region's title
    (``regulations/kinds.yaml`` heads), the word joining them left out."""
    titles = "|".join(re.escape(t) for ts in kinds().get("heads", {}).values() for t in ts)
    starts = [m.start() for m in re.finditer(rf"(?i)\b(?:{titles})\b", text)]
    return [markers().issuer_joining_word.sub("", text[a:b]).strip()
            for a, b in zip(starts, [*starts[1:], len(text)])]


def _daerah(name: str, kind: dict) -> str | None:
    """``Kota Denpasar``: the region named with its level, as every kind of its level names it."""
    name = name.strip(" ,.")
    level_word = kinds().get("daerah_levels", {}).get(kind.get("level"))
    if not name:
        return None
    abbreviation = markers().source("daerah_level_abbreviation")
    if level_word and not re.match(rf"^({level_word}|{abbreviation})\b", name, re.IGNORECASE):
        name = f"{level_word} {name}"
    return name


def _title_case(text: str) -> str:
    return text.title() if text.isupper() else text


def parse_metadata(preamble: list[Line], closing: Closing | None) -> Metadata:
    """Jenis, daerah, nomor, tahun and tentang from the title block; dates from the closing."""
    md = Metadata()
    texts = [_title_slips(ln.text) for ln in preamble]
    start = _identify(md, texts, abbreviations=False)
    if start is None:
        start = _identify(md, texts, abbreviations=True)
    if start is None:
        return md
    vocab = markers()
    for j in range(start, min(start + 6, len(texts))):
        inline = vocab.nomor_inline.search(texts[j])
        if inline:
            rest = vocab.tentang_word.split(inline.group("rest"))[0]
            md.nomor, md.tahun = _nomor(rest)
            if md.tahun is None and j + 1 < len(texts):
                m = vocab.tahun.match(texts[j + 1])
                md.tahun = _year(m.group("year")) if m else None
            if any(k["code"] == md.jenis_kode and k.get("joint") for k in kinds()["kinds"]):
                md.pihak = _parties(md, texts, start, j)
                md.daerah = (md.pihak[0]["daerah"] if md.pihak else None) or md.daerah  # the first issuer's
            break
    md.tentang = _tentang(texts, start)
    if closing is not None:
        md.ditetapkan = iso_date(closing.ditetapkan_tanggal)
        md.diundangkan = iso_date(closing.diundangkan_tanggal)
    if md.tahun is None and md.ditetapkan:
        md.tahun = int(md.ditetapkan[:4])
    return md


def _identify(md: Metadata, texts: list[str], abbreviations: bool) -> int | None:
    """Fill jenis, jenis_kode, daerah / kementerian from the title line; its index."""
    vocab = markers()
    for i, t in enumerate(texts[:40]):
        if vocab.not_title.match(t):
            continue
        found = match_kind(t, abbreviations)
        if not found and i + 1 < len(texts) and len(t.split()) <= 2:
            # "PERATURAN" / "MENTERI KOMUNIKASI ..." set on two lines
            found = match_kind(t + " " + texts[i + 1], abbreviations)
            if found:
                texts[i : i + 2] = [t + " " + texts[i + 1]]
        if not found:
            continue
        window = " ".join(texts[i : i + (6 if found[0].get("joint") else 4)])  # joint: issuers set on lines
        if vocab.nomor_word.search(window):
            kind, rest = found
            md.jenis, md.jenis_kode = kind["name"], kind["code"]
            rest = vocab.nomor_word.split(rest)[0].strip()
            rest = vocab.republic_after_kind.sub("", rest).strip()
            if kind["code"] == "permen":
                following = texts[i + 1] if i + 1 < len(texts) else ""
                md.kementerian = _ministry(rest) or _ministry(rest + " " + following) or _ministry(following)
            elif kind.get("joint"):
                md.daerah = _head_daerah(rest or (texts[i + 1] if i + 1 < len(texts) else ""))
            elif kind.get("regional"):
                if not rest and i + 1 < len(texts) and not vocab.nomor_line.match(texts[i + 1]):
                    rest = texts[i + 1]
                md.daerah = _daerah(_title_case(rest), kind)
            return i
    return None


def _tentang(texts: list[str], start: int) -> str | None:
    vocab = markers()
    for j in range(start, min(start + 8, len(texts))):
        m = vocab.tentang_line.match(texts[j])
        inline = vocab.tentang_inline.search(texts[j]) if not m else None
        if m or inline:
            parts = [(m or inline).group("rest").strip()]
            upper = None  # a title set in capitals ends at the first line that is not
            for t in texts[j + 1 : j + 12]:
                upper = t.isupper() if upper is None else upper
                if vocab.title_end.match(t) or (upper and not t.isupper()):
                    break
                parts.append(t)
            text = " ".join(p for p in parts if p).strip()
            return text or None
    return None


def _month(word: str) -> int | None:
    """Month number of an Indonesian month name, also as OCR misreads it (``Jarruari``)."""
    months = markers().values["months"]
    word = word.lower()
    if word in months:
        return months[word]
    best = max(months, key=lambda name: fuzz.ratio(word, name))
    return months[best] if len(word) >= 4 and fuzz.ratio(word, best) >= 75 else None


def iso_date(text: str | None) -> str | None:
    """``25 November 2016`` -> ``2016-11-25``; None when no full date is printed."""
    if not text:
        return None
    for m in markers().date.finditer(text):
        month = _month(m.group("m"))
        day, year = as_digits(m.group("d")), _year(m.group("y"))
        if month and day and year and 1 <= int(day) <= 31:
            return f"{year:04d}-{month:02d}-{int(day):02d}"
    return None


def parse_closing(lines: list[Line]) -> Closing | None:
    """Place and date of enactment and promulgation, signatory, Lembaran/Berita, NOREG."""
    if not lines:
        return None
    texts, vocab = [ln.text for ln in lines], markers()
    c = Closing(text="\n".join(texts))
    signer_zone: list[str] = []
    zone_open = False
    for i, t in enumerate(texts):
        m = vocab.closing_place.match(t)
        if m:
            place = vocab.place_on.sub("", m.group("place").strip()) or None  # "Jakarta pada / tanggal ..."
            date = None
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            on = vocab.closing_date.match(nxt)
            if on:
                date = on.group("date").strip()
            if m.group("promulgated"):
                c.diundangkan_di, c.diundangkan_tanggal = place, date
                zone_open = False
            else:
                c.ditetapkan_di, c.ditetapkan_tanggal = place, date
                zone_open = True
            continue
        if vocab.gazette_line.match(t) and c.lembaran is None:
            c.lembaran = " ".join([t] + [x for x in texts[i + 1 : i + 2] if vocab.gazette_number.match(x)])
            zone_open = False
            continue
        if vocab.noreg.search(t):
            c.noreg = t
            continue
        if vocab.signature_block_end.match(t):
            zone_open = False
        if zone_open and not vocab.closing_date.match(t):
            signer_zone.append(t)
    if c.ditetapkan_di is None and len(texts) >= 2 and texts[0].isupper() and iso_date(texts[1]):
        # "JAKARTA" / "4 Mei 2007": the labels "Ditetapkan di" / "pada tanggal" were only in the image
        c.ditetapkan_di, c.ditetapkan_tanggal = texts[0], texts[1]
    names = [t for t in signer_zone if _is_name(t)]
    if names:
        c.penandatangan = names[-1]
    return c


def _is_name(line: str) -> bool:
    """Whether ``line`` prints a signatory's name (kept whole, titles and degrees included).

    A name has no digit (a NIP is not one). It is a line of at most six words in capitals, or one
    whose titles before it (``Drs.``, ``H.``) and degrees after its comma (``, S.H., M.Si.``),
    the words of markers.yaml, leave at most six capitalised words: ``Hj. NURLAILA RAHMAN, S.E.,
    M.M.``, ``Drs. A. A Ngurah Rai Iswara, M.Si`` (an office line like ``Pembina Utama Madya``
    has no title or degree). ``ttd``, an office ending in a comma (``BUPATI X,``) and a rank
    are not names."""
    vocab = markers()
    if vocab.signed.match(line) or line.endswith(",") or vocab.civil_service_rank.match(line):
        return False
    if any(ch.isdigit() for ch in line):
        return False
    if line.isupper() and len(line.split()) <= 6:
        return True
    head, comma, tail = line.partition(",")
    if comma and not all(vocab.name_degree.fullmatch(d.strip()) for d in tail.split(",")):
        return False
    words = head.split()
    titles = 0
    while titles < len(words) - 1 and vocab.name_title.fullmatch(words[titles]):
        titles += 1
    core = words[titles:]
    degrees = bool(comma)
    while len(core) > 1 and "." in core[-1].strip(".") and vocab.name_degree.fullmatch(core[-1]):
        core.pop()  # a degree after a dot the scan read for the comma ("Iswara. M.Si")
        degrees = True
    return len(core) <= 6 and bool(titles or degrees) and all(w[0].isupper() for w in core)
