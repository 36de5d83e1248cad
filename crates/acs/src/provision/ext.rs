//! Extensions: programs an operator installs for provision scripts to call with
//! `ext(file, function, ...args)`, as in GenieACS, but as external programs speaking JSON
//! over stdio rather than code loaded into the ACS.
//!
//! The protocol, for whoever writes an extension:
//!
//! - The ACS runs `<extensions dir>/<file>` itself, without a shell, once per call; nothing
//!   survives between calls. `file` is a plain name (no `/`, `\`, `.` or `..`). The file must
//!   be executable; a `#!` line is fine.
//! - Its only argument is the function name, so a simple program can dispatch on `$1`.
//! - Its environment holds only `PATH` (the ACS's own); the working directory is the ACS's.
//! - Its stdin gets one line, `{"function": "<name>", "args": [<JSON>...]}`, then end of
//!   file. Reading it is optional.
//! - Its stdout must be exactly one JSON object, `{"result": <any JSON>}` on success or
//!   `{"error": "<message>"}` to fail the call with that message; no other members, and at
//!   most 1 MiB unless the ACS is configured otherwise.
//! - It must exit with status 0. Any other status fails the call, reporting the start of
//!   stderr; stderr is otherwise ignored, so use it for diagnostics.
//! - The whole run has a time limit. Past it, or past the output limit, the program is
//!   killed with SIGKILL. Only the program itself is killed: processes it starts must not
//!   outlive it, and while one still holds stdout open the call waits for it (until the
//!   time limit).

use serde_json::{Value, json};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, Command};
use tokio::time::Instant;

/// Output beyond this is a misbehaving program, not a big answer, unless configured.
const DEFAULT_MAX_OUTPUT: usize = 1 << 20;
/// How much of stderr an `Exit` error carries: enough for a message, not a log.
const STDERR_REPORTED: usize = 500;
/// `ext` file names are single path components; this is the usual file-system limit.
const MAX_NAME_BYTES: usize = 255;

/// Where extension programs live and how long a call may take.
#[derive(Debug, Clone)]
pub struct Extensions {
    dir: PathBuf,
    timeout: Duration,
    max_output_bytes: usize,
}

/// Why an extension call gave no result; it becomes the fault of the provision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtError {
    #[error("invalid extension name {0:?}")]
    InvalidName(String),
    #[error("extension {0:?} not found")]
    NotFound(String),
    #[error("cannot start extension: {0}")]
    Spawn(String),
    #[error("extension {file:?} timed out after {after:?}")]
    Timeout { file: String, after: Duration },
    #[error("extension {file:?} failed ({status}): {stderr}")]
    Exit {
        file: String,
        status: String,
        stderr: String,
    },
    #[error("extension {file:?} gave bad output: {reason}")]
    BadOutput { file: String, reason: String },
    #[error("extension {file:?}: {message}")]
    Failed { file: String, message: String },
    #[error("extension {file:?} wrote too much output")]
    OutputTooLarge { file: String },
}

/// Why the exchange with a running child stopped before it exited by itself.
enum Stop {
    TooLarge,
    Read(io::Error),
}

impl Extensions {
    pub fn new(dir: impl Into<PathBuf>, timeout: Duration) -> Extensions {
        let mut dir = dir.into();
        // An empty dir would make the program path a bare name, which Command looks up in
        // PATH: the call would run whatever is installed under that name.
        if dir.as_os_str().is_empty() {
            dir = PathBuf::from(".");
        }
        Extensions {
            dir,
            timeout,
            max_output_bytes: DEFAULT_MAX_OUTPUT,
        }
    }

    pub fn with_max_output(self, bytes: usize) -> Extensions {
        Extensions {
            max_output_bytes: bytes,
            ..self
        }
    }

    /// Runs `<dir>/<file>` once: writes one line of JSON `{"function": function, "args": args}`
    /// to its stdin and closes stdin, reads its stdout to the end, which must be one JSON
    /// document: `{"result": <any JSON>}` on success or `{"error": "<message>"}`.
    pub async fn call(
        &self,
        file: &str,
        function: &str,
        args: &[Value],
    ) -> Result<Value, ExtError> {
        check_name(file)?;
        let deadline = Instant::now() + self.timeout;
        let path = self.dir.join(file);
        let mut child = self.spawn(&path, file, function, deadline).await?;

        let mut request = json!({ "function": function, "args": args }).to_string();
        request.push('\n');
        let stdin = child.stdin.take();
        let stdout = child.stdout.take();
        let stderr = child.stderr.take();
        let limit = self.max_output_bytes;

        let exchange = async {
            let write = async {
                if let Some(mut stdin) = stdin {
                    // A program may answer without reading its request and exit; the broken
                    // pipe that follows says nothing about its answer, which decides.
                    let _ = stdin.write_all(request.as_bytes()).await;
                    let _ = stdin.shutdown().await;
                }
                Ok(())
            };
            let (_, out, err) =
                tokio::try_join!(write, read_limited(stdout, limit), read_stderr(stderr))?;
            let status = child.wait().await.map_err(Stop::Read)?;
            Ok::<_, Stop>((status, out, err))
        };

        let outcome = tokio::time::timeout_at(deadline, exchange).await;
        let (status, out, err) = match outcome {
            Ok(Ok(done)) => done,
            Ok(Err(stop)) => {
                kill(&mut child).await;
                return Err(match stop {
                    Stop::TooLarge => ExtError::OutputTooLarge { file: file.into() },
                    Stop::Read(e) => ExtError::BadOutput {
                        file: file.into(),
                        reason: format!("reading output: {e}"),
                    },
                });
            }
            Err(_) => {
                kill(&mut child).await;
                return Err(ExtError::Timeout {
                    file: file.into(),
                    after: self.timeout,
                });
            }
        };
        interpret(file, status, &out, &err)
    }

    async fn spawn(
        &self,
        path: &Path,
        file: &str,
        function: &str,
        deadline: Instant,
    ) -> Result<Child, ExtError> {
        let mut command = Command::new(path);
        command
            .arg(function)
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        if let Some(search) = std::env::var_os("PATH") {
            command.env("PATH", search);
        }
        let mut pause = Duration::from_millis(5);
        loop {
            match command.spawn() {
                Ok(child) => return Ok(child),
                // An extension being replaced, or one just written while another thread
                // forked, is briefly busy; that is no reason to fail a provision.
                Err(e)
                    if e.kind() == io::ErrorKind::ExecutableFileBusy
                        && Instant::now() + pause < deadline =>
                {
                    tokio::time::sleep(pause).await;
                    pause *= 2;
                }
                // ENOENT also comes from a missing `#!` interpreter; only a missing file is
                // the operator's "not found".
                Err(e) if e.kind() == io::ErrorKind::NotFound && !path.exists() => {
                    return Err(ExtError::NotFound(file.into()));
                }
                Err(e) => return Err(ExtError::Spawn(format!("{file:?}: {e}"))),
            }
        }
    }
}

fn check_name(file: &str) -> Result<(), ExtError> {
    let plain = !file.is_empty()
        && file.len() <= MAX_NAME_BYTES
        && file != "."
        && file != ".."
        && !file.contains(['/', '\\', '\0']);
    if plain {
        Ok(())
    } else {
        Err(ExtError::InvalidName(file.into()))
    }
}

async fn read_limited(pipe: Option<impl AsyncRead + Unpin>, limit: usize) -> Result<Vec<u8>, Stop> {
    let mut out = Vec::new();
    if let Some(pipe) = pipe {
        // One byte past the limit is enough to know it was exceeded, without buffering more.
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        pipe.take(cap)
            .read_to_end(&mut out)
            .await
            .map_err(Stop::Read)?;
    }
    if out.len() > limit {
        return Err(Stop::TooLarge);
    }
    Ok(out)
}

/// Keeps the start of stderr and drains the rest, so a chatty program never blocks on a
/// full pipe while we wait for its stdout.
async fn read_stderr(pipe: Option<impl AsyncRead + Unpin>) -> Result<Vec<u8>, Stop> {
    let mut kept = Vec::new();
    if let Some(mut pipe) = pipe {
        let mut chunk = [0u8; 4096];
        // A failing stderr pipe costs only the diagnostics, never the call.
        while let Ok(n) = pipe.read(&mut chunk).await {
            if n == 0 {
                break;
            }
            let room = (STDERR_REPORTED * 2).saturating_sub(kept.len());
            kept.extend_from_slice(&chunk[..n.min(room)]);
        }
    }
    Ok(kept)
}

/// SIGKILL and wait, so the child is reaped here rather than left as a zombie.
async fn kill(child: &mut Child) {
    // The child may have exited meanwhile; either way it is gone after this.
    let _ = child.kill().await;
}

fn interpret(file: &str, status: ExitStatus, out: &[u8], err: &[u8]) -> Result<Value, ExtError> {
    let bad = |reason: String| ExtError::BadOutput {
        file: file.into(),
        reason,
    };
    if !status.success() {
        return Err(ExtError::Exit {
            file: file.into(),
            status: status.to_string(),
            stderr: excerpt(err),
        });
    }
    let answer: Value =
        serde_json::from_slice(out).map_err(|e| bad(format!("not one JSON document: {e}")))?;
    let Value::Object(mut answer) = answer else {
        return Err(bad("not a JSON object".into()));
    };
    if let Some(other) = answer.keys().find(|k| *k != "result" && *k != "error") {
        return Err(bad(format!("unexpected member {other:?}")));
    }
    match (answer.remove("result"), answer.remove("error")) {
        (Some(result), None) => Ok(result),
        (None, Some(Value::String(message))) => Err(ExtError::Failed {
            file: file.into(),
            message,
        }),
        (None, Some(_)) => Err(bad("\"error\" is not a string".into())),
        (Some(_), Some(_)) => Err(bad("both \"result\" and \"error\"".into())),
        (None, None) => Err(bad("neither \"result\" nor \"error\"".into())),
    }
}

/// The trimmed start of stderr, cut at a character boundary.
fn excerpt(err: &[u8]) -> String {
    let text = String::from_utf8_lossy(err);
    let text = text.trim();
    if text.len() <= STDERR_REPORTED {
        return text.to_string();
    }
    let mut end = STDERR_REPORTED;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    const SECOND: Duration = Duration::from_secs(1);

    /// Writes an executable `#!/bin/sh` program named `name` into `dir`.
    fn program(dir: &Path, name: &str, body: &str) {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn setup(name: &str, body: &str) -> (tempfile::TempDir, Extensions) {
        let dir = tempfile::tempdir().unwrap();
        program(dir.path(), name, body);
        let ext = Extensions::new(dir.path(), 10 * SECOND);
        (dir, ext)
    }

    #[tokio::test]
    async fn the_request_arrives_on_stdin_and_the_result_comes_back() {
        let (_dir, ext) = setup("echo", r#"read line; printf '{"result": %s}\n' "$line""#);
        let args = [json!(1), json!("two"), json!({"three": [3]})];
        let got = ext.call("echo", "lookup", &args).await.unwrap();
        assert_eq!(
            got,
            json!({"function": "lookup", "args": [1, "two", {"three": [3]}]})
        );
    }

    #[tokio::test]
    async fn the_function_is_the_only_argument() {
        let (_dir, ext) = setup("argv", r#"printf '{"result": [%s, "%s"]}' "$#" "$1""#);
        let got = ext.call("argv", "serial number", &[json!(1)]).await;
        assert_eq!(got, Ok(json!([1, "serial number"])));
    }

    #[tokio::test]
    async fn the_environment_holds_only_path() {
        let body = r#"printf '{"result": ["%s", "%s"]}' "${HOME-unset}" "${PATH:+set}""#;
        let (_dir, ext) = setup("env", body);
        let expected_path = if std::env::var_os("PATH").is_some() {
            "set"
        } else {
            ""
        };
        let got = ext.call("env", "f", &[]).await;
        assert_eq!(got, Ok(json!(["unset", expected_path])));
    }

    #[tokio::test]
    async fn an_error_answer_fails_the_call_with_its_message() {
        let (_dir, ext) = setup("err", r#"printf '{"error": "no such subscriber"}'"#);
        let got = ext.call("err", "f", &[]).await;
        let expected = ExtError::Failed {
            file: "err".into(),
            message: "no such subscriber".into(),
        };
        assert_eq!(got, Err(expected));
    }

    #[tokio::test]
    async fn a_non_zero_exit_fails_with_trimmed_stderr_whatever_stdout_says() {
        let body = r#"printf '{"result": 1}'; echo "  boom: database down  " >&2; exit 3"#;
        let (_dir, ext) = setup("exit3", body);
        let got = ext.call("exit3", "f", &[]).await;
        let expected = ExtError::Exit {
            file: "exit3".into(),
            status: "exit status: 3".into(),
            stderr: "boom: database down".into(),
        };
        assert_eq!(got, Err(expected));
    }

    #[tokio::test]
    async fn long_stderr_is_cut_in_the_error() {
        let (_dir, ext) = setup("loud", "head -c 100000 /dev/zero | tr '\\0' e >&2; exit 1");
        let Err(ExtError::Exit { stderr, .. }) = ext.call("loud", "f", &[]).await else {
            panic!("expected Exit");
        };
        assert_eq!(stderr, format!("{}…", "e".repeat(STDERR_REPORTED)));
    }

    #[tokio::test]
    async fn a_slow_program_times_out_and_is_killed_and_reaped() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let body = format!("echo $$ > '{}'; exec sleep 5", pid_file.display());
        program(dir.path(), "slow", &body);
        let ext = Extensions::new(dir.path(), Duration::from_millis(200));
        let started = std::time::Instant::now();
        let got = ext.call("slow", "f", &[]).await;
        assert!(
            started.elapsed() < 3 * SECOND,
            "took {:?}",
            started.elapsed()
        );
        let expected = ExtError::Timeout {
            file: "slow".into(),
            after: Duration::from_millis(200),
        };
        assert_eq!(got, Err(expected));
        // A zombie keeps its /proc entry until reaped.
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let proc_dir = PathBuf::from(format!("/proc/{}", pid.trim()));
        assert!(!proc_dir.exists(), "process {} still there", pid.trim());
    }

    #[tokio::test]
    async fn output_that_is_not_one_answer_is_bad_output() {
        let dir = tempfile::tempdir().unwrap();
        let outputs = [
            "hello",
            "",
            "[1]",
            "{}",
            r#"{"result": 1, "error": "x"}"#,
            r#"{"error": 5}"#,
            r#"{"result": 1, "log": "x"}"#,
            r#"{"result": 1} {"result": 2}"#,
        ];
        for (i, output) in outputs.iter().enumerate() {
            program(
                dir.path(),
                &format!("bad{i}"),
                &format!("printf '%s' '{output}'"),
            );
        }
        let ext = Extensions::new(dir.path(), 10 * SECOND);
        for (i, output) in outputs.iter().enumerate() {
            let file = format!("bad{i}");
            let got = ext.call(&file, "f", &[]).await;
            assert!(
                matches!(&got, Err(ExtError::BadOutput { file: f, .. }) if *f == file),
                "{output:?} gave {got:?}"
            );
        }
    }

    #[tokio::test]
    async fn output_beyond_the_limit_is_refused() {
        let (_dir, ext) = setup("huge", "yes | head -c 2000000");
        let got = ext.with_max_output(1000).call("huge", "f", &[]).await;
        assert_eq!(
            got,
            Err(ExtError::OutputTooLarge {
                file: "huge".into()
            })
        );
    }

    #[tokio::test]
    async fn output_exactly_at_the_limit_is_accepted() {
        let (_dir, ext) = setup("twelve", r#"printf '{"result":1}'"#);
        let at = ext
            .clone()
            .with_max_output(12)
            .call("twelve", "f", &[])
            .await;
        assert_eq!(at, Ok(json!(1)));
        let over = ext.with_max_output(11).call("twelve", "f", &[]).await;
        assert_eq!(
            over,
            Err(ExtError::OutputTooLarge {
                file: "twelve".into()
            })
        );
    }

    #[tokio::test]
    async fn a_chatty_stderr_does_not_block_the_answer() {
        let body = r#"head -c 1000000 /dev/zero | tr '\0' x >&2; printf '{"result": true}'"#;
        let (_dir, ext) = setup("chatty", body);
        assert_eq!(ext.call("chatty", "f", &[]).await, Ok(json!(true)));
    }

    #[tokio::test]
    async fn a_program_may_answer_without_reading_its_request() {
        let (_dir, ext) = setup("deaf", r#"printf '{"result": "ignored"}'"#);
        // Far more than a pipe holds, so the write meets a closed pipe.
        let big = [json!("x".repeat(4 << 20))];
        assert_eq!(ext.call("deaf", "f", &big).await, Ok(json!("ignored")));
    }

    #[tokio::test]
    async fn names_other_than_plain_file_names_are_refused() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("ext");
        std::fs::create_dir(&dir).unwrap();
        // Programs outside the directory that would answer if reached.
        program(root.path(), "x", r#"printf '{"result": 1}'"#);
        std::fs::create_dir(dir.join("a")).unwrap();
        program(&dir.join("a"), "b", r#"printf '{"result": 1}'"#);
        let ext = Extensions::new(&dir, 10 * SECOND);
        let long = "a".repeat(MAX_NAME_BYTES + 1);
        for name in [
            "../x", "a/b", "/bin/sh", "", ".", "..", "a\\b", "x\0", &long,
        ] {
            let got = ext.call(name, "f", &[]).await;
            assert_eq!(got, Err(ExtError::InvalidName(name.into())), "{name:?}");
        }
        let longest = "a".repeat(MAX_NAME_BYTES);
        let got = ext.call(&longest, "f", &[]).await;
        assert_eq!(got, Err(ExtError::NotFound(longest)));
    }

    #[tokio::test]
    async fn a_missing_program_is_not_found() {
        let (_dir, ext) = setup("present", r#"printf '{"result": 1}'"#);
        let got = ext.call("absent", "f", &[]).await;
        assert_eq!(got, Err(ExtError::NotFound("absent".into())));
    }

    #[tokio::test]
    async fn an_empty_directory_does_not_search_path() {
        let ext = Extensions::new("", 10 * SECOND);
        let got = ext.call("sh", "f", &[]).await;
        assert_eq!(got, Err(ExtError::NotFound("sh".into())));
    }

    #[tokio::test]
    async fn a_program_that_cannot_start_is_a_spawn_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing_interpreter = dir.path().join("nointerp");
        std::fs::write(&missing_interpreter, "#!/nonexistent/sh\n").unwrap();
        let perms = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&missing_interpreter, perms).unwrap();
        std::fs::write(dir.path().join("noexec"), "#!/bin/sh\n").unwrap();
        let ext = Extensions::new(dir.path(), 10 * SECOND);
        for file in ["nointerp", "noexec"] {
            let got = ext.call(file, "f", &[]).await;
            assert!(
                matches!(&got, Err(ExtError::Spawn(m)) if m.contains(file)),
                "{file} gave {got:?}"
            );
        }
    }
}
