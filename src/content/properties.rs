//! Property tests for placeholders: whatever a body passes to `value()`,
//! `change()`, `chart()` and the rest, and whatever template text surrounds
//! them, evaluating it never panics, always ends (the budget sees to
//! loops), and every problem it reports names a line of the body.

use super::placeholders::Placeholders;
use crate::period::Period;
use crate::testutil;
use proptest::prelude::*;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The first line of the body in its file.
const FIRST_LINE: usize = 5;

fn placeholders() -> &'static Placeholders {
    static PLACEHOLDERS: OnceLock<Placeholders> = OnceLock::new();
    PLACEHOLDERS.get_or_init(|| {
        let data = testutil::data(
            "cla_count:\n  title: CLA\n  unit: count\nrate:\n  title: Rate\n  unit: percent\nsupp:\n  title: Suppressed\n  unit: count\nages:\n  title: Ages\n  unit: count\n",
            "indicator,period,area,breakdown,value\ncla_count,2023-04,,,300\ncla_count,2023-06,,,308\ncla_count,2023-06,england,,80000\nrate,2023-06,,,55.5\nrate,2023-06,sn,,60\nsupp,2023-06,,,[c]\nages,2023-06,,Under 1,10\nages,2023-06,,1 to 4,20\n",
        );
        let partials: Vec<(String, String)> = ["partials/figure.html", "partials/table.html"]
            .iter()
            .map(|n| (n.to_string(), crate::templates::builtin(n).unwrap().to_string()))
            .collect();
        Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &partials)
    })
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
