//! What the preview shows: the last good build, kept in memory, and the
//! problems of the last build if it failed.
//!
//! A rebuild runs beside the requests, never under a lock they wait for:
//! each request takes the current snapshot (one `Arc`), so a long rebuild
//! leaves the last good pages answering at once. A rebuild that fails, or
//! panics, still ends in a new snapshot (the old pages, the new problems), so
//! the next save is picked up as usual.

use super::banner::{problems_banner, problems_page, warnings_banner, with_preview};
use crate::problem::Problems;
use crate::site::{BuildOptions, Cache, OutputFile, Site, Store};
use hyper::body::Bytes;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

/// One build as the server shows it.
#[derive(Default)]
pub(super) struct Served {
    /// The last good build's files, by path relative to the site's root.
    files: Arc<HashMap<String, Bytes>>,
    /// The last build's problems, if it failed.
    problems: Option<String>,
    /// The last good build's warnings, if any: how many, and the list.
    warnings: Option<(usize, String)>,
    /// Counts builds, good or not: a page reloads when it changes.
    pub(super) version: u64,
}

/// The served snapshot, replaced whole by each rebuild.
pub(super) struct Preview {
    served: watch::Sender<Arc<Served>>,
    /// What the last build made, for the next: one saved report is one
    /// report to render again. Replaced after a panic, which may have left
    /// it half updated.
    cache: Mutex<Arc<Cache>>,
    /// How many outputs the first build took from the last preview's copy.
    kept_at_start: AtomicUsize,
    /// The copy of the first build being left on disk.
    keeping: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Default for Preview {
    fn default() -> Self {
        Preview {
            served: watch::Sender::new(Arc::default()),
            cache: Mutex::default(),
            kept_at_start: AtomicUsize::new(0),
            keeping: Mutex::default(),
        }
    }
}

/// A build that succeeded: its files, and what it warns of.
#[derive(Default)]
pub(super) struct Good {
    pub(super) files: Vec<OutputFile>,
    pub(super) warnings: Problems,
}

impl From<Vec<OutputFile>> for Good {
    fn from(files: Vec<OutputFile>) -> Good {
        Good {
            files,
            warnings: Problems::new(),
        }
    }
}

impl Preview {
    /// Builds the site at `root` and shows the result. Returns the problems,
    /// if any.
    pub(super) fn rebuild_site(&self, root: &Path, options: BuildOptions) -> Option<String> {
        self.build_site(root, options, None)
    }

    /// The first build after `serve` starts: as [`Preview::rebuild_site`],
    /// taking each page whose inputs are as they were from the copy of the
    /// preview the last `serve` of this site left on disk, and leaving a
    /// copy of this one there, in the background, for the next.
    pub(super) fn first_build(&self, root: &Path, options: BuildOptions) -> Option<String> {
        let store = Arc::new(Store::for_preview(root));
        let problems = self.build_site(root, options, Some(store.clone()));
        self.kept_at_start
            .store(store.kept_count(), Ordering::Relaxed);
        if problems.is_none() {
            // The files shown, their bytes shared, not copied.
            let files: Vec<OutputFile> = (self.current().files.iter())
                .map(|(path, contents)| OutputFile {
                    path: path.clone(),
                    contents: contents.clone(),
                })
                .collect();
            // A copy that cannot be written costs the next start its head
            // start, nothing else: the preview is in memory.
            let keeping = std::thread::spawn(move || {
                let _ = store.keep_copy(files);
            });
            *self.keeping.lock().unwrap_or_else(|e| e.into_inner()) = Some(keeping);
        }
        problems
    }

    /// Builds the site at `root`, with `store` when there is one, and shows
    /// the result. Returns the problems, if any.
    fn build_site(
        &self,
        root: &Path,
        options: BuildOptions,
        store: Option<Arc<Store>>,
    ) -> Option<String> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner()).clone();
        self.rebuild(|| {
            Site::build_with(root, options, Some(cache), store)
                .map(|(site, files, _)| {
                    let mut warnings = site.warnings.clone();
                    warnings.extend(site.quarter_warnings());
                    site.allow(&mut warnings);
                    Good { files, warnings }
                })
                .map_err(|problems| problems.to_string())
        })
    }

    /// How many outputs the first build took from the last preview's copy.
    pub(super) fn kept_at_start(&self) -> usize {
        self.kept_at_start.load(Ordering::Relaxed)
    }

    /// Waits until the first build's copy is on disk.
    #[cfg(test)]
    fn kept_on_disk(&self) {
        if let Some(keeping) = self.keeping.lock().unwrap().take() {
            keeping.join().unwrap();
        }
    }

    /// How many warnings the last good build has, for the command line.
    pub(super) fn warning_count(&self) -> usize {
        self.current().warnings.as_ref().map_or(0, |(n, _)| *n)
    }

    /// Runs `build` and shows what it made: new files, or its problems over
    /// the last good files. A panic is caught and shown as a problem, so
    /// neither the caller nor the preview goes down with it.
    pub(super) fn rebuild(&self, build: impl FnOnce() -> Result<Good, String>) -> Option<String> {
        let result = catch_unwind(AssertUnwindSafe(build)).unwrap_or_else(|panic| {
            *self.cache.lock().unwrap_or_else(|e| e.into_inner()) = Arc::default();
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!(
                "error: outturn failed while building ({message}); this is a bug in outturn, not in the site\n    help: save again to retry, and please report it"
            ))
        });
        let last = self.current();
        let (files, problems, warnings) = match result {
            Ok(good) => (
                Arc::new(
                    good.files
                        .into_iter()
                        .map(|f| (f.path, f.contents))
                        .collect(),
                ),
                None,
                Some(good.warnings)
                    .filter(|w| !w.is_empty())
                    .map(|w| (w.warning_count(), w.report().trim_end().to_string())),
            ),
            Err(problems) => (last.files.clone(), Some(problems), None),
        };
        self.served.send_replace(Arc::new(Served {
            files,
            problems: problems.clone(),
            warnings,
            version: last.version + 1,
        }));
        problems
    }

    /// The snapshot to answer from.
    pub(super) fn current(&self) -> Arc<Served> {
        self.served.borrow().clone()
    }

    /// Tells of each new snapshot, for pages waiting to reload.
    pub(super) fn subscribe(&self) -> watch::Receiver<Arc<Served>> {
        self.served.subscribe()
    }
}

/// What the server answers for a request.
#[derive(Debug)]
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) kind: &'static str,
    pub(super) body: Bytes,
}

impl Served {
    /// The answer for `path` (already percent-decoded, without its query).
    pub(super) fn answer(&self, path: &str) -> Answer {
        let mut key = path.trim_start_matches('/').to_string();
        if key.is_empty() || key.ends_with('/') {
            key.push_str("index.html");
        }
        let folder = format!("{key}/index.html");
        let (status, key) = if self.files.contains_key(&key) {
            (200, key)
        } else if self.files.contains_key(&folder) {
            (200, folder)
        } else {
            (404, "404.html".to_string())
        };
        let Some(body) = self.files.get(&key) else {
            return Answer {
                status: if self.problems.is_some() { 500 } else { 404 },
                kind: "text/html; charset=utf-8",
                body: problems_page(self.problems.as_deref(), self.version).into(),
            };
        };
        let kind = content_type(&key);
        let body = if kind.starts_with("text/html") {
            let banner = match (&self.problems, &self.warnings) {
                (Some(problems), _) => problems_banner(problems),
                (None, Some((n, warnings))) => warnings_banner(*n, warnings),
                (None, None) => String::new(),
            };
            with_preview(body, &banner, self.version).into()
        } else {
            body.clone()
        };
        Answer { status, kind, body }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn files(files: &[(&str, &str)]) -> Vec<OutputFile> {
        files
            .iter()
            .map(|(p, c)| OutputFile {
                path: p.to_string(),
                contents: c.as_bytes().to_vec().into(),
            })
            .collect()
    }

    fn body(answer: &Answer) -> String {
        String::from_utf8(answer.body.to_vec()).unwrap()
    }

    #[test]
    fn serves_folders_as_their_index_and_injects_the_reload_script() {
        let preview = Preview::default();
        let pages = [
            ("about/index.html", "<html><body><p>About</p></body></html>"),
            ("404.html", "<body>Not here</body>"),
        ];
        assert_eq!(preview.rebuild(|| Ok(files(&pages).into())), None);
        let served = preview.current();
        for path in ["/about/", "/about", "/about/index.html"] {
            let answer = served.answer(path);
            assert_eq!(
                (answer.status, answer.kind),
                (200, "text/html; charset=utf-8"),
                "{path}"
            );
            assert!(
                body(&answer).contains("<p>About</p>")
                    && body(&answer).contains("/__outturn/wait?v=1"),
                "{path}: {}",
                body(&answer)
            );
        }
        let answer = served.answer("/nope/");
        assert_eq!(answer.status, 404);
        assert!(body(&answer).contains("Not here"));
    }

    #[test]
    fn a_good_build_lists_its_warnings_counted_naturally() {
        let preview = Preview::default();
        let page = [("index.html", "<html><body><p>Good</p></body></html>")];
        let mut warnings = Problems::new();
        warnings.push(
            crate::problem::Problem::warning(
                crate::problem::Id::MissingFigure,
                "r.md",
                "no figure for `x` in Q2 2023-24 yet",
            )
            .at(3, 4),
        );
        preview.rebuild(|| {
            Ok(Good {
                files: files(&page),
                warnings,
            })
        });
        let shown = body(&preview.current().answer("/"));
        assert!(
            shown.contains("role=\"status\"")
                && shown.contains(">1 warning: the site builds, but check it<")
                && shown.contains(
                    "r.md:3:4: warning[missing-figure]: no figure for `x` in Q2 2023-24 yet"
                )
                && shown.contains("<p>Good</p>"),
            "{shown}"
        );
        assert_eq!(preview.warning_count(), 1);
        preview.rebuild(|| Ok(files(&page).into()));
        let shown = body(&preview.current().answer("/"));
        assert!(!shown.contains("role=\"status\""), "{shown}");
    }

    #[test]
    fn a_failed_build_shows_its_problems_over_the_last_good_page() {
        let preview = Preview::default();
        let good = [("index.html", "<html><body><p>Good</p></body></html>")];
        preview.rebuild(|| Ok(files(&good).into()));
        preview.rebuild(|| Err("  1. data/x.csv:2:1: error: <bad>".into()));
        let answer = preview.current().answer("/");
        let body = body(&answer);
        assert!(body.contains("role=\"alert\""));
        assert!(
            body.contains("data/x.csv:2:1: error: &lt;bad&gt;"),
            "problems are escaped: {body}"
        );
        assert!(body.contains("<p>Good</p>"));
    }

    #[test]
    fn a_panicking_build_is_shown_as_a_problem_and_the_next_build_is_taken() {
        let preview = Preview::default();
        let good = [("index.html", "<html><body><p>Good</p></body></html>")];
        preview.rebuild(|| Ok(files(&good).into()));
        let problems = preview.rebuild(|| panic!("a bug in a chart"));
        assert!(
            problems
                .as_deref()
                .is_some_and(|p| p.contains("a bug in a chart") && p.contains("save again")),
            "{problems:?}"
        );
        let answer = preview.current().answer("/");
        assert!(
            body(&answer).contains("<p>Good</p>") && body(&answer).contains("a bug in a chart")
        );

        let mended = [("index.html", "<html><body><p>Mended</p></body></html>")];
        assert_eq!(preview.rebuild(|| Ok(files(&mended).into())), None);
        let served = preview.current();
        assert_eq!(served.version, 3);
        assert!(!body(&served.answer("/")).contains("role=\"alert\""));
    }

    #[test]
    fn pages_are_served_from_the_last_build_while_a_rebuild_runs() {
        let preview = Arc::new(Preview::default());
        let good = [("index.html", "<html><body><p>Good</p></body></html>")];
        preview.rebuild(|| Ok(files(&good).into()));
        let (started, wait_started) = std::sync::mpsc::channel();
        let (finish, finished) = std::sync::mpsc::channel::<()>();
        let builder = preview.clone();
        let rebuild = std::thread::spawn(move || {
            builder.rebuild(|| {
                started.send(()).unwrap();
                finished.recv().unwrap();
                Ok(files(&[("index.html", "<body><p>New</p></body>")]).into())
            })
        });
        wait_started.recv().unwrap();
        // The rebuild is under way and holds nothing the request needs.
        let answer = preview.current().answer("/");
        assert!(body(&answer).contains("<p>Good</p>"));
        finish.send(()).unwrap();
        rebuild.join().unwrap();
        assert!(body(&preview.current().answer("/")).contains("<p>New</p>"));
    }

    #[test]
    fn a_restarted_preview_takes_unchanged_pages_from_the_last_ones_copy_and_shows_the_same() {
        let site = crate::testutil::good_site();
        let root = site.path();
        let options = BuildOptions {
            drafts: true,
            preview: true,
        };
        let first = Preview::default();
        assert_eq!(first.first_build(root, options), None);
        assert_eq!(
            first.kept_at_start(),
            0,
            "nothing to take at the first start"
        );
        first.kept_on_disk();
        // Edited while no preview ran.
        let report = root.join("content/reports/2023-24-q2.md");
        let text = std::fs::read_to_string(&report).unwrap();
        std::fs::write(&report, format!("{text}\nA sentence written overnight.\n")).unwrap();

        let restarted = Preview::default();
        assert_eq!(restarted.first_build(root, options), None);
        assert!(
            restarted.kept_at_start() > 5,
            "only {} outputs taken from the last preview",
            restarted.kept_at_start()
        );
        let cold = Preview::default();
        assert_eq!(cold.rebuild_site(root, options), None);
        let (warm, cold) = (restarted.current(), cold.current());
        let mut paths: Vec<&String> = warm.files.keys().collect();
        paths.sort();
        let mut cold_paths: Vec<&String> = cold.files.keys().collect();
        cold_paths.sort();
        assert_eq!(paths, cold_paths);
        for path in paths {
            assert!(
                warm.files[path] == cold.files[path],
                "{path} differs from a cold build"
            );
        }
        assert!(
            String::from_utf8_lossy(&warm.files["reports/2023-24-q2/index.html"])
                .contains("A sentence written overnight.")
        );
    }

    #[test]
    fn the_reload_script_waits_before_asking_again_when_refused() {
        use super::super::banner::reload_script;
        let script = reload_script(7);
        assert!(script.contains("if(!r.ok){later();return;}"), "{script}");
        assert!(script.contains(".catch(later)"), "{script}");
        assert!(script.contains("setTimeout(poll,2000"), "{script}");
    }
}
