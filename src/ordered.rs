//! An ordered parallel map with a bounded window, for batches whose results are written out
//! as they come.
//!
//! `analyze` over a directory must write reports in input order (deterministic output) and
//! keep memory flat however many meetings there are. Processing in fixed chunks did both but
//! held up to a whole chunk of reports at once (peak RSS grew from 13 MB at 10 meetings to
//! 26 MB at 1,000 with chunks of 32) and left cores idle at each chunk boundary. Here workers
//! take inputs one at a time and never run more than `window` inputs ahead of the consumer,
//! which receives results in input order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Runs `work` over `items` on as many threads as the rayon pool has (at most one per item),
/// with no worker starting item `i` before items `..i - window` were consumed, and calls
/// `sink` with each result in input order. The first error from `sink` stops the workers
/// (items in flight finish) and is returned.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let n = items.len();
    if n == 0 {
        return Ok(());
    }
    let threads = rayon::current_num_threads().clamp(1, n);
    let window = window.max(threads);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Items consumed so far; workers wait on `moved` until their item is inside the window.
    let consumed = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, consumed, moved, work) = (&next, &stop, &consumed, &moved, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    {
                        let mut c = consumed.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *c + window && !stop.load(Ordering::Relaxed) {
                            c = moved.wait(c).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send((i, work(&items[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut done = 0usize;
        let mut result = Ok(());
        // Ends when every worker has finished (all senders dropped).
        for (i, r) in rx {
            if result.is_err() {
                continue;
            }
            pending.insert(i, r);
            while let Some(r) = pending.remove(&done) {
                done += 1;
                if let Err(e) = sink(r) {
                    result = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
            let mut c = consumed.lock().unwrap_or_else(|e| e.into_inner());
            *c = done;
            drop(c);
            moved.notify_all();
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::for_each_ordered;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_arrive_in_input_order_within_the_window() {
        let items: Vec<u64> = (0..200).collect();
        let consumed = AtomicUsize::new(0);
        let max_ahead = AtomicUsize::new(0);
        let mut seen = Vec::new();
        for_each_ordered(
            &items,
            4,
            |&x| {
                let ahead = (x as usize).saturating_sub(consumed.load(Ordering::SeqCst));
                max_ahead.fetch_max(ahead, Ordering::SeqCst);
                // Uneven work, so later items often finish first.
                std::thread::sleep(std::time::Duration::from_micros((x % 7) * 50));
                x * 2
            },
            |r| {
                seen.push(r);
                consumed.fetch_add(1, Ordering::SeqCst);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        let window = 4.max(rayon::current_num_threads());
        assert!(max_ahead.load(Ordering::SeqCst) < window);
    }

    #[test]
    fn a_sink_error_stops_the_batch() {
        let items: Vec<u32> = (0..1000).collect();
        let started = AtomicUsize::new(0);
        let mut got = 0;
        let r = for_each_ordered(
            &items,
            2,
            |&x| {
                started.fetch_add(1, Ordering::SeqCst);
                x
            },
            |x| {
                got += 1;
                if x == 10 { Err(x) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(got, 11);
        assert!(started.load(Ordering::SeqCst) < 1000);
    }

    #[test]
    fn no_items() {
        let r: Result<(), ()> = for_each_ordered(&[] as &[u8], 4, |_| 0, |_| Err(()));
        assert_eq!(r, Ok(()));
    }
}
