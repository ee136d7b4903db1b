"""Voices: who says "I" and "you" in transcripts, direct quotes and documents whose title names the speaker."""

import pandas as pd
import pytest

import crisislens
from crisislens.lexicon import default_lexicon
from crisislens.voices import title_speaker

LEXICON = default_lexicon()


def white_house(text, title=None, published="2022-02-18"):
    """An article of the White House's site: a document that speaks for the United States."""
    return crisislens.parse(crisislens.Document("doc", text, title=title, published=pd.Timestamp(published),
                                                url="https://www.whitehouse.gov/briefing-room/x/"))


def pairs(df):
    return sorted(tuple(sorted((a, b))) for a, b in zip(df.actor1, df.actor2, strict=True))


@pytest.mark.parametrize(("title", "speaker"), [
    ("Remarks by President Biden Providing an Update on Russia and Ukraine", "Joe Biden"),  # title case runs on
    ("Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake Sullivan's Call", "Emily Horne"),
    ("Remarks by Vice President Harris at the Munich Security Conference", "Kamala Harris"),
    ("Remarks by President Biden and President Andrzej Duda of Poland", None),  # two speakers
    ("Readout of President Biden's Call with President Zelenskyy of Ukraine", None),  # not spoken by Biden
    ("Statement by the Press Secretary on the Visit of President Yoon Suk-yeol of the Republic of Korea", None),
    (None, None),
])
def test_title_speaker(title, speaker):
    found = title_speaker(title, lexicon=LEXICON)
    assert speaker == (found.actor if found is not None else None)


def test_i_in_a_document_whose_title_names_its_speaker_is_that_speaker():
    article = crisislens.parse("This weekend I spoke again with President Vladimir Putin of Russia.",
                               published="2022-02-15", title="Remarks by President Biden on Russia and Ukraine")
    contacts = article.contacts
    assert [("Joe Biden", "Vladimir Putin")] == pairs(contacts)
    # "this weekend" in a past clause of a Tuesday is the weekend just gone
    assert [("held", pd.Timestamp("2022-02-12"))] == list(zip(contacts.status, contacts.date, strict=True))
    untitled = crisislens.parse("This weekend I spoke again with President Vladimir Putin of Russia.",
                                published="2022-02-15")
    assert untitled.contacts.empty  # nobody is known to speak


def test_a_role_label_takes_the_person_the_title_names():
    text = "THE PRESIDENT: Good afternoon. I spoke with Chancellor Olaf Scholz of Germany this morning."
    article = crisislens.parse(text, published="2022-02-15", title="Remarks by President Biden on Ukraine")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert ["Joe Biden"] == list(turns.speaker)  # one labelled turn is a transcript when its label is a person
    assert [("Joe Biden", "Olaf Scholz")] == pairs(article.contacts)


def test_two_speakers_address_each_other_and_you_and_i_are_the_parties():
    text = ("VICE PRESIDENT HARRIS: Mr. Secretary General, thank you. As I mentioned to you, I look forward to "
            "our meeting.\n\n"
            "SECRETARY GENERAL STOLTENBERG: Thank you. You and I met in Washington last year.\n\n"
            "VICE PRESIDENT HARRIS: Thank you.")
    article = crisislens.parse(text, published="2022-02-18")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert ["Jens Stoltenberg", "Kamala Harris", "Jens Stoltenberg"] == list(turns.addressee)
    contacts = article.contacts  # the meeting ahead, and the one of last year
    assert [("Jens Stoltenberg", "Kamala Harris")] * 2 == pairs(contacts)
    assert ["planned", "held"] == list(contacts.status)


def test_i_inside_a_direct_quote_is_its_speaker():
    text = ('"I met President Emmanuel Macron in Paris," Chancellor Olaf Scholz said.')
    assert [("Emmanuel Macron", "Olaf Scholz")] == pairs(crisislens.parse(text, published="2022-02-15").contacts)


def test_you_without_a_known_addressee_is_no_party():
    text = "I want to talk with you about Russia."
    article = crisislens.parse(text, published="2022-02-15", title="Remarks by President Biden")
    assert article.contacts.empty


def test_the_president_in_a_briefing_is_the_president_of_the_speakers_state():
    text = ("MS. PSAKI: As you know, the President spoke with President Emmanuel Macron of France yesterday, and "
            "our Secretary of State will meet Foreign Minister Sergei Lavrov.\n\n"
            "Q: Thank you.")
    article = crisislens.parse(text, published="2022-02-18", title="Press Briefing by Press Secretary Jen Psaki")
    assert [("Antony Blinken", "Sergei Lavrov"), ("Emmanuel Macron", "Joe Biden")] == pairs(article.contacts)
    # "the President of the European Commission" says whose president it is
    text = ("Jake Sullivan held a video call with Bjoern Seibert, Head of Cabinet of the President of the European "
            "Commission.")
    article = crisislens.parse(text, published="2022-02-11", title="Readout of Jake Sullivan's Video Call")
    assert "Joe Biden" not in set(article.contacts.actor1) | set(article.contacts.actor2)


def test_with_three_speakers_a_title_called_out_names_the_addressee():
    text = ("PRESIDENT BIDEN: Thank you. As you and I have spoken before, Mr. President, unity matters.\n\n"
            "ADMINISTRATOR POWER: Thank you.\n\n"
            "PRESIDENT DUDA: Mr. President, it is a sign and a message that you care about the security of "
            "Poland.")
    article = crisislens.parse(text, published="2022-03-25", title="Remarks by President Biden and President "
                                                                    "Andrzej Duda of Poland")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert ["Andrzej Duda", None, "Joe Biden"] == [None if pd.isna(a) else a for a in turns.addressee]
    assert [("Andrzej Duda", "Joe Biden")] == pairs(article.contacts)  # "you and I have spoken"; not the message
    assert ["call"] == list(article.contacts.kind)


def test_we_and_our_of_a_government_speaker_are_the_government():
    text = ("MS. PSAKI: We expect our conversations with Saudi Arabia will be ongoing. We will consult our Allies."
            "\n\nQ: Thank you.")
    article = crisislens.parse(text, published="2022-02-18", title="Press Briefing by Press Secretary Jen Psaki")
    contacts = article.contacts
    assert ("Saudi Arabia", "United States") in pairs(contacts)
    assert "Allies and partners" in set(article.mentions.actor)  # "our Allies" stays a name
    anonymous = crisislens.parse("Q: Will we meet with Saudi Arabia?\n\nMS. PSAKI: Thank you.\n\nQ: Thanks.",
                                 published="2022-02-18")
    assert anonymous.contacts.empty  # a reporter's "we" is nobody's government


def test_questions_in_a_gaggle_are_put_to_its_one_speaker():
    text = ("THE VICE PRESIDENT: Thank you all.\n\n"
            "Q: During your meeting with President Volodymyr Zelenskyy, he spoke about aid.\n\n"
            "THE VICE PRESIDENT: I spent time with Chancellor Olaf Scholz of Germany yesterday.")
    article = crisislens.parse(text, published="2022-02-20", title="Remarks by Vice President Harris in Press Gaggle")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert [None, "Kamala Harris", None] == [None if pd.isna(a) else a for a in turns.addressee]
    assert [("Kamala Harris", "Volodymyr Zelensky"), ("Kamala Harris", "Olaf Scholz")] == \
        list(zip(article.contacts.actor1, article.contacts.actor2, strict=True))


def test_a_government_publisher_gives_the_home_state():
    from crisislens.voices import home_state, publisher_state
    assert "USA" == publisher_state("https://bidenwhitehouse.archives.gov/briefing-room/x/", lexicon=LEXICON)
    assert publisher_state("https://www.reuters.com/world/", lexicon=LEXICON) is None
    assert "GBR" == home_state("Prime Minister's call with President Biden", lexicon=LEXICON,
                               url="https://www.gov.uk/government/news/x")
    document = crisislens.Document(
        "kosovo", "During the week of March 14, Assistant to the President for Homeland Security Dr. Liz "
        "Sherwood-Randall visited Pristina. During the visit, Dr. Sherwood-Randall met with Kosovo President "
        "Vjosa Osmani-Sadriu and Prime Minister Albin Kurti.", title="Readout of Dr. Liz Sherwood-Randall's Visit",
        published=pd.Timestamp("2022-03-19"), url="https://www.whitehouse.gov/briefing-room/x/")
    contacts = crisislens.parse(document).contacts
    parties = set(contacts.actor1) | set(contacts.actor2)
    # an official of unknown state meeting Kosovo's leaders in a White House readout is American;
    # "Assistant to the President" is a title, not Joe Biden
    assert {"Albin Kurti", "Vjosa Osmani-Sadriu"} <= parties and "Joe Biden" not in parties


def test_a_briefers_label_takes_the_person_the_title_names_and_their_we_is_the_home_state():
    text = ("MS. PSAKI: Thank you.\n\n"
            "MS. NEUBERGER: We've met with our Polish counterparts. Every country we visited: Ecuador, "
            "Colombia and Ghana.\n\n"
            "Q: Thanks.")
    document = crisislens.Document("briefing", text, published=pd.Timestamp("2022-02-18"),
                                   title="Press Briefing by Press Secretary Jen Psaki and Deputy National Security "
                                         "Advisor Anne Neuberger", url="https://www.whitehouse.gov/briefing-room/x/")
    article = crisislens.parse(document)
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert "Anne Neuberger" in set(turns.speaker)
    assert {("Poland", "United States"), ("Ecuador", "United States"), ("Colombia", "United States"),
            ("Ghana", "United States")} <= set(pairs(article.contacts))


@pytest.mark.parametrize(("text", "title", "expected"), [
    # a quote of someone else is not the title speaker's voice
    ('"I spoke with President Vladimir Putin yesterday," a senior administration official said.',
     "Statement by President Biden on Ukraine", []),
    ("In World War I Germany met France.", "Remarks by President Biden", [("France", "Germany")]),  # a numeral
    ("This weekend I spoke with President Vladimir Putin.", "Remarks by President Biden on His Call with "
     "President Putin", [("Joe Biden", "Vladimir Putin")]),  # "with" later in the title is not a second speaker
    ("This weekend I spoke with President Vladimir Putin.", "Remarks by President Biden spark anger in Moscow",
     []),  # a news headline about remarks does not make Biden the speaker
])
def test_who_says_i(text, title, expected):
    assert expected == pairs(crisislens.parse(text, published="2022-02-15", title=title).contacts)


def test_a_contact_told_inside_a_quote_has_its_parties_inside_it_and_a_bad_url_is_no_publisher():
    document = crisislens.Document("x", '"We spoke with President Vladimir Putin of Russia," Press Secretary Jen '
                                   "Psaki said.", published=pd.Timestamp("2022-02-18"), url="https://www.whitehouse.gov/x")
    assert [("United States", "Vladimir Putin")] == pairs(crisislens.parse(document).contacts)
    broken = crisislens.Document("y", "President Joe Biden met President Vladimir Putin.", url="http://[bad",
                                 published=pd.Timestamp("2022-02-18"))
    assert [("Joe Biden", "Vladimir Putin")] == pairs(crisislens.parse(broken).contacts)


def test_mr_president_prefers_a_president_to_a_vice_president():
    text = ("PRESIDENT BIDEN: Mr. President, I spoke with you last week.\n\n"
            "PRESIDENT DUDA: Thank you.\n\n"
            "VICE PRESIDENT HARRIS: Thank you.")
    article = crisislens.parse(text, published="2022-03-25")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert "Andrzej Duda" == turns.addressee.iloc[0]
    assert [("Andrzej Duda", "Joe Biden")] == pairs(article.contacts)


def test_the_president_said_in_a_briefing_is_the_president_of_the_briefers_state():
    text = ("MS. PSAKI: President Volodymyr Zelenskyy spoke today. The President said he supports Ukraine's "
            "sovereignty.\n\nQ: Thanks.")
    article = crisislens.parse(text, published="2022-02-18", title="Press Briefing by Press Secretary Jen Psaki")
    indirect = article.quotes[article.quotes.kind != "transcript"]
    assert "Joe Biden" in set(indirect.speaker)
    former = crisislens.parse("MS. PSAKI: The former president said he would run.\n\nQ: Thanks.",
                              published="2022-02-18", title="Press Briefing by Press Secretary Jen Psaki")
    assert "Joe Biden" not in set(former.quotes.speaker.dropna())  # a role with other words stays a role


def test_madam_vice_president_calls_the_vice_president():
    text = ("PRESIDENT IOHANNIS: Dear Madam Vice President, welcome.\n\n"
            "VICE PRESIDENT HARRIS: Thank you.\n\n"
            "PRESIDENT BIDEN: Thank you.")
    article = crisislens.parse(text, published="2022-03-11")
    turns = article.quotes[article.quotes.kind == "transcript"]
    assert "Kamala Harris" == turns.addressee.iloc[0]


def test_in_a_document_of_a_state_its_unmarked_officials_bodies_and_groups_are_its_own():
    def parse(text, title):
        return white_house(text, title, "2022-03-21")
    article = parse("Today, Secretary of Commerce Gina Raimondo and the National Security Council met with CEOs "
                    "of Tactical Missiles Corporation to discuss Russia's war. Russia and Ukraine were discussed. "
                    "Russia was named again.", "Readout of a Briefing of CEOs")
    countries = dict(zip(article.actors.actor, article.actors.country, strict=True))
    assert ("USA", "USA", "RUS") == (countries["Gina Raimondo"], countries["National Security Council"],
                                     countries["Tactical Missiles Corporation"])  # a company keeps the main state
    labor = parse("President Joe Biden and Secretary Walsh met with labor leaders to discuss wages.",
                  "Readout of a Meeting with Labor Leaders")
    assert labor.contacts.empty  # a domestic meeting
    allies = parse("President Joe Biden met with allies and partners to discuss wages.", "Readout of a Meeting")
    assert not allies.contacts.empty


def test_talks_named_by_one_foreign_state_are_the_home_states_with_it():
    def contacts(text):
        return white_house(text, "Press Briefing by Press Secretary Jen Psaki", "2022-02-07").contacts
    found = contacts("Quick question on the Iran talks.")
    assert [("talks", "United States", "Iran")] == list(zip(found.kind, found.actor1, found.actor2, strict=True))
    assert contacts("The Normandy talks resumed in Paris.").pipe(lambda c: "United States" not in set(c.actor1))
    plain = crisislens.parse("Quick question on the Iran talks.", published="2022-02-07").contacts
    assert plain.empty  # a document that speaks for no state: nobody known to talk with Iran


def test_a_title_that_names_a_meeting_of_two_states_people_gives_that_contact():
    def parse(text, title):
        return white_house(text, title, "2022-03-04")
    remarks = parse("PRESIDENT BIDEN: Welcome, Mr. President. It is good to have you here.",
                    "Remarks by President Biden and President Niinistö of the Republic of Finland Before "
                    "Bilateral Meeting")
    row = remarks.contacts.iloc[0]
    assert ("Bilateral Meeting", "meeting", "held", pd.Timestamp("2022-03-04")) == (row.text, row.kind, row.status, row.date)
    assert pd.isna(row.start) and pd.isna(row.sentence_id)  # nothing in the text to point to
    assert {"Joe Biden", "Sauli Niinistö"} == {row.actor1, row.actor2}
    # the text's "our meeting" is the title's: it takes the day and is held, and no second contact is made
    ours = parse("PRESIDENT BIDEN: Mr. President, as I told you, I look forward to our meeting.\n\n"
                 "PRESIDENT NIINISTÖ: Thank you.",
                 "Remarks by President Biden and President Niinistö of the Republic of Finland Before Bilateral Meeting")
    assert [("held", pd.Timestamp("2022-03-04"), False)] == list(zip(ours.contacts.status, ours.contacts.date,
                                                                     ours.contacts.start.isna(), strict=True))
    # a statement's title announces or reports a contact that its text tells of; its author is no party
    statement = parse("The call was productive.", "Statement by NSC Spokesperson Emily Horne on National Security "
                      "Advisor Jake Sullivan's Call with NATO Secretary General Jens Stoltenberg")
    assert statement.contacts.empty
    visit = parse("Thank you.", "Statement by White House Press Secretary Jen Psaki on the Visit of Chancellor Olaf "
                  "Scholz of Germany")
    assert visit.contacts.empty
    # people of one state: no contact
    assert parse("Thank you all.", "Remarks by President Biden and Vice President Harris Before Cabinet Meeting"
                 ).contacts.empty


def test_a_reporters_you_to_a_press_secretary_is_the_government():
    text = ("MS. PSAKI: Good afternoon.\n\n"
            "Q: Wendy Sherman said that you came away from the talks with Russia with a better understanding.\n\n"
            "MS. PSAKI: We did.")
    contacts = white_house(text, "Press Gaggle by Press Secretary Jen Psaki", "2022-01-11").contacts
    parties = set(contacts.actor1) | set(contacts.actor2)
    assert "Jen Psaki" not in parties
    assert {"United States", "Russia"} <= parties


def test_we_after_what_a_spokesperson_conveys_is_the_government():
    text = ("MS. PSAKI: I can't get into more specifics, other than to convey that we are having conversations "
            "with President Emmanuel Macron about assistance.\n\nQ: Thanks.")
    contacts = white_house(text, "Press Briefing by Press Secretary Jen Psaki", "2022-03-16").contacts
    assert [("United States", "Emmanuel Macron")] == list(zip(contacts.actor1, contacts.actor2, strict=True))


def test_home_rules_keep_foreign_officials_and_regional_groups_foreign():
    def contacts(text, title="Readout of Vice President Harris's Meeting"):
        return white_house(text, title, "2022-03-11").contacts
    ciuca = contacts("Vice President Harris met with Prime Minister Nicolae Ciuca in Bucharest on Friday.")
    assert [("Kamala Harris", "Nicolae Ciuca")] == list(zip(ciuca.actor1, ciuca.actor2, strict=True))
    caribbean = contacts("President Joe Biden met with Caribbean leaders on Friday.")
    assert [("Joe Biden", "Caribbean leaders")] == list(zip(caribbean.actor1, caribbean.actor2, strict=True))
    briefing = "Press Briefing by Press Secretary Jen Psaki"
    assert contacts("President Zelenskyy said talks with Russia would continue next week.", briefing).empty
    assert contacts("Any comment on the Ukraine peace talks in Istanbul?", briefing).empty
    previewed = contacts("Thank you all.", "Background Press Call by Senior Administration Officials Previewing "
                                           "President Biden's Meeting with Prime Minister Kishida of Japan")
    assert previewed.empty  # the press call is no contact, and a preview is told by its text
    remarks = contacts("Thank you all.", "Remarks by President Biden Ahead of a Meeting with Prime Minister Kishida "
                                         "of Japan")
    assert [("meeting", "planned", "Joe Biden", "Fumio Kishida")] == list(zip(
        remarks.kind, remarks.status, remarks.actor1, remarks.actor2, strict=True))
