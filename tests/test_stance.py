"""Stance: terms by family, negation, averting words, hedges, intensifiers, names, quotes and summaries."""

from pathlib import Path

import pandas as pd
import pytest

import crisislens
from crisislens.lexicon import load_lexicon
from crisislens.stance import by_day, quote_stance, score_stance, stance_label, summarise

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ukraine-border-crisis-blinken.txt"


@pytest.mark.parametrize(("text", "label"), [
    ("The diplomatic path remains open and we welcome the talks.", "cooperative"),
    ("Both sides agreed to a ceasefire and pledged to de-escalate.", "cooperative"),
    ("We stand with Ukraine and will send humanitarian aid.", "cooperative"),
    ("We strongly condemn the invasion and will impose severe costs.", "confrontational"),
    ("Moscow accused Kyiv of provocations and threatened retaliation.", "confrontational"),
    ("The ministers met in Geneva on Tuesday.", "neutral"),
    ("The report lists the schedule for next week.", "neutral"),
])
def test_stance_labels_plain_statements(text, label):
    assert label == stance_label(score_stance(text).score)


def test_stance_negation_reverses_and_weakens():
    plain, negated = score_stance("They expect an agreement."), score_stance("They did not expect an agreement.")
    assert plain.score > 0 > negated.score
    assert abs(negated.score) < plain.score
    assert ("not",) == negated.terms[0].modifiers


def test_stance_negation_reaches_six_words_back_within_the_clause():
    assert score_stance("Berlin did not expect concrete results from the talks.").score < 0
    assert score_stance("Berlin was hopeful, not tired, and expected results from the talks.").score > 0


def test_stance_averting_a_conflict_is_cooperative_but_averting_talks_is_not_reversed():
    assert score_stance("We must do everything to avoid a war.").score > 0
    assert score_stance("They decided to end the talks.").score >= 0


def test_stance_hedges_weaken_and_intensifiers_strengthen():
    plain = score_stance("They condemn the move.").score
    assert abs(score_stance("They might condemn the move.").score) < abs(plain)
    assert abs(score_stance("They strongly condemn the move.").score) > abs(plain)


def test_stance_terms_inside_names_do_not_fire():
    assert 0 == score_stance("Staff of the Organization for Security and Cooperation in Europe left.").score
    assert score_stance("Cooperation is the answer.").score > 0


def test_stance_explanation_lists_what_fired():
    stance = score_stance("We condemn the attack.")
    assert "condemn (protest -0.80); attack (assault -0.60)" == stance.explanation
    assert stance.score == round(-1.4 / 2.4, 4)
    assert score_stance("").explanation is None


def test_stance_of_a_quote_counts_its_cue():
    content = "Russia of massing troops near the border"
    assert quote_stance(content, "accused").score < score_stance(content).score
    assert quote_stance(content, "said").score == score_stance(content).score


def test_stance_uses_a_user_lexicon(tmp_path):
    (tmp_path / "my_stance_terms.csv").write_text("term,family,weight\nfrobnicate*,cooperate,0.9\n", encoding="utf-8")
    lexicon = load_lexicon(tmp_path / "my_stance_terms.csv")
    assert score_stance("They frobnicated.", lexicon=lexicon).score > 0.4
    assert 0 == score_stance("They frobnicated.").score


def test_seed_blinken_is_more_cooperative_than_biden_and_the_casualty_sentence_is_not_positive():
    article = crisislens.parse(SEED)
    quotes = article.quotes
    blinken = quotes[quotes.text.str.contains("diplomatic road remains open")].stance.iloc[0]
    biden = quotes[quotes.text.str.contains("respond decisively")].stance.iloc[0]
    assert blinken >= 0.3 and biden <= -0.3
    casualties = article.sentences[article.sentences.text.str.contains("has killed")]
    assert (casualties.stance < 0).all()
    assert casualties.stance_terms.notna().all()


def test_summarise_and_by_day_count_the_evidence():
    article = crisislens.parse(SEED)
    by_speaker = summarise(article.quotes)
    assert {"speaker", "n", "stance", "stance_sd", "tone", "cooperative", "neutral", "confrontational"} == set(
        by_speaker.columns)
    assert len(article.quotes.dropna(subset=["speaker"])) == by_speaker.n.sum()
    assert (by_speaker.n == by_speaker.cooperative + by_speaker.neutral + by_speaker.confrontational).all()
    days = by_day(article.quotes, article.info)
    assert set(days.day) <= {pd.Timestamp("2022-02-12"), pd.Timestamp("2022-02-13")}
    assert len(article.quotes) == days.n.sum()


def test_stance_topic_words_weaken_what_is_only_talked_about():
    made = score_stance("Russia poses a threat to Ukraine.").score
    reported = score_stance("The leaders discussed the threat posed by Russia to Ukraine.").score
    assert made < reported < 0
    assert "discussed" in score_stance("They discussed the threat.").terms[-1].modifiers


def test_stance_terms_in_quotation_marks_and_hyphenated_words_fire():
    assert ["absolutely right"] == [t.text for t in score_stance("He was 'absolutely right' about it.").terms]
    assert ["genius"] == [t.text for t in score_stance("He called him ''a genius'' again.").terms]
    assert ["de-escalation"] == [t.text for t in score_stance("They sought de-escalation.").terms]


def test_a_title_case_headline_is_not_taken_for_a_name():
    from crisislens.stance import score_stance
    assert score_stance("The Absurd Double Standard Clinton And Trump Face").score < 0
    # inside a sentence, a capitalised run is still a name
    assert score_stance("The Organization for Security and Cooperation in Europe met on Monday.").score == 0


def test_nouns_that_name_people_are_not_acts_of_support():
    from crisislens.stance import score_stance
    assert score_stance("He urged his supporters to watch the polls.").score <= 0
    assert score_stance("We support Ukraine.").score > 0
    assert score_stance("Our friendship is strong.").score > 0


def test_not_only_is_no_negation_and_curly_apostrophes_match_lexicon_terms():
    terms = score_stance("They sent not only humanitarian assistance but also doctors.").terms
    assert terms and all(t.weight > 0 and "not" not in t.modifiers for t in terms)
    assert score_stance("I don’t buy that.").score == score_stance("I don't buy that.").score < 0


def test_an_object_word_after_aid_or_support_makes_it_domestic_policy():
    partner, programme = score_stance("We will help Ukraine."), score_stance("We will help schools reopen.")
    assert stance_label(partner.score) == "cooperative"
    assert stance_label(programme.score) == "neutral"
    assert programme.terms[0].modifiers == ("schools",)
    # only the three words after the term and in its clause count
    assert score_stance("We will help them, and schools reopen.").score == partner.score
    # object words leave other families alone
    assert score_stance("They attacked schools.").terms[0].modifiers == ()


def test_object_modifiers_come_from_the_lexicon(tmp_path):
    terms = tmp_path / "stance_terms.csv"
    terms.write_text("term,family,weight\nback*,support,0.6\n", encoding="utf-8")
    modifiers = tmp_path / "stance_modifiers.csv"
    modifiers.write_text("word,kind,factor\nfarms,object,0.1\n", encoding="utf-8")
    lexicon = load_lexicon(terms, modifiers)
    assert score_stance("We back farms.", lexicon=lexicon).terms[0].weight == pytest.approx(0.06)
    assert score_stance("We back allies.", lexicon=lexicon).terms[0].weight == pytest.approx(0.6)


def test_a_partner_named_before_the_object_word_keeps_the_aid_cooperative():
    assert score_stance("We will help Ukraine's economy.").terms[0].modifiers == ()
    assert score_stance("We will help the economy.").terms[0].modifiers == ("economy",)


def test_a_little_is_no_negation_but_little_is():
    assert score_stance("He was a little desperate.").score < 0
    assert score_stance("There was little agreement.").score < 0 < score_stance("There was agreement.").score


def test_a_programme_announced_at_home_is_not_an_act_of_cooperation():
    programme = score_stance("The Department announced new grants to help rural hospitals.")
    abroad = score_stance("The Department announced new assistance for the people of Afghanistan.")
    assert stance_label(programme.score) == "neutral"
    assert "announced" in programme.terms[0].modifiers
    assert stance_label(abroad.score) == "cooperative"
    # a programme word weakens cooperation only: announced sanctions stay confrontational
    assert stance_label(score_stance("The Treasury announced sanctions on the regime.").score) == "confrontational"


def test_a_verb_of_domestic_policy_after_help_is_an_object_unless_a_partner_is_named():
    assert score_stance("This will help lower prices.").terms[0].modifiers == ("lower",)
    assert score_stance("This will help rebuild Ukraine's economy.").terms[0].modifiers == ()


def test_review_cases_of_the_programme_object_and_topic_modifiers():
    # a programme word and a topic word both count (one of each)
    reported = score_stance("The ministers announced they had discussed the threat posed by Russia.")
    assert reported.terms[-1].modifiers == ("discussed",)
    # a place that stands for a state names a partner
    assert score_stance("NATO allies are providing support to Kyiv, they announced.").terms[0].modifiers == ()
    assert score_stance("They announced new support to Kyiv.").terms[0].modifiers == ()
    # a pronoun of others after aid or support names a partner
    assert score_stance("We will help them rebuild.").terms[0].modifiers == ()
    # "in the face of" is matched whole: "the face of the earth" is no topic
    assert "in the face of" in score_stance("We stand with them in the face of aggression.").terms[-1].modifiers
    assert score_stance("They will wipe it off the face of the earth and destroy it.").terms[-1].modifiers == ()


def test_review_cases_of_new_terms():
    assert score_stance("Negotiators are hammering out the details of a ceasefire.").score > 0
    assert score_stance("Russia may be forced to sue for peace.").score > 0
    assert score_stance("We will fight to the end.").score < -0.3
    assert score_stance("A warm winter is expected.").terms == ()


def test_bundled_stance_terms_are_listed_once():
    from crisislens.lexicon import default_lexicon
    terms = [row["term"].lower() for row in default_lexicon().table("stance_terms")]
    assert len(terms) == len(set(terms))
