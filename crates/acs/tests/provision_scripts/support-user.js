// A local account for the support desk: exactly one user with that name, created when
// missing (AddObject, then its key), enabled, and the tag telling the CRM it exists.
const name = args[0] || "noc";
declare("Device.Users.User.[Username:" + name + "]", {path: 1}, {path: 1});
declare("Device.Users.User.[Username:" + name + "].Enable", {value: 1}, {value: true});
declare("Device.Users.User.[Username:" + name + "].Language", {value: 1}, {value: "en"});
commit();
const user = declare("Device.Users.User.[Username:" + name + "].Enable", {value: 1});
if (user.size === 1 && user.value[0] === "true") {
  declare("Tags.support-account", null, {value: true});
}
