//! Data files under faults and hostile input, end to end: what is only odd is
//! shown as a warning and the site still builds; what would print harm is
//! shown escaped; an indicators file built to blow up is refused, not expanded.

mod common;

use common::*;

#[test]
fn odd_data_is_warned_of_and_the_site_still_builds() {
    let site = good_site();
    let data = site.path().join("data");
    std::fs::write(data.join("empty.csv"), "").unwrap();
    std::fs::write(data.join("header.csv"), "indicator,period,value\n").unwrap();
    std::fs::write(
        data.join("odd.csv"),
        "indicator,period,value\neet_19_21,2015-16,150\ncla_count,2015-06,-2\n",
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let check = outturn(&["check", "--root", root]);
    let (_, stderr) = text(&check);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    for expected in [
        "data/empty.csv:1: warning[empty-data-file]: this data file is empty",
        "data/header.csv:1: warning[empty-data-file]: this data file has a header but no rows of figures",
        "data/odd.csv:2:19: warning[out-of-range]: `150` for `eet_19_21`, which is a percentage, which runs from 0 to 100",
        "data/odd.csv:3:19: warning[out-of-range]: `-2` for `cla_count`, which is a count, which cannot be negative",
    ] {
        assert!(
            stderr.contains(expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    let output = build(site.path(), &site.path().join("public"), &[]);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("data/empty.csv:1: warning"), "{stderr}");
}

#[test]
fn a_terminal_escape_in_a_data_file_is_printed_escaped() {
    let site = good_site();
    std::fs::write(
        site.path().join("data/extra.csv"),
        "indicator,period,value\n\u{1b}]0;owned\u{7}\u{1b}[2J,2022-06,1\ncla_count,2022-06,\u{0}12\n",
    )
    .unwrap();
    let output = build(site.path(), &site.path().join("public"), &[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains(['\u{1b}', '\u{7}', '\u{0}']),
        "control characters printed raw:\n{stderr:?}"
    );
    assert!(
        stderr.contains("unknown indicator `\\u{1b}]0;owned\\u{7}\\u{1b}[2J`"),
        "{stderr}"
    );
    assert!(stderr.contains("`\\012` is not a number"), "{stderr}");
}

/// One Latin-1 byte in indicators.yaml gave 218 "unknown indicator" errors,
/// one for each figure the reports name, with the real cause 219th. The
/// cause comes first and alone.
#[test]
fn one_wrong_byte_in_indicators_yaml_is_the_one_error() {
    let site = good_site();
    let path = site.path().join("data/indicators.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let at = yaml.find("Children looked after\n").unwrap() + "Children".len();
    let mut bytes = yaml.into_bytes();
    // "Children\xe9looked after": an é as Windows-1252 writes it.
    bytes[at] = 0xe9;
    std::fs::write(&path, bytes).unwrap();
    let root = site.path().to_str().unwrap();
    for command in ["check", "build"] {
        let output = outturn(&[command, "--root", root]);
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors.len(), 1, "{command}: {stderr}");
        assert!(
            errors[0].starts_with("  1. data/indicators.yaml:2:")
                && errors[0].ends_with("error: this file is not UTF-8 text"),
            "{command}: {stderr}"
        );
    }
}
