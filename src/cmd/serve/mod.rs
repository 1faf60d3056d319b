//! `outturn serve`: build into memory, serve on 127.0.0.1, rebuild on save.
//!
//! The preview is the real build, kept in memory: the same pages `build` would
//! write, plus a small script (only here, never in `build`'s output) that
//! waits for the next rebuild and reloads the page. When a rebuild fails, the
//! last good site is still served, with the problems shown at the top of
//! every page, so the analyst sees what to fix without losing the preview.
//! Here: watching the site and rebuilding; `preview` holds what is shown,
//! `http` answers the browser.

mod banner;
mod http;
mod preview;

use crate::cli::ServeArgs;
use crate::site::BuildOptions;
use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};
use preview::Preview;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;
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

/// Runs the preview server until interrupted.
pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let root = args.common.root.clone();
    let options = BuildOptions {
        drafts: !args.no_drafts,
        preview: true,
    };
    let preview = Arc::new(Preview::default());
    let start = Instant::now();
    match preview.first_build(&root, options) {
        None => println!(
            "Built in {} ms{}{}",
            start.elapsed().as_millis(),
            match preview.kept_at_start() {
                0 => String::new(),
                n => format!(
                    ", {} unchanged since the last preview",
                    crate::cmd::count(n, "page or file", "pages and files")
                ),
            },
            with_warnings(&preview)
        ),
        Some(problems) => eprintln!("{problems}"),
    }
    let listener = std::net::TcpListener::bind(("127.0.0.1", args.port)).with_context(|| {
        format!(
            "could not listen on 127.0.0.1:{}; try another --port",
            args.port
        )
    })?;
    let address = listener.local_addr()?;
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
        // A rebuild's panic is caught inside; this catches the rest, so
        // the preview never stops rebuilding while it runs.
        while catch_unwind(AssertUnwindSafe(|| {
            rebuild_on_change(&rx, &root, options, &rebuilder, quiet, &mut watcher)
        }))
        .is_err()
        {}
    });

    http::serve(listener, preview)?;
    Ok(ExitCode::SUCCESS)
}

/// The file to name as changed. An editor's save may pass through a
/// temporary file that is gone by now: a file that is there is named.
fn changed_name(root: &Path, paths: &[PathBuf]) -> String {
    paths
        .iter()
        .find(|p| p.exists())
        .or(paths.first())
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .unwrap_or_default()
}

/// `, with 2 warnings (listed at the top of each page)`, or nothing.
fn with_warnings(preview: &Preview) -> String {
    match preview.warning_count() {
        0 => String::new(),
        n => format!(
            ", with {} (listed at the top of each page)",
            crate::cmd::count(n, "warning", "warnings")
        ),
    }
}

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

/// Waits for changes, lets a burst of saves settle, then rebuilds, until
/// the watcher is gone. A failed build (or a panicking one, which the
/// preview catches) is shown and the loop waits for the next save.
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
        let changed = changed_name(root, &paths);
        match preview.rebuild_site(root, options) {
            None if !quiet => println!(
                "Rebuilt in {} ms ({changed} changed){}",
                start.elapsed().as_millis(),
                with_warnings(preview)
            ),
            None => {}
            Some(problems) => eprintln!("{problems}\nStill serving the last good build."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_named_as_changed_is_one_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        std::fs::write(root.join("content/q2.md"), "x").unwrap();
        let paths = [root.join("content/sedfHN745"), root.join("content/q2.md")];
        assert_eq!(
            changed_name(root, &paths),
            Path::new("content/q2.md").display().to_string()
        );
        assert_eq!(
            changed_name(root, &paths[..1]),
            Path::new("content/sedfHN745").display().to_string()
        );
    }
}
