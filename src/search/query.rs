//! Queries as readers type them: terms ANDed, `"quoted phrases"` kept
//! together, `-term` excluded.

use super::normalize::normalize;

/// One part of a query, normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The normalized text to find.
    pub text: String,
    /// Whether the article must *not* contain it.
    pub excluded: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, in the order typed.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the reader typed.
    ///
    /// ```
    /// use folio::search::Query;
    /// let query = Query::parse(r#"中俄 "Night trains" -Linux"#);
    /// let texts: Vec<_> = query.terms.iter().map(|t| (t.text.as_str(), t.excluded)).collect();
    /// assert_eq!(texts, [("中俄", false), ("night trains", false), ("linux", true)]);
    /// ```
    pub fn parse(input: &str) -> Query {
        let mut terms = Vec::new();
        let mut rest = input.trim_start();
        while !rest.is_empty() {
            let (excluded, body) = match rest.strip_prefix('-') {
                Some(after) if !after.is_empty() && !after.starts_with(char::is_whitespace) => {
                    (true, after)
                }
                _ => (false, rest),
            };
            let (raw, remainder) = if let Some(quoted) = body.strip_prefix('"') {
                match quoted.find('"') {
                    Some(end) => (&quoted[..end], &quoted[end + 1..]),
                    None => (quoted, ""),
                }
            } else {
                let end = body.find(char::is_whitespace).unwrap_or(body.len());
                (&body[..end], &body[end..])
            };
            let text = normalize(raw);
            if !text.is_empty() {
                terms.push(Term { text, excluded });
            }
            rest = remainder.trim_start();
        }
        Query { terms }
    }

    /// Whether there is nothing to search for (every article matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms an article must contain.
    pub fn required(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|term| !term.excluded)
    }

    /// The terms an article must not contain.
    pub fn excluded(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|term| term.excluded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> Vec<(String, bool)> {
        Query::parse(input)
            .terms
            .into_iter()
            .map(|t| (t.text, t.excluded))
            .collect()
    }

    #[test]
    fn queries_parse() {
        let cases: [(&str, Vec<(&str, bool)>); 8] = [
            ("", vec![]),
            ("   ", vec![]),
            ("Linux", vec![("linux", false)]),
            ("a  b", vec![("a", false), ("b", false)]),
            ("\"is a  phrase\"", vec![("is a phrase", false)]),
            ("-skip keep", vec![("skip", true), ("keep", false)]),
            ("- dash", vec![("-", false), ("dash", false)]),
            ("\"unclosed phrase", vec![("unclosed phrase", false)]),
        ];
        for (input, expected) in cases {
            let expected: Vec<(String, bool)> = expected
                .into_iter()
                .map(|(t, e)| (t.to_owned(), e))
                .collect();
            assert_eq!(parsed(input), expected, "{input:?}");
        }
    }
}
