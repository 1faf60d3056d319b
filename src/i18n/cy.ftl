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

## PDF

# The PDF of a report (pdf = true): its own words around the report's.
# On the PDF's first page, the labels before the report's details.
pdf-period = Cyfnod
pdf-committee = Pwyllgor
pdf-meeting = Cyfarfod
# Before the date the report was published.
pdf-published = Cyhoeddwyd
pdf-status = Statws
# After pdf-status, for a published report (a draft says report-draft-title).
pdf-status-published = Wedi'i gyhoeddi
# Before the report's web address.
pdf-web-version = Fersiwn we
# The caption over the PDF's table of key figures. $period: the report's quarter, such as "Q1 2023-24".
pdf-key-figures-caption = Ffigurau allweddol, { $period }
# The headings of the key figures table's columns.
pdf-indicator = Dangosydd
pdf-figure = Ffigur
pdf-key-figure-period = Cyfnod
pdf-change = Newid
# Before a table's number in its caption: "Tabl 3".
pdf-table = Tabl
# Before a chart's number in its caption ("Ffigur 3") is pdf-figure. Over each
# later piece of a chart too tall for one page. $number: the chart's number.
# awaiting a translator's review
pdf-figure-continued = Ffigur { $number }, parhad
# The heading of the PDF's last section, the figures of every chart as tables, and the line under it.
pdf-appendix-heading = Y ffigurau yn y siartiau
# awaiting a translator's review
pdf-appendix-lead = Ffigurau pob siart, fel y mae'r fersiwn we yn eu dangos mewn tabl o dan y siart.
# The caption of a chart's table in that section. $number: the chart's number; $caption: the table's caption.
pdf-appendix-caption = Ffigur { $number }: { $caption }
# At the foot of every page. $page: this page's number; $pages: how many there are.
pdf-page-of = Tudalen { $page } o { $pages }
# On a report's web page, under the link to its PDF: "PDF, 25 tudalen, 410 KB".
# $pdf: the abbreviation PDF, with pdf-abbreviation as its expansion; $pages: its pages; $size: its size.
pdf-attachment-meta = { $pdf }, { $pages } tudalen, { $size }
# What PDF stands for, shown when pointing at it.
# awaiting a translator's review
pdf-abbreviation = Fformat Dogfen Gludadwy

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

## Siartiau (charts)
##
## The words outturn writes about a chart from its figures: the message
## under its title, the description a screen reader hears, the words drawn
## in the chart, and the captions and headings of its table. The gaps are
## filled with words outturn has written already: $subject is what the
## figures are of (an indicator's title, or an area's name); $figure a
## figure as the tables print it ("308", "55% [p]"); $period a period as the
## chart labels it ("Mehefin 2023", "Chwarter 1 2023-24", "2022-23"); $area
## an area's name.
##
## Where a gap follows a word that mutates it, outturn writes the word and
## the mutation itself, in a gap of its own:
##   $in_period, $in_earlier: "yn" and the period: "ym mis Mehefin 2023",
##     "yn Chwarter 3 2024-25", "yn 2024-25" (a place: "yng Nghymru");
##   $to_last: "i" and the last period: "i Fehefin 2023";
##   $and_last: "a" (or "ac") and the last name: "a Chaerdydd", "ac Abertawe";
##   $than_areas: "na" (or "nag") and the areas: "na Chymru (26)";
##   $as_areas: "â" (or "ag") and the areas: "â Chymru (26)".
## A number in figures keeps the noun after it singular ("o 5 grŵp").

# A chart with no figures at all.
chart-no-figures = Nid oes ffigurau.
# A series with no figures. $subject: whose they would be.
chart-no-figures-for = { $subject }: dim ffigurau.
# A series of one figure. $subject; $figure; $in_period: its period after "yn".
chart-one-figure = { $subject }: { $figure } { $in_period }.
# The latest figure prints the same as the one before. $subject; $figure:
# the latest; $in_period: its period after "yn"; $in_earlier: the period
# before, after "yn".
# awaiting a translator's review
chart-stayed = Arhosodd { $subject } ar { $figure } { $in_period }, fel { $in_earlier }.
# The latest figure went up, or down, from the one before. $subject;
# $figure: the latest; $in_period: its period after "yn"; $earlier_figure:
# the figure before; $in_earlier: its period after "yn".
# awaiting a translator's review
chart-rose-from = Cododd { $subject } i { $figure } { $in_period }, o { $earlier_figure } { $in_earlier }.
# awaiting a translator's review
chart-fell-from = Gostyngodd { $subject } i { $figure } { $in_period }, o { $earlier_figure } { $in_earlier }.
# As chart-rose-from, when the latest figure is the highest (lowest) since
# an earlier figure at least as high (low): $earlier_figure, in $earlier.
# awaiting a translator's review
chart-rose-highest-since = Cododd { $subject } i { $figure } { $in_period }, yr uchaf ers { $earlier }, pan oedd yn { $earlier_figure }.
# awaiting a translator's review
chart-fell-lowest-since = Gostyngodd { $subject } i { $figure } { $in_period }, yr isaf ers { $earlier }, pan oedd yn { $earlier_figure }.
# As chart-rose-from, when the latest figure is the highest (lowest) of all
# the chart shows: $in_earlier is the chart's first period, after "yn".
# awaiting a translator's review
chart-rose-highest-from-start = Cododd { $subject } i { $figure } { $in_period }, yr uchaf ers dechrau'r siart { $in_earlier }.
# awaiting a translator's review
chart-fell-lowest-from-start = Gostyngodd { $subject } i { $figure } { $in_period }, yr isaf ers dechrau'r siart { $in_earlier }.
# After the council's trend: how its latest figure compares. $in_period:
# the latest period after "yn"; $area: the council's area; $relations: one
# or more of chart-better-than … chart-same-as, joined as a list.
chart-compared = Roedd { $area } { $relations } { $in_period }.
# A relation to the comparators. $than_areas, $as_areas: each comparator
# with its figure, as a list, after "na" or "â": "na Chymru (26) a Lloegr (24)".
chart-better-than = yn well { $than_areas }
chart-worse-than = yn waeth { $than_areas }
# Where neither higher nor lower is better.
chart-higher-than = yn uwch { $than_areas }
chart-lower-than = yn is { $than_areas }
chart-same-as = yr un fath { $as_areas }
# A comparator's figure for another period than the council's, in a list
# of relations. $area: the comparator; $figure; $in_period.
chart-compared-figure-in = { $area } ({ $figure } { $in_period })
# A chart of areas side by side: the council's latest figure. $area: the
# council's area; $figure; $in_period: the figure's period after "yn";
# $relations: as in chart-compared.
chart-area = { $area }: { $figure }.
chart-area-in = { $area }: { $figure } { $in_period }.
chart-area-compared = { $area }: { $figure }, { $relations }.
chart-area-in-compared = { $area }: { $figure } { $in_period }, { $relations }.
# The council's area has no figure. $area.
chart-no-figure-for = { $area }: dim ffigur.
# What a chart of areas draws.
chart-drawn-areas = Siart bar o ffigurau diweddaraf yr ardaloedd.
# A breakdown's largest groups, at the end of a chart of its groups.
# $in_period: the period (or the area of a chart of one area) after "yn";
# $count: how many groups are named, 1 to 3; $groups: them, with their
# figures, as a list: "Gwyn (180, 64% o'r cyfanswm) ac Arall (54, 19%)".
# awaiting a translator's review
chart-groups = { $count ->
        [one] Y grŵp mwyaf { $in_period } oedd { $groups }
       *[other] Y grwpiau mwyaf { $in_period } oedd { $groups }
    }.
# As chart-groups, saying what they are groups of. $subject: the indicator.
# awaiting a translator's review
chart-groups-of = { $subject }: { $count ->
        [one] y grŵp mwyaf { $in_period } oedd { $groups }
       *[other] y grwpiau mwyaf { $in_period } oedd { $groups }
    }.
# As chart-groups, for one area's groups in a period. $area: the area.
# awaiting a translator's review
chart-groups-for = { $count ->
        [one] Y grŵp mwyaf ar gyfer { $area } { $in_period } oedd { $groups }
       *[other] Y grwpiau mwyaf ar gyfer { $area } { $in_period } oedd { $groups }
    }.
# awaiting a translator's review
chart-groups-for-of = { $subject }: { $count ->
        [one] y grŵp mwyaf ar gyfer { $area } { $in_period } oedd { $groups }
       *[other] y grwpiau mwyaf ar gyfer { $area } { $in_period } oedd { $groups }
    }.
# The first group named in chart-groups, with its share of the total.
# $figure: its figure; $share: its share, "64%".
chart-share-first = { $figure }, { $share } o'r cyfanswm
# A group's figure and share in a sentence of its own.
chart-share-alone = { $figure } ({ $share } o'r cyfanswm)
# Where the largest group stood at the start. $subject: the group;
# $figure: chart-share-alone or its figure; $in_period: the first period
# after "yn".
chart-share-was = Roedd { $subject } yn { $figure } { $in_period }.
# A comparator's figure for the largest group. $area; $figure; $in_period.
chart-group-figure-in = { $area } { $figure } { $in_period }
# A stacked chart of percentages, drawn as published. $count: how many groups.
# awaiting a translator's review
chart-shares-published = Canrannau fel y'u cyhoeddwyd, ar gyfer { $count } grŵp.
# Bars whose rounded percentages do not total 100%. $total: their total,
# "99%"; $lowest, $highest: the lowest and highest totals.
# awaiting a translator's review
chart-bars-total-rounded = Cyfanswm y barrau: { $total }, fel y'u cyhoeddwyd (ffigurau wedi'u talgrynnu).
# awaiting a translator's review
chart-bars-total-range-rounded = Cyfansymiau'r barrau: { $lowest } i { $highest }, fel y'u cyhoeddwyd (ffigurau wedi'u talgrynnu).
# A stacked chart of shares outturn computes. $count: how many groups.
# awaiting a translator's review
chart-shares-of-counts = Cyfrannau, wedi'u cyfrifo o'r niferoedd, o { $count } grŵp.
# awaiting a translator's review
chart-shares-of-figures = Cyfrannau, wedi'u cyfrifo o'r ffigurau, o { $count } grŵp.
# The note drawn under a stacked chart's key. $total, $lowest, $highest:
# as in chart-bars-total-rounded.
# awaiting a translator's review
chart-note-total = Cyfanswm y barrau: { $total }, fel y'u cyhoeddwyd.
# awaiting a translator's review
chart-note-total-range = Cyfansymiau'r barrau: { $lowest } i { $highest }, fel y'u cyhoeddwyd.
chart-note-counts = Cyfrannau wedi'u cyfrifo o'r niferoedd yn y tabl.
chart-note-figures = Cyfrannau wedi'u cyfrifo o'r ffigurau yn y tabl.
# The kinds of chart, as chart-drawn … name them.
# awaiting a translator's review
chart-line = Siart linell
chart-bar = Siart bar
# awaiting a translator's review
chart-stacked = Siart bar wedi'i bentyrru
# What is drawn. $chart: chart-line, chart-bar or chart-stacked; $first:
# the first period; $to_last: the last, after "i".
chart-drawn-range = { $chart }, { $first } { $to_last }.
# $period: the one period.
chart-drawn-one = { $chart }, { $period }.
chart-drawn = { $chart }.
# $count: how many groups the bars show.
chart-drawn-groups = { $chart } o { $count } grŵp.
# Periods with no figure left out of a chart. $count: in how many places (4 or more).
# awaiting a translator's review
chart-periods-left-out = Mae cyfnodau wedi'u hepgor mewn { $count } man rhwng y cyfnodau a ddangosir.
# $first: the period before those left out; $and_last: the period after, after "a".
# awaiting a translator's review
chart-no-periods-between = Ni ddangosir unrhyw gyfnodau rhwng { $first } { $and_last }.
# A line chart whose value axis starts above zero. $value: where, "250".
chart-axis-from = Nid yw echelin y gwerthoedd yn dechrau ar sero: mae'n dechrau ar { $value }.
# Periods without a figure between a series' first and latest. $period:
# the one; $periods: two or three, as a list.
chart-no-figure-at = Dim ffigur ar gyfer { $period }.
chart-no-figures-at = Dim ffigurau ar gyfer { $periods }.
# $count: how many have no figure; $total: how many periods from the first to the latest.
# awaiting a translator's review
chart-no-figures-between = Dim ffigurau ar gyfer { $count } o'r { $total } cyfnod yn y canol.
# The title over a chart's value axis, where its labels leave the unit out.
chart-axis-count = Nifer
chart-axis-rate-per-10k = Cyfradd fesul 10,000
chart-axis-days = Diwrnodau
chart-axis-score = Sgôr
# Beside a chart's title: the periods it shows. $first; $to_last: the last, after "i".
chart-range = { $first } { $to_last }
# The caption of a chart's table. $title: the chart's title.
figure-caption = { $title }: y ffigurau yn y siart
# … when the chart shows one figure.
figure-caption-one = { $title }: y ffigur
# … when the chart shows only its latest period's figures, $period (too
# many series to draw as lines).
figure-caption-drawn = { $title }: y ffigurau (mae'r siart yn dangos { $period })
# The heading over a table's row labels.
table-period = Cyfnod
table-category = Categori
table-area = Ardal
# Read by a screen reader before a note's number in a table's cell.
table-note = Nodyn
# Two or more names. $first: all but the last, with commas between;
# $and_last: the last, after "a" (or "ac").
list-and = { $first } { $and_last }
# As list-and, where the names have lists of their own: "yn well na A a B,
# ac yn waeth na C".
list-and-after-list = { $first }, { $and_last }
# The first line of a chart's or table's CSV download: its columns' names,
# separated by commas, for a spreadsheet or a program to read. Each name is
# one word or words joined by "_".
# awaiting a translator's review
csv-columns = dangosydd,teitl_dangosydd,ardal,dadansoddiad,cyfnod,label_cyfnod,dechrau_cyfnod,diwedd_cyfnod,gwerth,uned,symbolau,nodyn

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
# the latest figure ("498 diwrnod"); $in_period: its period after "yn", the
# mutation made ("ym mis Mehefin 2023", "yn Chwarter 1 2023-24"); $change:
# the change as a report says it (see change-up).
compare-summary-line = { $figure } { $in_period }, { $change }
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

## Newidiadau (changes): ffigur o'i gymharu ag un cynharach. $amount: y
## newid yn ei uned ("16", "2 pwynt canran"); $from: y ffigur cynharach;
## $in_earlier: ei gyfnod ar ôl "yn", wedi'i dreiglo ("ym mis Mawrth 2023",
## "yn Chwarter 4 2022-23").

# awaiting a translator's review
change-up = cynnydd o { $amount } o'i gymharu â { $from } { $in_earlier }
# awaiting a translator's review
change-down = gostyngiad o { $amount } o'i gymharu â { $from } { $in_earlier }
# awaiting a translator's review
change-same = dim newid o'i gymharu â { $from } { $in_earlier }
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

## Tudalen dangosydd (an indicator's page). $title: teitl y dangosydd.

# The caption of its history chart: figures of one kind of period, or of several.
indicator-chart-monthly = { $title }: ffigurau misol
indicator-chart-quarterly = { $title }: ffigurau chwarterol
indicator-chart-yearly = { $title }: ffigurau blynyddol
indicator-chart-history = { $title }: hanes
# A chart caption when the chart has only comparators' figures. $caption:
# one of the captions above; $areas: the comparators' names.
indicator-chart-for = { $caption } ar gyfer { $areas }
# The caption of the table of every figure it has.
indicator-every-figure = { $title }: pob ffigur
# What its figures count.
indicator-unit-count = Nifer
indicator-unit-percent = Canran
indicator-unit-rate = Cyfradd fesul 10,000 o blant
indicator-unit-days = Diwrnodau
indicator-unit-score = Sgôr
indicator-unit-money = Punnoedd
# Which way is better.
indicator-higher-better = Mae uwch yn well
indicator-lower-better = Mae is yn well
# awaiting a translator's review
indicator-neutral = Nid yw uwch nac is yn well ynddo'i hun
# When its figures are counted.
indicator-stock = Ar ddiwedd pob cyfnod
indicator-flow = Yn ystod pob cyfnod

## Nodiadau (notes outturn adds to a figure). $count: faint o ffigurau a
## adiwyd; $first: cyfnod y cyntaf; $to_last: "i" a chyfnod yr olaf, wedi'i
## dreiglo ("i Fehefin 2023").

# A total worked out from the months, quarters or years within it.
# awaiting a translator's review
note-summed-months = Wedi'i gyfrifo drwy adio'r { $count } ffigur misol, { $first } { $to_last }.
# awaiting a translator's review
note-summed-quarters = Wedi'i gyfrifo drwy adio'r { $count } ffigur chwarterol, { $first } { $to_last }.
# awaiting a translator's review
note-summed-years = Wedi'i gyfrifo drwy adio'r { $count } ffigur blynyddol, { $first } { $to_last }.
