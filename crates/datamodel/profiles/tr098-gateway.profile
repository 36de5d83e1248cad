# A TR-098 (InternetGatewayDevice:1.14) residential gateway: Ethernet WAN with an IPoE connection
# (connected) and a PPPoE connection (unconfigured), four LAN ports, two WLANs and three LAN hosts.
# Facts (names, types, access, ranges, enumerations, defaults) follow tr-098-1-8-0-full.xml.

profile tr098-gateway
device manufacturer="Aurora Broadband" oui=A4B1C2 product-class="VG-2200"

# InternetGatewayDevice root
param InternetGatewayDevice.DeviceSummary string r len=..1024
param InternetGatewayDevice.UserNumberOfEntries unsignedInt r
param InternetGatewayDevice.LANDeviceNumberOfEntries unsignedInt r
param InternetGatewayDevice.WANDeviceNumberOfEntries unsignedInt r

param InternetGatewayDevice.DeviceInfo.Manufacturer string r len=..64
param InternetGatewayDevice.DeviceInfo.ManufacturerOUI string r len=6..6
param InternetGatewayDevice.DeviceInfo.ModelName string r len=..64
param InternetGatewayDevice.DeviceInfo.Description string r len=..256
param InternetGatewayDevice.DeviceInfo.ProductClass string r len=..64
param InternetGatewayDevice.DeviceInfo.SerialNumber string r len=..64
param InternetGatewayDevice.DeviceInfo.HardwareVersion string r len=..64
param InternetGatewayDevice.DeviceInfo.SoftwareVersion string r len=..64 notify=forceEnabled
param InternetGatewayDevice.DeviceInfo.ModemFirmwareVersion string r len=..64
param InternetGatewayDevice.DeviceInfo.AdditionalSoftwareVersion string r list
param InternetGatewayDevice.DeviceInfo.SpecVersion string r len=..16 default="1.0"
param InternetGatewayDevice.DeviceInfo.ProvisioningCode string w len=..64 notify=forceEnabled
param InternetGatewayDevice.DeviceInfo.UpTime unsignedInt r notify=canDeny
param InternetGatewayDevice.DeviceInfo.FirstUseDate dateTime r
param InternetGatewayDevice.DeviceInfo.DeviceLog string r len=..32768 notify=canDeny
param InternetGatewayDevice.DeviceInfo.VendorConfigFileNumberOfEntries unsignedInt r

object InternetGatewayDevice.DeviceInfo.VendorConfigFile.{i}. r count=InternetGatewayDevice.DeviceInfo.VendorConfigFileNumberOfEntries
param InternetGatewayDevice.DeviceInfo.VendorConfigFile.{i}.Name string r len=..64
param InternetGatewayDevice.DeviceInfo.VendorConfigFile.{i}.Version string r len=..16
param InternetGatewayDevice.DeviceInfo.VendorConfigFile.{i}.Date dateTime r
param InternetGatewayDevice.DeviceInfo.VendorConfigFile.{i}.Description string r len=..256

param InternetGatewayDevice.DeviceInfo.MemoryStatus.Total unsignedInt r
param InternetGatewayDevice.DeviceInfo.MemoryStatus.Free unsignedInt r notify=canDeny

param InternetGatewayDevice.DeviceInfo.ProcessStatus.CPUUsage unsignedInt r range=..100 notify=canDeny

# CWMP management
param InternetGatewayDevice.ManagementServer.EnableCWMP boolean w default="true"
param InternetGatewayDevice.ManagementServer.URL string w len=..256
param InternetGatewayDevice.ManagementServer.Username string w len=..256
param InternetGatewayDevice.ManagementServer.Password string w len=..256
param InternetGatewayDevice.ManagementServer.PeriodicInformEnable boolean w
param InternetGatewayDevice.ManagementServer.PeriodicInformInterval unsignedInt w range=1..
param InternetGatewayDevice.ManagementServer.PeriodicInformTime dateTime w
param InternetGatewayDevice.ManagementServer.ParameterKey string r len=..32 notify=canDeny
param InternetGatewayDevice.ManagementServer.ConnectionRequestURL string r len=..256 notify=forceDefaultEnabled
param InternetGatewayDevice.ManagementServer.ConnectionRequestUsername string w len=..256
param InternetGatewayDevice.ManagementServer.ConnectionRequestPassword string w len=..256
param InternetGatewayDevice.ManagementServer.UpgradesManaged boolean w
param InternetGatewayDevice.ManagementServer.KickURL string r len=..256
param InternetGatewayDevice.ManagementServer.DownloadProgressURL string r len=..256
param InternetGatewayDevice.ManagementServer.DefaultActiveNotificationThrottle unsignedInt w
param InternetGatewayDevice.ManagementServer.CWMPRetryMinimumWaitInterval unsignedInt w range=1..65535 default="5"
param InternetGatewayDevice.ManagementServer.CWMPRetryIntervalMultiplier unsignedInt w range=1000..65535 default="2000"
param InternetGatewayDevice.ManagementServer.UDPConnectionRequestAddress string r len=..256
param InternetGatewayDevice.ManagementServer.UDPConnectionRequestAddressNotificationLimit unsignedInt w
param InternetGatewayDevice.ManagementServer.STUNEnable boolean w
param InternetGatewayDevice.ManagementServer.STUNServerAddress string w len=..256
param InternetGatewayDevice.ManagementServer.STUNServerPort unsignedInt w range=0..65535
param InternetGatewayDevice.ManagementServer.STUNUsername string w len=..256
param InternetGatewayDevice.ManagementServer.STUNPassword string w len=..256
param InternetGatewayDevice.ManagementServer.STUNMaximumKeepAlivePeriod int w range=-1..
param InternetGatewayDevice.ManagementServer.STUNMinimumKeepAlivePeriod unsignedInt w
param InternetGatewayDevice.ManagementServer.NATDetected boolean r
param InternetGatewayDevice.ManagementServer.AliasBasedAddressing boolean r
param InternetGatewayDevice.ManagementServer.InstanceMode string w enum="InstanceNumber|InstanceAlias" default="InstanceNumber"
param InternetGatewayDevice.ManagementServer.AutoCreateInstances boolean w default="false"
param InternetGatewayDevice.ManagementServer.SupportedConnReqMethods string r enum="HTTP|STUN|XMPP" list
param InternetGatewayDevice.ManagementServer.HTTPCompressionSupported string r enum="GZIP|Compress|Deflate" list
param InternetGatewayDevice.ManagementServer.HTTPCompression string w default="Disabled"
param InternetGatewayDevice.ManagementServer.InformParameterNumberOfEntries unsignedInt r

object InternetGatewayDevice.ManagementServer.InformParameter.{i}. w count=InternetGatewayDevice.ManagementServer.InformParameterNumberOfEntries
param InternetGatewayDevice.ManagementServer.InformParameter.{i}.Enable boolean w default="false"
param InternetGatewayDevice.ManagementServer.InformParameter.{i}.ParameterName string w len=..256 default=""
param InternetGatewayDevice.ManagementServer.InformParameter.{i}.EventList string w list default=""

# time
param InternetGatewayDevice.Time.Enable boolean w
param InternetGatewayDevice.Time.Status string r enum="Disabled|Unsynchronized|Synchronized|Error_FailedToSynchronize|Error"
param InternetGatewayDevice.Time.NTPServer1 string w len=..64
param InternetGatewayDevice.Time.NTPServer2 string w len=..64
param InternetGatewayDevice.Time.CurrentLocalTime dateTime r notify=canDeny
param InternetGatewayDevice.Time.LocalTimeZoneName string w len=..64

param InternetGatewayDevice.LANConfigSecurity.ConfigPassword string w len=..64

# local users
object InternetGatewayDevice.User.{i}. w count=InternetGatewayDevice.UserNumberOfEntries
param InternetGatewayDevice.User.{i}.Enable boolean w default="false"
param InternetGatewayDevice.User.{i}.RemoteAccessCapable boolean w default="false"
param InternetGatewayDevice.User.{i}.Username string w len=..64 default=""
param InternetGatewayDevice.User.{i}.Password string w len=..64
param InternetGatewayDevice.User.{i}.Language string w len=..16 default=""

# routing
param InternetGatewayDevice.Layer3Forwarding.DefaultConnectionService string w len=..256
param InternetGatewayDevice.Layer3Forwarding.ForwardNumberOfEntries unsignedInt r

object InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}. w count=InternetGatewayDevice.Layer3Forwarding.ForwardNumberOfEntries
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.Enable boolean w default="false"
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.Status string r enum="Disabled|Enabled|Error" default="Disabled"
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.StaticRoute boolean r default="true"
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.DestIPAddress string w len=..45 default=""
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.DestSubnetMask string w len=..45 default=""
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.SourceIPAddress string w len=..45 default=""
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.SourceSubnetMask string w len=..45 default=""
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.GatewayIPAddress string w len=..45 default=""
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.Interface string w len=..256
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.ForwardingMetric int w range=-1.. default="-1"
param InternetGatewayDevice.Layer3Forwarding.Forwarding.{i}.MTU unsignedInt w range=1..1540

# LAN side
object InternetGatewayDevice.LANDevice.{i}. w count=InternetGatewayDevice.LANDeviceNumberOfEntries
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceNumberOfEntries unsignedInt r default="0"
param InternetGatewayDevice.LANDevice.{i}.LANWLANConfigurationNumberOfEntries unsignedInt r default="0"

param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.MACAddress string r len=..17
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.DHCPServerConfigurable boolean w default="true"
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.DHCPServerEnable boolean w default="false"
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.MinAddress string w len=..45
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.MaxAddress string w len=..45
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.ReservedAddresses string w len=..45 list default=""
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.SubnetMask string w len=..45
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.DNSServers string w len=..45 list
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.DomainName string w len=..64
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPRouters string w len=..45 list
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.DHCPLeaseTime int w range=-1.. default="86400"
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterfaceNumberOfEntries unsignedInt r default="0"

object InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterface.{i}. w count=InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterfaceNumberOfEntries
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterface.{i}.Enable boolean w default="false"
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterface.{i}.IPInterfaceIPAddress string w len=..45 default=""
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterface.{i}.IPInterfaceSubnetMask string w len=..45 default=""
param InternetGatewayDevice.LANDevice.{i}.LANHostConfigManagement.IPInterface.{i}.IPInterfaceAddressingType string w enum="DHCP|Static|AutoIP" default="DHCP"

object InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}. r count=InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceNumberOfEntries
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Enable boolean w
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Status string r enum="Up|NoLink|Error|Disabled"
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Name string r len=..16
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.MACAddress string r len=..17
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.MaxBitRate string w enum="10|100|1000|10000|Auto"
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.DuplexMode string w enum="Half|Full|Auto"

param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Stats.BytesSent unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Stats.BytesReceived unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Stats.PacketsSent unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.LANEthernetInterfaceConfig.{i}.Stats.PacketsReceived unsignedInt r notify=canDeny

object InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}. r count=InternetGatewayDevice.LANDevice.{i}.LANWLANConfigurationNumberOfEntries
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.Enable boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.Status string r enum="Up|Error|Disabled"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.Name string r len=..16
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BSSID string r
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.MaxBitRate string w len=..4
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.Channel unsignedInt w range=0..255
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.AutoChannelEnable boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.SSID string w len=..32
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BeaconType string w enum="None|Basic|WPA|11i|BasicandWPA|Basicand11i|WPAand11i|BasicandWPAand11i"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.MACAddressControlEnabled boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.Standard string r enum="a|b|g|g-only|n"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WEPKeyIndex unsignedInt w range=1..4
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.KeyPassphrase string w len=..63
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WEPEncryptionLevel string r enum="Disabled|40-bit|104-bit" list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BasicEncryptionModes string w len=..31 enum="None|WEPEncryption"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BasicAuthenticationMode string w len=..31 enum="None|EAPAuthentication|SharedAuthentication"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WPAEncryptionModes string w len=..31 enum="WEPEncryption|TKIPEncryption|WEPandTKIPEncryption|AESEncryption|WEPandAESEncryption|TKIPandAESEncryption|WEPandTKIPandAESEncryption"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WPAAuthenticationMode string w len=..31 enum="PSKAuthentication|EAPAuthentication"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.IEEE11iEncryptionModes string w len=..31 enum="WEPEncryption|TKIPEncryption|WEPandTKIPEncryption|AESEncryption|WEPandAESEncryption|TKIPandAESEncryption|WEPandTKIPandAESEncryption"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.IEEE11iAuthenticationMode string w len=..31 enum="PSKAuthentication|EAPAuthentication|EAPandPSKAuthentication"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PossibleChannels string r list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BasicDataTransmitRates string w list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.OperationalDataTransmitRates string w list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PossibleDataTransmitRates string r list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.BeaconAdvertisementEnabled boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.SSIDAdvertisementEnabled boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.RadioEnabled boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TransmitPowerSupported unsignedInt r range=0..100 list
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TransmitPower unsignedInt w range=0..100
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.AutoRateFallBackEnabled boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.RegulatoryDomain string w len=..3
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.DeviceOperationMode string w len=..31 enum="InfrastructureAccessPoint|WirelessBridge|WirelessRepeater|WirelessStation"
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WMMSupported boolean r
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.WMMEnable boolean w
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TotalBytesSent unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TotalBytesReceived unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TotalPacketsSent unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TotalPacketsReceived unsignedInt r notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.TotalAssociations unsignedInt r notify=canDeny

object InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PreSharedKey.{i}. r min=10 max=10
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PreSharedKey.{i}.PreSharedKey string w len=..64
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PreSharedKey.{i}.KeyPassphrase string w len=..63
param InternetGatewayDevice.LANDevice.{i}.WLANConfiguration.{i}.PreSharedKey.{i}.AssociatedDeviceMACAddress string w len=..17

param InternetGatewayDevice.LANDevice.{i}.Hosts.HostNumberOfEntries unsignedInt r
object InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}. r count=InternetGatewayDevice.LANDevice.{i}.Hosts.HostNumberOfEntries
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.IPAddress string r len=..45
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.AddressSource string r enum="DHCP|Static|AutoIP"
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.LeaseTimeRemaining int r range=-1.. notify=canDeny
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.MACAddress string r len=..17
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.Layer2Interface string r len=..256
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.HostName string r len=..64
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.InterfaceType string r enum="Ethernet|USB|802.11|HomePNA|HomePlug|MoCA|Other"
param InternetGatewayDevice.LANDevice.{i}.Hosts.Host.{i}.Active boolean r

# WAN side: Ethernet uplink, one connection device with an IP and a PPP connection
object InternetGatewayDevice.WANDevice.{i}. r count=InternetGatewayDevice.WANDeviceNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionNumberOfEntries unsignedInt r

param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.EnabledForInternet boolean w
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.WANAccessType string r enum="DSL|Ethernet|POTS"
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.Layer1UpstreamMaxBitRate unsignedInt r
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.Layer1DownstreamMaxBitRate unsignedInt r
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.PhysicalLinkStatus string r enum="Up|Down|Initializing|Unavailable"
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.WANAccessProvider string r len=..256
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.TotalBytesSent unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.TotalBytesReceived unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.TotalPacketsSent unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANCommonInterfaceConfig.TotalPacketsReceived unsignedInt r notify=canDeny

param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Enable boolean w
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Status string r enum="Up|NoLink|Error|Disabled"
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.MACAddress string r len=..17
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.MaxBitRate string w enum="10|100|Auto|1000|10000"
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.DuplexMode string w enum="Half|Full|Auto"

param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Stats.BytesSent unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Stats.BytesReceived unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Stats.PacketsSent unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANEthernetInterfaceConfig.Stats.PacketsReceived unsignedInt r notify=canDeny

object InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}. w count=InternetGatewayDevice.WANDevice.{i}.WANConnectionNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnectionNumberOfEntries unsignedInt r
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnectionNumberOfEntries unsignedInt r

param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANEthernetLinkConfig.EthernetLinkStatus string r enum="Up|Down|Unavailable"

object InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}. w count=InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnectionNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.Enable boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.Reset boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.ConnectionStatus string r enum="Unconfigured|Connecting|Connected|PendingDisconnect|Disconneting|Disconnecting|Disconnected"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PossibleConnectionTypes string r enum="Unconfigured|IP_Routed|IP_Bridged" list
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.ConnectionType string w enum="Unconfigured|IP_Routed|IP_Bridged"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.Name string w len=..256
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.Uptime unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.LastConnectionError string r enum="ERROR_NONE|ERROR_COMMAND_ABORTED|ERROR_NOT_ENABLED_FOR_INTERNET|ERROR_USER_DISCONNECT|ERROR_ISP_DISCONNECT|ERROR_IDLE_DISCONNECT|ERROR_FORCED_DISCONNECT|ERROR_NO_CARRIER|ERROR_IP_CONFIGURATION|ERROR_UNKNOWN" default="ERROR_NONE"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.AutoDisconnectTime unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.IdleDisconnectTime unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.WarnDisconnectDelay unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.RSIPAvailable boolean r
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.NATEnabled boolean w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.AddressingType string w enum="DHCP|Static"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.ExternalIPAddress string w len=..45 notify=forceDefaultEnabled
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.SubnetMask string w len=..45
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.DefaultGateway string w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.DNSEnabled boolean w default="true"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.DNSOverrideAllowed boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.DNSServers string w len=..45 list
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.MaxMTUSize unsignedInt w range=1..1540
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.MACAddress string w len=..17
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.MACAddressOverride boolean w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.ConnectionTrigger string w enum="OnDemand|AlwaysOn|Manual" default="OnDemand"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.RouteProtocolRx string w enum="Off|RIPv1|RIPv2|OSPF" default="Off"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMappingNumberOfEntries unsignedInt r

object InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}. w max=32 count=InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMappingNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.PortMappingEnabled boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.PortMappingLeaseDuration unsignedInt w notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.RemoteHost string w default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.ExternalPort unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.ExternalPortEndRange unsignedInt w default="0"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.InternalPort unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.PortMappingProtocol string w enum="TCP|UDP"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.InternalClient string w len=..256 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANIPConnection.{i}.PortMapping.{i}.PortMappingDescription string w len=..256 default=""

object InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}. w count=InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnectionNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Enable boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Reset boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.ConnectionStatus string r enum="Unconfigured|Connecting|Authenticating|Connected|PendingDisconnect|Disconnecting|Disconnected"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PossibleConnectionTypes string r enum="Unconfigured|IP_Routed|DHCP_Spoofed|PPPoE_Bridged|PPPoE_Relay|PPTP_Relay|L2TP_Relay" list
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.ConnectionType string w enum="Unconfigured|IP_Routed|DHCP_Spoofed|PPPoE_Bridged|PPPoE_Relay|PPTP_Relay|L2TP_Relay"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Name string w len=..256
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Uptime unsignedInt r notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.LastConnectionError string r enum="ERROR_NONE|ERROR_ISP_TIME_OUT|ERROR_COMMAND_ABORTED|ERROR_NOT_ENABLED_FOR_INTERNET|ERROR_BAD_PHONE_NUMBER|ERROR_USER_DISCONNECT|ERROR_ISP_DISCONNECT|ERROR_IDLE_DISCONNECT|ERROR_FORCED_DISCONNECT|ERROR_SERVER_OUT_OF_RESOURCES|ERROR_RESTRICTED_LOGON_HOURS|ERROR_ACCOUNT_DISABLED|ERROR_ACCOUNT_EXPIRED|ERROR_PASSWORD_EXPIRED|ERROR_AUTHENTICATION_FAILURE|ERROR_NO_DIALTONE|ERROR_NO_CARRIER|ERROR_NO_ANSWER|ERROR_LINE_BUSY|ERROR_UNSUPPORTED_BITSPERSECOND|ERROR_TOO_MANY_LINE_ERRORS|ERROR_IP_CONFIGURATION|ERROR_UNKNOWN" default="ERROR_NONE"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.AutoDisconnectTime unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.IdleDisconnectTime unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.WarnDisconnectDelay unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.RSIPAvailable boolean r
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.NATEnabled boolean w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Username string w len=..64 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.Password string w len=..64 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPEncryptionProtocol string r enum="None|MPPE"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPCompressionProtocol string r enum="None|Van Jacobsen|STAC LZS"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPAuthenticationProtocol string r enum="PAP|CHAP|MS-CHAP"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.ExternalIPAddress string w len=..45 notify=forceDefaultEnabled
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.RemoteIPAddress string r len=..45
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.MaxMRUSize unsignedInt w range=1..1540
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.CurrentMRUSize unsignedInt r range=1..1540 notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.DNSEnabled boolean w default="true"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.DNSOverrideAllowed boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.DNSServers string w len=..45 list
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.MACAddress string w len=..17
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.MACAddressOverride boolean w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.TransportType string r enum="PPPoA|PPPoE|L2TP|PPTP"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPoEACName string w len=..256 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPoEServiceName string w len=..256 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.ConnectionTrigger string w enum="OnDemand|AlwaysOn|Manual" default="OnDemand"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.RouteProtocolRx string w enum="Off|RIPv1|RIPv2|OSPF" default="Off"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPLCPEcho unsignedInt r
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PPPLCPEchoRetry unsignedInt r
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMappingNumberOfEntries unsignedInt r

object InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}. w max=32 count=InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMappingNumberOfEntries
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.PortMappingEnabled boolean w default="false"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.PortMappingLeaseDuration unsignedInt w notify=canDeny
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.RemoteHost string w default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.ExternalPort unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.ExternalPortEndRange unsignedInt w default="0"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.InternalPort unsignedInt w
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.PortMappingProtocol string w enum="TCP|UDP"
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.InternalClient string w len=..256 default=""
param InternetGatewayDevice.WANDevice.{i}.WANConnectionDevice.{i}.WANPPPConnection.{i}.PortMapping.{i}.PortMappingDescription string w len=..256 default=""

# instances present at first boot
instance InternetGatewayDevice.DeviceInfo.VendorConfigFile.1.
instance InternetGatewayDevice.User.1.
instance InternetGatewayDevice.Layer3Forwarding.Forwarding.1.
instance InternetGatewayDevice.LANDevice.1.
instance InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.1.
instance InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.
instance InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.
instance InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.
instance InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.2.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.3.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.4.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.5.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.6.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.7.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.8.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.9.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.10.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.1.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.2.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.3.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.4.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.5.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.6.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.7.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.8.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.9.
instance InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.10.
instance InternetGatewayDevice.LANDevice.1.Hosts.Host.1.
instance InternetGatewayDevice.LANDevice.1.Hosts.Host.2.
instance InternetGatewayDevice.LANDevice.1.Hosts.Host.3.
instance InternetGatewayDevice.WANDevice.1.
instance InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.
instance InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.
instance InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.

# initial values
value InternetGatewayDevice.DeviceSummary "InternetGatewayDevice:1.4[](Baseline:1, EthernetLAN:1, WiFiLAN:1, EthernetWAN:1, Time:1)"
value InternetGatewayDevice.DeviceInfo.Manufacturer "Aurora Broadband"
value InternetGatewayDevice.DeviceInfo.ManufacturerOUI "A4B1C2"
value InternetGatewayDevice.DeviceInfo.ModelName "VG-2200 Residential Gateway"
value InternetGatewayDevice.DeviceInfo.Description "Dual-band 802.11n/ac router with four Fast/Gigabit Ethernet ports"
value InternetGatewayDevice.DeviceInfo.ProductClass "VG-2200"
value InternetGatewayDevice.DeviceInfo.SerialNumber "AUR1907004711"
value InternetGatewayDevice.DeviceInfo.HardwareVersion "VG2200-B1"
value InternetGatewayDevice.DeviceInfo.SoftwareVersion "2.8.14-r3071"
value InternetGatewayDevice.DeviceInfo.ModemFirmwareVersion ""
value InternetGatewayDevice.DeviceInfo.AdditionalSoftwareVersion "uboot-2016.07"
value InternetGatewayDevice.DeviceInfo.VendorConfigFile.1.Name "factory.cfg"
value InternetGatewayDevice.DeviceInfo.VendorConfigFile.1.Version "1.0"
value InternetGatewayDevice.DeviceInfo.VendorConfigFile.1.Date "2019-07-02T10:00:00Z"
value InternetGatewayDevice.DeviceInfo.VendorConfigFile.1.Description "Factory configuration"
value InternetGatewayDevice.DeviceInfo.MemoryStatus.Total "131072"
value InternetGatewayDevice.DeviceInfo.MemoryStatus.Free "48212"
value InternetGatewayDevice.DeviceInfo.ProcessStatus.CPUUsage "9"
value InternetGatewayDevice.ManagementServer.URL "http://acs.example.net:7547/"
value InternetGatewayDevice.ManagementServer.PeriodicInformEnable "true"
value InternetGatewayDevice.ManagementServer.PeriodicInformInterval "86400"
value InternetGatewayDevice.ManagementServer.ConnectionRequestURL "http://198.51.100.77:7547/"
value InternetGatewayDevice.ManagementServer.STUNServerPort "3478"
value InternetGatewayDevice.ManagementServer.STUNMaximumKeepAlivePeriod "-1"
value InternetGatewayDevice.ManagementServer.SupportedConnReqMethods "HTTP,STUN"
value InternetGatewayDevice.ManagementServer.HTTPCompressionSupported "GZIP"
value InternetGatewayDevice.Time.Enable "true"
value InternetGatewayDevice.Time.Status "Synchronized"
value InternetGatewayDevice.Time.NTPServer1 "0.pool.ntp.org"
value InternetGatewayDevice.Time.NTPServer2 "1.pool.ntp.org"
value InternetGatewayDevice.Time.LocalTimeZoneName "CET-1CEST,M3.5.0,M10.5.0/3"
value InternetGatewayDevice.User.1.Enable "true"
value InternetGatewayDevice.User.1.RemoteAccessCapable "false"
value InternetGatewayDevice.User.1.Username "admin"
value InternetGatewayDevice.User.1.Language "en"
value InternetGatewayDevice.Layer3Forwarding.DefaultConnectionService "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.Enable "true"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.Status "Enabled"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.StaticRoute "false"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.GatewayIPAddress "198.51.100.1"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.Interface "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.ForwardingMetric "0"
value InternetGatewayDevice.Layer3Forwarding.Forwarding.1.MTU "1500"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.MACAddress "A4:B1:C2:5E:20:00"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DHCPServerEnable "true"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.MinAddress "192.168.1.64"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.MaxAddress "192.168.1.253"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.SubnetMask "255.255.255.0"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DNSServers "192.168.1.1"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DomainName "home"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPRouters "192.168.1.1"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.1.Enable "true"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.1.IPInterfaceIPAddress "192.168.1.1"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.1.IPInterfaceSubnetMask "255.255.255.0"
value InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.IPInterface.1.IPInterfaceAddressingType "Static"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.Enable "true"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.Status "Up"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.Name "eth1"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.MACAddress "A4:B1:C2:5E:20:00"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1.DuplexMode "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.Enable "true"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.Status "NoLink"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.Name "eth2"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.MACAddress "A4:B1:C2:5E:20:00"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.2.DuplexMode "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.Enable "true"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.Status "NoLink"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.Name "eth3"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.MACAddress "A4:B1:C2:5E:20:00"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.3.DuplexMode "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.Enable "true"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.Status "NoLink"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.Name "eth4"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.MACAddress "A4:B1:C2:5E:20:00"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.4.DuplexMode "Auto"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Enable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Status "Up"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.AutoChannelEnable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BeaconType "11i"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Standard "n"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WEPKeyIndex "1"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.KeyPassphrase "q8vz-3mte-k5rw"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WEPEncryptionLevel "Disabled,40-bit,104-bit"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BasicEncryptionModes "None"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BasicAuthenticationMode "None"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WPAEncryptionModes "TKIPEncryption"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WPAAuthenticationMode "PSKAuthentication"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.IEEE11iEncryptionModes "AESEncryption"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.IEEE11iAuthenticationMode "PSKAuthentication"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BeaconAdvertisementEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSIDAdvertisementEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.RadioEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TransmitPowerSupported "25,50,75,100"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TransmitPower "100"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.AutoRateFallBackEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.RegulatoryDomain "DE "
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.DeviceOperationMode "InfrastructureAccessPoint"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WMMSupported "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.WMMEnable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.TotalAssociations "1"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Name "wl0"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BSSID "A4:B1:C2:5E:20:02"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.Channel "11"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID "Aurora-5E20"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PossibleChannels "1-13"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.BasicDataTransmitRates "1,2,5.5,11"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.OperationalDataTransmitRates "1,2,5.5,6,9,11,12,18,24,36,48,54"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PossibleDataTransmitRates "1,2,5.5,6,9,11,12,18,24,36,48,54"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.KeyPassphrase "q8vz-3mte-k5rw"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Enable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Status "Up"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.AutoChannelEnable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BeaconType "11i"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Standard "n"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WEPKeyIndex "1"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.KeyPassphrase "q8vz-3mte-k5rw"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WEPEncryptionLevel "Disabled,40-bit,104-bit"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BasicEncryptionModes "None"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BasicAuthenticationMode "None"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WPAEncryptionModes "TKIPEncryption"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WPAAuthenticationMode "PSKAuthentication"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.IEEE11iEncryptionModes "AESEncryption"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.IEEE11iAuthenticationMode "PSKAuthentication"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BeaconAdvertisementEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.SSIDAdvertisementEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.RadioEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.TransmitPowerSupported "25,50,75,100"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.TransmitPower "100"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.AutoRateFallBackEnabled "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.RegulatoryDomain "DE "
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.DeviceOperationMode "InfrastructureAccessPoint"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WMMSupported "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.WMMEnable "true"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.TotalAssociations "1"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Name "wl1"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BSSID "A4:B1:C2:5E:20:03"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.Channel "44"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.SSID "Aurora-5E20-5G"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.MaxBitRate "Auto"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PossibleChannels "36,40,44,48,52,56,60,64,100,104,108,112,116,120,124,128,132,136,140"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.BasicDataTransmitRates "6,12,24"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.OperationalDataTransmitRates "6,9,12,18,24,36,48,54"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PossibleDataTransmitRates "6,9,12,18,24,36,48,54"
value InternetGatewayDevice.LANDevice.1.WLANConfiguration.2.PreSharedKey.1.KeyPassphrase "q8vz-3mte-k5rw"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.IPAddress "192.168.1.64"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.AddressSource "DHCP"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.LeaseTimeRemaining "80640"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.MACAddress "3C:52:82:77:10:AB"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.Layer2Interface "InternetGatewayDevice.LANDevice.1.LANEthernetInterfaceConfig.1"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.HostName "desktop"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.InterfaceType "Ethernet"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.1.Active "true"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.IPAddress "192.168.1.65"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.AddressSource "DHCP"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.LeaseTimeRemaining "84012"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.MACAddress "F0:18:98:02:C4:5D"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.Layer2Interface "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.HostName "tablet"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.InterfaceType "802.11"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.2.Active "true"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.IPAddress "192.168.1.66"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.AddressSource "DHCP"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.LeaseTimeRemaining "85577"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.MACAddress "5C:AD:CF:11:90:E2"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.Layer2Interface "InternetGatewayDevice.LANDevice.1.WLANConfiguration.2"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.HostName "phone"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.InterfaceType "802.11"
value InternetGatewayDevice.LANDevice.1.Hosts.Host.3.Active "true"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.EnabledForInternet "true"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.WANAccessType "Ethernet"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.Layer1UpstreamMaxBitRate "1000000000"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.Layer1DownstreamMaxBitRate "1000000000"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.PhysicalLinkStatus "Up"
value InternetGatewayDevice.WANDevice.1.WANCommonInterfaceConfig.WANAccessProvider ""
value InternetGatewayDevice.WANDevice.1.WANEthernetInterfaceConfig.Enable "true"
value InternetGatewayDevice.WANDevice.1.WANEthernetInterfaceConfig.Status "Up"
value InternetGatewayDevice.WANDevice.1.WANEthernetInterfaceConfig.MACAddress "A4:B1:C2:5E:20:01"
value InternetGatewayDevice.WANDevice.1.WANEthernetInterfaceConfig.MaxBitRate "Auto"
value InternetGatewayDevice.WANDevice.1.WANEthernetInterfaceConfig.DuplexMode "Auto"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANEthernetLinkConfig.EthernetLinkStatus "Up"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.Enable "true"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ConnectionStatus "Connected"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.PossibleConnectionTypes "IP_Routed,IP_Bridged"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ConnectionType "IP_Routed"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.Name "Internet_IPoE"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.NATEnabled "true"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.AddressingType "DHCP"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress "198.51.100.77"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.SubnetMask "255.255.255.0"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.DefaultGateway "198.51.100.1"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.DNSServers "203.0.113.53,203.0.113.54"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.MaxMTUSize "1500"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.MACAddress "A4:B1:C2:5E:20:01"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ConnectionTrigger "AlwaysOn"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.ConnectionStatus "Unconfigured"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PossibleConnectionTypes "IP_Routed,PPPoE_Bridged"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.ConnectionType "IP_Routed"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.Name "Internet_PPPoE"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.NATEnabled "true"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PPPEncryptionProtocol "None"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PPPCompressionProtocol "None"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PPPAuthenticationProtocol "CHAP"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.MaxMRUSize "1492"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.CurrentMRUSize "1492"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.MACAddress "A4:B1:C2:5E:20:01"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.TransportType "PPPoE"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.ConnectionTrigger "AlwaysOn"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PPPLCPEcho "30"
value InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.PPPLCPEchoRetry "3"
