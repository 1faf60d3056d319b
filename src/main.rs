//! The `outturn` command.

use clap::Parser;
use std::process::ExitCode;

/// Building a site makes and frees millions of small strings; mimalloc does
/// that markedly faster than the system allocator (see README, Performance).
/// Counting what each thread allocates lets a body's evaluation be stopped
/// when it makes far too much (see README, Limits).
#[global_allocator]
static ALLOCATOR: outturn::alloc::Counting<mimalloc::MiMalloc> =
    outturn::alloc::Counting(mimalloc::MiMalloc);

fn main() -> ExitCode {
    // `outturn check | head` should stop quietly when head has read enough,
    // as other command-line tools do, not panic on the closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default signal action before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = outturn::cli::Cli::parse();
    match outturn::run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}
