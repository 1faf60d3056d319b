//! The guide cannot drift: every command the README and `docs/*.md` show is
//! run with the outturn under test, in a temporary copy of a site, and must
//! exit and print as the guide says; every relative link between them must
//! lead to a file and a heading that exist. The conventions an example
//! follows are written at the top of docs/developing.md.

mod common;

use common::copy_tree;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's folder.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The guide: the README, then every Markdown file under docs/.
fn guide_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// A file's name as a message gives it: `docs/data.md`.
fn shown(path: &Path) -> String {
    path.strip_prefix(repo())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

// ---------------------------------------------------------------------------
// Reading the examples out of the Markdown.

/// One line of an example that the test acts on.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Start afresh in a site of this kind: `example`, `good`, `init`, `empty`.
    Site(String),
    /// Move into a folder.
    Cd(String),
    /// Run `outturn` commands joined by `&&`.
    Run(Run),
}

/// A command line of the guide and what it must do.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    /// Where it is: `docs/data.md:12`.
    place: String,
    /// The line as written.
    text: String,
    /// The commands `&&` joins, each its arguments after `outturn`.
    commands: Vec<Vec<String>>,
    /// The exit status the guide gives (`# exits N`), else 0.
    exits: i32,
    /// Output lines the guide shows after it in a console block.
    shown: Vec<String>,
    /// Why it is not run, when a comment before its block says so.
    skipped: Option<String>,
}

/// Splits a shell line into words, honouring quotes and backslashes; a word
/// starting `#` begins a comment, returned apart.
fn shell_words(line: &str) -> (Vec<String>, Option<String>) {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' if !in_word => return (words, Some(line[i + 1..].trim().to_string())),
            ' ' | '\t' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                for (_, q) in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                in_word = true;
                while let Some((_, q)) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                word.push(e);
                            }
                        }
                        _ => word.push(q),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some((_, e)) = chars.next() {
                    word.push(e);
                }
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    (words, None)
}

/// The directive of a `<!-- guide-test: … -->` line, if it is one.
fn directive(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim()
        .strip_prefix("guide-test:")
        .map(str::trim)
}

/// Reads the steps of one file of the guide, or says what is wrong with
/// how an example is written.
fn steps(name: &str, text: &str) -> Result<Vec<Step>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut steps = Vec::new();
    // Directives waiting for the next block: skip (command, reason).
    let mut skips: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(d) = directive(line) {
            if let Some(kind) = d.strip_prefix("site ") {
                let kind = kind.trim();
                let broken = kind
                    .strip_prefix("broken/")
                    .is_some_and(|b| common::fixtures().join("broken").join(b).is_dir());
                if !broken && !["example", "good", "init", "empty"].contains(&kind) {
                    return Err(format!("{name}:{}: unknown site `{kind}`", i + 1));
                }
                steps.push(Step::Site(kind.to_string()));
            } else if let Some(rest) = d.strip_prefix("skip ") {
                let (command, reason) = rest.split_once(':').unwrap_or((rest, ""));
                if reason.trim().is_empty() {
                    return Err(format!(
                        "{name}:{}: a skip needs its reason: `skip {command}: why`",
                        i + 1
                    ));
                }
                skips.push((command.trim().to_string(), reason.trim().to_string()));
            } else {
                return Err(format!("{name}:{}: unknown directive `{d}`", i + 1));
            }
            i += 1;
            continue;
        }
        let trimmed = line.trim_start();
        let Some(fence) = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f)) else {
            if !line.trim().is_empty() {
                skips.clear();
            }
            i += 1;
            continue;
        };
        let info = trimmed.trim_start_matches(fence.chars().next().unwrap());
        let lang = info.split_whitespace().next().unwrap_or("").to_string();
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && !lines[end].trim_start().starts_with(fence) {
            end += 1;
        }
        if lang == "sh" || lang == "console" {
            steps.extend(block_steps(name, &lang, &lines[start..end], start, &skips)?);
        }
        skips.clear();
        i = end + 1;
    }
    Ok(steps)
}

/// The steps of one `sh` or `console` block whose first line is line
/// `first` (0-based) of the file.
fn block_steps(
    name: &str,
    lang: &str,
    lines: &[&str],
    first: usize,
    skips: &[(String, String)],
) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    // Whether the output lines that follow belong to a run (in a console block).
    let mut collecting = false;
    for (n, line) in lines.iter().enumerate() {
        let place = format!("{name}:{}", first + n + 1);
        let command = line
            .strip_prefix("$ ")
            .or_else(|| (lang == "sh").then_some(*line));
        let Some(command) = command else {
            if collecting && let Some(Step::Run(run)) = steps.last_mut() {
                run.shown.push(line.trim_end().to_string());
            }
            continue;
        };
        collecting = false;
        let (words, comment) = shell_words(command);
        match words.first().map(String::as_str) {
            Some("outturn") => {}
            Some("cd") if words.len() == 2 => {
                steps.push(Step::Cd(words[1].clone()));
                continue;
            }
            _ => continue,
        }
        let mut commands = vec![Vec::new()];
        for word in &words {
            if word == "&&" {
                commands.push(Vec::new());
            } else {
                commands.last_mut().unwrap().push(word.clone());
            }
        }
        for command in &mut commands {
            if command.first().map(String::as_str) != Some("outturn") {
                return Err(format!(
                    "{place}: only outturn commands can be joined with && in the guide"
                ));
            }
            command.remove(0);
        }
        let exits = match comment.as_deref().and_then(|c| c.strip_prefix("exits ")) {
            Some(rest) => rest
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("{place}: write `# exits N` with a number"))?,
            None => 0,
        };
        let skipped = skips
            .iter()
            .find(|(cmd, _)| commands.iter().any(|c| c.first() == Some(cmd)))
            .map(|(_, why)| why.clone());
        steps.push(Step::Run(Run {
            place,
            text: command.trim().to_string(),
            commands,
            exits,
            shown: Vec::new(),
            skipped,
        }));
        collecting = lang == "console";
    }
    // A block that runs nothing (an install, say) is not followed into its folders.
    if !steps.iter().any(|s| matches!(s, Step::Run(_))) {
        return Ok(Vec::new());
    }
    Ok(steps)
}

// ---------------------------------------------------------------------------
// Matching the output the guide shows.

/// Whether `line` of real output holds the guide's `shown` line, where `…`
/// stands for any text.
fn line_matches(shown: &str, line: &str) -> bool {
    let mut rest = line;
    for part in shown.split('…') {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `output` holds the guide's `shown` lines in order: consecutive
/// shown lines on consecutive lines of output (blank lines aside), except
/// across a line that is only `…`, which matches any number of lines.
fn output_matches(shown: &[String], output: &str) -> bool {
    let actual: Vec<&str> = output.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    for line in shown.iter().filter(|l| !l.trim().is_empty()) {
        if line.trim() == "…" {
            segments.push(Vec::new());
        } else {
            segments.last_mut().unwrap().push(line.as_str());
        }
    }
    let mut from = 0;
    for segment in segments.iter().filter(|s| !s.is_empty()) {
        let found = (from..actual.len()).find(|&at| {
            at + segment.len() <= actual.len()
                && segment
                    .iter()
                    .zip(&actual[at..])
                    .all(|(s, a)| line_matches(s, a))
        });
        match found {
            Some(at) => from = at + segment.len(),
            None => return false,
        }
    }
    true
}

// ---------------------------------------------------------------------------
// Running them.

/// Runs outturn with `args` in `dir`: exit status and everything it printed.
fn outturn_in(dir: &Path, args: &[String]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_outturn"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("outturn runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), text)
}

/// A fresh folder holding a site of `kind`.
fn fresh_site(kind: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    match kind {
        "example" => {
            std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
            for folder in ["content", "data", "static", "templates", "themes"] {
                if repo().join(folder).is_dir() {
                    copy_tree(&repo().join(folder), &dir.path().join(folder));
                }
            }
        }
        "good" => copy_tree(&common::fixtures().join("good"), dir.path()),
        "init" => {
            let (code, out) = outturn_in(dir.path(), &["init".into(), ".".into()]);
            assert_eq!(code, 0, "outturn init: {out}");
        }
        "empty" => {}
        other => {
            // A broken fixture is laid over a copy of the good site.
            let broken = other.strip_prefix("broken/").expect("a known site");
            copy_tree(&common::fixtures().join("good"), dir.path());
            copy_tree(&common::fixtures().join("broken").join(broken), dir.path());
        }
    }
    dir
}

/// Runs every example of one file of the guide; returns what went wrong.
fn run_file(path: &Path) -> Vec<String> {
    let name = shown(path);
    let text = std::fs::read_to_string(path).unwrap();
    let steps = match steps(&name, &text) {
        Ok(steps) => steps,
        Err(e) => return vec![e],
    };
    let mut failures = Vec::new();
    let mut site = fresh_site("example");
    let mut cwd = site.path().to_path_buf();
    for step in steps {
        match step {
            Step::Site(kind) => {
                site = fresh_site(&kind);
                cwd = site.path().to_path_buf();
            }
            Step::Cd(dir) => {
                let to = cwd.join(&dir);
                if !to.is_dir()
                    || !to
                        .canonicalize()
                        .unwrap()
                        .starts_with(site.path().canonicalize().unwrap())
                {
                    failures.push(format!(
                        "{name}: `cd {dir}`: there is no such folder in the site"
                    ));
                    break;
                }
                cwd = to;
            }
            Step::Run(run) => {
                if let Some(problem) = run_step(&cwd, &run) {
                    failures.push(problem);
                }
            }
        }
    }
    failures
}

/// Runs one command line of the guide; what is wrong, if anything.
fn run_step(cwd: &Path, run: &Run) -> Option<String> {
    let place = &run.place;
    if run.skipped.is_some() {
        // Not run, for the reason given; but the command and the options
        // it uses exist.
        for command in &run.commands {
            let mut help: Vec<String> = command
                .iter()
                .take_while(|w| !w.starts_with('-'))
                .take(2)
                .cloned()
                .collect();
            help.retain(|w| w.chars().all(|c| c.is_ascii_lowercase()));
            help.push("--help".into());
            let (code, out) = outturn_in(cwd, &help);
            if code != 0 {
                return Some(format!(
                    "{place}: `outturn {}` exits {code}:\n{out}",
                    help.join(" ")
                ));
            }
            for option in command.iter().filter(|w| w.starts_with("--")) {
                let option = option.split('=').next().unwrap();
                if !out.contains(option) {
                    return Some(format!(
                        "{place}: `{}` uses {option}, which `outturn {}` does not list",
                        run.text,
                        help.join(" ")
                    ));
                }
            }
        }
        return None;
    }
    let mut status = 0;
    let mut printed = String::new();
    for command in &run.commands {
        let (code, out) = outturn_in(cwd, command);
        printed.push_str(&out);
        status = code;
        if code != 0 {
            break;
        }
    }
    if status != run.exits {
        return Some(format!(
            "{place}: `{}` exits {status}, but the guide says {}; it printed:\n{printed}",
            run.text, run.exits
        ));
    }
    if !output_matches(&run.shown, &printed) {
        return Some(format!(
            "{place}: `{}` did not print what the guide shows.\nThe guide shows:\n{}\nIt printed:\n{printed}",
            run.text,
            run.shown.join("\n")
        ));
    }
    None
}

/// Runs the examples of the guide's file `name` and fails with every problem.
fn check_file(name: &str) {
    let failures = run_file(&repo().join(name));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

macro_rules! guide_file {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_file($file);
            }
        )*
        /// Every file of the guide has its test above.
        const TESTED: &[&str] = &[$($file),*];
    };
}

guide_file! {
    readme_examples_run_as_shown => "README.md",
    writing_reports_examples_run_as_shown => "docs/writing-reports.md",
    charts_and_tables_examples_run_as_shown => "docs/charts-and-tables.md",
    data_examples_run_as_shown => "docs/data.md",
    data_notes_examples_run_as_shown => "docs/data-notes.md",
    publishing_examples_run_as_shown => "docs/publishing.md",
    themes_and_brand_examples_run_as_shown => "docs/themes-and-brand.md",
    promises_examples_run_as_shown => "docs/promises.md",
    reference_examples_run_as_shown => "docs/reference.md",
    performance_examples_run_as_shown => "docs/performance.md",
    developing_examples_run_as_shown => "docs/developing.md",
}

#[test]
fn every_file_of_the_guide_has_its_examples_run() {
    let files: BTreeSet<String> = guide_files().iter().map(|p| shown(p)).collect();
    let tested: BTreeSet<String> = TESTED.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        files, tested,
        "add each file of the guide to guide_file! above"
    );
}

#[test]
fn the_guide_runs_the_commands_a_new_council_starts_with() {
    // The examples are found at all: the README's own commands are read.
    let text = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let runs: Vec<String> = steps("README.md", &text)
        .unwrap()
        .into_iter()
        .filter_map(|s| match s {
            Step::Run(run) if run.skipped.is_none() => Some(run.commands[0].join(" ")),
            _ => None,
        })
        .collect();
    for command in ["init my-site", "check", "new 2024-25 Q2", "build"] {
        assert!(runs.iter().any(|r| r == command), "{command} in {runs:?}");
    }
}

// ---------------------------------------------------------------------------
// The reader of examples and the matcher, on examples of their own.

#[test]
fn a_console_block_gives_commands_exits_and_output() {
    let text = "\
<!-- guide-test: site init -->
```console
$ outturn check --drafts   # exits 1: a draft's gaps
  1. warning
…
No errors
$ ls
anything
```

```sh
cargo build
outturn build --base-url https://x.example/ && outturn check   # builds
cd sub
```

```text
outturn never-run
```
";
    let steps = steps("t.md", text).unwrap();
    assert_eq!(steps.len(), 4, "{steps:?}");
    assert_eq!(steps[0], Step::Site("init".into()));
    let Step::Run(check) = &steps[1] else {
        panic!()
    };
    assert_eq!(check.commands, [["check", "--drafts"]]);
    assert_eq!(check.exits, 1);
    assert_eq!(check.shown, ["  1. warning", "…", "No errors"]);
    assert_eq!(check.place, "t.md:3");
    let Step::Run(build) = &steps[2] else {
        panic!()
    };
    assert_eq!(build.commands.len(), 2);
    assert_eq!(
        build.commands[0],
        ["build", "--base-url", "https://x.example/"]
    );
    assert_eq!(build.exits, 0);
    assert_eq!(steps[3], Step::Cd("sub".into()));
}

#[test]
fn a_skip_needs_a_reason_and_applies_to_the_next_block_only() {
    let with = "<!-- guide-test: skip serve: it runs until stopped -->\n```sh\noutturn serve --port 8080\n```\n\n```sh\noutturn serve\n```\n";
    let steps = steps("t.md", with).unwrap();
    let skipped: Vec<bool> = steps
        .iter()
        .map(|s| matches!(s, Step::Run(r) if r.skipped.is_some()))
        .collect();
    assert_eq!(skipped, [true, false]);
    let without = "<!-- guide-test: skip serve -->\n```sh\noutturn serve\n```\n";
    assert!(steps_err(without).contains("needs its reason"));
    assert!(steps_err("<!-- guide-test: site nowhere -->\n").contains("unknown site"));
}

fn steps_err(text: &str) -> String {
    steps("t.md", text).unwrap_err()
}

#[test]
fn a_block_that_runs_nothing_is_not_followed_into_its_folders() {
    let text = "```sh\ngit clone https://example.org/x\ncd x\ncargo install --path .\n```\n";
    assert_eq!(steps("t.md", text).unwrap(), []);
}

#[test]
fn quoted_words_and_comments_are_read_as_a_shell_reads_them() {
    assert_eq!(
        shell_words(r#"outturn new "2023-24 Q2" --from 'a b.md' x\ y  # exits 1"#),
        (
            vec![
                "outturn".into(),
                "new".into(),
                "2023-24 Q2".into(),
                "--from".into(),
                "a b.md".into(),
                "x y".into()
            ],
            Some("exits 1".into())
        )
    );
    assert_eq!(shell_words("outturn a#b").0, ["outturn", "a#b"]);
}

#[test]
fn shown_output_must_be_there_in_order_and_together() {
    let out =
        "Created x\n\n3 figures to add:\n  a: line 1\n  b: line 2\n  c: line 3\nDone in 45 ms\n";
    let ok = |shown: &[&str]| {
        output_matches(
            &shown.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            out,
        )
    };
    assert!(ok(&["Created x", "3 figures to add:"]), "blank lines aside");
    assert!(ok(&["  a: line 1", "…", "  c: line 3"]));
    assert!(ok(&["Done in … ms"]));
    assert!(ok(&[]));
    assert!(
        !ok(&["  a: line 1", "  c: line 3"]),
        "not together without …"
    );
    assert!(!ok(&["  c: line 3", "…", "  a: line 1"]), "out of order");
    assert!(!ok(&["  d: line 4"]));
    assert!(!ok(&["Done in … s"]));
}

// ---------------------------------------------------------------------------
// Links between the files of the guide.

/// GitHub's anchor for a heading: lower case, punctuation but `-` and `_`
/// dropped, spaces made hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown file's headings, as GitHub makes them (a
/// repeated heading gets `-1`, `-2`).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = anchor(&heading.take().unwrap_or_default());
                let n = seen.entry(base.clone()).or_insert(0);
                out.insert(if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                });
                *n += 1;
            }
            _ => {}
        }
    }
    out
}

/// Every link and image address in a Markdown file.
fn links(text: &str) -> Vec<String> {
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_relative_link_leads_to_a_file_and_heading_that_exist() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in guide_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for link in links(&text) {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let target = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            if !target.exists() {
                broken.push(format!("{}: ({link}): there is no {}", shown(&file), path));
                continue;
            }
            if let Some(fragment) = fragment {
                let is_markdown = target.extension().is_some_and(|e| e == "md");
                let ok = is_markdown
                    && anchors(&std::fs::read_to_string(&target).unwrap()).contains(fragment);
                if !ok {
                    broken.push(format!(
                        "{}: ({link}): {} has no heading #{fragment}",
                        shown(&file),
                        shown(&target)
                    ));
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} relative links found");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn anchors_are_spelt_as_github_spells_them() {
    let text = "# A staging copy: build --base-url\n## base_url and sub-paths\n## 3. History is kept\n## `site.toml`\n## The example site's data\n## Notes\n## Notes\n## chart()\n";
    let got = anchors(text);
    for want in [
        "a-staging-copy-build---base-url",
        "base_url-and-sub-paths",
        "3-history-is-kept",
        "sitetoml",
        "the-example-sites-data",
        "notes",
        "notes-1",
        "chart",
    ] {
        assert!(got.contains(want), "{want} in {got:?}");
    }
}

// ---------------------------------------------------------------------------
// The reference names every option and every kind of warning.

#[test]
fn the_reference_names_every_option_of_every_command() {
    let reference = std::fs::read_to_string(repo().join("docs/reference.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut missing = Vec::new();
    for command in [
        &["build"][..],
        &["check"],
        &["serve"],
        &["new"],
        &["init"],
        &["theme", "export"],
    ] {
        let mut args: Vec<String> = command.iter().map(|s| s.to_string()).collect();
        args.push("--help".into());
        let (code, help) = outturn_in(dir.path(), &args);
        assert_eq!(code, 0, "{help}");
        let options: BTreeSet<&str> = help
            .split(|c: char| c.is_whitespace() || c == ',' || c == '`')
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
            .collect();
        assert!(options.contains("--help"), "{help}");
        for option in options {
            if !reference.contains(&format!("`{option}")) {
                missing.push(format!("outturn {} {option}", command.join(" ")));
            }
        }
    }
    assert!(missing.is_empty(), "not in docs/reference.md: {missing:?}");
}

#[test]
fn the_reference_names_every_kind_of_warning() {
    let reference = std::fs::read_to_string(repo().join("docs/reference.md")).unwrap();
    let missing: Vec<&str> = outturn::problem::Id::ALL
        .iter()
        .map(|id| id.as_str())
        .filter(|id| !reference.contains(&format!("`{id}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/reference.md: {missing:?}");
}

#[test]
fn the_guide_gives_the_rust_version_cargo_toml_asks_for() {
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("Cargo.toml has a rust-version")
        .trim_matches('"');
    for file in ["README.md", "docs/developing.md"] {
        let text = std::fs::read_to_string(repo().join(file)).unwrap();
        assert!(
            text.contains(&format!("Rust {version} or later")),
            "{file} should say Rust {version} or later"
        );
    }
}
