//! The JSON document `decode` prints and `encode` reads.

use cwmp::{CwmpVersion, Decoded, Envelope, Namespace};
use serde::{Deserialize, Serialize};

/// What `cwmp decode` prints: the dialect of the capture and its envelopes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// `null` when the capture did not tell (an empty body, or no cwmp namespace in it).
    #[serde(rename = "cwmpVersion", default)]
    pub cwmp_version: Option<CwmpVersion>,
    #[serde(default)]
    pub namespace: Option<Namespace>,
    pub envelopes: Vec<Envelope>,
}

impl From<Decoded> for Document {
    fn from(d: Decoded) -> Document {
        Document {
            cwmp_version: d.dialect.map(|d| d.version),
            namespace: d.dialect.map(|d| d.namespace),
            envelopes: d.envelopes,
        }
    }
}

/// Reads either a whole document or a single envelope object `{"Header":..., "Body":...}`.
///
/// The text is parsed twice: once loosely to see which of the two it is, then strictly as
/// that type straight from the text, so that every error carries serde's line and column.
pub fn parse(text: &str) -> Result<Document, serde_json::Error> {
    let loose: serde_json::Value = serde_json::from_str(text)?;
    let is_envelope = loose
        .as_object()
        .is_some_and(|o| !o.contains_key("envelopes") && o.contains_key("Body"));
    if is_envelope {
        let envelope: Envelope = serde_json::from_str(text)?;
        Ok(Document {
            cwmp_version: None,
            namespace: None,
            envelopes: vec![envelope],
        })
    } else {
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_single_envelope_or_a_document() {
        let single = parse(r#"{"Header": {"ID": "7"}, "Body": {"Reboot": {"CommandKey": "k"}}}"#)
            .expect("single envelope");
        assert_eq!(single.cwmp_version, None);
        assert_eq!(single.envelopes.len(), 1);
        assert_eq!(single.envelopes[0].id(), Some("7"));

        let doc = parse(r#"{"cwmpVersion": "1.1", "namespace": null, "envelopes": []}"#)
            .expect("document");
        assert_eq!(doc.cwmp_version, Some(CwmpVersion::V1_1));
        assert!(doc.envelopes.is_empty());
    }

    #[test]
    fn errors_carry_a_position() {
        let err = parse("{\n  \"envelopes\": [\n    {\"Body\": {\"NoSuchMethod\": {}}}\n  ]\n}")
            .expect_err("unknown method");
        assert_eq!(err.line(), 3);
        let err = parse(r#"{"cwmpVersion": "2.0", "envelopes": []}"#).expect_err("bad version");
        assert!(err.to_string().contains("1.4"), "{err}");
    }
}
