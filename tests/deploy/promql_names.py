"""Which metric names a PromQL expression, a Grafana dashboard or a rule file refers to, and which a scrape has.

Only as much PromQL as our own queries use is understood: strings, label matchers, ranges, grouping clauses and
Grafana variables are removed; what is left that is not a function call or a keyword is a metric name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

# Metrics that come from other exporters (kube-state-metrics, Prometheus itself), not from the service.
EXTERNAL_METRICS = frozenset({"up", "kube_pod_container_status_restarts_total"})
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count", "_created")
KEYWORDS = frozenset({"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
                      "group_right", "inf", "nan", "Inf", "NaN"})

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{[^{}]*\}")
_RANGE = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_GRAFANA_VAR = re.compile(r"\$\{[^}]*\}|\$\w+")
_IDENT = re.compile(r"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*")
_BUCKET_LE = re.compile(r'([A-Za-z_:][A-Za-z0-9_:]*_bucket)\{[^}]*\ble="([^"]+)"')


def metric_names(expr: str) -> set[str]:
    """Metric names referred to by one PromQL expression."""
    text = _GRAFANA_VAR.sub("", expr)
    text = _MATCHERS.sub("", _STRING.sub('""', text))
    text = _GROUPING.sub("", _RANGE.sub("", text))
    names = set()
    for match in _IDENT.finditer(text):
        rest = text[match.end():].lstrip()
        if rest.startswith("(") or match.group() in KEYWORDS:
            continue
        names.add(match.group())
    return names


def base_name(name: str) -> str:
    """Histogram series share one name: strip _bucket/_sum/_count/_created."""
    for suffix in HISTOGRAM_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def dashboard_exprs(path: Path) -> list[str]:
    def panels(items: Iterable[dict]) -> Iterable[dict]:
        for panel in items:
            yield panel
            yield from panels(panel.get("panels", []))  # collapsed rows nest their panels

    dashboard = json.loads(path.read_text())
    return [t["expr"] for p in panels(dashboard.get("panels", [])) for t in p.get("targets", []) if t.get("expr")]


def rule_exprs(path: Path) -> tuple[list[str], set[str]]:
    """The expressions of a rule file and the names its recording rules define."""
    groups = yaml.safe_load(path.read_text())["groups"]
    rules = [r for g in groups for r in g["rules"]]
    return [r["expr"] for r in rules], {r["record"] for r in rules if "record" in r}


def scraped_names(exposition: str) -> set[str]:
    """Base names of every metric in a Prometheus text exposition, including metrics declared by # TYPE that have
    no sample yet (a labelled metric no request has touched)."""
    names = set()
    for line in exposition.splitlines():
        if line.startswith("# TYPE "):
            names.add(line.split()[2])
        elif line and not line.startswith("#"):
            names.add(re.split(r"[{\s]", line, maxsplit=1)[0])
    return {base_name(n) for n in names}


def bucket_bounds(exprs: Iterable[str]) -> set[tuple[str, float]]:
    """(histogram, le) pairs an expression relies on, e.g. an SLO threshold bucket."""
    return {(m.group(1), float(m.group(2))) for e in exprs for m in _BUCKET_LE.finditer(e)}


def scraped_bucket_bounds(exposition: str) -> set[tuple[str, float]]:
    from prometheus_client.parser import text_string_to_metric_families

    return {(s.name, float(s.labels["le"])) for fam in text_string_to_metric_families(exposition)
            for s in fam.samples if s.name.endswith("_bucket") and "le" in s.labels}


def unexported(exprs: Iterable[str], exposition: str, recorded: set[str] = frozenset()) -> set[str]:
    """Names the expressions use that the scrape does not have (recording rules and external metrics aside)."""
    used = {base_name(n) for e in exprs for n in metric_names(e)} - set(recorded) - EXTERNAL_METRICS
    return used - scraped_names(exposition)
