//! Tests of what a careless or hostile body cannot do: run for ever, reach
//! the page's state, publish markup through a placeholder, or get an error
//! without its line. The property tests give random arguments to `value()`,
//! `change()`, `chart()` and the rest, and random template text around them:
//! evaluating never panics, always ends (the budget sees to loops), and
//! every problem names a line of the body.

use super::budget;
use super::placeholders::{Evaluated, Placeholders};
use crate::period::Period;
use crate::testutil;
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The first line of the body in its file.
const FIRST_LINE: usize = 5;

fn placeholders() -> &'static Placeholders {
    static PLACEHOLDERS: OnceLock<Placeholders> = OnceLock::new();
    PLACEHOLDERS.get_or_init(|| with_partials(""))
}

/// Placeholders over a little data, with the built-in partials, each after
/// `lead` (a theme's own lines).
fn with_partials(lead: &str) -> Placeholders {
    let data = testutil::data(
        "cla_count:\n  title: CLA\n  unit: count\nrate:\n  title: Rate\n  unit: percent\nsupp:\n  title: Suppressed\n  unit: count\nages:\n  title: Ages\n  unit: count\n",
        "indicator,period,area,breakdown,value\ncla_count,2023-03,,,292\ncla_count,2023-04,,,300\ncla_count,2023-06,,,308\ncla_count,2023-06,england,,80000\nrate,2023-06,,,55.5\nrate,2023-06,sn,,60\nsupp,2023-06,,,[c]\nages,2023-06,,Under 1,10\nages,2023-06,,1 to 4,20\n",
    );
    let partials: Vec<(String, String)> = crate::templates::builtin_partials()
        .into_iter()
        .map(|(name, text)| (name, format!("{lead}{text}")))
        .collect();
    Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &partials)
}

/// Evaluates `body`, as at Q1 2023-24, starting on line 5 of `r.md`.
fn evaluate(body: &str) -> Result<Evaluated, Vec<String>> {
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    placeholders()
        .evaluate(Path::new("r.md"), body, FIRST_LINE, as_at, true)
        .map_err(|problems| problems.iter().map(|p| p.to_string()).collect())
}

/// Evaluates `body` and checks every problem names a line of it.
fn evaluates_with_lines(body: &str) -> Result<(), TestCaseError> {
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    let lines = body.lines().count().max(1);
    if let Err(problems) = placeholders().evaluate(Path::new("r.md"), body, FIRST_LINE, as_at, true)
    {
        for problem in &problems {
            let line = problem.line;
            prop_assert!(
                line.is_some_and(|l| (FIRST_LINE..FIRST_LINE + lines).contains(&l)),
                "{problem} has no line of the body ({lines} lines) in:\n{body}"
            );
        }
    }
    Ok(())
}

#[test]
fn a_runaway_loop_is_an_error_at_its_line() {
    let body = "Text\n\n{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}\n";
    let problems = evaluate(body).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("r.md:7:") && problems[0].contains("too much work"),
        "{problems:?}"
    );
}

/// A theme's chart partial that loops for ever is named, with its line, at
/// the body's `chart()` call; and once is enough.
#[test]
fn a_runaway_theme_partial_is_named_at_the_chart_that_uses_it() {
    let placeholders = with_partials(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
    );
    let body = "Text\n\n{{ chart(\"cla_count\") }}\n\n{{ table(\"cla_count\") }}\n";
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    let problems: Vec<String> = placeholders
        .evaluate(Path::new("r.md"), body, FIRST_LINE, as_at, true)
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "r.md:7:4: error: the theme's `partials/figure.html`, line 1: this template does too much work"
        ),
        "{problems:?}"
    );
}

#[test]
fn the_page_state_cannot_be_named_or_replaced_from_a_body() {
    for set in [
        "{% set __outturn_page = 1 %}",
        "{% set outturn_page = 1 %}",
        "{% set period = 1 %}",
    ] {
        let body = format!("{set}{{{{ value(\"cla_count\") }}}} children\n");
        let ok = evaluate(&body).unwrap_or_else(|p| panic!("{set}: {p:?}"));
        assert_eq!(ok.texts, ["308"], "{set}");
    }
    let problems = evaluate("{{ debug() }}\n").unwrap_err();
    assert!(
        problems[0].contains("unknown placeholder `debug`"),
        "{problems:?}"
    );
}

#[test]
fn markup_marked_safe_in_a_body_is_shown_as_text() {
    let ok = evaluate("{{ \"<script>x</script>\"|safe }}\n").unwrap();
    assert!(!ok.markdown.contains("<script>"), "{}", ok.markdown);
    assert_eq!(ok.texts, ["<script>x</script>"]);
}

#[test]
fn a_body_may_show_only_so_much_text_and_so_many_charts() {
    let problems =
        evaluate("{% set s = \"x\" * 10000000 %}\n{% for i in range(3) %}{{ s }}{% endfor %}\n")
            .unwrap_err();
    assert!(
        problems[0].starts_with("r.md:6:") && problems[0].contains("MB of text"),
        "{problems:?}"
    );
    let problems = evaluate(&format!(
        "{{% for i in range({}) %}}\n{{{{ chart(\"cla_count\") }}}}\n{{% endfor %}}\n",
        budget::MAX_EXHIBITS_PER_PAGE + 1
    ))
    .unwrap_err();
    assert!(
        problems[0].starts_with("r.md:6:") && problems[0].contains("charts and tables on one page"),
        "{problems:?}"
    );
}

#[test]
fn an_option_of_the_wrong_type_names_the_option_and_what_it_takes() {
    let body = "{{ chart(\"cla_count\", last=\"four\") }}\n\n{{ table(\"cla_count\", compare=[\"sn\", 3]) }}\n\n{{ chart(\"cla_count\", from=2022) }}\n\n{{ value(\"cla_count\", period=[1]) }}\n";
    let problems = evaluate(body).unwrap_err();
    let expected = [
        "r.md:5:4: error: `last=` takes a whole number, not the text \"four\"",
        "r.md:7:4: error: `compare=` takes a comparator in quotes, or a list of them in [ ], not the number 3",
        "r.md:9:4: error: `from=` takes text in quotes, not the number 2022",
        "r.md:11:4: error: `period=` takes text in quotes, not a list",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:?}");
    for (problem, expected) in problems.iter().zip(expected) {
        assert!(problem.starts_with(expected), "{problem}");
    }
}

/// `period.previous` is a period, as the README says: given to `period=`,
/// `vs=` or `from=` it was refused ("takes text in quotes") after options
/// were typed. It is read as the period it is, as its text would be.
#[test]
fn the_pages_periods_are_periods_in_options() {
    let body = "{{ value(\"cla_count\", period=period.previous) }}, {{ value(\"cla_count\", period=period) }}, {{ change(\"cla_count\", vs=period.previous) }}, {{ change(\"cla_count\", period=period, vs=period.previous) }}\n";
    let ok = evaluate(body).unwrap_or_else(|p| panic!("{p:?}"));
    let written = evaluate(
        "{{ value(\"cla_count\", period=\"2022-23 Q4\") }}, {{ value(\"cla_count\", period=\"2023-24 Q1\") }}, {{ change(\"cla_count\", vs=\"2022-23 Q4\") }}, {{ change(\"cla_count\", period=\"2023-24 Q1\", vs=\"2022-23 Q4\") }}\n",
    );
    assert_eq!(
        ok.texts[..3],
        ["292", "308", "an increase of 16 from 292 in March 2023"]
    );
    assert_eq!(ok.texts, written.unwrap_or_else(|p| panic!("{p:?}")).texts);
    for (object, text) in [
        ("period", "\"2023-24 Q1\""),
        ("period.previous", "\"2022-23 Q4\""),
    ] {
        let body = |from: &str| {
            format!(
                "{{{{ table(\"cla_count\", from={from}) }}}}\n\n{{{{ chart(\"cla_count\", from={from}) }}}}\n"
            )
        };
        // The data is monthly, so there is nothing to show from a quarter:
        // said of the quarter named, as for its text.
        let by_object = evaluate(&body(object)).map(|e| e.markdown);
        assert_eq!(
            by_object,
            evaluate(&body(text)).map(|e| e.markdown),
            "{object}"
        );
    }
    // What is not a period is still refused as before.
    let problems = evaluate("{{ value(\"cla_count\", period=period.end) }}\n").unwrap_err();
    assert!(
        problems[0].starts_with("r.md:5:4: error: `period=` takes text in quotes"),
        "{problems:?}"
    );
}

#[test]
fn an_error_at_the_end_of_the_body_is_placed_on_its_last_line() {
    let problems = evaluate("Text\n{% raw %}\n\n").unwrap_err();
    assert!(problems[0].starts_with("r.md:6:"), "{problems:?}");
}

/// Raw HTML is checked as it will be published, with the placeholders'
/// texts in place: a placeholder cannot hide an attribute from the check.
#[test]
fn raw_html_is_checked_with_the_placeholders_in_place() {
    let problems = evaluate(
        "{{ value(\"cla_count\") }} children\n\n<div>\n<img src=\"x.png\" on{{ \"\" }}error=\"alert(1)\">\n</div>\n",
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("r.md:8:") && problems[0].contains("`onerror=` runs JavaScript"),
        "{problems:?}"
    );
    let ok = evaluate("<abbr title=\"{{ value(\"cla_count\") }}\">CLA</abbr>\n").unwrap();
    assert_eq!(ok.texts, ["308"]);
}

/// A template expression of any type: text (with quotes, braces, markup and
/// non-ASCII), numbers, lists, maps, `none`, booleans and names.
fn argument() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-z_]{0,12}".prop_map(|s| format!("{s:?}")),
        any::<String>().prop_map(|s| format!("{s:?}").replace("\\u{", "\\u{0")),
        prop::sample::select(vec![
            "\"cla_count\"",
            "\"rate\"",
            "\"supp\"",
            "\"ages\"",
            "\"Under 1\"",
            "\"2023-24 Q1\"",
            "\"2023-06\"",
            "\"previous\"",
            "\"year_ago\"",
            "\"england\"",
            "\"sn\"",
            "\"bar\"",
            "\"line\"",
            "\"stacked\"",
            "none",
            "true",
            "false",
            "period",
            "period.previous",
            "\"<script>\"",
            "\"{{\"",
            "\"%}\"",
        ])
        .prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            (inner.clone(), inner).prop_map(|(k, v)| format!("{{{k}: {v}}}")),
        ]
    })
}

fn option_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "period",
            "area",
            "breakdown",
            "vs",
            "kind",
            "from",
            "last",
            "compare",
            "title",
            "periods",
        ])
        .prop_map(str::to_string),
        "[a-z]{1,8}",
    ]
}

fn call() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["value", "change", "benchmark", "chart", "table"]),
        prop::collection::vec(argument(), 0..3),
        prop::collection::vec((option_name(), argument()), 0..3),
    )
        .prop_map(|(function, args, options)| {
            let mut all = args;
            all.extend(options.into_iter().map(|(k, v)| format!("{k}={v}")));
            format!("{function}({})", all.join(", "))
        })
}

/// Pieces of template text to put together at random, balanced or not.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => call().prop_map(|c| format!("{{{{ {c} }}}}")),
        2 => call().prop_map(|c| format!("{{% if {c}.number > 3 %}}")),
        1 => call().prop_map(|c| format!("{{{{ {c}.period }}}}")),
        1 => call().prop_map(|c| format!("{{% set x = {c} %}}{{{{ x }}}}")),
        3 => prop::sample::select(vec![
            "\n", "\n\n", "text ", "{{", "}}", "{%", "%}", "(", ")", "\"", ",", "{% endif %}",
            "{% endfor %}", "{% for i in range(3) %}", "{% for i in range(100000) %}",
            "{% for i in range(100000) %}{% for j in range(100000) %}", "{{ i }}", "|safe",
            "<abbr title=\"", "\">", "<script>", "[x](javascript:", "{% set __outturn_page = 1 %}",
            "{{ debug() }}", "{# ", " #}", "{% raw %}", "{% endraw %}", "{% macro m() %}",
            "{% endmacro %}", "{{ m() }}", "é", "\u{E000}0\u{E001}",
        ])
        .prop_map(str::to_string),
        1 => call(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_arguments_give_a_result_or_problems_on_their_line(
        before in 0usize..4,
        call in call(),
        after in "[ a-z.]{0,10}",
    ) {
        let body = format!("{}Text {{{{ {call} }}}}{after}\n", "\n".repeat(before));
        evaluates_with_lines(&body)?;
    }

    #[test]
    fn any_template_text_around_placeholders_ends_with_problems_on_their_lines(
        pieces in prop::collection::vec(piece(), 1..12),
    ) {
        evaluates_with_lines(&pieces.concat())?;
    }
}

/// A million breakdown categories once asked for a table of a gigabyte and
/// printed a warning for most of them: past the limit, `table()` and
/// `chart()` are one error at their line.
#[test]
fn a_breakdown_of_too_many_categories_is_one_error_at_the_table() {
    let many = crate::query::grids::MAX_CATEGORIES + 1;
    let mut csv = String::from("indicator,period,value,area,breakdown\n");
    for i in 0..many {
        csv.push_str(&format!("ages,2023-06,{i},,Category {i}\n"));
    }
    let data = testutil::data("ages:\n  title: Ages\n  unit: count\n", &csv);
    let partials = crate::templates::builtin_partials();
    let placeholders = Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &partials);
    let body = "Text\n\n{{ table(\"ages\") }}\n\n{{ chart(\"ages\") }}\n";
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    let problems: Vec<String> = placeholders
        .evaluate(Path::new("r.md"), body, FIRST_LINE, as_at, true)
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    for (problem, line) in problems.iter().zip([7, 9]) {
        assert!(
            problem.starts_with(&format!("r.md:{line}:4: error: `ages` has {many} breakdown categories, and a chart or table shows at most 1000")),
            "{problems:?}"
        );
    }
}

/// `replace()` and `indent()` make a large text from a small one: each
/// works out the size of what it would make, and refuses past the budget
/// before making it.
#[test]
fn replace_and_indent_refuse_a_result_past_the_budget_before_making_it() {
    for body in [
        "Text\n\n{{ (\"x\" * 1000000)|replace(\"x\", \"y\" * 300) }}\n",
        "Text\n\n{{ (\"\\n\" * 1000000)|indent(300) }}\n",
        "Text\n\n{{ (\"\\n\" * 1000000)|indent(width=300) }}\n",
    ] {
        let problems = evaluate(body).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("r.md:7:")
                && problems[0].contains("this would make 28")
                && problems[0].contains("MB of text, and a body may make at most 256 MB"),
            "{body}: {problems:?}"
        );
    }
    let ok = evaluate("{{ \"a-b\"|replace(\"-\", \"+\") }} {{ \"a\\nb\"|indent(2) }}\n").unwrap();
    assert_eq!(ok.texts, ["a+b", "a\n  b"]);
}
