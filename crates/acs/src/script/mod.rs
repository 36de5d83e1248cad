//! Provision and virtual-parameter scripts: JavaScript run by QuickJS (through `rquickjs`),
//! chosen because it is a complete, small, embeddable engine with a memory limit and an
//! interrupt hook per runtime, so a script's CPU and memory can be bounded, and starts in
//! microseconds. GenieACS runs a script as the body of a function (a virtual parameter ends
//! with `return {...}`), so that is how scripts are compiled here too.
//!
//! This module checks scripts when they are stored; running them is the provisioning
//! engine's (issue 5).

use rquickjs::{CatchResultExt, Context, Runtime};
use std::time::{Duration, Instant};

/// Memory a syntax check may use.
const CHECK_MEMORY: usize = 16 << 20;
/// Time a syntax check may take (a parse, so far less in practice).
const CHECK_TIME: Duration = Duration::from_secs(2);
/// The longest script accepted.
pub const MAX_SCRIPT_BYTES: usize = 1 << 20;

/// What is wrong with a script, with its position when the engine gave one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}{}", position(*.line, *.column))]
pub struct ScriptError {
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

fn position(line: Option<u32>, column: Option<u32>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
}

impl ScriptError {
    fn plain(message: impl Into<String>) -> ScriptError {
        ScriptError {
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// Reads `Error: <message>\n    at <file>:<line>:<column>` as QuickJS prints it.
    pub(crate) fn from_engine(text: &str) -> ScriptError {
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let message = first
            .strip_prefix("Error: ")
            .or_else(|| first.strip_prefix("SyntaxError: "))
            .unwrap_or(first)
            .to_string();
        let place = lines.find_map(|l| {
            let at = l.trim().strip_prefix("at ")?;
            let spot = at
                .rsplit_once('(')
                .map_or(at, |(_, s)| s.trim_end_matches(')'));
            let mut parts = spot.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((line, column))
        });
        ScriptError {
            message,
            line: place.map(|p| p.0),
            column: place.map(|p| p.1),
        }
    }
}

/// Compiles `source` as a function body without running it.
pub fn check_syntax(source: &str) -> Result<(), ScriptError> {
    if source.len() > MAX_SCRIPT_BYTES {
        return Err(ScriptError::plain(format!(
            "the script is {} bytes; at most {MAX_SCRIPT_BYTES} are accepted",
            source.len()
        )));
    }
    let runtime = Runtime::new().map_err(|e| ScriptError::plain(e.to_string()))?;
    runtime.set_memory_limit(CHECK_MEMORY);
    let started = Instant::now();
    runtime.set_interrupt_handler(Some(Box::new(move || started.elapsed() > CHECK_TIME)));
    let context = Context::full(&runtime).map_err(|e| ScriptError::plain(e.to_string()))?;
    context.with(|ctx| {
        // The opening is on the script's first line, so the engine's line numbers are the
        // script's; the closing brace goes on a line of its own after a trailing comment.
        let wrapped = format!("(function () {{ {source}\n}})");
        ctx.eval::<(), _>(wrapped.as_str())
            .catch(&ctx)
            .map_err(|e| ScriptError::from_engine(&e.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_script_is_accepted_without_running_it() {
        // It would throw if it ran.
        check_syntax("const now = Date.now();\nthrow new Error('ran');\n").expect("valid");
        // Virtual parameters return at the top level.
        check_syntax("let v = declare('Device.X', {value: 1});\nreturn {writable: false, value: [v.value[0], 'xsd:string']};")
            .expect("valid");
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let e = check_syntax("let a = 1;\nlet b = ;\n").expect_err("invalid");
        assert_eq!(e.line, Some(2), "{e:?}");
        assert!(e.column.is_some(), "{e:?}");
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = check_syntax("declare('Device.X', {value: 1}\n").expect_err("unclosed");
        assert!(e.line.is_some(), "{e:?}");
    }

    #[test]
    fn engine_messages_are_read() {
        let e = ScriptError::from_engine(
            "Error: unexpected token in expression: ';'\n    at eval_script:2:9\n",
        );
        assert_eq!(e.message, "unexpected token in expression: ';'");
        assert_eq!((e.line, e.column), (Some(2), Some(9)));
    }
}

/// What a stored script is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptKind {
    /// Run by presets (`["name", args...]`).
    Provision,
    /// Computes `VirtualParameters.<name>`.
    VirtualParameter,
}

impl ScriptKind {
    /// Its key in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            ScriptKind::Provision => "provision",
            ScriptKind::VirtualParameter => "virtual_parameter",
        }
    }
}

/// The provisions built into the engine; scripts cannot take their names.
pub const BUILT_IN_PROVISIONS: [&str; 7] = [
    "refresh",
    "value",
    "tag",
    "reboot",
    "reset",
    "download",
    "instances",
];
