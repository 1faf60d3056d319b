//! Charts in Welsh: each kind's message and description, written in full,
//! and no English word outturn writes in any of a Welsh chart's words.

use super::tests::{chart, comparator, over_months, series, wide};
use super::{Chart, ChartSeries, Kind, Span, description, message, svg};
use crate::data::indicators::{Polarity, Unit};
use crate::i18n::Language;

const MISOEDD: [&str; 6] = [
    "Ionawr 2023",
    "Chwefror 2023",
    "Mawrth 2023",
    "Ebrill 2023",
    "Mai 2023",
    "Mehefin 2023",
];

/// A Welsh chart of `kind` over `categories`.
fn siart(kind: Kind, categories: &[&str], series: Vec<ChartSeries>) -> Chart {
    Chart {
        id: "siart-1".into(),
        title: "Plant sy'n derbyn gofal".into(),
        subject: "Plant sy'n derbyn gofal".into(),
        language: Language::Welsh,
        ..chart(kind, categories, series)
    }
}

/// A Welsh chart of months, with their spans.
fn misol(kind: Kind, series: Vec<ChartSeries>) -> Chart {
    over_months(siart(kind, &MISOEDD[..series[0].values.len()], series))
}

/// A line over six months, with a gap, a note and two comparators.
fn llinell() -> Chart {
    let mut chart = misol(
        Kind::Line,
        vec![
            series(
                "Ynys Môn",
                &[
                    Some(294.0),
                    Some(299.0),
                    Some(292.0),
                    None,
                    Some(301.0),
                    Some(308.0),
                ],
            ),
            comparator("Cymru", &[None, None, None, None, None, Some(300.0)]),
            comparator("Abertawe", &[None, None, None, None, Some(320.0), None]),
        ],
    );
    chart.series[0].markers[3] = Some("[c]".into());
    chart.series[0].markers[5] = Some("[p]".into());
    chart.polarity = Polarity::LowerIsBetter;
    chart
}

/// Bars of a breakdown's groups in one period, with a comparator.
fn bariau() -> Chart {
    siart(
        Kind::Bar,
        &["Dan 1", "1 i 4", "5 i 9", "10 i 15", "16 a throsodd"],
        vec![
            series(
                "Ynys Môn (Chwarter 1 2023-24)",
                &[Some(20.0), Some(40.0), Some(55.0), Some(100.0), Some(65.0)],
            ),
            comparator(
                "Cymru (2022-23)",
                &[
                    Some(400.0),
                    Some(900.0),
                    Some(1200.0),
                    Some(2500.0),
                    Some(1800.0),
                ],
            ),
        ],
    )
}

/// A breakdown's shares over three quarters, computed from counts.
fn pentwr() -> Chart {
    let mut chart = siart(
        Kind::Stacked,
        &[
            "Chwarter 3 2022-23",
            "Chwarter 4 2022-23",
            "Chwarter 1 2023-24",
        ],
        vec![
            series("Gwyn", &[Some(150.0), Some(160.0), Some(180.0)]),
            series("Cymysg", &[Some(30.0), Some(35.0), Some(47.0)]),
            series("Arall", &[Some(20.0), Some(25.0), Some(54.0)]),
        ],
    );
    chart.spans = Some(
        (0..3)
            .map(|q| Span {
                start: 24273 + 3 * q,
                end: 24276 + 3 * q,
            })
            .collect(),
    );
    chart
}

/// The council's latest figure beside its comparators'.
fn ardaloedd() -> Chart {
    let mut chart = siart(
        Kind::Bar,
        &[
            "Ynys Môn (Mehefin 2023)",
            "Cymru (2022-23)",
            "Caerdydd (Mehefin 2023)",
            "Powys (Mehefin 2023)",
        ],
        vec![series(
            "Plant sy'n derbyn gofal fesul 10,000",
            &[Some(64.0), Some(70.0), Some(58.0), Some(64.0)],
        )],
    );
    chart.own_category = Some(0);
    chart.polarity = Polarity::LowerIsBetter;
    chart
}

/// One figure of one period.
fn un_ffigur() -> Chart {
    misol(Kind::Line, vec![series("Ynys Môn", &[Some(292.0)])])
}

#[test]
fn a_welsh_line_says_its_trend_and_how_the_council_compares() {
    let chart = llinell();
    let said = "Cododd Plant sy'n derbyn gofal i 308 [p] ym mis Mehefin 2023, o 301 ym mis Mai \
                2023. Roedd Ynys Môn yn waeth na Chymru (300) ac yn well nag Abertawe (320 ym \
                mis Mai 2023) ym mis Mehefin 2023.";
    assert_eq!(message(&chart), said);
    assert_eq!(
        description(&chart),
        format!(
            "{said} Siart linell, Ionawr 2023 i Fehefin 2023. Nid yw echelin y gwerthoedd yn \
             dechrau ar sero: mae'n dechrau ar 290."
        )
    );
}

#[test]
fn a_welsh_line_says_the_highest_since_and_the_periods_without_a_figure() {
    let mut chart = misol(
        Kind::Line,
        vec![series(
            "Ynys Môn",
            &[
                Some(310.0),
                Some(299.0),
                None,
                Some(292.0),
                Some(301.0),
                Some(309.0),
            ],
        )],
    );
    chart.categories = MISOEDD.iter().map(|m| m.to_string()).collect();
    assert_eq!(
        description(&chart),
        "Cododd Plant sy'n derbyn gofal i 309 ym mis Mehefin 2023, o 301 ym mis Mai 2023. \
         Siart linell, Ionawr 2023 i Fehefin 2023. Nid yw echelin y gwerthoedd yn dechrau ar \
         sero: mae'n dechrau ar 290. Dim ffigur ar gyfer Mawrth 2023."
    );
    chart.series[0].values[2] = Some(296.0);
    assert_eq!(
        message(&chart),
        "Cododd Plant sy'n derbyn gofal i 309 ym mis Mehefin 2023, yr uchaf ers Ionawr \
         2023, pan oedd yn 310."
    );
    chart.series[0].values = vec![
        Some(310.0),
        Some(309.0),
        Some(305.0),
        Some(300.0),
        Some(300.0),
    ];
    chart.categories.truncate(5);
    chart.spans.as_mut().unwrap().truncate(5);
    assert_eq!(
        message(&chart),
        "Arhosodd Plant sy'n derbyn gofal ar 300 ym mis Mai 2023, fel ym mis Ebrill 2023."
    );
    chart.series[0].values[4] = Some(290.0);
    assert_eq!(
        message(&chart),
        "Gostyngodd Plant sy'n derbyn gofal i 290 ym mis Mai 2023, yr isaf ers dechrau'r \
         siart ym mis Ionawr 2023."
    );
}

#[test]
fn a_welsh_bar_chart_names_a_breakdowns_largest_groups() {
    let chart = bariau();
    let said = "Plant sy'n derbyn gofal: y grwpiau mwyaf ar gyfer Ynys Môn yn Chwarter 1 \
                2023-24 oedd 10 i 15 (100, 36% o'r cyfanswm), 16 a throsodd (65, 23%) a 5 i 9 \
                (55, 20%).";
    assert_eq!(message(&chart), said);
    assert_eq!(
        description(&chart),
        format!("{said} 10 i 15: Cymru 2,500 yn 2022-23. Siart bar o 5 grŵp.")
    );
}

#[test]
fn a_welsh_stacked_chart_says_the_largest_shares_and_how_they_are_computed() {
    let chart = pentwr();
    let said = "Plant sy'n derbyn gofal: y grwpiau mwyaf yn Chwarter 1 2023-24 oedd Gwyn (180, \
                64% o'r cyfanswm), Arall (54, 19%) a Chymysg (47, 17%).";
    assert_eq!(message(&chart), said);
    assert_eq!(
        description(&chart),
        format!(
            "{said} Roedd Gwyn yn 150 (75% o'r cyfanswm) yn Chwarter 3 2022-23. Siart bar \
             wedi'i bentyrru, Chwarter 3 2022-23 i Chwarter 1 2023-24. Cyfrannau, wedi'u \
             cyfrifo o'r niferoedd, o 3 grŵp."
        )
    );
    assert!(
        svg(&chart).contains(">Cyfrannau wedi&#39;u cyfrifo o&#39;r niferoedd yn y tabl.</text>"),
        "{}",
        svg(&chart)
    );
}

#[test]
fn a_welsh_stacked_chart_of_percentages_says_its_bars_totals() {
    let mut chart = pentwr();
    chart.unit = Unit::Percent;
    chart.series[0].values = vec![Some(60.0), Some(61.0), Some(62.0)];
    chart.series[1].values = vec![Some(20.0), Some(20.0), Some(20.0)];
    chart.series[2].values = vec![Some(19.0), Some(21.0), Some(19.0)];
    assert!(
        description(&chart).ends_with(
            " Canrannau fel y'u cyhoeddwyd, ar gyfer 3 grŵp. Cyfansymiau'r barrau: 99% i 102%, \
             fel y'u cyhoeddwyd (ffigurau wedi'u talgrynnu)."
        ),
        "{}",
        description(&chart)
    );
    let note = ">Cyfansymiau&#39;r barrau: 99% i 102%, fel y&#39;u cyhoeddwyd.</text>";
    assert!(wide(&chart).contains(note), "{}", wide(&chart));
}

#[test]
fn a_welsh_chart_of_areas_compares_the_council_with_each() {
    let chart = ardaloedd();
    let said = "Ynys Môn: 64 ym mis Mehefin 2023, yn well na Chymru (70 yn 2022-23), yn waeth na \
                Chaerdydd (58), ac yr un fath â Phowys (64).";
    assert_eq!(message(&chart), said);
    assert_eq!(
        description(&chart),
        format!("{said} Siart bar o ffigurau diweddaraf yr ardaloedd.")
    );
}

#[test]
fn a_welsh_single_figure_says_its_period() {
    let chart = un_ffigur();
    assert_eq!(
        message(&chart),
        "Plant sy'n derbyn gofal: 292 ym mis Ionawr 2023."
    );
    assert_eq!(
        description(&chart),
        "Plant sy'n derbyn gofal: 292 ym mis Ionawr 2023. Siart linell, Ionawr 2023."
    );
}

/// English words outturn writes about charts and tables: none may be in a
/// Welsh chart's or table's words.
pub(crate) const ENGLISH: [&str; 44] = [
    "and",
    "than",
    "rose",
    "fell",
    "from",
    "period",
    "figure",
    "figures",
    "per",
    "to",
    "in",
    "the",
    "of",
    "number",
    "chart",
    "line",
    "group",
    "groups",
    "total",
    "shares",
    "was",
    "highest",
    "lowest",
    "since",
    "no",
    "stayed",
    "as",
    "for",
    "between",
    "computed",
    "counts",
    "published",
    "percentages",
    "bars",
    "same",
    "better",
    "worse",
    "higher",
    "lower",
    "axis",
    "starts",
    "days",
    "category",
    "area",
];

/// The English words of [`ENGLISH`] in `text`.
pub(crate) fn english_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect()
}

/// Each `<text>`, `<title>` and `<desc>` of a drawing.
fn svg_words(svg: &str) -> String {
    let mut out = String::new();
    for tag in ["<text", "<title", "<desc"] {
        for part in svg.split(tag).skip(1) {
            let inner = &part[part.find('>').map_or(0, |i| i + 1)..];
            out.push_str(&inner[..inner.find('<').unwrap_or(inner.len())]);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_welsh_chart_writes_no_english_word() {
    let mut long = misol(
        Kind::Line,
        vec![series(
            "Ynys Môn",
            &[
                Some(1.0),
                Some(2.0),
                Some(3.0),
                Some(2.0),
                Some(5.0),
                Some(9.0),
            ],
        )],
    );
    // Months too many for full names: their short names.
    long.categories = (0..24)
        .map(|i| format!("{} {}", crate::i18n::welsh::MONTHS[i % 12], 2022 + i / 12))
        .collect();
    long.series[0].values = (0..24).map(|i| Some(f64::from(i as u8) + 100.0)).collect();
    long.series[0].markers = vec![None; 24];
    long.spans = Some(
        (0..24)
            .map(|m| Span {
                start: 24264 + m,
                end: 24265 + m,
            })
            .collect(),
    );
    let mut days = bariau();
    days.unit = Unit::Days;
    let mut published = pentwr();
    published.unit = Unit::Percent;
    published.series[2].values[0] = Some(2.0);
    let mut many = llinell();
    many.series = (0..8)
        .map(|i| {
            series(
                &format!("Ardal {i}"),
                &[
                    Some(1.0),
                    None,
                    Some(3.0),
                    Some(4.0),
                    Some(5.0),
                    Some(f64::from(i)),
                ],
            )
        })
        .collect();
    let mut rates = llinell();
    rates.unit = Unit::RatePer10k;
    let mut money = ardaloedd();
    money.unit = Unit::Money;
    let charts = [
        llinell(),
        rates,
        money,
        bariau(),
        days,
        pentwr(),
        published,
        ardaloedd(),
        un_ffigur(),
        long,
        many,
    ];
    for chart in charts {
        let drawn = svg(&chart);
        let words = format!(
            "{}\n{}\n{}",
            message(&chart),
            description(&chart),
            svg_words(&drawn)
        );
        assert!(
            english_in(&words).is_empty(),
            "{:?} in:\n{words}",
            english_in(&words)
        );
    }
}

#[test]
fn a_welsh_charts_figures_carry_their_units_in_welsh() {
    let mut rates = llinell();
    rates.unit = Unit::RatePer10k;
    rates.decimals = 1;
    assert!(svg(&rates).contains(">Cyfradd fesul 10,000</text>"));
    assert_eq!(
        message(&rates),
        "Cododd Plant sy'n derbyn gofal i 308.0 fesul 10,000 [p] ym mis Mehefin 2023, o 301.0 \
         fesul 10,000 ym mis Mai 2023. Roedd Ynys Môn yn waeth na Chymru (300.0 fesul 10,000) \
         ac yn well nag Abertawe (320.0 fesul 10,000 ym mis Mai 2023) ym mis Mehefin 2023."
    );
    let mut days = bariau();
    days.unit = Unit::Days;
    assert!(
        description(&days).contains(" 10 i 15: Cymru 2,500 diwrnod yn 2022-23. "),
        "{}",
        description(&days)
    );
    assert!(svg(&days).contains(">Diwrnodau</text>"));
}
