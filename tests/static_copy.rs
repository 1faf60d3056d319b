//! A large file in `static/` is copied into the output, never held in
//! memory. Alone in its own test binary, so that the memory measured is of
//! this one build.

mod common;

#[cfg(target_os = "linux")]
use common::*;

// Linux gives the peak in KiB (macOS in bytes).
#[cfg(target_os = "linux")]
#[test]
fn a_large_static_file_is_copied_without_being_held_in_memory() {
    const SIZE: u64 = 128 << 20;
    let site = good_site();
    std::fs::create_dir_all(site.path().join("static/video")).unwrap();
    let big = std::fs::File::create(site.path().join("static/video/meeting.mp4")).unwrap();
    big.set_len(SIZE).unwrap();
    drop(big);
    let out = site.path().join("public");
    let output = build(site.path(), &out, &["--quiet"]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert_eq!(
        std::fs::metadata(out.join("video/meeting.mp4"))
            .unwrap()
            .len(),
        SIZE
    );
    // The largest resident size of any child this test has waited for: the
    // build. Holding the file would take at least its size.
    // SAFETY: getrusage only writes into the struct it is given.
    let peak_kib = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage), 0);
        usage.ru_maxrss as u64
    };
    assert!(
        peak_kib * 1024 < SIZE * 3 / 4,
        "the build's peak memory was {peak_kib} KiB"
    );
}
