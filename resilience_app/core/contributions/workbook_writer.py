"""Write a department workbook (.xlsx): a cover with the instructions, the questions, a hidden data sheet.

Every text is in the workbook's language and every number in that language's digits; an Arabic workbook's
sheets run right to left. The sheets are protected without a password, so only the answer cells can be
typed into by accident, and a department can still unprotect a sheet to repair a mistake. Each sheet prints
on A4 across the page, the questions' header row repeated on every page, and can be filled in by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from resilience_app.core.assessment.answer_rules import CONFIDENCES, DATA_SCALES, EARLIEST_DATA_YEAR, LEVELS, SOURCE_KINDS, latest_data_year
from resilience_app.core.assessment.labels import CONFIDENCE_NAMES, DATA_SCALE_NAMES, SOURCE_KIND_NAMES, STATUS_VALUES
from resilience_app.core.contributions.workbook_layout import (
    CONFIDENCE_CHOICES_COLUMN,
    COVER_SHEET,
    DATA_SCALE_CHOICES_COLUMN,
    DATA_SHEET,
    FIRST_QUESTION_ROW,
    FORMAT_MARKER,
    FORMAT_VERSION,
    HEADER_ROW,
    HEADERS,
    LEVEL_CHOICES_COLUMN,
    MAX_ID_LENGTH,
    MAX_ROWS,
    QUANTITATIVE,
    QUESTIONS_SHEET,
    RECORD_COLUMN,
    RECORD_FORMAT,
    RECORD_LEVEL_NAME,
    RECORD_NOTE,
    RECORD_QUESTION,
    SCENARIO_HEADER,
    SCENARIO_LEVELS,
    SOURCE_KIND_CHOICES_COLUMN,
    Layout,
    layout_for,
)
from resilience_app.core.contributions.workbook_records import WorkbookQuestion, WorkbookRequest
from resilience_app.core.formatting import format_date, format_number, localise_digits
from resilience_app.core.i18n import SUPPORTED_LANGUAGES, _, is_rtl, isolate, paragraph, using_language
from resilience_app.core.spreadsheet_text import put_text

_WORKBOOK_ID = re.compile("[0-9a-f]{32}")

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", start_color="DCE6F1")
_SHOWN_FILL = PatternFill("solid", start_color="F2F2F2")  # the question: read, not typed into
_CLOSED_FILL = PatternFill("solid", start_color="BFBFBF")  # a value cell of a question that takes no number
_OPEN = Protection(locked=False)
_TEXT_FORMAT = "@"  # what is typed into a text cell stays text, even "=1+1" or "3"
_YEAR_FORMAT = "0"  # a year shown as typed: 2022, never 2,022
_NUMBER_COLUMNS = ("value", "data_year")  # a number typed into them stays a number
_FONT = "Arial"  # on every Windows and Mac, with Arabic letters; LibreOffice on Linux uses its metric twin
_FONT_SIZE = 10
# Neither Calc nor every Excel fits a row's height to wrapped text on opening, so each row gets a height
# from an estimate of its lines: generous, as a row too tall only leaves room to write by hand.
_CHARACTERS_PER_WIDTH = 1.05  # characters of a 10-point line in one unit of column width, word wrapping included
_LINE_POINTS = 13.5  # the height of a 10-point line
_HANDWRITING_LINES = 4  # the least height of a question's row: room for an answer written by hand


def write_workbook(request: WorkbookRequest) -> bytes:
    """The .xlsx bytes of the workbook `request` describes; raises ValueError for a request no workbook can hold."""
    _check(request)
    layout = layout_for(FORMAT_VERSION)
    with using_language(request.language):
        book = Workbook()
        cover = book.active
        assert cover is not None  # a new workbook has its first sheet
        questions = book.create_sheet()
        data = book.create_sheet(DATA_SHEET)
        cover.title, questions.title = _(COVER_SHEET), _(QUESTIONS_SHEET)
        _write_cover(cover, request, questions.title)
        _write_questions(questions, request, layout)
        _write_data(data, request, questions.title, layout)
        for sheet in (cover, questions, data):
            sheet.sheet_view.rightToLeft = is_rtl(request.language)
            sheet.protection.sheet = True  # no password: a department can unprotect it to repair a mistake
            sheet.protection.formatRows = False  # rows and columns may still be made taller or wider
            sheet.protection.formatColumns = False
        data.sheet_state = "hidden"  # not "veryHidden": LibreOffice keeps "hidden" through a save, and a curious user may look
        book.security = WorkbookProtection(lockStructure=True)  # sheets cannot be renamed, moved or deleted by accident
        book.properties.title = _("Questions for {department}").format(department=request.contributor_department)
        book.properties.creator = "resilience-app"
        book.properties.language = request.language
        output = io.BytesIO()
        book.save(output)
    return output.getvalue()


def _check(request: WorkbookRequest) -> None:
    """Refuse a request the app should never make (a caller's mistake, not a user's)."""
    if request.language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {request.language!r}")
    if not _WORKBOOK_ID.fullmatch(request.workbook_id):
        raise ValueError(f"workbook id {request.workbook_id!r} is not a uuid4 hex string")
    if set(request.level_names) != set(LEVELS) or any(set(names) != set(LEVELS) for names in request.other_level_names.values()):
        raise ValueError("level names are needed for levels 1 to 5")
    ids = [question.question_id for question in request.questions]
    if len(set(ids)) != len(ids) or not all(0 < len(question_id) <= MAX_ID_LENGTH for question_id in ids):
        raise ValueError("question ids must be unique and not empty")
    if len(ids) > MAX_ROWS - FIRST_QUESTION_ROW:
        raise ValueError(f"at most {MAX_ROWS - FIRST_QUESTION_ROW} questions fit a workbook")
    for question in request.questions:
        if not set(question.scenarios) <= set(SCENARIO_LEVELS):
            raise ValueError(f"question {question.question_id}: only levels {SCENARIO_LEVELS} are described")


def level_choice(level: int, name: str) -> str:
    """'3 · Partly in place', as the level drop-down offers it (the app's own wording of a level)."""
    return _("{number} · {name}").format(number=format_number(level), name=name)


def _level_choices(request: WorkbookRequest) -> list[str]:
    return [*(level_choice(level, request.level_names[level]) for level in LEVELS), _(STATUS_VALUES["not_applicable"]),
            _(STATUS_VALUES["dont_know"])]


# --- The cover ----------------------------------------------------------------------------------


_COVER_WIDTHS = (24.0, 86.0)


def _write_cover(sheet: Worksheet, request: WorkbookRequest, questions_sheet: str) -> None:
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = _COVER_WIDTHS
    title = sheet.cell(1, 1)
    put_text(title, _("City resilience assessment: questions for {department}").format(department=isolate(request.contributor_department)))
    title.font = Font(name=_FONT, bold=True, size=14)
    title.alignment = _aligned(vertical="top", wrap_text=False)
    sheet.row_dimensions[1].height = 24
    row = 3
    lines = [
        (_("City"), request.city),
        (_("Sent to"), request.contributor_name),
        (_("Department"), request.contributor_department),
        (_("Please reply by"), format_date(request.deadline) if request.deadline else ""),
        (_("Send it back to"), request.return_to),
        (_("Questions to answer"), format_number(len(request.questions))),
    ]
    for label, value in [(label, value) for label, value in lines if value]:  # no reply date set: no line saying so
        _cover_line(sheet, row, label, value, bold_label=True)
        row += 1
    row += 1
    heading = sheet.cell(row, 1)
    put_text(heading, _("How to fill it in"))
    heading.font = Font(name=_FONT, bold=True, size=12)
    heading.alignment = _aligned(vertical="top")
    sheet.row_dimensions[row].height = 20
    row += 1
    for label, value in _instructions(request, questions_sheet):
        _cover_line(sheet, row, label, value, bold_label=bool(label))
        row += 1
    row += 1
    _cover_line(sheet, row, _("Workbook reference"), request.workbook_id, bold_label=False)
    sheet.cell(row, 1).font = sheet.cell(row, 2).font = Font(name=_FONT, size=8, color="808080")
    _print_setup(sheet, landscape=False)


def _instructions(request: WorkbookRequest, questions_sheet: str) -> Iterable[tuple[str, str]]:
    yield _("Why we ask"), _(
        "The city is assessing how well it can withstand and recover from shocks and stresses, with the departments that "
        "know each system. Your answers are compared with those of other departments and discussed before the city settles "
        "its answer; the assessment's reports name the departments that contributed."
    )
    yield "", _(
        "Answer on the sheet “{sheet}”: one row for each question. Type only into the white cells; the grey cells hold "
        "the question and cannot be changed. Answer for the whole city, not only for the part your department runs. "
        "Each question you answer needs a level, “not applicable” or “don't know”; the other cells help others trust it."
    ).format(sheet=questions_sheet)
    yield _("Level"), _(
        "Read what the city looks like at each level, from {low} to {high}, then choose from the list in the cell the level "
        "that describes your city today. The five levels:"
    ).format(low=format_number(1), high=format_number(5))
    for level in LEVELS:
        yield "", level_choice(level, request.level_names[level])
    yield _(STATUS_VALUES["not_applicable"]), _(
        "Only when the city has no such system or service at all (a city without a coast has no sea defences). A service "
        "that is weak or missing where it is needed is level {level}, not “not applicable”. Where a ministry runs the "
        "service (ambulances, water quality), answer with national data, choose country as the scale of the data and a "
        "lower confidence, and name the ministry in the justification: the assessment should show what the city depends on."
    ).format(level=format_number(1))
    yield _(STATUS_VALUES["dont_know"]), _(
        "When neither you nor your colleagues can tell, or the question is not your department's to answer. Say in the "
        "justification who might know."
    )
    yield _("Value"), _(
        "Some questions also ask for a figure: type the number alone in the unit shown beside it, in Arabic or Latin digits "
        "(for 45 %, type 45). The figure gives its own level; if you also choose a level, it should agree with the figure."
    )
    yield _("Confidence"), _(
        "How sure you are of the answer: {low} (an impression, or what you heard), {medium} (some data or documents), "
        "{high} (recent data or documents you checked)."
    ).format(**{key: _(CONFIDENCE_NAMES[key]) for key in CONFIDENCES})
    yield _("Justification"), _("Why this level? What did you look at? A few sentences are enough.")
    yield _("Evidence"), _(
        "The documents or data the answer rests on, so that others can check it: a plan, a report, a law, statistics, an "
        "inspection record. Give each one's title, date and where it can be found; do not paste the document itself."
    )
    yield _("Answered by"), _("Your name is filled in already; change it where a colleague answered.")
    yield _("The data's quality"), _(
        "The last three columns say what the answer rests on; what the city's record already says is filled in. Change it "
        "where your answer rests on other data. A cell you empty changes nothing on record."
    )
    yield _(HEADERS["source_kind"]), _("What the answer mainly rests on. Choose from the list in the cell:")
    for kind in SOURCE_KINDS:
        yield "", _(SOURCE_KIND_NAMES[kind])
    yield _(HEADERS["data_year"]), _(
        "The year the figures or documents describe, not the year they were published: for example {year}, in Arabic or Latin digits."
    ).format(year=format_year(latest_data_year() - 2))
    yield _(HEADERS["data_scale"]), _(
        "Whether the data describe the city itself, its governorate or region, or the whole country. Choose from the list in the cell:"
    )
    for scale in DATA_SCALES:
        yield "", _(DATA_SCALE_NAMES[scale])
    yield _("On paper"), _(
        "You may print the sheet “{sheet}” and fill it in by hand, then send back the pages or clear photographs of them; "
        "the resilience team will type your answers in."
    ).format(sheet=questions_sheet)
    yield _("Please do not"), _(
        "Add, delete, move or sort rows or columns, or rename the sheets: each answer is read back from its place. To correct "
        "a mistake you may unprotect the sheet; it has no password."
    )
    yield _("Sending it back"), _(
        "Save it as it is, as an Excel workbook (.xlsx), without a password, and send it back{to}. A PDF, an older .xls "
        "file or another format cannot be read back."
    ).format(to=_(" to {name}").format(name=request.return_to) if request.return_to else "")


def format_year(year: int) -> str:
    """A year in the workbook's digits, never grouped: 2022, ٢٠٢٢."""
    return localise_digits(str(year))


def _cover_line(sheet: Worksheet, row: int, label: str, value: str, *, bold_label: bool) -> None:
    for column, text in ((1, label), (2, value)):
        cell = sheet.cell(row, column)
        put_text(cell, text)
        cell.alignment = _aligned(vertical="top")
        cell.font = Font(name=_FONT, bold=bold_label and column == 1, size=_FONT_SIZE + 1)
    size = (_FONT_SIZE + 1) / _FONT_SIZE
    sheet.row_dimensions[row].height = _height([(label, _COVER_WIDTHS[0] / size, bold_label), (value, _COVER_WIDTHS[1] / size, False)]) * size


def _aligned(*, vertical: str, horizontal: str | None = None, wrap_text: bool = True) -> Alignment:
    """Wrapped text, read right to left in a right-to-left language: without it Calc lays an Arabic cell out left
    to right (a closing full stop shown at the start) and puts a cell starting with a digit at the other side."""
    return Alignment(wrap_text=wrap_text, vertical=vertical, horizontal=horizontal, readingOrder=2 if is_rtl() else 0)


def _height(cells: Iterable[tuple[str, float, bool]], *, least_lines: int = 1) -> float:
    """The points a row needs to show each (text, column width, bold) cell whole, wrapped at 10 points."""
    lines = least_lines
    for text, width, bold in cells:
        per_line = max(1, int(width * _CHARACTERS_PER_WIDTH * (0.9 if bold else 1)))
        lines = max(lines, sum(-(-len(paragraph) // per_line) or 1 for paragraph in text.split("\n")))
    return lines * _LINE_POINTS + 4


# --- The questions ------------------------------------------------------------------------------


def _headers(request: WorkbookRequest, layout: Layout) -> dict[str, str]:
    """Each column's header in the workbook's language."""
    scenarios = {f"scenario_{level}": _(SCENARIO_HEADER).format(level=level_choice(level, request.level_names[level]))
                 for level in layout.scenario_levels}
    return {column.key: scenarios.get(column.key) or _(HEADERS[column.key]) for column in layout.columns}


def _write_questions(sheet: Worksheet, request: WorkbookRequest, layout: Layout) -> None:
    headers = _headers(request, layout)
    for index, column in enumerate(layout.columns, start=1):
        cell = sheet.cell(HEADER_ROW, index)
        put_text(cell, headers[column.key])
        cell.font = Font(name=_FONT, bold=True, size=_FONT_SIZE)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _aligned(vertical="center", horizontal="center")
        sheet.column_dimensions[layout.letters[column.key]].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = _height((headers[column.key], column.width, True) for column in layout.columns)
    for row, question in enumerate(request.questions, start=FIRST_QUESTION_ROW):
        _write_question(sheet, row, question, layout)
    last = FIRST_QUESTION_ROW + len(request.questions) - 1
    if request.questions:
        _add_choices(sheet, request, last, layout)
    sheet.freeze_panes = f"A{FIRST_QUESTION_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    header = _("{city} · {department}").format(city=request.city, department=request.contributor_department)
    _centred(sheet.oddHeader, header.replace("&", "&&"), size=9)  # "&" starts a header code
    _print_setup(sheet, landscape=True)


def _write_question(sheet: Worksheet, row: int, question: WorkbookQuestion, layout: Layout) -> None:
    prefilled = {
        "answered_by": question.answered_by,
        "source_kind": _(SOURCE_KIND_NAMES[question.source_kind]) if question.source_kind in SOURCE_KIND_NAMES else "",
        "data_scale": _(DATA_SCALE_NAMES[question.data_scale]) if question.data_scale in DATA_SCALE_NAMES else "",
    }
    shown = {
        "question_id": question.question_id,
        "goal": question.goal,
        "indicator": question.indicator,
        "prompt": question.prompt,
        "guidance": question.guidance,
        "unit": question.unit,
        **{f"scenario_{level}": question.scenarios.get(level, "") for level in layout.scenario_levels},  # "" where not described
    }
    for index, column in enumerate(layout.columns, start=1):
        cell = sheet.cell(row, index)
        cell.border = _BORDER
        cell.alignment = _aligned(vertical="top")
        cell.font = Font(name=_FONT, size=_FONT_SIZE, bold=column.key == "prompt")
        if column.key == "value" and not question.unit:
            cell.fill = _CLOSED_FILL  # locked: this question takes no number
        elif column.answer:
            cell.protection = _OPEN
            if column.key not in _NUMBER_COLUMNS:
                cell.number_format = _TEXT_FORMAT
        else:
            cell.fill = _SHOWN_FILL
        if column.key in shown:
            put_text(cell, shown[column.key])
        elif prefilled.get(column.key):
            put_text(cell, prefilled[column.key])
        elif column.key == "data_year":
            cell.number_format = _YEAR_FORMAT
            cell.value = question.data_year  # a number, shown in the spreadsheet's digits
    texts = {**shown, **prefilled}
    sheet.row_dimensions[row].height = _height(
        ((texts.get(column.key, ""), column.width, column.key == "prompt") for column in layout.columns), least_lines=_HANDWRITING_LINES
    )


def _add_choices(sheet: Worksheet, request: WorkbookRequest, last: int, layout: Layout) -> None:
    """Drop-down lists for the level and the confidence, and a short help shown when an answer cell is chosen."""
    levels = len(_level_choices(request))
    letters = layout.letters

    def column_range(key: str) -> str:
        return f"{letters[key]}{FIRST_QUESTION_ROW}:{letters[key]}{last}"

    level = _choice_list(
        f"{DATA_SHEET}!${LEVEL_CHOICES_COLUMN}$1:${LEVEL_CHOICES_COLUMN}${levels}",
        title=_(HEADERS["level"]),
        prompt=_("Choose the level that describes your city today, “not applicable” or “don't know”."),
        error=_("Choose a level from 1 to 5, “not applicable” or “don't know”."),
    )
    confidence = _choice_list(
        f"{DATA_SHEET}!${CONFIDENCE_CHOICES_COLUMN}$1:${CONFIDENCE_CHOICES_COLUMN}${len(CONFIDENCES)}",
        title=_(HEADERS["confidence"]),
        prompt=_("How sure are you of this answer?"),
        error=_("Choose low, medium or high confidence."),
    )
    level.add(column_range("level"))
    confidence.add(column_range("confidence"))
    helps = {
        "justification": _("Why this level? What did you look at?"),
        "evidence": _("The title, date and place of the documents or data the answer rests on."),
        "answered_by": _("The person who answered, if it is not you."),
    }
    source_kind = _choice_list(
        f"{DATA_SHEET}!${SOURCE_KIND_CHOICES_COLUMN}$1:${SOURCE_KIND_CHOICES_COLUMN}${len(SOURCE_KINDS)}",
        title=_(HEADERS["source_kind"]),
        prompt=_("What does the answer rest on? Leave it empty to keep what is on record."),
        error=_("Choose measured data, an estimate, expert judgement or a perception, or leave the source not stated."),
    )
    data_scale = _choice_list(
        f"{DATA_SHEET}!${DATA_SCALE_CHOICES_COLUMN}$1:${DATA_SCALE_CHOICES_COLUMN}${len(DATA_SCALES)}",
        title=_(HEADERS["data_scale"]),
        prompt=_("Do the data describe the city, the governorate or region, or the whole country?"),
        error=_("Choose city, governorate or region, or country level, or leave the scale not stated."),
    )
    earliest, latest = EARLIEST_DATA_YEAR, latest_data_year()
    data_year = DataValidation(
        type="whole", operator="between", formula1=str(earliest), formula2=str(latest), allow_blank=True, showInputMessage=True,
        showErrorMessage=True, errorStyle="warning",  # a year typed in Arabic digits is text to a spreadsheet, and still reads back
        promptTitle=_short(_(HEADERS["data_year"]), 32), prompt=_short(_("The year the data describe, for example {year}.").format(
            year=format_year(latest - 2)), 255),
        errorTitle=_short(_(HEADERS["data_year"]), 32),
        error=_short(_("Enter the year the data describe, from {earliest} to {latest}, or leave it empty.").format(
            earliest=format_year(earliest), latest=format_year(latest)), 255),
    )
    source_kind.add(column_range("source_kind"))
    data_scale.add(column_range("data_scale"))
    data_year.add(column_range("data_year"))
    validations = [level, confidence, source_kind, data_year, data_scale]
    for key, text in helps.items():
        help_only = DataValidation(showInputMessage=True, promptTitle=_short(_(HEADERS[key]), 32), prompt=_short(text, 255))
        help_only.add(column_range(key))
        validations.append(help_only)
    numeric_rows = [row for row, question in enumerate(request.questions, start=FIRST_QUESTION_ROW) if question.unit]
    if numeric_rows:
        value_help = DataValidation(
            showInputMessage=True, promptTitle=_short(_(HEADERS["value"]), 32),
            prompt=_short(_("A number, in the unit shown beside it."), 255),
        )
        for row in numeric_rows:
            value_help.add(f"{letters['value']}{row}")
        validations.append(value_help)
    for validation in validations:
        sheet.add_data_validation(validation)


def _choice_list(source: str, *, title: str, prompt: str, error: str) -> DataValidation:
    """A drop-down list whose choices are the cells `source`; typing something else warns but is allowed
    (a digit typed instead of choosing still reads back)."""
    return DataValidation(
        type="list", formula1=source, allow_blank=True, showInputMessage=True, showErrorMessage=True, errorStyle="warning",
        promptTitle=_short(title, 32), prompt=_short(prompt, 255), errorTitle=_short(title, 32), error=_short(error, 255),
    )


def _short(text: str, limit: int) -> str:
    """Excel refuses to open a file whose drop-down help is longer than its limits (32 for a title, 255 for a text)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print_setup(sheet: Worksheet, *, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    _centred(sheet.oddFooter, paragraph(_("Page &P of &N")), size=8)


def _centred(item: HeaderFooterItem | None, text: str, *, size: int) -> None:
    """`text` in the middle of a page's header or footer."""
    assert item is not None  # a new sheet has its header and footer
    item.center.text = text
    item.center.size = size


# --- The hidden data sheet ----------------------------------------------------------------------


def _write_data(sheet: Worksheet, request: WorkbookRequest, questions_sheet: str, layout: Layout) -> None:
    """What the reader trusts: what the workbook is, and which question each row holds (see `workbook_layout`)."""
    records: list[Sequence[str]] = [
        (RECORD_FORMAT, FORMAT_MARKER, str(layout.version)),
        (RECORD_NOTE, _("The app reads this sheet to import the answers. Please do not change it.")),
        ("workbook_id", request.workbook_id),
        ("assessment_id", str(request.assessment_id)),
        ("framework_id", request.framework_id),
        ("framework_version", request.framework_version),
        ("contributor_name", request.contributor_name),
        ("language", request.language),
        ("questions_sheet", questions_sheet),
    ]
    headers = _headers(request, layout)
    records += [(RECORD_COLUMN, column.key, layout.letters[column.key], headers[column.key]) for column in layout.columns]
    for language, names in _level_names(request).items():
        records += [(RECORD_LEVEL_NAME, language, str(level), names[level]) for level in LEVELS]
    records += [
        (RECORD_QUESTION, question.question_id, str(row), QUANTITATIVE if question.unit else "")
        for row, question in enumerate(request.questions, start=FIRST_QUESTION_ROW)
    ]
    for row, record in enumerate(records, start=1):
        for column, value in enumerate(record, start=1):
            put_text(sheet.cell(row, column), value)
    for row, choice in enumerate(_level_choices(request), start=1):
        put_text(sheet[f"{LEVEL_CHOICES_COLUMN}{row}"], choice)
    for row, key in enumerate(CONFIDENCES, start=1):
        put_text(sheet[f"{CONFIDENCE_CHOICES_COLUMN}{row}"], _(CONFIDENCE_NAMES[key]))
    for row, key in enumerate(SOURCE_KINDS, start=1):
        put_text(sheet[f"{SOURCE_KIND_CHOICES_COLUMN}{row}"], _(SOURCE_KIND_NAMES[key]))
    for row, key in enumerate(DATA_SCALES, start=1):
        put_text(sheet[f"{DATA_SCALE_CHOICES_COLUMN}{row}"], _(DATA_SCALE_NAMES[key]))
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 40


def _level_names(request: WorkbookRequest) -> Mapping[str, Mapping[int, str]]:
    return {**request.other_level_names, request.language: request.level_names}
