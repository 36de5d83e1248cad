// Time servers of the operator, on either data model.
const ntp = args[0] || "ntp1.operator.example";
for (const root of ["Device.Time", "InternetGatewayDevice.Time"]) {
  declare(root + ".Enable", {value: 1}, {value: true});
  declare(root + ".NTPServer1", {value: 1}, {value: ntp});
}
