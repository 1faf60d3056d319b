//! `outturn serve` over HTTP: the preview rebuilds on save, survives broken
//! builds, answers only its own user and only to read, and keeps a fixed
//! number of threads however many pages wait to reload.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `outturn serve` on a free port, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(root: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    // Keep reading so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Fetches `path` until `test` holds, for up to ten seconds.
fn until(port: u16, path: &str, what: &str, test: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let (_, body) = get(port, path);
        if test(&body) {
            return body;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_rebuilds_on_save_shows_problems_and_recovers() {
    let site = good_site();
    let server = serve(site.path());
    let report = "/reports/2023-24-q1/";
    let (status, page) = get(server.port, report);
    assert_eq!(status, 200);
    assert!(page.contains("308 children were looked"), "{page}");
    assert!(
        page.contains("/__outturn/wait?v="),
        "the preview reloads itself"
    );

    // New figures: the page shows them after the rebuild.
    let data = site.path().join("data/monthly.csv");
    let monthly = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, monthly.replace(",308\r\n", ",312\r\n")).unwrap();
    until(server.port, report, "the new figure", |b| {
        b.contains("312 children were looked")
    });

    // A broken file: the last good page, with the problem on top.
    let file = site.path().join("content/reports/first-quarter.md");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        source.replace(
            "value(\"cla_rate\") }}, against",
            "value(\"cla_rte\") }}, against",
        ),
    )
    .unwrap();
    let page = until(server.port, report, "the problem", |b| {
        b.contains("role=\"alert\"")
    });
    assert!(
        page.contains("content/reports/first-quarter.md:13:4: error: unknown indicator `cla_rte`"),
        "{page}"
    );
    assert!(
        page.contains("312 children were looked"),
        "the last good build is still served"
    );

    // Mended: the problem goes away.
    std::fs::write(&file, source).unwrap();
    until(server.port, report, "the mended page", |b| {
        !b.contains("role=\"alert\"") && b.contains("312 children")
    });

    // site.toml saved the way some editors do (a new file renamed over the
    // old one), twice: each save is seen.
    let toml_path = site.path().join("site.toml");
    let toml = std::fs::read_to_string(&toml_path).unwrap();
    for title in ["Renamed Once", "Renamed Twice"] {
        let temporary = site.path().join("site.toml.new");
        std::fs::write(
            &temporary,
            toml.replace("Fixture Council Performance", title),
        )
        .unwrap();
        std::fs::rename(&temporary, &toml_path).unwrap();
        until(server.port, "/", title, |b| b.contains(title));
    }
    // A templates/ folder made after the preview started is watched too.
    std::fs::create_dir(site.path().join("templates")).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    std::fs::write(
        site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><p>Own template.</p>{% endblock %}",
    )
    .unwrap();
    until(server.port, "/about/", "the new template", |b| {
        b.contains("Own template.")
    });

    // Nothing changes, nothing rebuilds: reading the files is not a change.
    let (_, before) = get(server.port, "/__outturn/wait?v=0");
    std::thread::sleep(Duration::from_millis(1500));
    let (_, after) = get(server.port, "/__outturn/wait?v=0");
    assert_eq!(before, after, "the preview rebuilt with no change");

    // The reload script exists only in the preview, never in a build.
    let out = site.path().join("public");
    assert!(build(site.path(), &out, &[]).status.success());
    for (name, bytes) in read_tree(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__outturn"),
            "{name} has the preview's script"
        );
    }
}

/// A raw request's answer: status, headers, body.
fn raw(port: u16, request: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (status, head.to_ascii_lowercase(), body.to_string())
}

#[test]
fn serve_answers_only_its_own_user_and_only_to_read() {
    let site = good_site();
    let server = serve(site.path());
    let port = server.port;
    let page = "308 children were looked";
    let ask = |method: &str, path: &str, host: &str| {
        raw(
            port,
            &format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
    };
    for host in [
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "[::1]".to_string(),
    ] {
        let (status, _, body) = ask("GET", "/reports/2023-24-q1/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains(page), "{host}");
    }

    // DNS rebinding: a page elsewhere, under a name pointed at 127.0.0.1.
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        for path in ["/reports/2023-24-q1/", "/__outturn/wait?v=0"] {
            let (status, _, body) = ask("GET", path, &host);
            assert_eq!(status, 421, "{host}{path}");
            assert!(
                !body.contains(page) && body.len() < 200 && body.contains("127.0.0.1"),
                "{host}{path}: {body}"
            );
        }
    }
    // An absolute URL names the host too, whatever the Host header says.
    let (status, _, body) = raw(
        port,
        "GET http://evil.example/reports/2023-24-q1/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, 421);
    assert!(!body.contains(page));
    // No Host at all.
    let (status, _, body) = raw(port, "GET /reports/2023-24-q1/ HTTP/1.0\r\n\r\n");
    assert_eq!(status, 400);
    assert!(!body.contains(page));

    // Only reading.
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let (status, head, body) = ask(method, "/reports/2023-24-q1/", "localhost");
        assert_eq!(status, 405, "{method}");
        assert!(head.contains("\r\nallow: get, head"), "{method}: {head}");
        assert!(!body.contains(page));
    }
    let (status, head, body) = ask("HEAD", "/reports/2023-24-q1/", "localhost");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(!head.contains("content-length: 0\r\n"), "{head}");
    assert_eq!(body, "", "HEAD has no body");

    // Nothing outside the site: the preview serves only what the build made.
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/reports/%2E%2E/%2E%2E/site.toml",
    ] {
        let (status, _, body) = ask("GET", path, "localhost");
        assert_eq!(status, 400, "{path}");
        assert!(!body.contains("Fixture Council"), "{path}: {body}");
    }
    let (status, _, body) = ask("GET", "/site.toml", "localhost");
    assert_eq!(status, 404);
    assert!(!body.contains("area_code"), "{body}");
}

/// The number of threads of process `pid`.
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// Reads one answer from a kept-alive connection: status, headers, body.
#[cfg(target_os = "linux")]
fn read_answer(stream: &mut TcpStream) -> (u16, String, String) {
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line.to_ascii_lowercase());
    }
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, String::from_utf8_lossy(&body).into_owned())
}

#[cfg(target_os = "linux")]
#[test]
fn serve_keeps_its_threads_however_many_pages_wait_to_reload() {
    const PAGES: usize = 300;
    const WAITING: usize = 64;
    let site = good_site();
    let server = serve(site.path());
    assert_eq!(get(server.port, "/").0, 200);
    let pid = server.child.id();
    let before = threads(pid);

    // Each page waits on a connection kept alive, as a browser's does.
    let (tx, rx) = std::sync::mpsc::channel();
    for _ in 0..PAGES {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "GET /__outturn/wait?v=1 HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            server.port
        )
        .unwrap();
        let tx = tx.clone();
        std::thread::spawn(move || {
            let answer = read_answer(&mut stream);
            let _ = tx.send(answer);
            // Held open until the test ends, like an idle browser tab.
            std::thread::sleep(Duration::from_secs(60));
        });
    }
    // Answered after those pages have asked, while they wait.
    assert_eq!(get(server.port, "/").0, 200);
    let during = threads(pid);
    assert!(
        during <= before + 2,
        "{before} threads before, {during} with {PAGES} pages waiting"
    );
    // Past the cap, pages are told at once to ask again later.
    for _ in 0..PAGES - WAITING {
        let (status, head, _) = rx.recv().unwrap();
        assert_eq!(status, 503, "{head}");
        assert!(head.contains("retry-after: "), "{head}");
    }
    let after = threads(pid);
    assert!(
        after <= before + 2,
        "{before} threads before, {after} with {WAITING} pages waiting"
    );

    // The pages still waiting reload on the next build.
    let data = site.path().join("data/monthly.csv");
    let monthly = std::fs::read_to_string(&data).unwrap();
    std::fs::write(&data, monthly.replace(",308\r\n", ",312\r\n")).unwrap();
    for _ in 0..WAITING {
        let (status, _, body) = rx.recv().unwrap();
        assert_eq!((status, body.as_str()), (200, "2"));
    }
}

/// The README's quarter: after `new` and a CSV with only some of the
/// quarter's figures, the preview shows the draft with a marked gap for each
/// figure not in the data yet and lists them at the top; `build` still
/// refuses to publish it.
#[test]
fn serve_previews_an_unfinished_quarter_that_build_refuses() {
    let site = good_site();
    let root = site.path().to_str().unwrap();
    std::fs::remove_file(site.path().join("content/reports/2023-24-q2.md")).unwrap();
    assert!(
        outturn(&["new", "2023-24 Q2", "--root", root])
            .status
            .success()
    );
    std::fs::write(
        site.path().join("data/2023-24-q2.csv"),
        "indicator,period,value,area,breakdown,note\ncla_count,2023-09,315,,,\ncla_rate,2023-09,69.4,,,\n",
    )
    .unwrap();
    // A new measure, described but with no figures yet, among the key figures.
    let yaml = site.path().join("data/indicators.yaml");
    let described = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!("{described}\nnew_measure:\n  title: A new measure\n  unit: count\n"),
    )
    .unwrap();
    let file = site.path().join("content/reports/2023-24-q2.md");
    let source = std::fs::read_to_string(&file).unwrap();
    assert!(
        source.contains("key_figures: [cla_count, cla_rate]"),
        "{source}"
    );
    std::fs::write(
        &file,
        source.replace(
            "key_figures: [cla_count, cla_rate]",
            "key_figures: [cla_count, cla_rate, new_measure]",
        ),
    )
    .unwrap();

    let server = serve(site.path());
    let (status, page) = get(server.port, "/reports/2023-24-q2/");
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("<mark class=\"gap\">no figure for Q2 2023-24 yet</mark>"),
        "{page}"
    );
    assert!(page.contains("315 children were looked"), "{page}");
    assert!(
        page.contains("role=\"status\"")
            && page
                .contains("warning[missing-figure]: no figure for `eet_19_21` in Q2 2023-24 yet"),
        "the banner lists what is missing: {page}"
    );
    // Last quarter's summary, kept by `new`, is listed too.
    assert!(
        page.contains("warning[stale-summary]: the summary is the same as Q1 2023-24"),
        "{page}"
    );
    // A key figure with no figure yet is left out, and said so.
    assert!(
        page.contains(
            "warning[missing-figure]: key_figures: there are no figures for `new_measure`"
        ),
        "{page}"
    );
    assert!(!page.contains(">A new measure<"), "{page}");
    for path in ["/", "/reports/2023-24-q1/", "/indicators/", "/about/"] {
        let (status, page) = get(server.port, path);
        assert_eq!(status, 200, "{path}: {page}");
        assert!(!page.contains("<mark class=\"gap\""), "{path}");
    }
    drop(server);

    // Published as it is, the report is refused.
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, source.replace("draft: true", "draft: false")).unwrap();
    let out = site.path().join("public");
    for extra in [&[][..], &["--drafts"][..]] {
        let output = build(site.path(), &out, extra);
        let (stdout, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
        assert!(
            stderr.contains("error: no figure for `eet_19_21` in Q2 2023-24 yet"),
            "{stderr}"
        );
        assert!(!out.exists());
    }
}
