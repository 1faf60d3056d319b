//! indicators.yaml: what is read, and what each problem names.

use super::*;

const GOOD: &str = "cla_count:\n  title: Children looked after\n  unit: count\n  polarity: neutral\n  measure: stock\n\
cla_rate:\n  title: Rate\n  unit: rate_per_10k\n";

#[test]
fn parses_with_defaults() {
    let (indicators, problems) = parse(GOOD);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(indicators["cla_count"].unit, Unit::Count);
    assert_eq!(indicators["cla_rate"].decimals, 1);
    assert_eq!(indicators["cla_rate"].polarity, Polarity::Neutral);
    assert_eq!(indicators["cla_rate"].line, 6);
}

#[test]
fn rejects_bad_unit_at_its_line_and_keeps_going() {
    let text = GOOD
        .replace("unit: count", "unit: percentage")
        .replace("title: Rate", "title: Rate\n  colour: red");
    let (indicators, problems) = parse(&text);
    assert_eq!(indicators.len(), 0);
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].starts_with(
            "data/indicators.yaml:3:9: error: indicator `cla_count`: `percentage` is not a unit"
        ),
        "{shown:?}"
    );
    assert!(shown[0].contains("did you mean `percent`?"), "{shown:?}");
    assert!(
        shown[1].starts_with(
            "data/indicators.yaml:8:3: error: indicator `cla_rate`: unknown field `colour`"
        ),
        "{shown:?}"
    );
}

#[test]
fn reports_yaml_syntax_errors_with_place() {
    let (_, problems) = parse("cla_count:\n  title: [unclosed\n");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].line.is_some());
}

fn shown(text: &str) -> Vec<String> {
    parse(text).1.iter().map(|p| p.to_string()).collect()
}

#[test]
fn a_bad_decimals_names_its_line_and_key() {
    for (value, shown_as) in [
        ("300", "`300`"),
        ("7", "`7`"),
        ("-1", "`-1`"),
        ("1.5", "`1.5`"),
        ("two", "`two`"),
        ("[1]", "a list"),
    ] {
        let problems = shown(&GOOD.replace(
            "unit: rate_per_10k",
            &format!("unit: rate_per_10k\n  decimals: {value}"),
        ));
        assert_eq!(problems.len(), 1, "{value}: {problems:?}");
        assert!(
                problems[0].starts_with(&format!(
                    "data/indicators.yaml:9:13: error: indicator `cla_rate`: `decimals` is {shown_as}, not a number of decimal places"
                )),
                "{value}: {problems:?}"
            );
        assert!(
            problems[0].contains("a whole number from 0 to 6"),
            "{problems:?}"
        );
    }
    let (indicators, problems) =
        parse(&GOOD.replace("unit: rate_per_10k", "unit: rate_per_10k\n  decimals: 6"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(indicators["cla_rate"].decimals, 6);
}

#[test]
fn a_value_of_the_wrong_kind_names_its_key() {
    let problems = shown(&GOOD.replace("title: Rate", "title: [a, b]"));
    assert!(
        problems[0].starts_with(
            "data/indicators.yaml:7:10: error: indicator `cla_rate`: `title` is a list"
        ),
        "{problems:?}"
    );
    let (indicators, problems) = parse(&GOOD.replace("title: Rate", "title: 2023"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(indicators["cla_rate"].title, "2023");
    let problems = shown("cla_count:\n  title: X\n");
    assert!(
        problems[0]
            .starts_with("data/indicators.yaml:1:1: error: indicator `cla_count` has no unit"),
        "{problems:?}"
    );
    let problems = shown(&format!("cla_count: {}\n", "x".repeat(100_000)));
    assert!(
        problems[0].contains("is not a set of `key: value` lines") && problems[0].len() < 400,
        "{problems:?}"
    );
}

#[test]
fn a_huge_id_is_refused_and_quoted_short() {
    let id = "a".repeat(1_000_000);
    // An explicit key, as YAML reads a plain key of a line only up to 1024 characters.
    let problems = shown(&format!("? {id}\n: {{title: X, unit: count}}\n"));
    let first = problems.first().map(|p| &p[..p.len().min(300)]);
    assert_eq!(problems.len(), 1, "{first:?}");
    assert!(problems[0].len() < 400, "{first:?}");
    assert!(
        problems[0].starts_with("data/indicators.yaml:1:1: error: `aaaa")
            && problems[0].contains("cannot be an indicator id")
            && problems[0].contains("100 characters at most"),
        "{first:?}"
    );
    let problems = shown(&format!(
        "{}:\n  title: X\n  unit: count\n",
        "a".repeat(101)
    ));
    assert!(
        problems[0].contains("100 characters at most"),
        "{problems:?}"
    );
    assert!(is_id(&"a".repeat(MAX_ID_CHARS)));
    // Not YAML at all: serde's message quotes the text, cut short.
    let problems = shown(&format!("{id}: x\n"));
    assert!(problems[0].len() < 600, "{:?}", &problems[0][..300]);
}

/// "Billion laughs": nine aliases of nine aliases would be a billion
/// values; the parser's limit stops it, and the problem names the place.
#[test]
fn an_alias_bomb_is_refused_at_its_first_alias() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let problems = shown(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .starts_with("data/indicators.yaml:2:8: error: `b`'s alias expands too far to read"),
        "{problems:?}"
    );
    let (ids, parsed) = declared_ids(&text);
    assert!(!parsed);
    assert!(ids.len() <= 9);
}

#[test]
fn rejects_ids_unfit_for_addresses() {
    let (_, problems) = parse("CLA Count:\n  title: X\n  unit: count\n");
    assert!(
        problems[0]
            .to_string()
            .contains("cannot be an indicator id")
    );
}
