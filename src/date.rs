//! Dates as the posts write them, turned into UTC.
//!
//! Feed generators write RFC 2822 (`Sat, 05 Feb 2022 11:48:54 GMT`); Hexo users
//! write `YYYY-MM-DD HH:MM:SS`, YAML timestamps, ISO 8601 or `2013/7/13 20:46:25`.
//! A time without a zone is read in the zone the caller gives.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Formats for times that carry no zone, tried in order.
const NAIVE_DATE_TIMES: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];
/// Formats for bare dates (midnight in the given zone).
const NAIVE_DATES: &[&str] = &["%Y-%m-%d", "%Y/%m/%d"];

/// Reads a post date. `zone` applies to times written without one.
///
/// Returns `None` when the text matches no known format.
///
/// ```
/// use chrono::FixedOffset;
/// use folio::date::{parse_post_date, to_rfc3339_utc};
/// let utc = FixedOffset::east_opt(0).unwrap();
/// let date = parse_post_date("Sat, 05 Feb 2022 11:48:54 GMT", utc).unwrap();
/// assert_eq!(to_rfc3339_utc(date), "2022-02-05T11:48:54Z");
/// ```
pub fn parse_post_date(text: &str, zone: FixedOffset) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(date) = DateTime::parse_from_rfc2822(text) {
        return Some(date.with_timezone(&Utc));
    }
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Some(date.with_timezone(&Utc));
    }
    // YAML timestamps may separate the zone with a space: `2001-12-14 21:59:43.10 -5`.
    for format in [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(date) = DateTime::parse_from_str(text, format) {
            return Some(date.with_timezone(&Utc));
        }
    }
    let naive = NAIVE_DATE_TIMES
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .or_else(|| {
            NAIVE_DATES
                .iter()
                .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
                .and_then(|date| date.and_hms_opt(0, 0, 0))
        })?;
    zone.from_local_datetime(&naive)
        .single()
        .map(|date| date.with_timezone(&Utc))
}

/// Reads a `--timezone` value: `UTC`, `Z`, or an offset such as `+08:00`/`+0800`.
///
/// Returns `None` for anything else.
pub fn parse_zone(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("utc") || text == "Z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// The date at the start of a Hexo file name (`2006-11-17-about.md`), if any.
pub fn date_in_file_name(file_name: &str, zone: FixedOffset) -> Option<DateTime<Utc>> {
    let prefix = file_name.get(..10)?;
    parse_post_date(prefix, zone)
}

/// The bundle's date form: RFC 3339, UTC, whole seconds, `Z` suffix.
pub fn to_rfc3339_utc(date: DateTime<Utc>) -> String {
    date.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    #[test]
    fn every_written_form_is_read() {
        let cases = [
            ("Sat, 05 Feb 2022 11:48:54 GMT", "2022-02-05T11:48:54Z"),
            ("Sat, 05 Feb 2022 11:48:54 +0800", "2022-02-05T03:48:54Z"),
            ("2021-05-09 04:03:15", "2021-05-09T04:03:15Z"),
            ("2021-05-09T04:03:15+02:00", "2021-05-09T02:03:15Z"),
            ("2021-05-09T04:03:15Z", "2021-05-09T04:03:15Z"),
            ("2021-05-09T04:03:15", "2021-05-09T04:03:15Z"),
            ("2001-12-14 21:59:43.10 -0500", "2001-12-15T02:59:43Z"),
            ("2013/7/13 20:46:25", "2013-07-13T20:46:25Z"),
            ("2013-07-13", "2013-07-13T00:00:00Z"),
        ];
        for (text, expected) in cases {
            let date = parse_post_date(text, utc()).unwrap_or_else(|| panic!("{text} unread"));
            assert_eq!(to_rfc3339_utc(date), expected, "{text}");
        }
    }

    #[test]
    fn zoneless_times_use_the_given_zone() {
        let shanghai = parse_zone("+08:00").unwrap();
        let date = parse_post_date("2021-05-09 04:03:15", shanghai).unwrap();
        assert_eq!(to_rfc3339_utc(date), "2021-05-08T20:03:15Z");
        let zoned = parse_post_date("Sat, 05 Feb 2022 11:48:54 GMT", shanghai).unwrap();
        assert_eq!(
            to_rfc3339_utc(zoned),
            "2022-02-05T11:48:54Z",
            "zoned times ignore it"
        );
    }

    #[test]
    fn nonsense_is_not_a_date() {
        for text in ["", "yesterday", "2021-13-45 99:99:99", "Sat, 99 Foo"] {
            assert_eq!(parse_post_date(text, utc()), None, "{text}");
        }
    }

    #[test]
    fn zones_are_read() {
        assert_eq!(parse_zone("UTC"), FixedOffset::east_opt(0));
        assert_eq!(parse_zone("+0800"), FixedOffset::east_opt(8 * 3600));
        assert_eq!(
            parse_zone("-05:30"),
            FixedOffset::east_opt(-(5 * 3600 + 1800))
        );
        assert_eq!(parse_zone("Asia/Shanghai"), None);
    }

    #[test]
    fn file_name_dates() {
        let date = date_in_file_name("2006-11-17-about.md", utc()).unwrap();
        assert_eq!(to_rfc3339_utc(date), "2006-11-17T00:00:00Z");
        assert_eq!(date_in_file_name("about.md", utc()), None);
    }
}
