//! Results remembered between runs of the pipeline, keyed by fingerprints of their
//! inputs. `serve` runs the whole pipeline on every save; with these, a run recomputes
//! only what the save changed (one locale's checks and pages for one `.ftl` edit), and a
//! single run (`build`, `check`) computes everything once, through the same code.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

/// A fingerprint of `value`: equal inputs give equal fingerprints within one process,
/// which is all a memo needs (nothing is persisted).
pub fn fingerprint(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// One remembered value per slot (a locale tag, say), valid while its key is the same.
#[derive(Debug)]
pub struct Memo<V> {
    slots: HashMap<String, (u64, V)>,
    /// How many values the last call computed, and how many it reused.
    pub last: Tally,
    /// Whether values are remembered at all: a single run (`build`) has no next run to
    /// reuse them, and keeping them would hold a second copy of its results.
    remember: bool,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            slots: HashMap::new(),
            last: Tally::default(),
            remember: true,
        }
    }
}

impl<V> Memo<V> {
    /// A memo for one run: it computes everything and keeps nothing.
    pub fn forgetful() -> Self {
        Memo {
            remember: false,
            ..Memo::default()
        }
    }

    /// Whether this memo keeps what it computes for a next run.
    pub fn remembers(&self) -> bool {
        self.remember
    }
}

/// What one call to `Memo::each` did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub computed: usize,
    pub reused: usize,
}

impl<V: Clone + Send> Memo<V> {
    /// The value of every `(slot, key, input)`, in order: remembered when the slot was
    /// computed with the same key, else computed by `compute` (in parallel). Slots not
    /// asked for are forgotten, so a removed locale does not linger.
    pub fn each<I: Sync>(
        &mut self,
        items: Vec<(String, u64, I)>,
        compute: impl Fn(&I) -> V + Sync,
    ) -> Vec<V> {
        self.each_with(items, || (), |(), input| compute(input))
    }

    /// `each`, where what every computation shares (an index of the policy, say) is
    /// made by `prepare`, once, and only when something is to be computed. `prepare` runs
    /// before the parallel part, never inside it (a lazy cell filled from inside rayon
    /// tasks can be re-entered by a task stolen while filling it).
    pub fn each_with<I: Sync, P: Sync>(
        &mut self,
        items: Vec<(String, u64, I)>,
        prepare: impl FnOnce() -> P,
        compute: impl Fn(&P, &I) -> V + Sync,
    ) -> Vec<V> {
        let mut old = std::mem::take(&mut self.slots);
        let known: Vec<Option<V>> = items
            .iter()
            .map(|(slot, key, _)| match old.remove(slot) {
                Some((k, v)) if k == *key => Some(v),
                _ => None,
            })
            .collect();
        let reused = known.iter().filter(|k| k.is_some()).count();
        self.last = Tally {
            computed: items.len() - reused,
            reused,
        };
        let shared = (reused < items.len()).then(prepare);
        let values: Vec<V> = items
            .par_iter()
            .zip(known)
            .map(|((_, _, input), known)| {
                known.unwrap_or_else(|| compute(shared.as_ref().expect("prepared"), input))
            })
            .collect();
        if self.remember {
            for ((slot, key, _), value) in items.into_iter().zip(&values) {
                self.slots.insert(slot, (key, value.clone()));
            }
        }
        values
    }

    /// `each` for a single slot.
    pub fn one(&mut self, slot: &str, key: u64, compute: impl Fn() -> V + Sync) -> V {
        self.each(vec![(slot.to_owned(), key, ())], |()| compute())
            .pop()
            .expect("one item in, one out")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recomputes_only_changed_keys_and_forgets_missing_slots() {
        let mut memo: Memo<String> = Memo::default();
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let run = |memo: &mut Memo<String>, items: &[(&str, u64)]| {
            let items = items
                .iter()
                .map(|(slot, key)| (slot.to_string(), *key, format!("{slot}{key}")))
                .collect();
            memo.each(items, |input: &String| {
                calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                input.clone()
            })
        };
        assert_eq!(run(&mut memo, &[("en", 1), ("fr", 1)]), ["en1", "fr1"]);
        assert_eq!(
            memo.last,
            Tally {
                computed: 2,
                reused: 0
            }
        );
        assert_eq!(run(&mut memo, &[("en", 1), ("fr", 2)]), ["en1", "fr2"]);
        assert_eq!(
            memo.last,
            Tally {
                computed: 1,
                reused: 1
            }
        );
        // `fr` was not asked for: forgotten, so asking again with its old key recomputes.
        run(&mut memo, &[("en", 1)]);
        run(&mut memo, &[("en", 1), ("fr", 2)]);
        assert_eq!(
            memo.last,
            Tally {
                computed: 1,
                reused: 1
            }
        );
        // A single-run memo keeps nothing: the same item is computed again.
        let mut once: Memo<String> = Memo::forgetful();
        run(&mut once, &[("en", 1)]);
        run(&mut once, &[("en", 1)]);
        assert_eq!(
            once.last,
            Tally {
                computed: 1,
                reused: 0
            }
        );
        // Two first computations, one per changed or forgotten slot, two single runs.
        assert_eq!(calls.into_inner(), 2 + 1 + 1 + 2);
        assert_eq!(fingerprint(&("a", 1)), fingerprint(&("a", 1)));
        assert_ne!(fingerprint(&("a", 1)), fingerprint(&("a", 2)));
    }
}
