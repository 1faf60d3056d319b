//! `outturn init [DIR]`: start a council's own site.
//!
//! The starter site is real files under `starter/`, compiled in: settings
//! explained line by line, one short report with a chart and a table, two
//! indicators and their figures, an about page, a `.gitignore`, and workflows
//! that publish with GitHub Pages or GitLab Pages using the released binary.
//! Its first `check` and `build` are clean, so whatever a council sees after
//! its first change is about that change.
//!
//! `init` writes only into a folder that is empty or not there yet: it never
//! mixes its files with a council's own.

use crate::cli::InitArgs;
use crate::fsutil;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

/// Where the publishing workflows download outturn from: the release of this
/// version, for Linux (a static binary, so any CI image runs it).
pub const RELEASE_DOWNLOAD: &str = concat!(
    "https://github.com/outturn/outturn/releases/download/v",
    env!("CARGO_PKG_VERSION"),
    "/outturn-x86_64-unknown-linux-musl.tar.xz"
);

/// What stands for [`RELEASE_DOWNLOAD`] in the starter's workflow files.
const DOWNLOAD_TOKEN: &str = "__OUTTURN_DOWNLOAD__";

macro_rules! starter {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("starter/", $name)))),*]
    };
}

/// The starter site: path in the new folder, contents.
const STARTER: &[(&str, &str)] = starter![
    "site.toml",
    ".gitignore",
    "content/about.md",
    "content/reports/2024-25-q1.md",
    "data/indicators.yaml",
    "data/figures.csv",
    ".github/workflows/publish.yml",
    ".gitlab-ci.yml",
];

/// The starter site's files, as `init` writes them.
pub fn starter_files() -> Vec<(&'static str, Vec<u8>)> {
    STARTER
        .iter()
        .map(|(name, text)| {
            (
                *name,
                text.replace(DOWNLOAD_TOKEN, RELEASE_DOWNLOAD).into_bytes(),
            )
        })
        .collect()
}

/// Writes the starter site into the folder, then says what to do next.
pub fn run(args: &InitArgs) -> Result<ExitCode> {
    let dir = &args.dir;
    if let Some(code) = write_new_folder(dir, &starter_files())? {
        return Ok(code);
    }
    let shown = dir.display().to_string();
    let cd = match shown.as_str() {
        "." => String::new(),
        _ => format!("  cd {shown}\n"),
    };
    println!(
        "Started a site in {shown}: {} files.\n\nNext:\n{cd}  \
outturn serve      preview it at http://127.0.0.1:1111/ while you edit\n  \
(edit site.toml: your council's title, publisher, area and base_url, the address it will be published at)\n  \
(replace the example indicators in data/ and the example report in content/reports/)\n  \
outturn check      list every problem\n  \
outturn build      publish the site into public/\n\n\
To publish with GitHub Pages or GitLab Pages, push the folder to a repository:\n\
.github/workflows/publish.yml and .gitlab-ci.yml do the rest (see their first lines).",
        STARTER.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `files` into `dir`, which must be empty or not there yet; a
/// refusal is printed, writes nothing and gives the exit status to return.
pub(super) fn write_new_folder<P: AsRef<Path>>(
    dir: &Path,
    files: &[(P, Vec<u8>)],
) -> Result<Option<ExitCode>> {
    if let Some(why) = not_empty(dir) {
        eprintln!(
            "error: {} {why}, so nothing was written\n    help: name a new folder, e.g. `outturn init my-site`, or empty this one first",
            dir.display()
        );
        return Ok(Some(ExitCode::from(super::SITE_PROBLEMS)));
    }
    for (name, bytes) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fsutil::create_dir_all(parent)?;
        }
        fsutil::write(&path, bytes)?;
    }
    Ok(None)
}

/// Why `dir` cannot take new files, if it cannot.
fn not_empty(dir: &Path) -> Option<&'static str> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some().then_some("is not empty"),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(_) if dir.exists() => Some("is not a folder outturn can read"),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflows_download_the_release_of_this_version() {
        let files = starter_files();
        for workflow in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
            let (_, bytes) = files.iter().find(|(name, _)| *name == workflow).unwrap();
            let text = std::str::from_utf8(bytes).unwrap();
            assert!(text.contains(RELEASE_DOWNLOAD), "{workflow}");
            assert!(!text.contains(DOWNLOAD_TOKEN), "{workflow}");
            assert!(!text.contains("cargo"), "{workflow} compiles nothing");
        }
        assert!(RELEASE_DOWNLOAD.contains(concat!("/v", env!("CARGO_PKG_VERSION"), "/")));
    }
}
