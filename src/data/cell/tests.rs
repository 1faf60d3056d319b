//! Reading a cell: numbers, GSS markers and what is refused.

use super::*;

fn figure(text: &str) -> Figure {
    parse_cell(text).unwrap().unwrap()
}

#[test]
fn reads_plain_numbers() {
    assert_eq!(figure("308").value, Some(308.0));
    assert_eq!(figure(" 67.9 ").value, Some(67.9));
    assert_eq!(figure("-3").value, Some(-3.0));
    assert_eq!(parse_cell("  ").unwrap(), None);
}

#[test]
fn reads_markers_alone_and_after_numbers() {
    let c = figure("[c]");
    assert_eq!((c.value, c.markers), (None, vec![Marker::Confidential]));
    let p = figure("12 [p]");
    assert_eq!(
        (p.value, p.markers),
        (Some(12.0), vec![Marker::Provisional])
    );
    let pr = figure("12[P] [r]");
    assert_eq!(pr.markers, vec![Marker::Provisional, Marker::Revised]);
    for code in ["[c]", "[x]", "[z]", "[low]"] {
        assert_eq!(figure(code).value, None, "{code}");
    }
    assert_eq!(figure("0 [low]").value, Some(0.0));
}

#[test]
fn rejects_non_numbers_with_a_hint() {
    assert!(parse_cell("72%").unwrap_err().contains("without `%`"));
    assert!(
        parse_cell("1,234")
            .unwrap_err()
            .contains("thousands separators")
    );
    assert!(parse_cell("n/a").unwrap_err().contains("is not a number"));
    assert!(parse_cell("NaN").is_err());
    assert!(
        parse_cell("12 [q]")
            .unwrap_err()
            .contains("`[q]` is not a marker")
    );
    assert!(parse_cell("[p]").unwrap_err().contains("needs a number"));
    assert!(
        parse_cell("12 [c]")
            .unwrap_err()
            .contains("cannot follow a number")
    );
}

#[test]
fn refuses_numbers_that_cannot_be_held_exactly() {
    assert_eq!(figure("123456789012345").value, Some(123456789012345.0));
    assert_eq!(figure("0.000000000000001").value, Some(1e-15));
    assert_eq!(figure("1.50000000000000000000").value, Some(1.5));
    assert_eq!(figure("1e300").value, Some(1e300));
    for (text, why) in [
        ("1234567890123456", "16 significant digits"),
        ("0.1234567890123456789", "19 significant digits"),
        ("1e-400", "cannot be stored exactly"),
        ("4.9e-324", "cannot be stored exactly"),
        ("1e400", "is not a number"),
    ] {
        let err = parse_cell(text).unwrap_err();
        assert!(err.contains(why), "{text}: {err}");
    }
}

#[test]
fn minus_zero_is_zero() {
    for text in ["-0", "-0.0", "-0e5", "-0 [low]"] {
        let value = figure(text).value.unwrap();
        assert!(value == 0.0 && value.is_sign_positive(), "{text}");
    }
}

#[test]
fn refuses_repeated_and_contradictory_markers() {
    let err = parse_cell("12 [p] [p]").unwrap_err();
    assert!(err.contains("has the marker `[p]` twice"), "{err}");
    let err = parse_cell("[c][x]").unwrap_err();
    assert!(
        err.contains("`[c]`") && err.contains("`[x]`") && err.contains("contradict"),
        "{err}"
    );
    assert!(parse_cell("[c] [low]").unwrap_err().contains("contradict"));
    assert!(parse_cell("[x][X]").unwrap_err().contains("twice"));
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    /// Text made mostly of what cells are made of.
    fn cell_like() -> impl Strategy<Value = String> {
        let parts = proptest::sample::select(vec![
            "1", "0", "9", "12", ".", "-", "+", "e", "E", "5", " ", "[", "]", "[c]", "[x]", "[p]",
            "[low]", "[r]", "[P]", "%", ",", "£", "\u{1b}", "\0", "inf", "NaN",
        ]);
        prop_oneof![
            proptest::collection::vec(parts, 0..8).prop_map(|p| p.concat()),
            ".{0,30}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Nothing panics; a figure read is finite, never -0, and has
        /// each marker once and at most one standing in for a number;
        /// a refusal quotes the text safely.
        #[test]
        fn any_text_is_a_figure_or_a_safe_refusal(text in cell_like()) {
            match parse_cell(&text) {
                Ok(None) => prop_assert!(text.trim().is_empty()),
                Ok(Some(figure)) => {
                    if let Some(v) = figure.value {
                        prop_assert!(v.is_finite() && !(v == 0.0 && v.is_sign_negative()));
                    }
                    let mut markers = figure.markers.clone();
                    markers.sort();
                    markers.dedup();
                    prop_assert_eq!(markers.len(), figure.markers.len());
                    prop_assert!(figure.markers.iter().filter(|m| m.replaces_number()).count() <= 1);
                }
                Err(message) => {
                    prop_assert!(!message.contains(char::is_control), "{:?}", message);
                    prop_assert!(message.chars().count() < 400);
                }
            }
        }

        /// Every number of at most 15 significant digits is read exactly,
        /// however it is written.
        #[test]
        fn numbers_of_fifteen_digits_read_exactly(
            mantissa in -999_999_999_999_999i64..=999_999_999_999_999,
            exponent in -300i32..=290,
        ) {
            let text = format!("{mantissa}e{exponent}");
            let expected: f64 = text.parse().unwrap();
            let read = parse_cell(&text).map(|f| f.and_then(|f| f.value));
            prop_assert_eq!(read, Ok(Some(if expected == 0.0 { 0.0 } else { expected })), "{}", text);
            let shown = format!("{expected}");
            prop_assert_eq!(parse_cell(&shown).map(|f| f.and_then(|f| f.value)), Ok(Some(expected + 0.0)));
        }
    }
}

#[test]
fn a_huge_bad_number_gives_a_short_message() {
    let err = parse_cell(&format!("{}x", "9".repeat(20_000_000))).unwrap_err();
    assert!(err.len() < 400, "{} bytes", err.len());
    let err = parse_cell("\u{1b}[2J12").unwrap_err();
    assert!(!err.contains('\u{1b}'), "{err}");
}
