//! The filter language as SQL over the `devices` table (aliased `d`), with bound parameters.
//!
//! It selects exactly what [`crate::filter::evaluate`] selects; the rules are in its module
//! documentation. How they map:
//!
//! - A parameter comparison is `d.id IN (SELECT device_id FROM device_params WHERE path = ?
//!   AND ...)`, answered from the `(path, value, device_id)` or `(path, num, device_id)`
//!   index; strings compare `value`, numbers compare `num` (filled from
//!   [`crate::filter::numeric_value`] at save, so the two agree on what is a number).
//! - Logic is two-valued: every leaf is written so it is never SQL `NULL` (a missing value
//!   makes it false), so `NOT` is plain negation as in the evaluator.
//! - `LIKE` becomes `GLOB`, which is case-sensitive like the language (SQLite's `LIKE` is not)
//!   and still uses the index for a literal prefix.
//! - Device fields are columns; the text fields' numeric readings are kept in the
//!   `text_numbers` JSON column at save, for comparisons with a number literal.
//!
//! Only column names and operators written here go into the SQL text; every value from the
//! filter is a bound parameter.

use crate::filter::{CmpOp, Expr, Field, Literal};

/// A value bound to a `?` of the generated SQL, in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Bind {
    Text(String),
    Real(f64),
    Int(i64),
}

/// SQL text and the values for its `?`s, in order.
#[derive(Debug, Default)]
pub(super) struct Sql {
    pub text: String,
    pub binds: Vec<Bind>,
}

impl Sql {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn bind(&mut self, b: Bind) {
        self.text.push('?');
        self.binds.push(b);
    }
}

/// The `WHERE` condition for a filter (`1` for none).
pub(super) fn where_clause(filter: Option<&Expr>) -> Sql {
    let mut sql = Sql::default();
    match filter {
        Some(e) => expr(e, &mut sql),
        None => sql.push("1"),
    }
    sql
}

/// The `ORDER BY` list for `(field name, descending)` pairs, always ending with `d.id` so
/// pages are stable. Unknown names are taken as parameter paths (devices without the
/// parameter sort first, ascending).
pub(super) fn order_by(sort: &[(String, bool)]) -> Sql {
    let mut sql = Sql::default();
    let mut by_id = false;
    for (name, descending) in sort {
        let field = Field::from_name(name).unwrap_or_else(|| Field::Parameter(name.clone()));
        match &field {
            Field::Parameter(path) => {
                // Numbers sort numerically, before text (SQLite orders REAL before TEXT).
                sql.push(
                    "(SELECT coalesce(p.num, p.value) FROM device_params p \
                     WHERE p.device_id = d.id AND p.path = ",
                );
                sql.bind(Bind::Text(path.clone()));
                sql.push(")");
            }
            Field::Tag => {
                sql.push("(SELECT min(t.tag) FROM device_tags t WHERE t.device_id = d.id)");
            }
            other => {
                let column = Column::of(other).map_or("d.id", |c| c.name);
                by_id |= column == "d.id";
                sql.push(column);
            }
        }
        sql.push(if *descending { " DESC, " } else { " ASC, " });
    }
    if by_id {
        // Already ordered by the unique id; drop the trailing separator.
        sql.text.truncate(sql.text.len() - 2);
    } else {
        sql.push("d.id ASC");
    }
    sql
}

/// A device field stored as a column of `devices`.
#[derive(Debug, Clone, Copy)]
struct Column {
    name: &'static str,
    /// Milliseconds (INTEGER) rather than text.
    time: bool,
    nullable: bool,
    /// The key of the field in `text_numbers`, for text columns.
    number_key: &'static str,
}

impl Column {
    fn of(field: &Field) -> Option<Column> {
        let text = |name, number_key| Column {
            name,
            time: false,
            nullable: false,
            number_key,
        };
        let time = |name, nullable| Column {
            name,
            time: true,
            nullable,
            number_key: "",
        };
        Some(match field {
            Field::Id => text("d.id", "id"),
            Field::Oui => text("d.oui", "oui"),
            Field::ProductClass => text("d.product_class", "productClass"),
            Field::SerialNumber => text("d.serial_number", "serialNumber"),
            Field::Manufacturer => text("d.manufacturer", "manufacturer"),
            Field::RemoteAddress => text("d.remote_address", "remoteAddress"),
            Field::FirstSeen => time("d.first_seen", false),
            Field::LastInform => time("d.last_inform", false),
            Field::LastBoot => time("d.last_boot", true),
            Field::LastBootstrap => time("d.last_bootstrap", true),
            Field::Parameter(_) | Field::Tag => return None,
        })
    }

    /// The field's value as text, as the evaluator reads it.
    fn text_sql(&self) -> String {
        if self.time {
            format!("CAST({} AS TEXT)", self.name)
        } else {
            self.name.to_string()
        }
    }

    /// The field's value as a number, or NULL when it is not written as one.
    fn num_sql(&self) -> String {
        if self.time {
            self.name.to_string()
        } else {
            format!("json_extract(d.text_numbers, '$.{}')", self.number_key)
        }
    }
}

fn expr(e: &Expr, sql: &mut Sql) {
    match e {
        Expr::And(a, b) | Expr::Or(a, b) => {
            sql.push("(");
            expr(a, sql);
            sql.push(if matches!(e, Expr::And(..)) {
                " AND "
            } else {
                " OR "
            });
            expr(b, sql);
            sql.push(")");
        }
        // Exact negations written directly, so `NOT x IS NULL` is an index search like
        // `x IS NOT NULL` rather than a scan of every device.
        Expr::Not(inner) if matches!(**inner, Expr::Not(_)) => {
            if let Expr::Not(innermost) = &**inner {
                expr(innermost, sql);
            }
        }
        Expr::Not(inner) if matches!(**inner, Expr::IsNull { .. }) => {
            if let Expr::IsNull { field, negated } = &**inner {
                is_null(field, !negated, sql);
            }
        }
        Expr::Not(inner) => {
            sql.push("NOT ");
            // Parenthesised so the NOT covers the whole operand.
            sql.push("(");
            expr(inner, sql);
            sql.push(")");
        }
        Expr::Compare { field, op, value } => compare(field, *op, value, sql),
        Expr::Like { field, pattern } => like(field, pattern, sql),
        Expr::IsNull { field, negated } => is_null(field, *negated, sql),
    }
}

fn op_sql(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " = ",
        CmpOp::Ne => " <> ",
        CmpOp::Lt => " < ",
        CmpOp::Le => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::Ge => " >= ",
    }
}

/// A CWMP boolean read from SQL text `v`: 1, 0, or NULL when it is none.
fn bool_sql(v: &str) -> String {
    format!(
        "(CASE WHEN {v} = '1' OR lower({v}) = 'true' THEN 1 \
         WHEN {v} = '0' OR lower({v}) = 'false' THEN 0 END)"
    )
}

/// `value op literal` for a value read as SQL text `text` with numeric reading `num`; never
/// NULL when `text` is not NULL.
fn typed_compare(text: &str, num: &str, op: CmpOp, value: &Literal, sql: &mut Sql) {
    match value {
        Literal::String(s) => {
            sql.push(text);
            sql.push(op_sql(op));
            sql.bind(Bind::Text(s.clone()));
        }
        Literal::Number(n) if n.is_nan() => sql.push("0"),
        Literal::Number(n) => {
            // A value that is not a number has a NULL reading: false for every operator.
            sql.push("coalesce(");
            sql.push(num);
            sql.push(op_sql(op));
            sql.bind(Bind::Real(*n));
            sql.push(", 0)");
        }
        Literal::Bool(b) => {
            sql.push("coalesce(");
            sql.push(&bool_sql(text));
            sql.push(op_sql(op));
            sql.bind(Bind::Int(i64::from(*b)));
            sql.push(", 0)");
        }
    }
}

fn param_subquery(path: &str, sql: &mut Sql) {
    sql.push("d.id IN (SELECT device_id FROM device_params WHERE path = ");
    sql.bind(Bind::Text(path.to_string()));
}

fn compare(field: &Field, op: CmpOp, value: &Literal, sql: &mut Sql) {
    match field {
        Field::Parameter(path) => {
            param_subquery(path, sql);
            sql.push(" AND ");
            match value {
                // Plain column comparisons, so SQLite searches the (path, value) and
                // (path, num) indexes; rows failing them (num NULL) are simply not selected.
                Literal::String(s) => {
                    sql.push("value");
                    sql.push(op_sql(op));
                    sql.bind(Bind::Text(s.clone()));
                }
                Literal::Number(n) if n.is_nan() => sql.push("0"),
                Literal::Number(n) => {
                    sql.push("num");
                    sql.push(op_sql(op));
                    sql.bind(Bind::Real(*n));
                }
                Literal::Bool(_) => typed_compare("value", "num", op, value, sql),
            }
            sql.push(")");
        }
        Field::Tag => {
            let text = literal_text(value);
            let (negate, op) = match op {
                CmpOp::Ne => (true, CmpOp::Eq),
                other => (false, other),
            };
            if negate {
                sql.push("NOT ");
            }
            sql.push("d.id IN (SELECT device_id FROM device_tags WHERE tag");
            sql.push(op_sql(op));
            sql.bind(Bind::Text(text));
            sql.push(")");
        }
        other => {
            let Some(col) = Column::of(other) else {
                sql.push("0");
                return;
            };
            sql.push("(");
            if col.nullable {
                sql.push(col.name);
                sql.push(" IS NOT NULL AND ");
            }
            match value {
                Literal::Number(n) if col.time && !n.is_nan() => {
                    // Plain comparison so an index on the column can serve it.
                    sql.push(col.name);
                    sql.push(op_sql(op));
                    sql.bind(Bind::Real(*n));
                }
                _ => typed_compare(&col.text_sql(), &col.num_sql(), op, value, sql),
            }
            sql.push(")");
        }
    }
}

/// A literal's text, for comparing with tags (as the evaluator does).
fn literal_text(value: &Literal) -> String {
    match value {
        Literal::String(s) => s.clone(),
        Literal::Number(n) => n.to_string(),
        Literal::Bool(b) => b.to_string(),
    }
}

fn like(field: &Field, pattern: &str, sql: &mut Sql) {
    let glob = Bind::Text(like_to_glob(pattern));
    match field {
        Field::Parameter(path) => {
            param_subquery(path, sql);
            sql.push(" AND value GLOB ");
            sql.bind(glob);
            sql.push(")");
        }
        Field::Tag => {
            sql.push("d.id IN (SELECT device_id FROM device_tags WHERE tag GLOB ");
            sql.bind(glob);
            sql.push(")");
        }
        other => {
            let Some(col) = Column::of(other) else {
                sql.push("0");
                return;
            };
            sql.push("coalesce(");
            sql.push(&col.text_sql());
            sql.push(" GLOB ");
            sql.bind(glob);
            sql.push(", 0)");
        }
    }
}

fn is_null(field: &Field, negated: bool, sql: &mut Sql) {
    let not = if negated { "" } else { "NOT " };
    match field {
        Field::Parameter(path) => {
            sql.push(not);
            param_subquery(path, sql);
            sql.push(")");
        }
        Field::Tag => {
            sql.push(not);
            sql.push("d.id IN (SELECT device_id FROM device_tags)");
        }
        other => match Column::of(other) {
            Some(col) if col.nullable => {
                sql.push(col.name);
                sql.push(if negated { " IS NOT NULL" } else { " IS NULL" });
            }
            // Every other device field always has a value.
            _ => sql.push(if negated { "1" } else { "0" }),
        },
    }
}

/// A `LIKE` pattern (`%`, `_`, `\` escaping the next character) as a `GLOB` pattern, whose
/// own wildcards `*`, `?` and `[` are made literal by brackets.
pub(super) fn like_to_glob(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let literal = match c {
            '%' => {
                out.push('*');
                continue;
            }
            '_' => {
                out.push('?');
                continue;
            }
            // A trailing backslash stands for itself.
            '\\' => chars.next().unwrap_or('\\'),
            c => c,
        };
        match literal {
            '*' => out.push_str("[*]"),
            '?' => out.push_str("[?]"),
            '[' => out.push_str("[[]"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_become_case_sensitive_globs() {
        assert_eq!(like_to_glob("2.%"), "2.*");
        assert_eq!(like_to_glob("a_c"), "a?c");
        assert_eq!(like_to_glob(r"100\%"), "100%");
        assert_eq!(like_to_glob("*?[x]"), "[*][?][[]x]");
        assert_eq!(like_to_glob(r"a\_b\"), r"a_b\");
    }

    #[test]
    fn values_are_bound_never_spliced() {
        let e = Expr::Compare {
            field: Field::Parameter("Device.X".into()),
            op: CmpOp::Eq,
            value: Literal::String("'; DROP TABLE devices; --".into()),
        };
        let sql = where_clause(Some(&e));
        assert!(!sql.text.contains("DROP"), "{}", sql.text);
        assert_eq!(
            sql.binds,
            vec![
                Bind::Text("Device.X".into()),
                Bind::Text("'; DROP TABLE devices; --".into())
            ]
        );
    }

    #[test]
    fn sorting_always_ends_with_the_id() {
        let sql = order_by(&[("lastInform".into(), true)]);
        assert_eq!(sql.text, "d.last_inform DESC, d.id ASC");
        let sql = order_by(&[("id".into(), true)]);
        assert_eq!(sql.text, "d.id DESC");
        let sql = order_by(&[("Device.X".into(), false)]);
        assert!(sql.text.ends_with("ASC, d.id ASC"), "{}", sql.text);
        assert_eq!(sql.binds, vec![Bind::Text("Device.X".into())]);
    }
}
