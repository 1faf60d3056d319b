//! `outturn serve`: build into memory, serve on 127.0.0.1, rebuild on save.
//!
//! The preview is the real build, kept in memory: the same pages `build` would
//! write, plus a small script (only here, never in `build`'s output) that
//! waits for the next rebuild and reloads the page. When a rebuild fails, the
//! last good site is still served, with the problems shown at the top of
//! every page, so the analyst sees what to fix without losing the preview.

use crate::cli::ServeArgs;
use crate::site::{BuildOptions, Cache, OutputFile, Site};
use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The folders and files whose changes trigger a rebuild.
const WATCHED: [&str; 6] = [
    "content",
    "data",
    "themes",
    "templates",
    "static",
    "site.toml",
];

/// How long to wait for more changes before rebuilding: editors save in bursts.
const DEBOUNCE: Duration = Duration::from_millis(60);

/// How long a page's reload request waits before asking again.
const LONG_POLL: Duration = Duration::from_secs(25);

/// What the server shows: the last good site, and the problems of the last
/// build if it failed.
#[derive(Default)]
struct Served {
    files: HashMap<String, Vec<u8>>,
    problems: Option<String>,
    version: u64,
}

/// The served state and a signal for pages waiting to reload.
#[derive(Default)]
pub struct Preview {
    served: Mutex<Served>,
    rebuilt: Condvar,
    /// What the last build made, for the next: one saved report is one
    /// report to render again.
    cache: Arc<Cache>,
}

impl Preview {
    /// Builds the site at `root` and takes the result: new files, or the
    /// problems (keeping the last good files). Returns the problems, if any.
    pub fn rebuild(&self, root: &Path, options: BuildOptions) -> Option<String> {
        let result = Site::build(root, options, Some(self.cache.clone()));
        let mut served = self.served.lock().unwrap_or_else(|e| e.into_inner());
        let problems = match result {
            Ok((_, files, _)) => {
                served.files = files
                    .into_iter()
                    .map(|f: OutputFile| (f.path, f.contents))
                    .collect();
                None
            }
            Err(problems) => Some(problems.to_string()),
        };
        served.problems = problems.clone();
        served.version += 1;
        self.rebuilt.notify_all();
        problems
    }

    /// The response to a request for `url`: status, content type, body.
    pub fn respond(&self, url: &str) -> (u16, &'static str, Vec<u8>) {
        let path = url.split(['?', '#']).next().unwrap_or("/");
        if path == "/__outturn/wait" {
            return self.wait(url);
        }
        let served = self.served.lock().unwrap_or_else(|e| e.into_inner());
        let mut key = percent_decode(path.trim_start_matches('/'));
        if key.is_empty() || key.ends_with('/') {
            key.push_str("index.html");
        }
        let (status, key) = if served.files.contains_key(&key) {
            (200, key)
        } else if served.files.contains_key(&format!("{key}/index.html")) {
            (200, format!("{key}/index.html"))
        } else {
            (404, "404.html".to_string())
        };
        let Some(body) = served.files.get(&key) else {
            let page = problems_page(served.problems.as_deref(), served.version);
            return (
                if served.problems.is_some() { 500 } else { 404 },
                "text/html; charset=utf-8",
                page,
            );
        };
        let kind = content_type(&key);
        if kind.starts_with("text/html") {
            (
                status,
                kind,
                with_preview(body, served.problems.as_deref(), served.version),
            )
        } else {
            (status, kind, body.clone())
        }
    }

    /// Long poll: answers when a build newer than the page's `v=` is done.
    fn wait(&self, url: &str) -> (u16, &'static str, Vec<u8>) {
        let seen: u64 = url
            .split_once("v=")
            .and_then(|(_, v)| v.split('&').next()?.parse().ok())
            .unwrap_or(0);
        let served = self.served.lock().unwrap_or_else(|e| e.into_inner());
        let (served, _) = self
            .rebuilt
            .wait_timeout_while(served, LONG_POLL, |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        (
            200,
            "text/plain; charset=utf-8",
            served.version.to_string().into_bytes(),
        )
    }
}

/// Runs the preview server until interrupted.
pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let root = args.common.root.clone();
    let options = BuildOptions {
        drafts: !args.no_drafts,
    };
    let preview = Arc::new(Preview::default());
    let start = Instant::now();
    match preview.rebuild(&root, options) {
        None => println!("Built in {} ms", start.elapsed().as_millis()),
        Some(problems) => eprintln!("{problems}"),
    }
    let server = tiny_http::Server::http(("127.0.0.1", args.port)).map_err(|e| {
        anyhow::anyhow!(
            "could not listen on 127.0.0.1:{}: {e}; try another --port",
            args.port
        )
    })?;
    let address = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    println!(
        "Serving {} at http://{address}/ (Ctrl+C to stop)",
        root.display()
    );

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file is an event too (the rebuild reads them all): only
        // a change is worth a rebuild.
        if let Ok(event) = event
            && !event.kind.is_access()
            && !event.kind.is_other()
        {
            let _ = tx.send(event.paths);
        }
    })?;
    // The site's folder itself, not recursively: it sees site.toml however an
    // editor saves it (some write a new file and rename it over the old),
    // and a folder such as templates/ made after the preview started.
    let root = std::fs::canonicalize(&root)
        .with_context(|| format!("could not find {}", root.display()))?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .with_context(|| format!("could not watch {}", root.display()))?;
    watch_folders(&mut watcher, &root);
    let rebuilder = preview.clone();
    let quiet = args.common.quiet;
    std::thread::spawn(move || {
        rebuild_on_change(&rx, &root, options, &rebuilder, quiet, &mut watcher)
    });

    for request in server.incoming_requests() {
        let preview = preview.clone();
        std::thread::spawn(move || {
            let (status, kind, body) = preview.respond(request.url());
            let header =
                tiny_http::Header::from_bytes("Content-Type", kind).expect("a valid header");
            let no_store =
                tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("a valid header");
            let response = tiny_http::Response::from_data(body)
                .with_status_code(status)
                .with_header(header)
                .with_header(no_store);
            let _ = request.respond(response);
        });
    }
    Ok(ExitCode::SUCCESS)
}

/// Waits for changes, lets a burst of saves settle, then rebuilds.
/// Watches each of the site's folders, whole; a folder already watched is
/// watched again harmlessly.
fn watch_folders(watcher: &mut notify::RecommendedWatcher, root: &Path) {
    for name in WATCHED.iter().filter(|n| **n != "site.toml") {
        let path = root.join(name);
        if path.is_dir() {
            let _ = watcher.watch(&path, RecursiveMode::Recursive);
        }
    }
}

/// Whether a changed path is part of the site (not `public/`, `target/`…).
fn in_site(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .ok()
        .and_then(|p| p.components().next())
        .is_some_and(|first| WATCHED.iter().any(|w| first.as_os_str() == *w))
}

fn rebuild_on_change(
    rx: &mpsc::Receiver<Vec<PathBuf>>,
    root: &Path,
    options: BuildOptions,
    preview: &Preview,
    quiet: bool,
    watcher: &mut notify::RecommendedWatcher,
) {
    while let Ok(mut paths) = rx.recv() {
        while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
            paths.extend(more);
        }
        paths.retain(|p| in_site(root, p));
        // A folder made since the start (templates/, say) is watched from now on.
        watch_folders(watcher, root);
        // Editors' swap and backup files are not the site.
        paths.retain(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            !(name.starts_with('.')
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".tmp"))
        });
        if paths.is_empty() {
            continue;
        }
        let start = Instant::now();
        let changed = paths
            .first()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .unwrap_or_default();
        match preview.rebuild(root, options) {
            None if !quiet => println!(
                "Rebuilt in {} ms ({changed} changed)",
                start.elapsed().as_millis()
            ),
            None => {}
            Some(problems) => eprintln!("{problems}\nStill serving the last good build."),
        }
    }
}

/// Adds the reload script, and the problems if the last build failed.
fn with_preview(page: &[u8], problems: Option<&str>, version: u64) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    let script = reload_script(version);
    let banner = problems.map(problems_banner).unwrap_or_default();
    let page = match page.find("<body>") {
        Some(i) if !banner.is_empty() => format!(
            "{}<body>{banner}{}",
            &page[..i],
            &page[i + "<body>".len()..]
        ),
        _ => page.into_owned(),
    };
    match page.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &page[..i], &page[i..]).into_bytes(),
        None => format!("{page}{script}").into_bytes(),
    }
}

/// Waits for the next build, then reloads; retries quietly if the server is away.
fn reload_script(version: u64) -> String {
    format!(
        "<script>(function poll(){{fetch('/__outturn/wait?v={version}',{{cache:'no-store'}})\
.then(function(r){{return r.text();}})\
.then(function(v){{if(v!=='{version}'){{location.reload();}}else{{poll();}}}})\
.catch(function(){{setTimeout(poll,1000);}});}})();</script>"
    )
}

fn problems_banner(problems: &str) -> String {
    format!(
        "<div role=\"alert\" style=\"background:#fff;color:#0b0c0c;border:5px solid #d4351c;padding:1rem;margin:1rem;font:1rem/1.4 system-ui,sans-serif\">\
<p style=\"font-weight:700;font-size:1.25rem;margin:0 0 .5rem\">The site has problems: this is the last good build</p>\
<p style=\"margin:0 0 .5rem\">Fix these, save, and the page will reload.</p>\
<pre style=\"white-space:pre-wrap;overflow-wrap:anywhere;margin:0\">{}</pre></div>",
        crate::escape::escape(problems)
    )
}

/// Shown when there is no good build yet to fall back on.
fn problems_page(problems: Option<&str>, version: u64) -> Vec<u8> {
    let body = match problems {
        Some(problems) => problems_banner(problems),
        None => "<h1>Page not found</h1>".to_string(),
    };
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>outturn preview</title></head><body>{body}{}</body></html>",
        reload_script(version)
    )
    .into_bytes()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `%20` → space, so files with spaces in their names can be previewed.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preview_with(files: &[(&str, &str)], problems: Option<&str>) -> Preview {
        let preview = Preview::default();
        {
            let mut served = preview.served.lock().unwrap();
            served.files = files
                .iter()
                .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
                .collect();
            served.problems = problems.map(str::to_string);
            served.version = 3;
        }
        preview
    }

    #[test]
    fn serves_folders_as_their_index_and_injects_the_reload_script() {
        let preview = preview_with(
            &[
                ("about/index.html", "<html><body><p>About</p></body></html>"),
                ("404.html", "<body>Not here</body>"),
            ],
            None,
        );
        for url in ["/about/", "/about", "/about/index.html", "/about/?x=1"] {
            let (status, kind, body) = preview.respond(url);
            let body = String::from_utf8(body).unwrap();
            assert_eq!((status, kind), (200, "text/html; charset=utf-8"), "{url}");
            assert!(
                body.contains("<p>About</p>") && body.contains("/__outturn/wait?v=3"),
                "{url}: {body}"
            );
        }
        let (status, _, body) = preview.respond("/nope/");
        assert_eq!(status, 404);
        assert!(String::from_utf8(body).unwrap().contains("Not here"));
    }

    #[test]
    fn a_failed_build_shows_its_problems_over_the_last_good_page() {
        let preview = preview_with(
            &[("index.html", "<html><body><p>Good</p></body></html>")],
            Some("  1. data/x.csv:2:1: error: <bad>"),
        );
        let (_, _, body) = preview.respond("/");
        let body = String::from_utf8(body).unwrap();
        assert!(body.contains("role=\"alert\""));
        assert!(
            body.contains("data/x.csv:2:1: error: &lt;bad&gt;"),
            "problems are escaped: {body}"
        );
        assert!(body.contains("<p>Good</p>"));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("my%20file.pdf"), "my file.pdf");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
