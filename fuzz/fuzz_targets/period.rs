//! Any text read as a period: no panic, and a period read back from its
//! written form is the same period.

#![no_main]

use libfuzzer_sys::fuzz_target;
use outturn::period::Period;

fuzz_target!(|text: &str| {
    if let Ok(period) = Period::parse(text, 4) {
        let written = period.written();
        let again = Period::parse(&written, 4);
        assert_eq!(
            again.as_ref().ok(),
            Some(&period),
            "{text:?} written as {written:?}"
        );
    }
});
