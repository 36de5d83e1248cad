//! Methods the CPE implements (the ACS calls them) and their responses.

use super::common::*;
use crate::codec::field::cwmp_struct;
use crate::datetime::DateTime;

cwmp_struct! {
    /// Also sent by a CPE to the ACS: the one method both sides implement.
    pub struct GetRPCMethods {}
}
cwmp_struct! {
    pub struct GetRPCMethodsResponse {
        method_list: Vec<String> = "MethodList",
    }
}

cwmp_struct! {
    pub struct SetParameterValues {
        parameter_list: Vec<ParameterValueStruct> = "ParameterList",
        parameter_key: String = "ParameterKey",
    }
}
cwmp_struct! {
    pub struct SetParameterValuesResponse {
        status: Status = "Status",
    }
}

cwmp_struct! {
    pub struct GetParameterValues {
        /// Full names, or partial paths ending in `.` for a subtree.
        parameter_names: Vec<String> = "ParameterNames",
    }
}
cwmp_struct! {
    pub struct GetParameterValuesResponse {
        parameter_list: Vec<ParameterValueStruct> = "ParameterList",
    }
}

cwmp_struct! {
    pub struct GetParameterNames {
        parameter_path: String = "ParameterPath",
        next_level: bool = "NextLevel",
    }
}
cwmp_struct! {
    pub struct GetParameterNamesResponse {
        parameter_list: Vec<ParameterInfoStruct> = "ParameterList",
    }
}

cwmp_struct! {
    pub struct SetParameterAttributes {
        parameter_list: Vec<SetParameterAttributesStruct> = "ParameterList",
    }
}
cwmp_struct! {
    pub struct SetParameterAttributesResponse {}
}

cwmp_struct! {
    pub struct GetParameterAttributes {
        parameter_names: Vec<String> = "ParameterNames",
    }
}
cwmp_struct! {
    pub struct GetParameterAttributesResponse {
        parameter_list: Vec<ParameterAttributeStruct> = "ParameterList",
    }
}

cwmp_struct! {
    pub struct AddObject {
        /// Ends with `.`.
        object_name: String = "ObjectName",
        parameter_key: String = "ParameterKey",
    }
}
cwmp_struct! {
    pub struct AddObjectResponse {
        instance_number: u32 = "InstanceNumber",
        status: Status = "Status",
    }
}

cwmp_struct! {
    pub struct DeleteObject {
        object_name: String = "ObjectName",
        parameter_key: String = "ParameterKey",
    }
}
cwmp_struct! {
    pub struct DeleteObjectResponse {
        status: Status = "Status",
    }
}

cwmp_struct! {
    pub struct Reboot {
        command_key: String = "CommandKey",
    }
}
cwmp_struct! {
    pub struct RebootResponse {}
}

cwmp_struct! {
    pub struct Download {
        command_key: String = "CommandKey",
        /// `1 Firmware Upgrade Image`, `2 Web Content`, `3 Vendor Configuration File`, ...
        file_type: String = "FileType",
        url: String = "URL",
        username: String = "Username",
        password: String = "Password" [secret],
        file_size: u32 = "FileSize",
        target_file_name: String = "TargetFileName",
        delay_seconds: u32 = "DelaySeconds",
        success_url: String = "SuccessURL",
        failure_url: String = "FailureURL",
    }
}
cwmp_struct! {
    pub struct DownloadResponse {
        status: Status = "Status",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
    }
}

cwmp_struct! {
    pub struct Upload {
        command_key: String = "CommandKey",
        /// `1 Vendor Configuration File`, `2 Vendor Log File`, ...
        file_type: String = "FileType",
        url: String = "URL",
        username: String = "Username",
        password: String = "Password" [secret],
        delay_seconds: u32 = "DelaySeconds",
    }
}
cwmp_struct! {
    pub struct UploadResponse {
        status: Status = "Status",
        start_time: DateTime = "StartTime",
        complete_time: DateTime = "CompleteTime",
    }
}

cwmp_struct! {
    pub struct FactoryReset {}
}
cwmp_struct! {
    pub struct FactoryResetResponse {}
}

cwmp_struct! {
    pub struct GetQueuedTransfers {}
}
cwmp_struct! {
    pub struct GetQueuedTransfersResponse {
        transfer_list: Vec<QueuedTransferStruct> = "TransferList",
    }
}

cwmp_struct! {
    pub struct GetAllQueuedTransfers {}
}
cwmp_struct! {
    pub struct GetAllQueuedTransfersResponse {
        transfer_list: Vec<AllQueuedTransferStruct> = "TransferList",
    }
}

cwmp_struct! {
    pub struct ScheduleInform {
        delay_seconds: u32 = "DelaySeconds",
        command_key: String = "CommandKey",
    }
}
cwmp_struct! {
    pub struct ScheduleInformResponse {}
}

cwmp_struct! {
    pub struct SetVouchers {
        voucher_list: Vec<Voucher> = "VoucherList",
    }
}
cwmp_struct! {
    pub struct SetVouchersResponse {}
}

cwmp_struct! {
    pub struct GetOptions {
        /// An option name, or empty for all options.
        option_name: String = "OptionName",
    }
}
cwmp_struct! {
    pub struct GetOptionsResponse {
        option_list: Vec<OptionStruct> = "OptionList",
    }
}

cwmp_struct! {
    pub struct ScheduleDownload {
        command_key: String = "CommandKey",
        file_type: String = "FileType",
        url: String = "URL",
        username: String = "Username",
        password: String = "Password" [secret],
        file_size: u32 = "FileSize",
        target_file_name: String = "TargetFileName",
        /// One or two windows.
        time_window_list: Vec<TimeWindowStruct> = "TimeWindowList",
    }
}
cwmp_struct! {
    pub struct ScheduleDownloadResponse {}
}

cwmp_struct! {
    pub struct CancelTransfer {
        command_key: String = "CommandKey",
    }
}
cwmp_struct! {
    pub struct CancelTransferResponse {}
}

cwmp_struct! {
    pub struct ChangeDUState {
        operations: Vec<super::du::Operation> = "Operations" [repeated],
        command_key: Option<String> = "CommandKey",
    }
}
cwmp_struct! {
    pub struct ChangeDUStateResponse {}
}
