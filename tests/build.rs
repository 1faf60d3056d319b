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
        if !name.ends_with(".html") {
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
    assert!(text(&checked).1.contains("warning: `base_url` is empty"));
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
    let robots = std::fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://www.example.gov.uk/performance/sitemap.xml"));
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

    std::fs::write(site.path().join("static/robots.txt"), "User-agent: *\n").unwrap();
    let output = build(site.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output).1;
    assert!(
        stderr.contains("static/robots.txt: error: outturn writes robots.txt itself"),
        "{stderr}"
    );

    std::fs::remove_file(site.path().join("static/robots.txt")).unwrap();
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
