//! Where a build's time and memory go, step by step: printed by `tebiki build --timings`, so
//! anyone can see which step a slow build spends its time in without a profiler.
//!
//! Each mark prints the time since the build started, the time since the previous mark, and
//! the process's peak memory so far (Linux only; elsewhere it is left out).

use std::sync::Mutex;
use std::time::Instant;

static STARTED: Mutex<Option<(Instant, Instant)>> = Mutex::new(None);

/// Starts printing marks; without it `mark` does nothing.
pub fn enable() {
    let now = Instant::now();
    *STARTED.lock().expect("timings") = Some((now, now));
}

/// Notes that `step` has just finished.
pub(crate) fn mark(step: &str) {
    let mut started = STARTED.lock().expect("timings");
    let Some((start, previous)) = started.as_mut() else { return };
    let now = Instant::now();
    let peak = peak_memory().map(|kb| format!("  peak {:>5} MB", kb / 1024)).unwrap_or_default();
    eprintln!(
        "{:>7.2} s  {:>+6.2} s{peak}  {step}",
        now.duration_since(*start).as_secs_f64(),
        now.duration_since(*previous).as_secs_f64()
    );
    *previous = now;
}

/// The peak resident memory of this process in kB, from /proc/self/status.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
