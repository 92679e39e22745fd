//! Text as search compares it: lowercase, accents removed, full-width forms
//! folded to their ASCII twins (`ＡＢＣ` = `abc`), whitespace folded. CJK
//! characters pass through unchanged (Simplified and Traditional forms are
//! different characters and stay so).

use crate::script::is_cjk;

/// Normalizes `text` for matching.
///
/// ```
/// use folio::search::normalize::normalize;
/// assert_eq!(normalize("Ｌｉｎｕｘ  Café"), "linux cafe");
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
fn fold(text: &str, mut push: impl FnMut(char, usize)) {
    let mut pending_space = None;
    let mut pushed_any = false;
    for (at, c) in text.char_indices() {
        let c = fold_width(c);
        if c.is_whitespace() {
            if pushed_any {
                pending_space = Some(at);
            }
            continue;
        }
        pushed_any = true;
        if let Some(space_at) = pending_space.take() {
            push(' ', space_at);
        }
        if c.is_ascii() || is_cjk(c) {
            push(c.to_ascii_lowercase(), at);
            continue;
        }
        for lower in c.to_lowercase() {
            push(strip_accent(lower), at);
        }
    }
}

/// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to ASCII.
fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Lowercase accented Latin letters of Latin-1 Supplement and Latin
/// Extended-A (the Latin languages of these feeds) and their base letters:
/// the letters whose canonical decomposition starts with an ASCII letter,
/// plus the letters with a stroke, which have none (ø đ ħ ł ŧ ı).
const ACCENTED: &[(char, char)] = &[
    ('à', 'a'),
    ('á', 'a'),
    ('â', 'a'),
    ('ã', 'a'),
    ('ä', 'a'),
    ('å', 'a'),
    ('ç', 'c'),
    ('è', 'e'),
    ('é', 'e'),
    ('ê', 'e'),
    ('ë', 'e'),
    ('ì', 'i'),
    ('í', 'i'),
    ('î', 'i'),
    ('ï', 'i'),
    ('ñ', 'n'),
    ('ò', 'o'),
    ('ó', 'o'),
    ('ô', 'o'),
    ('õ', 'o'),
    ('ö', 'o'),
    ('ø', 'o'),
    ('ù', 'u'),
    ('ú', 'u'),
    ('û', 'u'),
    ('ü', 'u'),
    ('ý', 'y'),
    ('ÿ', 'y'),
    ('ā', 'a'),
    ('ă', 'a'),
    ('ą', 'a'),
    ('ć', 'c'),
    ('ĉ', 'c'),
    ('ċ', 'c'),
    ('č', 'c'),
    ('ď', 'd'),
    ('đ', 'd'),
    ('ē', 'e'),
    ('ĕ', 'e'),
    ('ė', 'e'),
    ('ę', 'e'),
    ('ě', 'e'),
    ('ĝ', 'g'),
    ('ğ', 'g'),
    ('ġ', 'g'),
    ('ģ', 'g'),
    ('ĥ', 'h'),
    ('ħ', 'h'),
    ('ĩ', 'i'),
    ('ī', 'i'),
    ('ĭ', 'i'),
    ('į', 'i'),
    ('ı', 'i'),
    ('ĵ', 'j'),
    ('ķ', 'k'),
    ('ĺ', 'l'),
    ('ļ', 'l'),
    ('ľ', 'l'),
    ('ł', 'l'),
    ('ń', 'n'),
    ('ņ', 'n'),
    ('ň', 'n'),
    ('ō', 'o'),
    ('ŏ', 'o'),
    ('ő', 'o'),
    ('ŕ', 'r'),
    ('ŗ', 'r'),
    ('ř', 'r'),
    ('ś', 's'),
    ('ŝ', 's'),
    ('ş', 's'),
    ('š', 's'),
    ('ţ', 't'),
    ('ť', 't'),
    ('ŧ', 't'),
    ('ũ', 'u'),
    ('ū', 'u'),
    ('ŭ', 'u'),
    ('ů', 'u'),
    ('ű', 'u'),
    ('ų', 'u'),
    ('ŵ', 'w'),
    ('ŷ', 'y'),
    ('ź', 'z'),
    ('ż', 'z'),
    ('ž', 'z'),
];

/// The base letter of an accented Latin letter; other characters as they are.
fn strip_accent(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    ACCENTED
        .binary_search_by(|(accented, _)| accented.cmp(&c))
        .map_or(c, |at| ACCENTED[at].1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(&text[offsets[0]..], "Ｌｉ  Café");
    }

    #[test]
    fn accent_table_is_sorted_for_binary_search() {
        assert!(ACCENTED.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert_eq!(strip_accent('ő'), 'o');
        assert_eq!(strip_accent('中'), '中');
    }
}
