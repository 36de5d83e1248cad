//! The device's answers to the ACS's RPCs.

use super::queue::{QueuedDuChange, QueuedTransfer, ScheduledInform, absolute_windows};
use super::{Device, PendingAction};
use cwmp::message::*;
use cwmp::session::CpeHandler;
use cwmp::{DateTime, FaultCode};

/// The most transfers a device queues at once (the schema's TransferList bound).
pub const MAX_QUEUED_TRANSFERS: usize = 16;

/// The CPE methods this device implements, for GetRPCMethods. SetVouchers and GetOptions are
/// optional and declined with 9000, as many real devices do.
pub const SUPPORTED_METHODS: &[&str] = &[
    "GetRPCMethods",
    "SetParameterValues",
    "GetParameterValues",
    "GetParameterNames",
    "SetParameterAttributes",
    "GetParameterAttributes",
    "AddObject",
    "DeleteObject",
    "Reboot",
    "Download",
    "Upload",
    "FactoryReset",
    "GetQueuedTransfers",
    "GetAllQueuedTransfers",
    "ScheduleInform",
    "ScheduleDownload",
    "CancelTransfer",
    "ChangeDUState",
];

fn fault(code: FaultCode, message: impl Into<String>) -> Message {
    Fault::new(code, message).into()
}

fn answer<T: Into<Message>>(result: Result<T, Fault>) -> Message {
    match result {
        Ok(response) => response.into(),
        Err(f) => f.into(),
    }
}

/// The fault for a URL the device cannot fetch, if it cannot.
fn refuse_url(url: &str) -> Option<Message> {
    let lower = url.to_ascii_lowercase();
    let supported = lower.starts_with("http://") || lower.starts_with("https://");
    (!supported).then(|| {
        fault(
            FaultCode::UnsupportedTransferProtocol,
            format!("cannot fetch {url}"),
        )
    })
}

impl Device {
    /// Queues a transfer, or returns the fault when the queue is full.
    fn queue_transfer(&mut self, t: QueuedTransfer) -> Option<Message> {
        if self.transfers.len() >= MAX_QUEUED_TRANSFERS {
            return Some(fault(
                FaultCode::ResourcesExceeded,
                "transfer queue is full",
            ));
        }
        self.transfers.push(t);
        None
    }

    fn download(&mut self, d: &Download) -> Message {
        if let Some(f) = refuse_url(&d.url) {
            return f;
        }
        let known = ["1 ", "2 ", "3 ", "4 ", "5 ", "X "];
        if !known.iter().any(|p| d.file_type.starts_with(p)) {
            return fault(
                FaultCode::InvalidArguments,
                format!("unknown file type {:?}", d.file_type),
            );
        }
        let job = QueuedTransfer::download(d, self.now);
        self.queue_transfer(job).unwrap_or_else(|| {
            DownloadResponse {
                status: Status::Pending,
                start_time: DateTime::UNKNOWN,
                complete_time: DateTime::UNKNOWN,
            }
            .into()
        })
    }

    fn upload(&mut self, u: &Upload) -> Message {
        if let Some(f) = refuse_url(&u.url) {
            return f;
        }
        let kind = u.file_type.get(..2).unwrap_or_default();
        if !matches!(kind, "1 " | "2 " | "3 " | "4 " | "X ") {
            return fault(
                FaultCode::InvalidArguments,
                format!("unknown file type {:?}", u.file_type),
            );
        }
        let job = QueuedTransfer::upload(u, self.now);
        self.queue_transfer(job).unwrap_or_else(|| {
            UploadResponse {
                status: Status::Pending,
                start_time: DateTime::UNKNOWN,
                complete_time: DateTime::UNKNOWN,
            }
            .into()
        })
    }

    fn schedule_download(&mut self, d: &ScheduleDownload) -> Message {
        if let Some(f) = refuse_url(&d.url) {
            return f;
        }
        let windows = match absolute_windows(self.now, &d.time_window_list) {
            Ok(w) => w,
            Err(why) => return fault(FaultCode::InvalidArguments, why),
        };
        let job = QueuedTransfer::scheduled(d, self.now, windows);
        self.queue_transfer(job)
            .unwrap_or_else(|| ScheduleDownloadResponse {}.into())
    }

    fn cancel_transfer(&mut self, key: &str) -> Message {
        match self.transfers.iter().position(|t| t.command_key == key) {
            None => fault(
                FaultCode::InvalidArguments,
                format!("no transfer with key {key:?}"),
            ),
            Some(i) if self.transfers[i].started => fault(
                FaultCode::CancelationNotPermitted,
                "the transfer is in progress",
            ),
            Some(i) => {
                self.transfers.remove(i);
                CancelTransferResponse {}.into()
            }
        }
    }

    fn schedule_inform(&mut self, s: &ScheduleInform) -> Message {
        if s.delay_seconds == 0 {
            return fault(
                FaultCode::InvalidArguments,
                "DelaySeconds must be greater than 0",
            );
        }
        self.scheduled_informs.push(ScheduledInform {
            at: self.now + i64::from(s.delay_seconds),
            command_key: s.command_key.clone(),
        });
        ScheduleInformResponse {}.into()
    }

    fn queued_transfers(&self) -> Message {
        let transfer_list = self
            .transfers
            .iter()
            .map(|t| QueuedTransferStruct {
                command_key: t.command_key.clone(),
                state: t.state(),
            })
            .collect();
        GetQueuedTransfersResponse { transfer_list }.into()
    }

    fn all_queued_transfers(&self) -> Message {
        let transfer_list = self
            .transfers
            .iter()
            .map(|t| AllQueuedTransferStruct {
                command_key: t.command_key.clone(),
                state: t.state(),
                is_download: t.is_download,
                file_type: t.file_type.clone(),
                file_size: t.file_size,
                target_file_name: t.target_file_name.clone(),
            })
            .collect();
        GetAllQueuedTransfersResponse { transfer_list }.into()
    }
}

impl CpeHandler for Device {
    fn handle(&mut self, request: &Message) -> Message {
        match request {
            Message::GetRPCMethods(_) => GetRPCMethodsResponse {
                method_list: SUPPORTED_METHODS.iter().map(|m| m.to_string()).collect(),
            }
            .into(),
            Message::GetParameterNames(r) => answer(
                self.model
                    .get_parameter_names(&r.parameter_path, r.next_level),
            ),
            Message::GetParameterValues(r) => {
                answer(self.model.get_parameter_values(&r.parameter_names))
            }
            Message::SetParameterValues(r) => answer(
                self.model
                    .set_parameter_values(&r.parameter_list, &r.parameter_key),
            ),
            Message::GetParameterAttributes(r) => {
                answer(self.model.get_parameter_attributes(&r.parameter_names))
            }
            Message::SetParameterAttributes(r) => {
                answer(self.model.set_parameter_attributes(&r.parameter_list))
            }
            Message::AddObject(r) => {
                answer(self.model.add_object(&r.object_name, &r.parameter_key))
            }
            Message::DeleteObject(r) => {
                answer(self.model.delete_object(&r.object_name, &r.parameter_key))
            }
            Message::Reboot(r) => {
                self.pending_action = Some(PendingAction::Reboot {
                    command_key: r.command_key.clone(),
                });
                RebootResponse {}.into()
            }
            Message::FactoryReset(_) => {
                self.pending_action = Some(PendingAction::FactoryReset);
                FactoryResetResponse {}.into()
            }
            Message::Download(d) => self.download(d),
            Message::Upload(u) => self.upload(u),
            Message::ScheduleDownload(d) => self.schedule_download(d),
            Message::CancelTransfer(c) => self.cancel_transfer(&c.command_key),
            Message::ScheduleInform(s) => self.schedule_inform(s),
            Message::GetQueuedTransfers(_) => self.queued_transfers(),
            Message::GetAllQueuedTransfers(_) => self.all_queued_transfers(),
            Message::ChangeDUState(c) => {
                self.du_changes.push(QueuedDuChange {
                    command_key: c.command_key.clone(),
                    operations: c.operations.clone(),
                });
                ChangeDUStateResponse {}.into()
            }
            other => fault(
                FaultCode::MethodNotSupported,
                format!("{} is not supported by this device", other.name()),
            ),
        }
    }
}
