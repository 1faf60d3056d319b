//! Tests of colours, looks, patterns, the key and drawing through plotters.

use super::*;

fn luminance((r, g, b): Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const WHITE: Rgb = (255, 255, 255);

#[test]
fn every_series_colour_has_3_to_1_contrast_with_white() {
    for rgb in PALETTE {
        let ratio = contrast(rgb, WHITE);
        // 4.5:1 is more than marks need, and lets white show on them too.
        assert!(ratio >= 4.5, "{rgb:?} has only {ratio:.2}:1");
    }
}

#[test]
fn text_and_axis_contrast_with_white() {
    assert!(contrast((0x0b, 0x0c, 0x0c), WHITE) >= 4.5);
    assert_eq!(TEXT, "#0b0c0c");
    assert!(contrast(AXIS, WHITE) >= 3.0);
}

/// A chart of `own` own series and `comparators` comparators, mixed.
fn chart_of(own: usize, comparators: usize) -> Chart {
    let mut series = Vec::new();
    for i in 0..own.max(comparators) {
        if i < own {
            series.push(super::super::tests::series(&format!("Own {i}"), &[]));
        }
        if i < comparators {
            let mut s = super::super::tests::series(&format!("Comparator {i}"), &[]);
            s.comparator = true;
            series.push(s);
        }
    }
    super::super::tests::chart(super::super::Kind::Bar, &[], series)
}

#[test]
fn series_differ_by_more_than_colour() {
    let looks = looks(&chart_of(4, 0));
    for a in 0..4 {
        for b in a + 1..4 {
            let (la, lb) = (looks[a], looks[b]);
            assert_ne!(la.marker, lb.marker);
            assert_ne!(la.dash, lb.dash);
            assert_ne!(la.pattern, lb.pattern);
        }
    }
}

#[test]
fn no_colour_and_pattern_pair_repeats_in_a_chart() {
    for (own, comparators) in [(14, 0), (36, 0), (1, 6), (6, 6), (0, 14)] {
        let looks = looks(&chart_of(own, comparators));
        let mut pairs: Vec<(Rgb, usize)> = looks.iter().map(|l| (l.colour, l.pattern)).collect();
        pairs.sort_unstable();
        let before = pairs.len();
        pairs.dedup();
        assert_eq!(pairs.len(), before, "{own} own, {comparators} comparators");
    }
}

#[test]
fn up_to_six_series_each_have_their_own_pattern() {
    for (own, comparators) in [(6, 0), (1, 5), (3, 3), (2, 4), (0, 6)] {
        let mut patterns: Vec<usize> = looks(&chart_of(own, comparators))
            .iter()
            .map(|l| l.pattern)
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        assert_eq!(patterns.len(), 6, "{own} own, {comparators} comparators");
    }
}

#[test]
fn comparators_are_drawn_quieter_than_the_councils_own() {
    let looks = looks(&chart_of(1, 3));
    let (own, comparators) = (looks[0], &looks[1..]);
    assert!(!own.quiet && own.colour == PALETTE[0] && own.pattern == 0);
    for comparator in comparators {
        assert!(comparator.quiet && QUIET.contains(&comparator.colour));
        // A thinner line tells them apart in forced colours and print too.
        assert!(comparator.stroke < own.stroke);
        assert_ne!(comparator.dash, own.dash);
    }
    // With no comparator, or only comparators, nothing is picked out.
    for chart in [chart_of(3, 0), chart_of(0, 3)] {
        assert!(looks_alike(&looks_of(&chart)));
    }
}

fn looks_of(chart: &Chart) -> Vec<Look> {
    looks(chart)
}

fn looks_alike(looks: &[Look]) -> bool {
    looks
        .iter()
        .all(|l| !l.quiet && l.stroke == 3 && PALETTE.contains(&l.colour))
}

#[test]
fn quiet_colours_keep_3_to_1_contrast_and_are_not_the_palettes() {
    for rgb in QUIET {
        let ratio = contrast(rgb, WHITE);
        assert!(ratio >= 3.0, "{rgb:?} has only {ratio:.2}:1");
        assert!(!PALETTE.contains(&rgb));
    }
}

#[test]
fn plot_keeps_only_the_shapes() {
    let mut out = String::from("<g>\n");
    plot(&mut out, |pen| pen.rect(AXIS, (1, 2), (3, 4)));
    out.push_str("</g>");
    assert!(!out.contains("<svg"), "{out}");
    assert!(!out.contains("</svg>"), "{out}");
    assert!(
        out.starts_with("<g>\n<rect x=\"1\" y=\"2\" width=\"2\" height=\"2\""),
        "{out}"
    );
}

#[test]
fn key_wraps_long_names_and_rows() {
    let long = "Statistical neighbours average of the ten nearest councils by CIPFA";
    let key = Key::new(["Thurrock", long, "England"].into_iter(), (0, 0), 300);
    let mut out = String::new();
    key.write(&mut out, "c", &looks(&chart_of(3, 0)));
    assert!(out.contains(">Thurrock</text>"), "{out}");
    assert!(!out.contains(long), "{out}");
    assert!(key.height > 3 * LINE, "{}", key.height);
}

#[test]
fn escapes_markup() {
    let mut out = String::new();
    escape_into(&mut out, "<script>\"a\" & 'b'");
    assert_eq!(out, "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;");
}
