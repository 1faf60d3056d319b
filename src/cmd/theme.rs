//! `outturn theme export [DIR]`: write out the built-in theme, for a council
//! that wants to change its templates.
//!
//! A site overrides the built-in theme file by file, so the advice printed is
//! to keep only the files changed: every file left out keeps coming from
//! outturn, with the fixes later versions bring.

use crate::cli::{ThemeArgs, ThemeCommand};
use anyhow::Result;
use std::process::ExitCode;

/// Runs a `theme` subcommand.
pub fn run(args: &ThemeArgs) -> Result<ExitCode> {
    match &args.command {
        ThemeCommand::Export(export) => {
            let dir = &export.dir;
            let files = crate::templates::builtin_files();
            if let Some(code) = super::init::write_new_folder(dir, &files)? {
                return Ok(code);
            }
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let under_themes = dir
                .parent()
                .and_then(|p| p.file_name())
                .is_some_and(|p| p == "themes");
            let using = if under_themes {
                format!("set `theme = \"{name}\"` in site.toml")
            } else {
                format!(
                    "move it to themes/{name}/ in your site and set `theme = \"{name}\"` in site.toml"
                )
            };
            println!(
                "Wrote the built-in theme ({} files) into {}.\nTo use it, {using}.\n\
Then delete every file you do not change: a file left out comes from outturn's \
built-in theme, so it keeps the fixes later versions bring.",
                files.len(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
