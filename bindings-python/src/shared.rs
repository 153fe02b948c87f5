//! `Shared<T>`: the one way a Python object holds a core aggregate.
//!
//! The lock is only ever taken with the interpreter released (`Python::detach`), and the
//! closure that sees the state cannot touch Python (it must be `Ungil`: no `Python` token, no
//! `Bound`). So no thread ever waits for the lock while holding the interpreter, and no thread
//! holding the lock ever needs the interpreter: the deadlock of two threads, one reading a pool's
//! events while another reads `pool.free`, cannot be written.

use std::sync::Mutex;

use pyo3::prelude::*;

/// A core aggregate behind a mutex that is only locked with the interpreter released.
pub struct Shared<T> {
    inner: Mutex<T>,
}

impl<T: Send> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared {
            inner: Mutex::new(value),
        }
    }

    /// Runs `f` on the state with the interpreter released and returns what it returns; build
    /// Python objects from the result after this returns.
    pub fn with<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut T) -> R + Send) -> PyResult<R> {
        py.detach(|| match self.inner.lock() {
            Ok(mut state) => Ok(f(&mut state)),
            Err(_) => Err(crate::errors::error(
                ete_core::ErrorKind::InvalidField,
                "this object is unusable: a thread failed while changing it",
            )),
        })
    }

    /// Runs `f` on several objects' states at once, locked in address order (so two calls
    /// cannot deadlock), each distinct object once, with the interpreter released. `f` gets
    /// the distinct states in address order.
    pub fn with_all<R: Send>(
        py: Python<'_>,
        items: &[&Shared<T>],
        f: impl FnOnce(Vec<&mut T>) -> R + Send,
    ) -> PyResult<R>
    where
        T: Sync,
    {
        let mut distinct: Vec<&Shared<T>> = items.to_vec();
        distinct.sort_by_key(|s| std::ptr::from_ref(*s) as usize);
        distinct.dedup_by_key(|s| std::ptr::from_ref(*s) as usize);
        py.detach(|| {
            let mut guards = Vec::with_capacity(distinct.len());
            for shared in &distinct {
                guards.push(shared.inner.lock().map_err(|_| {
                    crate::errors::error(
                        ete_core::ErrorKind::InvalidField,
                        "this object is unusable: a thread failed while changing it",
                    )
                })?);
            }
            Ok(f(guards.iter_mut().map(|g| &mut **g).collect()))
        })
    }
}
