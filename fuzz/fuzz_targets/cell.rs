//! Any text read as a figure's cell: an answer or a message, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = outturn::data::cell::parse_cell(text);
});
