//! What one evaluation knows about its page (its period, the charts,
//! tables, markers and figures it has shown so far), kept in the render
//! context under a name no template can write.

use super::Evaluated;
use crate::content::budget;
use crate::content::exhibits::Download;
use crate::content::options::fail;
use crate::content::tokens::BLOCK_MARK;
use crate::data::cell::Marker;
use crate::i18n::Language;
use crate::period::Period;
use crate::query::figures::Grid;
use crate::query::resolve::Fail;
use minijinja::value::{Object, ObjectRepr, Value};
use minijinja::{Error, ErrorKind, State};
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A chart's or table's grid, HTML and CSV file.
pub(super) type Drawing = (Grid, String, Download);

/// The charts and tables drawn in earlier rounds of one body's evaluation
/// (see `recovery.rs`), by what drew them: the function, the exhibit's
/// number and its arguments. Each round after an error draws the same, so
/// a body's charts are drawn once however many rounds it takes.
#[derive(Debug, Default)]
pub(super) struct Drawings {
    drawn: Mutex<HashMap<String, Drawing>>,
    /// How many were drawn (not taken from an earlier round).
    pub(super) draws: AtomicU64,
    /// The indicators every round has read, drawings included: what the
    /// body is made from, for the build cache's key.
    pub(super) reads: crate::query::Reads,
    /// How many times the body was evaluated.
    pub(super) rounds: AtomicU64,
}

/// A figure not in the data yet, which the preview shows as a marked gap:
/// what a placeholder function returns in place of the figure in the
/// preview's single evaluation. Printed as it is (`{{ value("x") }}`) it is
/// the gap; used in any other way it is `misused`, and the evaluation goes
/// back to blanking each gap out (see `recovery.rs`), which handles them all.
#[derive(Debug)]
pub(super) struct Gap {
    /// Why the figure is missing, with what the gap says.
    pub(super) fail: Fail,
    /// The call, as [`super::Placeholders`]' probe writes it, to find it in the body.
    pub(super) call: String,
    /// How many times the gap was printed as it is.
    pub(super) printed: AtomicU64,
    /// Whether it was read, compared or turned into text.
    pub(super) misused: AtomicBool,
}

impl Gap {
    fn misuse(&self) {
        self.misused.store(true, Ordering::Relaxed);
    }
}

impl Object for Gap {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, _: &Value) -> Option<Value> {
        self.misuse();
        None
    }

    fn is_true(self: &Arc<Self>) -> bool {
        self.misuse();
        true
    }

    fn render(self: &Arc<Self>, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result
    where
        Self: Sized + 'static,
    {
        self.misuse();
        Ok(())
    }
}

/// What one evaluation knows about its page; reached from the functions through
/// the render context.
#[derive(Debug)]
pub(super) struct PageState {
    pub(super) as_at: Option<Period>,
    /// The language the body is written in, and its figures' words.
    pub(super) language: Language,
    pub(super) markers: Mutex<BTreeSet<Marker>>,
    /// Charts and tables so far, in order: numbers them and keeps their CSV files.
    pub(super) downloads: Mutex<Vec<Download>>,
    /// Indicators used so far.
    pub(super) indicators: Mutex<BTreeSet<String>>,
    /// The text of each placeholder, put in place of its mark after Markdown.
    pub(super) texts: Mutex<Vec<String>>,
    /// The HTML of each chart and table, put in place of its mark after Markdown.
    pub(super) blocks: Mutex<Vec<String>>,
    /// The site's own latest figures shown "as at the page": indicator and
    /// the period of the figure shown, for `outturn new`.
    pub(super) shown: Mutex<Vec<(String, Period)>>,
    /// Every figure the page shows, for the record of what was published.
    pub(super) figures: Mutex<Vec<crate::record::Shown>>,
    /// Bytes of text shown so far, against [`budget::MAX_SHOWN_BYTES`].
    pub(super) shown_bytes: Mutex<usize>,
    /// What each gap put in the body so far says (the preview only).
    pub(super) gaps: Vec<String>,
    /// In the preview's single evaluation, each figure not in the data yet,
    /// in the order met; `None` outside it, where such a figure is an error.
    pub(super) gap_values: Option<Mutex<Vec<Arc<Gap>>>>,
    /// This thread's count of allocated bytes when the evaluation began.
    allocated_at: u64,
    /// Bytes allocated drawing charts and tables, which are not counted.
    drawn: AtomicU64,
    /// Whether the evaluation went past [`budget::MAX_ALLOCATED_BYTES`].
    pub(super) over_allocated: AtomicBool,
    /// Charts and tables drawn by earlier rounds of the same evaluation.
    drawings: Arc<Drawings>,
}

impl Object for PageState {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }
}

/// Where the page's state sits in the render context: a name with a space,
/// which no template can write (`set`, `for` and `with` take identifiers), so
/// a body can neither reach nor replace it. minijinja's `debug()`, which could
/// list it, is taken away from bodies.
pub(super) const STATE_VAR: &str = "outturn page";

/// Takes what a mutex holds, even if a thread panicked holding it.
fn take<T: Default>(m: &Mutex<T>) -> T {
    std::mem::take(&mut *m.lock().unwrap_or_else(|e| e.into_inner()))
}

impl PageState {
    pub(super) fn new(
        as_at: Option<Period>,
        language: Language,
        gaps: Vec<String>,
        gap_values: bool,
        drawings: Arc<Drawings>,
    ) -> Arc<PageState> {
        Arc::new(PageState {
            as_at,
            language,
            markers: Mutex::new(BTreeSet::new()),
            downloads: Mutex::new(Vec::new()),
            indicators: Mutex::new(BTreeSet::new()),
            texts: Mutex::new(Vec::new()),
            blocks: Mutex::new(Vec::new()),
            shown: Mutex::new(Vec::new()),
            figures: Mutex::new(Vec::new()),
            shown_bytes: Mutex::new(0),
            gaps,
            gap_values: gap_values.then(Mutex::default),
            allocated_at: crate::alloc::allocated(),
            drawn: AtomicU64::new(0),
            over_allocated: AtomicBool::new(false),
            drawings,
        })
    }

    /// Whether the evaluation has allocated no more than
    /// [`budget::MAX_ALLOCATED_BYTES`] so far; once it has, it stays over.
    pub(super) fn within_allocation(&self) -> bool {
        let used = crate::alloc::allocated()
            .wrapping_sub(self.allocated_at)
            .saturating_sub(self.drawn.load(Ordering::Relaxed));
        if used > budget::MAX_ALLOCATED_BYTES {
            self.over_allocated.store(true, Ordering::Relaxed);
        }
        !self.over_allocated.load(Ordering::Relaxed)
    }

    /// An error if the evaluation has allocated too much.
    pub(super) fn check_allocation(&self) -> Result<(), Error> {
        if self.within_allocation() {
            return Ok(());
        }
        Err(fail(Fail::new(
            budget::too_much_memory(),
            Some(budget::TOO_MUCH_MEMORY_HELP.into()),
        )))
    }

    /// Leaves out of the count what was allocated since `start` (a chart's
    /// or table's drawing, bounded by [`budget::MAX_EXHIBITS_PER_PAGE`]).
    pub(super) fn drawn_since(&self, start: u64) {
        let bytes = crate::alloc::allocated().wrapping_sub(start);
        self.drawn.fetch_add(bytes, Ordering::Relaxed);
    }

    /// In the preview's single evaluation, a gap in place of the figure
    /// `fail` says is not in the data yet, made by the call `call`; `None`
    /// elsewhere, where the failure stands.
    pub(super) fn gap(&self, fail: &Fail, call: impl FnOnce() -> String) -> Option<Value> {
        let found = self.gap_values.as_ref()?;
        fail.gap.as_ref()?;
        let gap = Arc::new(Gap {
            fail: fail.clone(),
            call: call(),
            printed: AtomicU64::new(0),
            misused: AtomicBool::new(false),
        });
        found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(gap.clone());
        Some(Value::from_dyn_object(gap))
    }

    /// Where the evaluation notes the indicators it reads.
    pub(super) fn reads(&self) -> &crate::query::Reads {
        &self.drawings.reads
    }

    /// What the evaluation made, once it has succeeded.
    pub(super) fn evaluated(&self, markdown: String) -> Evaluated {
        Evaluated {
            markdown,
            markers: take(&self.markers),
            downloads: take(&self.downloads),
            indicators: take(&self.indicators),
            texts: take(&self.texts),
            blocks: take(&self.blocks),
            figures: take(&self.figures),
            gaps: Vec::new(),
            reads: self.drawings.reads.take(),
        }
    }

    /// Counts `bytes` more of shown text against the budget.
    pub(super) fn spend(&self, bytes: usize) -> Result<(), Error> {
        let mut shown = self.shown_bytes.lock().unwrap_or_else(|e| e.into_inner());
        *shown = shown.saturating_add(bytes);
        if *shown > budget::MAX_SHOWN_BYTES {
            return Err(fail(Fail::new(
                format!(
                    "this page shows more than {} MB of text from its placeholders",
                    budget::MAX_SHOWN_BYTES >> 20
                ),
                Some("check the loops here: a report shows a few kilobytes".into()),
            )));
        }
        Ok(())
    }

    /// Keeps a chart's or table's HTML out of the Markdown, which has only to
    /// pass it through: the Markdown gets a one-line HTML block in its place
    /// (a block of the same kind, so the text around it reads the same), and
    /// [`crate::content::markdown::to_html`] puts the HTML back.
    pub(super) fn block(&self, html: String) -> Result<Value, Error> {
        self.spend(html.len())?;
        let mut blocks = self.blocks.lock().unwrap_or_else(|e| e.into_inner());
        let (open, close) = BLOCK_MARK;
        let mark = format!("{open}{}{close}\n", blocks.len());
        blocks.push(html);
        Ok(Value::from_safe_string(mark))
    }

    pub(super) fn note(&self, markers: &[Marker]) {
        if let Ok(mut set) = self.markers.lock() {
            set.extend(markers.iter().copied());
        }
    }

    /// The drawing an earlier round made under `key`, or a new one by `draw`.
    pub(super) fn drawn(
        &self,
        key: String,
        draw: impl FnOnce() -> Result<Drawing, Error>,
    ) -> Result<Drawing, Error> {
        let earlier = self
            .drawings
            .drawn
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(drawing) = earlier.get(&key) {
            return Ok(drawing.clone());
        }
        drop(earlier);
        let drawing = draw()?;
        self.drawings.draws.fetch_add(1, Ordering::Relaxed);
        let mut drawings = self
            .drawings
            .drawn
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        drawings.insert(key, drawing.clone());
        Ok(drawing)
    }

    /// How many charts and tables the page has so far.
    pub(super) fn exhibits(&self) -> usize {
        self.downloads.lock().map_or(0, |d| d.len())
    }

    /// The number the next chart or table on the page takes: 1, 2, 3…;
    /// an error past [`budget::MAX_EXHIBITS_PER_PAGE`].
    pub(super) fn next_number(&self) -> Result<usize, Error> {
        let n = self.downloads.lock().map_or(1, |d| d.len() + 1);
        if n > budget::MAX_EXHIBITS_PER_PAGE {
            return Err(fail(Fail::new(
                format!(
                    "more than {} charts and tables on one page",
                    budget::MAX_EXHIBITS_PER_PAGE
                ),
                Some("is chart() or table() inside a loop? A report has about ten".into()),
            )));
        }
        Ok(n)
    }

    pub(super) fn shows(&self, id: &str, period: Period) {
        if let Ok(mut shown) = self.shown.lock() {
            shown.push((id.to_string(), period));
        }
    }

    /// Figures the page shows, for the record of what was published.
    pub(super) fn record(&self, figures: impl IntoIterator<Item = crate::record::Shown>) {
        if let Ok(mut recorded) = self.figures.lock() {
            recorded.extend(figures);
        }
    }

    pub(super) fn uses(&self, id: &str) {
        if let Ok(mut set) = self.indicators.lock() {
            set.insert(id.to_string());
        }
    }

    pub(super) fn add(&self, grid: &Grid, download: Download) {
        self.note(&grid.markers());
        for column in &grid.columns {
            self.uses(&column.indicator);
        }
        if let Some((_, last)) = grid.period_range() {
            for column in &grid.columns {
                self.shows(&column.indicator, last);
            }
        }
        if let Ok(mut downloads) = self.downloads.lock() {
            downloads.push(download);
        }
    }
}

pub(super) fn page_state(state: &State) -> Result<Arc<PageState>, Error> {
    let page = state
        .lookup(STATE_VAR)
        .and_then(|v| v.downcast_object::<PageState>())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                "placeholders work only in content files",
            )
        })?;
    page.check_allocation()?;
    Ok(page)
}
