// Active notification on the connection-request URL, so the ACS hears of a new WAN address
// at once; attributes are read before they are compared.
for (const root of ["Device", "InternetGatewayDevice"]) {
  declare(root + ".ManagementServer.ConnectionRequestURL", {notification: 1}, {notification: 2});
}
