"""English labels and republication notices as publishers print them, where they print them."""

from __future__ import annotations

import pytest

from checks.builtin.disclaimers import find_disclaimers
from checks.builtin.original_source import OriginalSource
from checks.model import Article, Region
from checks.testing import BODY_END, BODY_MIDDLE, BODY_TOP, placed_article

LINES = [
    "The council voted on Tuesday to close the bridge.",
    "Work starts in May and is expected to last a year.",
    "Drivers will be sent along the ring road.",
    "The mayor said the repairs could not wait any longer.",
    "Shops near the bridge fear they will lose customers.",
    "The council has set aside money to help them.",
    "A public meeting is planned for next month.",
    "Residents can send their views to the council.",
]
REGIONS = {
    "above": Region.ABOVE_HEADLINE,
    "byline": Region.BYLINE,
    "before": Region.BEFORE_BODY,
    "after": Region.AFTER_BODY,
    "aside": Region.ASIDE,
}


# The body's first, middle and last line, in the tables' words.
IN_BODY = {"top": BODY_TOP, "middle": BODY_MIDDLE, "end": BODY_END}


def placed(sentence: str, where: str) -> Article:
    """An article with the sentence where a page puts it: a region, or the body's first,
    middle or last line."""
    return placed_article(sentence, REGIONS.get(where) or IN_BODY[where], LINES)


def found(sentence: str, where: str) -> dict[str, str]:
    """Each category found and the quote it cites first."""
    quotes: dict[str, str] = {}
    for finding in find_disclaimers(placed(sentence, where)):
        if finding.applies:
            quotes.setdefault(finding.category, finding.quote)
    return quotes


LABELS = [
    # --- sponsored: the kicker above the headline, the line under the byline
    ("Sponsored Content", "above", "sponsored"),
    ("SPONSORED", "above", "sponsored"),
    ("Paid Post", "above", "sponsored"),
    ("Paid for by Acme Bank", "above", "sponsored"),
    ("Presented by Acme Bank", "byline", "sponsored"),
    ("Brought to you by Acme", "above", "sponsored"),
    ("Advertisement feature", "above", "sponsored"),
    ("Advertiser content from Acme", "above", "sponsored"),
    ("Content from our sponsor", "above", "sponsored"),
    ("This article is sponsored by Acme Bank.", "before", "sponsored"),
    ("This is a sponsored post written by me on behalf of Acme.", "top", "sponsored"),
    ("This post is sponsored by Acme, but all opinions are my own.", "top", "sponsored"),
    ("#ad", "above", "sponsored"),
    ("#sponsored", "top", "sponsored"),
    ("This content is paid for by Acme Bank.", "before", "sponsored"),
    (
        "Disclaimer: This article is a paid feature. No HT journalist was involved in the "
        "creation of this article.",
        "end",
        "sponsored",
    ),
    ("This is a featured content. HT has no editorial involvement.", "end", "sponsored"),
    (
        "Disclaimer: This article has been produced on behalf of Acme by Times Internet's "
        "Spotlight team.",
        "end",
        "sponsored",
    ),
    ("This is a partnered post.", "top", "sponsored"),
    ("Note: This article is a paid promotion.", "end", "sponsored"),
    # --- affiliate: under the byline or after the text
    ("This post may contain affiliate links.", "byline", "affiliate"),
    ("This post may contain affiliate and/or referral links.", "top", "affiliate"),
    ("As an Amazon Associate I earn from qualifying purchases.", "after", "affiliate"),
    ("We may earn a commission when you buy through links on our site.", "before", "affiliate"),
    (
        "Our editors independently select these products. Making a purchase through our links "
        "may earn us a commission.",
        "before",
        "affiliate",
    ),
    ("We may receive a small commission at no extra cost to you.", "end", "affiliate"),
    (
        "Vogue may earn a portion of sales from products that are purchased through our site "
        "as part of our Affiliate Partnerships with retailers.",
        "after",
        "affiliate",
    ),
    (
        "Ars may earn compensation for sales from links on this post through affiliate programs.",
        "after",
        "affiliate",
    ),
    ("This post contains referral links.", "top", "affiliate"),
    ("We may be compensated if you purchase through links on this page.", "byline", "affiliate"),
    (
        "If you purchase an independently reviewed product or service through a link on our "
        "website, we may receive an affiliate commission.",
        "before",
        "affiliate",
    ),
    (
        "Products featured are independently selected by our editors. We may earn revenue "
        "from the products available on this page and participate in affiliate programs.",
        "before",
        "affiliate",
    ),
    (
        "HT Shop Now writers may get a share of revenue from the sale of the products.",
        "end",
        "affiliate",
    ),
    # --- correction: at the top or after the text
    ("Correction: An earlier version of this article misstated the date.", "after", "correction"),
    ("An earlier version of this article misstated the mayor's age.", "end", "correction"),
    (
        "This story has been corrected to show that the vote took place on Tuesday.",
        "end",
        "correction",
    ),
    ("Clarification: The council has two members, not three.", "after", "correction"),
    ("Editor's note: This story has been updated with new information.", "top", "correction"),
    (
        "This article was amended on 3 March 2024 to correct the spelling of a name.",
        "after",
        "correction",
    ),
    ("A previous version of this story incorrectly stated the cost.", "end", "correction"),
    ("Correction appended", "before", "correction"),
    ("This article originally misidentified the mayor.", "end", "correction"),
    ("This story originally stated that the bridge would close in April.", "end", "correction"),
    ("The Herald regrets the error.", "end", "correction"),
    ("We regret the error.", "after", "correction"),
    ("The headline of this article has been changed to reflect the vote.", "top", "correction"),
    ("This post has been edited to clarify the council's role.", "end", "correction"),
    ("This article has been revised to reflect the final cost.", "after", "correction"),
    # --- opinion: the label above the headline, the byline
    ("OPINION", "above", "opinion"),
    ("Op-Ed", "above", "opinion"),
    ("Guest Opinion: Why the bridge must close", "above", "opinion"),
    ("Perspective", "above", "opinion"),
    ("Viewpoint", "above", "opinion"),
    ("This is an opinion piece.", "end", "opinion"),
    ("This article is an opinion column.", "after", "opinion"),
    ("Opinion by Jane Doe", "byline", "opinion"),
    # --- views_not_endorsed: the author speaks for himself
    (
        "The views expressed in this article are the author's own and do not necessarily "
        "reflect Al Jazeera's editorial stance.",
        "after",
        "views_not_endorsed",
    ),
    ("Views expressed are personal.", "end", "views_not_endorsed"),
    ("(The writer is a former ambassador. Views are personal.)", "end", "views_not_endorsed"),
    (
        "The views expressed by contributors are strictly personal and not of PREMIUM TIMES.",
        "after",
        "views_not_endorsed",
    ),
    (
        "Opinions expressed by Entrepreneur contributors are their own.",
        "before",
        "views_not_endorsed",
    ),
    (
        "This column does not necessarily reflect the opinion of the editorial board or "
        "Bloomberg LP and its owners.",
        "after",
        "views_not_endorsed",
    ),
    ("The author's views are their own.", "end", "views_not_endorsed"),
    (
        "Disclaimer: The views and investment tips expressed by investment experts on "
        "Moneycontrol.com are their own and not those of the website or its management.",
        "end",
        "views_not_endorsed",
    ),
    # --- liability: financial and medical disclaimers
    ("This is not financial advice.", "end", "liability"),
    ("This article does not constitute investment advice.", "after", "liability"),
    (
        "Nothing in this article should be construed as financial advice.",
        "after",
        "liability",
    ),
    (
        "Disclaimer: The information provided in this article is for general informational "
        "purposes only and is not intended as financial advice.",
        "end",
        "liability",
    ),
    (
        "Moneycontrol.com advises users to check with certified experts before taking any "
        "investment decisions.",
        "end",
        "liability",
    ),
    (
        "Mutual fund investments are subject to market risks, read all scheme related "
        "documents carefully.",
        "end",
        "liability",
    ),
    (
        "This article is for informational purposes only and is not a substitute for "
        "professional medical advice.",
        "after",
        "liability",
    ),
    ("Past performance is not indicative of future results.", "after", "liability"),
    (
        "This story is provided by PRNewswire. ANI will not be responsible in any way for the "
        "content of this article.",
        "end",
        "liability",
    ),
    (
        "Readers are advised to do their own research before making any investment decisions.",
        "end",
        "liability",
    ),
    # --- disclosure: the author's interests
    ("Disclosure: The author owns shares of Apple.", "after", "disclosure"),
    ("Full disclosure: I have worked for the council in the past.", "end", "disclosure"),
    ("The author has no position in any of the stocks mentioned.", "after", "disclosure"),
    (
        "The Motley Fool has positions in and recommends Apple. The Motley Fool has a "
        "disclosure policy.",
        "after",
        "disclosure",
    ),
    (
        "Analyst's Disclosure: I/we have no stock, option or similar derivative position in "
        "any of the companies mentioned.",
        "after",
        "disclosure",
    ),
    # --- press_release: the issuer's own text
    ("FOR IMMEDIATE RELEASE", "above", "press_release"),
    (
        "NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Corp today announced a new chief executive.",
        "top",
        "press_release",
    ),
    (
        "SAN FRANCISCO--(BUSINESS WIRE)--Acme Inc. today announced its results.",
        "top",
        "press_release",
    ),
    (
        "TORONTO, March 3, 2024 (GLOBE NEWSWIRE) -- Acme Corp announced a dividend.",
        "top",
        "press_release",
    ),
    ("SOURCE Acme Corporation", "end", "press_release"),
    (
        "View original content to download multimedia: "
        "https://www.prnewswire.com/news-releases/acme-301.html",
        "end",
        "press_release",
    ),
    (
        "Disclaimer: The above press release comes to you under an arrangement with NewsVoir "
        "and HT takes no editorial responsibility for the same.",
        "end",
        "press_release",
    ),
    (
        "Distributed by APO Group on behalf of the African Development Bank (AfDB).",
        "end",
        "press_release",
    ),
    ("Media contact: Jane Doe, press@acme.com", "end", "press_release"),
    # --- partner: made with a partner
    ("This article was published in partnership with Grist.", "end", "partner"),
    (
        "This content was produced by BBC StoryWorks, the commercial content division of BBC "
        "Global News, in partnership with Acme.",
        "before",
        "partner",
    ),
    (
        "This article is part of a partnership between The Herald and the Pulitzer Center.",
        "after",
        "partner",
    ),
    (
        "This story is a collaboration between The Texas Tribune and ProPublica.",
        "after",
        "partner",
    ),
    ("Produced in association with Acme", "above", "partner"),
    ("This article is co-published with ProPublica.", "end", "partner"),
    # --- funding: who paid for the reporting
    ("This story was supported by the Pulitzer Center.", "end", "funding"),
    ("Reporting for this story was funded by the Acme Foundation.", "after", "funding"),
    (
        "Associated Press coverage of philanthropy receives support through the AP's "
        "collaboration with The Conversation US, with funding from Lilly Endowment Inc.",
        "after",
        "funding",
    ),
    # --- copyright_notice: a wire's rights line under its copy
    ("Copyright 2024 The Associated Press. All rights reserved.", "end", "copyright_notice"),
    ("© Copyright 2024 IANS", "end", "copyright_notice"),
    ("Copyright © 2024 PTI", "after", "copyright_notice"),
    ("© Australian Associated Press 2024", "end", "copyright_notice"),
    ("This copy is for your personal, non-commercial use only.", "top", "copyright_notice"),
    (
        "Disclosure: ZDNet may earn a commission from some of the products featured on this page.",
        "middle",
        "affiliate",
    ),
    # --- ai_generated
    ("This story was partially generated by AI and checked by an editor.", "end", "ai_generated"),
    (
        "This article was written with the help of AI tools and reviewed by our editors.",
        "after",
        "ai_generated",
    ),
]

LOOKALIKES = [
    # news about sponsorship, corrections, opinion polls, advice
    ("The bank sponsored the festival for the third year running.", "middle"),
    ("Sponsorship deals with the club are worth millions.", "top"),
    ("The council's sponsored walk raised money for the hospital.", "middle"),
    ("The prison's correction officers went on strike on Monday.", "middle"),
    ("The Department of Corrections said the inmate was moved.", "top"),
    ("Corrections", "after"),
    ("Disclaimer", "after"),
    ("Opinion poll shows the party ahead by five points.", "top"),
    ("An opinion poll put the mayor ahead.", "middle"),
    ("The commission of inquiry will report in June.", "middle"),
    ("The regulator said the advert was not financial advice, but marketing.", "middle"),
    ("The company said in a press release that profits rose.", "middle"),
    ("According to a press release from the ministry, 40 people were hurt.", "top"),
    ("The firm's affiliate in Texas filed for bankruptcy.", "middle"),
    ("The agents earn commission on every house they sell.", "middle"),
    ("The editor regrets nothing, she said.", "middle"),
    ("Perspective matters when we talk about risk.", "middle"),
    ("He said the views expressed by the minister were his own.", "middle"),
    ("The event was presented by the mayor.", "middle"),
    ("Media contacts were not made public.", "middle"),
    ("This week's Tennis Podcast is sponsored by the Davis Cup.", "middle"),
    ("Alex Isenstadt contributed to this report.", "end"),
    ("Order Reprints", "after"),
    ("The story was revised by the court in 2019.", "middle"),
    ("Shares have positions in the index.", "middle"),
]


@pytest.mark.parametrize(("sentence", "where", "category"), LABELS)
def test_labels_as_publishers_print_them(sentence, where, category):
    categories = found(sentence, where)
    assert category in categories, categories
    assert categories[category] in " ".join(sentence.split())


@pytest.mark.parametrize(("sentence", "where"), LOOKALIKES)
def test_lookalikes_are_not_labels(sentence, where):
    assert found(sentence, where) == {}


NOTICES = [
    # (sentence, where, the original outlet the reader is told of; None: a copy, outlet unnamed)
    ("This article was originally published on The Conversation.", "after", "The Conversation"),
    ("This story first appeared in Mother Jones.", "end", "Mother Jones"),
    ("Republished with permission.", "after", None),
    (
        "This article is republished from The Conversation under a Creative Commons license.",
        "after",
        "The Conversation",
    ),
    ("Reprinted from Foreign Policy.", "end", "Foreign Policy"),
    ("Distributed by Tribune Content Agency, LLC.", "end", "Tribune News Service"),
    ("This article is reproduced from The Wire with permission.", "end", "The Wire"),
    (
        "This story was produced by KFF Health News and is republished here with permission.",
        "after",
        "KFF Health News",
    ),
    (
        "This article was published by CalMatters and is reproduced here with permission.",
        "end",
        "CalMatters",
    ),
    (
        "This article was reported by Jane Doe for Inside Climate News.",
        "end",
        "Inside Climate News",
    ),
    ("This piece was originally published by CalMatters.", "after", "CalMatters"),
    ("Originally published on Medium.", "end", "Medium"),
    ("Reprinted with permission from The Globe and Mail.", "after", "The Globe and Mail"),
    ("Cross-posted from Common Dreams.", "end", "Common Dreams"),
    ("This article originally ran in The Guardian.", "end", "The Guardian"),
    ("This story has been provided by NewsVoir.", "end", "NewsVoir"),
    (
        "(Except for the headline, this story has not been edited by NDTV staff and is "
        "published from a syndicated feed.)",
        "end",
        None,
    ),
    (
        "(Only the headline and picture of this report may have been reworked by the Business "
        "Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
        "end",
        None,
    ),
    (
        "Copyright © 2022 Khaleej Times. All Rights Reserved. Provided by SyndiGate Media Inc. "
        "(Syndigate.info).",
        "end",
        "SyndiGate Media Inc",
    ),
    (
        "Distributed by APO Group on behalf of the African Development Bank (AfDB).",
        "end",
        "African Development Bank",
    ),
    (
        "A version of this article was originally published in Foreign Affairs.",
        "after",
        "Foreign Affairs",
    ),
    ("This article has been republished from BusinessDay.", "end", "BusinessDay"),
    # wire credits
    ("With inputs from PTI", "end", "PTI"),
    ("(With inputs from Reuters)", "after", "Reuters"),
    ("Additional reporting by Reuters", "end", "Reuters"),
    # book excerpts
    (
        "This is an edited extract from The Anxious Generation by Jonathan Haidt (Allen Lane).",
        "end",
        "The Anxious Generation",
    ),
    (
        "The following is an excerpt from The Long Road Home by Jane Doe.",
        "top",
        "The Long Road Home",
    ),
    ("Extracted from The Long Road Home by Jane Doe.", "end", "The Long Road Home"),
    ("Reprinted by arrangement with Penguin Random House.", "end", "Penguin Random House"),
    (
        "Excerpted from the book The Anxious Generation by Jonathan Haidt.",
        "end",
        "The Anxious Generation",
    ),
]

NOT_NOTICES = [
    (
        "A version of this article appears in print on March 3, 2024, Section A, Page 1 of the "
        "New York edition.",
        "after",
    ),
    ("The study, first published in The Lancet, found a link.", "middle"),
    ("The report was reproduced from memory by the witness.", "middle"),
    ("The book was excerpted in several newspapers last year.", "middle"),
    ("Inputs from residents helped shape the plan.", "end"),
    ("The film is an extract from his longer work.", "middle"),
    ("The data was provided by the ministry.", "middle"),
    ("This story was written by Jane Doe for the class project.", "end"),
    ("The figures were shared by the council and published in full.", "end"),
]


@pytest.mark.parametrize(("sentence", "where", "outlet"), NOTICES)
async def test_notices_name_the_original(check_ctx, sentence, where, outlet):
    result = await OriginalSource().run(placed(sentence, where), check_ctx)
    assert (result.data["is_republication"], result.data["original_outlet"]) == (True, outlet)
    assert result.evidence[0].quote in " ".join(sentence.split())


@pytest.mark.parametrize(("sentence", "where"), NOT_NOTICES)
async def test_lookalikes_are_not_notices(check_ctx, sentence, where):
    result = await OriginalSource().run(placed(sentence, where), check_ctx)
    assert result.data["is_republication"] is False
