### Geiriau outturn ei hun yn Gymraeg: popeth y mae'r wefan yn ei ddweud o
### amgylch adroddiadau a ffigurau'r cyngor.
###
### outturn's own words in Welsh. Each message is `id = text`: never change
### the id (left of `=`), only the text. `{ $name }` is a gap the website
### fills (a title, a number, a period); keep it, and move it where the
### sentence needs it. The comments say where each message shows; en-GB.ftl
### has the same messages in English, with the same ids.
###
### A number is written in figures, so the noun after it stays singular
### ("3 chwarter"). Where a wording has not yet been checked by a translator
### its comment says "awaiting a translator's review".

## Pob tudalen (every page)

# The first link on every page, for keyboard users: it skips past the header.
skip-link = Neidio i'r prif gynnwys
# The name a screen reader gives the menu at the top of every page.
# awaiting a translator's review
nav-main = Prif ddewislen
# The menu's first entry and the breadcrumb back to the home page.
nav-reports = Adroddiadau
# The menu's entry for the list of indicators, and that page's heading.
nav-indicators = Dangosyddion
# The menu's entry for the page comparing quarters.
nav-compare = Cymharu chwarteri
# The name a screen reader gives the "you are here" trail under the header.
breadcrumb = Briwsion bara
# The footer of every page. $publisher: the council; $area: the area the
# figures are about.
footer = Cyhoeddwyd gan { $publisher }. Mae'r ffigurau ar gyfer { $area } oni bai bod tabl neu siart yn dweud fel arall.
# The heading over a page's contents list.
contents = Cynnwys
# Labels beside a report's details, on the home page and on the report.
meta-period = Cyfnod
meta-committee = Pwyllgor
meta-meeting = Cyfarfod
meta-published = Cyhoeddwyd
# Before where a table's or chart's figures come from. $source: the source.
source = Ffynhonnell: { $source }
# Where no report is published yet, on the home page and the compare page.
no-reports = Nid oes unrhyw adroddiadau wedi'u cyhoeddi eto.

## Y dudalen ar gyfer cyfeiriad heb dudalen (404)

not-found-title = Heb ddod o hyd i'r dudalen
not-found-none = Nid oes tudalen yn y cyfeiriad hwn.
not-found-typed = Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-pasted = Os gwnaethoch ludo'r cyfeiriad gwe, gwiriwch eich bod wedi copïo'r cyfeiriad cyfan.
not-found-kept = Nid yw adroddiadau hŷn yn cael eu dileu: mae adroddiad pob chwarter wedi'i restru ar yr hafan.
# The link home, when the page knows the site's address.
not-found-all-reports = Ewch i'r rhestr o'r holl adroddiadau
# The link home, when it does not.
not-found-home = Ewch i hafan y wefan hon

## Yr hafan (the home page)

# The page's description for search engines, and the start of its first
# paragraph. $publisher: the council; $area: the area.
index-description = Adroddiadau perfformiad chwarterol a gyhoeddir gan { $publisher }, gyda ffigurau ar gyfer { $area }.
index-lead = { index-description } Mae pob adroddiad yn aros yma, felly gallwch fynd yn ôl i unrhyw chwarter.
# $link: a link whose words are index-feed-link.
# awaiting a translator's review
index-feed = I glywed am bob adroddiad newydd, dilynwch { $link } mewn darllenydd ffrydiau.
index-feed-link = ffrwd yr adroddiadau (Atom)
index-latest = Yr adroddiad diweddaraf
index-all-reports = Pob adroddiad
# A heading over a year's reports. $year: the financial year, "2024-25".
index-financial-year = Blwyddyn ariannol { $year }
# After no-reports, when there are none.
index-first-report = Pan gyhoeddir adroddiad y chwarter cyntaf, bydd yn ymddangos yma.
# The news feed's subtitle. $publisher: the council.
feed-subtitle = Adroddiadau perfformiad a gyhoeddir gan { $publisher }

## Adroddiad (a report)

# Before a draft's title in the browser's tab.
report-draft-prefix = Drafft:
report-draft-title = Drafft – heb ei gyhoeddi
report-draft = Drafft i'w wirio yw'r adroddiad hwn. Gall ei eiriau a'i ffigurau newid cyn iddo gael ei gyhoeddi.
report-updates-heading = Diweddariadau i'r adroddiad hwn
# awaiting a translator's review
report-updates = Mae ffigurau yn y data wedi newid ers cyhoeddi'r adroddiad hwn. Mae'n dal i ddangos y ffigurau a welodd y pwyllgor, ac eithrio lle rhestrir cywiriad yma; mae tudalennau'r dangosyddion yn dangos y ffigurau cyfredol, wedi'u marcio [r].
# Printed only, under the report's details, when it has charts.
report-print-note = Mae ffigurau pob siart yn fersiwn we'r adroddiad hwn: mewn tabl o dan y siart, ac mewn ffeil CSV i'w lawrlwytho.
# As report-print-note, when the report's web address is known. $url: the address.
report-print-note-at = Mae ffigurau pob siart yn fersiwn we'r adroddiad hwn yn { $url }: mewn tabl o dan y siart, ac mewn ffeil CSV i'w lawrlwytho.
# The heading over the key to the symbols ([x], [c] …), and its entry in the contents.
report-symbols-heading = Symbolau a ddefnyddir yn yr adroddiad hwn
# The name a screen reader gives the links to the previous and next reports.
report-pager = Adroddiadau eraill
report-previous = Yr adroddiad blaenorol
report-next = Yr adroddiad nesaf

## Ffigurau allweddol (key figures)

key-figures = Ffigurau allweddol
# After a key figure's change. $word: key-figures-better or key-figures-worse, in bold.
key-figures-compared = { $word } na'r cyfnod blaenorol.
key-figures-better = Gwell
key-figures-worse = Gwaeth

## Siartiau a thablau mewn adroddiad (charts and tables)

# A link from a chart to its indicator's page.
figure-about = Ynglŷn â'r dangosydd hwn
# The name a screen reader gives a chart's key to its symbols.
figure-key-label = Symbolau yn y ffigur hwn
# The button that opens a chart's figures as a table.
figure-show-table = Dangos y ffigurau yn y siart hwn fel tabl
# The same, where the "chart" is one figure shown as a number.
figure-show-one = Dangos y ffigur hwn fel tabl
# The name a screen reader gives a table's key to its symbols.
table-key-label = Symbolau yn y tabl hwn
# The link under a table. $caption: the table's caption.
table-download = Lawrlwytho { $caption } fel CSV
# The heading over a chart's or a table's numbered notes.
notes-title = Nodiadau
# Read by a screen reader in a table's cell that has no figure.
no-figure = dim ffigur
# Shown when pointing at [x] in a table.
not-available = ddim ar gael

## Y rhestr o ddangosyddion (the list of indicators)

indicators-lead = Pob mesur yn yr adroddiadau: beth mae'n ei olygu, o ble y daw ei ffigurau, a'i hanes llawn ar gyfer { $area } a'r ardaloedd y caiff ei gymharu â nhw.
indicators-download = Lawrlwytho pob ffigur (CSV)
# Before an indicator's latest figure in the list.
indicators-latest = Diweddaraf:

## Tudalen dangosydd (an indicator's page)

indicator-definition = Diffiniad
indicator-measured-as = Caiff ei fesur fel
# awaiting a translator's review
indicator-figures-are = Math o ffigurau
indicator-which-way = Pa ffordd sy'n well
indicator-source = Ffynhonnell
indicator-theme = Thema
indicator-latest-heading = Y ffigurau diweddaraf
# The caption of the table of latest figures. $title: the indicator.
indicator-latest-caption = { $title }: y ffigur diweddaraf ar gyfer pob ardal
indicator-area = Ardal
indicator-latest-figure = Y ffigur diweddaraf
indicator-history = Hanes
indicator-reports = Adroddiadau sy'n defnyddio'r dangosydd hwn
indicator-no-reports = Nid oes adroddiad cyhoeddedig yn defnyddio'r dangosydd hwn eto.

## Cymharu chwarteri (comparing quarters)

# awaiting a translator's review
compare-lead = Ffigur pob dangosydd ar ddiwedd pob chwarter, y chwarter diweddaraf yn gyntaf, gyda'i newid o'r chwarter cynt. Lle nad oes gan y chwarter cynt ffigur ei hun, mae'r newid yn dweud â pha ffigur cynharach y caiff ei gymharu, ac ni ddywedir ei fod yn well nac yn waeth.
# $period: the latest quarter, "Chwarter 3 2024-25".
compare-changed-heading = Beth newidiodd yn { $period }
# awaiting a translator's review
compare-like-with-like = Cymharu tebyg â thebyg: ffigur chwarter â ffigur y chwarter cynt, ffigur ar gyfer mis â'r ffigur ar gyfer y mis dri mis ynghynt. Dim ond dangosyddion lle mae uwch neu is yn well a restrir.
# $count: how many indicators got better.
compare-better = Gwell ({ $count })
compare-none-better = Ni wellodd dim byd.
# $count: how many indicators got worse.
compare-worse = Gwaeth ({ $count })
compare-none-worse = Ni waethygodd dim byd.
# Before the indicators whose figure did not change.
compare-no-change = Dim newid:
# $count: how many indicators; $period: the latest quarter. After a number
# in figures "dangosydd" stays singular.
# awaiting a translator's review
compare-not-compared = Nid oes gan { $count } dangosydd arall newid tebyg â thebyg i'w adrodd ar gyfer { $period }: dim ffigur ei hun ar gyfer y chwarter hwnnw nac ar gyfer y chwarter cynt, neu ffigur a ataliwyd neu nad yw ar gael. Mae'r tablau isod yn rhoi'r ffigurau sydd ar gael.
# awaiting a translator's review
compare-own-period = Mae cyfnod mewn cromfachau o dan ffigur yn gyfnod y ffigur ei hun: ffigur o cyn y chwarter (y diweddaraf a oedd ar gael ar y pryd), nad oes ganddo newid, neu ffigur ar gyfer rhan o'r chwarter.
# After compare-own-period, when there is a table of whole years.
compare-years-note = Mae ffigurau ar gyfer blynyddoedd ariannol cyfan mewn tabl ar wahân, ar ôl y chwarteri.
# The name a screen reader gives the key to the tables' symbols.
compare-key-label = Symbolau yn y tablau hyn
# $total: how many quarters there are.
compare-showing-all = Mae'r dudalen hon yn dangos pob un o'r { $total } chwarter.
compare-show-latest = Dangos y chwarteri diweddaraf yn unig
# $shown: how many quarters the page shows; $total: how many there are.
compare-showing-latest = Mae'r dudalen hon yn dangos y { $shown } chwarter diweddaraf o { $total }.
compare-show-all = Cymharu pob chwarter
# A table's caption. $theme: the indicators' theme.
compare-table-caption = { $theme }: ffigurau fesul chwarter
# Under a table's caption. $count: how many quarters (or years) it has.
# "o flynyddoedd" avoids the mutations "blwyddyn" takes after a number.
compare-hint-quarters = { $count } chwarter, y diweddaraf yn gyntaf; sgroliwch y tabl i'r ochr i weld unrhyw rai nad ydynt yn ffitio.
compare-hint-years = { $count } o flynyddoedd, y diweddaraf yn gyntaf; sgroliwch y tabl i'r ochr i weld unrhyw rai nad ydynt yn ffitio.
# The heading of the tables' first column.
compare-indicator = Dangosydd

## Nifer (counts): Welsh has six plural forms (CLDR: zero, one, two, few,
## many, other); each is written out here.

# A count of reports, in words for the small numbers. $count: the number.
# awaiting a translator's review
report-count = { $count ->
        [zero] dim adroddiadau
        [one] un adroddiad
        [two] dau adroddiad
        [few] tri adroddiad
        [many] chwe adroddiad
       *[other] { $count } adroddiad
    }

## Cymharu (compare)

# A change in a cell of the compare tables. $n: the change in its unit ("16",
# "3 pwynt canran"). Written as change-up and change-down begin.
compare-up = cynnydd o { $n }
compare-down = gostyngiad o { $n }
compare-same = dim newid
# After a cell's change when the figure it is compared with is not the
# quarter before's (or the year before's). $change: compare-up, -down or
# -same; $period: the earlier figure's period, a month ("Ebrill 2022"), a
# quarter ("Chwarter 1 2022-23") or a financial year ("2021-22"). "ers"
# does not mutate; "ers mis" keeps the month's name as it is.
# awaiting a translator's review
compare-since-month = { $change } ers mis { $period }
compare-since-quarter = { $change } ers { $period }
compare-since-year = { $change } ers { $period }
# In bold after a cell's like-with-like change.
# awaiting a translator's review
compare-cell-better = gwell
# awaiting a translator's review
compare-cell-worse = gwaeth
# A line under compare-better, compare-worse or compare-no-change. $figure:
# the latest figure ("498 diwrnod"); $when: its period after "yn" (see
# in-month); $change: the change as a report says it (see change-up).
compare-summary-line = { $figure } { $when }, { $change }
# The heading, caption and first paragraph of the table of whole years.
# "Blwyddyn" is feminine: "y flwyddyn ddiweddaraf", "y flwyddyn flaenorol".
compare-years-theme = Blynyddoedd ariannol cyfan
compare-years-caption = Ffigurau fesul blwyddyn ariannol
# awaiting a translator's review
compare-years-intro = Dangosyddion sydd â ffigurau ar gyfer blynyddoedd ariannol cyfan, y flwyddyn ddiweddaraf yn gyntaf, pob un gyda'i newid o'r flwyddyn flaenorol. Nid yw ffigur blwyddyn yng ngholofnau'r chwarteri uchod.

## Unedau (units): y geiriau o amgylch ffigur. $n yw'r ffigur fel y'i
## hysgrifennir ("67.9", "1,234"); $count yw'r un ffigur fel rhif.

# A rate per 10,000 children.
unit-per-10k = { $n } fesul 10,000
# A number of days: the noun stays singular after a number in figures.
unit-days = { $n } diwrnod
# A difference between two percentages.
unit-points = { $n } pwynt canran
# An amount of money, in pounds; in millions; in billions.
unit-money = £{ $n }
# awaiting a translator's review
unit-money-million = £{ $n } miliwn
# awaiting a translator's review
unit-money-billion = £{ $n } biliwn

## Cyfnodau ar ôl "yn" (periods after "in"): $period yw mis ("Mawrth 2023"),
## chwarter ("Chwarter 4 2022-23") neu flwyddyn ariannol ("2022-23").
## "ym mis" keeps the month's name as it is.

in-month = ym mis { $period }
in-quarter = yn { $period }
in-year = yn { $period }

## Newidiadau (changes): ffigur o'i gymharu ag un cynharach. $amount: y
## newid yn ei uned ("16", "2 pwynt canran"); $from: y ffigur cynharach;
## $when: ei gyfnod ar ôl "yn" (gweler in-month).

# awaiting a translator's review
change-up = cynnydd o { $amount } o'i gymharu â { $from } { $when }
# awaiting a translator's review
change-down = gostyngiad o { $amount } o'i gymharu â { $from } { $when }
# awaiting a translator's review
change-same = dim newid o'i gymharu â { $from } { $when }
# When either figure is withheld or not available. $period: that figure's
# period; $figure: its symbol ("[c]").
change-not-comparable = dim modd cymharu: y ffigur ar gyfer { $period } yw { $figure }

## Symbolau (symbols): ystyr pob symbol wrth ymyl ffigur neu yn ei le, yn yr
## allwedd o dan dabl neu siart ac ar ddiwedd adroddiad.

marker-c = cyfrinachol: mae'r ffigur wedi'i atal i ddiogelu unigolion
marker-x = ddim ar gael
marker-z = ddim yn berthnasol
# awaiting a translator's review
marker-low = yn talgrynnu i sero, ond nid yw'n sero
# awaiting a translator's review
marker-u = dibynadwyedd isel
marker-p = dros dro: gall y ffigur newid
marker-r = wedi'i ddiwygio ers ei gyhoeddi gyntaf
marker-e = amcangyfrif
