// A script with a bug: the operator's mistake must fault its own channel only.
const wan = declare("Device.IP.Interface.*.IPv4Address.*.IPAddress", {value: 1});
log("wan addresses", wan.size);
const first = undefinedHelper(wan);
