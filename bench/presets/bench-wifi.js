// The first SSID named after the serial number, found by wildcard.
const serial = declare("DeviceID.SerialNumber", {value: 1}).value[0];
const ssids = declare("Device.WiFi.SSID.*.SSID", {value: Date.now(86400000)});
let first = true;
for (const ssid of ssids) {
  if (!first) break;
  const instance = ssid.path.slice(0, -".SSID".length);
  declare(instance + ".SSID", null, {value: "Bench-" + serial.slice(-6)});
  declare(instance + ".Enable", {value: 1}, {value: true});
  first = false;
}
