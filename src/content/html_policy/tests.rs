//! The raw HTML policy: what is allowed, what is refused and where each
//! problem is placed.

use super::*;

/// The problems of `body`, as written (no placeholders), from line 1.
fn problems(body: &str) -> Vec<String> {
    check(Path::new("p.md"), body, 1, body, &[])
        .iter()
        .map(|p| p.to_string())
        .collect()
}

fn refused(body: &str, expected: &str) {
    let found = problems(body);
    assert_eq!(found.len(), 1, "{body}: {found:?}");
    assert!(found[0].starts_with(expected), "{body}: {found:?}");
}

#[test]
fn refuses_what_runs_loads_or_restyles_at_its_line_and_column() {
    refused(
        "Text\n\n<script>alert(1)</script>\n",
        "p.md:3:1: error: `<script>` is not allowed",
    );
    refused(
        "A <img src=\"x.png\" onerror=\"alert(1)\"> b\n",
        "p.md:1:20: error: `onerror=` runs JavaScript",
    );
    refused(
        "<div>\n<img\n  src=\"x.png\"\n  ONLOAD=\"alert(1)\">\n</div>\n",
        "p.md:4:3: error: `onload=` runs JavaScript",
    );
    refused(
        "<a href=\"JaVa&#x53;cript:alert(1)\">x</a>\n",
        "p.md:1:4: error: a `javascript:` address is not allowed",
    );
    refused(
        "<a href=\" java\tscript:alert(1)\">x</a>\n",
        "p.md:1:4: error: a `javascript:` address",
    );
    refused(
        "<a href=\"vbscript:x\">x</a>\n",
        "p.md:1:4: error: a `vbscript:` address",
    );
    refused(
        "<a href=\"data:text/html,x\">x</a>\n",
        "p.md:1:4: error: a `data:` address",
    );
    refused(
        "<img src=\"data:image/svg+xml,x\" alt=\"\">\n",
        "p.md:1:6: error: a `data:` address",
    );
    for element in ["iframe", "object", "embed", "style", "form", "svg", "base"] {
        refused(
            &format!("<{element}>x</{element}>\n"),
            &format!("p.md:1:1: error: `<{element}>` is not allowed"),
        );
    }
    refused(
        "<span style=\"color: red\">x</span>\n",
        "p.md:1:7: error: `style=` is not allowed",
    );
    refused(
        "<p formaction=\"x\">x</p>\n",
        "p.md:1:4: error: `formaction=` is not allowed on `<p>`",
    );
    refused(
        "Above\n\n<div title=\"open\n\nAfter\n",
        "p.md:3:1: error: this HTML is not finished",
    );
}

#[test]
fn refuses_markdown_links_to_javascript() {
    refused(
        "See [x](javascript:alert(1)).\n",
        "p.md:1:5: error: a `javascript:` address",
    );
    refused(
        "See <javascript:alert(1)>.\n",
        "p.md:1:5: error: a `javascript:` address",
    );
    refused(
        "See [x](jav&#x61;script:alert(1)).\n",
        "p.md:1:5: error: a `javascript:` address",
    );
    refused(
        "See [x][r].\n\n[r]: javascript:alert(1)\n",
        "p.md:1:5: error: a `javascript:` address",
    );
    refused(
        "![chart](data:text/html,x)\n",
        "p.md:1:1: error: a `data:` address",
    );
}

#[test]
fn harmless_inline_html_and_links_pass() {
    let body = "An <abbr title=\"Looked after\">LA</abbr>, x<sup>2</sup>, H<sub>2</sub>O,<br>\
        <span class=\"note\">n</span> <!-- a note -->\n\n\
        <details>\n<summary>More</summary>\n\n<p>Inside <img src=\"data:image/png;base64,AA\" alt=\"\"></p>\n</details>\n\n\
        <div class=\"callout\" aria-label=\"x\" data-x=\"1\">\n<a href=\"/about/\">About</a> <a href=\"https://example.org/a:b\">e</a> <a href=\"mailto:a@b.org\">m</a>\n</div>\n\n\
        <table><tr><th scope=\"col\" colspan=\"2\">h</th></tr></table>\n\n\
        [site](https://example.org/) [page](../about/) [tel](tel:+441234) ![logo](logo.png) <https://example.org>\n";
    assert_eq!(problems(body), Vec::<String>::new());
}

/// A second `href` was dropped by the tokenizer unchecked, and passed as
/// invalid HTML: a reader that keeps the last would follow `javascript:`.
#[test]
fn refuses_an_attribute_written_twice_at_the_second() {
    refused(
        "Read <a href=\"https://example.org/\" href=\"javascript:alert(1)\">this</a>.\n",
        "p.md:1:37: error: `href=` is written twice on one tag",
    );
    refused(
        "<div>\n<p class=\"a\"\n   CLASS=b>x</p>\n</div>\n",
        "p.md:3:4: error: `class=` is written twice on one tag",
    );
    refused(
        "<img src=\"a.png\" alt=\"A\" alt>\n",
        "p.md:1:26: error: `alt=` is written twice on one tag",
    );
}

/// The page's title is its one `h1`: a raw `<h1>` in a body breaks the
/// order of its headings, as a Markdown `#` (made `h2`) does not.
#[test]
fn refuses_a_raw_h1_at_its_line() {
    refused(
        "Intro\n\n<h1>Another title</h1>\n",
        "p.md:3:1: error: `<h1>` is the page's title, and a page has one",
    );
    refused(
        "Text <h1 class=\"x\">inline</h1>\n",
        "p.md:1:6: error: `<h1>` is the page's title",
    );
    assert_eq!(
        problems("<h2>Fine</h2>\n\n# Also fine\n"),
        Vec::<String>::new()
    );
}

/// `id="main"` is the theme's main landmark, which the skip link leads to;
/// no id the theme (or outturn, for charts and tables) gives may be taken.
#[test]
fn refuses_an_id_the_theme_uses() {
    refused(
        "<div id=\"main\">x</div>\n",
        "p.md:1:6: error: `id=\"main\"` is an id the theme gives part of the page",
    );
    for id in [
        "contents-title",
        "symbols-title",
        "key-figures-title",
        "figure-1",
        "figure-2-caption",
        "figure-1-note-1",
        "table-1-caption",
        "latest",
    ] {
        refused(
            &format!("<span id=\"{id}\">x</span>\n"),
            &format!("p.md:1:7: error: `id=\"{id}\"` is an id the theme gives"),
        );
    }
    for id in [
        "mains",
        "figure-of-speech",
        "table-of-contents",
        "my-figure-1",
    ] {
        assert_eq!(
            problems(&format!("<span id=\"{id}\">x</span>\n")),
            Vec::<String>::new(),
            "{id}"
        );
    }
}

/// Every id the built-in theme's templates write is one raw HTML may not
/// take: a literal id is in [`THEME_IDS`], and a numbered one starts with
/// one of [`THEME_ID_PREFIXES`]. Ids made wholly by the templates' caller
/// (`{{ figure.id }}`) are outturn's own `figure-…` and `key-figures-title`.
#[test]
fn the_theme_ids_are_every_id_the_theme_writes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/templates/theme/templates");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (at, _) in text.match_indices(" id=\"") {
            let value = &text[at + 5..];
            let value = &value[..value.find('"').unwrap()];
            seen += 1;
            match value.split_once("{{") {
                None => assert!(
                    THEME_IDS.contains(&value),
                    "{value} in {}",
                    entry.path().display()
                ),
                Some(("", _)) => {}
                Some((prefix, _)) => assert!(
                    THEME_ID_PREFIXES.contains(&prefix),
                    "{prefix} in {}",
                    entry.path().display()
                ),
            }
        }
    }
    assert!(seen >= 15, "{seen} ids found in {}", dir.display());
}
