"""Diplomatic contacts: parties, kind, status, date, location, duration, pairs."""

from pathlib import Path

import pandas as pd
import pytest

import crisislens

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "ukraine-border-crisis-blinken.txt"


def contacts_of(text, published="2022-02-13"):
    return crisislens.parse(text, published=published).contacts


def pairs(df):
    return sorted(tuple(sorted((a, b))) for a, b in zip(df.actor1, df.actor2, strict=True))


@pytest.mark.parametrize(("text", "kind", "status", "parties"), [
    ("President Joe Biden spoke with President Vladimir Putin on Saturday.", "call", "held",
     [("Joe Biden", "Vladimir Putin")]),
    ("Chancellor Olaf Scholz met President Emmanuel Macron in Paris.", "meeting", "held",
     [("Emmanuel Macron", "Olaf Scholz")]),
    ("German Chancellor Olaf Scholz is due to meet Russian President Vladimir Putin on Tuesday.", "meeting",
     "planned", [("Olaf Scholz", "Vladimir Putin")]),
    ("Antony Blinken will travel to Kyiv next week to meet President Volodymyr Zelensky.", "visit", "planned",
     [("Antony Blinken", "Ukraine")]),
    ("Russia offered talks with Ukraine to end the fighting.", "talks", "proposed", [("Russia", "Ukraine")]),
    ("Chancellor Olaf Scholz called off his meeting with President Vladimir Putin.", "meeting", "cancelled",
     [("Olaf Scholz", "Vladimir Putin")]),
])
def test_contacts_kind_status_and_parties(text, kind, status, parties):
    contacts = contacts_of(text)
    first = contacts[contacts.contact_id == contacts.contact_id.min()]
    assert (kind, status, parties) == (first.kind.iloc[0], first.status.iloc[0], pairs(first))


def test_contacts_three_parties_give_three_pairs_sharing_an_id():
    contacts = contacts_of("Antony Blinken held talks on Saturday with his Japanese and South Korean counterparts.")
    assert 3 == len(contacts)
    assert 1 == contacts.contact_id.nunique()


def test_contacts_duration_and_date():
    contacts = contacts_of("In an hour-long phone call on Saturday, President Joe Biden told President Vladimir "
                           "Putin the costs would be high.")
    row = contacts.iloc[0]
    assert (60.0, pd.Timestamp("2022-02-12"), "call") == (row.duration_minutes, row.date, row.kind)


def test_contacts_location():
    contacts = contacts_of("President Joe Biden met Chancellor Olaf Scholz in Washington on Monday.")
    assert "Washington" == contacts.location.iloc[0]


def test_contacts_a_month_is_not_a_location():
    contacts = contacts_of("President Joe Biden met Chancellor Olaf Scholz in March.")
    assert contacts.location.isna().all()


def test_contacts_same_contact_twice_is_one():
    text = ("Chancellor Olaf Scholz is due to meet President Vladimir Putin on Tuesday. Berlin expects little "
            "from the talks between Chancellor Olaf Scholz and President Vladimir Putin.")
    assert 1 == contacts_of(text).contact_id.nunique()


@pytest.mark.parametrize("text", [
    "A flurry of meetings and phone calls in recent days yielded nothing.",
    "The United States called for calm in the region.",
    "Washington urged citizens to avoid travel to Ukraine.",
    "President Joe Biden gave a speech on Monday.",
    "The talks ended without result.",
])
def test_contacts_nothing_to_find(text):
    assert [] == contacts_of(text).kind.tolist()


def test_contacts_offsets_match_text():
    article = crisislens.parse(SEED)
    for row in article.contacts.itertuples():
        assert row.text == article.text[row.start:row.end]


def test_contacts_seed_acceptance():
    contacts = crisislens.parse(SEED).contacts
    by_pair = {pair: row for pair, row in zip(pairs(contacts), contacts.sort_values(["actor1"]).itertuples(),
                                                    strict=True)}
    assert {("Antony Blinken", "Japan"), ("Antony Blinken", "South Korea"), ("Joe Biden", "Vladimir Putin"),
            ("Olaf Scholz", "Vladimir Putin")} <= set(by_pair)
    talks = contacts[(contacts.actor1 == "Antony Blinken")]
    assert {"held"} == set(talks.status) and {pd.Timestamp("2022-02-12")} == set(talks.date)
    assert {"Hawaii"} == set(talks.location)  # "after his meeting ... in Hawaii", four sentences later
    call = contacts[(contacts.actor1 == "Joe Biden") & (contacts.actor2 == "Vladimir Putin")].iloc[0]
    assert ("call", "held", pd.Timestamp("2022-02-12"), 60.0) == (call.kind, call.status, call.date,
                                                                 call.duration_minutes)
    meeting = contacts[(contacts.actor1 == "Olaf Scholz")].iloc[0]
    assert ("planned", pd.Timestamp("2022-02-16")) == (meeting.status, meeting.date)


def test_contacts_a_list_of_participants_replaces_the_group_it_names():
    contacts = contacts_of("President Joe Biden held a secure video call with transatlantic leaders today. The "
                           "leaders expressed concern. Participants in the call included Prime Minister Justin "
                           "Trudeau of Canada and President Emmanuel Macron of France.")
    assert 1 == contacts.contact_id.nunique()
    assert {"Joe Biden", "Justin Trudeau", "Emmanuel Macron"} == set(contacts.actor1) | set(contacts.actor2)
    assert {"video call"} == set(contacts.kind)


def test_contacts_a_group_without_a_list_is_a_party_of_its_own():
    contacts = contacts_of("President Joe Biden spoke today with Transatlantic leaders about Ukraine.")
    assert [("Joe Biden", "Transatlantic leaders")] == list(zip(contacts.actor1, contacts.actor2, strict=True))


def test_contacts_separate_calls_reported_together_give_one_contact_per_pair():
    contacts = contacts_of("President Joe Biden spoke today with President Emmanuel Macron of France. They reviewed "
                           "their recent conversations with their Russian and Ukrainian counterparts.")
    later = contacts[contacts.sentence_id == 1]
    assert 4 == later.contact_id.nunique()
    assert [("Emmanuel Macron", "Russia"), ("Emmanuel Macron", "Ukraine"), ("Joe Biden", "Russia"),
            ("Joe Biden", "Ukraine")] == pairs(later)


def test_contacts_a_possessor_makes_the_contacts_and_places_are_the_parties_of_plural_meetings():
    contacts = contacts_of("They discussed President Emmanuel Macron's recent meetings in Russia and Ukraine.")
    assert [("Emmanuel Macron", "Russia"), ("Emmanuel Macron", "Ukraine")] == pairs(contacts)


def test_contacts_a_place_is_not_a_party():
    contacts = contacts_of("Vice President Kamala Harris met today with President Egils Levits of Latvia in Munich, "
                           "Germany.")
    assert [("Egils Levits", "Kamala Harris")] == pairs(contacts)
    assert "Munich, Germany" == contacts.location.iloc[0]


def test_contacts_a_list_of_subjects_all_take_part_and_the_leaders_refers_to_them():
    contacts = contacts_of("Today the leaders – Prime Minister Scott Morrison of Australia, Prime Minister Narendra "
                           "Modi of India and President Joe Biden – convened by video. The leaders agreed to meet "
                           "in person in Tokyo in the coming months.")
    held, planned = (contacts[contacts.status == s] for s in ("held", "planned"))
    assert 3 == len(held) == len(planned)
    assert {"Joe Biden", "Narendra Modi", "Scott Morrison"} == set(planned.actor1) | set(planned.actor2)
    assert "Tokyo" == planned.location.iloc[0]


def test_contacts_this_meeting_refers_back_and_adds_no_contact():
    contacts = contacts_of("Vice President Kamala Harris met today with President Egils Levits of Latvia. This "
                           "meeting was part of the administration's engagement with NATO Allies on Russia.")
    assert 1 == contacts.contact_id.nunique()


def test_contacts_a_readout_dates_its_own_contact_by_publication_day():
    article = crisislens.parse("President Joe Biden spoke with Prime Minister Boris Johnson. They discussed Russia.",
                               published="2022-02-14", title="Readout of President Biden's Call with Prime Minister "
                                                                "Johnson")
    row = article.contacts.iloc[0]
    assert (pd.Timestamp("2022-02-14"), "published") == (row.date, row.date_source)
    plain = crisislens.parse("President Joe Biden spoke with Prime Minister Boris Johnson.", published="2022-02-14")
    assert plain.contacts.date.isna().all()


def test_contacts_a_date_after_publication_makes_a_contact_planned():
    contacts = contacts_of("Jake Sullivan spoke today with Akiba Takeo to prepare for President Joe Biden's meeting "
                           "on January 21 with Prime Minister Fumio Kishida.", published="2022-01-20")
    later = contacts[contacts.text == "meeting"]
    assert [("planned", pd.Timestamp("2022-01-21"))] == list(zip(later.status, later.date, strict=True))
    assert [("Fumio Kishida", "Joe Biden")] == pairs(later)


def test_contacts_what_was_said_in_a_call_adds_no_party():
    contacts = contacts_of("In an hour-long phone call on Saturday, US President Joe Biden told President Vladimir "
                           "Putin the West would respond decisively.")
    assert [("Joe Biden", "Vladimir Putin")] == pairs(contacts)


def test_contacts_questions_press_calls_and_agreements_in_principle():
    assert contacts_of("Will President Joe Biden speak with President Vladimir Putin again?").empty
    assert contacts_of("President Joe Biden joined a press call about President Vladimir Putin's war.").empty
    contacts = contacts_of("President Joe Biden accepted in principle a meeting with President Vladimir Putin.")
    assert ["planned"] == list(contacts.status)


def test_contacts_this_call_opening_a_text_and_hypothetical_contacts():
    assert contacts_of("On this call, officials will explain how President Joe Biden answers President Vladimir "
                       "Putin.").empty
    contacts = contacts_of("We will not set preconditions for a conversation between President Joe Biden and "
                           "President Vladimir Putin.")
    assert ["proposed"] == list(contacts.status)
    held = contacts_of("President Joe Biden held a call with President Vladimir Putin.")
    assert ["held"] == list(held.status)


def test_contacts_cues_come_from_the_lexicon_and_a_user_file_extends_them(tmp_path):
    text = "President Joe Biden shelved his meeting with President Vladimir Putin."
    assert ["held"] == list(contacts_of(text).status)
    (tmp_path / "my_contact_cues.csv").write_text("phrase,kind\nshelved,cancelled\n", encoding="utf-8")
    lexicon = crisislens.load_lexicon(tmp_path / "my_contact_cues.csv")
    article = crisislens.parse(text, published="2022-02-13", lexicon=lexicon)
    assert ["cancelled"] == list(article.contacts.status)


def test_contacts_of_one_state_only_are_not_diplomatic():
    assert contacts_of("President Joe Biden met Vice President Kamala Harris at the White House.").empty
    assert contacts_of("Edward Glaeser met with Janet Currie.").empty
    assert not contacts_of("President Joe Biden met NATO Secretary General Jens Stoltenberg.").empty


def test_contacts_a_person_of_unknown_state_meets_a_state_or_body():
    contacts = contacts_of("Mira Tallis said she visited Ukraine on Monday.")
    assert [("Mira Tallis", "Ukraine")] == pairs(contacts)
    assert contacts_of("Mira Tallis said she met Joe Biden on Monday.").empty  # one known state only


def test_contacts_people_of_a_state_are_no_party_and_went_to_is_a_visit():
    contacts = contacts_of("On Friday, Secretary General Jens Stoltenberg went to Romania and met U.S. troops there.")
    assert [("Jens Stoltenberg", "Romania")] == pairs(contacts)
    assert ["visit"] == list(contacts.kind)


def test_contacts_the_situation_a_call_was_about_is_no_party():
    contacts = contacts_of("President Joe Biden spoke with Chancellor Olaf Scholz on the situation in Russia and "
                           "Ukraine.")
    assert [("Joe Biden", "Olaf Scholz")] == pairs(contacts)


def test_contacts_who_reports_a_contact_is_not_its_subject():
    contacts = contacts_of("I would note that Secretary of State Antony Blinken met Foreign Minister Sergei Lavrov.")
    assert [("Antony Blinken", "Sergei Lavrov")] == pairs(contacts)
    said = contacts_of("President Joe Biden said he spoke with President Vladimir Putin of Russia.")
    assert [("Joe Biden", "Vladimir Putin")] == pairs(said)  # "he" is the one who said it
    other = contacts_of("President Joe Biden said President Vladimir Putin met President Xi Jinping of China.")
    assert [("Vladimir Putin", "Xi Jinping")] == pairs(other)


def test_contacts_a_new_clause_has_its_own_subject_and_him_is_the_last_person_named():
    contacts = contacts_of("President Emmanuel Macron of France is meeting with President Vladimir Putin of Russia "
                           "today, and Chancellor Olaf Scholz of Germany will be meeting with him in the coming weeks.")
    assert [("Emmanuel Macron", "Vladimir Putin"), ("Olaf Scholz", "Vladimir Putin")] == pairs(contacts)
    assert ["held", "planned"] == list(contacts.status)


def test_contacts_a_visit_to_several_states_is_one_visit_each_and_speaking_to_a_point_is_no_call():
    contacts = contacts_of("Secretary of State Antony Blinken visited Ecuador, Colombia and Panama.")
    assert [("Antony Blinken", "Colombia"), ("Antony Blinken", "Ecuador"), ("Antony Blinken", "Panama")] == \
        pairs(contacts)
    assert 3 == contacts.contact_id.nunique()
    assert contacts_of("Chancellor Olaf Scholz spoke to that in an interview with President Vladimir Putin.").empty


def test_contacts_an_accepted_invitation_is_planned():
    contacts = contacts_of("Secretary of State Antony Blinken has accepted the invitation to have a meeting with "
                           "Foreign Minister Sergei Lavrov next Wednesday.", published="2022-02-18")
    assert ["planned"] == list(contacts.status)


def test_contacts_this_call_with_named_parties_did_meet_and_a_visit_by_leaders_of_states():
    contacts = contacts_of("During this call with President Emmanuel Macron of France and Chancellor Olaf Scholz of "
                           "Germany, they discussed Russia.")
    assert [("Emmanuel Macron", "Olaf Scholz")] == pairs(contacts)
    did = contacts_of("Secretary of State Antony Blinken did meet with Foreign Minister Sergei Lavrov.")
    assert ["held"] == list(did.status)
    visit = contacts_of("The prime ministers of Poland, Slovenia and the Czech Republic visited Kyiv last week.")
    assert ("Poland", "Ukraine") in pairs(visit) and set(visit.kind) == {"visit"}
    assert contacts_of("Poland and Slovenia advised against travel to Kyiv.").empty
    talks = crisislens.parse("The President had a lengthy discussion with President Xi Jinping of China on Friday.",
                             published="2022-03-21", title="Press Briefing by Press Secretary Jen Psaki").contacts
    assert [("talks", "Joe Biden", "Xi Jinping")] == list(zip(talks.kind, talks.actor1, talks.actor2, strict=True))


def test_contacts_attending_a_conference_or_summit_is_a_meeting_with_it():
    contacts = contacts_of("Vice President Kamala Harris attended the Munich Security Conference.")
    assert [("Kamala Harris", "Munich Security Conference")] == pairs(contacts)
    planned = contacts_of("President Joe Biden will attend the NATO summit in Brussels on Thursday.",
                          published="2022-03-21")
    assert [("planned", "Joe Biden", "NATO")] == list(zip(planned.status, planned.actor1, planned.actor2, strict=True))
    assert contacts_of("Secretary Antony Blinken attended a meeting of the Cabinet.").empty


def test_contacts_her_visit_is_the_visit_of_the_last_person_named():
    contacts = contacts_of("Secretary of State Antony Blinken thanked the people for their welcome. He recalled "
                           "his visit to Guatemala last year.")
    assert [("Antony Blinken", "Guatemala")] == pairs(contacts)  # pronouns know no gender: the last person


def test_contacts_a_group_of_states_gives_its_members_and_a_verb_needs_a_subject():
    contacts = contacts_of("National Security Advisor Jake Sullivan spoke today with his Nordic counterparts.")
    assert {"Denmark", "Finland", "Iceland", "Norway", "Sweden", "Jake Sullivan"} == \
        set(contacts.actor1) | set(contacts.actor2)
    assert 1 == contacts.contact_id.nunique()  # one call with five counterparts
    normandy = contacts_of("The Normandy format talks were held in Paris.")
    assert {"France", "Germany", "Russia", "Ukraine"} == set(normandy.actor1) | set(normandy.actor2)
    assert contacts_of("We met with our Polish and Baltic counterparts.").empty  # who "we" are is not known


def test_contacts_state_groups_come_from_the_lexicon(tmp_path):
    (tmp_path / "my_state_groups.csv").write_text("group,members\nLowland,BEL|NLD\n", encoding="utf-8")
    lexicon = crisislens.load_lexicon(tmp_path / "my_state_groups.csv")
    article = crisislens.parse("Chancellor Olaf Scholz met his Lowland counterparts.", published="2022-02-13",
                               lexicon=lexicon)
    assert {"Belgium", "Netherlands", "Olaf Scholz"} == set(article.contacts.actor1) | set(article.contacts.actor2)


def test_contacts_a_list_of_bodies_after_a_plural_noun_is_one_contact_each():
    contacts = contacts_of("President Joe Biden will hold meetings with NATO leaders, the G7, the European Union in "
                           "Brussels.")
    assert [("European Union", "Joe Biden"), ("G7", "Joe Biden"), ("Joe Biden", "NATO")] == pairs(contacts)


def test_contacts_during_the_visit_takes_the_visits_date_and_spending_time_with_is_meeting():
    contacts = contacts_of("On March 14, Secretary of State Antony Blinken travelled to Pristina, Kosovo. During the "
                           "visit, Blinken met with Kosovo President Vjosa Osmani-Sadriu.", published="2022-03-19")
    met = contacts[contacts.text == "met with"]
    assert [pd.Timestamp("2022-03-14")] == list(met.date)
    spent = contacts_of("President Joe Biden has spent some time with President Xi Jinping of China.")
    assert ["meeting"] == list(spent.kind)


def test_contacts_goals_are_not_met_and_a_meeting_in_a_place_stops_at_the_place():
    assert contacts_of("President Joe Biden and President Andrzej Duda of Poland agreed to meet our climate "
                       "goals.").empty
    contacts = contacts_of("President Joe Biden spoke of his meetings this week in Belgium, and the assistance the "
                           "United States is providing to Ukraine.")
    assert "Ukraine" not in set(contacts.actor1) | set(contacts.actor2)


def test_contacts_negated_and_expected_contacts():
    assert contacts_of("President Joe Biden did not meet President Vladimir Putin in Geneva.").empty
    assert contacts_of("President Joe Biden never met President Vladimir Putin.").empty
    expected = contacts_of("President Joe Biden expects to meet President Vladimir Putin next week.")
    assert [("planned", "Joe Biden", "Vladimir Putin")] == list(zip(expected.status, expected.actor1, expected.actor2,
                                                                 strict=True))


def test_contacts_two_groups_in_one_phrase_and_a_lexicon_without_group_nouns(tmp_path):
    contacts = contacts_of("Secretary of State Antony Blinken met his Nordic and Baltic counterparts.")
    assert {"Estonia", "Sweden"} <= set(contacts.actor2)
    (tmp_path / "my_state_groups.csv").write_text("group,members\nLowland,BEL|NLD\n", encoding="utf-8")
    lexicon = crisislens.load_lexicon(tmp_path / "my_state_groups.csv", bundled=False)
    article = crisislens.parse("Chancellor Olaf Scholz met the Lowland press.", published="2022-02-13",
                               lexicon=lexicon)
    assert article.contacts.empty


def test_contacts_unable_to_host_is_cancelled_and_a_month_dates_a_contact():
    cancelled = contacts_of("Vice President Kamala Harris will be unable to host Taoiseach Micheál Martin of Ireland.")
    assert ["cancelled"] == list(cancelled.status)
    visit = contacts_of("Building on the Vice President's August 2021 visit to Singapore, Vice President Kamala "
                        "Harris met Prime Minister Lee Hsien Loong.", published="2022-03-29")
    august = visit[visit.text == "visit"]
    assert [(pd.Timestamp("2021-08-01"), "August 2021")] == list(zip(august.date, august.date_text, strict=True))


def test_contacts_he_is_the_last_person_named_and_the_date_of_the_terms_clause():
    contacts = contacts_of("Secretary of State Antony Blinken arrived in Kyiv. He was meeting with Ukrainian officials a "
                           "couple of days ago, and he's meeting with his Russian counterpart tomorrow.",
                           published="2022-01-20")
    russia = contacts[contacts.actor2 == "Russia"]
    assert [("Antony Blinken", "planned", pd.Timestamp("2022-01-21"))] == \
        list(zip(russia.actor1, russia.status, russia.date, strict=True))
    assert contacts_of("President Joe Biden talked about the possibility of another summit with President "
                       "Vladimir Putin.").status.tolist() == ["proposed"]


def test_contacts_both_as_a_conjunction_does_not_repeat_the_last_contact():
    contacts = contacts_of("President Joe Biden spoke with President Vladimir Putin. We have been transparent, both in "
                           "our briefings and in our conversations with our European partners.")
    assert [("Joe Biden", "Vladimir Putin")] == pairs(contacts)


def test_contacts_met_with_consequences_is_no_meeting_and_this_morning_and_travelling_are_understood():
    assert contacts_of("An invasion of Ukraine by Russia would be met with swift and severe consequences.").empty
    spoke = contacts_of("Secretary of State Antony Blinken spoke this morning with Foreign Minister Sergei Lavrov.")
    assert [("Antony Blinken", "Sergei Lavrov")] == pairs(spoke)
    travelling = contacts_of("Prime Minister Boris Johnson is now traveling to Ukraine.")
    assert [("visit", "Boris Johnson", "Ukraine")] == list(zip(travelling.kind, travelling.actor1, travelling.actor2,
                                                               strict=True))


def test_contacts_him_is_whom_the_last_contact_was_with_and_a_role_of_a_named_state_is_its_holder():
    contacts = contacts_of("European allies have been talking with President Vladimir Putin of Russia. President "
                           "Emmanuel Macron of France has spoken with him twice. The Italian Prime Minister has spoken "
                           "with him.", published="2022-02-01")
    assert {("Emmanuel Macron", "Vladimir Putin"), ("Mario Draghi", "Vladimir Putin")} <= set(pairs(contacts))
    assert contacts_of("The former President spoke with President Vladimir Putin.").empty  # not a holder


def test_contacts_a_hyphenated_pair_before_a_contact_noun_is_its_parties():
    contacts = contacts_of("The U.S.-Russia talks in Geneva ended on Monday.", published="2022-01-12")
    assert [("talks", "Russia", "United States")] == [(k, *sorted((a, b))) for k, a, b in
                                                      zip(contacts.kind, contacts.actor1, contacts.actor2, strict=True)]


def test_contacts_a_readout_dates_a_later_contact_of_the_same_people_by_the_occasion():
    article = crisislens.parse(
        "President Joe Biden met today with Prime Minister Jonas Gahr Store of Norway. They discussed energy. "
        "National Security Advisor Jake Sullivan also met separately with Prime Minister Store.",
        published="2022-01-27", title="Readout of President Biden's Meeting with Prime Minister Store of Norway")
    later = article.contacts[article.contacts.actor1.eq("Jake Sullivan") | article.contacts.actor2.eq("Jake Sullivan")]
    assert [(pd.Timestamp("2022-01-27"), "earlier")] == list(zip(later.date, later.date_source, strict=True))
    # Outside a readout, and for a contact with a state, nothing is carried over.
    plain = crisislens.parse("Joe Biden met today with Jonas Gahr Store. Jake Sullivan also met with Jonas Gahr Store.",
                             published="2022-01-27").contacts
    assert plain[plain.actor1.eq("Jake Sullivan") | plain.actor2.eq("Jake Sullivan")].date.isna().all()


def test_contacts_a_span_longer_than_a_month_gives_no_date_and_looking_forward_is_planned():
    contacts = contacts_of("President Joe Biden thanked Prime Minister Naftali Bennett for his invitation to visit Israel "
                           "and said he looks forward to a visit later this year.", published="2022-02-06")
    assert not contacts.empty
    assert contacts.date.isna().all()
    assert set(contacts.status) == {"planned"}


def test_contacts_the_one_invited_visits_and_welcoming_an_invitation_plans_the_visit():
    contacts = contacts_of("President Joe Biden welcomed Prime Minister Fumio Kishida's invitation to visit Japan.",
                           published="2022-01-21")
    assert [("visit", "planned", "Japan", "Joe Biden")] == [
        (k, s, *sorted((a, b))) for k, s, a, b in zip(contacts.kind, contacts.status, contacts.actor1,
                                                      contacts.actor2, strict=True)]


def test_contacts_meetings_during_a_visit_are_part_of_it():
    article = crisislens.parse(
        "Foreign Minister Ann Linde of Sweden led a delegation to Pristina, Kosovo, on Monday. During the visit, "
        "Linde met with Kosovo President Vjosa Osmani.", published="2022-03-19")
    contacts = article.contacts
    assert {"visit", "meeting"} == set(contacts.kind)
    assert 1 == contacts.contact_id.nunique()
    assert ("Ann Linde", "Vjosa Osmani") in set(zip(contacts.actor1, contacts.actor2, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    ("I think Prime Minister Narendra Modi called President Vladimir Putin yesterday.",
     [("call", "Narendra Modi", "Vladimir Putin")]),
    ("President Joe Biden called Vladimir Putin a war criminal.", []),  # naming, not calling
    ("The so-called Normandy format is a channel.", []),
    ("President Joe Biden sat down with Chancellor Olaf Scholz on Monday.", [("meeting", "Joe Biden", "Olaf Scholz")]),
    ("Vice President Kamala Harris is headed to the Munich Security Conference this week.",
     [("visit", "Kamala Harris", "Munich Security Conference")]),
])
def test_contacts_called_sat_down_and_headed_to(text, expected):
    contacts = contacts_of(text, published="2022-02-15")
    assert expected == list(zip(contacts.kind, contacts.actor1, contacts.actor2, strict=True))


def test_actors_secretary_and_a_surname_is_a_titled_person():
    mentions = crisislens.parse("Secretary Blinken met Secretary Granholm.", published="2022-02-15").mentions
    assert ["Antony Blinken", "Granholm"] == mentions.actor.tolist()


@pytest.mark.parametrize(("text", "expected"), [
    ("Samantha Power, the head of USAID, is on the ground in Poland.", [("visit", "Samantha Power", "Poland")]),
    ("President Joe Biden is in Warsaw today.", [("visit", "Joe Biden", "Poland")]),
    ("The launches by Kim Jong Un are in violation of United Nations Security Council resolutions.", []),
    ("President Joe Biden does not want to go to war with Russia.", []),
])
def test_contacts_being_in_a_foreign_place_is_a_visit(text, expected):
    contacts = contacts_of(text, published="2022-02-16")
    assert expected == list(zip(contacts.kind, contacts.actor1, contacts.actor2, strict=True))


def test_contacts_a_question_that_first_states_a_contact_and_this_call_with_lists_its_parties():
    stated = contacts_of("Given that the prime ministers of Poland and Slovenia visited Kyiv last week, can you "
                         "talk about it?", published="2022-03-21")
    assert {"Poland", "Slovenia", "Ukraine"} == set(stated.actor1) | set(stated.actor2)
    assert contacts_of("Will President Joe Biden meet President Vladimir Putin?").empty
    joined = contacts_of("President Joe Biden held a call this morning with European leaders. During this call "
                         "with President Emmanuel Macron of France and Chancellor Olaf Scholz of Germany, they "
                         "discussed Russia.", published="2022-03-21")
    assert 1 == joined.contact_id.nunique()
    assert {"Joe Biden", "Emmanuel Macron", "Olaf Scholz"} == set(joined.actor1) | set(joined.actor2)


@pytest.mark.parametrize("text", [
    "We call on the international community to do the same.",
    "The United States and France are committed to meeting the goals of the Paris Agreement.",
])
def test_contacts_calling_on_and_meeting_goals_are_no_contacts(text):
    assert contacts_of(text, published="2022-03-20").empty


def test_contacts_her_visit_refers_to_the_visit_just_told():
    contacts = contacts_of("Vice President Kamala Harris will travel to Warsaw, Poland on Wednesday. Her visit will "
                           "demonstrate the strength of the NATO Alliance in the face of Russian aggression.",
                           published="2022-03-04")
    assert [("visit", "Kamala Harris", "Poland")] == list(zip(contacts.kind, contacts.actor1, contacts.actor2,
                                                               strict=True))


def test_contacts_a_news_agency_is_no_party():
    contacts = contacts_of("The AFP News Agency reports that Ukraine proposes a summit with President Joe Biden.",
                           published="2022-01-14")
    assert "Agence France-Presse" not in set(contacts.actor1) | set(contacts.actor2)


def test_contacts_whom_a_contact_was_with_is_not_the_subject_of_the_next():
    contacts = contacts_of("Vice President Kamala Harris arrived in Munich. Following a meeting with Secretary General "
                           "Jens Stoltenberg, she met with the leaders of Latvia and Estonia.", published="2022-02-18")
    groups = [set(g.actor1) | set(g.actor2) for _, g in contacts.groupby("contact_id")]
    assert {"Kamala Harris", "Latvia", "Estonia"} in groups
    assert not any({"Jens Stoltenberg", "Latvia"} <= g for g in groups)
    listed = contacts_of("On Saturday Vice President Kamala Harris has a bilateral meeting with President Volodymyr "
                         "Zelensky of Ukraine, a bilateral meeting with Chancellor Olaf Scholz of Germany.",
                         published="2022-02-18")
    assert not any(("Olaf Scholz" in pair and ("Ukraine" in pair or "Volodymyr Zelensky" in pair))
                   for pair in zip(listed.actor1, listed.actor2, strict=True))


def test_contacts_a_number_of_times_stands_inside_a_contact_verb():
    contacts = contacts_of("President Joe Biden has spoken a number of times with President Volodymyr Zelensky.")
    assert [("Joe Biden", "Volodymyr Zelensky")] == list(zip(contacts.actor1, contacts.actor2, strict=True))


def test_contacts_an_opening_phrase_ends_at_its_comma():
    contacts = contacts_of("During her meetings with the leaders of Poland and Romania, Vice President Kamala Harris "
                           "will advance our coordination in response to Russia's invasion of Ukraine.",
                           published="2022-03-04")
    parties = set(contacts.actor1) | set(contacts.actor2)
    assert {"Poland", "Romania"} <= parties and not {"Russia", "Ukraine"} & parties


def test_contacts_a_presence_told_in_the_present_is_dated_by_publication():
    contacts = contacts_of("Samantha Power, the head of USAID, is on the ground in Poland.", published="2022-02-28")
    assert [(pd.Timestamp("2022-02-28"), "published")] == list(zip(contacts.date, contacts.date_source, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    ("President Joe Biden called President Volodymyr Zelensky the following day.",
     [("Joe Biden", "Volodymyr Zelensky")]),
    ("President Joe Biden called President Emmanuel Macron an hour later.", [("Joe Biden", "Emmanuel Macron")]),
    ("Solidarity with Ukraine\n\nPresident Joe Biden spoke with President Volodymyr Zelensky on Saturday.",
     [("Joe Biden", "Volodymyr Zelensky")]),
    ("Prime Minister Boris Johnson visited war-torn Kyiv on Saturday.", [("Boris Johnson", "Ukraine")]),
    ("Will President Joe Biden meet with President Vladimir Putin, and will he travel to Geneva?", []),
])
def test_contacts_review_cases(text, expected):
    contacts = contacts_of(text, published="2022-02-20")
    assert expected == list(zip(contacts.actor1, contacts.actor2, strict=True))


def test_contacts_many_contacts_in_one_article_take_linear_time():
    import time
    text = " ".join(f"The Ministry of Defense of Ruritania{i} met Minister Anna Berg{i} and the Office of Trade{i}."
                    for i in range(3000))
    started = time.perf_counter()
    contacts_of(text, published="2022-01-01")
    assert time.perf_counter() - started < 15  # about 2 s here; before the index of contacts by parties, 6 s


def test_contacts_welcoming_a_guest_to_a_place_and_a_dash_ends_a_clause():
    contacts = contacts_of("President Joe Biden looks forward to welcoming President Iván Duque Márquez of the "
                           "Republic of Colombia to the White House on March 10, 2022.", published="2022-03-02")
    assert [("planned", pd.Timestamp("2022-03-10"), "Joe Biden", "Iván Duque Márquez")] == list(zip(
        contacts.status, contacts.date, contacts.actor1, contacts.actor2, strict=True))
    assert contacts_of("We welcome the decision of the Council.").empty
    dashed = contacts_of("Secretary Antony Blinken said it — and on Thursday — President Joe Biden will welcome "
                         "Chancellor Olaf Scholz to the White House.", published="2022-02-01")
    assert [("Joe Biden", "Olaf Scholz")] == list(zip(dashed.actor1, dashed.actor2, strict=True))


def test_contacts_a_noun_that_refers_back_gives_the_contact_its_place():
    contacts = contacts_of("Antony Blinken held talks with Japan on Saturday. Russia massed troops. Blinken spoke "
                           "after his meeting in Hawaii.", published="2022-02-13")
    assert {"Hawaii"} == set(contacts.location)
    kept = contacts_of("Antony Blinken held talks with Japan in Tokyo on Saturday. Blinken spoke after his meeting "
                       "in Hawaii.", published="2022-02-13")
    assert {"Tokyo"} == set(kept.location)  # a place of its own is kept
