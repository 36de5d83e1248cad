//! Firmware images: the version an image declares, and its own integrity check. Sans-IO: the
//! download feeds the body through [`FirmwareInspector`] chunk by chunk, so an image of any
//! size is checked in constant memory. The rules are documented in the module above
//! ([`crate::transfer`]).

/// The manifest line that declares an image's version.
pub const VERSION_KEY: &str = "CWMP-FIRMWARE-VERSION:";
/// The optional second manifest line: CRC-32 of everything after the manifest.
pub const CRC32_KEY: &str = "CWMP-FIRMWARE-CRC32:";
/// Longest manifest line, line feed included.
pub const MAX_MANIFEST_LINE: usize = 256;
/// Longest version accepted (TR-181 `SoftwareVersion` is a string(64)).
pub const MAX_VERSION_LEN: usize = 64;

/// Why an image failed its own check (reported as fault 9018).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FirmwareError {
    #[error("malformed firmware manifest: {0}")]
    MalformedManifest(&'static str),
    #[error(
        "firmware checksum mismatch: manifest says CRC-32 {expected:08x}, image has {actual:08x}"
    )]
    ChecksumMismatch { expected: u32, actual: u32 },
}

/// What the manifest at the head of an image says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Manifest {
    version: String,
    crc32: Option<u32>,
}

#[derive(Debug)]
enum State {
    /// Collecting the first bytes, until the manifest can be read.
    Head(Vec<u8>),
    /// The head was read: `Ok(None)` no manifest, `Ok(Some)` a manifest, `Err` a broken one.
    Body(Result<Option<Manifest>, FirmwareError>),
}

/// Reads a firmware image as it arrives: `feed` every chunk, then `finish`.
#[derive(Debug)]
pub struct FirmwareInspector {
    state: State,
    crc: Crc32,
}

impl Default for FirmwareInspector {
    fn default() -> Self {
        Self::new()
    }
}

impl FirmwareInspector {
    /// Bytes of head needed to read both manifest lines.
    const HEAD: usize = 2 * MAX_MANIFEST_LINE;

    pub fn new() -> Self {
        FirmwareInspector {
            state: State::Head(Vec::new()),
            crc: Crc32::new(),
        }
    }

    /// The next bytes of the image.
    pub fn feed(&mut self, mut data: &[u8]) {
        if let State::Head(head) = &mut self.state {
            let take = (Self::HEAD - head.len()).min(data.len());
            head.extend_from_slice(&data[..take]);
            data = &data[take..];
            if head.len() < Self::HEAD {
                return;
            }
            self.resolve_head(false);
        }
        self.crc.update(data);
    }

    /// The image ended. `file_name` is the name the image goes by (TargetFileName, or the last
    /// segment of the URL's path); it is consulted only when the image has no manifest.
    pub fn finish(mut self, file_name: &str) -> Result<Option<String>, FirmwareError> {
        if matches!(self.state, State::Head(_)) {
            self.resolve_head(true);
        }
        match self.state {
            State::Head(_) => Ok(None),
            State::Body(Err(e)) => Err(e),
            State::Body(Ok(None)) => Ok(version_from_file_name(file_name)),
            State::Body(Ok(Some(manifest))) => {
                let actual = self.crc.value();
                match manifest.crc32 {
                    Some(expected) if expected != actual => {
                        Err(FirmwareError::ChecksumMismatch { expected, actual })
                    }
                    _ => Ok(Some(manifest.version)),
                }
            }
        }
    }

    fn resolve_head(&mut self, eof: bool) {
        let State::Head(head) = &mut self.state else {
            return;
        };
        let head = std::mem::take(head);
        let parsed = parse_manifest(&head, eof);
        if let Ok((_, body_start)) = &parsed {
            self.crc.update(&head[*body_start..]);
        }
        self.state = State::Body(parsed.map(|(manifest, _)| manifest));
    }
}

/// Reads the manifest from the head of an image: the manifest (if any) and where the body
/// starts. `eof` says the head is the whole image.
fn parse_manifest(head: &[u8], eof: bool) -> Result<(Option<Manifest>, usize), FirmwareError> {
    let Some((line, mut end)) = manifest_line(head, 0, VERSION_KEY, eof)? else {
        return Ok((None, 0));
    };
    let version = line.trim();
    if version.is_empty() {
        return Err(FirmwareError::MalformedManifest("empty version"));
    }
    if !is_valid_version(version) {
        return Err(FirmwareError::MalformedManifest(
            "version longer than 64 characters or containing spaces or control characters",
        ));
    }
    let mut crc32 = None;
    if let Some((line, crc_end)) = manifest_line(head, end, CRC32_KEY, eof)? {
        let hex = line.trim();
        if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(FirmwareError::MalformedManifest(
                "CRC-32 is not 1 to 8 hexadecimal digits",
            ));
        }
        crc32 = u32::from_str_radix(hex, 16).ok();
        end = crc_end;
    }
    let manifest = Manifest {
        version: version.to_owned(),
        crc32,
    };
    Ok((Some(manifest), end))
}

/// The value of the line starting at `start` if it begins with `key` (ASCII case-insensitive),
/// and the offset just after the line. A line ends with LF (a CR before it is dropped) or at
/// the end of the image.
fn manifest_line<'a>(
    head: &'a [u8],
    start: usize,
    key: &str,
    eof: bool,
) -> Result<Option<(&'a str, usize)>, FirmwareError> {
    let rest = head.get(start..).unwrap_or_default();
    let key = key.as_bytes();
    if rest.len() < key.len() || !rest[..key.len()].eq_ignore_ascii_case(key) {
        return Ok(None);
    }
    let window = &rest[..rest.len().min(MAX_MANIFEST_LINE)];
    let (line, next) = match window.iter().position(|&b| b == b'\n') {
        Some(lf) => (&rest[..lf], start + lf + 1),
        None if eof && rest.len() <= MAX_MANIFEST_LINE => (rest, start + rest.len()),
        None => {
            return Err(FirmwareError::MalformedManifest(
                "manifest line longer than 256 bytes",
            ));
        }
    };
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let value = std::str::from_utf8(&line[key.len()..])
        .map_err(|_| FirmwareError::MalformedManifest("manifest line is not UTF-8"))?;
    Ok(Some((value, next)))
}

fn is_valid_version(v: &str) -> bool {
    !v.is_empty()
        && v.chars().count() <= MAX_VERSION_LEN
        && !v.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The version a firmware file name declares, or `None`.
///
/// Trailing extensions made of letters only (`.bin`, `.img`, `.gz`, ...) are removed, then the
/// version is what follows the last `_v`, `-v`, `_V` or `-V` that is followed by a digit;
/// failing that, what follows the last `_` or `-` that is followed by a digit. The version must
/// then be at most 64 characters without spaces.
pub fn version_from_file_name(name: &str) -> Option<String> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut stem = name;
    while let Some(dot) = stem.rfind('.') {
        let ext = &stem[dot + 1..];
        if dot == 0 || ext.is_empty() || !ext.bytes().all(|b| b.is_ascii_alphabetic()) {
            break;
        }
        stem = &stem[..dot];
    }
    let b = stem.as_bytes();
    let is_sep = |i: usize| matches!(b[i], b'_' | b'-');
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let marked = (0..b.len())
        .rev()
        .find(|&i| is_sep(i) && matches!(b.get(i + 1), Some(b'v' | b'V')) && digit_at(i + 2))
        .map(|i| i + 2);
    let start = marked.or_else(|| {
        (0..b.len())
            .rev()
            .find(|&i| is_sep(i) && digit_at(i + 1))
            .map(|i| i + 1)
    })?;
    let version = &stem[start..];
    is_valid_version(version).then(|| version.to_owned())
}

/// CRC-32 (IEEE 802.3, reflected, as zlib, gzip, `crc32(1)` and Python's `zlib.crc32`).
#[derive(Debug, Clone)]
pub struct Crc32(u32);

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

impl Default for Crc32 {
    fn default() -> Self {
        Self::new()
    }
}

impl Crc32 {
    pub fn new() -> Self {
        Crc32(0xFFFF_FFFF)
    }

    pub fn update(&mut self, data: &[u8]) {
        let mut c = self.0;
        for &byte in data {
            c = CRC_TABLE[((c ^ u32::from(byte)) & 0xFF) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    pub fn value(&self) -> u32 {
        !self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crc(data: &[u8]) -> u32 {
        let mut c = Crc32::new();
        c.update(data);
        c.value()
    }

    fn inspect(data: &[u8], chunk: usize, name: &str) -> Result<Option<String>, FirmwareError> {
        let mut i = FirmwareInspector::new();
        for part in data.chunks(chunk.max(1)) {
            i.feed(part);
        }
        i.finish(name)
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc(b""), 0);
    }

    #[test]
    fn manifest_version_is_read_whatever_the_chunking() {
        let image = b"CWMP-FIRMWARE-VERSION: 2.4.1-rc1\r\n\x00\x01binary";
        for chunk in [1, 3, 7, 600] {
            assert_eq!(
                inspect(image, chunk, "ignored_v9.bin").unwrap().as_deref(),
                Some("2.4.1-rc1")
            );
        }
        let lower = b"cwmp-firmware-version:1.0\nrest";
        assert_eq!(inspect(lower, 4, "x").unwrap().as_deref(), Some("1.0"));
        let only_line = b"CWMP-FIRMWARE-VERSION: 3.0";
        assert_eq!(inspect(only_line, 5, "x").unwrap().as_deref(), Some("3.0"));
    }

    #[test]
    fn manifest_checksum_covers_the_body_after_the_manifest() {
        let body = vec![0xA5u8; 5000];
        let good = format!(
            "CWMP-FIRMWARE-VERSION: 5.1\nCWMP-FIRMWARE-CRC32: {:08X}\n",
            crc(&body)
        );
        let mut image = good.into_bytes();
        image.extend_from_slice(&body);
        for chunk in [1, 100, 513, 10_000] {
            assert_eq!(inspect(&image, chunk, "x").unwrap().as_deref(), Some("5.1"));
        }
        let last = image.len() - 1;
        image[last] ^= 1;
        assert!(matches!(
            inspect(&image, 64, "x"),
            Err(FirmwareError::ChecksumMismatch { .. })
        ));
    }

    #[test]
    fn broken_manifests_are_refused() {
        for image in [
            &b"CWMP-FIRMWARE-VERSION:   \nbody"[..],
            b"CWMP-FIRMWARE-VERSION: two words\nbody",
            b"CWMP-FIRMWARE-VERSION: 1.0\nCWMP-FIRMWARE-CRC32: xyz\nbody",
            b"CWMP-FIRMWARE-VERSION: 1.0\nCWMP-FIRMWARE-CRC32: 123456789\nbody",
        ] {
            assert!(
                matches!(
                    inspect(image, 3, "fw_v1.bin"),
                    Err(FirmwareError::MalformedManifest(_))
                ),
                "{:?}",
                String::from_utf8_lossy(image)
            );
        }
        let mut long = b"CWMP-FIRMWARE-VERSION: ".to_vec();
        long.extend(std::iter::repeat_n(b'1', 300));
        long.extend_from_slice(b"\nbody");
        assert!(inspect(&long, 50, "x").is_err());
    }

    #[test]
    fn without_manifest_the_file_name_decides() {
        assert_eq!(
            inspect(b"\x7fELF plain image", 4, "gw_v1.2.bin")
                .unwrap()
                .as_deref(),
            Some("1.2")
        );
        assert_eq!(
            inspect(b"", 4, "gw_v1.2.bin").unwrap().as_deref(),
            Some("1.2")
        );
        assert_eq!(inspect(b"plain", 4, "firmware.bin").unwrap(), None);
        // A version line that is not first is no manifest.
        assert_eq!(
            inspect(b"junk\nCWMP-FIRMWARE-VERSION: 9\n", 4, "a.bin").unwrap(),
            None
        );
    }

    #[test]
    fn file_name_rule() {
        let cases = [
            ("gateway_v2.4.1.bin", Some("2.4.1")),
            ("gateway-V2.4.1.img", Some("2.4.1")),
            ("gateway-fw-2.4.1-rc1.img", Some("2.4.1-rc1")),
            ("/srv/files/HG8245_v3.0.17.img.gz", Some("3.0.17")),
            ("fw_v2-1.bin", Some("2-1")),
            ("model-7_v1.0.bin", Some("1.0")),
            ("router_2024.bin", Some("2024")),
            ("fw_v1.2.3", Some("1.2.3")),
            ("firmware.bin", None),
            ("fw_version.bin", None),
            ("v1.2.bin", None),
            ("", None),
            (".bin", None),
        ];
        for (name, want) in cases {
            assert_eq!(version_from_file_name(name).as_deref(), want, "{name}");
        }
        let long = format!("fw_v{}.bin", "1".repeat(65));
        assert_eq!(version_from_file_name(&long), None);
    }
}
