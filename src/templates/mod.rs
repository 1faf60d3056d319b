//! The theme: minijinja templates and static files.
//!
//! The default theme is compiled into the binary, so any site builds without
//! copying it. A site overrides it file by file: `templates/` beats
//! `themes/<theme>/templates/`, which beats the built-in files. Every template is
//! read and compiled at load time; rendering never touches the disk.

pub mod budget;
pub mod translate;
pub mod views;

use crate::fsutil;
use crate::problem::{Problem, line_col};
use minijinja::{Environment, Error, ErrorKind, Output, State, UndefinedBehavior, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("theme/templates/", $name)))),*]
    };
}

/// The built-in default theme's templates.
const BUILTIN_TEMPLATES: &[(&str, &str)] = builtin![
    "base.html",
    "index.html",
    "report.html",
    "page.html",
    "404.html",
    "indicators.html",
    "indicator.html",
    "compare.html",
    "feed.xml",
    "sitemap.xml",
    "partials/compare_table.html",
    "partials/figure.html",
    "partials/key.html",
    "partials/key_figures.html",
    "partials/notes.html",
    "partials/table.html",
    "partials/toc.html",
];

/// The built-in template `name`, if there is one.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The built-in templates under `partials/`, which a report's charts and
/// tables are written with, by name.
pub fn builtin_partials() -> Vec<(String, String)> {
    BUILTIN_TEMPLATES
        .iter()
        .filter(|(name, _)| name.starts_with("partials/"))
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

/// The built-in default theme's static files.
const BUILTIN_STATIC: &[(&str, &[u8])] = &[("style.css", include_bytes!("theme/static/style.css"))];

/// Every file of the built-in theme, as `theme export` writes it:
/// `templates/base.html`, …, `static/style.css`.
pub fn builtin_files() -> Vec<(String, Vec<u8>)> {
    let templates = BUILTIN_TEMPLATES
        .iter()
        .map(|(name, text)| (format!("templates/{name}"), text.as_bytes().to_vec()));
    let statics = BUILTIN_STATIC
        .iter()
        .map(|(name, bytes)| (format!("static/{name}"), bytes.to_vec()));
    templates.chain(statics).collect()
}

/// A loaded theme: compiled templates and static files, all in memory.
pub struct Theme {
    env: Environment<'static>,
    /// Template name → the file it came from, for problems.
    sources: BTreeMap<String, PathBuf>,
    /// Output path (under `static/`) → contents.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// The templates under `partials/`, by name, for charts and tables in bodies.
    pub partials: Vec<(String, String)>,
    /// A hash of every template and static file.
    pub fingerprint: u64,
}

impl Theme {
    /// Loads the theme named in site.toml, with the site's overrides.
    pub fn load(root: &Path, theme: &str) -> Result<Theme, Vec<Problem>> {
        let mut problems = Vec::new();
        let theme_dir = Path::new("themes").join(theme);
        if theme != "default" && !root.join(&theme_dir).is_dir() {
            return Err(vec![
                Problem::error(crate::config::FILE, format!("there is no theme `{theme}`")).help(
                    format!(
                        "create {}/templates/, or set `theme = \"default\"`",
                        theme_dir.display()
                    ),
                ),
            ]);
        }
        let mut templates: BTreeMap<String, (PathBuf, String)> = BTreeMap::new();
        let builtin_dir = Path::new("(built-in theme)");
        for (name, text) in BUILTIN_TEMPLATES {
            templates.insert(name.to_string(), (builtin_dir.join(name), text.to_string()));
        }
        let mut static_files: BTreeMap<String, Vec<u8>> = BUILTIN_STATIC
            .iter()
            .map(|(name, bytes)| (format!("static/{name}"), bytes.to_vec()))
            .collect();
        for dir in [theme_dir.join("templates"), PathBuf::from("templates")] {
            for (name, file) in files_under(root, &dir) {
                match fsutil::read_text(&root.join(&file)) {
                    Ok(text) => {
                        templates.insert(name, (file, fsutil::normalise_newlines(text)));
                    }
                    Err(e) => problems.push(fsutil::read_problem(&file, &e)),
                }
            }
        }
        for (name, file) in files_under(root, &theme_dir.join("static")) {
            match fsutil::read_bytes(&root.join(&file)) {
                Ok(bytes) => {
                    static_files.insert(format!("static/{name}"), bytes);
                }
                Err(e) => problems.push(fsutil::read_problem(&file, &e)),
            }
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        env.set_formatter(html_formatter);
        // A theme's loop must not hang the build or the preview either.
        env.set_fuel(Some(budget::THEME_FUEL));
        translate::register(&mut env);
        let fingerprint = crate::fingerprint::of((&templates, &static_files));
        let mut sources = BTreeMap::new();
        let partials = templates
            .iter()
            .filter(|(name, _)| name.starts_with("partials/"))
            .map(|(name, (_, text))| (name.clone(), text.clone()))
            .collect();
        for (name, (file, text)) in templates {
            if let Err(e) = env.add_template_owned(name.clone(), text.clone()) {
                problems.push(template_problem(&file, &text, &e));
            }
            sources.insert(name, file);
        }
        if problems.is_empty() {
            Ok(Theme {
                env,
                sources,
                static_files,
                partials,
                fingerprint,
            })
        } else {
            Err(problems)
        }
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: Value) -> Result<String, Problem> {
        let template = self.env.get_template(name).map_err(|e| {
            Problem::error(
                Path::new("templates").join(name),
                format!("the theme has no template `{name}`: {e}"),
            )
        })?;
        template.render(context).map_err(|e| {
            let template_name = e.name().unwrap_or(name).to_string();
            let file = self
                .sources
                .get(&template_name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(&template_name));
            let source = e.template_source().unwrap_or("").to_string();
            template_problem(&file, &source, &e)
        })
    }
}

/// Template files under `root/dir`, as (name relative to dir, path relative to root).
fn files_under(root: &Path, dir: &Path) -> Vec<(String, PathBuf)> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    // The site's walk: links inside the site are followed, and Site::load
    // reports what it leaves out.
    fsutil::walk(&full, root, None)
        .files
        .into_iter()
        .filter_map(|file| {
            let name = root
                .join(&file)
                .strip_prefix(&full)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, file))
        })
        .collect()
}

fn template_problem(file: &Path, source: &str, error: &Error) -> Problem {
    let detail = error.detail().unwrap_or("").to_string();
    let message = match error.kind() {
        ErrorKind::SyntaxError => format!("template syntax error: {detail}"),
        ErrorKind::OutOfFuel => budget::OUT_OF_FUEL.to_string(),
        kind => format!(
            "template error: {kind}{}",
            if detail.is_empty() {
                String::new()
            } else {
                format!(": {detail}")
            }
        ),
    };
    let mut problem = Problem::error(file, message);
    if error.kind() == ErrorKind::OutOfFuel {
        problem = problem.help(budget::OUT_OF_FUEL_HELP);
    }
    match (error.range(), error.line()) {
        (Some(range), _) if !source.is_empty() => {
            let (line, col) = line_col(source, range.start);
            problem.at(line, col)
        }
        (_, Some(line)) => problem.at_line(line),
        _ => problem,
    }
}

/// Writes `value` unescaped. A safe string (a report's body, a chart) runs
/// to many kilobytes: it is copied, not formatted.
pub(crate) fn write_as_is(out: &mut Output<'_>, value: &Value) -> Result<(), Error> {
    match value.as_str() {
        Some(text) => out.write_str(text),
        None => write!(out, "{value}"),
    }
    .map_err(Error::from)
}

/// HTML escaping without minijinja's escaping of `/`, so links stay readable.
fn html_formatter(out: &mut Output<'_>, state: &State<'_, '_>, value: &Value) -> Result<(), Error> {
    if value.is_safe() || state.auto_escape() == minijinja::AutoEscape::None {
        return write_as_is(out, value);
    }
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    out.write_str(&crate::escape::escape(&value.to_string()))
        .map_err(Error::from)
}
