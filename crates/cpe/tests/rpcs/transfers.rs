//! Transfers, their queues, ScheduleInform and ChangeDUState, and their completions.

use super::*;
use cwmp::message::*;
use scripted_acs::files::FileServer;

pub fn firmware() -> Vec<u8> {
    let mut image = format!("CWMP-FIRMWARE-VERSION: {FIRMWARE_VERSION}\n").into_bytes();
    image.extend((0..4096u32).map(|i| (i % 251) as u8));
    image
}

pub fn transfer_rpcs(files: &FileServer, size: u32) -> Vec<Message> {
    let download = |key: &str, path: &str, file_type: &str, size: u32| -> Message {
        Download {
            command_key: key.into(),
            file_type: file_type.into(),
            url: files.url(path),
            file_size: size,
            delay_seconds: 1,
            ..Default::default()
        }
        .into()
    };
    vec![
        download("fw-1", "/fw.img", "1 Firmware Upgrade Image", size),
        download(
            "dl-missing",
            "/missing.cfg",
            "3 Vendor Configuration File",
            0,
        ),
        Upload {
            command_key: "up-1".into(),
            file_type: "3 Vendor Configuration File".into(),
            url: files.url("/upload/config"),
            delay_seconds: 1,
            ..Default::default()
        }
        .into(),
        ScheduleDownload {
            command_key: "sd-1".into(),
            file_type: "1 Firmware Upgrade Image".into(),
            url: files.url("/later.img"),
            time_window_list: vec![TimeWindowStruct {
                window_start: 3600,
                window_end: 7200,
                window_mode: "1 At Any Time".into(),
                user_message: String::new(),
                max_retries: -1,
            }],
            ..Default::default()
        }
        .into(),
        GetQueuedTransfers {}.into(),
        GetAllQueuedTransfers {}.into(),
        CancelTransfer {
            command_key: "sd-1".into(),
        }
        .into(),
        CancelTransfer {
            command_key: "no-such-key".into(),
        }
        .into(),
        GetQueuedTransfers {}.into(),
        ScheduleInform {
            delay_seconds: 1,
            command_key: "si-1".into(),
        }
        .into(),
        ChangeDUState {
            operations: vec![Operation::Install(InstallOpStruct {
                url: files.url("/app.ipk"),
                uuid: Some(DU_UUID.into()),
                execution_env_ref: Some("Device.SoftwareModules.ExecEnv.1".into()),
                ..Default::default()
            })],
            command_key: Some("du-1".into()),
        }
        .into(),
    ]
}

pub fn queued_keys(m: &Message) -> Vec<String> {
    match m {
        Message::GetQueuedTransfersResponse(r) => {
            assert!(
                r.transfer_list
                    .iter()
                    .all(|t| t.state == TransferState::NotYetStarted)
            );
            r.transfer_list
                .iter()
                .map(|t| t.command_key.clone())
                .collect()
        }
        other => panic!("not a GetQueuedTransfersResponse: {other:?}"),
    }
}

pub fn check_transfer_rpcs(s: &SessionRecord) {
    let x = &s.exchanges;
    for e in &x[..3] {
        assert!(
            matches!(e.response(), Message::DownloadResponse(r) if r.status == Status::Pending)
                || matches!(e.response(), Message::UploadResponse(r) if r.status == Status::Pending),
            "{:?}",
            e.response()
        );
    }
    assert!(matches!(
        x[3].response(),
        Message::ScheduleDownloadResponse(_)
    ));
    assert_eq!(
        queued_keys(x[4].response()),
        ["fw-1", "dl-missing", "up-1", "sd-1"]
    );
    let Message::GetAllQueuedTransfersResponse(all) = x[5].response() else {
        panic!("{:?}", x[5].response());
    };
    let summary: Vec<(&str, bool, &str)> = all
        .transfer_list
        .iter()
        .map(|t| (t.command_key.as_str(), t.is_download, t.file_type.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("fw-1", true, "1 Firmware Upgrade Image"),
            ("dl-missing", true, "3 Vendor Configuration File"),
            ("up-1", false, "3 Vendor Configuration File"),
            ("sd-1", true, "1 Firmware Upgrade Image"),
        ]
    );
    assert!(matches!(
        x[6].response(),
        Message::CancelTransferResponse(_)
    ));
    assert_eq!(x[7].fault_code(), 9003, "unknown CommandKey");
    assert_eq!(queued_keys(x[8].response()), ["fw-1", "dl-missing", "up-1"]);
    assert!(matches!(
        x[9].response(),
        Message::ScheduleInformResponse(_)
    ));
    assert!(matches!(
        x[10].response(),
        Message::ChangeDUStateResponse(_)
    ));
}

pub fn transfer_complete<'a>(s: &'a SessionRecord, key: &str) -> Option<&'a TransferComplete> {
    s.cpe_requests.iter().find_map(|m| match m {
        Message::TransferComplete(tc) if tc.command_key == key => Some(tc),
        _ => None,
    })
}

/// Waits for the session that delivers the TransferComplete of `key` and checks its events.
pub async fn completed_transfer(
    acs: &ScriptedAcs,
    key: &str,
    method: &str,
    code: u32,
) -> SessionRecord {
    let s = acs
        .wait_session(&format!("TransferComplete {key}"), LIMIT, 0, |s| {
            transfer_complete(s, key).is_some()
        })
        .await;
    let tc = transfer_complete(&s, key).expect("found");
    assert_eq!(
        tc.fault_struct.fault_code, code,
        "{key}: {:?}",
        tc.fault_struct
    );
    assert!(
        (tc.complete_time.to_unix(), tc.complete_time.nanosecond)
            >= (tc.start_time.to_unix(), tc.start_time.nanosecond)
    );
    assert!(
        s.has_event("7 TRANSFER COMPLETE"),
        "{key}: {:?}",
        s.events()
    );
    assert!(
        s.has_event_with_key(method, key),
        "{key}: {:?}",
        s.inform.event
    );
    s
}
