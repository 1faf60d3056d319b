//! What the figures say, asked one way: which figure is shown as at a period,
//! which figures may be compared or drawn together (like with like), and an
//! indicator's whole history.

pub mod history;
