use super::*;

const TS: u64 = 1_120_673_700;

#[test]
fn signature_is_hmac_sha1_over_the_concatenated_values() {
    // Computed independently (Python's hmac module) for the Annex G example values.
    assert_eq!(
        sign(TS, "1234", "CPE57689", "XTGRWIPC6D3IPXS3", "pw"),
        "715d51cae3d872cea6c45c1d8b9d25af830d7360"
    );
}

#[test]
fn request_line_has_the_annex_g_shape() {
    let line = request_line(
        "10.1.1.1:8080",
        TS,
        "1234",
        "CPE57689",
        "XTGRWIPC6D3IPXS3",
        "pw",
    );
    assert_eq!(
        line,
        "GET http://10.1.1.1:8080?ts=1120673700&id=1234&un=CPE57689&cn=XTGRWIPC6D3IPXS3\
         &sig=715d51cae3d872cea6c45c1d8b9d25af830d7360 HTTP/1.1"
    );
}

#[test]
fn round_trip() {
    let msg = message(
        "10.1.1.1:8080",
        TS,
        "1234",
        "CPE57689",
        "XTGRWIPC6D3IPXS3",
        "pw",
    );
    assert!(msg.ends_with("\r\nHost: 10.1.1.1:8080\r\n\r\n"));
    let req = verify(&msg, "pw", TS + 5, 30).unwrap();
    assert_eq!(req.ts, TS);
    assert_eq!(req.id, "1234");
    assert_eq!(req.username, "CPE57689");
    assert_eq!(req.cnonce, "XTGRWIPC6D3IPXS3");
    assert_eq!(req.host, "10.1.1.1:8080");
}

#[test]
fn values_needing_escapes_survive() {
    let msg = message("h:1", TS, "a b", "user@x&y=z", "c%n", "pw");
    assert!(msg.contains("un=user%40x%26y%3Dz"), "{msg}");
    let req = verify(msg.as_bytes(), "pw", TS, 0).unwrap();
    assert_eq!(req.id, "a b");
    assert_eq!(req.username, "user@x&y=z");
    assert_eq!(req.cnonce, "c%n");
}

#[test]
fn upper_case_signatures_and_bare_lines_are_accepted() {
    let sig = sign(TS, "1", "u", "c", "pw").to_uppercase();
    let msg = format!("GET http://h:7547/?ts={TS}&id=1&un=u&cn=c&sig={sig} HTTP/1.1");
    assert_eq!(verify(&msg, "pw", TS, 0).unwrap().host, "h:7547");
}

#[test]
fn wrong_password_or_altered_field_is_refused() {
    let msg = message("h:1", TS, "1", "u", "c", "pw");
    assert_eq!(
        verify(&msg, "other", TS, 30),
        Err(AuthError::BadCredentials)
    );
    let altered = msg.replace("un=u", "un=v");
    assert_eq!(
        verify(&altered, "pw", TS, 30),
        Err(AuthError::BadCredentials)
    );
    let later = msg.replace(&format!("ts={TS}"), &format!("ts={}", TS + 1));
    assert_eq!(verify(&later, "pw", TS, 30), Err(AuthError::BadCredentials));
}

#[test]
fn timestamp_window_both_sides() {
    let msg = message("h:1", TS, "1", "u", "c", "pw");
    assert!(verify(&msg, "pw", TS + 30, 30).is_ok());
    assert!(verify(&msg, "pw", TS - 30, 30).is_ok());
    assert_eq!(verify(&msg, "pw", TS + 31, 30), Err(AuthError::Expired));
    assert_eq!(verify(&msg, "pw", TS - 31, 30), Err(AuthError::Expired));
}

#[test]
fn malformed_datagrams() {
    let sig = sign(TS, "1", "u", "c", "pw");
    for bad in [
        String::new(),
        format!("POST http://h?ts={TS}&id=1&un=u&cn=c&sig={sig} HTTP/1.1"),
        format!("GET http://h?ts={TS}&id=1&un=u&cn=c&sig={sig}"),
        format!("GET http://h?ts=x&id=1&un=u&cn=c&sig={sig} HTTP/1.1"),
        format!("GET http://h?ts={TS}&id=1&id=2&un=u&cn=c&sig={sig} HTTP/1.1"),
        format!("GET http://h?ts={TS}&id=%G1&un=u&cn=c&sig={sig} HTTP/1.1"),
        "GET http://h HTTP/1.1".to_string(),
    ] {
        assert!(
            matches!(verify(&bad, "pw", TS, 30), Err(AuthError::Malformed(_))),
            "{bad:?}"
        );
    }
    let missing = format!("GET http://h?ts={TS}&id=1&cn=c&sig={sig} HTTP/1.1");
    assert_eq!(
        verify(&missing, "pw", TS, 30),
        Err(AuthError::MissingField("un"))
    );
    assert!(matches!(
        verify([0xff, 0xfe], "pw", TS, 30),
        Err(AuthError::Malformed(_))
    ));
}

#[test]
fn replay_guard_accepts_each_id_once() {
    let mut guard = ReplayGuard::new(2);
    let req = |id: &str| parse(message("h:1", TS, id, "u", "c", "pw").as_bytes()).unwrap();
    assert_eq!(guard.check(&req("1")), Ok(()));
    assert_eq!(guard.check(&req("1")), Err(AuthError::Replayed));
    assert_eq!(guard.check(&req("2")), Ok(()));
    assert_eq!(guard.check(&req("3")), Ok(()));
    // "1" fell out of the bounded memory.
    assert_eq!(guard.check(&req("1")), Ok(()));
    assert_eq!(guard.check(&req("3")), Err(AuthError::Replayed));
}
