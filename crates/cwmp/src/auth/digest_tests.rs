use super::*;
use crate::auth::DigestServer;

/// RFC 2617 section 3.5.
const MUFASA_2617: &str = r#"Digest
                 realm="testrealm@host.com",
                 qop="auth,auth-int",
                 nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
                 opaque="5ccc069c403ebaf9f0171e9517f40e41""#;

/// RFC 7616 section 3.9.1, the two challenges of one response.
const MUFASA_7616: &str = r#"Digest
       realm="http-auth@example.org",
       qop="auth, auth-int",
       algorithm=SHA-256,
       nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
       opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
     Digest
       realm="http-auth@example.org",
       qop="auth, auth-int",
       algorithm=MD5,
       nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
       opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;

const CNONCE_7616: &str = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

fn field<'a>(header: &'a str, name: &str) -> &'a str {
    let start = header
        .find(&format!("{name}="))
        .unwrap_or_else(|| panic!("{name} missing in {header}"))
        + name.len()
        + 1;
    let rest = &header[start..];
    match rest.strip_prefix('"') {
        Some(q) => &q[..q.find('"').unwrap()],
        None => rest.split([',', ' ']).next().unwrap(),
    }
}

#[test]
fn rfc2617_mufasa() {
    let challenge = DigestChallenge::parse(MUFASA_2617).unwrap();
    assert_eq!(challenge.realm, "testrealm@host.com");
    assert_eq!(challenge.qop, vec![Qop::Auth, Qop::AuthInt]);
    assert_eq!(challenge.algorithm, DigestAlgorithm::Md5);
    let mut client = DigestClient::new(challenge, "Mufasa", "Circle Of Life");
    let header = client.authorization("GET", "/dir/index.html", "0a4f113b");
    assert_eq!(
        field(&header, "response"),
        "6629fae49393a05397450978507c4ef1"
    );
    assert_eq!(field(&header, "nc"), "00000001");
    assert_eq!(field(&header, "qop"), "auth");
    assert_eq!(field(&header, "opaque"), "5ccc069c403ebaf9f0171e9517f40e41");
    assert_eq!(field(&header, "uri"), "/dir/index.html");
}

#[test]
fn rfc7616_sha256_is_picked_first() {
    let challenge = DigestChallenge::parse(MUFASA_7616).unwrap();
    assert_eq!(challenge.algorithm, DigestAlgorithm::Sha256);
    let mut client = DigestClient::new(challenge, "Mufasa", "Circle of Life");
    let header = client.authorization("GET", "/dir/index.html", CNONCE_7616);
    assert_eq!(
        field(&header, "response"),
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
    );
    assert_eq!(field(&header, "algorithm"), "SHA-256");
}

#[test]
fn rfc7616_md5() {
    let sha_only = MUFASA_7616.replacen("algorithm=SHA-256", "algorithm=SHA-999", 1);
    // An unsupported algorithm in the first challenge falls through to the next.
    let challenge = DigestChallenge::parse(&sha_only).unwrap();
    assert_eq!(challenge.algorithm, DigestAlgorithm::Md5);
    let mut client = DigestClient::new(challenge, "Mufasa", "Circle of Life");
    let header = client.authorization("GET", "/dir/index.html", CNONCE_7616);
    assert_eq!(
        field(&header, "response"),
        "8ca523f5e9506fed4657c9700eebdbec"
    );
}

#[test]
fn rfc_authorization_reads_back() {
    let header = r#"Digest username="Mufasa", realm="testrealm@host.com",
        nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth,
        nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1",
        opaque="5ccc069c403ebaf9f0171e9517f40e41""#;
    let creds = DigestCredentials::parse(header).unwrap();
    assert_eq!(creds.username, "Mufasa");
    assert_eq!(creds.qop, Some(Qop::Auth));
    assert_eq!(
        creds.expected_response("GET", "Circle Of Life").unwrap(),
        creds.response
    );
    assert_ne!(
        creds.expected_response("GET", "circle of life").unwrap(),
        creds.response
    );
}

#[test]
fn challenge_parsing_is_tolerant() {
    let c = DigestChallenge::parse(
        r#"Basic realm="b", digest REALM=acs,nonce=abc123 ,  QOP="AUTH" , stale=TRUE, algorithm=md5-SESS"#,
    )
    .unwrap();
    assert_eq!(c.realm, "acs");
    assert_eq!(c.nonce, "abc123");
    assert_eq!(c.qop, vec![Qop::Auth]);
    assert!(c.stale);
    assert_eq!(c.algorithm, DigestAlgorithm::Md5Sess);
    assert_eq!(c.opaque, None);
}

#[test]
fn challenge_errors() {
    assert_eq!(
        DigestChallenge::parse(r#"Basic realm="x""#),
        Err(AuthError::WrongScheme("Digest"))
    );
    assert_eq!(
        DigestChallenge::parse(r#"Digest realm="x""#),
        Err(AuthError::MissingField("nonce"))
    );
    assert_eq!(
        DigestChallenge::parse(r#"Digest realm="x", nonce="n", algorithm=SHA-1"#),
        Err(AuthError::UnsupportedAlgorithm("SHA-1".into()))
    );
    assert!(matches!(
        DigestChallenge::parse(r#"Digest realm="x", nonce="n", qop="bogus""#),
        Err(AuthError::UnsupportedQop(_))
    ));
}

#[test]
fn challenge_header_round_trips() {
    let c = DigestChallenge {
        realm: "r \"q\"".into(),
        nonce: "n".into(),
        opaque: Some("o".into()),
        algorithm: DigestAlgorithm::Sha512_256Sess,
        qop: vec![Qop::Auth],
        stale: true,
    };
    assert_eq!(DigestChallenge::parse(&c.to_header()).unwrap(), c);
}

#[test]
fn nc_increments_and_restarts_with_a_new_nonce() {
    let c = DigestChallenge::parse(MUFASA_2617).unwrap();
    let mut client = DigestClient::new(c.clone(), "u", "p");
    let first = client.authorization("POST", "/acs", "c1");
    let second = client.authorization("POST", "/acs", "c2");
    assert_eq!(field(&first, "nc"), "00000001");
    assert_eq!(field(&second, "nc"), "00000002");
    assert_ne!(field(&first, "response"), field(&second, "response"));
    client.update_challenge(c.clone());
    assert_eq!(client.nc(), 2, "same nonce keeps counting");
    client.update_challenge(DigestChallenge {
        nonce: "other".into(),
        ..c
    });
    assert_eq!(client.nc(), 0);
    let third = client.authorization("POST", "/acs", "c3");
    assert_eq!(field(&third, "nc"), "00000001");
}

#[test]
fn legacy_challenge_without_qop() {
    let c = DigestChallenge::parse(r#"Digest realm="r", nonce="n""#).unwrap();
    let mut client = DigestClient::new(c, "user", "pw");
    let header = client.authorization("GET", "/", "ignored");
    assert!(!header.contains("qop="), "{header}");
    assert!(!header.contains("nc="), "{header}");
    // RFC 2069: H(H(A1):nonce:H(A2)).
    let ha1 = DigestAlgorithm::Md5.hash("user:r:pw");
    let ha2 = DigestAlgorithm::Md5.hash("GET:/");
    let expected = DigestAlgorithm::Md5.hash(&format!("{ha1}:n:{ha2}"));
    assert_eq!(field(&header, "response"), expected);
    assert_eq!(client.nc(), 0);
}

#[test]
fn client_debug_hides_the_password() {
    let c = DigestChallenge::parse(MUFASA_2617).unwrap();
    let shown = format!("{:?}", DigestClient::new(c, "Mufasa", "Circle Of Life"));
    assert!(!shown.contains("Circle"), "{shown}");
    assert!(shown.contains("Mufasa"));
    let server = format!("{:?}", DigestServer::new("r", "top-secret-key"));
    assert!(!server.contains("top-secret"), "{server}");
}

const NOW: u64 = 1_700_000_000;

fn password(user: &str) -> Option<String> {
    (user == "cpe").then(|| "s3cret".to_string())
}

fn answer(server: &DigestServer, now: u64, user: &str, pass: &str) -> String {
    let challenge = DigestChallenge::parse(&server.challenge(now, false)).unwrap();
    DigestClient::new(challenge, user, pass).authorization("POST", "/acs", "cn0nce")
}

#[test]
fn server_round_trip() {
    for algorithm in DigestAlgorithm::ALL {
        let server = DigestServer::new("cwmp", b"key").with_algorithm(algorithm);
        let auth = answer(&server, NOW, "cpe", "s3cret");
        assert_eq!(
            server.verify(&auth, "POST", NOW + 10, password),
            Ok("cpe".into())
        );
        assert_eq!(
            server.verify_request(&auth, "POST", "http://acs:7547/acs", NOW, password),
            Ok("cpe".into())
        );
    }
}

#[test]
fn server_refuses_wrong_password_and_unknown_user_alike() {
    let server = DigestServer::new("cwmp", b"key");
    let wrong = answer(&server, NOW, "cpe", "guess");
    assert_eq!(
        server.verify(&wrong, "POST", NOW, password),
        Err(AuthError::BadCredentials)
    );
    let unknown = answer(&server, NOW, "nobody", "s3cret");
    assert_eq!(
        server.verify(&unknown, "POST", NOW, password),
        Err(AuthError::BadCredentials)
    );
    let right = answer(&server, NOW, "cpe", "s3cret");
    assert_eq!(
        server.verify(&right, "GET", NOW, password),
        Err(AuthError::BadCredentials),
        "the method is part of the hash"
    );
}

#[test]
fn server_refuses_tampered_or_foreign_nonces() {
    let server = DigestServer::new("cwmp", b"key");
    let challenge = DigestChallenge::parse(&server.challenge(NOW, false)).unwrap();
    // Move the issue time forward to dodge expiry: the MAC no longer matches.
    let (time, rest) = challenge.nonce.split_once('-').unwrap();
    let later = u64::from_str_radix(time, 16).unwrap() + 1000;
    let forged = DigestChallenge {
        nonce: format!("{later:x}-{rest}"),
        ..challenge.clone()
    };
    let auth = DigestClient::new(forged, "cpe", "s3cret").authorization("POST", "/acs", "c");
    assert_eq!(
        server.verify(&auth, "POST", NOW, password),
        Err(AuthError::BadNonce)
    );
    // A nonce from a server with another key.
    let other = DigestServer::new("cwmp", b"other key");
    let auth = answer(&other, NOW, "cpe", "s3cret");
    assert_eq!(
        server.verify(&auth, "POST", NOW, password),
        Err(AuthError::BadNonce)
    );
    // Garbage.
    let junk = DigestChallenge {
        nonce: "junk".into(),
        ..challenge
    };
    let auth = DigestClient::new(junk, "cpe", "s3cret").authorization("POST", "/acs", "c");
    assert_eq!(
        server.verify(&auth, "POST", NOW, password),
        Err(AuthError::BadNonce)
    );
}

#[test]
fn server_reports_stale_nonces() {
    let server = DigestServer::new("cwmp", b"key").with_nonce_lifetime(60);
    let auth = answer(&server, NOW, "cpe", "s3cret");
    assert_eq!(
        server.verify(&auth, "POST", NOW + 60, password),
        Ok("cpe".into())
    );
    assert_eq!(
        server.verify(&auth, "POST", NOW + 61, password),
        Err(AuthError::Stale)
    );
    // Stale only with the right password: a wrong one is still a wrong one.
    let wrong = answer(&server, NOW, "cpe", "guess");
    assert_eq!(
        server.verify(&wrong, "POST", NOW + 61, password),
        Err(AuthError::BadCredentials)
    );
    let again = server.challenge(NOW + 61, true);
    assert!(DigestChallenge::parse(&again).unwrap().stale);
}

#[test]
fn server_checks_realm_uri_qop_and_algorithm() {
    let server = DigestServer::new("cwmp", b"key");
    let auth = answer(&server, NOW, "cpe", "s3cret");
    assert_eq!(
        server.verify_request(&auth, "POST", "/other", NOW, password),
        Err(AuthError::UriMismatch)
    );
    let other_realm = DigestServer::new("elsewhere", b"key");
    assert_eq!(
        other_realm.verify(&auth, "POST", NOW, password),
        Err(AuthError::RealmMismatch)
    );
    let sha = DigestServer::new("cwmp", b"key").with_algorithm(DigestAlgorithm::Sha256);
    assert!(matches!(
        sha.verify(&auth, "POST", NOW, password),
        Err(AuthError::UnsupportedAlgorithm(_))
    ));
    // Legacy answers (no qop) only when allowed.
    let mut c = DigestChallenge::parse(&server.challenge(NOW, false)).unwrap();
    c.qop.clear();
    let legacy = DigestClient::new(c, "cpe", "s3cret").authorization("POST", "/acs", "x");
    assert_eq!(
        server.verify(&legacy, "POST", NOW, password),
        Err(AuthError::MissingField("qop"))
    );
    let lenient = DigestServer::new("cwmp", b"key").with_legacy_clients(true);
    assert_eq!(
        lenient.verify(&legacy, "POST", NOW, password),
        Ok("cpe".into())
    );
    assert_eq!(
        server.verify(r#"Basic dTpw"#, "POST", NOW, password),
        Err(AuthError::WrongScheme("Digest"))
    );
}

#[test]
fn nonces_are_unique() {
    let server = DigestServer::new("cwmp", b"key");
    let a = DigestChallenge::parse(&server.challenge(NOW, false)).unwrap();
    let b = DigestChallenge::parse(&server.challenge(NOW, false)).unwrap();
    assert_ne!(a.nonce, b.nonce);
    assert_eq!(a.opaque, b.opaque);
}
