//! Methods the ACS implements (the CPE calls them) and their responses.

use super::common::*;
use super::du::{AutonOpResultStruct, OpResultStruct};
use crate::codec::field::cwmp_struct;
use crate::datetime::DateTime;

cwmp_struct! {
    pub struct Inform {
        device_id: DeviceIdStruct = "DeviceId",
        event: Vec<EventStruct> = "Event",
        max_envelopes: u32 = "MaxEnvelopes",
        current_time: DateTime = "CurrentTime",
        retry_count: u32 = "RetryCount",
        parameter_list: Vec<ParameterValueStruct> = "ParameterList",
    }
}

impl Inform {
    /// The value of an Inform parameter by full name.
    pub fn parameter(&self, name: &str) -> Option<&str> {
        self.parameter_list
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.value.text.as_str())
    }

    pub fn has_event(&self, code: &crate::event::EventCode) -> bool {
        self.event.iter().any(|e| &e.event_code == code)
    }
}

cwmp_struct! {
    pub struct InformResponse {
        max_envelopes: u32 = "MaxEnvelopes",
    }
}

cwmp_struct! {
    pub struct TransferComplete {
        command_key: String = "CommandKey",
        fault_struct: TransferCompleteFaultStruct = "FaultStruct",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
    }
}
cwmp_struct! {
    pub struct TransferCompleteResponse {}
}

cwmp_struct! {
    pub struct AutonomousTransferComplete {
        announce_url: String = "AnnounceURL",
        transfer_url: String = "TransferURL",
        is_download: bool = "IsDownload",
        file_type: String = "FileType",
        file_size: u32 = "FileSize",
        target_file_name: String = "TargetFileName",
        fault_struct: TransferCompleteFaultStruct = "FaultStruct",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
    }
}
cwmp_struct! {
    pub struct AutonomousTransferCompleteResponse {}
}

cwmp_struct! {
    pub struct RequestDownload {
        file_type: String = "FileType",
        file_type_arg: Vec<ArgStruct> = "FileTypeArg",
    }
}
cwmp_struct! {
    pub struct RequestDownloadResponse {}
}

cwmp_struct! {
    pub struct Kicked {
        command: String = "Command",
        referer: String = "Referer",
        arg: String = "Arg",
        next: String = "Next",
    }
}
cwmp_struct! {
    pub struct KickedResponse {
        next_url: String = "NextURL",
    }
}

cwmp_struct! {
    pub struct DUStateChangeComplete {
        results: Vec<OpResultStruct> = "Results" [repeated],
        command_key: Option<String> = "CommandKey",
    }
}
cwmp_struct! {
    pub struct DUStateChangeCompleteResponse {}
}

cwmp_struct! {
    pub struct AutonomousDUStateChangeComplete {
        results: Vec<AutonOpResultStruct> = "Results" [repeated],
    }
}
cwmp_struct! {
    pub struct AutonomousDUStateChangeCompleteResponse {}
}
