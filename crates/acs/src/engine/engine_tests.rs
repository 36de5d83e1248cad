use super::*;
use crate::model::{ParameterValueSpec, TaskSpec};
use cwmp::message::*;

fn task(id: i64, spec: TaskSpec) -> Task {
    Task {
        id,
        device: "OUI-SN".into(),
        spec,
        status: TaskStatus::Queued,
        created: 0,
        expiry: None,
        retries: 0,
        not_before: None,
        result: None,
        fault: None,
    }
}

fn inform() -> Inform {
    Inform {
        device_id: DeviceIdStruct {
            manufacturer: "M".into(),
            oui: "OUI".into(),
            product_class: String::new(),
            serial_number: "SN".into(),
        },
        ..Inform::default()
    }
}

#[test]
fn retry_delays_double_and_stop_at_the_limit() {
    let r = TaskRetry::default();
    let minutes: Vec<Option<i64>> = (1..=6).map(|n| r.delay(n).map(|d| d / 60_000)).collect();
    assert_eq!(
        minutes,
        vec![Some(5), Some(10), Some(20), Some(40), Some(80), None]
    );
    let capped = TaskRetry {
        max_delay: 15 * 60_000,
        ..r
    };
    assert_eq!(capped.delay(3), Some(15 * 60_000));
}

#[test]
fn due_rules() {
    let mut t = task(1, TaskSpec::Reboot {});
    assert!(is_due(&t, 100));
    t.expiry = Some(100);
    assert!(!is_due(&t, 100), "expired");
    t.expiry = None;
    t.status = TaskStatus::Fault;
    t.not_before = Some(200);
    assert!(!is_due(&t, 100) && is_due(&t, 200));
    t.not_before = None;
    assert!(!is_due(&t, 10_000), "out of retries");
    t.status = TaskStatus::Done;
    assert!(!is_due(&t, 10_000));
}

#[test]
fn rpcs_a_version_lacks_are_refused() {
    let sd: Message = ScheduleDownload::default().into();
    let fault = version_fault(&sd, CwmpVersion::V1_0).expect("1.2 method under 1.0");
    assert_eq!(fault.code, "not_in_version");
    assert!(version_fault(&sd, CwmpVersion::V1_2).is_none());
    assert!(version_fault(&Reboot::default().into(), CwmpVersion::V1_0).is_none());
}

#[test]
fn invalid_tasks_fault_without_retry_and_others_still_run() {
    let tasks = vec![
        task(
            1,
            TaskSpec::DeleteObject {
                object_name: " ".into(),
            },
        ),
        task(2, TaskSpec::FactoryReset {}),
    ];
    let mut e = SessionEngine::new(None, tasks, EngineContext::new(1_000, "http://fs"));
    assert_eq!(e.next_request(), None, "nothing before the Inform");
    e.on_inform(&inform()).expect("first inform");
    assert_eq!(e.on_inform(&inform()), Err(EngineError::AlreadyInformed));
    let req = e.next_request().expect("the second task runs");
    assert_eq!(req, FactoryReset {}.into());
    e.on_response(&req, &FactoryResetResponse {}.into())
        .expect("outstanding");
    assert_eq!(e.next_request(), None);
    let w = e.finish().expect("informed");
    assert_eq!(w.tasks.len(), 2);
    let bad = &w.tasks[0];
    assert_eq!(bad.status, TaskStatus::Fault);
    assert_eq!(bad.not_before, None, "retrying cannot fix it");
    assert_eq!(
        bad.fault.as_ref().map(|f| f.code.as_str()),
        Some("invalid_task")
    );
    assert_eq!(w.tasks[1].status, TaskStatus::Done);
    assert_eq!(w.device.id, "OUI-SN");
    assert_eq!(w.device.first_seen, 1_000);
}

#[test]
fn answers_to_other_requests_are_refused() {
    let mut e = SessionEngine::new(
        None,
        vec![task(1, TaskSpec::Reboot {})],
        EngineContext::new(0, "http://fs"),
    );
    e.on_inform(&inform()).expect("inform");
    let sent = e.next_request().expect("reboot");
    let other: Message = FactoryReset {}.into();
    assert!(matches!(
        e.on_response(&other, &FactoryResetResponse {}.into()),
        Err(EngineError::NotOutstanding(_))
    ));
    assert_eq!(e.outstanding(), Some(&sent));
}

#[test]
fn a_mismatched_device_is_refused() {
    let record = DeviceRecord {
        id: "OTHER-1".into(),
        ..DeviceRecord::default()
    };
    let mut e = SessionEngine::new(Some(record), vec![], EngineContext::default());
    assert!(matches!(
        e.on_inform(&inform()),
        Err(EngineError::DeviceMismatch { .. })
    ));
    assert_eq!(e.finish().err(), Some(EngineError::NoInform));
}

#[test]
fn spv_types_come_from_the_task_then_the_tree_then_string() {
    let mut record = DeviceRecord {
        id: "OUI-SN".into(),
        ..DeviceRecord::default()
    };
    apply::set_value(
        &mut record.tree,
        "Device.X.N",
        "1",
        Some("xsd:unsignedInt"),
        1,
    );
    let spec = TaskSpec::SetParameterValues {
        parameter_values: vec![
            ParameterValueSpec::Typed("Device.X.A".into(), json!(true), "boolean".into()),
            ParameterValueSpec::Untyped("Device.X.N".into(), json!(7)),
            ParameterValueSpec::Untyped("Device.X.S".into(), json!("x")),
        ],
    };
    let mut e = SessionEngine::new(Some(record), vec![task(9, spec)], EngineContext::default());
    e.on_inform(&inform()).expect("inform");
    let Some(Message::SetParameterValues(spv)) = e.next_request() else {
        panic!("expected SetParameterValues")
    };
    let types: Vec<&str> = spv
        .parameter_list
        .iter()
        .map(|p| p.value.ty.as_ref().map_or("", |t| t.xsi_type()))
        .collect();
    assert_eq!(types, ["xsd:boolean", "xsd:unsignedInt", "xsd:string"]);
    assert_eq!(spv.parameter_list[1].value.text, "7");
    assert_eq!(spv.parameter_key, "9");
}

fn informed(tasks: Vec<Task>) -> SessionEngine {
    let mut e = SessionEngine::new(None, tasks, EngineContext::new(50_000, "http://fs"));
    e.on_inform(&inform()).expect("inform");
    e
}

#[test]
fn an_add_object_cut_short_resumes_on_the_same_instance() {
    let spec = TaskSpec::AddObject {
        object_name: "Device.T".into(),
        parameter_values: vec![ParameterValueSpec::Untyped("Name".into(), json!("x"))],
    };
    let mut e = informed(vec![task(4, spec)]);
    let add = e.next_request().expect("AddObject");
    assert_eq!(
        add,
        AddObject {
            object_name: "Device.T.".into(),
            parameter_key: "4".into()
        }
        .into()
    );
    let answer = AddObjectResponse {
        instance_number: 7,
        status: Status::Applied,
    };
    e.on_response(&add, &answer.into()).expect("outstanding");
    // The session ends before the initial values are set.
    let w = e.finish().expect("informed");
    let saved = w.tasks[0].clone();
    assert_eq!(saved.status, TaskStatus::Queued);
    assert_eq!(
        saved.result.as_ref().map(|r| r["instanceNumber"].clone()),
        Some(json!(7))
    );
    assert!(w.device.tree.contains_key("Device.T.7."));

    let mut e = informed(vec![saved]);
    let Some(Message::SetParameterValues(spv)) = e.next_request() else {
        panic!("resumes with the initial values")
    };
    assert_eq!(spv.parameter_list[0].name, "Device.T.7.Name");
}

#[test]
fn an_unanswered_request_faults_its_task_for_a_retry() {
    let mut e = informed(vec![
        task(5, TaskSpec::Reboot {}),
        task(6, TaskSpec::FactoryReset {}),
    ]);
    let reboot = e.next_request().expect("reboot");
    e.on_no_response(&reboot).expect("outstanding");
    // A caller that forgets to report an answer gets the same treatment.
    let reset = e.next_request().expect("factory reset");
    assert_eq!(reset, FactoryReset {}.into());
    assert_eq!(e.next_request(), None);
    let w = e.finish().expect("informed");
    assert_eq!(w.tasks.len(), 2);
    for t in &w.tasks {
        assert_eq!(t.status, TaskStatus::Fault);
        assert_eq!(
            t.fault.as_ref().map(|f| f.code.as_str()),
            Some("no_response")
        );
        assert_eq!(t.not_before, Some(50_000 + 5 * 60_000));
    }
    assert_eq!(w.new_faults.len(), 2);
}

#[test]
fn a_transfer_complete_nobody_waits_for_is_only_noticed() {
    let mut e = informed(vec![]);
    e.on_cpe_request(
        &TransferComplete {
            command_key: "999".into(),
            ..TransferComplete::default()
        }
        .into(),
    );
    e.on_cpe_request(&Kicked::default().into());
    assert_eq!(
        e.notices(),
        [
            Notice::TransferComplete {
                command_key: "999".into(),
                task: None,
                fault_code: 0
            },
            Notice::CpeRequest {
                method: "Kicked".into()
            }
        ]
    );
    let w = e.finish().expect("informed");
    assert!(w.tasks.is_empty() && w.new_faults.is_empty());
}
