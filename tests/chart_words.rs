//! The words of every chart on the example site: each caption opens with the
//! chart's message, which names what it is about; each description goes on
//! from it (the caption names the figure, so the message is heard once) and
//! with it stays under about sixty words (keeping one sentence of its own);
//! and none lists every figure.

mod common;

use common::*;
use std::path::Path;

/// The text between `open`'s `>` and `close`, for each `open` in `html`.
fn texts<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    html.split(open)
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').unwrap() + 1;
            &rest[start..rest.find(close).unwrap()]
        })
        .collect()
}

fn plain(text: &str) -> String {
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn the_example_sites_charts_say_their_message_first_in_few_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let output = build(root, out.path(), &[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let mut charts = 0;
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.file_name() != "index.html" {
            continue;
        }
        let page = std::fs::read_to_string(entry.path()).unwrap();
        for figure in texts(&page, "<figure class=\"chart-figure\"", "</figure>") {
            if figure.contains("class=\"single-figure\"") {
                // One figure for one period: a figure, not a chart.
                continue;
            }
            // A description the message says all of is left to the caption.
            let desc = texts(figure, "<desc", "</desc>")
                .first()
                .map(|d| plain(d))
                .unwrap_or_default();
            charts += 1;
            let message = plain(texts(figure, "<span class=\"chart-message\"", "</span>")[0]);
            assert!(
                !desc.contains(&message),
                "the message twice: {message} / {desc}"
            );
            let heard = format!("{message} {desc}");
            // Heard once: the caption names the figure, and each drawing
            // points to a description only when there is one.
            let described = if desc.is_empty() { 0 } else { 2 };
            assert_eq!(
                figure.matches("aria-describedby=").count(),
                described,
                "{figure}"
            );
            // A message says what it is about before what happened to it.
            let first = message.split_whitespace().next().unwrap_or("");
            assert!(
                !["Rose", "Fell", "Stayed", "In"].contains(&first)
                    && !first.starts_with(|c: char| c.is_ascii_digit()),
                "no subject: {message}"
            );
            // "The highest since 2018-19" gives 2018-19's figure.
            if message.contains("est since ") && !message.contains("since the chart starts") {
                assert!(message.contains(", when it was "), "{message}");
            }
            // About sixty words in all, the drawing keeping one sentence of
            // its own however long the message.
            let words = heard.split_whitespace().count();
            let one_sentence = !desc.trim_end_matches('.').contains(". ");
            assert!(
                words <= 60 || one_sentence,
                "{words} words in {:?}: {heard}",
                entry.path()
            );
            for dump in [": first ", ", latest ", "; highest ", ", lowest "] {
                assert!(!heard.contains(dump), "{dump:?} in {heard}");
            }
        }
    }
    assert!(charts > 40, "only {charts} charts");
}
