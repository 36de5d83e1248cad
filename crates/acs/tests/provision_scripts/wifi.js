// Radio settings from the operator's plan: the first SSID named after the serial number,
// guest SSIDs disabled. Instances are found by alias filter and wildcard.
const serial = declare("DeviceID.SerialNumber", {value: 1}).value[0];
const prefix = args[0] || "Operator";
const root = declare("Device.WiFi.SSID.*", {path: Date.now(3600000)}).size > 0
  ? "Device.WiFi.SSID"
  : "InternetGatewayDevice.LANDevice.1.WLANConfiguration";
const ssids = declare(root + ".*.SSID", {value: Date.now(3600000)});
let first = true;
for (const ssid of ssids) {
  const instance = ssid.path.slice(0, -".SSID".length);
  if (first) {
    declare(instance + ".SSID", null, {value: prefix + "-" + serial.slice(-4)});
    declare(instance + ".Enable", {value: 1}, {value: true});
    first = false;
  } else if (ssid.value[0].indexOf("Guest") >= 0) {
    declare(instance + ".Enable", {value: 1}, {value: false});
  }
}
log("wifi: " + ssids.size + " SSIDs");
