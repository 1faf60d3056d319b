//! Laying charts out: scales, ticks, keys and labels that fit.

use super::*;

fn tick_values(min: f64, max: f64, decimals: u8) -> Vec<String> {
    let ticks = Ticks::new(min, max, decimals);
    ticks
        .values()
        .map(|v| format::number(v, ticks.decimals))
        .collect()
}

#[test]
fn ticks_are_round_and_few() {
    assert_eq!(
        tick_values(292.0, 308.0, 0),
        ["290", "295", "300", "305", "310"]
    );
    assert_eq!(tick_values(0.0, 72.0, 0), ["0", "20", "40", "60", "80"]);
    assert_eq!(tick_values(64.3, 70.0, 1), ["64", "66", "68", "70"]);
    assert_eq!(
        tick_values(0.0, 100.0, 0),
        ["0", "20", "40", "60", "80", "100"]
    );
}

#[test]
fn ticks_never_finer_than_the_figures() {
    assert_eq!(tick_values(0.0, 2.0, 0), ["0", "1", "2"]);
    assert_eq!(
        tick_values(0.0, 0.4, 1),
        ["0.0", "0.1", "0.2", "0.3", "0.4"]
    );
}

#[test]
fn ticks_of_a_flat_series_start_at_zero() {
    assert_eq!(tick_values(5.0, 5.0, 0), ["0", "1", "2", "3", "4", "5"]);
    assert_eq!(tick_values(0.0, 0.0, 0), ["0", "1"]);
}

#[test]
fn wraps_at_spaces() {
    assert_eq!(
        wrap("Statistical neighbours average", FONT, 120),
        ["Statistical", "neighbours", "average"]
    );
    assert_eq!(wrap("England", FONT, 120), ["England"]);
    assert_eq!(wrap("", FONT, 120), [""]);
}

#[test]
fn abbreviates_month_names_only() {
    let en = Language::English;
    assert_eq!(abbreviate("September 2023", en), "Sep 2023");
    assert_eq!(abbreviate("May 2023", en), "May 2023");
    assert_eq!(abbreviate("Q1 2023-24", en), "Q1 2023-24");
    let cy = Language::Welsh;
    assert_eq!(abbreviate("Mehefin 2023", cy), "Meh 2023");
    assert_eq!(abbreviate("Gorffennaf 2023", cy), "Gorff 2023");
    assert_eq!(abbreviate("Mai 2023", cy), "Mai 2023");
    assert_eq!(abbreviate("Chwarter 1 2023-24", cy), "Chwarter 1 2023-24");
    assert_eq!(abbreviate("September 2023", cy), "September 2023");
}

#[test]
fn thinning_keeps_first_and_last() {
    // 13 labels: a step of 3 divides the axis evenly.
    assert_eq!(thin(30.0, &[70; 13]), [0, 3, 6, 9, 12]);
    // 24 labels: no step from 7 to 14 divides 23, so the last replaces
    // the label too close to it.
    assert_eq!(thin(11.5, &[70; 24]), [0, 7, 14, 23]);
    // A narrow last label can keep its neighbour.
    let mut widths = [70; 24];
    widths[23] = 10;
    widths[21] = 10;
    assert_eq!(thin(11.5, &widths), [0, 7, 14, 21, 23]);
    assert_eq!(thin(100.0, &[70; 4]), [0, 1, 2, 3]);
    assert_eq!(thin(0.0, &[70]), [0]);
    assert_eq!(thin(10.0, &[70; 3]), [2]);
}

#[test]
fn scales_round_to_whole_units() {
    let scale = Scale::new(0.0, 100.0, 300, 20);
    assert_eq!(scale.at(0.0), 300);
    assert_eq!(scale.at(100.0), 20);
    assert_eq!(scale.at(50.0), 160);
}

#[test]
fn thinning_in_time_keeps_the_last_and_clears_every_label() {
    // April 2022 far left, then four months crowded at the right.
    assert_eq!(thin_at(&[60, 290, 311, 332, 353], &[70; 5]), [0, 4]);
    // Each kept label clears the one before and the last.
    assert_eq!(thin_at(&[60, 290, 330, 370, 410], &[70; 5]), [0, 1, 4]);
    assert_eq!(thin_at(&[10, 200], &[70, 70]), [0, 1]);
    assert_eq!(thin_at(&[10, 20], &[70, 70]), [1]);
    assert!(thin_at(&[], &[]).is_empty());
}
