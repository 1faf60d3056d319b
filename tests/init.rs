//! `outturn init` starts a council's own site whose first `check` and
//! `build` are clean, refuses a folder that is not empty, and `outturn theme
//! export` writes out the built-in theme for a site to change.

mod common;

use common::{outturn, read_tree, text};
use std::path::Path;

fn init(dir: &Path) -> std::process::Output {
    outturn(&["init", dir.to_str().unwrap()])
}

#[test]
fn a_new_site_checks_and_builds_without_a_warning() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("performance");
    let output = init(&site);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("outturn serve"), "{stdout}");
    let root = site.to_str().unwrap();

    let output = outturn(&["check", "--root", root]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr, "", "the first check is clean");
    assert!(
        stdout.starts_with("No problems found: 1 report, 1 other page"),
        "{stdout}"
    );

    let output = outturn(&["build", "--root", root]);
    let (_, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr, "", "the first build is clean");
    let files = read_tree(&site.join("public"));
    let report = String::from_utf8_lossy(&files["reports/2024-25-q1/index.html"]).into_owned();
    assert!(report.contains("<svg"), "a chart");
    assert!(report.contains("<table"), "a table");
    assert!(files.contains_key("about/index.html"));
    assert!(files.contains_key("indicators/recycling_rate/index.html"));

    // What a council commits, and what it publishes with.
    let gitignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(gitignore.lines().any(|l| l == "/public/"), "{gitignore}");
    for workflow in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(site.join(workflow)).unwrap();
        assert!(
            text.contains("-unknown-linux-musl.tar.xz") && text.contains("outturn check"),
            "{workflow}"
        );
        assert!(text.contains("outturn build --base-url"), "{workflow}");
    }
    let settings = std::fs::read_to_string(site.join("site.toml")).unwrap();
    for key in [
        "title",
        "publisher",
        "area",
        "language",
        "theme",
        "output_dir",
        "base_url",
        "year_start_month",
    ] {
        let at = settings
            .find(&format!("\n{key} = "))
            .unwrap_or_else(|| panic!("no {key}"));
        let before = &settings[..at];
        assert!(
            before.trim_end().lines().last().unwrap().starts_with('#'),
            "`{key}` is explained by a comment above it"
        );
    }
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_changes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("notes.txt"), "mine").unwrap();
    let output = init(temp.path());
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is not empty, so nothing was written"),
        "{stderr}"
    );
    let files = read_tree(temp.path());
    assert_eq!(files.keys().collect::<Vec<_>>(), ["notes.txt"]);
    assert_eq!(files["notes.txt"], b"mine");
}

#[test]
fn theme_export_writes_the_built_in_theme_for_a_site_to_change() {
    let temp = tempfile::tempdir().unwrap();
    let site = temp.path().join("site");
    assert!(init(&site).status.success());
    let root = site.to_str().unwrap();
    let out = site.join("public");
    assert!(outturn(&["build", "--root", root]).status.success());
    let before = read_tree(&out);

    let theme = site.join("themes/council");
    let output = outturn(&["theme", "export", theme.to_str().unwrap()]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.contains("set `theme = \"council\"` in site.toml"),
        "{stdout}"
    );
    let exported = read_tree(&theme);
    assert!(
        exported.contains_key("templates/base.html"),
        "{:?}",
        exported.keys()
    );
    assert!(exported.contains_key("templates/partials/figure.html"));
    assert!(exported.contains_key("static/style.css"));

    // Used as it is written out, the theme changes nothing.
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        toml.replace("theme = \"default\"", "theme = \"council\""),
    )
    .unwrap();
    assert!(outturn(&["build", "--root", root]).status.success());
    assert_eq!(read_tree(&out), before);

    // A changed template is used; the files deleted come from outturn.
    for (name, _) in exported {
        if name != "templates/base.html" {
            std::fs::remove_file(theme.join(name)).unwrap();
        }
    }
    let base = theme.join("templates/base.html");
    let text_before = std::fs::read_to_string(&base).unwrap();
    std::fs::write(
        &base,
        text_before.replace("<p>{{ t(\"footer\"", "<p>Council theme. {{ t(\"footer\""),
    )
    .unwrap();
    let output = outturn(&["build", "--root", root]);
    assert!(output.status.success(), "{}", text(&output).1);
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("Council theme. Published by"));

    // Like init, export never writes into a folder that holds files.
    let output = outturn(&["theme", "export", theme.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        std::fs::read_to_string(&base)
            .unwrap()
            .contains("Council theme")
    );
}

/// The example site uses the theme compiled into outturn, as a council's
/// site does: it carries no copy that would hide the built-in theme's fixes.
#[test]
fn the_example_site_carries_no_copy_of_the_built_in_theme() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!root.join("themes/default").exists());
    assert!(!root.join("templates").exists());
}
