//! The CSV form: RFC 4180 records (quoted fields may hold commas, doubled quotes and line
//! breaks), a header row naming the columns, any line ending, `,` (or `;` or tab when the
//! header has no comma) between fields.

use super::SimModelError;
use super::builder::{Builder, Entry, parse_flag};

/// Where each column of interest is.
#[derive(Debug)]
struct Columns {
    parameter: usize,
    object: Option<usize>,
    writable: Option<usize>,
    value: Option<usize>,
    ty: Option<usize>,
    width: usize,
}

/// genieacs-sim's own column order, assumed when a file has no header row.
const DEFAULT_COLUMNS: Columns = Columns {
    parameter: 0,
    object: Some(1),
    writable: Some(2),
    value: Some(3),
    ty: Some(4),
    width: 5,
};

#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

pub(super) fn load(text: &str, builder: &mut Builder) -> Result<(), SimModelError> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(',') {
        ','
    } else if first_line.contains(';') {
        ';'
    } else if first_line.contains('\t') {
        '\t'
    } else {
        ','
    };
    let records = records(text, delimiter)?;
    let Some(first) = records.first() else {
        return Err(SimModelError::Empty);
    };
    let (columns, rows) = match header(&first.fields) {
        Some(columns) => (columns, &records[1..]),
        None if looks_like_path(&first.fields[0]) => (DEFAULT_COLUMNS, &records[..]),
        None => {
            return Err(error(
                first.line,
                "the header row has no Parameter column".into(),
            ));
        }
    };
    for record in rows {
        let at = |message: String| error(record.line, message);
        let fields = &record.fields;
        if fields.len() > columns.width && fields[columns.width..].iter().any(|f| !f.is_empty()) {
            return Err(at(format!(
                "{} fields, but the header has {} columns (a value with a comma must be quoted)",
                fields.len(),
                columns.width
            )));
        }
        let cell = |i: Option<usize>| i.and_then(|i| fields.get(i)).map(String::as_str);
        let flag = |i: Option<usize>, column: &str| {
            let raw = cell(i).unwrap_or_default();
            parse_flag(raw)
                .ok_or_else(|| at(format!("{column} must be true, false, 1 or 0, not {raw:?}")))
        };
        let object = flag(columns.object, "Object")?;
        let writable = flag(columns.writable, "Writable")?;
        let path = cell(Some(columns.parameter)).unwrap_or_default();
        if path.trim().is_empty() {
            return Err(at("empty Parameter".into()));
        }
        let entry = Entry {
            path,
            object,
            writable,
            value: columns
                .value
                .map(|i| cell(Some(i)).unwrap_or_default().to_string()),
            ty: cell(columns.ty).map(str::to_string),
        };
        builder.add(entry).map_err(at)?;
    }
    Ok(())
}

fn error(line: usize, message: String) -> SimModelError {
    SimModelError::Csv { line, message }
}

/// The columns a header row names, or `None` when it names no parameter column.
fn header(fields: &[String]) -> Option<Columns> {
    let key = |f: &String| -> String {
        f.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let keys: Vec<String> = fields.iter().map(key).collect();
    let find = |names: &[&str]| keys.iter().position(|k| names.contains(&k.as_str()));
    Some(Columns {
        parameter: find(&["parameter", "parametername", "name", "path"])?,
        object: find(&["object", "isobject"]),
        writable: find(&["writable"]),
        value: find(&["value"]),
        ty: find(&["valuetype", "type"]),
        width: fields.len(),
    })
}

fn looks_like_path(field: &str) -> bool {
    let root = field.trim().split('.').next().unwrap_or_default();
    matches!(root, "Device" | "InternetGatewayDevice" | "DeviceID")
}

/// Splits the text into records, each with the line it starts on. Blank lines are skipped.
fn records(text: &str, delimiter: char) -> Result<Vec<Record>, SimModelError> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    // Inside a quoted field, and where it opened; just after a quoted field's closing quote.
    let mut quoted = false;
    let mut quote_line = 0;
    let mut closed = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    closed = true;
                }
                _ => {
                    if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                push_record(&mut out, record_line, std::mem::take(&mut fields));
                closed = false;
                line += 1;
                record_line = line;
            }
            c if c == delimiter => {
                fields.push(std::mem::take(&mut field));
                closed = false;
            }
            '"' if closed => {
                return Err(error(line, "a quote right after a quoted field".into()));
            }
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
                quote_line = line;
            }
            '"' => {
                return Err(error(
                    line,
                    format!(
                        "a quote inside the unquoted field {field:?}\"... (quote the whole field \
                         and double the quotes in it)"
                    ),
                ));
            }
            c if closed => {
                if !c.is_whitespace() {
                    return Err(error(
                        line,
                        format!("{c:?} after the closing quote of a field"),
                    ));
                }
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(error(quote_line, "quoted field never closed".into()));
    }
    if closed || !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        push_record(&mut out, record_line, fields);
    }
    Ok(out)
}

fn push_record(out: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    if fields.iter().any(|f| !f.trim().is_empty()) {
        out.push(Record { line, fields });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let rows = fields("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n\"multi\r\nline\",x\n");
        assert_eq!(rows[0], vec!["a", "b,c", "say \"hi\""]);
        assert_eq!(rows[1], vec!["multi\r\nline", "x"]);
        let recs = records("a\n\"b\nc\"\nd", ',').unwrap();
        let lines: Vec<usize> = recs.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 2, 4]);
    }

    #[test]
    fn bad_quoting_names_the_line() {
        let line = |t: &str| records(t, ',').unwrap_err().line();
        assert_eq!(line("a,b\nc,d\"e\n"), Some(2));
        assert_eq!(line("a\nb,\"x\"y\n"), Some(2));
        assert_eq!(line("a\nb\nc,\"open\nstill\n"), Some(3));
    }

    #[test]
    fn headers_are_matched_loosely() {
        let h = |s: &str| header(&s.split(',').map(String::from).collect::<Vec<_>>());
        let c = h("Value type,WRITABLE,parameter,Value").unwrap();
        assert_eq!(
            (c.parameter, c.writable, c.value, c.ty, c.object),
            (2, Some(1), Some(3), Some(0), None)
        );
        assert!(h("a,b,c").is_none());
    }
}
