//! Byte scans that every input file and every page goes through: the first byte of a
//! class (a control character, a digit, a byte a typography rule starts from). Kept
//! apart so each stage's own rules stay readable while the scan itself stays fast.

/// How many bytes are tested at once: one AVX2 register, two SSE2 ones.
const BLOCK: usize = 32;

/// An ASCII digit, as one comparison (for `first_byte`; `u8::is_ascii_digit` is two).
#[inline]
pub fn digit(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10
}

/// The offset of the first byte of `bytes` for which `hit` holds. `hit` must be a few
/// comparisons without branches or table lookups (`b < 0x20 & b != b'\n'`, not
/// `TABLE[b]`): each block of bytes is tested as a whole, which the compiler turns into
/// vector instructions, and only a block that holds a hit is read byte by byte.
#[inline]
pub fn first_byte(bytes: &[u8], hit: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let (blocks, tail) = bytes.as_chunks::<BLOCK>();
    for (n, block) in blocks.iter().enumerate() {
        // A fixed-size block and a non-short-circuit `|`: one vector compare per test.
        let mut any = false;
        for &b in block {
            any |= hit(b);
        }
        if any {
            return block.iter().position(|&b| hit(b)).map(|i| n * BLOCK + i);
        }
    }
    let at = blocks.len() * BLOCK;
    tail.iter().position(|&b| hit(b)).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_hit_in_any_block_and_the_tail() {
        let digit = |b: u8| b.is_ascii_digit();
        for len in [0, 1, 31, 32, 33, 64, 100] {
            let mut bytes = vec![b'a'; len];
            assert_eq!(first_byte(&bytes, digit), None);
            for at in [0, len / 2, len.saturating_sub(1)] {
                if at < len {
                    bytes[at] = b'7';
                    assert_eq!(
                        first_byte(&bytes, digit),
                        Some(bytes.iter().position(|b| *b == b'7').unwrap())
                    );
                    bytes[at] = b'a';
                }
            }
        }
    }
}
