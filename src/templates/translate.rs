//! `t("id", name=value, …)`: a message from the page's language's file
//! (`src/i18n/`), for the theme's own words.
//!
//! The page's language is `site.language`, which every page's context has; a
//! theme exported with `outturn theme export` calls `t` too, so it is always
//! registered. Arguments are escaped as `{{ value }}` would be, unless they
//! are safe already (a link made in a `{% set %}` block); numbers stay
//! numbers, so a message can choose its plural form.

use crate::escape::escape;
use crate::i18n::{self, Language, Target};
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, Value};

/// Adds `t` to `env`: the theme's, and the one that writes a body's charts
/// and tables with the theme's partials.
pub fn register(env: &mut Environment<'_>) {
    env.add_function("t", t);
}

fn t(state: &State<'_, '_>, id: &str, kwargs: Kwargs) -> Result<Value, Error> {
    let language = state
        .lookup("site")
        .and_then(|site| site.get_attr("language").ok())
        .and_then(|tag| tag.as_str().map(Language::of_tag))
        .unwrap_or(Language::English);
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        args.set(name.to_string(), fluent_value(&value));
    }
    i18n::write(language, Target::Html, id, Some(&args))
        .map(Value::from_safe_string)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
}

fn fluent_value(value: &Value) -> FluentValue<'static> {
    if value.kind() == ValueKind::Number {
        if let Ok(n) = i64::try_from(value.clone()) {
            return FluentValue::from(n);
        }
        if let Ok(n) = f64::try_from(value.clone()) {
            return FluentValue::from(n);
        }
    }
    if value.is_undefined() || value.is_none() {
        return FluentValue::from("");
    }
    let text = value.to_string();
    if value.is_safe() {
        FluentValue::from(text)
    } else {
        FluentValue::from(escape(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn render(source: &str, language: &str, publisher: &str) -> Result<String, Error> {
        let mut env = Environment::new();
        register(&mut env);
        env.add_template("page.html", source)?;
        env.get_template("page.html")?.render(context! {
            site => context! { language, publisher, area => "Ynys Môn" },
        })
    }

    #[test]
    fn writes_a_message_in_the_pages_language() {
        let source = r#"<p>{{ t("footer", publisher=site.publisher, area=site.area) }}</p>"#;
        assert_eq!(
            render(source, "en-GB", "Isle of Anglesey County Council").unwrap(),
            "<p>Published by Isle of Anglesey County Council. Figures are for Ynys Môn unless a table or chart says otherwise.</p>"
        );
        assert_eq!(
            render(source, "cy", "Cyngor Sir Ynys Môn").unwrap(),
            "<p>Cyhoeddwyd gan Cyngor Sir Ynys Môn. Mae'r ffigurau ar gyfer Ynys Môn oni bai bod tabl neu siart yn dweud fel arall.</p>"
        );
    }

    #[test]
    fn escapes_arguments_unless_they_are_safe() {
        let source = r#"{% set link %}<a href="feed.xml">{{ t("index-feed-link") }}</a>{% endset %}{{ t("index-feed", link=link) }} {{ t("feed-subtitle", publisher=site.publisher) }}"#;
        assert_eq!(
            render(source, "en-GB", "Smith & Jones's <Council>").unwrap(),
            "To hear of each new report, follow the <a href=\"feed.xml\">reports feed (Atom)</a> in a feed reader. Performance reports published by Smith &amp; Jones&#39;s &lt;Council&gt;"
        );
    }

    #[test]
    fn a_number_stays_a_number_to_choose_the_plural() {
        let source = r#"{{ t("compare-better", count=n) }}: {{ t("compare-not-compared", count=n, period="Q3") }}"#;
        let mut env = Environment::new();
        register(&mut env);
        env.add_template("page.html", source).unwrap();
        let template = env.get_template("page.html").unwrap();
        let with = |language: &str, n: i64| {
            template
                .render(context! { site => context! { language }, n })
                .unwrap()
        };
        assert!(with("en-GB", 1).starts_with("Better (1): 1 other indicator has no "));
        assert!(with("en-GB", 12).starts_with("Better (12): 12 other indicators have no "));
        assert!(with("cy", 12).starts_with("Gwell (12): Nid oes gan 12 dangosydd arall "));
    }

    #[test]
    fn the_pdf_link_says_its_pages_and_size_in_the_pages_language() {
        // The theme's own lines, as report.html writes them.
        let theme = include_str!("theme/templates/report.html");
        let source: String = theme
            .lines()
            .filter(|line| line.contains("pdf_abbr"))
            .collect();
        assert!(source.contains("attachment-meta"), "{source}");
        let mut env = Environment::new();
        register(&mut env);
        env.add_template("page.html", &source).unwrap();
        let template = env.get_template("page.html").unwrap();
        let with = |language: &str, pages: usize| {
            let pdf = context! { pages, size => "410 KB" };
            template
                .render(context! { site => context! { language }, report => context! { pdf } })
                .unwrap()
                .trim()
                .to_string()
        };
        assert_eq!(
            with("en-GB", 25),
            "<p class=\"attachment-meta\"><abbr title=\"Portable Document Format\">PDF</abbr>, 25 pages, 410 KB</p>"
        );
        assert!(with("en-GB", 1).contains("</abbr>, 1 page, 410 KB"));
        assert_eq!(
            with("cy", 25),
            "<p class=\"attachment-meta\"><abbr title=\"Fformat Dogfen Gludadwy\">PDF</abbr>, 25 tudalen, 410 KB</p>"
        );
    }

    #[test]
    fn an_unknown_message_is_a_template_error_naming_it() {
        let error = render(r#"{{ t("nav-repots") }}"#, "en-GB", "x").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("message `nav-repots` in en-GB.ftl: there is no such message"),
            "{error}"
        );
    }
}
