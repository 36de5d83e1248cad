// The default bootstrap script's work with the bench's own interval: informs at a per-device
// phase and per-device connection-request credentials, checked once a day.
const interval = args[0] || 3600;
const daily = Date.now(86400000);
// Whole seconds: a device's phase within the interval, the same in every session.
const phase = Math.floor((Date.now(interval * 1000) % (interval * 1000)) / 1000) * 1000;
const informTime = new Date(946684800000 + phase).toISOString().replace(".000Z", "Z");
const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const random = function (length) {
  let text = "";
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(Math.random() * alphabet.length)];
  return text;
};
for (const root of ["Device", "InternetGatewayDevice"]) {
  const ms = root + ".ManagementServer.";
  declare(ms + "PeriodicInformEnable", {value: daily}, {value: true});
  declare(ms + "PeriodicInformInterval", {value: daily}, {value: interval});
  declare(ms + "PeriodicInformTime", {value: daily}, {value: [informTime, "xsd:dateTime"]});
  declare(ms + "ConnectionRequestUsername", {value: daily}, {value: "cr-" + random(10)});
  declare(ms + "ConnectionRequestPassword", {value: daily}, {value: random(24)});
}
