//! Text as search compares it: full-width and half-width forms folded as
//! NFKC folds them (`ＡＢＣ` = `abc`, `ｶﾞｲﾄﾞ` = `ガイド`), lowercase, accents
//! removed whether precomposed or not (`Café` = `Cafe\u{301}` = `cafe`),
//! kana and voicing marks composed as NFC composes them, whitespace folded.
//! CJK ideographs pass through unchanged (Simplified and Traditional forms
//! are different characters and stay so).
//!
//! The index keys of a split bundle are normalized text, so a change here
//! changes the bundle format: bump [`crate::bundle::VERSION`] with it.

use crate::script::{is_hangul, is_kana};

mod tables;

/// Normalizes `text` for matching.
///
/// ```
/// use folio::search::normalize::normalize;
/// assert_eq!(normalize("Ｌｉｎｕｘ  Café"), "linux cafe");
/// assert_eq!(normalize("ﾃﾞｰﾀ"), "データ");
/// assert_eq!(normalize("中俄关系"), "中俄关系");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold(text, |c, _| out.push(c));
    out
}

/// [`normalize`], with the byte offset in `text` of the character each byte
/// of the result came from, so matches can be marked in the original.
pub fn normalize_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    fold(text, |c, at| {
        out.push(c);
        offsets.resize(out.len(), at);
    });
    (out, offsets)
}

/// The normalized characters of `text`, each with the byte offset of the
/// character it came from. One loop for both forms above: the search text
/// of a whole bundle needs no offsets, and building them doubled its cost.
fn fold(text: &str, push: impl FnMut(char, usize)) {
    let mut folder = Folder {
        push,
        held: None,
        space: None,
        started: false,
    };
    for (at, c) in text.char_indices() {
        // Most characters, written at once: printable ASCII and the common
        // ideographs, when nothing is held back or pending before them.
        if folder.held.is_none() && folder.space.is_none() {
            let direct = match c {
                '!'..='~' => Some(c.to_ascii_lowercase()),
                '\u{4E00}'..='\u{9FFF}' => Some(c),
                _ => None,
            };
            if let Some(direct) = direct {
                folder.started = true;
                (folder.push)(direct, at);
                continue;
            }
        }
        if c.is_ascii() {
            match c.is_whitespace() {
                true => folder.space(at),
                false => folder.letter(c.to_ascii_lowercase(), at),
            }
        } else if is_stable(c) {
            folder.letter(c, at);
        } else if let Some(ascii) = full_width_ascii(c) {
            folder.letter(ascii.to_ascii_lowercase(), at);
        } else {
            folder.other(c, at);
        }
    }
    folder.finish();
}

/// Where [`fold`] is in a text: the last kana, held back because a voicing
/// mark that follows may still combine with it, and a run of whitespace not
/// yet written (written as one space, and only between other characters).
struct Folder<F> {
    push: F,
    held: Option<(char, usize)>,
    space: Option<usize>,
    started: bool,
}

impl<F: FnMut(char, usize)> Folder<F> {
    /// A character that stands for itself in the result.
    fn letter(&mut self, c: char, at: usize) {
        if let Some((held, held_at)) = self.held.take() {
            (self.push)(held, held_at);
        }
        if let Some(space_at) = self.space.take() {
            (self.push)(' ', space_at);
        }
        self.started = true;
        // Only kana take voicing marks; anything else is written at once.
        match is_kana(c) {
            true => self.held = Some((c, at)),
            false => (self.push)(c, at),
        }
    }

    /// Whitespace: the run's one space points at its first character, so
    /// that a match ending before it is marked without it.
    fn space(&mut self, at: usize) {
        if self.started && self.space.is_none() {
            self.space = Some(at);
        }
    }

    /// Any character but ASCII and [`is_stable`] ones.
    fn other(&mut self, c: char, at: usize) {
        for lower in c.to_lowercase() {
            let folded = fold_form(lower);
            if folded.is_whitespace() {
                self.space(at);
                continue;
            }
            if is_diacritic(folded) {
                continue;
            }
            if let Some((held, held_at)) = self.held.filter(|_| self.space.is_none()) {
                if let Some(voiced) = voiced(held, folded) {
                    self.held = Some((voiced, held_at));
                    continue;
                }
            }
            self.letter(as_plain_letter(folded), at);
        }
    }

    fn finish(mut self) {
        if let Some((held, at)) = self.held.take() {
            (self.push)(held, at);
        }
    }
}

/// A width form as NFKC folds it (`Ａ` → `A`, `ｶ` → `カ`, `ﾞ` → U+3099), a
/// letter with accents as its base letter (`é` → `e`, `ệ` → `e`).
fn fold_form(c: char) -> char {
    tables::FORMS
        .binary_search_by_key(&c, |&(form, _)| form)
        .map_or(c, |at| tables::FORMS[at].1)
}

/// The kana `base` with the voicing `mark` (U+3099, U+309A) that follows
/// it, as one character (`カ` + U+3099 → `ガ`), as NFC composes them.
fn voiced(base: char, mark: char) -> Option<char> {
    if !matches!(mark, '\u{3099}' | '\u{309A}') {
        return None;
    }
    tables::VOICED
        .binary_search_by_key(&(base, mark), |&(base, mark, _)| (base, mark))
        .ok()
        .map(|at| tables::VOICED[at].2)
}

/// The ASCII twin of a full-width form (`，` → `,`, `Ａ` → `A`): the
/// commonest width forms in Chinese text, folded without the table.
fn full_width_ascii(c: char) -> Option<char> {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// Characters no table folds, so [`fold`] passes them through without a
/// lookup: the CJK ideographs of the unified blocks, kana, CJK punctuation,
/// the general punctuation (quotes, dashes, `…`) and Hangul syllables, most
/// of a Chinese, Japanese or Korean text.
fn is_stable(c: char) -> bool {
    matches!(c as u32,
        0x2010..=0x2027      // ‐–—‘’“”… (not the separators after them)
        | 0x2030..=0x205E    // ‰′″‹›※ and the like
        | 0x3001..=0x3011    // 、。〃々〆〇 and brackets 〈〉《》「」『』【】
        | 0x3041..=0x3096    // Hiragana
        | 0x30A1..=0x30FE    // Katakana, ・ ー ヽ ヾ
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
    ) || is_hangul(c)
}

/// Combining marks that are accents on letters (Combining Diacritical Marks
/// and its Extended and Supplement blocks, the marks for symbols, and the
/// half marks): search ignores them, as it does the accents precomposed
/// letters decompose into.
fn is_diacritic(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Lowercase letters that search reads as another though Unicode does not
/// decompose them: those with a stroke or without a dot, searched as their
/// base letters like the other accented letters, and the final sigma, which
/// lowercasing `Σ` one character at a time never gives (`ΟΔΟΣ` = `οδός`).
fn as_plain_letter(c: char) -> char {
    match c {
        'ø' => 'o',
        'đ' => 'd',
        'ħ' => 'h',
        'ı' => 'i',
        'ł' => 'l',
        'ŧ' => 't',
        'ς' => 'σ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tables::FORMS`] and [`tables::VOICED`], as vectors.
    type Tables = (Vec<(char, char)>, Vec<(char, char, char)>);

    #[test]
    fn folds() {
        let cases = [
            ("WiMAX", "wimax"),
            ("ＡＢＣ１２３", "abc123"),
            ("Crème Brûlée", "creme brulee"),
            ("Zürich  Łódź", "zurich lodz"),
            ("  lead and\ttrail  ", "lead and trail"),
            ("中俄关系上不封顶", "中俄关系上不封顶"),
            ("動漫平台", "動漫平台"),
            ("みもパ！", "みもパ!"),
            ("ΑΒΓ", "αβγ"),
            ("ΟΔΟΣ", "οδοσ"),
            ("οδός Σς", "οδοσ σσ"),
        ];
        for (text, expected) in cases {
            assert_eq!(normalize(text), expected, "{text}");
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "Ｌｉ  Café";
        let (normalized, offsets) = normalize_with_offsets(text);
        assert_eq!(normalized, "li cafe");
        assert_eq!(offsets.len(), normalized.len());
        let e = normalized.find('e').unwrap();
        assert_eq!(&text[offsets[e]..], "é");
        assert_eq!(&text[offsets[1]..], "ｉ  Café");
        // The folded space stands for the first character of its run.
        assert_eq!(&text[offsets[2]..], "  Café");
    }

    #[test]
    fn folds_compatibility_forms_and_decomposed_accents() {
        let cases = [
            ("ｶﾞｲﾄﾞ ﾊﾟﾝ ｱｲｳ", "ガイド パン アイウ"),
            ("ﾃﾞｰﾀ ￥１００", "データ ¥100"),
            ("中　文", "中 文"),
            ("Cafe\u{301} Ελληνικά", "cafe ελληνικα"),
            ("Tiếng Việt", "tieng viet"),
            ("カ\u{3099}", "ガ"),
            ("ø đ ı", "o d i"),
        ];
        for (text, expected) in cases {
            assert_eq!(normalize(text), expected, "{text}");
        }
        assert_eq!(normalize("e\u{301}"), normalize("é"));
    }

    #[test]
    fn characters_passed_through_are_in_no_table() {
        let stable = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable(c));
        for c in stable {
            assert_eq!(fold_form(c), c, "U+{:04X}", c as u32);
            for mark in ['\u{3099}', '\u{309A}'] {
                let composed = voiced(c, mark);
                assert!(composed.is_none() || is_kana(c), "U+{:04X}", c as u32);
            }
        }
    }

    /// Whether the character is one search keeps whole, though Unicode
    /// decomposes it: Hangul syllables (into jamo), the CJK compatibility
    /// ideographs (into unified ones: Korean text keeps its readings apart).
    fn kept_whole(c: char) -> bool {
        is_hangul(c) || matches!(c as u32, 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
    }

    /// [`tables`] as the Unicode data says they are.
    fn tables_from_the_unicode_data() -> Tables {
        use unicode_normalization::char::{compose, decompose_canonical, decompose_compatible};
        let mut forms = Vec::new();
        let mut voiced = Vec::new();
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut parts = Vec::new();
            match c as u32 {
                0x3000 | 0xFF00..=0xFFEF => decompose_compatible(c, |d| parts.push(d)),
                _ if kept_whole(c) || is_diacritic(c) => {}
                _ => decompose_canonical(c, |d| parts.push(d)),
            }
            if let [base, accents @ ..] = parts.as_slice() {
                // Uppercase letters are lowercased before they are looked up.
                let lowercase = c.to_lowercase().eq([c]);
                if *base != c
                    && lowercase
                    && !is_diacritic(*base)
                    && accents.iter().all(|&a| is_diacritic(a))
                {
                    forms.push((c, *base));
                }
            }
            for mark in ['\u{3099}', '\u{309A}'] {
                if let Some(composed) = compose(c, mark) {
                    voiced.push((c, mark, composed));
                }
            }
        }
        (forms, voiced)
    }

    #[test]
    fn tables_are_the_unicode_data() {
        let (forms, voiced) = tables_from_the_unicode_data();
        if tables::FORMS == forms.as_slice() && tables::VOICED == voiced.as_slice() {
            return;
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/search/normalize/tables.rs"
        );
        if std::env::var_os("SNAPSHOTS").is_some_and(|mode| mode == "overwrite") {
            std::fs::write(path, tables_source(&forms, &voiced)).expect("tables written");
            return;
        }
        panic!("{path} is out of date: SNAPSHOTS=overwrite cargo test --lib search::normalize");
    }

    fn tables_source(forms: &[(char, char)], voiced: &[(char, char, char)]) -> String {
        let literal = |c: char| format!("'\\u{{{:x}}}'", c as u32);
        let rows = |entries: Vec<String>| -> String {
            entries
                .chunks(5)
                .map(|row| format!("    {}\n", row.join(" ")))
                .collect()
        };
        let forms = rows(
            forms
                .iter()
                .map(|&(form, folded)| format!("({}, {}),", literal(form), literal(folded)))
                .collect(),
        );
        let voiced = rows(
            voiced
                .iter()
                .map(|&(base, mark, composed)| {
                    format!(
                        "({}, {}, {}),",
                        literal(base),
                        literal(mark),
                        literal(composed)
                    )
                })
                .collect(),
        );
        format!(
            "//! Search's folding tables, derived from the Unicode data of the
//! `unicode-normalization` crate by the test `tables_are_the_unicode_data`
//! (`SNAPSHOTS=overwrite cargo test --lib search::normalize` rewrites this
//! file; do not edit it by hand).

/// Width forms (U+3000, U+FF00–U+FFEF) and their NFKC folding; letters
/// whose canonical decomposition is a base and accents, and that base.
/// Sorted by the first character.
#[rustfmt::skip]
pub(super) const FORMS: &[(char, char)] = &[
{forms}];

/// Kana, a voicing mark, and the kana NFC composes them into. Sorted.
#[rustfmt::skip]
pub(super) const VOICED: &[(char, char, char)] = &[
{voiced}];
"
        )
    }

    /// The same folding done the slow way, straight from the Unicode data
    /// of the `unicode-normalization` crate: width forms through NFKD; a
    /// character whose canonical decomposition is a letter and accents, as
    /// that letter (other characters as written: search does not compose
    /// or decompose them); accents out; voicing marks composed with the
    /// kana before them as NFC does; lowercase; whitespace folded.
    fn by_the_book(text: &str) -> String {
        use unicode_normalization::char::{compose, decompose_canonical, decompose_compatible};
        let mut folded: Vec<char> = Vec::new();
        for c in text.chars() {
            let mut parts = Vec::new();
            match c as u32 {
                0x3000 | 0xFF00..=0xFFEF => decompose_compatible(c, |d| parts.push(d)),
                _ if kept_whole(c) => parts.push(c),
                _ => decompose_canonical(c, |d| parts.push(d)),
            }
            match parts.as_slice() {
                [base, accents @ ..] if accents.iter().all(|&a| is_diacritic(a)) => {
                    folded.push(*base)
                }
                _ => folded.push(c),
            }
        }
        let mut composed: Vec<char> = Vec::new();
        for c in folded.into_iter().filter(|&c| !is_diacritic(c)) {
            let last = composed.last().copied();
            match last
                .filter(|_| matches!(c, '\u{3099}' | '\u{309A}'))
                .and_then(|last| compose(last, c))
            {
                Some(voiced) => *composed.last_mut().expect("a last character") = voiced,
                None => composed.push(c),
            }
        }
        let lowered: String = composed
            .into_iter()
            .flat_map(char::to_lowercase)
            .filter(|&c| !is_diacritic(c))
            .map(as_plain_letter)
            .collect();
        lowered.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_character_alone_folds_by_the_book() {
        use unicode_normalization::char::is_public_assigned;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_public_assigned(c) {
                let text = c.to_string();
                assert_eq!(normalize(&text), by_the_book(&text), "U+{:04X}", c as u32);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn sequences_fold_by_the_book(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", " ", "\t", "　", "中", "俄", "豈", "か", "カ", "ガ", "ゝ", "ｶ", "ﾞ", "ﾟ",
                "ﾊ", "ｳ", "\u{3099}", "\u{309A}", "é", "e", "\u{301}", "\u{308}", "İ", "ß", "Ά",
                "Ａ", "ｂ", "￥", "ﾡ", "한", "ø", "Ł", "ệ", "Ǻ", "й", "ς", "Σ", "\u{a0}", "，", "。", "…", "!", "-", "—", "“", "‰",
            ]),
            0..24,
        )) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(normalize(&text), by_the_book(&text));
        }
    }
}
