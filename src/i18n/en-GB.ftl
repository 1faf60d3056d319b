### outturn's own words in English: everything the website says around a
### council's reports and figures.
###
### How to read this file: each message is `id = text`. The id (left of `=`)
### is how the website asks for the message: never change it. Change only the
### text. `{ $name }` is a gap the website fills (a title, a number, a
### period); keep it, and move it where the sentence needs it. A comment (a
### line starting with `#`) above a message says where it shows and what fills
### its gaps. cy.ftl has the same messages in Welsh.

## Every page

# The first link on every page, for keyboard users: it skips past the header.
skip-link = Skip to main content
# The name a screen reader gives the menu at the top of every page.
nav-main = Main
# The menu's first entry and the breadcrumb back to the home page.
nav-reports = Reports
# The menu's entry for the list of indicators, and that page's heading.
nav-indicators = Indicators
# The menu's entry for the page comparing quarters.
nav-compare = Compare quarters
# The name a screen reader gives the "you are here" trail under the header.
breadcrumb = Breadcrumb
# The footer of every page. $publisher: the council; $area: the area the
# figures are about.
footer = Published by { $publisher }. Figures are for { $area } unless a table or chart says otherwise.
# The heading over a page's contents list.
contents = Contents
# Labels beside a report's details, on the home page and on the report.
meta-period = Period
meta-committee = Committee
meta-meeting = Meeting
meta-published = Published
# Before where a table's or chart's figures come from. $source: the source.
source = Source: { $source }
# Where no report is published yet, on the home page and the compare page.
no-reports = No reports have been published yet.

## The page shown for an address with no page (404)

not-found-title = Page not found
not-found-none = There is no page at this address.
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-kept = Older reports are not removed: every quarter’s report is listed on the home page.
# The link home, when the page knows the site's address.
not-found-all-reports = Go to the list of all reports
# The link home, when it does not.
not-found-home = Go to the home page of this website

## The home page

# The page's description for search engines, and the start of its first
# paragraph. $publisher: the council; $area: the area.
index-description = Quarterly performance reports published by { $publisher }, with figures for { $area }.
index-lead = { index-description } Every report stays here, so you can go back to any quarter.
# $link: a link whose words are index-feed-link.
index-feed = To hear of each new report, follow the { $link } in a feed reader.
index-feed-link = reports feed (Atom)
index-latest = Latest report
index-all-reports = All reports
# A heading over a year's reports. $year: the financial year, "2024-25".
index-financial-year = Financial year { $year }
# After no-reports, when there are none.
index-first-report = When the first quarter’s report is published it will appear here.
# The news feed's subtitle. $publisher: the council.
feed-subtitle = Performance reports published by { $publisher }

## A report

# Before a draft's title in the browser's tab.
report-draft-prefix = Draft:
report-draft-title = Draft – not published
report-draft = This report is a draft for checking. Its words and figures may change before it is published.
report-updates-heading = Updates to this report
report-updates = Figures in the data have changed since this report was published. It still shows the figures the committee saw, except where a correction is listed here; the indicator pages show the current figures, marked [r].
# Printed only, under the report's details, when it has charts.
report-print-note = Each chart's figures are in the web version of this report: in a table under the chart, and in a CSV file to download.
# As report-print-note, when the report's web address is known. $url: the address.
report-print-note-at = Each chart's figures are in the web version of this report at { $url }: in a table under the chart, and in a CSV file to download.
# The heading over the key to the symbols ([x], [c] …), and its entry in the contents.
report-symbols-heading = Symbols used in this report
# The name a screen reader gives the links to the previous and next reports.
report-pager = Other reports
report-previous = Previous report
report-next = Next report

## Key figures (cards at the top of a report and on the home page)

key-figures = Key figures
# After a key figure's change. $word: key-figures-better or key-figures-worse, in bold.
key-figures-compared = { $word } than the period before.
key-figures-better = Better
key-figures-worse = Worse

## PDF

# The PDF of a report (pdf = true): its own words around the report's.
# On the PDF's first page, the labels before the report's details.
pdf-period = Period
pdf-committee = Committee
pdf-meeting = Meeting
# Before the date the report was published.
pdf-published = Published
pdf-status = Status
# After pdf-status, for a published report (a draft says report-draft-title).
pdf-status-published = Published
# Before the report's web address.
pdf-web-version = Web version
# The caption over the PDF's table of key figures. $period: the report's quarter, such as "Q1 2023-24".
pdf-key-figures-caption = Key figures, { $period }
# The headings of the key figures table's columns.
pdf-indicator = Indicator
pdf-figure = Figure
pdf-key-figure-period = Period
pdf-change = Change
# Before a table's number in its caption: "Table 3".
pdf-table = Table
# Before a chart's number in its caption ("Figure 3") is pdf-figure. Over each
# later piece of a chart too tall for one page. $number: the chart's number.
pdf-figure-continued = Figure { $number }, continued
# The heading of the PDF's last section, the figures of every chart as tables, and the line under it.
pdf-appendix-heading = The figures in the charts
pdf-appendix-lead = Each chart's figures, as the web version shows them in a table under the chart.
# The caption of a chart's table in that section. $number: the chart's number; $caption: the table's caption.
pdf-appendix-caption = Figure { $number }: { $caption }
# At the foot of every page. $page: this page's number; $pages: how many there are.
pdf-page-of = Page { $page } of { $pages }
# On a report's web page, under the link to its PDF: "PDF, 25 pages, 410 KB".
# $pdf: the abbreviation PDF, with pdf-abbreviation as its expansion; $pages: its pages; $size: its size.
pdf-attachment-meta = { $pdf }, { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $size }
# What PDF stands for, shown when pointing at it.
pdf-abbreviation = Portable Document Format

## Charts and tables in a report

# A link from a chart to its indicator's page.
figure-about = About this indicator
# The name a screen reader gives a chart's key to its symbols.
figure-key-label = Symbols in this figure
# The button that opens a chart's figures as a table.
figure-show-table = Show the figures in this chart as a table
# The same, where the "chart" is one figure shown as a number.
figure-show-one = Show this figure as a table
# The name a screen reader gives a table's key to its symbols.
table-key-label = Symbols in this table
# The link under a table. $caption: the table's caption.
table-download = Download { $caption } as CSV
# The heading over a chart's or a table's numbered notes.
notes-title = Notes
# Read by a screen reader in a table's cell that has no figure.
no-figure = no figure
# Shown when pointing at [x] in a table.
not-available = not available

## Charts
##
## The words outturn writes about a chart from its figures: the message
## under its title, the description a screen reader hears, the words drawn
## in the chart, and the captions and headings of its table. The gaps are
## filled with words outturn has written already: $subject is what the
## figures are of (an indicator's title, "Children looked after", or an
## area's name); $figure a figure as the tables print it ("308", "55% [p]");
## $period a period as the chart labels it ("June 2023", "Q1 2023-24",
## "2022-23"); $area an area's name. cy.ftl uses a few more gaps, each with
## a Welsh word and the mutation after it already made ($in_period,
## $to_last, $and_last, $than_areas, $as_areas): English has no use for them.

# A chart with no figures at all.
chart-no-figures = There are no figures.
# A series with no figures. $subject: whose they would be.
chart-no-figures-for = { $subject }: no figures.
# A series of one figure. $subject; $figure; $period: its period.
chart-one-figure = { $subject }: { $figure } in { $period }.
# The latest figure prints the same as the one before. $subject; $figure:
# the latest; $period: its period; $earlier: the period before.
chart-stayed = { $subject } stayed at { $figure } in { $period }, as in { $earlier }.
# The latest figure went up, or down, from the one before. $subject;
# $figure: the latest; $period: its period; $earlier_figure: the figure
# before; $earlier: its period.
chart-rose-from = { $subject } rose to { $figure } in { $period }, from { $earlier_figure } in { $earlier }.
chart-fell-from = { $subject } fell to { $figure } in { $period }, from { $earlier_figure } in { $earlier }.
# As chart-rose-from, when the latest figure is the highest (lowest) since
# an earlier figure at least as high (low): $earlier_figure, in $earlier.
chart-rose-highest-since = { $subject } rose to { $figure } in { $period }, the highest since { $earlier }, when it was { $earlier_figure }.
chart-fell-lowest-since = { $subject } fell to { $figure } in { $period }, the lowest since { $earlier }, when it was { $earlier_figure }.
# As chart-rose-from, when the latest figure is the highest (lowest) of all
# the chart shows: $earlier is the chart's first period.
chart-rose-highest-from-start = { $subject } rose to { $figure } in { $period }, the highest since the chart starts in { $earlier }.
chart-fell-lowest-from-start = { $subject } fell to { $figure } in { $period }, the lowest since the chart starts in { $earlier }.
# After the council's trend: how its latest figure compares. $period: the
# latest period; $area: the council's area; $relations: one or more of
# chart-better-than … chart-same-as, joined as a list.
chart-compared = In { $period }, { $area } was { $relations }.
# A relation to the comparators. $areas: each comparator with its figure,
# as a list: "England (26) and Wales (24)".
chart-better-than = better than { $areas }
chart-worse-than = worse than { $areas }
# Where neither higher nor lower is better.
chart-higher-than = higher than { $areas }
chart-lower-than = lower than { $areas }
chart-same-as = the same as { $areas }
# A comparator's figure for another period than the council's, in a list
# of relations. $area: the comparator; $figure; $period.
chart-compared-figure-in = { $area } ({ $figure } in { $period })
# A chart of areas side by side: the council's latest figure. $area: the
# council's area; $figure; $period: the figure's period; $relations: as
# in chart-compared.
chart-area = { $area }: { $figure }.
chart-area-in = { $area }: { $figure } in { $period }.
chart-area-compared = { $area }: { $figure }, { $relations }.
chart-area-in-compared = { $area }: { $figure } in { $period }, { $relations }.
# The council's area has no figure. $area.
chart-no-figure-for = { $area }: no figure.
# What a chart of areas draws.
chart-drawn-areas = Bar chart of areas' latest figures.
# A breakdown's largest groups, at the end of a chart of its groups.
# $period: the period (or the area of a chart of one area); $count: how
# many groups are named, 1 to 3; $groups: them, with their figures, as a
# list: "White (180, 64% of the total) and Other (54, 19%)".
chart-groups = In { $period }, { $count ->
        [one] the largest group was { $groups }
       *[other] the largest groups were { $groups }
    }.
# As chart-groups, saying what they are groups of. $subject: the indicator.
chart-groups-of = { $subject }: in { $period }, { $count ->
        [one] the largest group was { $groups }
       *[other] the largest groups were { $groups }
    }.
# As chart-groups, for one area's groups in a period. $area: the area.
chart-groups-for = In { $period }, for { $area }, { $count ->
        [one] the largest group was { $groups }
       *[other] the largest groups were { $groups }
    }.
chart-groups-for-of = { $subject }: in { $period }, for { $area }, { $count ->
        [one] the largest group was { $groups }
       *[other] the largest groups were { $groups }
    }.
# The first group named in chart-groups, with its share of the total.
# $figure: its figure; $share: its share, "64%".
chart-share-first = { $figure }, { $share } of the total
# A group's figure and share in a sentence of its own.
chart-share-alone = { $figure } ({ $share } of the total)
# Where the largest group stood at the start. $subject: the group;
# $figure: chart-share-alone or its figure; $period: the first period.
chart-share-was = { $subject } was { $figure } in { $period }.
# A comparator's figure for the largest group. $area; $figure; $period.
chart-group-figure-in = { $area } { $figure } in { $period }
# A stacked chart of percentages, drawn as published. $count: how many groups.
chart-shares-published = Percentages as published, for { $count ->
        [one] { $count } group
       *[other] { $count } groups
    }.
# Bars whose rounded percentages do not total 100%. $total: their total,
# "99%"; $lowest, $highest: the lowest and highest totals.
chart-bars-total-rounded = Bars total { $total }, as published (rounded figures).
chart-bars-total-range-rounded = Bars total { $lowest } to { $highest }, as published (rounded figures).
# A stacked chart of shares outturn computes. $count: how many groups.
chart-shares-of-counts = Shares, computed from the counts, of { $count ->
        [one] { $count } group
       *[other] { $count } groups
    }.
chart-shares-of-figures = Shares, computed from the figures, of { $count ->
        [one] { $count } group
       *[other] { $count } groups
    }.
# The note drawn under a stacked chart's key. $total, $lowest, $highest:
# as in chart-bars-total-rounded.
chart-note-total = Bars total { $total }, as published.
chart-note-total-range = Bars total { $lowest } to { $highest }, as published.
chart-note-counts = Shares computed from the counts in the table.
chart-note-figures = Shares computed from the figures in the table.
# The kinds of chart, as chart-drawn … name them.
chart-line = Line chart
chart-bar = Bar chart
chart-stacked = Stacked bar chart
# What is drawn. $chart: chart-line, chart-bar or chart-stacked; $first,
# $last: the first and last periods.
chart-drawn-range = { $chart }, { $first } to { $last }.
# $period: the one period.
chart-drawn-one = { $chart }, { $period }.
chart-drawn = { $chart }.
# $count: how many groups the bars show.
chart-drawn-groups = { $chart } of { $count ->
        [one] { $count } group
       *[other] { $count } groups
    }.
# Periods with no figure left out of a chart. $count: in how many places (4 or more).
chart-periods-left-out = Periods are left out in { $count } places between the periods shown.
# $first, $last: the periods either side of the periods left out.
chart-no-periods-between = No periods shown between { $first } and { $last }.
# A line chart whose value axis starts above zero. $value: where, "250".
chart-axis-from = The value axis does not start at zero: it starts at { $value }.
# Periods without a figure between a series' first and latest. $period:
# the one; $periods: two or three, as a list.
chart-no-figure-at = No figure for { $period }.
chart-no-figures-at = No figures for { $periods }.
# $count: how many have no figure; $total: how many periods from the first to the latest.
chart-no-figures-between = No figures for { $count } of the { $total } between.
# The title over a chart's value axis, where its labels leave the unit out.
chart-axis-count = Number
chart-axis-rate-per-10k = Rate per 10,000
chart-axis-days = Days
chart-axis-score = Score
# Beside a chart's title: the periods it shows. $first, $last.
chart-range = { $first } to { $last }
# The caption of a chart's table. $title: the chart's title.
figure-caption = { $title }: the figures in the chart
# … when the chart shows one figure.
figure-caption-one = { $title }: the figure
# … when the chart shows only its latest period's figures, $period (too
# many series to draw as lines).
figure-caption-drawn = { $title }: the figures (the chart shows { $period })
# The heading over a table's row labels.
table-period = Period
table-category = Category
table-area = Area
# Read by a screen reader before a note's number in a table's cell.
table-note = Note
# Two or more names. $first: all but the last, with commas between;
# $last: the last.
list-and = { $first } and { $last }
# As list-and, where the names have lists of their own: "better than A and
# B, and worse than C".
list-and-after-list = { $first }, and { $last }
# The first line of a chart's or table's CSV download: its columns' names,
# separated by commas, for a spreadsheet or a program to read. Each name is
# one word or words joined by "_".
csv-columns = indicator,indicator_title,area,breakdown,period,period_label,period_start,period_end,value,unit,markers,note

## The list of indicators

indicators-lead = Every measure in the reports: what it means, where its figures come from, and its full history for { $area } and the areas it is compared with.
indicators-download = Download every figure (CSV)
# Before an indicator's latest figure in the list.
indicators-latest = Latest:

## An indicator's page

indicator-definition = Definition
indicator-measured-as = Measured as
indicator-figures-are = Figures are
indicator-which-way = Which way is better
indicator-source = Source
indicator-theme = Theme
indicator-latest-heading = Latest figures
# The caption of the table of latest figures. $title: the indicator.
indicator-latest-caption = { $title }: the latest figure for each area
indicator-area = Area
indicator-latest-figure = Latest figure
indicator-history = History
indicator-reports = Reports that use this indicator
indicator-no-reports = No published report uses this indicator yet.

## Comparing quarters

compare-lead = Each indicator's figure as at the end of each quarter, newest quarter first, with its change from the quarter before. Where the quarter before has no figure of its own, the change says which earlier figure it is compared with, and is not called better or worse.
# $period: the latest quarter, "Q3 2024-25".
compare-changed-heading = What changed in { $period }
compare-like-with-like = Compared like with like: a quarter's figure with the quarter before's, a figure for a month with the figure for the month three months earlier. Only indicators where higher or lower is better are listed.
# $count: how many indicators got better.
compare-better = Better ({ $count })
compare-none-better = Nothing got better.
# $count: how many indicators got worse.
compare-worse = Worse ({ $count })
compare-none-worse = Nothing got worse.
# Before the indicators whose figure did not change.
compare-no-change = No change:
# $count: how many indicators; $period: the latest quarter.
compare-not-compared = { $count } other { $count ->
        [one] indicator has
       *[other] indicators have
    } no like-with-like change to report for { $period }: no figure of its own for that quarter or for the quarter before, or a figure withheld or not available. The tables below give what figures there are.
compare-own-period = A period in brackets under a figure is the figure's own period: a figure from before the quarter (the latest there was at the time), which has no change, or a figure for part of the quarter.
# After compare-own-period, when there is a table of whole years.
compare-years-note = Figures for whole financial years are in a table of their own, after the quarters.
# The name a screen reader gives the key to the tables' symbols.
compare-key-label = Symbols in these tables
# $total: how many quarters there are.
compare-showing-all = This page shows all { $total } quarters.
compare-show-latest = Show the latest quarters only
# $shown: how many quarters the page shows; $total: how many there are.
compare-showing-latest = This page shows the latest { $shown } of { $total } quarters.
compare-show-all = Compare every quarter
# A table's caption. $theme: the indicators' theme.
compare-table-caption = { $theme }: figures by quarter
# Under a table's caption. $count: how many quarters (or years) it has.
compare-hint-quarters = { $count } quarters, newest first; scroll the table sideways for any that do not fit.
compare-hint-years = { $count } years, newest first; scroll the table sideways for any that do not fit.
# The heading of the tables' first column.
compare-indicator = Indicator

## Counts

# A count of reports. $count: the number.
report-count = { $count ->
        [one] { $count } report
       *[other] { $count } reports
    }

## Compare

# A change in a cell of the compare tables. $n: the change in its unit ("16",
# "3 percentage points").
compare-up = up { $n }
compare-down = down { $n }
compare-same = no change
# After a cell's change when the figure it is compared with is not the
# quarter before's (or the year before's). $change: compare-up, -down or
# -same; $period: the earlier figure's period, a month ("April 2022"), a
# quarter ("Q1 2022-23") or a financial year ("2021-22").
compare-since-month = { $change } since { $period }
compare-since-quarter = { $change } since { $period }
compare-since-year = { $change } since { $period }
# In bold after a cell's like-with-like change.
compare-cell-better = better
compare-cell-worse = worse
# A line under compare-better, compare-worse or compare-no-change. $figure:
# the latest figure ("498 days"); $period: its period ("June 2023"; cy.ftl
# has it after "yn" as $in_period); $change: the change as a report says it
# (see change-up).
compare-summary-line = { $figure } in { $period }, { $change }
# The heading, caption and first paragraph of the table of whole years.
compare-years-theme = Whole financial years
compare-years-caption = Figures by financial year
compare-years-intro = Indicators with figures for whole financial years, newest year first, each with its change from the year before. A year's figure is not in the quarters' columns above.

## Units: the words around a figure. $n is the figure as written ("67.9",
## "1,234"); $count is the same figure as a number, for its plural form.

# A rate per 10,000 children.
unit-per-10k = { $n } per 10,000
# A number of days.
unit-days = { $count ->
        [one] { $n } day
       *[other] { $n } days
    }
# A difference between two percentages.
unit-points = { $count ->
        [one] { $n } percentage point
       *[other] { $n } percentage points
    }
# An amount of money, in pounds; in millions; in billions.
unit-money = £{ $n }
unit-money-million = £{ $n }m
unit-money-billion = £{ $n }bn

## Changes: a figure compared with an earlier one, as a report's sentences
## and its key figures give it. $amount: the change in its unit ("16", "2
## percentage points"); $from: the earlier figure; $earlier: the earlier
## figure's period ("March 2023"; cy.ftl has it after "yn" as $in_earlier).

change-up = an increase of { $amount } from { $from } in { $earlier }
change-down = a decrease of { $amount } from { $from } in { $earlier }
change-same = no change from { $from } in { $earlier }
# When either figure is withheld or not available. $period: that figure's
# period; $figure: its symbol ("[c]").
change-not-comparable = not comparable: the figure for { $period } is { $figure }

## Symbols: what each symbol beside or in place of a figure means, in the
## key under a table or chart and at the end of a report.

marker-c = confidential: the figure is withheld to protect individuals
marker-x = not available
marker-z = not applicable
marker-low = rounds to zero, but is not zero
marker-u = low reliability
marker-p = provisional: the figure may change
marker-r = revised since it was first published
marker-e = estimated

## An indicator's page. $title: the indicator's title.

# The caption of its history chart: figures of one kind of period, or of several.
indicator-chart-monthly = { $title }: monthly figures
indicator-chart-quarterly = { $title }: quarterly figures
indicator-chart-yearly = { $title }: yearly figures
indicator-chart-history = { $title }: history
# A chart caption when the chart has only comparators' figures. $caption:
# one of the captions above; $areas: the comparators' names.
indicator-chart-for = { $caption } for { $areas }
# The caption of the table of every figure it has.
indicator-every-figure = { $title }: every figure
# What its figures count.
indicator-unit-count = Number
indicator-unit-percent = Percentage
indicator-unit-rate = Rate per 10,000 children
indicator-unit-days = Days
indicator-unit-score = Score
indicator-unit-money = Pounds
# Which way is better.
indicator-higher-better = Higher is better
indicator-lower-better = Lower is better
indicator-neutral = Neither higher nor lower is better in itself
# When its figures are counted.
indicator-stock = As at the end of each period
indicator-flow = During each period

## Notes outturn adds to a figure. $count: how many figures were added;
## $first: the first one's period; $last: the last one's.

# A total worked out from the months, quarters or years within it.
note-summed-months = Worked out by adding the { $count } monthly figures, { $first } to { $last }.
note-summed-quarters = Worked out by adding the { $count } quarterly figures, { $first } to { $last }.
note-summed-years = Worked out by adding the { $count } yearly figures, { $first } to { $last }.
