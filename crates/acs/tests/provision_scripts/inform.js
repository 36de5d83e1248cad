// The periodic-inform provision most GenieACS installs run on every session (written after
// the shape of GenieACS's default "inform" script): both data-model roots are declared, the
// one the device lacks costs nothing. Values are refreshed once a day per device, at a time
// of day that differs between devices.
const daily = Date.now(86400000);
const interval = args[0] || 300;
for (const root of ["InternetGatewayDevice", "Device"]) {
  declare(root + ".ManagementServer.PeriodicInformEnable", {value: daily}, {value: true});
  declare(root + ".ManagementServer.PeriodicInformInterval", {value: daily}, {value: interval});
}
const serial = declare("DeviceID.SerialNumber", {value: 1}).value[0];
log("inform provision for " + serial);
