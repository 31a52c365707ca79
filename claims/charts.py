"""Geometry of the claim page's charts, drawn as server-rendered SVG.

No chart library and nothing fetched: the page works offline and under a
strict Content-Security-Policy (SVG presentation attributes are not inline
styles). These functions only place what the selectors counted; the
templates draw it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Stance

# Stances that back a claim, bottom to top of a day's bar.
BAR_STANCES = (Stance.ASSERTED, Stance.ATTRIBUTED, Stance.HEDGED)
STANCE_COLOURS = {Stance.ASSERTED: "#1f5fae", Stance.ATTRIBUTED: "#6a5acd", Stance.HEDGED: "#c27803"}
# Distinguishable on white (3:1 or more, as WCAG asks of graphics); past these, origins share grey.
ORIGIN_COLOURS = ("#1f5fae", "#b42318", "#1e7b4d", "#a05a00", "#6a3d9a", "#00838f", "#ad1457", "#5d4037")
OTHER_COLOUR = "#667085"

WIDTH, PLOT_LEFT, PLOT_RIGHT = 640, 36, 628
BAR_TOP, BASELINE = 12, 132
DOT_GAP, DOT_RADIUS = 11, 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    colour: str
    label: str
    article_id: int


@dataclass(frozen=True)
class LegendItem:
    name: str
    colour: str


@dataclass
class Timeline:
    """A claim's dated articles: a stacked bar per day by stance, a dot per article by origin."""

    width: int = WIDTH
    height: int = 0
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    stances: list[LegendItem] = field(default_factory=list)
    origins: list[LegendItem] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    max_per_day: int = 0
    baseline: int = BASELINE

    @property
    def empty(self) -> bool:
        return not self.dots and not self.bars


def timeline(*, day_counts: Iterable[dict], articles: Iterable[dict]) -> Timeline:
    """Lay out ``day_counts`` (``published``, ``stance``, ``articles``) and ``articles``.

    ``articles`` holds one row per dated article: ``article_id``, ``published``,
    ``origin`` (the name it relies on) and ``outlet``.
    """
    day_counts = [row for row in day_counts if row["published"] and row["stance"] in BAR_STANCES]
    articles = sorted((a for a in articles if a["published"]), key=lambda a: (a["published"], a["article_id"]))
    if not articles and not day_counts:
        return Timeline()
    days = [row["published"] for row in day_counts] + [a["published"] for a in articles]
    first, last = min(days), max(days)
    span = (last - first).days + 1
    column = (PLOT_RIGHT - PLOT_LEFT) / span
    chart = Timeline(ticks=_ticks(first, last, column))
    chart.bars, chart.max_per_day = _bars(day_counts, first, column)
    chart.dots, chart.origins = _dots(articles, first, column)
    chart.stances = [LegendItem(Stance(s).label, STANCE_COLOURS[s]) for s in BAR_STANCES]
    deepest = max((dot.y for dot in chart.dots), default=BASELINE)
    chart.height = int(deepest + DOT_GAP + 18)
    return chart


def _x(day: dt.date, first: dt.date, column: float) -> float:
    return PLOT_LEFT + (day - first).days * column


def _bars(day_counts: list[dict], first: dt.date, column: float) -> tuple[list[Bar], int]:
    per_day: dict[dt.date, dict[str, int]] = {}
    for row in day_counts:
        per_day.setdefault(row["published"], {})[row["stance"]] = row["articles"]
    tallest = max((sum(stances.values()) for stances in per_day.values()), default=0)
    if not tallest:
        return [], 0
    unit = (BASELINE - BAR_TOP) / tallest
    width = max(1.5, column * 0.7)
    bars = []
    for day, stances in sorted(per_day.items()):
        y = BASELINE
        for stance in BAR_STANCES:
            count = stances.get(stance, 0)
            if not count:
                continue
            y -= count * unit
            label = f"{day:%Y-%m-%d}: {count} {Stance(stance).label.lower()}"
            left = _x(day, first, column) + (column - width) / 2
            bars.append(Bar(round(left, 1), round(y, 1), round(width, 1), round(count * unit, 1), STANCE_COLOURS[stance], label))
    return bars, tallest


def _dots(articles: list[dict], first: dt.date, column: float) -> tuple[list[Dot], list[LegendItem]]:
    colours: dict[str, str] = {}
    for row in articles:
        if row["origin"] not in colours:
            colours[row["origin"]] = ORIGIN_COLOURS[len(colours)] if len(colours) < len(ORIGIN_COLOURS) else OTHER_COLOUR
    stacked: dict[dt.date, int] = {}
    dots = []
    for row in articles:
        day = row["published"]
        level = stacked.get(day, 0)
        stacked[day] = level + 1
        x = _x(day, first, column) + column / 2
        y = BASELINE + DOT_GAP * (level + 1) + 4
        label = f"{day:%Y-%m-%d} · {row['outlet']} · origin: {row['origin']}"
        dots.append(Dot(round(x, 1), y, colours[row["origin"]], label, row["article_id"]))
    return dots, [LegendItem(name, colour) for name, colour in colours.items()]


def _ticks(first: dt.date, last: dt.date, column: float) -> list[tuple[float, str]]:
    """The first and last day, and the middle one when the span allows a third label."""
    days = [first] if first == last else [first, last]
    if (last - first).days >= 20:
        days.insert(1, first + (last - first) / 2)
    return [(round(_x(day, first, column) + column / 2, 1), f"{day:%Y-%m-%d}") for day in days]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    label: str


KIND_COLOURS = {"agency": "#1f5fae", "outlet": "#1e7b4d", "state": "#b42318", "other": "#a05a00", "": "#667085"}


def diversity_bar(rows: Iterable[dict], *, width: int = WIDTH) -> list[Segment]:
    """Segments of one horizontal bar: the claim's supporting articles by kind of source."""
    rows = [row for row in rows if row["articles"]]
    total = sum(row["articles"] for row in rows)
    segments, x = [], 0.0
    for row in rows:
        share = width * row["articles"] / total
        segments.append(Segment(round(x, 1), round(share, 1), KIND_COLOURS.get(row["kind"], "#667085"), row["label"]))
        x += share
    return segments
