"""Charts: every function on the seed article's tables, on small hand-made tables and on empty ones."""

from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from crisislens import plots

DERIVED = Path(__file__).resolve().parents[1] / "data" / "derived"
DAY = pd.Timestamp("2022-02-13")


def texts(fig):
    return [t.get_text() for t in fig.findobj(Text)]


def bars(ax):
    return sum(len(container) for container in ax.containers)


def tick_labels(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def marker_points(ax):
    return sum(len(line.get_xdata()) for line in ax.lines if line.get_marker() not in (None, "None", ""))


@pytest.fixture(scope="module")
def seed_tables(seed_article):
    return {"quotes": seed_article.quotes, "figures": seed_article.figures, "contacts": seed_article.contacts,
            "articles": seed_article.info}


@pytest.fixture
def articles():
    return pd.DataFrame({"article_id": ["a", "b"], "published": [DAY, DAY + pd.Timedelta(days=3)]})


@pytest.fixture
def quotes():
    return pd.DataFrame({
        "article_id": ["a", "a", "a", "b", "b", "b"],
        "speaker": ["Ann", "Ann", "Ben", "Ben", "Cy", "Ann"],
        "speaker_country": ["RUS", "RUS", "USA", "USA", None, "RUS"],
        "kind": ["direct", "indirect", "direct", "mixed", "indirect", "transcript"],
        "stance": [0.5, 0.3, -0.4, -0.2, 0.0, 0.1],
        "tone": [0.2, 0.0, -0.1, 0.1, 0.0, 0.0],
        "date": [pd.NaT, pd.Timestamp("2022-02-12"), pd.NaT, pd.NaT, pd.NaT, pd.NaT],
    })


@pytest.fixture
def figures():
    return pd.DataFrame({
        "article_id": ["a", "a", "a", "b", "b", "b"],
        "category": ["troops", "troops", "troops", "troops", "year", "troops"],
        "value": [100000.0, 30000.0, 5000.0, 8000.0, 2014.0, 100000.0],
        "low": [100000.0, None, 5000.0, 8000.0, 2014.0, 100000.0],
        "high": [None, 30000.0, 7000.0, 8000.0, 2014.0, 100000.0],
        "qualifier": ["more than", "up to", "range", "exact", "exact", "about"],
        "actor": ["Russia", "Russia", "NATO", None, None, "Russia"],
        "claimed_by": ["Ann", "Ben", "Ann", None, None, "Ann"],
    })


@pytest.fixture
def contacts():
    return pd.DataFrame({
        "article_id": ["a", "a", "a", "a", "b", "b"],
        "contact_id": [0, 1, 1, 1, 0, 1],
        "actor1": ["Ann", "Ann", "Ann", "Ben", "Ben", "Dee"],
        "actor2": ["Ben", "Ben", "Cy", "Cy", "Ann", "Dee"],
        "status": ["held", "planned", "planned", "planned", "cancelled", "held"],
        "date": [pd.Timestamp("2022-02-12"), pd.Timestamp("2022-02-16"), pd.Timestamp("2022-02-16"),
                 pd.Timestamp("2022-02-16"), pd.NaT, pd.NaT],
    })


CHARTS = {
    "quotes_by_speaker": lambda t: plots.quotes_by_speaker(t["quotes"]),
    "stance_by_speaker": lambda t: plots.stance_by_speaker(t["quotes"], min_quotes=1),
    "stance_by_country": lambda t: plots.stance_by_country(t["quotes"], min_quotes=1),
    "stance_over_time": lambda t: plots.stance_over_time(t["quotes"], t["articles"]),
    "troop_figures": lambda t: plots.troop_figures(t["figures"], t["articles"]),
    "contact_network": lambda t: plots.contact_network(t["contacts"]),
    "contact_timeline": lambda t: plots.contact_timeline(t["contacts"], t["articles"]),
}


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_plots_seed_tables_give_titled_labelled_figure_with_source(chart, seed_tables):
    fig = CHARTS[chart](seed_tables)
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert ax.get_title(loc="left")
    assert fig.axes[-1].get_xlabel()
    assert chart == "contact_network" or ax.get_ylabel()
    assert "no data" not in texts(fig)
    assert any(t.startswith("Source: crisislens") and "from 1 article" in t for t in texts(fig))


@pytest.mark.parametrize("chart", sorted(CHARTS))
@pytest.mark.parametrize("empty", ["no columns", "no rows"])
def test_plots_empty_tables_say_no_data(chart, empty, seed_tables):
    tables = {name: pd.DataFrame() if empty == "no columns" else table.iloc[:0] for name, table in seed_tables.items()}
    fig = CHARTS[chart](tables)
    assert fig.axes[0].get_title(loc="left")
    assert "no data" in texts(fig)


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_plots_save_as_png(chart, seed_tables, tmp_path):
    path = tmp_path / f"{chart}.png"
    CHARTS[chart](seed_tables).savefig(path, dpi=50)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_plots_need_no_pyplot_figure_to_close(seed_tables):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    for chart in CHARTS.values():
        chart(seed_tables)
    assert before == plt.get_fignums()


def test_plots_source_can_be_replaced(quotes):
    assert "Source: my notes" in texts(plots.quotes_by_speaker(quotes, source="Source: my notes"))


def test_plots_draw_into_given_axes(quotes, figures, articles):
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert fig is plots.stance_by_speaker(quotes, ax=left)
    assert fig is plots.troop_figures(figures, articles, ax=right)
    assert 2 == len(fig.axes)


def test_plots_quotes_by_speaker_stacks_kinds_most_quoted_on_top(quotes):
    ax = plots.quotes_by_speaker(quotes).axes[0]
    assert ["Cy", "Ben", "Ann"] == tick_labels(ax)
    assert 3 * 4 == bars(ax)  # a bar per speaker and kind (direct, mixed, indirect, transcript)
    assert ["direct", "mixed", "indirect", "transcript"] == [t.get_text() for t in ax.get_legend().get_texts()]


def test_plots_quotes_by_speaker_keeps_top(quotes):
    ax = plots.quotes_by_speaker(quotes, top=1).axes[0]
    assert ["Ann"] == tick_labels(ax)
    assert "the 1 most quoted of 3 speakers" in ax.get_title(loc="left")


def test_plots_stance_by_speaker_bars_counts_and_diverging_axis(quotes):
    fig = plots.stance_by_speaker(quotes)
    ax = fig.axes[0]
    assert ["Ben", "Ann"] == tick_labels(ax)  # Cy has one quote; most cooperative on top
    assert 2 == bars(ax)
    assert {"n=3", "n=2"} <= set(texts(fig))
    assert (-1.05, 1.05) == ax.get_xlim()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "-1\nconfrontational" == ticks[0]
    assert "+1\ncooperative" == ticks[-1]
    assert 1 == len(ax.collections)  # tone diamonds
    assert 2 == len(ax.collections[0].get_offsets())


def test_plots_stance_by_country_names_countries(quotes):
    ax = plots.stance_by_country(quotes).axes[0]
    assert ["United States (USA)", "Russia (RUS)"] == tick_labels(ax)


def test_plots_stance_over_time_a_point_per_day(quotes, articles):
    fig = plots.stance_over_time(quotes, articles)
    assert ["mean stance (-1 to +1)", "mean tone (-1 to +1)"] == [ax.get_ylabel() for ax in fig.axes]
    assert [3, 3] == [len(ax.collections[0].get_offsets()) for ax in fig.axes]  # 12, 13 and 16 February


def test_plots_stance_over_time_a_series_per_group(quotes, articles):
    fig = plots.stance_over_time(quotes, articles, by="speaker_country", top=1)
    stance = fig.axes[0]
    assert 1 == len(stance.collections)
    assert "Russia (RUS)" in texts(fig)


def test_plots_stance_over_time_leaves_out_days_beyond_the_articles(quotes, articles):
    quotes.loc[0, "date"] = pd.Timestamp("2014-03-01")
    fig = plots.stance_over_time(quotes, articles)
    assert 3 == len(fig.axes[0].collections[0].get_offsets())
    assert any("1 quote dated outside the span shown left out" in t for t in texts(fig))


def test_plots_troop_figures_draws_bounds_and_ranges(figures, articles):
    ax = plots.troop_figures(figures, articles).axes[0]
    assert 5 == marker_points(ax)  # the year is not a troop figure
    arrows = [a for a in ax.texts if isinstance(a, Annotation) and a.arrow_patch is not None]
    assert 2 == len(arrows)  # more than (up), up to (down)
    assert 1 == sum(len(c.get_segments()) for c in ax.collections)  # the range
    assert "troops (number stated)" == ax.get_ylabel()
    assert "100,000" in [t.get_text() for t in ax.get_yticklabels()]


def test_plots_troop_figures_legend_names_actors_and_claimants(figures, articles):
    legend = [t.get_text() for t in plots.troop_figures(figures, articles).axes[0].get_legend().get_texts()]
    assert {"Russia", "NATO", "Ann", "Ben", plots.UNKNOWN} <= set(legend)


def test_plots_troop_figures_reads_derived_table():
    derived = pd.read_csv(DERIVED / "troop_figures_whitehouse_2022q1.csv")
    ax = plots.troop_figures(derived, log=True).axes[0]
    assert len(derived) == marker_points(ax)
    assert "log" == ax.get_yscale()


def test_plots_contact_network_merges_pairs_and_counts_contacts(contacts):
    ax = plots.contact_network(contacts).axes[0]
    assert 3 == len(ax.collections[0].get_offsets())  # Ann, Ben, Cy; Dee meets only Dee
    assert 3 == len(ax.collections[1].get_paths())  # Ann-Ben (three contacts), Ann-Cy, Ben-Cy
    assert {"Ann", "Ben", "Cy"} <= set(texts(ax.figure))


def test_plots_contact_network_min_count_keeps_strong_pairs(contacts):
    ax = plots.contact_network(contacts, min_count=2).axes[0]
    assert 2 == len(ax.collections[0].get_offsets())


def test_plots_contact_network_same_picture_for_any_row_order(contacts):
    first = plots.contact_network(contacts).axes[0].collections[0].get_offsets()
    again = plots.contact_network(contacts.iloc[::-1]).axes[0].collections[0].get_offsets()
    assert first.tolist() == again.tolist()


def test_plots_contact_network_reads_derived_table():
    derived = pd.read_csv(DERIVED / "contacts_whitehouse_2022q1.csv")
    assert 12 == len(plots.contact_network(derived, top=12).axes[0].collections[0].get_offsets())


def test_plots_contact_timeline_rows_and_status_markers(contacts, articles):
    ax = plots.contact_timeline(contacts, articles).axes[0]
    assert ["Ben \u2013 Cy (1)", "Ann \u2013 Cy (1)", "Ann \u2013 Ben (3)"] == tick_labels(ax)
    assert ["held", "planned", "cancelled"] == [t.get_text() for t in ax.get_legend().get_texts()]


def test_plots_contact_timeline_every_status_is_visible(contacts, articles):
    ax = plots.contact_timeline(contacts, articles).axes[0]
    for points in ax.collections:  # a cancelled cross was once drawn white on white
        colours = [*points.get_facecolor(), *points.get_edgecolor()]
        assert any(tuple(c[:3]) != (1.0, 1.0, 1.0) for c in colours)


def test_plots_contacts_without_ids_count_every_row(contacts):
    bare = contacts.drop(columns=["article_id", "contact_id"])
    legend = plots.contact_network(bare).axes[0].get_legend()
    assert "3 contacts" == legend.get_texts()[-1].get_text()  # Ann-Ben: three rows, three contacts
    # the cancelled contact has no date and, without article ids, no publication date
    assert "Ann \u2013 Ben (2)" == tick_labels(plots.contact_timeline(bare).axes[0])[-1]


def test_plots_contact_timeline_by_actor(contacts, articles):
    assert "Ann (3)" == tick_labels(plots.contact_timeline(contacts, articles, by="actor").axes[0])[-1]


def test_plots_contact_timeline_refuses_unknown_rows(contacts):
    with pytest.raises(ValueError, match="pair"):
        plots.contact_timeline(contacts, by="country")


def test_plots_backend_is_not_changed():
    backend = matplotlib.get_backend()
    plots.quotes_by_speaker(pd.DataFrame())
    assert backend == matplotlib.get_backend()
