-- Credentials set per device by the operator. No foreign key to devices: they are usually
-- set before the device's first Inform, and they outlive a deletion of its record (the
-- device authenticates with them when it comes back).
CREATE TABLE device_credentials (
    device_id TEXT PRIMARY KEY,
    cpe_username TEXT,
    cpe_password TEXT,
    cr_username TEXT,
    cr_password TEXT
) WITHOUT ROWID;
