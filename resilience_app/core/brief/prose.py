"""Fixed prose of the strategy-workshop brief: English source strings; Arabic lives in the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

from resilience_app.core.i18n import N_


@dataclass(frozen=True)
class AgendaItem:
    minutes: int
    title: str
    purpose: str
    questions: tuple[str, ...]


PURPOSE: tuple[str, ...] = (
    N_(
        "This workshop brings the city together to turn the resilience assessment into shared priorities. "
        "It marks the move from describing the city's situation to deciding where its resilience strategy should focus."
    ),
    N_(
        "The Chief Resilience Officer convenes the workshop. Participants should reflect the whole city: "
        "municipal departments, ministries and national agencies, the private sector, universities, civil society, "
        "community leaders, and youth and women's organisations, along with the frontline staff who deliver services. "
        "When a group is missing, its concerns tend to be missed too."
    ),
    N_(
        "This brief prepares everyone for the day. It summarises what the assessment has found so far, explains the terms used, "
        "proposes a first list of priorities and sets out the agenda. Please read it before the workshop: "
        "the day itself is for discussion and decisions, not presentations."
    ),
)

DECISIONS: tuple[str, ...] = (
    N_("An agreed list of priority shocks and stresses, with the reasons for their order."),
    N_("A shared view of the city's main strengths and weaknesses across the twelve goals."),
    N_("The main interconnections between shocks, stresses and city systems that the strategy must take into account."),
    N_("Three to five discovery areas, each with a one-line rationale and a named owner."),
    N_("The main gaps in evidence, with who will fill each one and by when."),
    N_("Agreement on next steps, working arrangements and the date of the next review."),
)

CONTRIBUTORS: tuple[str, ...] = (
    N_(
        "The assessment asks the departments that hold the facts, not one office alone. Where two or more of them answer "
        "the same question from their own records, the answers check each other: agreement makes the answer more credible, "
        "and a difference shows what to discuss. Evidence from more than one agency is what the method asks for."
    ),
)

PRIMER_SHOCKS_STRESSES: tuple[str, ...] = (
    N_(
        "A shock is a sudden, acute event, such as a flash flood that cuts roads and floods low-lying neighbourhoods. "
        "A chronic stress is a pressure that weakens the city day after day, such as water scarcity that leaves households "
        "depending on costly water tankers."
    ),
    N_(
        "Both matter because each feeds the other. A shock does most harm where stresses have already worn the city down: "
        "a city short of water suffers more in a heatwave. Stresses can also make shocks more likely: poorly maintained drains "
        "turn heavy rain into a flood. Working on stresses therefore also reduces the damage of the next shock."
    ),
)

PRIMER_FRAMEWORK: tuple[str, ...] = (
    N_(
        "The City Resilience Framework pictures a resilient city as a wheel of four dimensions: health and wellbeing; "
        "economy and society; infrastructure and environment; and leadership and strategy. Each dimension holds three goals, "
        "twelve in all. Each goal is assessed through indicators, and each indicator through questions answered by the "
        "departments that know the subject best."
    ),
    N_(
        "The brief shows a profile: a level for each goal and each dimension, with the city's strengths and weaknesses. "
        "It gives no single score for the city and no ranking against other cities. "
        "Later rounds of the same assessment are compared with it question by question, like for like."
    ),
)

PRIMER_QUALITIES: tuple[str, ...] = (
    N_(
        "Resilient systems tend to share seven qualities. They are a lens, not a checklist: use them to test whether an answer, "
        "a plan or a proposed action will hold up when conditions change. A strong action usually shows several qualities at once."
    ),
)

PRIMER_READING: tuple[str, ...] = (
    N_(
        "Questions are answered with a level from 1 to 5. Level 1 means the arrangement is absent or very weak; "
        "level 5 means it is strong and reflects good practice. The level of a goal or dimension is the average of the levels "
        "of its questions, so read it together with the details behind it."
    ),
    N_(
        "Coverage is the share of applicable questions that have a level; where it is low, treat the level as provisional. "
        "Confidence is set for each answer as low, medium or high, according to the evidence behind it. "
        "Answers with low confidence or no evidence show where the facts still need checking."
    ),
    N_(
        "Each shock is rated from 1 to 5 for likelihood and for impact. A stress is already present, so it is rated instead "
        "for its severity, how heavily it weighs on the city today, and its trend, from easing fast to worsening fast. "
        "The two ratings place an item in a 5 × 5 matrix, and their product ranks shocks and stresses on one scale. "
        "Items rated high on both call for attention first. Where two items score the same, the one with more "
        "interconnections, and then the one worsening faster, comes first."
    ),
    N_(
        "The priorities this brief sets out are starting points for discussion, not conclusions. "
        "The workshop may confirm, change or replace them, and the reasons should be recorded."
    ),
)

DAY_STARTS = (9, 0)  # the proposed day's first session, hours and minutes
# Breaks after the session of that index (0 is the first): minutes and name.
BREAKS: dict[int, tuple[int, str]] = {1: (15, N_("Coffee break")), 3: (45, N_("Lunch and prayer"))}
AGENDA_NOTE = N_("A proposed day from {start}, with a coffee break and a lunch break; move the times to suit the city's working day.")

AGENDA: tuple[AgendaItem, ...] = (
    AgendaItem(
        minutes=30,
        title=N_("Opening and purpose"),
        purpose=N_("Set out why the city is meeting, what the day should decide and how the discussion will run."),
        questions=(
            N_("What should we have agreed by the end of the day?"),
            N_("Who is missing from the room, and how will we bring in their views?"),
        ),
    ),
    AgendaItem(
        minutes=45,
        title=N_("The city's resilience profile"),
        purpose=N_("Review the assessment results by goal and dimension, and test them against participants' experience."),
        questions=(
            N_("Which results match your experience, and which surprise you?"),
            N_("Where are coverage or confidence too low to trust the result?"),
            N_("Which strengths can the city build on?"),
        ),
    ),
    AgendaItem(
        minutes=50,
        title=N_("Shocks and stresses: validating priorities"),
        purpose=N_("Confirm or revise the order of the priority shocks and stresses, using each shock's likelihood and impact and each "
                   "stress's severity and trend."),
        questions=(
            N_("Is anything important missing from the list?"),
            N_("Which groups and neighbourhoods are hit hardest by each priority?"),
            N_("Do the ratings still hold in light of recent events: each shock's likelihood and impact, each stress's severity and trend?"),
        ),
    ),
    AgendaItem(
        minutes=35,
        title=N_("Interconnections"),
        purpose=N_("Trace how the priority shocks and stresses affect each other and the city's systems."),
        questions=(
            N_("Which stresses make our priority shocks more likely or more damaging?"),
            N_("Which single failure would spread to the most other services?"),
            N_("Where could one action ease several problems at once?"),
        ),
    ),
    AgendaItem(
        minutes=30,
        title=N_("Actions already under way"),
        purpose=N_(
            "Take stock of the plans and projects that already address the priorities, so that the strategy builds on them rather than repeats them."
        ),
        questions=(
            N_("Which current actions already address the priority shocks and stresses?"),
            N_("Where do actions overlap, and where are the clear gaps?"),
            N_("Which actions could be strengthened in light of the seven qualities?"),
        ),
    ),
    AgendaItem(
        minutes=60,
        title=N_("Choosing discovery areas"),
        purpose=N_("Agree on three to five discovery areas for the strategy to study in depth, each with a one-line rationale."),
        questions=(
            N_("Which areas would make the biggest difference to the priority shocks and stresses?"),
            N_("Does each area cut across departments and goals, rather than repeat one department's plan?"),
            N_("Can we state in one line why each area matters?"),
        ),
    ),
    AgendaItem(
        minutes=30,
        title=N_("Owners and next steps"),
        purpose=N_("Name an owner for each discovery area and agree what happens after the workshop, and when."),
        questions=(
            N_("Who will lead each discovery area, and who will support them?"),
            N_("Which evidence gaps must be filled first, and by whom?"),
            N_("When will we meet again to review progress?"),
        ),
    ),
)

NEXT_STEPS: tuple[str, ...] = (
    N_("Circulate the workshop record to all participants and to the mayor, with the agreed priorities and discovery areas."),
    N_("Form a working group for each discovery area, led by its owner and joined by the departments and partners concerned."),
    N_("Fill the evidence gaps found during the workshop, starting with the goals where coverage or confidence is low."),
    N_("Update the assessment, including the shocks and stresses and their ratings, with what was learned on the day."),
    N_(
        "Prepare the resilience strategy: develop options for each discovery area, test them against the seven qualities, and agree actions with owners and timelines."
    ),
    N_("Report progress to the mayor and council regularly, and repeat the assessment to measure change against this baseline."),
)
