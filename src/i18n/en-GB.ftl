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
# the latest figure ("498 days"); $when: its period after "in" (see
# in-month); $change: the change as a report says it (see change-up).
compare-summary-line = { $figure } { $when }, { $change }
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

## Periods after "in": $period is a month ("March 2023"), a quarter
## ("Q4 2022-23") or a financial year ("2022-23").

in-month = in { $period }
in-quarter = in { $period }
in-year = in { $period }

## Changes: a figure compared with an earlier one, as a report's sentences
## and its key figures give it. $amount: the change in its unit ("16", "2
## percentage points"); $from: the earlier figure; $when: the earlier
## figure's period after "in" (see in-month).

change-up = an increase of { $amount } from { $from } { $when }
change-down = a decrease of { $amount } from { $from } { $when }
change-same = no change from { $from } { $when }
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
