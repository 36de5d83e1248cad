// A virtual parameter: the WAN address, whichever data model the device speaks.
const v181 = declare("Device.IP.Interface.1.IPv4Address.1.IPAddress", {value: Date.now(3600000)});
const v098 = declare(
  "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress",
  {value: Date.now(3600000)});
const found = v181.size ? v181 : v098;
return {writable: false, value: [found.size ? found.value[0] : "", "xsd:string"]};
