"""Charts of the crisislens tables: who is quoted, how cooperative they sound, troop figures and contacts.

Every function takes crisislens tables as pandas DataFrames (``corpus.quotes``, ``corpus.articles``,
or tables read back with ``crisislens.read_tables``) and returns a matplotlib ``Figure``. Nothing here
reads a file, calls ``pyplot.show()`` or changes matplotlib's global settings, so a chart looks the
same in a notebook, a script and the report.

Usage, in words: read a corpus with ``crisislens.read("data/articles")``; in a notebook, a cell ending in
``plots.stance_by_speaker(corpus.quotes)`` shows the chart; in a script,
``plots.troop_figures(corpus.figures, corpus.articles).savefig("troops.png")`` writes it. Single-panel
charts also draw into an existing Axes (``ax=``), for a figure of several charts.

What every chart shares:

- a title, axis labels with units, and a source line under the chart naming the table and how many
  rows and articles stand behind it (``source=`` replaces it);
- readable in black and white: series differ by marker shape, hatch or fill, and colour only repeats
  that (the one exception: whose troops in :func:`troop_figures` is colour, as its marker says who
  claimed the figure; the palette's first colours differ in lightness);
- an empty table, or nothing left after filtering, gives a figure that says "no data" instead of raising;
- deterministic: rows are sorted before drawing and the network layout has a fixed seed.

Figures are built with ``matplotlib.figure.Figure``, not ``pyplot``: they are not kept by pyplot (no
figure to close, no second copy drawn by a notebook) and are garbage-collected like any object.

The derived tables in ``data/derived`` are accepted as they are: a ``published`` column on a figures or
contacts table is used when no ``articles`` table is given (or an article is missing from it), and a
figures table without ``category`` (``troop_figures_whitehouse_2022q1.csv``) is taken to hold troop
figures only.

Deliberately not done: interactive charts, maps, and choosing between conflicting figures (every
figure found is drawn, with who claimed it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from crisislens.stance import THRESHOLD, by_day, summarise

__all__ = [
    "contact_network",
    "contact_timeline",
    "quotes_by_speaker",
    "stance_by_country",
    "stance_by_speaker",
    "stance_over_time",
    "troop_figures",
]

# Okabe-Ito colours (distinguishable with colour-blindness), ordered so neighbours differ in lightness.
COLOURS = ("#0072B2", "#E69F00", "#000000", "#56B4E9", "#D55E00", "#009E73", "#CC79A7", "#F0E442")
MARKERS = ("o", "s", "D", "P", "X", "*", "h", "p")
LINESTYLES = ("-", "--", ":", "-.")
UNKNOWN = "not stated"
"""Label of a missing actor or claimant: shown, never guessed."""

_FONT = 9
_SMALL = 8
_GREY = "0.45"
_OTHERS = "0.55"
_GAP_DAYS = 3
_PAD_DAYS = 7
_WIDEST_AT = 8  # contacts of a pair drawn with the widest edge when no pair has more: one contact stays thin
_NEUTRAL_BAND = "0.93"
_MAX_LABEL = 34
_DODGE_POINTS = 7.0
_ARROW_POINTS = 16

_KIND_STYLES = {  # kind of quote: (colour, hatch)
    "direct": ("#0072B2", ""),
    "mixed": ("#56B4E9", "xxx"),
    "indirect": ("#E69F00", "///"),
    "transcript": ("#DDDDDD", "..."),
}
_STATUS_STYLES = {  # contact status: (marker, filled, shift up within the row so statuses of one day do not hide each other)
    "held": ("o", True, 0.0),
    "planned": ("o", False, 0.18),
    "proposed": ("D", False, 0.18),
    "cancelled": ("x", True, -0.18),
}
_LOWER_BOUND = ("more than", "at least")
_UPPER_BOUND = ("up to", "less than")


# --- quotes -----------------------------------------------------------------------------------


def quotes_by_speaker(quotes: pd.DataFrame, top: int = 15, *, ax: Axes | None = None,
                      source: str | None = None) -> Figure:
    """Horizontal bars of how many quotes each speaker has, stacked by kind (direct, mixed, indirect,
    transcript), the most quoted speaker on top.

    Args:
        quotes: a ``quotes`` table (``speaker`` and ``kind`` are used).
        top: how many speakers to show (the most quoted; ties by name).
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart (default: the table, its rows and articles).

    Returns:
        The figure; its bars are the Axes' patches, one per speaker and kind present.

    Example:
        >>> q = pd.DataFrame({"speaker": ["A", "A", "B"], "kind": ["direct", "indirect", "direct"]})
        >>> quotes_by_speaker(q).axes[0].get_ylabel()
        'speaker'
    """
    data = _frame(quotes, ["speaker", "kind"])
    data["speaker"] = _labels(data["speaker"])
    data = data.dropna(subset=["speaker"])
    data["kind"] = _labels(data["kind"]).fillna("other")
    totals = data.groupby("speaker").size()
    shown = _top(totals, top)
    fig, ax = _figure(ax, 8, 1.6 + 0.32 * max(len(shown), 3))
    title = _title("Who is quoted: quotes per speaker", _subset(len(shown), len(totals), "speaker", "most quoted"))
    _label(ax, title, "quotes (count)", "speaker")
    _source_line(ax, source or _default_source("quotes", quotes, "quotes"))
    if not len(shown):
        return _no_data(fig, ax)
    counts = pd.crosstab(data["speaker"], data["kind"]).reindex(index=shown.index[::-1], fill_value=0)
    kinds = [k for k in _KIND_STYLES if k in counts] + sorted(k for k in counts if k not in _KIND_STYLES)
    y = np.arange(len(counts))
    left = np.zeros(len(counts))
    for i, kind in enumerate(kinds):
        colour, hatch = _KIND_STYLES.get(kind, (COLOURS[(i + 4) % len(COLOURS)], "\\\\"))
        width = counts[kind].to_numpy(dtype=float)
        ax.barh(y, width, left=left, height=0.7, color=colour, hatch=hatch, edgecolor="0.25", linewidth=0.5,
                label=kind)
        left += width
    for yi, total in zip(y, left, strict=True):
        ax.annotate(f"{int(total):,}", (total, yi), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=_SMALL)
    ax.set_yticks(y, [_short(s) for s in counts.index], fontsize=_FONT)
    ax.set_ylim(-0.6, len(counts) - 0.4)
    ax.set_xlim(0, left.max() * 1.12)
    ax.xaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
    ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    ax.legend(title="kind of quote", loc="lower right", fontsize=_SMALL, title_fontsize=_SMALL, framealpha=0.95)
    _tidy(ax, grid="x")
    return fig


def stance_by_speaker(quotes: pd.DataFrame, top: int = 15, min_quotes: int = 2, *, ax: Axes | None = None,
                      source: str | None = None) -> Figure:
    """Mean stance of each speaker's quotes as bars on a diverging axis, with the mean tone as a
    diamond and the number of quotes beside each bar.

    Speakers with at least ``min_quotes`` quotes are eligible; the ``top`` with the most quotes are
    shown, the most cooperative on top. The grey band is the neutral zone of
    :func:`crisislens.stance.stance_label`.

    Args:
        quotes: a ``quotes`` table (``speaker``, ``stance``, ``tone``).
        top: how many speakers to show.
        min_quotes: leave out speakers with fewer quotes.
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart.

    Returns:
        The figure; its bars are the Axes' bar container, one bar per speaker.

    Example:
        >>> q = pd.DataFrame({"speaker": ["A", "A", "B"], "stance": [0.5, 0.1, -0.4], "tone": [0.2, 0.0, -0.1]})
        >>> [t.get_text() for t in stance_by_speaker(q, min_quotes=1).axes[0].get_yticklabels()]  # bottom to top
        ['B', 'A']
    """
    return _stance_bars(quotes, "speaker", top, min_quotes, ax=ax, source=source,
                        title="How cooperative does each speaker sound?", ylabel="speaker")


def stance_by_country(quotes: pd.DataFrame, top: int = 15, min_quotes: int = 2, *, ax: Axes | None = None,
                      source: str | None = None) -> Figure:
    """Mean stance of the quotes of each speaker's country (``speaker_country``), drawn as
    :func:`stance_by_speaker` draws speakers; countries are labelled by name and ISO code.

    Args:
        quotes: a ``quotes`` table (``speaker_country``, ``stance``, ``tone``).
        top: how many countries to show (those with the most quotes).
        min_quotes: leave out countries with fewer quotes.
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart.

    Returns:
        The figure; its bars are the Axes' bar container, one bar per country.

    Example:
        >>> q = pd.DataFrame({"speaker_country": ["RUS", "RUS"], "stance": [-0.5, -0.1], "tone": [0.0, 0.1]})
        >>> [t.get_text() for t in stance_by_country(q).axes[0].get_yticklabels()]
        ['Russia (RUS)']
    """
    return _stance_bars(quotes, "speaker_country", top, min_quotes, ax=ax, source=source,
                        title="How cooperative do the speakers of each country sound?",
                        ylabel="speaker's country", name=_country_name)


def _stance_bars(quotes: pd.DataFrame, by: str, top: int, min_quotes: int, *, ax: Axes | None,
                 source: str | None, title: str, ylabel: str, name: Callable[[object], str] = str) -> Figure:
    data = _frame(quotes, [by, "stance", "tone"])
    data[by] = _labels(data[by])
    data["stance"], data["tone"] = _numbers(data["stance"]), _numbers(data["tone"])
    table = summarise(data, by, min_count=max(min_quotes, 1)) if len(data) else pd.DataFrame()
    shown = table.head(top).sort_values(["stance", by], ascending=[True, False], kind="stable") if len(table) else table
    noun = ylabel.replace("speaker's ", "")
    subtitle = _subset(len(shown), len(table), noun + (f" with at least {min_quotes} quotes" if min_quotes > 1 else ""),
                       "most quoted")
    fig, ax = _figure(ax, 8, 1.9 + 0.32 * max(len(shown), 3))
    _label(ax, _title(title, subtitle), "mean stance of the quotes (score from -1 to +1)", ylabel)
    _source_line(ax, source or _default_source("quotes", quotes, "quotes"))
    _diverging_axis(ax)
    if not len(shown):
        return _no_data(fig, ax)
    y = np.arange(len(shown))
    stance = shown["stance"].to_numpy(dtype=float)
    ax.axvspan(-THRESHOLD, THRESHOLD, color=_NEUTRAL_BAND, zorder=0)
    ax.axvline(0, color="0.2", linewidth=0.8, zorder=1)
    positive = stance >= 0
    ax.barh(y[positive], stance[positive], height=0.65, color=COLOURS[0], edgecolor="0.2", linewidth=0.5, zorder=2)
    ax.barh(y[~positive], stance[~positive], height=0.65, color=COLOURS[1], edgecolor="0.2", linewidth=0.5,
            hatch="///", zorder=2)
    ax.scatter(shown["tone"].to_numpy(dtype=float), y, marker="D", s=28, facecolor="white", edgecolor="black",
               linewidth=1, zorder=3)
    beside = blended_transform_factory(ax.transAxes, ax.transData)
    for yi, n in zip(y, shown["n"], strict=True):
        ax.text(1.01, yi, f"n={int(n):,}", transform=beside, va="center", ha="left", fontsize=_SMALL)
    ax.set_yticks(y, [_short(name(v)) for v in shown[by]], fontsize=_FONT)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    handles = [Patch(facecolor=COLOURS[0], edgecolor="0.2", label="stance, cooperative"),
               Patch(facecolor=COLOURS[1], edgecolor="0.2", hatch="///", label="stance, confrontational"),
               Line2D([], [], marker="D", linestyle="none", markerfacecolor="white", markeredgecolor="black",
                      label="tone (TextBlob polarity)"),
               Patch(facecolor=_NEUTRAL_BAND, label=f"neutral (|stance| < {THRESHOLD})")]
    # upper left stays free: the top rows are the most cooperative, their bars point right
    ax.legend(handles=handles, loc="upper left", fontsize=_SMALL, framealpha=0.9, edgecolor="none")
    ax.text(1.01, len(shown) - 0.4, "quotes", transform=beside, va="bottom", ha="left", fontsize=_SMALL,
            color=_GREY)
    _tidy(ax, grid="x")
    return fig


def stance_over_time(quotes: pd.DataFrame, articles: pd.DataFrame | None = None, by: str | None = None, *,
                     top: int = 4, start: object = None, end: object = None, ax: Axes | None = None,
                     source: str | None = None) -> Figure:
    """Mean stance (top panel) and tone (bottom panel) of the quotes of each day, points sized by the
    number of quotes, one line per group when ``by`` is given.

    A quote's day is its statement date, else its article's publication date
    (:func:`crisislens.stance.by_day`). Days outside the articles' publication span (a statement "in
    2014") are left out, and the source line says how many quotes that drops.

    Args:
        quotes: a ``quotes`` table (``article_id``, ``date``, ``stance``, ``tone``).
        articles: the ``articles`` table, for publication dates.
        by: a column to draw one line per group of (``speaker_country``, ``speaker``).
        top: with ``by``, how many groups to draw (those with the most quotes).
        start, end: the first and last day shown (default: the first and last publication date, or
            the quotes' own days without ``articles``).
        ax: draw the stance panel only, into this Axes.
        source: the source line under the chart.

    Returns:
        The figure: two panels (stance, tone), or one when ``ax`` is given.

    Example:
        >>> q = pd.DataFrame({"article_id": ["a", "a"], "date": [pd.NaT, pd.Timestamp("2022-02-12")],
        ...                   "stance": [0.5, -0.5], "tone": [0.1, 0.0]})
        >>> a = pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2022-02-13")]})
        >>> [len(ax.collections[0].get_offsets()) for ax in stance_over_time(q, a).axes]  # two days
        [2, 2]
    """
    data = _frame(quotes, ["article_id", "date", "stance", "tone", *([by] if by else [])])
    data["stance"], data["tone"] = _numbers(data["stance"]), _numbers(data["tone"])
    data["date"] = _dates(data["date"])
    if by:
        data[by] = _labels(data[by])
    days = by_day(data, _articles(articles), by=by) if len(data) else pd.DataFrame(columns=["day", "n"])
    first, last = _window(start, end, articles, days["day"] if len(days) else pd.Series(dtype="datetime64[ns]"),
                          pad=_PAD_DAYS)
    inside = days["day"].between(first, last) if len(days) else pd.Series(dtype=bool)
    left_out = int(days.loc[~inside, "n"].sum()) if len(days) else 0
    days = days[inside]
    groups: list[str | None] = [None]
    if by and len(days):
        groups = list(_top(days.groupby(by)["n"].sum(), top).index)
        days = days[days[by].isin(groups)]
    if ax is None:
        fig = Figure(figsize=(9, 6.2), layout="constrained")
        axes = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    else:
        fig, axes = ax.figure, [ax]
    title = "Stance of the quotes per day" + (f", by {by.replace('_', ' ')}" if by else "")
    if by and len(groups) > 0:
        title += f" ({len(groups)} with the most quotes)"
    axes[0].set_title(title, loc="left", fontsize=_FONT + 2)
    axes[0].set_ylabel("mean stance (-1 to +1)", fontsize=_FONT)
    if len(axes) > 1:
        axes[1].set_ylabel("mean tone (-1 to +1)", fontsize=_FONT)
    axes[-1].set_xlabel("day of the statement (publication date when the text gives none)", fontsize=_FONT)
    dropped = f"; {_count(left_out, 'quote')} dated outside the span shown left out" if left_out else ""
    _source_line(axes[-1], (source or _default_source("quotes", quotes, "quotes")) + dropped)
    if not len(days):
        for each in axes:
            _no_data(fig, each)
        return fig
    _daily_panels(axes, days, groups, by)
    return fig


def _daily_panels(axes: Sequence[Axes], days: pd.DataFrame, groups: Sequence[str | None], by: str | None) -> None:
    """The series of :func:`stance_over_time`: one per group, stance in the first panel, tone in the second."""
    largest = float(days["n"].max())
    for i, group in enumerate(groups):
        rows = (days if group is None else days[days[by] == group]).sort_values("day")
        colour, marker = (COLOURS[0], "o") if group is None else (COLOURS[i % len(COLOURS)], MARKERS[i % len(MARKERS)])
        for each, column in zip(axes, ("stance", "tone"), strict=False):
            each.plot(*_joined(rows["day"], rows[column]), color=colour, linewidth=0.9, alpha=0.75, zorder=2,
                      linestyle=LINESTYLES[i % len(LINESTYLES)])
            each.scatter(rows["day"], rows[column], s=_area(rows["n"], largest), marker=marker, facecolor=colour,
                         edgecolor="white", linewidth=0.5, alpha=0.85, zorder=3)
    for each, column in zip(axes, ("stance", "tone"), strict=False):
        limit = min(1.0, max(0.25, float(np.nanmax(np.abs(days[column].to_numpy(dtype=float)))) * 1.15))
        each.set_ylim(-limit, limit)
        if column == "stance":
            each.axhspan(-THRESHOLD, THRESHOLD, color=_NEUTRAL_BAND, zorder=0)
        each.axhline(0, color="0.2", linewidth=0.8, zorder=1)
        upper, lower = ("cooperative", "confrontational") if column == "stance" else ("positive", "negative")
        each.text(0.005, 0.98, f"\u2191 {upper}", transform=each.transAxes, va="top", fontsize=_SMALL, color=_GREY)
        each.text(0.005, 0.02, f"\u2193 {lower}", transform=each.transAxes, va="bottom", fontsize=_SMALL,
                  color=_GREY)
        _tidy(each, grid="y")
    _date_axis(axes[-1].xaxis, days["day"])
    handles = [Line2D([], [], marker="o", linestyle="none", markerfacecolor="0.5", markeredgecolor="white",
                      markersize=np.sqrt(s), label=f"{n:,} quotes") for n, s in _size_legend(largest)]
    if by:
        handles = [Line2D([], [], color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)], linewidth=0.9,
                          linestyle=LINESTYLES[i % len(LINESTYLES)],
                          label=_short(_country_name(g) if by == "speaker_country" else g))
                   for i, g in enumerate(groups)] + handles
    axes[0].legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=_SMALL, frameon=False,
                   title=f"{by.replace('_', ' ')}; size = quotes" if by else "point size = quotes that day",
                   title_fontsize=_SMALL)


# --- figures ----------------------------------------------------------------------------------


def troop_figures(figures: pd.DataFrame, articles: pd.DataFrame | None = None, *, log: bool = False,
                  ax: Axes | None = None, source: str | None = None) -> Figure:
    """Troop figures over time: each figure at its article's publication date, coloured by whose
    troops they are (``actor``) and shaped by who claimed them (``claimed_by``).

    The qualifier is drawn, not hidden: "more than"/"at least" is the lower bound with an arrow up,
    "up to"/"less than" the upper bound with an arrow down, a range a vertical bar from low to high,
    exact and "about" a point. Figures of the same day sit side by side, so a range bar or an arrow
    never hides another figure.

    Args:
        figures: a ``figures`` table (rows of ``category`` troops are drawn; a table without
            ``category`` is taken to hold troop figures only).
        articles: the ``articles`` table, for publication dates (a ``published`` column on
            ``figures`` is used when it is missing).
        log: a logarithmic value axis, for figures from dozens to hundreds of thousands.
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart.

    Returns:
        The figure; each figure drawn is one marker of the Axes' lines.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a"], "category": ["troops"], "value": [1e5], "low": [1e5],
        ...                   "high": [None], "qualifier": ["more than"], "actor": ["Russia"], "claimed_by": ["NATO"]})
        >>> a = pd.DataFrame({"article_id": ["a"], "published": [pd.Timestamp("2022-02-13")]})
        >>> troop_figures(f, a).axes[0].get_ylabel()
        'troops (number stated)'
    """
    data = _frame(figures, ["article_id", "value", "low", "high", "qualifier", "actor", "claimed_by"])
    if "category" in data:
        data = data[_labels(data["category"]).str.lower() == "troops"].copy()
    for column in ("value", "low", "high"):
        data[column] = _numbers(data[column])
    data["day"] = _publication_dates(data, articles)
    data["qualifier"] = _labels(data["qualifier"]).fillna("exact").str.lower()
    data["actor"] = _labels(data["actor"]).fillna(UNKNOWN)
    data["claimed_by"] = _labels(data["claimed_by"]).fillna(UNKNOWN)
    data["y"] = data["value"].fillna(data["low"]).fillna(data["high"])
    data = data.dropna(subset=["day", "y"])
    if log:
        data = data[data["y"] > 0]
    data = data.sort_values(["day", "y", "actor", "claimed_by", "qualifier"], kind="stable").reset_index(drop=True)
    fig, ax = _figure(ax, 10, 5.4)
    n_articles = data["article_id"].nunique() if len(data) else 0
    _label(ax, _title("Troop figures over time", _count(len(data), "figure") + " in " + _count(n_articles, "article")),
           "publication date of the article", "troops (number stated)")
    _source_line(ax, source or _default_source("figures", figures, "figure rows"))
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    if not len(data):
        return _no_data(fig, ax)
    actors = _palette(data["actor"], COLOURS[:6], unknown="white")
    claimants = _palette(data["claimed_by"], MARKERS[1:], unknown="o")
    data["colour"] = data["actor"].map(lambda a: actors.get(a, _OTHERS))
    data["marker"] = data["claimed_by"].map(lambda c: claimants.get(c, "v"))
    data["dodge"] = _dodge(data, ["day"])
    _troop_marks(ax, data)
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_ylim(data["y"].min() / 1.6, data[["y", "high"]].max().max() * 1.8)
    else:
        ax.set_ylim(0, data[["y", "high"]].max().max() * 1.12)
    _date_axis(ax.xaxis, data["day"])
    _troop_legend(ax, actors | ({"others": _OTHERS} if data["colour"].eq(_OTHERS).any() else {}),
                  claimants | ({"others": "v"} if data["marker"].eq("v").any() else {}))
    _tidy(ax, grid="y")
    return fig


def _troop_marks(ax: Axes, data: pd.DataFrame) -> None:
    """A marker per figure (side by side when they share a day), an arrow for a bound, a bar for a range."""
    for (dodge, colour, marker), rows in data.groupby(["dodge", "colour", "marker"], sort=True):
        shift = ax.transData + ScaledTranslation(dodge * _DODGE_POINTS / 72, 0, ax.figure.dpi_scale_trans)
        ax.plot(rows["day"], rows["y"], linestyle="none", marker=marker, markersize=7, color=colour,
                markeredgecolor="black" if colour != COLOURS[2] else "0.6", markeredgewidth=0.7, transform=shift,
                zorder=3)
        ink = "black" if colour == "white" else colour  # bars and arrows of a hollow marker
        ranges = rows[(rows["qualifier"] == "range") & rows["low"].notna() & rows["high"].notna()]
        if len(ranges):
            ax.vlines(ranges["day"], ranges["low"], ranges["high"], color=ink, linewidth=2, transform=shift, zorder=2)
        for day, y, qualifier in rows[rows["qualifier"].isin((*_LOWER_BOUND, *_UPPER_BOUND))][
                ["day", "y", "qualifier"]].itertuples(index=False):
            up = qualifier in _LOWER_BOUND
            ax.annotate("", xy=(mdates.date2num(day), y), xycoords=shift,
                        xytext=(0, _ARROW_POINTS if up else -_ARROW_POINTS), textcoords="offset points",
                        arrowprops={"arrowstyle": "<|-", "color": ink, "linewidth": 1.2, "shrinkA": 0,
                                    "shrinkB": 4, "mutation_scale": 9}, zorder=2)


def _troop_legend(ax: Axes, actors: dict[str, str], claimants: dict[str, str]) -> None:
    headers = ("whose troops (colour)", "claimed by (marker)", "qualifier")
    handles = [_header(headers[0])]
    handles += [Line2D([], [], linestyle="none", marker="s", markersize=8, color=c, markeredgecolor="black",
                       markeredgewidth=0.5, label=_short(a, 26)) for a, c in actors.items()]
    handles.append(_header(headers[1]))
    handles += [Line2D([], [], linestyle="none", marker=m, markersize=7, color="white", markeredgecolor="black",
                       label=_short(c, 26)) for c, m in claimants.items()]
    handles += [_header(headers[2]),
                Line2D([], [], linestyle="none", marker="o", color="0.3", label="exact or about: a point"),
                Line2D([], [], linestyle="none", marker="$\u2191$", markersize=10, color="0.1",
                       label="more than / at least: lower bound"),
                Line2D([], [], linestyle="none", marker="$\u2193$", markersize=10, color="0.1",
                       label="up to / less than: upper bound"),
                Line2D([], [], linestyle="none", marker="|", markersize=12, markeredgewidth=2, color="0.1",
                       label="range: low to high")]
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=_SMALL,
                       frameon=False, handletextpad=0.4)
    for text in legend.get_texts():
        if text.get_text() in headers:
            text.set_fontweight("bold")


# --- contacts ---------------------------------------------------------------------------------


def contact_network(contacts: pd.DataFrame, min_count: int = 1, *, top: int = 30, seed: int = 7,
                    ax: Axes | None = None, source: str | None = None) -> Figure:
    """Diplomatic contacts as a network: a node per party, an edge per pair that had contact, edge
    width the number of distinct contacts (``article_id``, ``contact_id``) of the pair, node size the
    number of partners.

    Args:
        contacts: a ``contacts`` table (``actor1``, ``actor2``, ``article_id``, ``contact_id``); pairs
            are unordered (Russia-Ukraine and Ukraine-Russia are one edge).
        min_count: leave out pairs with fewer contacts.
        top: keep the parties in most contacts (ties by name), and the edges between them.
        seed: seed of the spring layout (the same tables always give the same picture).
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart.

    Returns:
        The figure; the nodes are the offsets of the Axes' first collection.

    Example:
        >>> c = pd.DataFrame({"article_id": ["a", "a"], "contact_id": [0, 1], "actor1": ["A", "B"], "actor2": ["B", "A"]})
        >>> len(contact_network(c).axes[0].collections[0].get_offsets())  # one edge of 2 contacts, two nodes
        2
    """
    edges = _pairs(contacts)
    edges = edges[edges["contacts"] >= max(min_count, 1)]
    involvement = pd.concat([edges.set_index("a")["contacts"], edges.set_index("b")["contacts"]]).groupby(level=0).sum()
    kept = set(_top(involvement, top).index)
    edges = edges[edges["a"].isin(kept) & edges["b"].isin(kept)]
    fig, ax = _figure(ax, 10, 8)
    n_parties = len(set(edges["a"]) | set(edges["b"]))
    subtitle = f"{n_parties} parties, {len(edges)} pairs" + (
        f" (the {top} parties in most contacts)" if len(involvement) > top else "") + (
        f"; pairs with at least {min_count} contacts" if min_count > 1 else "")
    _label(ax, _title("Who is in contact with whom", subtitle),
           "edge width: contacts between the two parties; node size: number of partners", "")
    _source_line(ax, source or _default_source("contacts", contacts, "party pairs"))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    if not len(edges):
        return _no_data(fig, ax)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(edges["a"]) | set(edges["b"])))
    graph.add_weighted_edges_from(edges[["a", "b", "contacts"]].itertuples(index=False, name=None))
    nodes = list(graph.nodes)
    layout = _layout(graph, seed)
    strongest = float(edges["contacts"].max())
    ordered = sorted(graph.edges, key=lambda e: (graph.edges[e]["weight"], e))  # strong edges drawn last
    weights = [graph.edges[e]["weight"] for e in ordered]
    degrees = dict(graph.degree())
    most = max(degrees.values())
    sizes = [60 + 700 * degrees[n] / most for n in nodes]
    nx.draw_networkx_nodes(graph, layout, nodelist=nodes, node_size=sizes, node_color="#BFD7EA",
                           edgecolors="#0072B2", linewidths=1, ax=ax)
    nx.draw_networkx_edges(graph, layout, edgelist=ordered, width=[_edge_width(w, strongest) for w in weights],
                           edge_color=[_edge_grey(w, strongest) for w in weights], ax=ax, node_size=sizes,
                           nodelist=nodes)
    for node in nodes:
        x, y = layout[node]
        ax.annotate(_short(node, 24), (x, y), xytext=(0, 7 + np.sqrt(sizes[nodes.index(node)]) / 2),
                    textcoords="offset points", ha="center", va="bottom", fontsize=_SMALL, zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    xs, ys = zip(*layout.values(), strict=True)
    ax.set_xlim(min(xs) - 0.25, max(xs) + 0.25)
    ax.set_ylim(min(ys) - 0.15, max(ys) + 0.3)
    samples = sorted({1, int(np.ceil(strongest / 2)), int(strongest)})
    handles = [Line2D([], [], color=_edge_grey(s, strongest), linewidth=_edge_width(s, strongest),
                      label=f"{s:,} contact{'s' * (s > 1)}") for s in samples]
    ax.legend(handles=handles, loc="lower right", fontsize=_SMALL, title="edge width", title_fontsize=_SMALL,
              framealpha=0.9)
    return fig


def contact_timeline(contacts: pd.DataFrame, articles: pd.DataFrame | None = None, *, by: str = "pair",
                     top: int = 20, start: object = None, end: object = None, ax: Axes | None = None,
                     source: str | None = None) -> Figure:
    """Contacts over time: a row per pair of parties (or per party), a marker per contact at its date,
    filled when held, hollow when planned (circle) or proposed (diamond), a cross when cancelled.

    A contact's date is its own ``date``, else its article's publication date. The rows are the pairs
    (or parties) in most contacts, the busiest on top, with their number of contacts; the same
    contact reported by several articles is drawn once per day and status.

    Args:
        contacts: a ``contacts`` table (``actor1``, ``actor2``, ``status``, ``date``, ``article_id``,
            ``contact_id``).
        articles: the ``articles`` table, for publication dates (a ``published`` column on
            ``contacts`` is used when it is missing).
        by: ``"pair"`` (a row per pair of parties) or ``"actor"`` (a row per party).
        top: how many rows to show.
        start, end: the first and last day shown (default: a week around the publication span).
        ax: draw into this Axes instead of a new figure.
        source: the source line under the chart.

    Returns:
        The figure; each status drawn is one collection of the Axes.

    Raises:
        ValueError: ``by`` is neither ``"pair"`` nor ``"actor"``.

    Example:
        >>> c = pd.DataFrame({"article_id": ["a", "a"], "contact_id": [0, 1], "actor1": ["A", "B"],
        ...                   "actor2": ["B", "A"], "status": ["held", "planned"], "date": [pd.Timestamp("2022-02-12")] * 2})
        >>> [t.get_text() for t in contact_timeline(c).axes[0].get_yticklabels()]
        ['A – B (2)']
    """
    if by not in ("pair", "actor"):
        raise ValueError(f"by must be 'pair' or 'actor', not {by!r}")
    data = _frame(contacts, ["article_id", "contact_id", "actor1", "actor2", "status", "date"])
    data["actor1"], data["actor2"] = _labels(data["actor1"]), _labels(data["actor2"])
    data = data.dropna(subset=["actor1", "actor2"])
    data = data[data["actor1"] != data["actor2"]]
    data["day"] = _dates(data["date"]).fillna(_publication_dates(data, articles)).dt.normalize()
    data["status"] = _labels(data["status"]).fillna("unknown").str.lower()
    data["key"] = _contact_keys(data)
    if by == "pair":
        data["row"] = [" \u2013 ".join(sorted(p)) for p in zip(data["actor1"], data["actor2"], strict=True)]
    else:
        data = pd.concat([data.assign(row=data["actor1"]), data.assign(row=data["actor2"])])
    data = data.dropna(subset=["day"]).drop_duplicates(["key", "row"])
    published = _publication_dates(data, articles) if len(data) else pd.Series(dtype="datetime64[ns]")
    first, last = _window(start, end, articles, published if published.notna().any() else data["day"],
                          pad=_PAD_DAYS)
    outside = int((~data["day"].between(first, last)).sum()) if len(data) else 0
    data = data[data["day"].between(first, last)] if len(data) else data
    counts = data.groupby("row").size() if len(data) else pd.Series(dtype=int)
    shown = _top(counts, top)
    fig, ax = _figure(ax, 10, 1.8 + 0.3 * max(len(shown), 4))
    what = "pair of parties" if by == "pair" else "party"
    _label(ax, _title("Diplomatic contacts over time", _subset(len(shown), len(counts), what, "busiest")),
           "date of the contact (publication date when the text gives none)", f"{what} (number of contacts)")
    dropped = f"; {outside:,} dated outside the span shown left out" if outside else ""
    _source_line(ax, (source or _default_source("contacts", contacts, "party pairs")) + dropped)
    if not len(shown):
        return _no_data(fig, ax)
    rows = list(shown.index)
    position = {r: len(rows) - 1 - i for i, r in enumerate(rows)}
    data = data[data["row"].isin(rows)].drop_duplicates(["row", "day", "status"])
    data["y"] = data["row"].map(position)
    statuses = [s for s in _STATUS_STYLES if s in set(data["status"])] + sorted(set(data["status"]) - set(_STATUS_STYLES))
    for status in statuses:
        marker, filled, shift = _STATUS_STYLES.get(status, ("s", False, -0.18))
        points = data[data["status"] == status].sort_values(["y", "day"])
        colour = "#0072B2" if status != "cancelled" else "#D55E00"
        paint = {"color": colour} if marker == "x" else {"facecolor": colour if filled else "white", "edgecolor": colour}
        ax.scatter(points["day"], points["y"] + shift, marker=marker, s=42, linewidth=1.3, zorder=3, label=status,
                   **paint)
    ax.set_yticks(range(len(rows)), [f"{_short(r, 44)} ({shown[r]:,})" for r in reversed(rows)], fontsize=_SMALL)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    _date_axis(ax.xaxis, data["day"])
    ax.legend(title="status", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=_SMALL, title_fontsize=_SMALL,
              frameon=False)
    _tidy(ax, grid="both")
    return fig


# --- shared helpers ---------------------------------------------------------------------------


def _figure(ax: Axes | None, width: float, height: float) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax  # type: ignore[return-value]
    figure = Figure(figsize=(width, min(height, 14)), layout="constrained")
    return figure, figure.add_subplot()


def _label(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, loc="left", fontsize=_FONT + 2)
    ax.set_xlabel(xlabel, fontsize=_FONT)
    ax.set_ylabel(ylabel, fontsize=_FONT)
    ax.tick_params(labelsize=_SMALL)


def _title(title: str, subtitle: str) -> str:
    return f"{title}\n{subtitle}" if subtitle else title


def _subset(shown: int, total: int, noun: str, which: str) -> str:
    """ "the 15 most quoted of 458 speakers", or "12 speakers" when all are shown."""
    if total > shown:
        return f"the {shown} {which} of {total:,} {_plural(noun)}"
    return f"{total:,} {_plural(noun) if total != 1 else noun}" if total else ""


def _count(n: int, noun: str) -> str:
    """ "1 article", "2,000 articles"."""
    return f"{n:,} {noun if n == 1 else _plural(noun)}"


def _plural(noun: str) -> str:
    head, _, rest = noun.partition(" ")
    head = head[:-1] + "ies" if head.endswith("y") and head[-2:] != "ey" else head + "s"
    return f"{head} {rest}".strip()


def _source_line(ax: Axes, text: str) -> None:
    """Small grey text under the x-axis label, inside the layout so it is never cut off."""
    ax.annotate(text, xy=(0, 0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -4),
                textcoords="offset points", ha="left", va="top", fontsize=_SMALL - 1, color=_GREY,
                annotation_clip=False)


def _default_source(table_name: str, table: pd.DataFrame | None, noun: str) -> str:
    rows = 0 if table is None else len(table)
    n_articles = table["article_id"].nunique() if table is not None and "article_id" in table else 0
    articles = f" from {n_articles:,} article{'s' * (n_articles != 1)}" if n_articles else ""
    return f"Source: crisislens {table_name} table, {rows:,} {noun}{articles}"


def _no_data(fig: Figure, ax: Axes) -> Figure:
    ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", va="center", fontsize=_FONT + 3,
            color=_GREY)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig


def _tidy(ax: Axes, grid: str) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid, color="0.88", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)


def _diverging_axis(ax: Axes) -> None:
    """The x axis from -1 (confrontational) to +1 (cooperative), with the words at the ends."""
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["-1\nconfrontational", "-0.5", "0\nneutral", "+0.5", "+1\ncooperative"])
    ax.set_xlim(-1.05, 1.05)


def _date_axis(axis, days: pd.Series) -> None:
    """Whole days as "15 Feb" (the year under the first tick and under each 1 January), over the span
    of ``days`` and two days either side (so one day is a readable axis, not hours)."""
    pad = pd.Timedelta(days=2)
    axis.axes.set_xlim(days.min() - pad, days.max() + pad)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
    locator.intervald[mdates.DAILY] = [1, 2, 3, 7, 14]
    axis.set_major_locator(locator)

    def day_label(value: float, position: int | None) -> str:
        day = mdates.num2date(value)
        year = f"\n{day.year}" if position == 0 or (day.month, day.day) == (1, 1) else ""
        return f"{day.day} {day:%b}{year}"

    axis.set_major_formatter(mticker.FuncFormatter(day_label))


def _joined(days: pd.Series, values: pd.Series, gap_days: int = _GAP_DAYS) -> tuple[np.ndarray, np.ndarray]:
    """Points for a line that breaks where days are more than ``gap_days`` apart (no line is drawn
    across weeks without quotes)."""
    x = days.to_numpy(dtype="datetime64[ns]")
    y = values.to_numpy(dtype=float)
    breaks = np.flatnonzero(np.diff(x) > np.timedelta64(gap_days, "D")) + 1
    return (np.insert(x.astype("datetime64[ns]"), breaks, np.datetime64("NaT")), np.insert(y, breaks, np.nan))


def _header(text: str) -> Line2D:
    """A legend entry without a symbol, used as the heading of a group of entries."""
    return Line2D([], [], linestyle="none", marker="", label=text)


def _frame(table: pd.DataFrame | None, columns: Iterable[str]) -> pd.DataFrame:
    """A copy of ``table`` with every column in ``columns`` (missing ones empty), on a fresh index."""
    data = pd.DataFrame() if table is None else table.reset_index(drop=True).copy()
    for column in columns:
        if column not in data:
            data[column] = pd.Series(pd.NA, index=data.index, dtype="object")
    return data


def _labels(values: pd.Series) -> pd.Series:
    """Text values as plain strings (object dtype), blank or missing as None."""
    text = values.astype("string").str.strip()
    text = text.mask(text.eq("").fillna(False))
    return text.astype(object).where(text.notna(), None)


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype(float)


def _dates(values: pd.Series) -> pd.Series:
    dates = pd.to_datetime(values.astype(object).where(values.notna(), None), errors="coerce")
    return dates.astype("datetime64[ns]")


def _articles(articles: pd.DataFrame | None) -> pd.DataFrame | None:
    if articles is None or not len(articles) or "article_id" not in articles or "published" not in articles:
        return None
    frame = articles[["article_id", "published"]].drop_duplicates("article_id").copy()
    frame["article_id"] = frame["article_id"].astype(object)
    frame["published"] = _dates(frame["published"])
    return frame


def _publication_dates(table: pd.DataFrame, articles: pd.DataFrame | None) -> pd.Series:
    """Each row's article publication date: from ``articles`` by ``article_id``, else the table's own
    ``published`` column (the derived tables carry one)."""
    own = _dates(table["published"]) if "published" in table else pd.Series(pd.NaT, index=table.index,
                                                                             dtype="datetime64[ns]")
    known = _articles(articles)
    if known is None or "article_id" not in table:
        return own.dt.normalize()
    joined = _dates(table["article_id"].astype(object).map(known.set_index("article_id")["published"]))
    return joined.fillna(own).dt.normalize()


def _window(start: object, end: object, articles: pd.DataFrame | None, days: pd.Series,
            pad: int = 0) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span of days shown: ``start``/``end`` when given, else the publication span of ``articles``
    (or of ``days``) widened by ``pad`` days."""
    known = _articles(articles)
    reference = known["published"].dropna() if known is not None else pd.Series(dtype="datetime64[ns]")
    if not len(reference):
        reference = pd.Series(days).dropna()
    if not len(reference):
        return pd.Timestamp.min, pd.Timestamp.max
    first = pd.Timestamp(start) if start is not None else reference.min() - pd.Timedelta(days=pad)
    last = pd.Timestamp(end) if end is not None else reference.max() + pd.Timedelta(days=pad)
    return first, last


def _top(counts: pd.Series, top: int) -> pd.Series:
    """The ``top`` largest counts, ties broken by name, largest first."""
    if not len(counts):
        return counts
    frame = pd.DataFrame({"name": counts.index.astype(str), "count": counts.to_numpy()}, index=counts.index)
    ordered = frame.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    return ordered["count"].head(max(top, 0))


def _palette(values: pd.Series, styles: Sequence[str], unknown: str) -> dict[str, str]:
    """A style per value, the most frequent first, as far as the styles go (the rest are drawn as
    "others"); "not stated" gets its own style."""
    counts = _top(values.value_counts(), len(values))
    chosen = dict(zip([v for v in counts.index if v != UNKNOWN], styles, strict=False))
    if UNKNOWN in counts.index:
        chosen[UNKNOWN] = unknown
    return chosen


def _dodge(data: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Side-by-side positions (..., -1, 0, 1, ... in marker widths) of rows sharing ``keys``."""
    rank = data.groupby(keys, sort=False).cumcount()
    size = data.groupby(keys, sort=False)[keys[0]].transform("size")
    return rank - (size - 1) / 2


def _area(n: pd.Series, largest: float) -> np.ndarray:
    return 8 + 240 * n.to_numpy(dtype=float) / max(largest, 1)


def _size_legend(largest: float) -> list[tuple[int, float]]:
    steps = sorted({max(1, int(_round_down(largest / 10))), max(1, int(_round_down(largest / 2))), int(largest)})
    return [(s, float(_area(pd.Series([s]), largest)[0])) for s in steps]


def _round_down(value: float) -> float:
    if value < 10:
        return max(1.0, np.floor(value))
    scale = 10 ** np.floor(np.log10(value))
    return float(np.floor(value / scale) * scale)


def _pairs(contacts: pd.DataFrame | None) -> pd.DataFrame:
    """One row per unordered pair of parties: ``a``, ``b`` and the distinct contacts between them."""
    data = _frame(contacts, ["article_id", "contact_id", "actor1", "actor2"])
    data["actor1"], data["actor2"] = _labels(data["actor1"]), _labels(data["actor2"])
    data = data.dropna(subset=["actor1", "actor2"])
    data = data[data["actor1"] != data["actor2"]]
    if not len(data):
        return pd.DataFrame({"a": pd.Series(dtype=object), "b": pd.Series(dtype=object),
                             "contacts": pd.Series(dtype=int)})
    ordered = [sorted(p) for p in zip(data["actor1"], data["actor2"], strict=True)]
    data["a"], data["b"] = [p[0] for p in ordered], [p[1] for p in ordered]
    data["key"] = _contact_keys(data)
    pairs = data.drop_duplicates(["a", "b", "key"]).groupby(["a", "b"]).size().rename("contacts").reset_index()
    return pairs.sort_values(["a", "b"]).reset_index(drop=True)


def _layout(graph: nx.Graph, seed: int) -> dict[str, np.ndarray]:
    """Spring layout per connected component, components packed in rows, largest first.

    One spring layout of a graph in pieces pushes the pieces to the corners and squeezes each; laid
    out apart, each piece gets room in proportion to its size.
    """
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    sides = [max(1.0, np.sqrt(len(c))) for c in components]
    width = max(sides[0], 1.3 * float(np.sqrt(sum(side * side for side in sides))))
    positions: dict[str, np.ndarray] = {}
    x = y = row = 0.0
    for nodes, side in zip(components, sides, strict=True):
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row - 0.4, 0.0
        part = graph.subgraph(nodes)
        if len(nodes) == 1:
            spread = {nodes[0]: np.zeros(2)}
        else:
            spread = nx.spring_layout(part, seed=seed, k=3 / np.sqrt(len(nodes)), iterations=300)
        points = np.array([spread[n] for n in nodes])
        low, span = points.min(axis=0), np.maximum(np.ptp(points, axis=0), 1e-9)
        for node, point in zip(nodes, points, strict=True):
            scaled = (point - low) / span if len(nodes) > 1 else np.full(2, 0.5)
            positions[node] = np.array([x + 0.1 * side + 0.8 * side * scaled[0], y - side + 0.1 * side + 0.8 * side * scaled[1]])
        x += side + 0.4
        row = max(row, side)
    return positions


def _contact_keys(data: pd.DataFrame) -> pd.Series:
    """One key per contact, (``article_id``, ``contact_id``); a row without ``contact_id`` (a hand-made
    table) is a contact of its own."""
    ids = data["article_id"].astype("string").fillna("") + "\x1f" + data["contact_id"].astype("string").fillna("")
    return ids.where(data["contact_id"].notna(), "row\x1f" + pd.Series(data.index.astype(str), index=data.index))


def _edge_width(count: float, strongest: float) -> float:
    return 0.4 + 6 * count / max(strongest, _WIDEST_AT)


def _edge_grey(count: float, strongest: float) -> str:
    """Light grey for a single contact, near black for the strongest pair: weak edges recede."""
    return str(round(0.78 - 0.63 * np.sqrt(count / max(strongest, _WIDEST_AT)), 2))


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from crisislens.lexicon import default_lexicon

    return {row["actor_id"]: row["name"] for row in default_lexicon().table("states")}


def _country_name(code: object) -> str:
    """ "Russia (RUS)" for an ISO alpha-3 code; any other value as it is."""
    name = _country_names().get(str(code))
    return f"{name} ({code})" if name else str(code)


def _short(text: object, limit: int = _MAX_LABEL) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
