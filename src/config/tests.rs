//! Reading site.toml: settings, defaults and the problems of a bad file.

use super::*;

const GOOD: &str =
    "title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[comparators]\nengland = \"England\"\n";

#[test]
fn parses_with_defaults() {
    let config = Config::parse(GOOD).unwrap();
    assert_eq!(config.language, "en-GB");
    assert_eq!(config.year_start_month, 4);
    assert_eq!(config.output_dir, "public");
    assert_eq!(config.comparators["england"], "England");
}

#[test]
fn rejects_unknown_key_with_suggestion() {
    let text = "title = \"T\"\npublisher = \"P\"\narea = \"A\"\ntheeme = \"x\"\n";
    let problems = Config::parse(text).unwrap_err();
    assert_eq!(problems.len(), 1);
    let shown = problems[0].to_string();
    assert!(
        shown.starts_with("site.toml:4:1: error: unknown setting `theeme`"),
        "{shown}"
    );
    assert!(shown.contains("did you mean `theme`?"), "{shown}");
}

#[test]
fn requires_title_publisher_and_area() {
    let problems = Config::parse("").unwrap_err();
    assert_eq!(problems.len(), 3);
}

#[test]
fn rejects_bad_month_and_language() {
    let text = GOOD.to_string();
    let text = text.replacen(
        "area = \"A\"\n",
        "area = \"A\"\nyear_start_month = 13\nlanguage = \"English\"\n",
        1,
    );
    let problems = Config::parse(&text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown[0].starts_with("site.toml:4:20: error: `year_start_month`"),
        "{shown:?}"
    );
    assert!(
        shown[1].starts_with("site.toml:5:12: error: `English` is not a language tag"),
        "{shown:?}"
    );
}

#[test]
fn reads_area_codes_and_comparators_by_code_or_average() {
    let text = "title = \"T\"\npublisher = \"P\"\narea = \"Thurrock\"\narea_code = \"E06000034\"\n\
                [comparators]\n\
                england = { name = \"England\", code = \"E92000001\" }\n\
                sn = { name = \"Statistical neighbours\", average_of = [\"887\", \"E06000035\"] }\n\
                other = \"Others\"\n";
    let config = Config::parse(text).unwrap();
    assert_eq!(config.area_code.as_deref(), Some("E06000034"));
    assert_eq!(config.comparators["england"], "England");
    assert_eq!(config.comparators["sn"], "Statistical neighbours");
    assert_eq!(
        config.comparator_sources["england"],
        ComparatorSource::Code("E92000001".into())
    );
    assert_eq!(
        config.comparator_sources["sn"],
        ComparatorSource::AverageOf(vec!["887".into(), "E06000035".into()])
    );
    assert_eq!(config.comparator_sources["other"], ComparatorSource::Files);
}

#[test]
fn names_a_comparator_of_the_wrong_shape_at_its_line() {
    let with = |comparator: &str| {
        format!("title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[comparators]\n{comparator}\n")
    };
    let problems = Config::parse(&with("sn = { name = \"SN\", average_of = [] }")).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .starts_with("site.toml:5:6: error: comparator `sn` is the average of no councils"),
        "{problems:?}"
    );
    let problems = Config::parse(&with("sn = 3")).unwrap_err();
    let shown = problems[0].to_string();
    assert!(shown.starts_with("site.toml:5:"), "{shown}");
    assert!(
        shown.contains("a comparator is a name or a table"),
        "{shown}"
    );
    let problems = Config::parse(&with("sn = { name = \"SN\", cod = \"E1\" }")).unwrap_err();
    assert!(
        problems[0].to_string().starts_with("site.toml:5:"),
        "{problems:?}"
    );
}

fn with_brand(brand: &str) -> String {
    format!("title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[brand]\n{brand}\n")
}

#[test]
fn reads_the_brand() {
    let config = Config::parse(&with_brand(
        "colour = \"#00703c\"\nlogo = \"council-logo.svg\"\nlogo_alt = \"Testshire Council\"",
    ))
    .unwrap();
    assert_eq!(
        config.brand,
        Brand {
            colour: Some("#00703c".into()),
            logo: Some("council-logo.svg".into()),
            logo_alt: Some("Testshire Council".into()),
        }
    );
    // The default theme's own blue, and a grey just above 4.5:1, pass.
    for colour in ["#1d70b8", "#767676", "#000"] {
        assert!(
            Config::parse(&with_brand(&format!("colour = \"{colour}\""))).is_ok(),
            "{colour}"
        );
    }
}

#[test]
fn a_brand_colour_white_text_cannot_be_read_on_is_an_error_with_its_contrast() {
    let shown = |brand: &str| -> Vec<String> {
        Config::parse(&with_brand(brand))
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        shown("colour = \"#ffdd00\""),
        [
            "site.toml:5:10: error: `brand.colour` `#ffdd00` gives the header's white text a contrast of 1.34:1, below the 4.5:1 it needs\n    help: choose a darker shade of the colour: a contrast checker shows its contrast against white (#ffffff)"
        ]
    );
    // 4.48:1 is not shown rounded up to 4.5:1.
    assert!(
        shown("colour = \"#777777\"")[0].contains("a contrast of 4.47:1"),
        "{:?}",
        shown("colour = \"#777777\"")
    );
    assert!(shown("colour = \"green\"")[0].contains("`brand.colour` `green` is not a colour"));
    let logo = shown("logo = \"logo.bmp\"");
    assert!(
        logo[0].contains("`brand.logo` `logo.bmp` is not an SVG, PNG"),
        "{logo:?}"
    );
    assert!(
        logo[1].contains("`brand.logo` needs `brand.logo_alt`"),
        "{logo:?}"
    );
    let typo = shown("color = \"#00703c\"");
    assert!(
        typo[0].contains("unknown setting `color`") && typo[0].contains("did you mean `colour`?"),
        "{typo:?}"
    );
}

/// A comparator given both `code` and `average_of` silently used the code.
#[test]
fn a_comparator_with_both_a_code_and_an_average_is_an_error_at_its_line() {
    let text = "title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[comparators]\n\
                england = { name = \"England\", code = \"E92000001\" }\n\
                sn = { name = \"SN\", code = \"E92000001\", average_of = [\"887\"] }\n";
    let problems = Config::parse(text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with(
            "site.toml:6:41: error: comparator `sn` has both a `code` and an `average_of`"
        ),
        "{shown:#?}"
    );
    // As a table of its own, at the `average_of` line.
    let text = "title = \"T\"\npublisher = \"P\"\narea = \"A\"\n[comparators.sn]\n\
                name = \"SN\"\ncode = \"E92000001\"\naverage_of = [\"887\"]\n";
    let problems = Config::parse(text).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .starts_with("site.toml:7:14: error: comparator `sn` has both"),
        "{problems:?}"
    );
}

const WELSH: &str = "title = \"Performance\"\npublisher = \"Denbighshire County Council\"\narea = \"Denbighshire\"\n\
                     [comparators]\nengland = \"England\"\nwales = \"Wales\"\n\
                     [translations.cy]\ntitle = \"Perfformiad\"\npublisher = \"Cyngor Sir Ddinbych\"\narea = \"Sir Ddinbych\"\n\
                     [translations.cy.comparators]\nengland = \"Lloegr\"\n";

#[test]
fn reads_a_welsh_translation_with_the_sites_own_names_where_it_gives_none() {
    let config = Config::parse(WELSH).unwrap();
    assert_eq!(config.translations.len(), 1);
    let cy = &config.translations[0];
    assert_eq!(cy.code, "cy");
    assert_eq!(cy.language(), Some(crate::i18n::Language::Welsh));
    assert_eq!(cy.title, "Perfformiad");
    assert_eq!(cy.publisher, "Cyngor Sir Ddinbych");
    assert_eq!(cy.area, "Sir Ddinbych");
    assert_eq!(cy.comparators["england"], "Lloegr");
    assert_eq!(cy.comparators["wales"], "Wales");
    let same_area = Config::parse(&WELSH.replace("area = \"Sir Ddinbych\"\n", "")).unwrap();
    assert_eq!(same_area.translations[0].area, "Denbighshire");
    assert!(Config::parse(GOOD).unwrap().translations.is_empty());
}

/// The problems of [`WELSH`] with `from` replaced by `to`, each as shown.
fn welsh_problems(from: &str, to: &str) -> Vec<String> {
    assert!(WELSH.contains(from), "{from}");
    let problems = Config::parse(&WELSH.replace(from, to)).unwrap_err();
    problems.iter().map(|p| p.to_string()).collect()
}

fn assert_shown(shown: &[String], starts: &[&str], contains: &str) {
    assert_eq!(shown.len(), starts.len(), "{shown:?}");
    for (shown, start) in shown.iter().zip(starts) {
        assert!(shown.starts_with(start), "{shown}");
    }
    assert!(shown[0].contains(contains), "{shown:?}");
}

#[test]
fn a_translation_outturn_cannot_write_is_an_error_at_its_table() {
    assert_shown(
        &welsh_problems("translations.cy", "translations.fr"),
        &[
            "site.toml:7:1: error: outturn cannot write its pages in `fr`: a translation is `[translations.cy]`, for Welsh",
        ],
        "for a Welsh site write `[translations.cy]`; otherwise remove `[translations.fr]`",
    );
    for code in ["\"en\"", "\"cy-GB\"", "de"] {
        let shown = welsh_problems("translations.cy", &format!("translations.{code}"));
        assert!(
            shown[0].starts_with("site.toml:7:1: error: outturn cannot write its pages in "),
            "{shown:?}"
        );
    }
}

#[test]
fn a_translation_needs_its_own_title_and_publisher() {
    let text = WELSH
        .replace("title = \"Perfformiad\"\n", "")
        .replace("publisher = \"Cyngor Sir Ddinbych\"\n", "");
    let problems = Config::parse(&text).unwrap_err();
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_shown(
        &shown,
        &[
            "site.toml:7:1: error: `[translations.cy]` needs a `title`",
            "site.toml:7:1: error: `[translations.cy]` needs a `publisher`",
        ],
        "add a line such as `title = \"...\"` under `[translations.cy]`",
    );
}

#[test]
fn a_translated_comparator_the_site_does_not_have_is_an_error_at_its_line() {
    assert_shown(
        &welsh_problems("england = \"Lloegr\"", "englnd = \"Lloegr\""),
        &[
            "site.toml:12:10: error: `[translations.cy.comparators]` names comparator `englnd`, which `[comparators]` does not have",
        ],
        "did you mean `england`?",
    );
}

#[test]
fn a_misspelt_setting_in_a_translation_is_named() {
    assert_shown(
        &welsh_problems("title = \"Perfformiad\"", "titel = \"Perfformiad\""),
        &["site.toml:8:1: error: unknown setting `titel`"],
        "did you mean `title`?",
    );
}

#[test]
fn a_welsh_site_cannot_be_translated_into_welsh() {
    assert_shown(
        &welsh_problems(
            "area = \"Denbighshire\"\n",
            "area = \"Denbighshire\"\nlanguage = \"cy\"\n",
        ),
        &["site.toml:8:1: error: the site is in this language already (`language = \"cy\"`)"],
        "remove `[translations.cy]`",
    );
}
