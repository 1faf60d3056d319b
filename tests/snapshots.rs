//! Snapshots of rendered pages of the good fixture: the words a reader sees,
//! so any change to formatting, change sentences or markup shows in review.

mod common;

use common::*;

fn main_of(page: &str) -> String {
    let start = page.find("<main").expect("a main element");
    let end = page.find("</main>").expect("main closes") + "</main>".len();
    page[start..end].to_string()
}

#[test]
fn report_page() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let page = std::fs::read_to_string(out.join("reports/2023-24-q1/index.html")).unwrap();
    insta::assert_snapshot!(main_of(&page));
}

#[test]
fn home_page() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    insta::assert_snapshot!(main_of(&page));
}

#[test]
fn a_sites_own_template_overrides_the_theme() {
    let site = good_site();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p>Our own page template.</p>{{ page.body|safe }}{% endblock %}",
    )
    .unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let about = std::fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(about.contains("<p>Our own page template.</p>"), "{about}");
    // The rest of the theme is still the built-in one.
    assert!(about.contains("class=\"skip-link\""));
}
