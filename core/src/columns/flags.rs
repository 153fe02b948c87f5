//! A column of yes/no values, as the caller holds it.

use crate::columns::ColumnError;

/// How many rows a kernel decides per block of flags read.
pub(crate) const BLOCK: usize = 64;

/// A column of yes/no values, borrowed as the caller holds it: one `bool` per value (Rust
/// slices, numpy's booleans) or bit-packed, least significant bit first, from a bit offset
/// (Arrow's booleans). Kernels read either 64 values at a time into a block on the stack, so
/// bit-packed input is never unpacked into a copy of the column first.
///
/// ```
/// use ete_core::columns::Flags;
///
/// let bytes = Flags::from(&[true, false, true][..]);
/// // 0b0000_0101 from bit 0: true, false, true (Arrow's layout).
/// let bits = Flags::bits("passed", &[0b0000_0101], 0, 3)?;
/// assert_eq!(bytes.len(), 3);
/// assert_eq!((0..3).map(|i| bits.get(i)).collect::<Vec<_>>(), [Some(true), Some(false), Some(true)]);
/// assert!(Flags::bits("passed", &[0], 4, 5).is_err()); // 9 bits do not fit in one byte
/// # Ok::<(), ete_core::columns::ColumnError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Flags<'a>(Repr<'a>);

#[derive(Clone, Copy, Debug)]
enum Repr<'a> {
    Bytes(&'a [bool]),
    Bits {
        bytes: &'a [u8],
        offset: usize,
        len: usize,
    },
}

impl<'a> Flags<'a> {
    /// `len` bit-packed values starting at bit `offset` of `bytes` (least significant bit
    /// first, as Arrow packs booleans). Bits that do not fit in `bytes` are
    /// [`ColumnError::OutOfRange`] naming `field`.
    pub fn bits(
        field: &'static str,
        bytes: &'a [u8],
        offset: usize,
        len: usize,
    ) -> Result<Flags<'a>, ColumnError> {
        let fits = offset
            .checked_add(len)
            .zip(bytes.len().checked_mul(8))
            .is_some_and(|(end, available)| end <= available);
        if !fits {
            return Err(ColumnError::OutOfRange {
                field,
                position: 0,
                value: i64::try_from(len).unwrap_or(i64::MAX),
                reason: format!(
                    "{len} bit-packed values from bit {offset} do not fit in {} bytes",
                    bytes.len()
                ),
            });
        }
        Ok(Flags(Repr::Bits { bytes, offset, len }))
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        match self.0 {
            Repr::Bytes(values) => values.len(),
            Repr::Bits { len, .. } => len,
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<bool> {
        let mut one = [false];
        self.fill(index, &mut one);
        (index < self.len()).then_some(one[0])
    }

    /// Writes the values from `start` into `out` (at most [`BLOCK`] = 64 of them); values past
    /// the end are `false`.
    #[inline]
    pub(crate) fn fill(&self, start: usize, out: &mut [bool]) {
        let tail = match self.0 {
            Repr::Bytes(values) => {
                let src = values.get(start..).unwrap_or_default();
                let (head, tail) = out.split_at_mut(src.len().min(out.len()));
                // A plain zip of equal lengths compiles to a copy.
                for (slot, value) in head.iter_mut().zip(src) {
                    *slot = *value;
                }
                tail
            }
            Repr::Bits { bytes, offset, len } => {
                let word = word_at(bytes, offset.saturating_add(start));
                let valid = len.saturating_sub(start).min(out.len()).min(BLOCK);
                let (head, tail) = out.split_at_mut(valid);
                // Eight values at a time, from a table of every byte's bits.
                for (chunk, byte) in head.chunks_mut(8).zip(word.to_le_bytes()) {
                    let bits = SPREAD.get(usize::from(byte)).unwrap_or(&[false; 8]);
                    for (slot, bit) in chunk.iter_mut().zip(bits) {
                        *slot = *bit;
                    }
                }
                tail
            }
        };
        tail.fill(false);
    }
}

impl<'a> Flags<'a> {
    /// The values when the column holds a `bool` per value (`None` when bit-packed).
    #[inline]
    pub(crate) fn as_bools(&self) -> Option<&'a [bool]> {
        match self.0 {
            Repr::Bytes(values) => Some(values),
            Repr::Bits { .. } => None,
        }
    }

    /// The 64 values from `start` as one word, least significant bit first, when the column is
    /// bit-packed (`None` for a `bool` per value); values past the end are 0. A kernel reads
    /// bit-packed flags straight from this word instead of unpacking them.
    #[inline]
    pub(crate) fn word(&self, start: usize) -> Option<u64> {
        match self.0 {
            Repr::Bytes(_) => None,
            Repr::Bits { bytes, offset, len } => {
                let word = word_at(bytes, offset.saturating_add(start));
                let valid = len.saturating_sub(start);
                // Keep only the bits that are values: the buffer may hold others after them.
                let mask = if valid >= BLOCK {
                    u64::MAX
                } else {
                    // valid < 64, so the shift is in range.
                    1u64.wrapping_shl(valid as u32).wrapping_sub(1)
                };
                Some(word & mask)
            }
        }
    }
}

/// Each byte's eight bits as `bool`s, least significant first.
static SPREAD: [[bool; 8]; 256] = spread_table();

// Evaluated at compile time: an index or sum out of range fails the build, not a run.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn spread_table() -> [[bool; 8]; 256] {
    let mut table = [[false; 8]; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut bit = 0;
        while bit < 8 {
            table[byte][bit] = (byte >> bit) & 1 == 1;
            bit += 1;
        }
        byte += 1;
    }
    table
}

/// The 64 bits of `bytes` from bit `first` (least significant first); bits past the end are 0.
#[inline]
fn word_at(bytes: &[u8], first: usize) -> u64 {
    let (at, shift) = (first >> 3, (first & 7) as u32);
    // The 72 bits from byte `at` hold the 64 wanted once shifted by `shift` (below 8).
    let (low, high) = match bytes.get(at..).unwrap_or_default() {
        [b0, b1, b2, b3, b4, b5, b6, b7, b8, ..] => (
            u64::from_le_bytes([*b0, *b1, *b2, *b3, *b4, *b5, *b6, *b7]),
            u64::from(*b8),
        ),
        short => {
            // The column's last word: fewer than nine bytes left, the rest read as 0.
            let mut buffer = [0u8; 9];
            for (slot, byte) in buffer.iter_mut().zip(short) {
                *slot = *byte;
            }
            let [b0, b1, b2, b3, b4, b5, b6, b7, b8] = buffer;
            (
                u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
                u64::from(b8),
            )
        }
    };
    // With `shift` 0 the high byte moves out entirely (checked_shl would refuse 64).
    low.wrapping_shr(shift) | high.checked_shl(64_u32.wrapping_sub(shift)).unwrap_or(0)
}

impl Default for Flags<'_> {
    /// No values.
    fn default() -> Self {
        Flags(Repr::Bytes(&[]))
    }
}

impl<'a> From<&'a [bool]> for Flags<'a> {
    fn from(values: &'a [bool]) -> Flags<'a> {
        Flags(Repr::Bytes(values))
    }
}

impl<'a, const N: usize> From<&'a [bool; N]> for Flags<'a> {
    fn from(values: &'a [bool; N]) -> Flags<'a> {
        Flags(Repr::Bytes(values))
    }
}

impl<'a> From<&'a Vec<bool>> for Flags<'a> {
    fn from(values: &'a Vec<bool>) -> Flags<'a> {
        Flags(Repr::Bytes(values))
    }
}

// Test code: arithmetic on small known sizes, and an index out of range is a failed test.
#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Packs `values` as Arrow does, from bit `offset` of a buffer with spare bytes after.
    fn pack(values: &[bool], offset: usize) -> Vec<u8> {
        let mut bytes = vec![0u8; (offset + values.len()).div_ceil(8) + 3];
        for (i, v) in values.iter().enumerate() {
            if *v {
                bytes[(offset + i) / 8] |= 1 << ((offset + i) % 8);
            }
        }
        // Set the bits around the column: they must never be read as values.
        for bit in 0..offset {
            bytes[bit / 8] |= 1 << (bit % 8);
        }
        for bit in offset + values.len()..bytes.len() * 8 {
            bytes[bit / 8] |= 1 << (bit % 8);
        }
        bytes
    }

    #[test]
    fn bits_and_bytes_read_the_same_values_at_every_offset_and_block() {
        let values: Vec<bool> = (0..200).map(|i| (i * 7 + i / 3) % 5 < 2).collect();
        for offset in 0..17 {
            let bytes = pack(&values, offset);
            let bits = Flags::bits("passed", &bytes, offset, values.len()).unwrap();
            let plain = Flags::from(&values);
            for start in [0, 1, 7, 63, 64, 65, 130, 190, 199, 200] {
                let (mut a, mut b) = ([true; BLOCK], [true; BLOCK]);
                bits.fill(start, &mut a);
                plain.fill(start, &mut b);
                assert_eq!(a, b, "offset {offset}, start {start}");
                for (j, v) in a.iter().enumerate() {
                    assert_eq!(*v, values.get(start + j).copied().unwrap_or(false));
                }
            }
        }
    }

    #[test]
    fn a_word_holds_the_same_values_as_a_filled_block() {
        let values: Vec<bool> = (0..200).map(|i| (i * 5 + i / 7) % 3 == 0).collect();
        for offset in 0..17 {
            let bytes = pack(&values, offset);
            let bits = Flags::bits("passed", &bytes, offset, values.len()).unwrap();
            for start in [0, 1, 63, 64, 136, 150, 199, 200] {
                let word = bits.word(start).unwrap();
                for j in 0..BLOCK {
                    let expected = values.get(start + j).copied().unwrap_or(false);
                    assert_eq!(
                        word >> j & 1 == 1,
                        expected,
                        "offset {offset}, start {start}, bit {j}"
                    );
                }
            }
        }
        assert_eq!(Flags::from(&values).word(0), None);
    }

    #[test]
    fn bits_that_do_not_fit_are_refused() {
        assert!(Flags::bits("passed", &[0; 2], 0, 16).is_ok());
        assert!(Flags::bits("passed", &[0; 2], 1, 16).is_err());
        assert!(Flags::bits("passed", &[0; 2], usize::MAX, 1).is_err());
        assert!(Flags::bits("passed", &[], 0, 0).is_ok());
    }
}
