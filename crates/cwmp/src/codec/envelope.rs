//! The SOAP envelope: header, body, SOAP fault, and namespace detection.

use super::error::{DecodeError, DecodeErrorKind};
use super::field::{XmlField, XmlStruct, decode_struct};
use super::read::{Dec, El};
use super::write::Writer;
use crate::message::{Fault, Message, SoapFaultCode};
use crate::version::{CwmpVersion, Namespace, parse_version_list};

/// The SOAP header fields CWMP defines. Absent fields are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct Header {
    /// Ties a response to its request.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "ID", skip_serializing_if = "Option::is_none")
    )]
    pub id: Option<String>,
    /// Sent by the ACS: the CPE must not send requests while true.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "HoldRequests", skip_serializing_if = "Option::is_none")
    )]
    pub hold_requests: Option<bool>,
    /// Deprecated (in no schema) but still sent by old CPEs; decoded, never encoded.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "NoMoreRequests", skip_serializing_if = "Option::is_none")
    )]
    pub no_more_requests: Option<bool>,
    /// Seconds of inactivity after which the session may be dropped (CWMP 1.3+).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "SessionTimeout", skip_serializing_if = "Option::is_none")
    )]
    pub session_timeout: Option<u32>,
    /// CWMP 1.4 negotiation: versions the sender supports.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "SupportedCWMPVersions",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub supported_cwmp_versions: Option<Vec<CwmpVersion>>,
    /// CWMP 1.4 negotiation: the version the ACS chose.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "UseCWMPVersion", skip_serializing_if = "Option::is_none")
    )]
    pub use_cwmp_version: Option<CwmpVersion>,
}

impl Header {
    pub fn with_id(id: impl Into<String>) -> Header {
        Header {
            id: Some(id.into()),
            ..Header::default()
        }
    }

    /// The header as it will read back after encoding for `version`: fields the version's
    /// schema does not have are dropped.
    pub fn for_version(&self, version: CwmpVersion) -> Header {
        let mut h = self.clone();
        h.no_more_requests = None;
        if version < CwmpVersion::V1_3 {
            h.session_timeout = None;
        }
        if version < CwmpVersion::V1_4 {
            h.supported_cwmp_versions = None;
            h.use_cwmp_version = None;
        }
        h
    }

    fn is_empty_for(&self, version: CwmpVersion) -> bool {
        self.for_version(version) == Header::default()
    }
}

/// One SOAP envelope.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Envelope {
    #[cfg_attr(feature = "serde", serde(rename = "Header", default))]
    pub header: Header,
    #[cfg_attr(feature = "serde", serde(rename = "Body"))]
    pub body: Message,
}

impl Envelope {
    pub fn new(id: impl Into<String>, body: impl Into<Message>) -> Envelope {
        Envelope {
            header: Header::with_id(id),
            body: body.into(),
        }
    }

    /// An envelope without an ID header.
    pub fn bare(body: impl Into<Message>) -> Envelope {
        Envelope {
            header: Header::default(),
            body: body.into(),
        }
    }

    pub fn id(&self) -> Option<&str> {
        self.header.id.as_deref()
    }
}

const SOAP_ENV: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const SOAP_ENC: &str = "http://schemas.xmlsoap.org/soap/encoding/";
const XSD: &str = "http://www.w3.org/2001/XMLSchema";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

pub(crate) fn encode_envelope(
    env: &Envelope,
    w: &mut Writer,
    ns: Namespace,
) -> Result<(), super::EncodeError> {
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.open_with(
        "soap-env:Envelope",
        &[
            ("xmlns:soap-env", SOAP_ENV),
            ("xmlns:soap-enc", SOAP_ENC),
            ("xmlns:xsd", XSD),
            ("xmlns:xsi", XSI),
            ("xmlns:cwmp", ns.uri()),
        ],
    );
    let version = w.version;
    if !env.header.is_empty_for(version) {
        encode_header(&env.header.for_version(version), w);
    }
    w.open("soap-env:Body");
    env.body.encode_body(w)?;
    w.close("soap-env:Body");
    w.close("soap-env:Envelope");
    Ok(())
}

fn encode_header(h: &Header, w: &mut Writer) {
    w.open("soap-env:Header");
    if let Some(id) = &h.id {
        w.open_with("cwmp:ID", &[("soap-env:mustUnderstand", "1")]);
        w.text(id);
        w.close("cwmp:ID");
    }
    if let Some(hold) = h.hold_requests {
        w.open_with("cwmp:HoldRequests", &[("soap-env:mustUnderstand", "1")]);
        w.raw(if hold { "1" } else { "0" });
        w.close("cwmp:HoldRequests");
    }
    if let Some(timeout) = h.session_timeout {
        w.open_with("cwmp:SessionTimeout", &[("soap-env:mustUnderstand", "0")]);
        w.raw(&timeout.to_string());
        w.close("cwmp:SessionTimeout");
    }
    if let Some(versions) = &h.supported_cwmp_versions {
        let list: Vec<&str> = versions.iter().map(|v| v.as_str()).collect();
        w.open_with(
            "cwmp:SupportedCWMPVersions",
            &[("soap-env:mustUnderstand", "0")],
        );
        w.raw(&list.join(","));
        w.close("cwmp:SupportedCWMPVersions");
    }
    if let Some(version) = h.use_cwmp_version {
        w.open_with("cwmp:UseCWMPVersion", &[("soap-env:mustUnderstand", "1")]);
        w.raw(version.as_str());
        w.close("cwmp:UseCWMPVersion");
    }
    w.close("soap-env:Header");
}

pub(crate) fn encode_fault(f: &Fault, w: &mut Writer) {
    w.open("soap-env:Fault");
    w.leaf("faultcode", f.faultcode.as_str());
    w.leaf("faultstring", &f.faultstring);
    w.open("detail");
    w.open("cwmp:Fault");
    f.detail.encode_children(w);
    w.close("cwmp:Fault");
    w.close("detail");
    w.close("soap-env:Fault");
}

pub(crate) fn decode_fault(r: &mut Dec<'_>, el: &El<'_>) -> Result<Fault, Box<DecodeError>> {
    let mut fault = Fault::default();
    while let Some(child) = r.next_child(el)? {
        match child.local() {
            "faultcode" => fault.faultcode = SoapFaultCode::parse(&r.text(&child)?),
            "faultstring" => fault.faultstring = r.text(&child)?.into_owned(),
            "detail" => {
                while let Some(inner) = r.next_child(&child)? {
                    if inner.local() == "Fault" {
                        fault.detail = decode_struct(r, &inner).map_err(|e| e.within("Fault"))?;
                    } else {
                        r.skip(&inner)?;
                    }
                }
            }
            _ => r.skip(&child)?,
        }
    }
    Ok(fault)
}

/// The cwmp namespace declarations in scope, innermost last.
#[derive(Default)]
pub(crate) struct Scope {
    decls: Vec<(String, Namespace)>,
}

impl Scope {
    pub(crate) fn add(&mut self, el: &El<'_>) {
        el.cwmp_namespace_decls(&mut self.decls);
    }

    /// The cwmp namespace of an element's prefix, or failing that any cwmp namespace in scope.
    pub(crate) fn cwmp_namespace(&self, el: &El<'_>) -> Option<Namespace> {
        let prefix = el.prefix().unwrap_or("");
        self.decls
            .iter()
            .rev()
            .find(|(p, _)| p == prefix)
            .or_else(|| self.decls.last())
            .map(|(_, ns)| *ns)
    }
}

fn decode_header(
    r: &mut Dec<'_>,
    el: &El<'_>,
    scope: &mut Scope,
) -> Result<(Header, Option<Namespace>), Box<DecodeError>> {
    let mut h = Header::default();
    let mut ns = None;
    while let Some(child) = r.next_child(el)? {
        let name = child.local().to_string();
        let within = |e: Box<DecodeError>| e.within(&name);
        match name.as_str() {
            "ID" => {
                scope.add(&child);
                ns = ns.or_else(|| scope.cwmp_namespace(&child));
                h.id = Some(r.text(&child).map_err(within)?.trim().to_string());
            }
            "HoldRequests" => {
                h.hold_requests = Some(bool::decode_field(r, &child).map_err(within)?)
            }
            "NoMoreRequests" => {
                h.no_more_requests = Some(bool::decode_field(r, &child).map_err(within)?)
            }
            "SessionTimeout" => {
                h.session_timeout = Some(u32::decode_field(r, &child).map_err(within)?)
            }
            "SupportedCWMPVersions" => {
                h.supported_cwmp_versions =
                    Some(parse_version_list(&r.text(&child).map_err(within)?))
            }
            "UseCWMPVersion" => {
                h.use_cwmp_version = r.text(&child).map_err(within)?.parse().ok();
            }
            _ => r.skip(&child)?,
        }
    }
    Ok((h, ns))
}

/// Decodes one `Envelope` element. Returns `None` for an envelope whose Body is empty, which
/// some CPEs send instead of an empty POST.
pub(crate) fn decode_envelope(
    r: &mut Dec<'_>,
    el: &El<'_>,
) -> Result<(Option<Envelope>, Option<Namespace>), Box<DecodeError>> {
    let mut scope = Scope::default();
    scope.add(el);
    let mut header = Header::default();
    let mut namespace = None;
    let mut body = None;
    let mut saw_body = false;
    while let Some(child) = r.next_child(el)? {
        match child.local() {
            "Header" => {
                scope.add(&child);
                let (h, ns) =
                    decode_header(r, &child, &mut scope).map_err(|e| e.within("Header"))?;
                header = h;
                namespace = namespace.or(ns);
            }
            "Body" => {
                saw_body = true;
                scope.add(&child);
                while let Some(method) = r.next_child(&child)? {
                    if body.is_some() {
                        // A second message in one Body is not CWMP; the first one counts.
                        r.skip(&method)?;
                        continue;
                    }
                    scope.add(&method);
                    if method.local() != "Fault" {
                        namespace = scope.cwmp_namespace(&method).or(namespace);
                    }
                    let name = method.local().to_string();
                    body = Some(
                        Message::decode_body(r, &method)
                            .map_err(|e| e.within(&name).within("Body"))?,
                    );
                }
            }
            _ => r.skip(&child)?,
        }
    }
    if !saw_body {
        return Err(r.error(DecodeErrorKind::MissingBody));
    }
    let namespace = namespace.or_else(|| scope.cwmp_namespace(el));
    Ok((body.map(|body| Envelope { header, body }), namespace))
}
