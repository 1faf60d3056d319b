//! Evaluating bodies: problems at their places, gaps in the preview, and
//! the built-in partials matching their templates.

use super::*;
use crate::testutil;

fn evaluate(body: &str) -> Result<Evaluated, Vec<String>> {
    let data = testutil::data(
        "cla_count:\n  title: CLA\n  unit: count\nsupp:\n  title: Suppressed\n  unit: count\n",
        "indicator,period,value\ncla_count,2023-06,308\nsupp,2023-06,[c]\n",
    );
    let placeholders = Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &[]);
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    placeholders
        .evaluate(Path::new("r.md"), body, 5, as_at, true)
        .map_err(|problems| problems.iter().map(|p| p.to_string()).collect())
}

#[test]
fn reports_each_failing_placeholder_once_at_its_place() {
    let problems = evaluate("A {% if value(\"nope\").number > 3 %}x{% endif %}\n{{ \"\" + 1 }} {{ valeu(\"cla_count\") }}\n").unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("r.md:5:9: error: unknown indicator `nope`"),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("r.md:6:4: error:"), "{problems:?}");
    assert!(
        problems[2].starts_with("r.md:6:17: error: unknown placeholder `valeu`"),
        "{problems:?}"
    );
}

#[test]
fn in_the_preview_a_figure_not_in_the_data_yet_is_a_marked_gap_and_a_warning() {
    let data = testutil::data(
        "cla_count:\n  title: CLA\n  unit: count\n",
        "indicator,period,value\ncla_count,2023-03,300\ncla_count,2023-06,308\n",
    );
    let placeholders = Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &[]);
    let as_at = Period::parse("2023-24 Q2", 4).ok();
    let body = "Now {{ value(\"cla_count\") }}, {{ change(\"cla_count\").text }}.\n{% if change(\"cla_count\").assessment == \"better\" %}Good.{% endif %} {{ valeu(1) }}\n";
    let file = Path::new("r.md");
    // Published: each missing figure is an error.
    let errors = placeholders
        .evaluate(file, body, 5, as_at, true)
        .unwrap_err();
    assert!(
        errors.len() >= 2
            && errors.iter().all(|e| e.severity == Severity::Error)
            && errors[0]
                .to_string()
                .starts_with("r.md:5:8: error: no figure for `cla_count` in Q2 2023-24 yet"),
        "{errors:?}"
    );
    // The preview: the typo is still an error, and stops the page.
    let typo = placeholders
        .evaluate_in(file, body, 5, as_at, true, true)
        .unwrap_err();
    assert_eq!(typo.len(), 1, "{typo:?}");
    assert!(typo[0].to_string().contains("unknown placeholder `valeu`"));
    let body = body.replace(" {{ valeu(1) }}", "");
    let evaluated = placeholders
        .evaluate_in(file, &body, 5, as_at, true, true)
        .unwrap();
    let html = super::super::markdown::to_html(
        &evaluated.markdown,
        "",
        &evaluated.texts,
        &evaluated.blocks,
    )
    .html;
    assert!(
        html.contains("Now <mark class=\"gap\">no figure for Q2 2023-24 yet</mark>, <mark class=\"gap\">no figure for Q2 2023-24 yet</mark>."),
        "{html}"
    );
    let gaps: Vec<String> = evaluated.gaps.iter().map(|p| p.to_string()).collect();
    // June's 308 is not printed as the quarter's: the value is a gap too.
    assert_eq!(gaps.len(), 3, "{gaps:?}");
    assert!(
        gaps[0].starts_with(
            "r.md:5:8: warning[missing-figure]: no figure for `cla_count` in Q2 2023-24 yet"
        ),
        "{gaps:?}"
    );
    assert!(
        gaps[1].starts_with("r.md:5:34: warning[missing-figure]:"),
        "{gaps:?}"
    );
    assert!(
        gaps[2].starts_with("r.md:6:7: warning[missing-figure]:"),
        "{gaps:?}"
    );
}

/// Placeholders over two months of `cla_count`, the report's period, and a
/// placeholder whose figure is not in the data: a gap in the preview.
fn with_gaps() -> (Placeholders, Option<Period>, &'static str) {
    let data = testutil::data(
        "cla_count:\n  title: CLA\n  unit: count\n",
        "indicator,period,value\ncla_count,2023-03,300\ncla_count,2023-06,308\n",
    );
    let partials = crate::templates::builtin_partials();
    let placeholders = Placeholders::new(Arc::new(data), Arc::new(testutil::config()), &partials);
    let as_at = Period::parse("2023-24 Q1", 4).ok();
    (
        placeholders,
        as_at,
        "{{ value(\"cla_count\", period=\"2010-11 Q1\") }}",
    )
}

/// Each gap costs the preview a round of the body's evaluation; the charts
/// and tables are drawn in the first round that reaches them, not again, and
/// the page is the same as if each were drawn afresh.
#[test]
fn a_draft_with_gaps_draws_each_chart_once() {
    let (placeholders, as_at, gap) = with_gaps();
    let body = format!(
        "{gap}\n\n{{{{ chart(\"cla_count\") }}}}\n\n{gap} {gap}\n\n{{{{ table(\"cla_count\", periods=2) }}}}\n\n{{{{ chart(\"cla_count\", title=\"Again\") }}}}\n\n{gap}\n"
    );
    let page = (Path::new("r.md"), body.as_str(), 5);
    let drawings = Arc::<Drawings>::default();
    let evaluated = placeholders
        .evaluate_drawing(page, as_at, true, true, &drawings)
        .unwrap();
    assert_eq!(evaluated.gaps.len(), 4, "{:?}", evaluated.gaps);
    assert_eq!(evaluated.blocks.len(), 3);
    assert_eq!(drawings.draws.load(std::sync::atomic::Ordering::Relaxed), 3);
    // Drawn afresh in each round, the page is the same.
    let gaps: Vec<Problem> = (0..4)
        .map(|_| placeholders.evaluate_drawing(page, as_at, true, true, &Arc::default()))
        .map(|e| e.unwrap().gaps.remove(0))
        .collect();
    assert!(gaps.iter().all(|g| *g == evaluated.gaps[0]));
    let complete = body.replace(gap, "{{ value(\"cla_count\") }}");
    let fresh = placeholders
        .evaluate_in(Path::new("r.md"), &complete, 5, as_at, true, true)
        .unwrap();
    assert_eq!(fresh.blocks, evaluated.blocks);
    assert_eq!(
        fresh
            .downloads
            .iter()
            .map(|d| format!("{d:?}"))
            .collect::<Vec<_>>(),
        evaluated
            .downloads
            .iter()
            .map(|d| format!("{d:?}"))
            .collect::<Vec<_>>()
    );
    // The four figures shown in place of the gaps.
    assert_eq!(fresh.figures.len(), evaluated.figures.len() + 4);
}

#[test]
fn a_placeholder_with_nothing_to_show_is_an_error() {
    let problems = evaluate("{{ value(\"supp\").number }}\n").unwrap_err();
    assert!(
        problems[0].contains("this placeholder has nothing to show"),
        "{problems:?}"
    );
    let ok = evaluate("{{ value(\"cla_count\") }} children\n").unwrap();
    assert_eq!(ok.texts, ["308"]);
}

/// The preview evaluates a draft with gaps once, not once a gap, and shows
/// the page blanking each gap out would: the same text, the same warnings.
/// A gap used other than printed as it is goes back to blanking, and so
/// does a body where a call could be reached twice.
#[test]
fn a_draft_with_gaps_is_evaluated_once_as_blanking_would_show_it() {
    let (placeholders, as_at, gap) = with_gaps();
    let once = format!(
        "Now {{{{ value(\"cla_count\") }}}}, {gap}.\n\n{{{{ chart(\"cla_count\") }}}}\n\n{{% if value(\"cla_count\").number > 300 %}}Up {{{{ change(\"cla_count\", vs=\"2009-10 Q1\") }}}}.{{% else %}}{{{{ value(\"cla_count\", period=\"2010-11 Q3\") }}}}{{% endif %}}\n\n{gap} {gap} {{{{value(\"cla_count\",period=\"2010-11 Q2\")}}}}\n"
    );
    let rounds = [
        "{% set v = value(\"cla_count\", period=\"2010-11 Q1\") %}{{ v }} {{ v }}\n",
        "{% for _ in [1, 2] %}{{ value(\"cla_count\", period=\"2010-11 Q1\") }}{% endfor %}\n",
        "{% if value(\"cla_count\", period=\"2010-11 Q1\") %}{{ value(\"cla_count\", period=\"2010-11 Q1\") }}{% endif %}\n",
        "{{ change(\"cla_count\", vs=\"2009-10 Q1\").text }} {{ value(\"cla_count\", period=\"2010-11 Q1\") ~ \"!\" }}\n",
        "{{- value(\"cla_count\", period=\"2010-11 Q1\") }} {{ value(\"cla_count\", period=\"2010-11 Q1\")\n}}\n",
    ];
    let seen = |e: Result<Evaluated, Vec<Problem>>| match e {
        Ok(e) => Ok((e.markdown, e.texts, e.blocks, e.gaps)),
        Err(problems) => Err(problems),
    };
    for (body, want_rounds) in [(once.as_str(), 1)]
        .into_iter()
        .chain(rounds.iter().map(|b| (*b, 2)))
    {
        let page = (Path::new("r.md"), body, 5);
        let language = placeholders.language;
        let drawings = Arc::<Drawings>::default();
        let evaluated = placeholders.evaluate_drawing(page, as_at, true, true, &drawings);
        let blanking =
            placeholders.evaluate_rounds(page, as_at, language, true, true, &Arc::default());
        let (evaluated, blanking) = (seen(evaluated), seen(blanking));
        assert_eq!(evaluated, blanking, "{body}");
        let rounds = drawings.rounds.load(std::sync::atomic::Ordering::Relaxed);
        if want_rounds == 1 {
            assert_eq!(rounds, 1, "{body}");
            assert_eq!(evaluated.unwrap().3.len(), 5);
        } else {
            assert!(rounds > 2, "{rounds} rounds: {body}");
        }
    }
}
