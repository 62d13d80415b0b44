"""The one jinja2 environment of every page (reports, the comparison, a batch's index;
autoescape on for every template) and the suggested clauses rendered from
``templates/suggestions/<requirement-id>.j2``."""

from __future__ import annotations

import re
from functools import cache

from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from jinja2.compiler import CodeGenerator, optimizeconst
from markupsafe import Markup, escape

from compliance.report import view
from compliance.resources import data_dir

_PLACEHOLDER = re.compile(r"«[^«»]*»")


def highlight(quote: str, matched: list[str]) -> Markup:
    """The quote with its matched words in <mark>: each run is escaped on its own,
    offsets are taken on the raw text, so nothing unescaped ever reaches the page."""
    runs = view.highlight_segments(quote, matched or [])
    if escape_output(quote) is quote:  # the quote, hence every run, holds no character to escape
        return Markup("".join([f"<mark>{run}</mark>" if is_match else run for run, is_match in runs]))
    return Markup("".join([f"<mark>{escape_output(run)}</mark>" if is_match else escape_output(run)
                           for run, is_match in runs]))


def placeholders(clause: Markup) -> Markup:
    """Set «placeholders» apart in an already escaped clause (« and » are not HTML-special)."""
    return Markup(_PLACEHOLDER.sub(lambda m: f'<span class="placeholder">{m.group(0)}</span>', str(clause)))


_DICT_ATTRIBUTES = frozenset(dir(dict))


def escape_output(value: Any) -> str:
    """What ``{{ value }}`` prints under autoescape: ``markupsafe.escape`` (``& < > ' "``
    replaced the same way), a plain ``str`` given as a plain str, markup as it is, an int as
    its digits, every other value (floats, undefined, other objects) through markupsafe. A page is joined into
    one str, so the Markup object markupsafe builds for each printed value only costs time."""
    if type(value) is str:
        if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
            return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                    .replace("'", "&#39;").replace('"', "&#34;"))
        return value  # most printed values hold none of the five
    if type(value) is Markup:
        return value  # already safe: markupsafe would print it as it is
    if type(value) is int:
        return str(value)  # digits and a sign: nothing to replace
    return escape(value)


# what a printed plain str must not hold to print as it is (``escape_output``'s first test),
# written inline: ``_eo`` holds the value once evaluated
_PLAIN = " and ".join(f"{c!r} not in _eo" for c in "&<>'\"")


class _CodeGenerator(CodeGenerator):
    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        """Each ``{{ value }}`` of an autoescaped template prints through ``escape_output``, a
        plain str holding none of the five characters it replaces tested inline (most printed
        values: no call for them); were jinja to stop calling this hook, pages would keep
        markupsafe's own escape."""
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            if finalize.src is None:
                self.write("(_eo if type(_eo := (")
                return
            self.write("environment.escape_output(")
            self.write(finalize.src)
            return
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Any, frame: Any, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write(f")) is str and {_PLAIN} else environment.escape_output(_eo))")
            return
        super()._output_child_post(node, frame, finalize)

    @optimizeconst
    def visit_Getattr(self, node: Any, frame: Any) -> None:
        """``x.name`` reads a plain dict's item inline (what ``_Environment.getattr`` returns for
        it, without a call per lookup: a report prints thousands); anything else, a missing
        item included, goes through ``getattr``. ``_ga`` holds ``x`` once evaluated (a nested
        lookup has finished with it before the outer one binds it)."""
        if self.environment.is_async or node.attr in _DICT_ATTRIBUTES:
            super().visit_Getattr(node, frame)
            return
        self.write(f"(_ga[{node.attr!r}] if type(_ga := ")
        self.visit(node.node, frame)
        self.write(f") is dict and {node.attr!r} in _ga else environment.getattr(_ga, {node.attr!r}))")


class _Environment(Environment):
    code_generator_class = _CodeGenerator
    escape_output = staticmethod(escape_output)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``x.name`` as jinja reads it (an attribute, else an item), with a plain dict's
        item looked up first when no dict attribute has that name: the same value, without
        the AttributeError jinja raises and catches for each of a report's many dict items."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_PROBE = ("{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}{{ a }}|{{ m(a) }}|{{ b }}|{{ n }}|{{ d.k.k }}|{{ d.items()|list }}"
          "|{{ d.j is defined }}|{% for e in d.k.values() if e.k is defined %}{{ e.k }}{% endfor %}|{{ b.upper() }}")


def _hook_prints_as_markupsafe(env: Environment) -> bool:
    """Whether the code-generator hooks (private jinja methods: escaping, dict lookups) compile
    and print what jinja's own code prints: a jinja release that changed those methods gets
    the stock code generator instead of a broken or unescaped page."""
    probe = {"a": "<a href='x'>&\"", "b": Markup("<br>"), "n": 3.5, "d": {"k": {"k": {"k": "<k>"}}, "items": 1}}
    try:
        with_hook = env.from_string(_PROBE).render(**probe)
    except Exception:  # noqa: BLE001 - any failure of the private hook means: do without it
        return False
    stock = Environment(autoescape=True).from_string(_PROBE).render(**probe)
    return with_hook == stock


@cache
def environment() -> Environment:
    """Autoescape is on for every template, whatever its name: regulation text only
    ever reaches the output escaped."""
    env = _new_environment(_Environment)
    if not _hook_prints_as_markupsafe(env):
        env = _new_environment(_StockEscapeEnvironment)
    return env


class _StockEscapeEnvironment(_Environment):
    code_generator_class = CodeGenerator


def _new_environment(kind: type[Environment]) -> Environment:
    env = kind(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates ship with the package: no file checks on every page
        # a plain dict of the compiled templates (the shipped few): jinja's LRU cache takes a lock
        # and reorders a queue of every template on each lookup (a page and its include)
        cache_size=-1,
    )
    env.filters.update(highlight=highlight, anchor=anchor, pasal_ref=_pasal_ref, num=_num)
    return env


def anchor(*parts: Any) -> str:
    """A safe HTML id from column and requirement ids."""
    return "-".join(re.sub(r"[^a-z0-9]+", "-", str(p).casefold()).strip("-") for p in parts)


@pass_context
def _num(context, value: float | int | None) -> str:
    """A score in the page's language (72,6 in Indonesian)."""
    from compliance.locale_format import number

    return number(value, context["lang"])


@pass_context
def _pasal_ref(context, item: dict) -> str:
    """``view.pasal_ref`` in the page's language (the template's ``lang``)."""
    from compliance.report.labels import labels

    return view.pasal_ref(item, labels(context["lang"]))


# a template reads the finding when its source names it, or may through another template it
# includes, imports or extends (which sees the same context)
_FINDING = re.compile(r"\bfinding\b|\{%-?\s*(?:include|import|from|extends)\b")


class _Clause:
    """An entry's clause template. A template that reads nothing of the finding (most: only who
    acts for the region and how the Perpres is cited, both from the catalog and the kind's
    level) prints the same clause for the same of those: kept once printed, per process, as
    it is and with its «placeholders» set apart for the HTML page."""

    def __init__(self, template: Template) -> None:
        self.template = template
        # a template reads a variable only by its name: one whose source never names it, and
        # takes in no other template, cannot (a name in a comment only makes it printed per
        # finding, as before)
        source = template.environment.loader.get_source(template.environment, template.name)[0]
        self.reads_finding = bool(_FINDING.search(source))
        self.printed: dict[tuple, tuple[Markup, Markup]] = {}

    def render(self, finding: dict, kd: str, perpres: str, perpres_pasal: str | None, marked: bool) -> Markup:
        key = (kd, perpres, perpres_pasal)
        printed = self.printed.get(key)
        if printed is None:
            text = self.template.render(finding=finding, kd=kd, perpres=perpres, perpres_pasal=perpres_pasal)
            clause = Markup("\n".join(line.rstrip() for line in text.strip().splitlines()))
            printed = (clause, placeholders(clause) if marked or not self.reads_finding else clause)
            if not self.reads_finding:
                self.printed[key] = printed
        return printed[marked]


@cache
def _suggestion_template(requirement: str) -> _Clause:
    """The entry's own clause template, else the generic one (looked up once per entry)."""
    return _Clause(environment().select_template([f"suggestions/{requirement}.j2", "suggestions/_generic.j2"]))


def suggestion(finding: dict, metadata: dict, marked: bool = False) -> Markup | None:
    """A clause a drafter can adapt for a gap (partial, conflict, missing); None otherwise;
    ``marked``: with its «placeholders» set apart (``placeholders``), as the HTML page prints it.

    The clause cites a Perpres article only when the catalog knows its number
    (``text``/``number``); for a range or a topic it cites the Perpres as a whole.
    An entry without its own template gets the generic one.
    """
    if finding["status"] not in view.GAP_STATUSES:
        return None
    context = view.context_data()
    precise = finding.get("basis_confidence") in ("text", "number")
    return _suggestion_template(finding["requirement"]).render(
        finding,
        view.kepala_daerah(metadata),
        context["perpres"],
        f"{finding['basis']} {context['perpres']}" if precise and finding.get("basis") else None,
        marked,
    )
