//! Text widths from real font metrics, with room for the reader's own text
//! spacing.
//!
//! A chart is drawn at build time in `system-ui, sans-serif`, so the font that
//! renders it is not known. The tables below hold, for each printable ASCII
//! character, the widest advance (in thousandths of an em) of two common and
//! wide sans-serif faces: DejaVu Sans (Verdana-like, the default sans on most
//! Linux systems) and Liberation Sans (Arial's metrics), regular and bold.
//! System UI faces (Segoe UI, San Francisco, Roboto) are narrower than both.
//! The tables were read from the fonts' `hmtx` tables with fontTools:
//!
//! ```text
//! for c in range(32, 127):
//!     max(f["hmtx"][f.getBestCmap()[c]][0] * 1000 / f["head"].unitsPerEm
//!         for f in (dejavu, liberation))   # rounded up
//! ```
//!
//! Every width also leaves room for WCAG 1.4.12 text spacing, which a reader
//! may apply with a user style sheet: letter spacing of 0.12em after every
//! character and word spacing of 0.16em at every space.

/// Letter spacing a reader may add (WCAG 1.4.12), in thousandths of an em.
const LETTER_SPACING: u32 = 120;
/// Word spacing a reader may add (WCAG 1.4.12), in thousandths of an em.
const WORD_SPACING: u32 = 160;

/// Advance widths of the characters from U+0020 to U+007E, regular weight.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
    637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
    611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
    667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
    278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];
/// The same, bold.
const BOLD: [u16; 95] = [
    349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684,
    684, 821, 837, 373, 557, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771,
    725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666,
    343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
];

/// Width of a character outside printable ASCII, in thousandths of an em.
fn other(c: char, bold: bool) -> u32 {
    match c {
        '£' | '€' => {
            if bold {
                696
            } else {
                637
            }
        }
        '–' => 557,
        '‘' | '’' | '·' => {
            if bold {
                380
            } else {
                318
            }
        }
        '“' | '”' => {
            if bold {
                658
            } else {
                519
            }
        }
        '•' => 640,
        'à'..='ÿ' => {
            if bold {
                716
            } else {
                635
            }
        }
        'À'..='ß' => {
            if bold {
                851
            } else {
                788
            }
        }
        // Dashes, ellipses, symbols, other scripts: a full em is the widest
        // most faces draw.
        _ => 1000,
    }
}

/// Width of one character, in thousandths of an em.
fn glyph(c: char, bold: bool) -> u32 {
    let table = if bold { &BOLD } else { &REGULAR };
    match u32::from(c) {
        code @ 0x20..=0x7e => u32::from(table[(code - 0x20) as usize]),
        _ => other(c, bold),
    }
}

/// Width of `text` at `size` (viewBox units), rounded up, with 1.4.12 text
/// spacing added.
pub(super) fn width(text: &str, size: i32, bold: bool) -> i32 {
    let thousandths: u32 = text
        .chars()
        .map(|c| {
            let spacing = if c == ' ' { WORD_SPACING } else { 0 };
            glyph(c, bold) + LETTER_SPACING + spacing
        })
        .sum();
    (u64::from(thousandths) * size.max(0) as u64).div_ceil(1000) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_widest_face_and_add_text_spacing() {
        // "W" is 989/1000 em in DejaVu Sans; 0.12em letter spacing after it.
        assert_eq!(width("W", 1000, false), 989 + 120);
        // A space also takes 0.16em word spacing.
        assert_eq!(width(" ", 1000, false), 318 + 120 + 160);
        assert!(width("Thurrock", 16, true) > width("Thurrock", 16, false));
        assert_eq!(width("", 16, false), 0);
    }

    #[test]
    fn characters_beyond_ascii_have_a_width() {
        assert!(width("£6,385", 16, false) > width("6,385", 16, false));
        assert_eq!(width("中", 10, false), 12);
    }
}
