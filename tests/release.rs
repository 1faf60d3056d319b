//! The release: the workflow that builds the binaries, the installers that
//! download them and `cargo binstall`'s metadata must agree on the assets'
//! names; and the shell installer, run against a release on disk, installs a
//! binary only when its checksum holds.

mod common;

use std::path::Path;

/// The targets a release has binaries for.
const TARGETS: [&str; 4] = [
    "x86_64-pc-windows-msvc",
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
    "x86_64-unknown-linux-musl",
];

fn repo_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The asset a release holds for `target`.
fn asset(target: &str) -> String {
    if target.contains("windows") {
        format!("outturn-{target}.zip")
    } else {
        format!("outturn-{target}.tar.xz")
    }
}

#[test]
fn the_workflow_builds_every_target_on_a_version_tag() {
    let workflow: serde_yaml::Value =
        serde_yaml::from_str(&repo_file(".github/workflows/release.yml")).unwrap();
    let tags = &workflow["on"]["push"]["tags"];
    assert_eq!(tags[0].as_str(), Some("v[0-9]+.[0-9]+.[0-9]+*"), "{tags:?}");
    let matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap();
    let mut built: Vec<&str> = matrix
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    built.sort_unstable();
    let mut targets = TARGETS;
    targets.sort_unstable();
    assert_eq!(built, targets);
    let publish = &workflow["jobs"]["publish"];
    assert_eq!(publish["needs"].as_str(), Some("build"));
    assert_eq!(publish["permissions"]["contents"].as_str(), Some("write"));
}

#[test]
fn binstall_and_the_installers_ask_for_the_assets_the_workflow_makes() {
    let manifest: toml::Table = repo_file("Cargo.toml").parse().unwrap();
    let package = manifest["package"].as_table().unwrap();
    let version = package["version"].as_str().unwrap();
    let repository = package["repository"].as_str().unwrap();
    let binstall = package["metadata"]["binstall"].as_table().unwrap();
    let field = |target: &str, key: &str| -> String {
        let overridden = binstall
            .get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get(key));
        overridden
            .unwrap_or(&binstall[key])
            .as_str()
            .unwrap()
            .to_string()
    };
    for target in TARGETS {
        let suffix = match field(target, "pkg-fmt").as_str() {
            "txz" => ".tar.xz",
            "zip" => ".zip",
            other => panic!("{target}: pkg-fmt {other}"),
        };
        let expand = |template: String| {
            template
                .replace("{ repo }", repository)
                .replace("{ version }", version)
                .replace("{ name }", "outturn")
                .replace("{ target }", target)
                .replace("{ archive-suffix }", suffix)
                .replace("{ bin }", "outturn")
                .replace(
                    "{ binary-ext }",
                    if target.contains("windows") {
                        ".exe"
                    } else {
                        ""
                    },
                )
        };
        assert_eq!(
            expand(field(target, "pkg-url")),
            format!(
                "{repository}/releases/download/v{version}/{}",
                asset(target)
            )
        );
        // Where the workflow puts the binary in the archive.
        let inside = if target.contains("windows") {
            "outturn.exe".to_string()
        } else {
            format!("outturn-{target}/outturn")
        };
        assert_eq!(expand(field(target, "bin-dir")), inside);
    }

    // The installers in the repository default to Cargo.toml's repository,
    // on the lines the workflow rewrites for the copies it publishes.
    let owner_name = repository.strip_prefix("https://github.com/").unwrap();
    let sh = repo_file("dist/install.sh");
    let ps1 = repo_file("dist/install.ps1");
    assert!(sh.contains(&format!("\nDEFAULT_REPO=\"{owner_name}\"\n")));
    assert!(ps1.contains(&format!("\n$DefaultRepo = '{owner_name}'\n")));
    for target in TARGETS.iter().filter(|t| !t.contains("windows")) {
        assert!(sh.contains(&format!("target=\"{target}\"")), "{target}");
    }
    assert!(sh.contains("asset=\"outturn-$target.tar.xz\""));
    assert!(ps1.contains("$Target = 'x86_64-pc-windows-msvc'"));
    assert!(ps1.contains("$Asset = \"outturn-$Target.zip\""));
}

/// The shell installer, run as a user would, against a release on disk.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod shell_installer {
    use super::*;
    use std::path::PathBuf;
    use std::process::{Command, Output};

    /// A release on disk, as the workflow makes it, for this machine's target,
    /// holding the outturn just built.
    fn release_on_disk(dir: &Path) -> PathBuf {
        let target = "x86_64-unknown-linux-musl";
        let name = format!("outturn-{target}");
        let folder = dir.join(&name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::copy(env!("CARGO_BIN_EXE_outturn"), folder.join("outturn")).unwrap();
        let asset = asset(target);
        // The least compression: the debug binary is large.
        let tar = Command::new("tar")
            .args(["-cJf", &asset, &name])
            .env("XZ_OPT", "-0")
            .current_dir(dir)
            .status()
            .expect("tar runs");
        assert!(tar.success());
        let sum = Command::new("sha256sum")
            .arg(&asset)
            .current_dir(dir)
            .output()
            .expect("sha256sum runs");
        std::fs::write(dir.join(format!("{asset}.sha256")), sum.stdout).unwrap();
        dir.join(asset)
    }

    fn install(release: &Path, to: &Path) -> Output {
        Command::new("sh")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/install.sh"))
            .args(["--to", to.to_str().unwrap()])
            .env(
                "OUTTURN_DOWNLOAD_URL",
                format!("file://{}", release.parent().unwrap().display()),
            )
            .output()
            .expect("sh runs")
    }

    #[test]
    fn the_shell_installer_installs_a_binary_whose_checksum_holds() {
        let tmp = tempfile::tempdir().unwrap();
        let release = release_on_disk(&tmp.path().join("release"));
        let bin = tmp.path().join("bin");
        let output = install(&release, &bin);
        let (_, stderr) = common::text(&output);
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains("checksum matches"), "{stderr}");
        let version = Command::new(bin.join("outturn"))
            .arg("--version")
            .output()
            .unwrap();
        let (stdout, _) = common::text(&version);
        assert_eq!(
            stdout.trim(),
            format!("outturn {}", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn the_shell_installer_refuses_a_download_whose_checksum_does_not_hold() {
        let tmp = tempfile::tempdir().unwrap();
        let release = release_on_disk(&tmp.path().join("release"));
        // Changed after its checksum was taken.
        let mut bytes = std::fs::read(&release).unwrap();
        bytes.extend_from_slice(b"tampered");
        std::fs::write(&release, bytes).unwrap();
        let bin = tmp.path().join("bin");
        let output = install(&release, &bin);
        let (_, stderr) = common::text(&output);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("but the release says") && stderr.contains("not installed"),
            "{stderr}"
        );
        assert!(!bin.join("outturn").exists());
    }
}
