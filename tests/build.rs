//! The build command's promises, end to end: reproducible output, no stale
//! files, drafts only when asked, escaping, exit statuses.

mod common;

use common::*;

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = good_site();
    let a = site.path().join("a");
    let b = site.path().join("b");
    assert!(build(site.path(), &a, &[]).status.success());
    assert!(build(site.path(), &b, &[]).status.success());
    let (a, b) = (read_tree(&a), read_tree(&b));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn a_good_build_leaves_no_stale_files() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    assert!(out.join("about/index.html").exists());
    std::fs::remove_file(site.path().join("content/about.md")).unwrap();
    assert!(build(site.path(), &out, &[]).status.success());
    assert!(!out.join("about/index.html").exists());
    let beside: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        beside
            .iter()
            .all(|n| !n.to_string_lossy().starts_with(".public")),
        "{beside:?}"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    assert!(!out.join("reports/2023-24-q2/index.html").exists());
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("2023-24-q2"));
    assert!(build(site.path(), &out, &["--drafts"]).status.success());
    let draft = std::fs::read_to_string(out.join("reports/2023-24-q2/index.html")).unwrap();
    assert!(draft.contains("Draft"));
}

#[test]
fn text_from_the_site_files_is_escaped() {
    let site = good_site();
    let report = site.path().join("content/reports/2022-23-q4.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let text = text
        .replace(
            "title: Performance report, Q4 2022-23",
            "title: \"<script>alert(1)</script> Q4\"",
        )
        .replace(
            "children were looked after.",
            "children were looked after. {{ \"<b>bold</b> *x*\" }}",
        );
    std::fs::write(&report, text).unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text_of(&output));
    let page = std::fs::read_to_string(out.join("reports/2022-23-q4/index.html")).unwrap();
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Q4"));
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt; *x*"), "{page}");
}

fn text_of(output: &std::process::Output) -> String {
    let (a, b) = text(output);
    a + &b
}

#[test]
fn bad_usage_exits_2_and_site_problems_exit_1() {
    assert_eq!(outturn(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(outturn(&["frobnicate"]).status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let output = outturn(&["build", "--root", empty.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).1.contains("there is no site.toml"));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let site = good_site();
    let precious = site.path().join("precious");
    std::fs::create_dir(&precious).unwrap();
    std::fs::write(precious.join("minutes.docx"), "keep").unwrap();
    let output = build(site.path(), &precious, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).1.contains("did not write"));
    assert_eq!(
        std::fs::read_to_string(precious.join("minutes.docx")).unwrap(),
        "keep"
    );
}

#[test]
fn every_link_between_pages_is_relative() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    for (name, bytes) in read_tree(&out) {
        // 404.html is shown at any address, so a relative link there breaks:
        // see the_404_page_works_at_any_depth_without_base_url.
        if !name.ends_with(".html") || name == "404.html" {
            continue;
        }
        let page = String::from_utf8(bytes).unwrap();
        for attr in ["href=\"/", "src=\"/", "href=\"http"] {
            assert!(!page.contains(attr), "{name} has an absolute link ({attr})");
        }
    }
    let about = std::fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(
        about.contains("href=\"../reports/2023-24-q1/index.html\""),
        "{about}"
    );
}

#[test]
fn feed_and_sitemap_use_base_url_and_check_warns_without_it() {
    let site = good_site();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success());
    // A first build is clean; `check` says what an address would add.
    assert_eq!(text(&output).1, "");
    let root = site.path().to_str().unwrap();
    let checked = outturn(&["check", "--root", root]);
    assert!(
        text(&checked)
            .1
            .contains("warning[no-base-url]: `base_url` is empty")
    );
    assert!(!out.join("sitemap.xml").exists());
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 2, "{feed}");

    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    let toml = toml.replace(
        "area = \"Fixtureshire\"",
        "area = \"Fixtureshire\"\nbase_url = \"https://www.example.gov.uk/performance/\"",
    );
    std::fs::write(site.path().join("site.toml"), toml).unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success());
    assert!(!text(&output).1.contains("base_url"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://www.example.gov.uk/performance/reports/2023-24-q1/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("404"));
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains(
            "<id>https://www.example.gov.uk/performance/reports/2023-24-q1/index.html</id>"
        ),
        "{feed}"
    );
    assert!(feed.contains("<updated>2023-09-05T00:00:00Z</updated>"));
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found.contains("href=\"https://www.example.gov.uk/performance/static/style.css\""),
        "a 404 page works at any depth: {not_found}"
    );
    assert!(
        !not_found.contains("<style>"),
        "with an address, the stylesheet is linked"
    );
    assert!(not_found.contains("href=\"https://www.example.gov.uk/performance/index.html\""));
    assert!(
        !out.join("robots.txt").exists(),
        "crawlers never read a robots.txt under a sub-path"
    );
}

/// The good fixture's site.toml with `base_url` set.
fn with_base_url(site: &std::path::Path, base_url: &str) {
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    let toml = toml.replace(
        "area = \"Fixtureshire\"",
        &format!("area = \"Fixtureshire\"\nbase_url = \"{base_url}\""),
    );
    std::fs::write(site.join("site.toml"), toml).unwrap();
}

#[test]
fn robots_txt_is_written_only_at_the_root_of_a_host() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    assert!(
        !out.join("robots.txt").exists(),
        "without base_url the site may be anywhere on its host"
    );

    with_base_url(site.path(), "https://performance.example.gov.uk/");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert_eq!(
        robots,
        "User-agent: *\nAllow: /\n\nSitemap: https://performance.example.gov.uk/sitemap.xml\n"
    );
}

#[test]
fn a_site_publishes_its_own_robots_txt_unless_outturn_writes_one() {
    let site = good_site();
    let out = site.path().join("public");
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/robots.txt"), "User-agent: *\n").unwrap();
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert_eq!(
        std::fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\n"
    );

    with_base_url(site.path(), "https://www.example.gov.uk/performance/");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert_eq!(
        std::fs::read_to_string(out.join("robots.txt")).unwrap(),
        "User-agent: *\n"
    );

    std::fs::write(
        site.path().join("site.toml"),
        std::fs::read_to_string(site.path().join("site.toml"))
            .unwrap()
            .replace(
                "www.example.gov.uk/performance/",
                "performance.example.gov.uk/",
            ),
    )
    .unwrap();
    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output).1;
    assert!(
        stderr.contains("static/robots.txt: error: outturn writes robots.txt itself"),
        "{stderr}"
    );
}

#[test]
fn the_404_page_works_at_any_depth_without_base_url() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    // A server answers a missing deep address with 404.html as it is.
    let deep = out.join("a/b/c");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::copy(out.join("404.html"), deep.join("index.html")).unwrap();
    let page = std::fs::read_to_string(deep.join("index.html")).unwrap();
    let theme_css = std::fs::read_to_string(out.join("static/style.css")).unwrap();
    let first_rule = theme_css.lines().find(|l| l.contains('{')).unwrap();
    assert!(page.contains("<style>"), "styled without a stylesheet link");
    assert!(
        page.contains(first_rule),
        "the site's own stylesheet, inline"
    );
    assert!(!page.contains("rel=\"stylesheet\""), "{page}");
    assert!(page.contains("Page not found"));
    // Without the site's address only the root of the host is sure to be
    // there, wherever the page is shown.
    let links: Vec<&str> = page
        .split(" href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(!links.is_empty());
    for link in &links {
        assert!(
            *link == "/" || link.starts_with('#'),
            "{link} breaks at depth"
        );
    }
    assert!(page.contains("<a href=\"/\">Go to the home page of this website</a>"));
}

#[test]
fn data_downloads_hold_every_figure_in_long_form() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let csv = std::fs::read_to_string(out.join("data/eet_19_21.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "indicator,indicator_title,area,breakdown,period,period_label,period_start,period_end,value,unit,markers,note"
        )
    );
    assert!(
        csv.contains("eet_19_21,\"Care leavers aged 19 to 21 in education, employment or training\",Fixtureshire,,2023-24-q1,Q1 2023-24 (April to June 2023),2023-04-01,2023-06-30,55,percent,[p],\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",Statistical neighbours,"),
        "comparators are included: {csv}"
    );
    let figure = std::fs::read_to_string(out.join("reports/2023-24-q1/figure-1.csv")).unwrap();
    assert_eq!(
        figure.lines().next(),
        csv.lines().next(),
        "a chart's CSV has the same columns"
    );
    // The indicator page's table of every figure offers this file, and shows
    // one figure (or marker) for each of its rows.
    let page = std::fs::read_to_string(out.join("indicators/eet_19_21/index.html")).unwrap();
    let history = &page[page.find("id=\"figure-2-caption\"").unwrap()..];
    let history = &history[..history.find("</table>").unwrap()];
    assert_eq!(
        history.matches("<td class=\"num\">").count()
            - history
                .matches("<td class=\"num\"><span class=\"no-figure\">")
                .count(),
        csv.lines().count() - 1
    );
    assert!(page.contains("<a href=\"../../data/eet_19_21.csv\" download>"));
    let all = std::fs::read_to_string(out.join("data/all.csv")).unwrap();
    assert!(all.lines().count() > csv.lines().count());
    assert!(all.contains("[c]") && all.contains("suppressed: fewer than 5 children"));
}

#[test]
fn one_thread_or_many_gives_the_same_bytes() {
    let site = good_site();
    let run = |threads: &str, out: &std::path::Path| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_outturn"))
            .args([
                "build",
                "--quiet",
                "--root",
                site.path().to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        read_tree(out)
    };
    let one = run("1", &site.path().join("one"));
    let many = run("8", &site.path().join("many"));
    assert!(one.len() > 20);
    assert_eq!(one, many);
}

#[test]
fn a_site_cannot_overwrite_what_outturn_makes() {
    let site = good_site();
    std::fs::create_dir_all(site.path().join("static/static")).unwrap();
    std::fs::write(
        site.path().join("static/static/style.css"),
        "body { color: #000 }",
    )
    .unwrap();
    let out = site.path().join("public");
    let output = build(site.path(), &out, &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let css = std::fs::read_to_string(out.join("static/style.css")).unwrap();
    assert_eq!(
        css, "body { color: #000 }",
        "the site's own file replaces the theme's"
    );
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found.contains("<style>body { color: #000 }</style>"),
        "and is the one written into the 404 page"
    );

    std::fs::write(site.path().join("static/feed.xml"), "<feed/>\n").unwrap();
    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output).1;
    assert!(
        stderr.contains("static/feed.xml: error: outturn writes feed.xml itself"),
        "{stderr}"
    );

    std::fs::remove_file(site.path().join("static/feed.xml")).unwrap();
    std::fs::write(
        site.path().join("content/compare.md"),
        "---\ntitle: Compare\n---\nMine.\n",
    )
    .unwrap();
    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output).1;
    assert!(
        stderr.contains(
            "content/compare.md:1:1: error: outturn makes the pages under compare/ itself"
        ),
        "{stderr}"
    );
}

/// A staging build: `--base-url` wins over site.toml's address, in every
/// file that uses it, and site.toml is left as it was.
#[test]
fn base_url_on_the_command_line_wins_over_site_toml() {
    let site = good_site();
    with_base_url(site.path(), "https://www.example.gov.uk/performance/");
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    let out = site.path().join("public");
    let staging = "https://staging.example.gov.uk/perf/";
    let output = build(site.path(), &out, &["--base-url", staging]);
    assert!(output.status.success(), "{}", text(&output).1);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://staging.example.gov.uk/perf/reports/2023-24-q1/</loc>"),
        "{sitemap}"
    );
    let all: String = read_tree(&out)
        .into_values()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .collect();
    assert!(
        !all.contains("www.example.gov.uk"),
        "site.toml's address is left out"
    );
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(
        feed.contains("https://staging.example.gov.uk/perf/feed.xml"),
        "{feed}"
    );
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(not_found.contains("href=\"https://staging.example.gov.uk/perf/index.html\""));
    assert_eq!(
        std::fs::read_to_string(site.path().join("site.toml")).unwrap(),
        toml
    );

    // An address that is not absolute is a mistyped command.
    let output = build(site.path(), &out, &["--base-url", "staging/perf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("write the address in full"));
}

/// Every page names the feed in its head, relative to itself; the home page
/// also links to it where a reader can see it.
#[test]
fn every_page_links_to_the_feed() {
    let site = good_site();
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    let files = read_tree(&out);
    let mut pages = 0;
    for (name, bytes) in &files {
        if !name.ends_with(".html") || name == "404.html" {
            continue;
        }
        let page = String::from_utf8_lossy(bytes);
        let depth = name.matches('/').count();
        let href = format!("{}feed.xml", "../".repeat(depth));
        let link = format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Fixture Council Performance\" href=\"{href}\">"
        );
        assert!(page.contains(&link), "{name} has no {link}");
        pages += 1;
    }
    assert!(pages > 5, "{pages} pages");
    let home = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(
        home.contains("<a href=\"feed.xml\">reports feed (Atom)</a>"),
        "{home}"
    );
    // Without the site's address a 404 page cannot know where the feed is;
    // with it, the link is absolute.
    let not_found = String::from_utf8_lossy(&files["404.html"]).into_owned();
    assert!(!not_found.contains("application/atom+xml"), "{not_found}");
    with_base_url(site.path(), "https://www.example.gov.uk/performance/");
    assert!(build(site.path(), &out, &[]).status.success());
    let not_found = std::fs::read_to_string(out.join("404.html")).unwrap();
    assert!(
        not_found.contains("href=\"https://www.example.gov.uk/performance/feed.xml\""),
        "{not_found}"
    );
}
