//! `[brand]`: the council's colour and logo on every page, the 404 page and
//! print included, with links that work from disk and under a sub-path.

mod common;

use common::{build, good_site, read_tree, text};
use std::path::Path;

const LOGO: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#fff\"/></svg>\n";

fn branded(site: &Path, brand: &str) {
    std::fs::create_dir_all(site.join("static/images")).unwrap();
    std::fs::write(site.join("static/images/council-logo.svg"), LOGO).unwrap();
    let path = site.join("site.toml");
    let mut toml = std::fs::read_to_string(&path).unwrap();
    toml.push_str(&format!("\n[brand]\n{brand}\n"));
    std::fs::write(path, toml).unwrap();
}

const BRAND: &str =
    "colour = \"#00703c\"\nlogo = \"images/council-logo.svg\"\nlogo_alt = \"Fixture Council\"";

#[test]
fn the_colour_and_logo_reach_every_page_with_relative_links() {
    let site = good_site();
    branded(site.path(), BRAND);
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let files = read_tree(&out);
    assert_eq!(files["images/council-logo.svg"], LOGO.as_bytes());
    let mut pages = 0;
    for (name, bytes) in &files {
        if !name.ends_with(".html") || name == "404.html" {
            continue;
        }
        let page = String::from_utf8_lossy(bytes);
        // A style with no media query: the colour is the header's on screen
        // and its rule in print.
        assert!(
            page.contains("<style>:root { --brand: #00703c; }</style>"),
            "{name}"
        );
        let depth = name.matches('/').count();
        let src = format!("{}images/council-logo.svg", "../".repeat(depth));
        assert!(
            page.contains(&format!(
                "<img class=\"site-logo\" src=\"{src}\" alt=\"Fixture Council\">"
            )),
            "{name}"
        );
        // The path leads to the logo from the page's own folder, as it
        // does from disk and under any sub-path.
        let folder = Path::new(name).parent().unwrap();
        assert!(out.join(folder).join(&src).exists(), "{name}: {src}");
        pages += 1;
    }
    assert!(pages > 5);
    let css = String::from_utf8_lossy(&files["static/style.css"]).into_owned();
    let print = &css[css.find("@media print").unwrap()..];
    assert!(
        print.contains("border-bottom: 1pt solid var(--brand);"),
        "the masthead's rule in print"
    );

    // Without the site's address a 404 page can be shown at any depth, so
    // its logo is inside it, like its stylesheet.
    let not_found = String::from_utf8_lossy(&files["404.html"]).into_owned();
    assert!(not_found.contains("<style>:root { --brand: #00703c; }</style>"));
    assert!(
        not_found
            .contains("<img class=\"site-logo\" src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0i"),
        "{not_found}"
    );
    // With the address, it links to the published logo.
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    std::fs::write(
        site.path().join("site.toml"),
        toml.replacen(
            "area = ",
            "base_url = \"https://www.example.gov.uk/performance/\"\narea = ",
            1,
        ),
    )
    .unwrap();
    assert!(build(site.path(), &out, &[]).status.success());
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found
            .contains("src=\"https://www.example.gov.uk/performance/images/council-logo.svg\""),
        "{not_found}"
    );
}

#[test]
fn a_colour_white_text_cannot_be_read_on_or_a_missing_logo_is_an_error() {
    let site = good_site();
    branded(
        site.path(),
        "colour = \"#ffdd00\"\nlogo = \"council-logo.svg\"\nlogo_alt = \"Fixture Council\"",
    );
    let output = build(site.path(), &site.path().join("public"), &[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: `brand.colour` `#ffdd00` gives the header's white text a contrast of 1.34:1, below the 4.5:1 it needs"),
        "{stderr}"
    );
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    std::fs::write(
        site.path().join("site.toml"),
        toml.replace("#ffdd00", "#00703c"),
    )
    .unwrap();
    let output = build(site.path(), &site.path().join("public"), &[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: `brand.logo`: there is no static/council-logo.svg"),
        "{stderr}"
    );
}
