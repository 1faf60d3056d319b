use super::*;
use fluent_bundle::FluentValue;

fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

#[test]
fn both_files_parse_and_have_the_same_messages() {
    for language in Language::ALL {
        assert!(
            FluentResource::try_new(language.resource().to_string()).is_ok(),
            "{}.ftl does not parse",
            language.tag()
        );
    }
    let english = ids(Language::English);
    let welsh = ids(Language::Welsh);
    assert!(english.len() > 50, "{english:?}");
    let missing: Vec<_> = english.iter().filter(|id| !welsh.contains(id)).collect();
    let extra: Vec<_> = welsh.iter().filter(|id| !english.contains(id)).collect();
    assert!(missing.is_empty(), "not in cy.ftl: {missing:?}");
    assert!(extra.is_empty(), "only in cy.ftl: {extra:?}");
}

#[test]
fn every_message_is_written_in_both_languages() {
    let values = [
        "count",
        "total",
        "shown",
        "period",
        "publisher",
        "area",
        "year",
        "title",
        "url",
        "theme",
        "caption",
        "source",
        "word",
        "link",
        "n",
        "amount",
        "from",
        "figure",
        "areas",
        "rest",
        "last",
        "number",
        "page",
        "pages",
        "pdf",
        "size",
        "subject",
        "earlier",
        "earlier_figure",
        "in_period",
        "in_earlier",
        "relations",
        "than_areas",
        "as_areas",
        "groups",
        "share",
        "lowest",
        "highest",
        "chart",
        "first",
        "and_last",
        "to_last",
        "periods",
        "value",
        "change",
    ];
    let all = args(&values.map(|name| {
        (
            name,
            FluentValue::from(if name.len() < 6 { "2" } else { "x" }),
        )
    }));
    for language in Language::ALL {
        for id in ids(language) {
            let text = message(language, id, Some(&all)).unwrap();
            assert!(!text.trim().is_empty(), "{id}");
            assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id}: {text:?}");
        }
    }
}

#[test]
fn a_message_fills_its_gaps_without_isolation_marks() {
    let footer = |language, publisher: &'static str, area: &'static str| {
        let gaps = args(&[("publisher", publisher.into()), ("area", area.into())]);
        message(language, "footer", Some(&gaps)).unwrap()
    };
    assert_eq!(
        footer(Language::English, "Thurrock Council", "Thurrock"),
        "Published by Thurrock Council. Figures are for Thurrock unless a table or chart says otherwise."
    );
    assert_eq!(
        footer(Language::Welsh, "Cyngor Sir Ddinbych", "Sir Ddinbych"),
        "Cyhoeddwyd gan Cyngor Sir Ddinbych. Mae'r ffigurau ar gyfer Sir Ddinbych oni bai bod tabl neu siart yn dweud fel arall."
    );
}

#[test]
fn english_chooses_one_or_other() {
    let not_compared = |count: i64| {
        message(
            Language::English,
            "compare-not-compared",
            Some(&args(&[
                ("count", count.into()),
                ("period", "Q3 2024-25".into()),
            ])),
        )
        .unwrap()
    };
    assert!(
        not_compared(1).starts_with(
            "1 other indicator has no like-with-like change to report for Q3 2024-25: "
        )
    );
    assert!(not_compared(0).starts_with("0 other indicators have no "));
    assert!(not_compared(2).starts_with("2 other indicators have no "));
}

#[test]
fn a_missing_message_or_argument_is_an_error_naming_it() {
    let error = message(Language::Welsh, "no-such-message", None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "message `no-such-message` in cy.ftl: there is no such message"
    );
    let error = message(Language::English, "footer", None).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("message `footer` in en-GB.ftl: "),
        "{error}"
    );
}

#[test]
fn html_escapes_the_message_but_keeps_apostrophes() {
    let text = write(Language::English, Target::Html, "compare-lead", None).unwrap();
    assert!(text.starts_with("Each indicator's figure"), "{text}");
    assert_eq!(
        escape_text("A & B <i> \"q\" it's"),
        "A &amp; B &lt;i&gt; &quot;q&quot; it's"
    );
}

#[test]
fn a_language_is_known_by_its_tag() {
    assert_eq!(Language::of_tag("cy"), Language::Welsh);
    assert_eq!(Language::of_tag("cy-GB"), Language::Welsh);
    assert_eq!(Language::of_tag("en-GB"), Language::English);
    assert_eq!(Language::of_tag("en-US"), Language::English);
    assert_eq!(Language::of_translation("cy"), Some(Language::Welsh));
    assert_eq!(Language::of_translation("fr"), None);
    assert_eq!(Language::of_translation("en-GB"), None);
}

fn report_count(language: Language, count: i64) -> String {
    message(
        language,
        "report-count",
        Some(&args(&[("count", count.into())])),
    )
    .unwrap()
}

#[test]
fn welsh_has_the_six_plural_forms_of_cldr() {
    let cases = [
        (0, "dim adroddiadau"),
        (1, "un adroddiad"),
        (2, "dau adroddiad"),
        (3, "tri adroddiad"),
        (4, "4 adroddiad"),
        (5, "5 adroddiad"),
        (6, "chwe adroddiad"),
        (7, "7 adroddiad"),
        (10, "10 adroddiad"),
        (11, "11 adroddiad"),
        (100, "100 adroddiad"),
        (1000, "1000 adroddiad"),
    ];
    for (count, words) in cases {
        assert_eq!(report_count(Language::Welsh, count), words, "{count}");
    }
}

#[test]
fn english_has_one_and_other() {
    assert_eq!(report_count(Language::English, 0), "0 reports");
    assert_eq!(report_count(Language::English, 1), "1 report");
    assert_eq!(report_count(Language::English, 2), "2 reports");
    assert_eq!(report_count(Language::English, 6), "6 reports");
}

#[test]
fn a_financial_year_is_headed_in_each_language() {
    let year = |language| {
        let gaps = args(&[("year", "2024-25".into())]);
        message(language, "index-financial-year", Some(&gaps)).unwrap()
    };
    assert_eq!(year(Language::English), "Financial year 2024-25");
    assert_eq!(year(Language::Welsh), "Blwyddyn ariannol 2024-25");
}

/// The message ids a file of Rust names: each string literal shaped like
/// an id (`"chart-rose-from"`) that is not a class of the stylesheet.
fn ids_named_in(source: &str, stylesheet: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    code.split('"')
        .skip(1)
        .step_by(2)
        .filter(|text| {
            text.contains('-')
                && text.starts_with(|c: char| c.is_ascii_lowercase())
                && text
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !text
                    .split('-')
                    .any(|part| part.chars().all(|c| c.is_ascii_digit()))
        })
        .filter(|id| {
            let class = format!(".{id}");
            !stylesheet.match_indices(&class).any(|(at, _)| {
                !stylesheet[at + class.len()..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_message_rust_asks_for_is_in_both_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let stylesheet =
        std::fs::read_to_string(root.join("templates/theme/static/style.css")).unwrap();
    let mut files = vec![
        root.join("content/exhibits.rs"),
        root.join("content/exhibits/table.rs"),
        root.join("templates/views.rs"),
        root.join("i18n/phrase.rs"),
    ];
    let mut dirs = vec![root.join("charts")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.to_string_lossy().ends_with("tests.rs")
            {
                files.push(path);
            }
        }
    }
    let mut asked = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        asked.extend(ids_named_in(&source, &stylesheet));
    }
    assert!(asked.len() > 60, "{asked:?}");
    for language in Language::ALL {
        let known = ids(language);
        let missing: Vec<&String> = asked
            .iter()
            .filter(|id| !known.contains(&id.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "not in {}.ftl: {missing:?}",
            language.tag()
        );
    }
    // The check sees an id Rust asks for that no file has.
    assert_eq!(
        ids_named_in(
            "word(language, \"chart-no-such\") \"figure-2\" \"chart-title\"",
            &stylesheet
        ),
        ["chart-no-such"]
    );
}
