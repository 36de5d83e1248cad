// Zero-touch defaults, installed with a new database (preset "bootstrap", provision
// "bootstrap"); edit or delete them through /api/v1/presets and /api/v1/provisions.
//
// args[0]: the periodic inform interval in seconds (3600 unless the preset says otherwise).
//
// - Periodic informs every interval, each device at its own phase within it (fixed per
//   device), so a fleet's informs spread evenly instead of arriving together.
// - Connection-request credentials unique to each device: Math.random() is seeded per device
//   with a secret of this installation, so they stay the same in every session and cannot
//   be derived from the device id. The ACS uses them for connection requests once set.
//
// Values are checked once a day per device (Date.now(86400000)); only differences are sent.
const interval = args[0] || 3600;
const daily = Date.now(86400000);
// The device's phase within the interval, in whole seconds: where its staggered day starts
// (variance: the interval) relative to the plain day. Both change once a day, so the script's
// last run is replayed until then (runs are remembered while the times they read hold).
const day = 86400000;
const offset = (((Date.now(day, interval * 1000) - Date.now(day, 0)) % day) + day) % day;
const phase = Math.floor(offset / 1000) * 1000;
// Any fixed instant works as the reference; 2000-01-01T00:00:00Z is one every device takes.
const informTime = new Date(946684800000 + phase).toISOString().replace(".000Z", "Z");
// About 41 random bits per draw, as base-36 text.
const random = function (draws) {
  let text = "";
  for (let i = 0; i < draws; i++) text += Math.random().toString(36).slice(2, 10);
  return text;
};
const username = "cr-" + random(1);
const password = random(3);
for (const root of ["Device", "InternetGatewayDevice"]) {
  const ms = root + ".ManagementServer.";
  declare(ms + "PeriodicInformEnable", {value: daily}, {value: true});
  declare(ms + "PeriodicInformInterval", {value: daily}, {value: interval});
  declare(ms + "PeriodicInformTime", {value: daily}, {value: [informTime, "xsd:dateTime"]});
  declare(ms + "ConnectionRequestUsername", {value: daily}, {value: username});
  declare(ms + "ConnectionRequestPassword", {value: daily}, {value: password});
}
