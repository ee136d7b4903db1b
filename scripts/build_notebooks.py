"""Write the narrative notebooks from their cell sources and run them top to bottom.

Usage:
    python scripts/build_notebooks.py            all notebooks
    python scripts/build_notebooks.py 02 04      only these (a number or a full name, 02-stance)

Needs the notebooks extra (pip install -e ".[notebooks]"). The stored outputs are what
`python -m pytest` (nbval) compares against, so run this after any change that alters a notebook's
output (a library change, regenerated tables in data/derived), read the prose again against the new
outputs, and commit the result.

Each notebook is a list of ("md" | "code", source) cells. The notebooks run in notebooks/ on bundled
data only: data/articles/ and the facts-only tables of data/derived/.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

Cells = list[tuple[str, str]]


def md(text: str) -> tuple[str, str]:
    """A Markdown cell from an indented triple-quoted string."""
    return ("md", textwrap.dedent(text).strip("\n"))


def code(text: str) -> tuple[str, str]:
    """A code cell from an indented triple-quoted string."""
    return ("code", textwrap.dedent(text).strip("\n"))


def one_article() -> Cells:
    """Cells of 01-one-article: what crisislens makes of a single report."""
    return [
        ("md", "# One article, read as data\n\n"
               "**Question:** what does crisislens find in a single news report, and how can a reader check it?\n\n"
               "**Data:** the founding sample article in `data/articles/`, a report of 13 February 2022 on the "
               "Russia-Ukraine border crisis (provenance in `data/README.md`)."),
        ("md", "## Parse the article\n\nOne call reads the file, its front matter and its text. "
               "The result knows its title and publication date."),
        ("code", "import crisislens\n\n"
                 "article = crisislens.parse(\"../data/articles/ukraine-border-crisis-blinken.txt\")\n"
                 "article"),
        ("code", "article.info[[\"article_id\", \"published\", \"dateline\", \"n_sentences\", \"n_words\"]]"),
        ("md", "## Sentences\n\nThe text is split into sentences. The dateline (`JAKARTA -`) is not part of "
               "the first sentence, and the page's `SEE ALSO:` link box is gone. Each row carries `start` and "
               "`end`, offsets into `article.text`."),
        ("code", "article.sentences[[\"sentence_id\", \"start\", \"end\", \"text\"]].head(8)"),
        ("md", "Every offset points back to the text, so any row can be checked by hand:"),
        ("code", "row = article.sentences.iloc[2]\n"
                 "article.text[row.start:row.end] == row.text, row.text"),
        ("md", "## Who is in the article\n\nEvery mention of a person, state, organisation or unnamed source is "
               "resolved to one canonical actor: \"Moscow\" and \"the Kremlin\" are Russia, and \"Foreign "
               "Minister Blinken\" (the article's slip) is still Antony Blinken, Secretary of State."),
        ("code", "article.actors.sort_values(\"n_mentions\", ascending=False)"
                 "[[\"actor\", \"kind\", \"country\", \"role\", \"n_mentions\"]].head(10)"),
        ("md", "The `mentions` table shows how each one was found (`via`): a dictionary name, an adjective, a "
               "seat of government standing for its state, a title, or a coreference."),
        ("code", "article.mentions[article.mentions.kind.isin([\"person\", \"anonymous\"])]"
                 "[[\"sentence_id\", \"text\", \"actor\", \"via\"]]"),
        ("md", "## Who said what\n\nEach attributed statement is a row: direct quotes, reported speech, "
               "mixed quotes, and statements reported inside other statements (`parent_quote_id`)."),
        ("code", "quotes = article.quotes[[\"quote_id\", \"kind\", \"speaker\", \"addressee\", \"parent_quote_id\", \"text\"]]\n"
                 "quotes.assign(text=quotes.text.str.slice(0, 60))"),
        ("md", "How many statements does each speaker get?"),
        ("code", "article.quotes.speaker.value_counts()"),
        ("md", "## Tone\n\n`tone` is TextBlob's polarity (from -1, negative, to +1, positive). Which sentences "
               "sound most negative?"),
        ("code", "article.sentences.sort_values(\"tone\")[[\"sentence_id\", \"tone\", \"text\"]].head(3)"),
        ("md", "And which sound most positive?"),
        ("code", "article.sentences.sort_values(\"tone\", ascending=False)[[\"sentence_id\", \"tone\", \"text\"]].head(3)"),
        md("""
            The most positive sentence is the order to evacuate the US embassy in Kyiv. Polarity measures
            wording, not politics: words like "most" carry positive weight in its lexicon whatever they
            describe.

            ## Stance: cooperative or confrontational

            `stance` is built for this kind of text. It scores a statement from -1 (confrontational,
            escalatory) to +1 (cooperative, de-escalatory) from a lexicon of terms grouped into the event
            families political scientists code: *consult*, *cooperate*, *support*, *agree* ... against
            *threaten*, *protest*, *sanction*, *assault* ... The `stance_terms` column says which terms
            fired, with the family and weight of each, so every score can be checked. A quote also counts
            its cue: "warning" and "denies" say what the speaker does.
        """),
        code("""
            import pandas as pd

            from crisislens.stance import stance_label

            pd.set_option("display.max_colwidth", 100)
            stance = article.quotes[["quote_id", "speaker", "cue", "stance", "tone", "stance_terms"]]
            stance.assign(label=stance.stance.map(stance_label))
        """),
        md("""
            Blinken's "The diplomatic road remains open" is the most cooperative statement (*consult*).
            The most confrontational is the German source's warning of "painful and severe sanctions"
            against any aggression (*coerce*, *threaten*, *sanction*), just ahead of Biden's warning that
            the West would respond decisively to any invasion (*threaten*, *assault*). Read the German
            source's other quote: "talks" counts against cooperation there, because "did not expect"
            negates it (the `not` after the weight).
            Statements with no term at all (the senior official's, the Reuters witness's) score 0 and are
            labelled neutral: |stance| below 0.2 is neutral.

            Stance and tone can disagree. Blinken's evacuation quote has a positive tone ("a wise thing to
            do") and a confrontational stance ("the threat is imminent"). Notebook 02 compares the two on
            the statements of three months of White House briefings.

            The same scores as a chart, one bar per speaker, with the number of statements behind each
            bar and TextBlob's tone as a diamond:
        """),
        code("""
            %matplotlib inline
            from crisislens import plots

            plots.stance_by_speaker(article.quotes, min_quotes=1)
        """),
        md("""
            ## The article, highlighted

            In a notebook an `Article` shows as its text with every extraction marked: quotes, speakers,
            people, states, organisations, unnamed sources, figures and contacts, with a legend. Hover a
            mark to see what it was resolved to ("Moscow" is Russia, "the source" the German source).
        """),
        code("""
            article
        """),
        ("md", "## Exercises\n\n"
               "1. Which paragraph has the most sentences? (Hint: `groupby(\"paragraph_id\")`.)\n"
               "2. Which statements are reported speech rather than direct quotes, and who made them?\n"
               "3. Parse a text of your own with `crisislens.parse(\"...\", published=\"2022-02-14\")` and "
               "compare its tone with this article's.\n"
               "4. Find a sentence whose tone you disagree with, and explain what the polarity lexicon misread.\n"
               "5. `article.sentences` has `stance` and `stance_terms` too. Find a sentence where a term fired "
               "that does not mean what the lexicon thinks it means."),
    ]


STANCE_FILE = "../data/derived/quote_stance_whitehouse_2022q1.csv"
TROOPS_FILE = "../data/derived/troop_figures_whitehouse_2022q1.csv"
CONTACTS_FILE = "../data/derived/contacts_whitehouse_2022q1.csv"
SEED_FILE = "../data/articles/ukraine-border-crisis-blinken.txt"


def stance() -> Cells:
    """Cells of 02-stance: who sounds cooperative or confrontational, and when."""
    return [
        md(f"""
            # Stance: who sounds cooperative, who confrontational?

            **Question:** who sounds cooperative or confrontational in the Russia-Ukraine crisis of early
            2022, and how did that move day by day?

            **Data:** `{STANCE_FILE[3:]}`, the stance and tone of every reported statement crisislens finds
            in the White House briefing-room documents of January to March 2022 (speaker, date, scores and
            the lexicon terms that fired; no statement text; the turns of briefing transcripts are left
            out), plus the quotes of the seed article in `data/articles/`. Provenance in `data/README.md`.
        """),
        md("""
            ## What stance is

            `stance` scores a statement from -1 (confrontational, escalatory) to +1 (cooperative,
            de-escalatory). It is not a model: it is a lexicon of terms (`crisislens/lexicon/stance_terms.csv`)
            grouped into the event families political scientists use to code what states do, each term with
            a weight. *Consult*, *cooperate*, *support*, *agree*, *aid*, *concede* and *de-escalate* count
            for cooperation; *demand*, *reject*, *threaten*, *protest*, *accuse*, *sanction*, *mobilise*,
            *coerce*, *assault* and *fight* against. Words just before a term change it: a negation
            reverses and weakens it, an averting word ("avoid a war") turns a confrontational term
            cooperative, a hedge weakens, an intensifier strengthens. The weights add up to a total `t`,
            and `stance = t / (1 + |t|)`. `stance_label` calls |stance| below 0.2 neutral.

            Four sentences of our own show the mechanics:
        """),
        code("""
            %matplotlib inline
            import pandas as pd

            import crisislens
            from crisislens import plots
            from crisislens.stance import score_stance, stance_label, summarise

            pd.set_option("display.max_colwidth", 120)

            examples = [
                "We welcome the talks and will work together.",
                "We strongly condemn the attack and will impose severe costs.",
                "They did not reach an agreement.",
                "Both sides want to avoid a war.",
            ]
            scored = [score_stance(text) for text in examples]
            pd.DataFrame({"text": examples,
                          "stance": [s.score for s in scored],
                          "label": [stance_label(s.score) for s in scored],
                          "stance_terms": [s.explanation for s in scored]})
        """),
        md("""
            The `stance_terms` column is the explanation: each term, its family and its weight after the
            modifiers (`not`, `strongly`, `avoid`), which the table shows after the weight. Every
            statement in the tables below carries the same column.

            ## The statements

            The derived table has one row per statement; the seed article's quotes are added with the same
            columns and its publication date.
        """),
        code(f"""
            white_house = pd.read_csv("{STANCE_FILE}", parse_dates=["published", "date"])
            seed = crisislens.parse("{SEED_FILE}")
            seed_quotes = seed.quotes.assign(published=seed.published)[white_house.columns]
            quotes = pd.concat([white_house, seed_quotes], ignore_index=True)
            quotes["label"] = quotes.stance.map(stance_label)
            print(f"{{len(quotes):,}} statements in {{quotes.article_id.nunique():,}} documents, "
                  f"published {{quotes.published.min():%d %B}} to {{quotes.published.max():%d %B %Y}}")
            quotes.columns.tolist()
        """),
        md("""
            The most cooperative and the most confrontational statements, with the terms that made them:
        """),
        code("""
            ranked = quotes.sort_values(["stance", "article_id", "quote_id"], kind="stable")
            shown = ["published", "speaker", "cue", "stance", "label", "stance_terms"]
            pd.concat([ranked.head(3), ranked.tail(3)])[shown]
        """),
        md("""
            Strong scores come from several terms pulling the same way: a single ordinary term gives about
            ±0.3 to ±0.4. Most statements are far from these extremes. How are the labels spread, and how many
            statements fire no term at all?
        """),
        code("""
            quotes.label.value_counts().to_frame().assign(share=lambda t: (t["count"] / len(quotes)).round(3))
        """),
        code("""
            round(quotes.stance_terms.isna().mean(), 3)
        """),
        md("""
            Neutral is the rule: most statements are announcements, thanks and logistics, and about half
            contain no stance term at all. Which families fire most often?
        """),
        code("""
            families = quotes.stance_terms.str.extractall(r"\\(([a-z-]+) [+-]")[0]
            families.value_counts().rename_axis("family").rename("terms").to_frame().T
        """),
        md("""
            *Support* (thanks, backing, reaffirming) is the most frequent family, then *cooperate* and
            *threaten*, almost level: the briefing room speaks of allies and of the costs Russia would
            pay, in the same breath.

            ## Stance by speaker

            Not every speaker is a name. The table also holds groups ("the two leaders"), unnamed officials,
            and speakers the quotes extractor could not resolve to a known actor (a bare title, a pronoun).
            We keep people and states with a known country, and only speakers with at least 10 statements,
            so that a mean is not one remark. What is left out?
        """),
        code("""
            named = quotes[quotes.speaker_kind.isin(["person", "state"]) & quotes.speaker_country.notna()]
            quotes.drop(named.index).speaker.value_counts().head(8)
        """),
        md("""
            The largest left-out speakers are real but unplaced: Walensky and Fauci have no country in
            the actor dictionary. Others are groups ("two leaders", "leaders", "Republicans", NATO) or
            bodies named by a head word ("Department of Transportation").
            These gaps are the extractor's, and a reason to look at what a filter removes. The mean
            stance of the named speakers:
        """),
        code("""
            summarise(named, "speaker", min_count=10)
        """),
        code(f"""
            SOURCE = ("Source: {STANCE_FILE[3:]} (White House briefing room, Jan-Mar 2022) "
                      "and the seed article; crisislens stance")
            plots.stance_by_speaker(named, min_quotes=10, source=SOURCE)
        """),
        md("""
            Russia (statements attributed to the state) sounds the most confrontational: most of its
            statements are labelled confrontational, and its mean is the only one beyond the neutral band.
            Vladimir Putin comes next. Kamala Harris is the most cooperative of these speakers, ahead of
            Senator Joe Manchin ("Manchin") and Ukraine. Every mean sits close to zero, with a spread (`stance_sd`) much larger
            than the mean: each speaker says cooperative and confrontational things. The diamonds (tone)
            hardly move: TextBlob polarity is mildly positive for almost everyone.

            ## Stance by country

            The same by the speaker's country, for countries with at least 5 statements:
        """),
        code("""
            plots.stance_by_country(quotes, min_quotes=5, source=SOURCE)
        """),
        md("""
            The extremes are handfuls: Japan (most cooperative) and the United Kingdom (most
            confrontational) rest on fewer than ten statements each. The three countries with many
            statements, the United States, Ukraine and Russia, all sit inside the neutral band, Russia
            below zero.

            A country's bar is only as good as the countries of its speakers. Who stands behind Russia's?
        """),
        code("""
            quotes[quotes.speaker_country == "RUS"].speaker.value_counts().head(12)
        """),
        md("""
            Putin, the Russian state and Lavrov make up most of it, but a few bodies that name no state (the
            Department of Energy, an oil company, the International Energy Agency) appear under Russia too:
            when a document does not say which state it speaks for, the extractor gives such a speaker the
            state the document names most often (a known error). Read country bars with that in mind, and
            check the speakers behind any bar you quote.

            ## Stance over time

            A statement's day is its own date when the text gives one, else the publication date of its
            document. The top panel is the mean stance of each day, the bottom panel the mean tone; a
            point's size is the number of statements behind it.
        """),
        code("""
            articles = quotes[["article_id", "published"]].drop_duplicates()
            plots.stance_over_time(quotes, articles, source=SOURCE)
        """),
        md("""
            Daily means jump around: on a quiet day a handful of statements decide them. Weeks are steadier.
            The share of confrontational statements per week (days before 1 January and after 31 March, a
            statement dated "in 2014", are left out):
        """),
        code("""
            day = quotes.date.fillna(quotes.published)
            in_span = quotes[day.between("2022-01-01", "2022-03-31")]
            week = day[in_span.index].dt.to_period("W").rename("week")
            weekly = in_span.assign(confrontational=in_span.label == "confrontational").groupby(week).agg(
                statements=("stance", "size"),
                stance=("stance", "mean"),
                tone=("tone", "mean"),
                confrontational=("confrontational", "mean"),
            )
            weekly.round({"stance": 3, "tone": 3, "confrontational": 3})
        """),
        md("""
            The week of 21 to 27 February, when Russia recognised the separatist republics and invaded
            Ukraine, has the lowest mean stance and the highest share of confrontational statements of the
            quarter (about three in ten, against one or two in ten in most weeks). Tone does not see it:
            its weekly mean barely moves.

            By the speaker's country, for the three countries with the most statements:
        """),
        code("""
            plots.stance_over_time(quotes, articles, by="speaker_country", top=3, source=SOURCE)
        """),
        md("""
            The United States line carries most of the statements and stays close to zero, more often
            above than below. Russia's
            squares are fewer and mostly at or below zero; Ukraine's diamonds are scattered single
            statements, too few for a daily trend.
        """),
        md("""
            ## Stance is not tone

            `tone` is TextBlob's polarity: positive and negative wording, whatever it describes. Labelled
            with the same threshold, how do the two compare?
        """),
        code("""
            quotes["tone_label"] = quotes.tone.map(stance_label)
            pd.crosstab(quotes.label, quotes.tone_label, margins=True).rename_axis(index="stance", columns="tone")
        """),
        code("""
            quotes[["stance", "tone"]].astype(float).corr().round(3)
        """),
        md("""
            The two measure different things. Tone calls most statements neutral, whatever their stance;
            of the confrontational statements more have a positive tone than a negative one, and the
            correlation between the scores is about 0.1. "We will impose severe costs" is confrontational
            and not negative in wording; "a wise thing to do" is positive wording about an evacuation. Seen
            on the seed article, where the text is ours to show:
        """),
        code("""
            seed.quotes[["speaker", "stance", "tone", "stance_terms", "text"]].iloc[[6, 7, 12]]
        """),
        md("""
            ## How far to trust it

            - **Measured accuracy.** On 748 hand-labelled statements (19 from the seed article, 439 White
              House, 290 PolNeAR), stance labels reach macro-F1 0.75 (accuracy 0.77); TextBlob polarity on
              the same statements reaches 0.35, and 0.37 at its best threshold (README, "Measured"). The
              rules were tuned on those statements. On 564 statements labelled afterwards and never read
              (held out), stance reaches 0.63 (White House documents 0.66, election news 0.47) and
              TextBlob 0.36: far better than polarity, and far from a person: two people labelling the
              same statements agree on 93 to 95 in 100.
            - **A lexicon, not understanding.** Reporting a threat ("Russia threatened Ukraine") and making
              one ("we will impose severe costs") both score confrontational; sarcasm and context are
              invisible. The `stance_terms` column says what fired: read it before quoting a score.
            - **Speakers.** A speaker is as good as the quotes extractor (speaker accuracy 0.91 on the
              White House gold); the country errors above move statements between bars.
            - **The corpus is one side.** These are White House documents: Russia and Putin appear as the
              White House reports them, not in their own words.

            ## Exercises

            1. Raise the threshold of `stance_label` to 0.4. How does the crosstab of stance and tone
               change?
            2. Draw `plots.stance_by_speaker` for speakers of kind `organization` and `group`. Which groups
               sound most confrontational, and who are they?
            3. Which cue words (`cue`) come with the most confrontational statements on average? Which
               with the most cooperative? (Hint: `summarise(quotes, "cue", min_count=10)`.)
            4. Pick the week of 21 to 27 February and list its confrontational statements' `stance_terms`.
               Which families dominate?
            5. Find a statement whose `stance_terms` show a term used in another sense (a "call on" that is a
               phone call, say). How would you fix it with a lexicon file of your own?
        """),
    ]


def troop_numbers() -> Cells:
    """Cells of 03-troop-numbers: how the troop estimates evolved, who claimed them, with what hedges."""
    return [
        md(f"""
            # Troop numbers: how big was the build-up?

            **Question:** how did the troop estimates of the Russia-Ukraine crisis evolve in early 2022, who
            claimed them, and with what hedges ("more than", "about", "up to")?

            **Data:** `{TROOPS_FILE[3:]}`, every troop figure crisislens finds in the White House
            briefing-room documents of January to March 2022 (publication date, document, value, bounds,
            qualifier, unit, whose troops, who claims them; no sentences), plus the troop figure of the seed
            article in `data/articles/`. Provenance in `data/README.md`.
        """),
        code(f"""
            %matplotlib inline
            import pandas as pd

            import crisislens
            from crisislens import plots

            pd.set_option("display.max_colwidth", 100)

            white_house = pd.read_csv("{TROOPS_FILE}", parse_dates=["published"])
            seed = crisislens.parse("{SEED_FILE}")
            seed_troops = seed.figures[seed.figures.category == "troops"].assign(published=seed.published)
            troops = pd.concat([white_house, seed_troops[white_house.columns]], ignore_index=True)
            troops = troops.sort_values(["published", "value", "article_id"], kind="stable", ignore_index=True)
            print(f"{{len(troops)}} troop figures in {{troops.article_id.nunique()}} documents")
            troops.drop(columns="article_id").head(10)
        """),
        md("""
            Each row is one number as written, with what it counts (`unit`), whose troops they are
            (`actor`, when the text says) and who states it (`claimed_by`: the speaker of the quote or
            briefing turn it sits in). The seed article's "more than 100,000 troops", claimed by the United
            States, is one of them:
        """),
        code("""
            seed_troops[["text", "value", "low", "high", "qualifier", "unit", "actor", "claimed_by"]]
        """),
        md("""
            ## Hedges: the qualifier and the bounds

            Numbers of troops are rarely stated flat. The `qualifier` keeps the hedge, and `low` and `high`
            say what it allows: "more than 100,000" has a lower bound and no upper one.
        """),
        code("""
            troops.qualifier.value_counts()
        """),
        code("""
            troops.groupby("qualifier", sort=True).head(1)[["value", "low", "high", "qualifier", "unit"]]
        """),
        md("""
            Half of the figures are exact; the rest are lower bounds ("more than", "at least") or
            approximations ("about"). A lower bound is a floor, not an estimate: "more than 100,000" and
            "150,000" need not disagree.

            What do the figures count? The category is troops, but the words differ:
        """),
        code("""
            troops.unit.value_counts()
        """),
        md("""
            "Troops" dominates. "Personnel" and "service members" are often not Russian forces at all (US
            service members sent to Europe, civilian staff): the unit and the actor say which.

            ## The chart

            Each figure sits at its document's publication date, coloured by whose troops and shaped by who
            claimed it; arrows mark lower bounds. A logarithmic axis keeps the dozens and the hundreds of
            thousands on one chart.
        """),
        code(f"""
            SOURCE = ("Source: {TROOPS_FILE[3:]} (White House briefing room, Jan-Mar 2022) "
                      "and the seed article; crisislens figures")
            plots.troop_figures(troops, log=True, source=SOURCE)
        """),
        md("""
            Two bands stand out. At the top, the estimates of the Russian build-up: 100,000 in January,
            150,000 from mid-February, 175,000 on the day of the invasion. Below, the thousands of US and
            allied troops being sent to Europe (8,500 on alert, 3,000 and 7,000 deployed). Most figures
            have no stated owner (the white markers): whose troops they are is in the surrounding text,
            not next to the number.

            ## Who claims which numbers?
        """),
        code("""
            claimed = troops.assign(claimed_by=troops.claimed_by.fillna("not stated"))
            claimed.groupby("claimed_by").agg(
                figures=("value", "size"),
                smallest=("value", "min"),
                largest=("value", "max"),
                values=("value", lambda v: ", ".join(f"{x:,.0f}" for x in sorted(set(v)))),
            ).sort_values(["figures", "largest"], ascending=False)
        """),
        md("""
            The press secretary, Jen Psaki, states most of the claimed figures: answers at the briefing
            podium are where numbers are repeated. The many figures with no claimant come mostly from
            speeches and remarks, readouts and proclamations, where the number is the document's own
            statement rather than a quote. Claimants are as good as the speaker resolution: "the
            Secretary of State said" at a White House briefing is Antony Blinken (the role in the
            briefer's state), and the briefers' full names (Deanne Criswell, Karine Jean-Pierre) come
            from the briefing titles that name them.

            ## The largest figure of each week

            Which was the largest figure each week, and whose troops was it about?
        """),
        code("""
            week = troops.published.dt.to_period("W")
            largest = troops.loc[troops.groupby(week).value.idxmax()]
            largest.assign(week=week).set_index("week")[["published", "value", "qualifier", "unit", "actor", "claimed_by"]]
        """),
        md("""
            The weekly maximum traces the build-up from 100,000 (January) to 150,000 (mid-February) and
            "more than 175,000" in the week of the invasion. After that, the largest figure is not always
            Russia's: 9,000 US forces in Poland, 100,000 in Europe, and "more than 58,000 service members" from the
            proclamation on the 50th anniversary of the Vietnam War, a figure of the dead of another war. A
            maximum is only meaningful within one actor and one meaning: filter before you rank.

            ## How far to trust it

            - **Measured accuracy.** On 160 figures in 28 White House documents (own gold), figures are
              found with F1 0.96 by value; category accuracy 0.96, qualifier accuracy 0.98 (README,
              "Measured"; development scores).
            - **Repetition is not corroboration.** The same number repeated at five briefings is five rows,
              not five sources. Count documents or claimants before calling an estimate widespread.
            - **Owner and claimant are often empty.** `actor` is filled only when the text ties the troops
              to a state next to the number; `claimed_by` only inside a quote or a briefing turn.
            - **Troops is a category, not a meaning.** US deployments, civilian personnel and historical
              figures share it with the Russian build-up.

            ## Exercises

            1. Keep only the figures of 50,000 or more and draw them with `plots.troop_figures` on a
               linear axis. Which dates mark a new estimate?
            2. How many different documents state "100,000" troops? Over which dates?
            3. Count the figures per unit and qualifier with `pd.crosstab`. Which units are usually hedged?
            4. Find the figures about US troops (actor United States) and list them by date. What story do
               they tell?
            5. The seed article's figure is claimed by "United States", the White House figures by people.
               Why? (Hint: look at who the seed article's quotes attribute it to.)
        """),
    ]


def diplomatic_contacts() -> Cells:
    """Cells of 04-diplomatic-contacts: who talked to whom, held or planned."""
    return [
        md(f"""
            # Diplomatic contacts: who talked to whom?

            **Question:** who called, met or visited whom during the Russia-Ukraine crisis of early 2022, and
            which contacts were held and which only planned?

            **Data:** `{CONTACTS_FILE[3:]}`, every diplomatic contact crisislens finds in the White House
            briefing-room documents of January to March 2022, one row per pair of parties (publication date,
            document, contact id, kind, status, parties, date, location, duration; no sentences), plus the
            contacts of the seed article in `data/articles/`. Provenance in `data/README.md`.
        """),
        code(f"""
            %matplotlib inline
            import pandas as pd

            import crisislens
            from crisislens import plots

            white_house = pd.read_csv("{CONTACTS_FILE}", parse_dates=["published", "date"])
            seed = crisislens.parse("{SEED_FILE}")
            seed_contacts = seed.contacts.assign(published=seed.published)[white_house.columns]
            contacts = pd.concat([white_house, seed_contacts], ignore_index=True)
            n_contacts = len(contacts.drop_duplicates(["article_id", "contact_id"]))
            print(f"{{len(contacts):,}} pairs in {{n_contacts:,}} contacts from {{contacts.article_id.nunique()}} documents")
            contacts.drop(columns="article_id").head(8)
        """),
        md("""
            A contact with three parties gives three rows, one per pair, sharing `contact_id`. The seed
            article shows it: Blinken's talks with his Japanese and South Korean counterparts are one
            contact, three pairs.
        """),
        code("""
            seed.contacts[["contact_id", "text", "kind", "status", "date", "date_text", "duration_minutes", "actor1", "actor2"]]
        """),
        md("""
            The Biden-Putin call is read right: held, on Saturday, an hour long, between the two
            presidents only. "The West", named in what Biden told Putin ("the West would respond
            decisively"), is not made a party: what is said in a call is not who is in it. The
            Scholz-Putin meeting is planned, dated by reading "the day after Tuesday" literally.

            ## Kinds and statuses

            Counting contacts (not pairs):
        """),
        code("""
            distinct = contacts.drop_duplicates(["article_id", "contact_id"])
            pd.crosstab(distinct.kind, distinct.status, margins=True)
        """),
        md("""
            Calls and meetings make up most contacts, and most are reported as held. Planned contacts
            are mostly meetings and visits, announced before they happen. "Proposed" is rare.

            ## Joe Biden's partners

            The President is the party in most contacts. With whom, and how?
        """),
        code("""
            biden = contacts[(contacts.actor1 == "Joe Biden") | (contacts.actor2 == "Joe Biden")]
            biden = biden.assign(partner=biden.actor2.where(biden.actor1 == "Joe Biden", biden.actor1))
            biden.groupby("partner").agg(
                contacts=("kind", "size"),
                held=("status", lambda s: int((s == "held").sum())),
                planned=("status", lambda s: int((s == "planned").sum())),
                kinds=("kind", lambda s: ", ".join(sorted(set(s)))),
            ).sort_values(["contacts", "held"], ascending=False).head(12)
        """),
        md("""
            Volodymyr Zelensky (calls and talks) and Vladimir Putin (calls, meetings, talks, a summit) lead,
            then Emmanuel Macron (all by phone or video call), Olaf Scholz and Xi Jinping, then Fumio Kishida
            and Andrzej Duda; states and bodies (NATO, Poland, Ukraine, the European Union) are parties too. Meetings with Congress or other
            American officials are not here: a diplomatic contact needs parties of two states or bodies.
            A row counts a contact per document: a call reported by a readout and again at a briefing
            counts twice, and a briefing that recalls an earlier call reports it once more.

            ## The network

            Parties are nodes, an edge joins two parties that had contact, its width is the number of
            contacts; the 25 parties in most contacts are shown.
        """),
        code(f"""
            SOURCE = ("Source: {CONTACTS_FILE[3:]} (White House briefing room, Jan-Mar 2022) "
                      "and the seed article; crisislens contacts")
            plots.contact_network(contacts, top=25, source=SOURCE)
        """),
        md("""
            Joe Biden is the hub. Around him, the European and Canadian leaders (Macron, Scholz, Johnson,
            Draghi, Trudeau, Duda, Iohannis, von der Leyen, Michel, Stoltenberg) form a dense cluster:
            their group calls and summits put everyone in contact with everyone. The heaviest edges are
            Biden's to Zelensky and to Putin, then Russia-United States, Biden's to Macron and Scholz, and
            Blinken-Lavrov.

            ## Held and planned over time

            One row per pair, a marker per contact at its date (its publication date when the text gives
            none): filled circles were held, hollow circles planned.
        """),
        code("""
            plots.contact_timeline(contacts, top=20, source=SOURCE)
        """),
        md("""
            The rows tell different stories. Russia-Ukraine fills in only after the invasion: the
            negotiations of March. The European leaders' rows share their days: Biden's
            group calls with them of 11, 18 and 28 February and of 21 and 29 March. Biden-Putin shows the
            statuses side by side: held calls, the meeting Biden accepted in principle on 20 February
            (planned; it never took place), and later talk of a conversation that was only proposed.
            A marker is a report, not a verified event: check it against its document before you quote it.

            Week by week, counting contacts (a contact's own date, else the publication date; dates
            outside January to March left out):
        """),
        code("""
            day = distinct.date.fillna(distinct.published)
            in_span = distinct[day.between("2022-01-01", "2022-03-31")]
            weekly = pd.crosstab(day[in_span.index].dt.to_period("W"), in_span.status)
            weekly.assign(total=weekly.sum(axis=1)).rename_axis(index="week")
        """),
        md("""
            Two weeks stand out for held contacts. 14 to 20 February, the last full week of diplomacy
            before the invasion: Biden's calls with European and Canadian leaders, Blinken's with Lavrov,
            the Vice President's meetings at the Munich Security Conference. And 7 to 13 March: the Vice
            President in Poland, Biden's calls with allies and with Zelensky.
            Planned contacts peak in the week of 7 to 13 March, when trips and meetings were announced for
            the days after (the Vice President's visit to Poland and Romania, for one).

            ## How far to trust it

            - **Measured accuracy.** On 100 contacts in 60 White House readouts and statements (own
              gold), contacts are found with precision 0.97, recall 0.87, F1 0.92; status is right for
              all and the date for 0.93 of the contacts found (README, "Measured"). Those are development
              scores. On 40 documents annotated blind and never used to write the rules (statements,
              remarks, press briefings and fact sheets; 175 contacts), F1 is 0.50 (precision 0.62, recall
              0.42), and only 0.22 on the press briefings, where contacts are mentioned in passing. Read
              the table as a lead, not a census.
            - **Parties can be descriptions.** "counterparts", "Allies and partners", "transatlantic
              leaders": groups are kept as written, never guessed into people.
            - **Counts are reports.** The same call in a readout and at a briefing is two rows; use
              `contacts.drop_duplicates(["actor1", "actor2", "date"])` for a rough count of events.
            - **One side.** These are White House documents: contacts without the United States are the
              ones the White House mentions.

            ## Exercises

            1. Draw `plots.contact_timeline(contacts, by="actor", top=15)`. Who is busiest, and when?
            2. List Antony Blinken's partners the way the table above lists Biden's. How do they differ?
            3. Which contacts have a `location`? Where did the meetings take place?
            4. Look at `duration_minutes`. Which values are plausible for a call or a meeting, and which
               look like a misread (a "48 hours" that is not the length of a call)?
            5. Count the distinct events with `drop_duplicates(["actor1", "actor2", "date", "kind"])`. How
               much smaller is the table?
        """),
    ]


def your_own_corpus() -> Cells:
    """Cells of 05-your-own-corpus: read a folder, a CSV or JSONL export, errors, Parquet, lexicon."""
    return [
        md("""
            # Your own corpus

            **Question:** how do you point crisislens at a folder of your own articles or a CSV export, find
            the files that failed, keep the tables, and teach it the names of your story?

            **Data:** the bundled `data/articles/` folder, and a small corpus of invented articles (a
            fictional border dispute between Valdoria and Sorvany) that this notebook writes into a
            temporary folder, so nothing is written into the repository.
        """),
        md("""
            ## A folder

            `Corpus.from_paths` takes a file, a folder (read recursively), a glob pattern or a list of them,
            and parses every article. `progress=False` turns off the progress bar, which is useful in a
            notebook whose output is stored.
        """),
        code("""
            %matplotlib inline
            import os
            import tempfile
            import warnings
            from pathlib import Path

            import pandas as pd

            import crisislens
            from crisislens import plots

            # tqdm notes that ipywidgets is missing even when the progress bar is off; nothing is lost
            warnings.filterwarnings("ignore", message="IProgress not found")
            pd.set_option("display.max_colwidth", 100)

            corpus = crisislens.Corpus.from_paths("../data/articles", progress=False)
            corpus
        """),
        code("""
            corpus.articles[["article_id", "published", "path", "n_sentences", "n_words"]]
        """),
        md("""
            ## A folder of your own

            Your articles can be `.txt` or `.md` files (with optional YAML front matter for `title`,
            `published`, `source`, `url`), `.html` pages, or an export with one article per row: a `.csv` or
            `.jsonl` file with the columns `id`, `title`, `published`, `text` (`source` and `url` too; only
            `text` is required).

            We work in a temporary folder and move into it, so that the paths in the tables are short and
            nothing lands in the repository. The articles are invented for this notebook.
        """),
        code("""
            notebooks_folder = Path.cwd()
            workspace = tempfile.TemporaryDirectory(prefix="crisislens-")
            os.chdir(workspace.name)
            Path("my-corpus").mkdir()

            export = pd.DataFrame([
                {"id": "vs-01", "title": "Valdoria accuses Sorvany of massing troops", "published": "2022-05-02",
                 "text": "Valdorian Foreign Minister Anna Berg said on Monday that Sorvany had moved more than "
                         "20,000 troops to the border. \\"We condemn this build-up and demand an immediate "
                         "withdrawal,\\" Berg told reporters. Sorvany denied the claims. President Tomas Reyl of "
                         "Sorvany said his country wanted dialogue and would welcome talks."},
                {"id": "vs-02", "title": "Ministers agree to meet in Geneva", "published": "2022-05-05",
                 "text": "Anna Berg spoke by phone with Sorvany's foreign minister, Lev Marek, on Wednesday. "
                         "The two ministers agreed to meet in Geneva next week. \\"Dialogue is the only way "
                         "forward,\\" Marek said. A senior Valdorian official said up to 5,000 troops had "
                         "already pulled back."},
                {"id": "vs-03", "title": "Geneva talks end without agreement", "published": "2022-05-12",
                 "text": "The foreign ministers of Valdoria and Sorvany met in Geneva on Thursday for three "
                         "hours. Berg said the talks were useful but that no agreement had been reached. Marek "
                         "warned that Sorvany would respond to any provocation."},
            ])
            export.to_csv("my-corpus/export.csv", index=False)
            export[["id", "title", "published"]]
        """),
        md("""
            A text file with front matter, and, to see what happens to bad input, an empty file:
        """),
        code("""
            Path("my-corpus/sorvany-pullback.txt").write_text(
                "---\\n"
                "title: Sorvany pulls back border forces\\n"
                "published: 2022-05-13\\n"
                "---\\n"
                "Sorvany's defence ministry said on Friday that about 8,000 troops would return to their bases. "
                "President Reyl thanked the mediators and said both countries would cooperate on border security.\\n",
                encoding="utf-8",
            )
            Path("my-corpus/notes.txt").write_text("", encoding="utf-8")
            sorted(path.name for path in Path("my-corpus").iterdir())
        """),
        code("""
            mine = crisislens.Corpus.from_paths("my-corpus", progress=False)
            mine
        """),
        md("""
            Four articles: three rows of the export (each with its `id` as `article_id`) and the text file
            (its file name as `article_id`). The empty file did not stop the run: it is a row of `errors`,
            with the reason.
        """),
        code("""
            mine.errors
        """),
        code("""
            mine.articles[["article_id", "title", "published", "path"]]
        """),
        md("""
            The same export as JSON Lines gives the same articles:
        """),
        code("""
            export.to_json("my-export.jsonl", orient="records", lines=True)
            crisislens.Corpus.from_paths("my-export.jsonl", progress=False).articles[["article_id", "title", "published"]]
        """),
        md("""
            ## The tables

            Every table of notebook 01 exists for the whole corpus. Who said what, and how cooperative:
        """),
        code("""
            mine.quotes[["article_id", "speaker", "speaker_kind", "speaker_country", "cue", "stance", "text"]]
        """),
        code("""
            mine.figures[["article_id", "text", "value", "qualifier", "category", "actor", "claimed_by"]]
        """),
        code("""
            mine.contacts[["article_id", "kind", "status", "date", "location", "actor1", "actor2"]]
        """),
        code("""
            mine.actors[["article_id", "actor", "kind", "country", "role"]]
        """),
        md("""
            The people are found by their titles and names, but crisislens has never heard of Valdoria or
            Sorvany: the speakers have no country, Sorvany is taken for a person, and "would welcome talks"
            becomes planned talks between Reyl and "Sorvany". The meeting of the two foreign ministers in
            Geneva is missed, since its parties are the two unknown states. We fix this below with a
            lexicon file.

            ## Keep the tables: Parquet

            `to_parquet` writes one file per table (`to_csv` does the same as CSV); `read_tables` reads a
            folder back with the documented types.
        """),
        code("""
            written = mine.to_parquet("tables")
            sorted(path.name for path in written)
        """),
        code("""
            tables = crisislens.read_tables("tables")
            tables["quotes"].dtypes.head(8)
        """),
        md("""
            ## Ask questions with pandas

            The tables are ordinary DataFrames. The confrontational statements, and the troop figures with
            their hedges:
        """),
        code("""
            quotes = tables["quotes"]
            quotes[quotes.stance <= -0.2][["article_id", "speaker", "stance", "stance_terms"]]
        """),
        code("""
            figures = tables["figures"]
            figures[figures.category == "troops"].merge(tables["articles"][["article_id", "published"]])[
                ["published", "value", "qualifier", "claimed_by"]]
        """),
        md("""
            ## The same charts

            Every chart of notebooks 02 to 04 works on any corpus:
        """),
        code("""
            plots.stance_by_speaker(quotes, min_quotes=1)
        """),
        code("""
            plots.troop_figures(figures, tables["articles"])
        """),
        md("""
            ## Teach it your names: a lexicon file

            States, people, titles and the other language data are CSV files (`crisislens/lexicon/`, see
            its README). Add your own without editing the package: write a file with the same header, named
            after the table it extends, and load it with `load_lexicon`. Our two states take codes ISO
            leaves to users (XAA to XZZ); the people name their state, role, and the dates the role was held
            (empty: open).
        """),
        code("""
            Path("my_states.csv").write_text(
                "actor_id,name,aliases,adjectives\\n"
                "XVA,Valdoria,Republic of Valdoria,Valdorian|Valdorians\\n"
                "XSV,Sorvany,,Sorvanian|Sorvanians\\n",
                encoding="utf-8",
            )
            Path("my_people.csv").write_text(
                "actor_id,name,aliases,role,country,organization,start,end\\n"
                "person:anna-berg,Anna Berg,,Foreign Minister,XVA,,2021-01-01,\\n"
                "person:lev-marek,Lev Marek,,Foreign Minister,XSV,,2020-06-01,\\n"
                "person:tomas-reyl,Tomas Reyl,,President,XSV,,2019-01-01,\\n",
                encoding="utf-8",
            )
            lexicon = crisislens.load_lexicon("my_states.csv", "my_people.csv")
            mine = crisislens.Corpus.from_paths("my-corpus", progress=False, lexicon=lexicon)
            mine.quotes[["article_id", "speaker", "speaker_kind", "speaker_country", "stance"]]
        """),
        md("""
            Now every named speaker has a country, "Marek" and "Berg" are resolved to the full names, and
            Sorvany is a state, which makes its defence ministry's statement a quote of Sorvany. The
            contacts table gains the Geneva meeting, held, three hours long, and loses the false talks:
        """),
        code("""
            mine.contacts[["article_id", "kind", "status", "date", "location", "duration_minutes", "actor1", "actor2"]]
        """),
        md("""
            And the chart by country, which had no country to draw before, now has two bars. (Its labels
            are the codes: the chart names only the bundled states.)
        """),
        code("""
            plots.stance_by_country(mine.quotes, min_quotes=1)
        """),
        md("""
            The same files work on the command line: `crisislens parse my-corpus --out tables --lexicon
            my_states.csv my_people.csv`.

            Last, leave the temporary folder and delete it:
        """),
        code("""
            os.chdir(notebooks_folder)
            workspace.cleanup()
        """),
        md("""
            ## Exercises

            1. Add a fourth row to the export, about the two ministers' next phone call, and read the folder
               again. Does the new contact appear with the right date?
            2. Write a file that is not an article (a `.csv` without a `text` column) into `my-corpus`.
               What does `errors` say?
            3. Write the tables with `to_csv` instead, open `quotes.csv` in a spreadsheet, and read it back
               with `read_tables`. Are the types the same?
            4. Give Lev Marek the alias "Minister Marek" and a second role (Prime Minister from 2022-05-10).
               Which role does each article give him?
            5. Add a stance term of your own (`my_stance_terms.csv`, header `term,family,weight`), for
               example "provocation" as *accuse* with another weight. How do the scores change?
        """),
    ]


BUILDERS: dict[str, Callable[[], Cells]] = {
    "01-one-article": one_article,
    "02-stance": stance,
    "03-troop-numbers": troop_numbers,
    "04-diplomatic-contacts": diplomatic_contacts,
    "05-your-own-corpus": your_own_corpus,
}


def build(name: str, cells: Cells) -> Path:
    """Write notebook ``name`` from ``cells`` and execute it in the notebooks folder."""
    notebook = nbformat.v4.new_notebook()
    # numbered cell ids instead of random ones: a rebuild changes the file only where the content changes
    notebook.cells = [nbformat.v4.new_markdown_cell(src, id=f"cell-{i:02d}") if kind == "md"
                      else nbformat.v4.new_code_cell(src, id=f"cell-{i:02d}")
                      for i, (kind, src) in enumerate(cells)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,  # no timestamps in the file
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    path = NOTEBOOKS / f"{name}.ipynb"
    nbformat.write(notebook, path)
    return path


def selected(names: list[str]) -> list[str]:
    """The notebooks named on the command line (a number such as ``02`` or a full name), or all."""
    if not names:
        return list(BUILDERS)
    chosen = []
    for name in names:
        matches = [n for n in BUILDERS if n == name or n.split("-", 1)[0] == name]
        if not matches:
            sys.exit(f"unknown notebook {name!r}; choose from: {', '.join(BUILDERS)}")
        chosen += [m for m in matches if m not in chosen]
    return chosen


if __name__ == "__main__":
    for name in selected(sys.argv[1:]):
        started = time.perf_counter()
        path = build(name, BUILDERS[name]())
        print(f"{path.relative_to(ROOT)}  ({time.perf_counter() - started:.1f} s)")
