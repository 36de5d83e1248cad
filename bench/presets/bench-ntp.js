// Time servers of the operator.
declare("Device.Time.Enable", {value: 1}, {value: true});
declare("Device.Time.NTPServer1", {value: 1}, {value: args[0] || "ntp1.bench.example"});
log("ntp checked");
