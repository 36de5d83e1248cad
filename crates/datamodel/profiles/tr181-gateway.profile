# A TR-181 (Device:2.17) home gateway: Wi-Fi 6 router with four LAN ports, one WAN port,
# a 2.4 GHz and a 5 GHz radio, a DHCP server, NAT and a container execution environment.
# Facts (names, types, access, ranges, enumerations, defaults) follow tr-181-2-17-0-cwmp-full.xml;
# the values are those of a freshly booted unit with four LAN hosts.

profile tr181-gateway
device manufacturer="Aurora Broadband" oui=A4B1C2 product-class="HGW-AX3000"

# Device:2 root
param Device.RootDataModelVersion string r len=..32

param Device.DeviceInfo.Manufacturer string r len=..64
param Device.DeviceInfo.ManufacturerOUI string r len=6..6
param Device.DeviceInfo.ModelName string r len=..64
param Device.DeviceInfo.ModelNumber string r len=..64
param Device.DeviceInfo.Description string r len=..256
param Device.DeviceInfo.ProductClass string r len=..64
param Device.DeviceInfo.SerialNumber string r len=..64
param Device.DeviceInfo.HardwareVersion string r len=..64
param Device.DeviceInfo.SoftwareVersion string r len=..64 notify=forceEnabled
param Device.DeviceInfo.AdditionalHardwareVersion string r list
param Device.DeviceInfo.AdditionalSoftwareVersion string r list
param Device.DeviceInfo.ProvisioningCode string w len=..64 notify=forceEnabled
param Device.DeviceInfo.UpTime unsignedInt r notify=canDeny
param Device.DeviceInfo.FirstUseDate dateTime r
param Device.DeviceInfo.ActiveFirmwareImage string r
param Device.DeviceInfo.BootFirmwareImage string w
param Device.DeviceInfo.HostName string w len=..255
param Device.DeviceInfo.FirmwareImageNumberOfEntries unsignedInt r

object Device.DeviceInfo.FirmwareImage.{i}. r count=Device.DeviceInfo.FirmwareImageNumberOfEntries
param Device.DeviceInfo.FirmwareImage.{i}.Alias string w len=..64
param Device.DeviceInfo.FirmwareImage.{i}.Name string r len=..64
param Device.DeviceInfo.FirmwareImage.{i}.Version string r len=..64
param Device.DeviceInfo.FirmwareImage.{i}.Available boolean w
param Device.DeviceInfo.FirmwareImage.{i}.Status string r enum="NoImage|Active|Downloading|Validating|Available|DownloadFailed|ValidationFailed|InstallationFailed|ActivationFailed"
param Device.DeviceInfo.FirmwareImage.{i}.BootFailureLog string r

param Device.DeviceInfo.MemoryStatus.Total unsignedInt r
param Device.DeviceInfo.MemoryStatus.Free unsignedInt r notify=canDeny

param Device.DeviceInfo.ProcessStatus.CPUUsage unsignedInt r range=..100 notify=canDeny

# CWMP management
param Device.ManagementServer.EnableCWMP boolean w default="true"
param Device.ManagementServer.URL string w len=..2048
param Device.ManagementServer.Username string w len=..256
param Device.ManagementServer.Password string w len=..256
param Device.ManagementServer.PeriodicInformEnable boolean w
param Device.ManagementServer.PeriodicInformInterval unsignedInt w range=1..
param Device.ManagementServer.PeriodicInformTime dateTime w
param Device.ManagementServer.ParameterKey string r len=..32 notify=canDeny
param Device.ManagementServer.ConnectionRequestURL string r len=..2048 notify=forceDefaultEnabled
param Device.ManagementServer.ConnectionRequestUsername string w len=..256
param Device.ManagementServer.ConnectionRequestPassword string w len=..256
param Device.ManagementServer.UpgradesManaged boolean w
param Device.ManagementServer.DefaultActiveNotificationThrottle unsignedInt w
param Device.ManagementServer.CWMPRetryMinimumWaitInterval unsignedInt w range=1..65535 default="5"
param Device.ManagementServer.CWMPRetryIntervalMultiplier unsignedInt w range=1000..65535 default="2000"
param Device.ManagementServer.AliasBasedAddressing boolean r
param Device.ManagementServer.InstanceMode string w enum="InstanceNumber|InstanceAlias" default="InstanceNumber"
param Device.ManagementServer.AutoCreateInstances boolean w default="false"
param Device.ManagementServer.SupportedConnReqMethods string r enum="HTTP|STUN|XMPP" list
param Device.ManagementServer.HTTPConnectionRequestEnable boolean w default="true"
param Device.ManagementServer.ScheduleReboot dateTime w
param Device.ManagementServer.DelayReboot int w range=-1..
param Device.ManagementServer.KickURL string r len=..2048
param Device.ManagementServer.DownloadProgressURL string r len=..2048
param Device.ManagementServer.UDPConnectionRequestAddress string r len=..256
param Device.ManagementServer.STUNEnable boolean w
param Device.ManagementServer.STUNServerAddress string w len=..256
param Device.ManagementServer.STUNServerPort unsignedInt w range=0..65535
param Device.ManagementServer.STUNUsername string w len=..256
param Device.ManagementServer.STUNPassword string w len=..256
param Device.ManagementServer.STUNMaximumKeepAlivePeriod int w range=-1..
param Device.ManagementServer.STUNMinimumKeepAlivePeriod unsignedInt w
param Device.ManagementServer.NATDetected boolean r
param Device.ManagementServer.HTTPCompressionSupported string r enum="GZIP|Compress|Deflate" list
param Device.ManagementServer.HTTPCompression string w default="Disabled"
param Device.ManagementServer.InstanceWildcardsSupported boolean r
param Device.ManagementServer.InformParameterNumberOfEntries unsignedInt r

object Device.ManagementServer.InformParameter.{i}. w count=Device.ManagementServer.InformParameterNumberOfEntries
param Device.ManagementServer.InformParameter.{i}.Enable boolean w default="false"
param Device.ManagementServer.InformParameter.{i}.Alias string w len=..64
param Device.ManagementServer.InformParameter.{i}.ParameterName string w len=..256 default=""
param Device.ManagementServer.InformParameter.{i}.EventList string w list default=""

param Device.ManagementServer.HeartbeatPolicy.Enable boolean w
param Device.ManagementServer.HeartbeatPolicy.ReportingInterval unsignedInt w range=30.. default="86400"
param Device.ManagementServer.HeartbeatPolicy.InitiationTime dateTime w

# time
param Device.Time.Enable boolean w
param Device.Time.Status string r enum="Disabled|Unsynchronized|Synchronized|Error_FailedToSynchronize|Error"
param Device.Time.NTPServer1 string w len=..64
param Device.Time.NTPServer2 string w len=..64
param Device.Time.CurrentLocalTime dateTime r notify=canDeny
param Device.Time.LocalTimeZone string w len=..256

param Device.LANConfigSecurity.ConfigPassword string w len=..64

# local users
param Device.Users.UserNumberOfEntries unsignedInt r
object Device.Users.User.{i}. w count=Device.Users.UserNumberOfEntries
param Device.Users.User.{i}.Alias string w len=..64
param Device.Users.User.{i}.Enable boolean w default="false"
param Device.Users.User.{i}.Username string w len=..64 default=""
param Device.Users.User.{i}.Password string w len=..64
param Device.Users.User.{i}.Language string w len=..16 default=""

# Ethernet: 4 LAN ports and the WAN port
param Device.Ethernet.InterfaceNumberOfEntries unsignedInt r
object Device.Ethernet.Interface.{i}. r count=Device.Ethernet.InterfaceNumberOfEntries
param Device.Ethernet.Interface.{i}.Enable boolean w
param Device.Ethernet.Interface.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error"
param Device.Ethernet.Interface.{i}.Alias string w len=..64
param Device.Ethernet.Interface.{i}.Name string r len=..64
param Device.Ethernet.Interface.{i}.LastChange unsignedInt r notify=canDeny
param Device.Ethernet.Interface.{i}.LowerLayers string w list
param Device.Ethernet.Interface.{i}.Upstream boolean r
param Device.Ethernet.Interface.{i}.MACAddress string r len=..17
param Device.Ethernet.Interface.{i}.MaxBitRate int w range=-1..
param Device.Ethernet.Interface.{i}.CurrentBitRate unsignedInt r notify=canDeny
param Device.Ethernet.Interface.{i}.DuplexMode string w enum="Half|Full|Auto"
param Device.Ethernet.Interface.{i}.EEECapability boolean r
param Device.Ethernet.Interface.{i}.EEEEnable boolean w

param Device.Ethernet.Interface.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.ErrorsSent unsignedInt r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.ErrorsReceived unsignedInt r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.DiscardPacketsSent unsignedInt r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.DiscardPacketsReceived unsignedInt r notify=canDeny

param Device.Ethernet.LinkNumberOfEntries unsignedInt r
object Device.Ethernet.Link.{i}. w count=Device.Ethernet.LinkNumberOfEntries
param Device.Ethernet.Link.{i}.Enable boolean w default="false"
param Device.Ethernet.Link.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error" default="Down"
param Device.Ethernet.Link.{i}.Alias string w len=..64
param Device.Ethernet.Link.{i}.Name string r len=..64
param Device.Ethernet.Link.{i}.LastChange unsignedInt r notify=canDeny
param Device.Ethernet.Link.{i}.LowerLayers string w list default=""
param Device.Ethernet.Link.{i}.MACAddress string w len=..17

param Device.Ethernet.Link.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.Ethernet.Link.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.Ethernet.Link.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.Ethernet.Link.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny

# LAN bridge
param Device.Bridging.MaxBridgeEntries unsignedInt r
param Device.Bridging.BridgeNumberOfEntries unsignedInt r

object Device.Bridging.Bridge.{i}. w count=Device.Bridging.BridgeNumberOfEntries
param Device.Bridging.Bridge.{i}.Enable boolean w default="false"
param Device.Bridging.Bridge.{i}.Status string r enum="Disabled|Enabled|Error" default="Disabled"
param Device.Bridging.Bridge.{i}.Alias string w len=..64
param Device.Bridging.Bridge.{i}.Name string r len=..64
param Device.Bridging.Bridge.{i}.Standard string w enum="802.1D-2004|802.1Q-2005|802.1Q-2011"
param Device.Bridging.Bridge.{i}.AgingTime unsignedInt w range=10..1000000 default="300"
param Device.Bridging.Bridge.{i}.PortNumberOfEntries unsignedInt r

object Device.Bridging.Bridge.{i}.Port.{i}. w count=Device.Bridging.Bridge.{i}.PortNumberOfEntries
param Device.Bridging.Bridge.{i}.Port.{i}.Enable boolean w default="false"
param Device.Bridging.Bridge.{i}.Port.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error" default="Down"
param Device.Bridging.Bridge.{i}.Port.{i}.Alias string w len=..64
param Device.Bridging.Bridge.{i}.Port.{i}.Name string r len=..64
param Device.Bridging.Bridge.{i}.Port.{i}.LastChange unsignedInt r notify=canDeny
param Device.Bridging.Bridge.{i}.Port.{i}.LowerLayers string w list default=""
param Device.Bridging.Bridge.{i}.Port.{i}.ManagementPort boolean w default="false"
param Device.Bridging.Bridge.{i}.Port.{i}.PortState string r enum="Disabled|Blocking|Listening|Learning|Forwarding|Broken" default="Disabled"

# IP layer
param Device.IP.IPv4Capable boolean r
param Device.IP.IPv4Enable boolean w
param Device.IP.IPv4Status string r enum="Disabled|Enabled|Error"
param Device.IP.InterfaceNumberOfEntries unsignedInt r

object Device.IP.Interface.{i}. w count=Device.IP.InterfaceNumberOfEntries
param Device.IP.Interface.{i}.Enable boolean w default="false"
param Device.IP.Interface.{i}.IPv4Enable boolean w
param Device.IP.Interface.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error" default="Down"
param Device.IP.Interface.{i}.Alias string w len=..64
param Device.IP.Interface.{i}.Name string r len=..64
param Device.IP.Interface.{i}.LastChange unsignedInt r notify=canDeny
param Device.IP.Interface.{i}.LowerLayers string w list default=""
param Device.IP.Interface.{i}.Reset boolean w default="false"
param Device.IP.Interface.{i}.MaxMTUSize unsignedInt w range=64..65535
param Device.IP.Interface.{i}.Type string r enum="Normal|Loopback|Tunnel|Tunneled" default="Normal"
param Device.IP.Interface.{i}.Loopback boolean w default="false"
param Device.IP.Interface.{i}.IPv4AddressNumberOfEntries unsignedInt r

object Device.IP.Interface.{i}.IPv4Address.{i}. w count=Device.IP.Interface.{i}.IPv4AddressNumberOfEntries
param Device.IP.Interface.{i}.IPv4Address.{i}.Enable boolean w default="false"
param Device.IP.Interface.{i}.IPv4Address.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.IP.Interface.{i}.IPv4Address.{i}.Alias string w len=..64
param Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress string w len=..15
param Device.IP.Interface.{i}.IPv4Address.{i}.SubnetMask string w len=..15 default=""
param Device.IP.Interface.{i}.IPv4Address.{i}.AddressingType string r enum="DHCP|IKEv2|AutoIP|IPCP|Static" default="Static"

param Device.IP.Interface.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.IP.Interface.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.IP.Interface.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.IP.Interface.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny
param Device.IP.Interface.{i}.Stats.ErrorsSent unsignedInt r notify=canDeny
param Device.IP.Interface.{i}.Stats.ErrorsReceived unsignedInt r notify=canDeny

# routing
param Device.Routing.RouterNumberOfEntries unsignedInt r
object Device.Routing.Router.{i}. w count=Device.Routing.RouterNumberOfEntries
param Device.Routing.Router.{i}.Enable boolean w default="false"
param Device.Routing.Router.{i}.Status string r enum="Disabled|Enabled|Error" default="Disabled"
param Device.Routing.Router.{i}.Alias string w len=..64
param Device.Routing.Router.{i}.IPv4ForwardingNumberOfEntries unsignedInt r

object Device.Routing.Router.{i}.IPv4Forwarding.{i}. w count=Device.Routing.Router.{i}.IPv4ForwardingNumberOfEntries
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.Enable boolean w default="false"
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.Alias string w len=..64
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.StaticRoute boolean r default="true"
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.DestIPAddress string w len=..15 default=""
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.DestSubnetMask string w len=..15 default=""
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.GatewayIPAddress string w len=..15 default=""
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.Interface string w len=..256 default=""
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.Origin string r enum="DHCPv4|OSPF|IPCP|RIP|Static" default="Static"
param Device.Routing.Router.{i}.IPv4Forwarding.{i}.ForwardingMetric int w range=-1.. default="-1"

# DHCPv4 client (WAN) and server (LAN)
param Device.DHCPv4.ClientNumberOfEntries unsignedInt r
object Device.DHCPv4.Client.{i}. w count=Device.DHCPv4.ClientNumberOfEntries
param Device.DHCPv4.Client.{i}.Enable boolean w default="false"
param Device.DHCPv4.Client.{i}.Alias string w len=..64
param Device.DHCPv4.Client.{i}.Interface string w len=..256 default=""
param Device.DHCPv4.Client.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.DHCPv4.Client.{i}.DHCPStatus string r enum="Init|Selecting|Requesting|Rebinding|Bound|Renewing"
param Device.DHCPv4.Client.{i}.Renew boolean w default="false"
param Device.DHCPv4.Client.{i}.IPAddress string r len=..15 default=""
param Device.DHCPv4.Client.{i}.SubnetMask string r len=..15 default=""
param Device.DHCPv4.Client.{i}.IPRouters string r len=..15 list default=""
param Device.DHCPv4.Client.{i}.DNSServers string r len=..15 list default=""
param Device.DHCPv4.Client.{i}.LeaseTimeRemaining int r range=-1.. default="0" notify=canDeny
param Device.DHCPv4.Client.{i}.DHCPServer string r len=..15 default=""

param Device.DHCPv4.Server.Enable boolean w
param Device.DHCPv4.Server.PoolNumberOfEntries unsignedInt r

object Device.DHCPv4.Server.Pool.{i}. w count=Device.DHCPv4.Server.PoolNumberOfEntries
param Device.DHCPv4.Server.Pool.{i}.Enable boolean w default="false"
param Device.DHCPv4.Server.Pool.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.DHCPv4.Server.Pool.{i}.Alias string w len=..64
param Device.DHCPv4.Server.Pool.{i}.Order unsignedInt w range=1..
param Device.DHCPv4.Server.Pool.{i}.Interface string w len=..256 default=""
param Device.DHCPv4.Server.Pool.{i}.MinAddress string w len=..15
param Device.DHCPv4.Server.Pool.{i}.MaxAddress string w len=..15
param Device.DHCPv4.Server.Pool.{i}.ReservedAddresses string w len=..15 list default=""
param Device.DHCPv4.Server.Pool.{i}.SubnetMask string w len=..15
param Device.DHCPv4.Server.Pool.{i}.DNSServers string w len=..15 list
param Device.DHCPv4.Server.Pool.{i}.DomainName string w len=..64
param Device.DHCPv4.Server.Pool.{i}.IPRouters string w len=..15 list
param Device.DHCPv4.Server.Pool.{i}.LeaseTime int w range=-1.. default="86400"
param Device.DHCPv4.Server.Pool.{i}.StaticAddressNumberOfEntries unsignedInt r
param Device.DHCPv4.Server.Pool.{i}.ClientNumberOfEntries unsignedInt r

object Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}. w count=Device.DHCPv4.Server.Pool.{i}.StaticAddressNumberOfEntries
param Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.Enable boolean w default="false"
param Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.Alias string w len=..64
param Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.Chaddr string w len=..17 default=""
param Device.DHCPv4.Server.Pool.{i}.StaticAddress.{i}.Yiaddr string w len=..15 default=""

object Device.DHCPv4.Server.Pool.{i}.Client.{i}. r count=Device.DHCPv4.Server.Pool.{i}.ClientNumberOfEntries
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.Alias string w len=..64
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.Chaddr string r len=..17
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.Active boolean r
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4AddressNumberOfEntries unsignedInt r

object Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4Address.{i}. r count=Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4AddressNumberOfEntries
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4Address.{i}.IPAddress string r len=..15
param Device.DHCPv4.Server.Pool.{i}.Client.{i}.IPv4Address.{i}.LeaseTimeRemaining dateTime r

# DNS client
param Device.DNS.SupportedRecordTypes string r enum="A|AAAA|SRV|PTR" list

param Device.DNS.Client.Enable boolean w
param Device.DNS.Client.Status string r enum="Disabled|Enabled|Error"
param Device.DNS.Client.ServerNumberOfEntries unsignedInt r

object Device.DNS.Client.Server.{i}. w count=Device.DNS.Client.ServerNumberOfEntries
param Device.DNS.Client.Server.{i}.Enable boolean w default="false"
param Device.DNS.Client.Server.{i}.Status string r enum="Disabled|Enabled|Error" default="Disabled"
param Device.DNS.Client.Server.{i}.Alias string w len=..64
param Device.DNS.Client.Server.{i}.DNSServer string w len=..45
param Device.DNS.Client.Server.{i}.Interface string w len=..256 default=""
param Device.DNS.Client.Server.{i}.Type string r enum="DHCP|DHCPv4|DHCPv6|RouterAdvertisement|IPCP|Static" default="Static"

# NAT
param Device.NAT.MaxNumberOfPortMappings unsignedInt r
param Device.NAT.InterfaceSettingNumberOfEntries unsignedInt r
param Device.NAT.PortMappingNumberOfEntries unsignedInt r

object Device.NAT.InterfaceSetting.{i}. w count=Device.NAT.InterfaceSettingNumberOfEntries
param Device.NAT.InterfaceSetting.{i}.Enable boolean w default="false"
param Device.NAT.InterfaceSetting.{i}.Status string r enum="Disabled|Enabled|Enabled_NATForcedDisabled|Enabled_PortMappingDisabled|Error_Misconfigured|Error" default="Disabled"
param Device.NAT.InterfaceSetting.{i}.Alias string w len=..64
param Device.NAT.InterfaceSetting.{i}.Interface string w len=..256 default=""

object Device.NAT.PortMapping.{i}. w max=32 count=Device.NAT.PortMappingNumberOfEntries
param Device.NAT.PortMapping.{i}.Enable boolean w default="false"
param Device.NAT.PortMapping.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.NAT.PortMapping.{i}.Origin string r enum="User|System|UPnP|Controller" default="Controller"
param Device.NAT.PortMapping.{i}.Alias string w len=..64
param Device.NAT.PortMapping.{i}.Interface string w len=..256 default=""
param Device.NAT.PortMapping.{i}.AllInterfaces boolean w default="false"
param Device.NAT.PortMapping.{i}.LeaseDuration unsignedInt w notify=canDeny
param Device.NAT.PortMapping.{i}.RemoteHost string w default=""
param Device.NAT.PortMapping.{i}.ExternalPort unsignedInt w range=0..65535
param Device.NAT.PortMapping.{i}.ExternalPortEndRange unsignedInt w range=0..65535 default="0"
param Device.NAT.PortMapping.{i}.InternalPort unsignedInt w range=0..65535
param Device.NAT.PortMapping.{i}.Protocol string w enum="TCP|UDP"
param Device.NAT.PortMapping.{i}.InternalClient string w len=..256 default=""
param Device.NAT.PortMapping.{i}.Description string w len=..256 default=""

# Wi-Fi: a 2.4 GHz and a 5 GHz radio
param Device.WiFi.RadioNumberOfEntries unsignedInt r
object Device.WiFi.Radio.{i}. r count=Device.WiFi.RadioNumberOfEntries
param Device.WiFi.Radio.{i}.Enable boolean w
param Device.WiFi.Radio.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error"
param Device.WiFi.Radio.{i}.Alias string w len=..64
param Device.WiFi.Radio.{i}.Name string r len=..64
param Device.WiFi.Radio.{i}.LastChange unsignedInt r notify=canDeny
param Device.WiFi.Radio.{i}.LowerLayers string w list
param Device.WiFi.Radio.{i}.Upstream boolean r
param Device.WiFi.Radio.{i}.MaxBitRate unsignedInt r
param Device.WiFi.Radio.{i}.SupportedFrequencyBands string r enum="2.4GHz|5GHz|6GHz" list
param Device.WiFi.Radio.{i}.OperatingFrequencyBand string w
param Device.WiFi.Radio.{i}.SupportedStandards string r enum="a|b|g|n|ac|ax|be" list
param Device.WiFi.Radio.{i}.OperatingStandards string w list
param Device.WiFi.Radio.{i}.PossibleChannels string r list
param Device.WiFi.Radio.{i}.ChannelsInUse string r list notify=canDeny
param Device.WiFi.Radio.{i}.Channel unsignedInt w range=1..255
param Device.WiFi.Radio.{i}.AutoChannelSupported boolean r
param Device.WiFi.Radio.{i}.AutoChannelEnable boolean w
param Device.WiFi.Radio.{i}.AutoChannelRefreshPeriod unsignedInt w
param Device.WiFi.Radio.{i}.MaxSupportedSSIDs unsignedInt r range=1..
param Device.WiFi.Radio.{i}.MaxSupportedAssociations unsignedInt r range=1..
param Device.WiFi.Radio.{i}.SupportedOperatingChannelBandwidths string r enum="20MHz|40MHz|80MHz|160MHz|80+80MHz|320MHz-1|320MHz-2|Auto" list
param Device.WiFi.Radio.{i}.OperatingChannelBandwidth string w
param Device.WiFi.Radio.{i}.CurrentOperatingChannelBandwidth string r enum="20MHz|40MHz|80MHz|160MHz|80+80MHz|320MHz-1|320MHz-2"
param Device.WiFi.Radio.{i}.ExtensionChannel string w enum="AboveControlChannel|BelowControlChannel|Auto"
param Device.WiFi.Radio.{i}.GuardInterval string w enum="400nsec|800nsec|1xLTF_0.8us|1xLTF_1.6us|2xLTF_0.8us|2xLTF_1.6us|4xLTF_0.8us|4xLTF_3.2us|Auto"
param Device.WiFi.Radio.{i}.TransmitPowerSupported int r range=-1..100 list
param Device.WiFi.Radio.{i}.TransmitPower int w range=-1..100
param Device.WiFi.Radio.{i}.IEEE80211hSupported boolean r
param Device.WiFi.Radio.{i}.IEEE80211hEnabled boolean w
param Device.WiFi.Radio.{i}.RegulatoryDomain string w len=3..3
param Device.WiFi.Radio.{i}.BeaconPeriod unsignedInt w
param Device.WiFi.Radio.{i}.DTIMPeriod unsignedInt w

param Device.WiFi.Radio.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.WiFi.Radio.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.WiFi.Radio.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.WiFi.Radio.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny
param Device.WiFi.Radio.{i}.Stats.Noise int r

param Device.WiFi.SSIDNumberOfEntries unsignedInt r
object Device.WiFi.SSID.{i}. w max=8 count=Device.WiFi.SSIDNumberOfEntries
param Device.WiFi.SSID.{i}.Enable boolean w default="false"
param Device.WiFi.SSID.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error" default="Down"
param Device.WiFi.SSID.{i}.Alias string w len=..64
param Device.WiFi.SSID.{i}.Name string r len=..64
param Device.WiFi.SSID.{i}.LastChange unsignedInt r notify=canDeny
param Device.WiFi.SSID.{i}.LowerLayers string w list default=""
param Device.WiFi.SSID.{i}.BSSID string r len=..17
param Device.WiFi.SSID.{i}.MACAddress string r len=..17
param Device.WiFi.SSID.{i}.SSID string w len=..32
param Device.WiFi.SSID.{i}.Upstream boolean r

param Device.WiFi.SSID.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.WiFi.SSID.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.WiFi.SSID.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.WiFi.SSID.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny

param Device.WiFi.AccessPointNumberOfEntries unsignedInt r
object Device.WiFi.AccessPoint.{i}. w max=8 count=Device.WiFi.AccessPointNumberOfEntries
param Device.WiFi.AccessPoint.{i}.Enable boolean w default="false"
param Device.WiFi.AccessPoint.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.WiFi.AccessPoint.{i}.Alias string w len=..64
param Device.WiFi.AccessPoint.{i}.SSIDReference string w len=..256 default=""
param Device.WiFi.AccessPoint.{i}.SSIDAdvertisementEnabled boolean w
param Device.WiFi.AccessPoint.{i}.WMMCapability boolean r
param Device.WiFi.AccessPoint.{i}.UAPSDCapability boolean r
param Device.WiFi.AccessPoint.{i}.WMMEnable boolean w
param Device.WiFi.AccessPoint.{i}.UAPSDEnable boolean w
param Device.WiFi.AccessPoint.{i}.IsolationEnable boolean w
param Device.WiFi.AccessPoint.{i}.MACAddressControlEnabled boolean w
param Device.WiFi.AccessPoint.{i}.AllowedMACAddress string w len=..17 list
param Device.WiFi.AccessPoint.{i}.MaxAllowedAssociations unsignedInt w
param Device.WiFi.AccessPoint.{i}.AssociatedDeviceNumberOfEntries unsignedInt r

param Device.WiFi.AccessPoint.{i}.Security.ModesSupported string r enum="None|WEP-64|WEP-128|WPA-Personal|WPA2-Personal|WPA3-Personal|WPA-WPA2-Personal|WPA3-Personal-Transition|WPA-Enterprise|WPA2-Enterprise|WPA3-Enterprise|WPA-WPA2-Enterprise|OWE" list
param Device.WiFi.AccessPoint.{i}.Security.ModeEnabled string w
param Device.WiFi.AccessPoint.{i}.Security.PreSharedKey hexBinary w len=..32
param Device.WiFi.AccessPoint.{i}.Security.KeyPassphrase string w len=8..63
param Device.WiFi.AccessPoint.{i}.Security.RekeyingInterval unsignedInt w default="3600"
param Device.WiFi.AccessPoint.{i}.Security.SAEPassphrase string w
param Device.WiFi.AccessPoint.{i}.Security.RadiusServerIPAddr string w len=..45
param Device.WiFi.AccessPoint.{i}.Security.RadiusServerPort unsignedInt w default="1812"
param Device.WiFi.AccessPoint.{i}.Security.RadiusSecret string w
param Device.WiFi.AccessPoint.{i}.Security.MFPConfig string w enum="Disabled|Optional|Required" default="Disabled"

param Device.WiFi.AccessPoint.{i}.WPS.Enable boolean w default="true"
param Device.WiFi.AccessPoint.{i}.WPS.ConfigMethodsSupported string r enum="USBFlashDrive|Ethernet|Label|Display|ExternalNFCToken|IntegratedNFCToken|NFCInterface|PushButton|PIN|PhysicalPushButton|PhysicalDisplay|VirtualPushButton|VirtualDisplay" list
param Device.WiFi.AccessPoint.{i}.WPS.ConfigMethodsEnabled string w list

object Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}. r count=Device.WiFi.AccessPoint.{i}.AssociatedDeviceNumberOfEntries
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.MACAddress string r len=..17
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.OperatingStandard string r enum="a|b|g|n|ac|ax|be"
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.AuthenticationState boolean r
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.LastDataDownlinkRate unsignedInt r range=1000.. notify=canDeny
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.LastDataUplinkRate unsignedInt r range=1000.. notify=canDeny
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.SignalStrength int r range=-200..0
param Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.Active boolean r

# LAN hosts
param Device.Hosts.HostNumberOfEntries unsignedInt r
object Device.Hosts.Host.{i}. r count=Device.Hosts.HostNumberOfEntries
param Device.Hosts.Host.{i}.PhysAddress string r len=..64
param Device.Hosts.Host.{i}.IPAddress string r len=..45
param Device.Hosts.Host.{i}.DHCPClient string r list
param Device.Hosts.Host.{i}.AssociatedDevice string r len=..256
param Device.Hosts.Host.{i}.Layer1Interface string r len=..256
param Device.Hosts.Host.{i}.Layer3Interface string r len=..256
param Device.Hosts.Host.{i}.InterfaceType string r enum="Ethernet|G.hn|HPNA|HomePlug|MoCA|UPA|Wi-Fi|Other"
param Device.Hosts.Host.{i}.HostName string r len=..64
param Device.Hosts.Host.{i}.Active boolean r
param Device.Hosts.Host.{i}.ActiveLastChange dateTime r
param Device.Hosts.Host.{i}.IPv4AddressNumberOfEntries unsignedInt r

object Device.Hosts.Host.{i}.IPv4Address.{i}. r count=Device.Hosts.Host.{i}.IPv4AddressNumberOfEntries
param Device.Hosts.Host.{i}.IPv4Address.{i}.IPAddress string r len=..15

# software modules (TR-157)
param Device.SoftwareModules.ExecEnvNumberOfEntries unsignedInt r
object Device.SoftwareModules.ExecEnv.{i}. r count=Device.SoftwareModules.ExecEnvNumberOfEntries
param Device.SoftwareModules.ExecEnv.{i}.Enable boolean w
param Device.SoftwareModules.ExecEnv.{i}.Status string r enum="Up|Error|Disabled"
param Device.SoftwareModules.ExecEnv.{i}.Reset boolean w
param Device.SoftwareModules.ExecEnv.{i}.Alias string w len=..64
param Device.SoftwareModules.ExecEnv.{i}.Name string r len=..256
param Device.SoftwareModules.ExecEnv.{i}.Type string r len=..64
param Device.SoftwareModules.ExecEnv.{i}.InitialRunLevel unsignedInt w range=..65535
param Device.SoftwareModules.ExecEnv.{i}.CurrentRunLevel int r range=-1..65535
param Device.SoftwareModules.ExecEnv.{i}.Vendor string r len=..128
param Device.SoftwareModules.ExecEnv.{i}.Version string r len=..32
param Device.SoftwareModules.ExecEnv.{i}.AllocatedDiskSpace int r range=-1.. default="-1"
param Device.SoftwareModules.ExecEnv.{i}.AvailableDiskSpace int r range=-1.. notify=canDeny
param Device.SoftwareModules.ExecEnv.{i}.AllocatedMemory int r range=-1.. default="-1"
param Device.SoftwareModules.ExecEnv.{i}.AvailableMemory int r range=-1.. notify=canDeny
param Device.SoftwareModules.ExecEnv.{i}.ActiveExecutionUnits string r list notify=canDeny

param Device.SoftwareModules.DeploymentUnitNumberOfEntries unsignedInt r
object Device.SoftwareModules.DeploymentUnit.{i}. r count=Device.SoftwareModules.DeploymentUnitNumberOfEntries
param Device.SoftwareModules.DeploymentUnit.{i}.UUID string r len=36..36
param Device.SoftwareModules.DeploymentUnit.{i}.DUID string r len=..64
param Device.SoftwareModules.DeploymentUnit.{i}.Alias string w len=..64
param Device.SoftwareModules.DeploymentUnit.{i}.Name string r len=..256
param Device.SoftwareModules.DeploymentUnit.{i}.Status string r enum="Installing|Installed|Updating|Uninstalling|Uninstalled" notify=canDeny
param Device.SoftwareModules.DeploymentUnit.{i}.Resolved boolean r
param Device.SoftwareModules.DeploymentUnit.{i}.URL string r len=..2048
param Device.SoftwareModules.DeploymentUnit.{i}.Description string r len=..256
param Device.SoftwareModules.DeploymentUnit.{i}.Vendor string r len=..128
param Device.SoftwareModules.DeploymentUnit.{i}.Version string r len=..32
param Device.SoftwareModules.DeploymentUnit.{i}.VendorLogList string r list
param Device.SoftwareModules.DeploymentUnit.{i}.VendorConfigList string r list
param Device.SoftwareModules.DeploymentUnit.{i}.ExecutionUnitList string r list
param Device.SoftwareModules.DeploymentUnit.{i}.ExecutionEnvRef string r

param Device.SoftwareModules.ExecutionUnitNumberOfEntries unsignedInt r
object Device.SoftwareModules.ExecutionUnit.{i}. r count=Device.SoftwareModules.ExecutionUnitNumberOfEntries
param Device.SoftwareModules.ExecutionUnit.{i}.EUID string r len=..64
param Device.SoftwareModules.ExecutionUnit.{i}.Alias string w len=..64
param Device.SoftwareModules.ExecutionUnit.{i}.Name string r len=..256
param Device.SoftwareModules.ExecutionUnit.{i}.ExecEnvLabel string r len=..64
param Device.SoftwareModules.ExecutionUnit.{i}.Status string r enum="Idle|Starting|Active|Stopping" notify=forceDefaultEnabled
param Device.SoftwareModules.ExecutionUnit.{i}.RequestedState string w enum="Idle|Active"
param Device.SoftwareModules.ExecutionUnit.{i}.ExecutionFaultCode string r enum="NoFault|FailureOnStart|FailureOnAutoStart|FailureOnStop|FailureWhileActive|DependencyFailure|UnStartable"
param Device.SoftwareModules.ExecutionUnit.{i}.ExecutionFaultMessage string r len=..256
param Device.SoftwareModules.ExecutionUnit.{i}.AutoStart boolean w
param Device.SoftwareModules.ExecutionUnit.{i}.RunLevel unsignedInt w range=..65535
param Device.SoftwareModules.ExecutionUnit.{i}.Vendor string r len=..128
param Device.SoftwareModules.ExecutionUnit.{i}.Version string r len=..32
param Device.SoftwareModules.ExecutionUnit.{i}.Description string r len=..256
param Device.SoftwareModules.ExecutionUnit.{i}.DiskSpaceInUse int r range=-1.. notify=canDeny
param Device.SoftwareModules.ExecutionUnit.{i}.MemoryInUse int r range=-1.. notify=canDeny
param Device.SoftwareModules.ExecutionUnit.{i}.References string r list
param Device.SoftwareModules.ExecutionUnit.{i}.AssociatedProcessList string r list
param Device.SoftwareModules.ExecutionUnit.{i}.VendorLogList string r list
param Device.SoftwareModules.ExecutionUnit.{i}.VendorConfigList string r list
param Device.SoftwareModules.ExecutionUnit.{i}.SupportedDataModelList string r list
param Device.SoftwareModules.ExecutionUnit.{i}.ExecutionEnvRef string r

# instances present at first boot
instance Device.DeviceInfo.FirmwareImage.1.
instance Device.DeviceInfo.FirmwareImage.2.
instance Device.Users.User.1.
instance Device.Users.User.2.
instance Device.Ethernet.Interface.1.
instance Device.Ethernet.Interface.2.
instance Device.Ethernet.Interface.3.
instance Device.Ethernet.Interface.4.
instance Device.Ethernet.Interface.5.
instance Device.Ethernet.Link.1.
instance Device.Ethernet.Link.2.
instance Device.Bridging.Bridge.1.
instance Device.Bridging.Bridge.1.Port.1.
instance Device.Bridging.Bridge.1.Port.2.
instance Device.Bridging.Bridge.1.Port.3.
instance Device.Bridging.Bridge.1.Port.4.
instance Device.Bridging.Bridge.1.Port.5.
instance Device.Bridging.Bridge.1.Port.6.
instance Device.Bridging.Bridge.1.Port.7.
instance Device.IP.Interface.1.
instance Device.IP.Interface.1.IPv4Address.1.
instance Device.IP.Interface.2.
instance Device.IP.Interface.2.IPv4Address.1.
instance Device.Routing.Router.1.
instance Device.Routing.Router.1.IPv4Forwarding.1.
instance Device.DHCPv4.Client.1.
instance Device.DHCPv4.Server.Pool.1.
instance Device.DHCPv4.Server.Pool.1.Client.1.
instance Device.DHCPv4.Server.Pool.1.Client.1.IPv4Address.1.
instance Device.DHCPv4.Server.Pool.1.Client.2.
instance Device.DHCPv4.Server.Pool.1.Client.2.IPv4Address.1.
instance Device.DHCPv4.Server.Pool.1.Client.3.
instance Device.DHCPv4.Server.Pool.1.Client.3.IPv4Address.1.
instance Device.DNS.Client.Server.1.
instance Device.DNS.Client.Server.2.
instance Device.NAT.InterfaceSetting.1.
instance Device.WiFi.Radio.1.
instance Device.WiFi.Radio.2.
instance Device.WiFi.SSID.1.
instance Device.WiFi.SSID.2.
instance Device.WiFi.AccessPoint.1.
instance Device.WiFi.AccessPoint.1.AssociatedDevice.1.
instance Device.WiFi.AccessPoint.2.
instance Device.WiFi.AccessPoint.2.AssociatedDevice.1.
instance Device.Hosts.Host.1.
instance Device.Hosts.Host.1.IPv4Address.1.
instance Device.Hosts.Host.2.
instance Device.Hosts.Host.2.IPv4Address.1.
instance Device.Hosts.Host.3.
instance Device.Hosts.Host.3.IPv4Address.1.
instance Device.Hosts.Host.4.
instance Device.Hosts.Host.4.IPv4Address.1.
instance Device.SoftwareModules.ExecEnv.1.

# initial values
value Device.RootDataModelVersion "2.17"
value Device.DeviceInfo.Manufacturer "Aurora Broadband"
value Device.DeviceInfo.ManufacturerOUI "A4B1C2"
value Device.DeviceInfo.ModelName "AX3000 Home Gateway"
value Device.DeviceInfo.ModelNumber "HGW-AX3000-EU"
value Device.DeviceInfo.Description "Wi-Fi 6 home gateway with four gigabit LAN ports"
value Device.DeviceInfo.ProductClass "HGW-AX3000"
value Device.DeviceInfo.SerialNumber "AUR2401000001"
value Device.DeviceInfo.HardwareVersion "HW1.2"
value Device.DeviceInfo.SoftwareVersion "3.4.1-build2417"
value Device.DeviceInfo.AdditionalSoftwareVersion "boot-2.1.0"
value Device.DeviceInfo.HostName "gateway"
value Device.DeviceInfo.ActiveFirmwareImage "Device.DeviceInfo.FirmwareImage.1"
value Device.DeviceInfo.BootFirmwareImage "Device.DeviceInfo.FirmwareImage.1"
value Device.DeviceInfo.FirmwareImage.1.Name "bank0"
value Device.DeviceInfo.FirmwareImage.1.Version "3.4.1-build2417"
value Device.DeviceInfo.FirmwareImage.1.Available "true"
value Device.DeviceInfo.FirmwareImage.1.Status "Active"
value Device.DeviceInfo.FirmwareImage.2.Name "bank1"
value Device.DeviceInfo.FirmwareImage.2.Version "3.3.8-build2302"
value Device.DeviceInfo.FirmwareImage.2.Available "true"
value Device.DeviceInfo.FirmwareImage.2.Status "Available"
value Device.DeviceInfo.MemoryStatus.Total "524288"
value Device.DeviceInfo.MemoryStatus.Free "301568"
value Device.DeviceInfo.ProcessStatus.CPUUsage "4"
value Device.ManagementServer.URL "http://acs.example.net:7547/"
value Device.ManagementServer.PeriodicInformEnable "true"
value Device.ManagementServer.PeriodicInformInterval "86400"
value Device.ManagementServer.ConnectionRequestURL "http://203.0.113.45:7547/"
value Device.ManagementServer.SupportedConnReqMethods "HTTP,STUN"
value Device.ManagementServer.STUNServerPort "3478"
value Device.ManagementServer.STUNMaximumKeepAlivePeriod "-1"
value Device.ManagementServer.HTTPCompressionSupported "GZIP"
value Device.Time.Enable "true"
value Device.Time.Status "Synchronized"
value Device.Time.NTPServer1 "0.pool.ntp.org"
value Device.Time.NTPServer2 "1.pool.ntp.org"
value Device.Time.LocalTimeZone "CET-1CEST,M3.5.0,M10.5.0/3"
value Device.Users.User.1.Enable "true"
value Device.Users.User.1.Username "admin"
value Device.Users.User.1.Language "en"
value Device.Users.User.2.Username "support"
value Device.Users.User.2.Language "en"
value Device.Ethernet.Interface.1.Enable "true"
value Device.Ethernet.Interface.1.Status "Up"
value Device.Ethernet.Interface.1.Name "eth0"
value Device.Ethernet.Interface.1.Upstream "false"
value Device.Ethernet.Interface.1.MACAddress "A4:B1:C2:3F:10:01"
value Device.Ethernet.Interface.1.MaxBitRate "-1"
value Device.Ethernet.Interface.1.CurrentBitRate "1000"
value Device.Ethernet.Interface.1.DuplexMode "Auto"
value Device.Ethernet.Interface.1.EEECapability "true"
value Device.Ethernet.Interface.2.Enable "true"
value Device.Ethernet.Interface.2.Status "Up"
value Device.Ethernet.Interface.2.Name "eth1"
value Device.Ethernet.Interface.2.Upstream "false"
value Device.Ethernet.Interface.2.MACAddress "A4:B1:C2:3F:10:02"
value Device.Ethernet.Interface.2.MaxBitRate "-1"
value Device.Ethernet.Interface.2.CurrentBitRate "1000"
value Device.Ethernet.Interface.2.DuplexMode "Auto"
value Device.Ethernet.Interface.2.EEECapability "true"
value Device.Ethernet.Interface.3.Enable "true"
value Device.Ethernet.Interface.3.Status "Down"
value Device.Ethernet.Interface.3.Name "eth2"
value Device.Ethernet.Interface.3.Upstream "false"
value Device.Ethernet.Interface.3.MACAddress "A4:B1:C2:3F:10:03"
value Device.Ethernet.Interface.3.MaxBitRate "-1"
value Device.Ethernet.Interface.3.CurrentBitRate "0"
value Device.Ethernet.Interface.3.DuplexMode "Auto"
value Device.Ethernet.Interface.3.EEECapability "true"
value Device.Ethernet.Interface.4.Enable "true"
value Device.Ethernet.Interface.4.Status "Down"
value Device.Ethernet.Interface.4.Name "eth3"
value Device.Ethernet.Interface.4.Upstream "false"
value Device.Ethernet.Interface.4.MACAddress "A4:B1:C2:3F:10:04"
value Device.Ethernet.Interface.4.MaxBitRate "-1"
value Device.Ethernet.Interface.4.CurrentBitRate "0"
value Device.Ethernet.Interface.4.DuplexMode "Auto"
value Device.Ethernet.Interface.4.EEECapability "true"
value Device.Ethernet.Interface.5.Enable "true"
value Device.Ethernet.Interface.5.Status "Up"
value Device.Ethernet.Interface.5.Name "eth4"
value Device.Ethernet.Interface.5.Upstream "true"
value Device.Ethernet.Interface.5.MACAddress "A4:B1:C2:3F:10:05"
value Device.Ethernet.Interface.5.MaxBitRate "-1"
value Device.Ethernet.Interface.5.CurrentBitRate "1000"
value Device.Ethernet.Interface.5.DuplexMode "Auto"
value Device.Ethernet.Interface.5.EEECapability "true"
value Device.Ethernet.Link.1.Enable "true"
value Device.Ethernet.Link.1.Status "Up"
value Device.Ethernet.Link.1.Name "br-lan"
value Device.Ethernet.Link.1.LowerLayers "Device.Bridging.Bridge.1.Port.1"
value Device.Ethernet.Link.1.MACAddress "A4:B1:C2:3F:10:00"
value Device.Ethernet.Link.2.Enable "true"
value Device.Ethernet.Link.2.Status "Up"
value Device.Ethernet.Link.2.Name "wan"
value Device.Ethernet.Link.2.LowerLayers "Device.Ethernet.Interface.5"
value Device.Ethernet.Link.2.MACAddress "A4:B1:C2:3F:10:05"
value Device.Bridging.MaxBridgeEntries "4"
value Device.Bridging.Bridge.1.Enable "true"
value Device.Bridging.Bridge.1.Status "Enabled"
value Device.Bridging.Bridge.1.Name "br-lan"
value Device.Bridging.Bridge.1.Standard "802.1D-2004"
value Device.Bridging.Bridge.1.Port.1.Enable "true"
value Device.Bridging.Bridge.1.Port.1.Status "Up"
value Device.Bridging.Bridge.1.Port.1.Name "br-lan"
value Device.Bridging.Bridge.1.Port.1.ManagementPort "true"
value Device.Bridging.Bridge.1.Port.1.PortState "Forwarding"
value Device.Bridging.Bridge.1.Port.1.LowerLayers "Device.Bridging.Bridge.1.Port.2,Device.Bridging.Bridge.1.Port.3,Device.Bridging.Bridge.1.Port.4,Device.Bridging.Bridge.1.Port.5,Device.Bridging.Bridge.1.Port.6,Device.Bridging.Bridge.1.Port.7"
value Device.Bridging.Bridge.1.Port.2.Enable "true"
value Device.Bridging.Bridge.1.Port.2.Status "Up"
value Device.Bridging.Bridge.1.Port.2.Name "eth0"
value Device.Bridging.Bridge.1.Port.2.LowerLayers "Device.Ethernet.Interface.1"
value Device.Bridging.Bridge.1.Port.2.PortState "Forwarding"
value Device.Bridging.Bridge.1.Port.3.Enable "true"
value Device.Bridging.Bridge.1.Port.3.Status "Up"
value Device.Bridging.Bridge.1.Port.3.Name "eth1"
value Device.Bridging.Bridge.1.Port.3.LowerLayers "Device.Ethernet.Interface.2"
value Device.Bridging.Bridge.1.Port.3.PortState "Forwarding"
value Device.Bridging.Bridge.1.Port.4.Enable "true"
value Device.Bridging.Bridge.1.Port.4.Status "LowerLayerDown"
value Device.Bridging.Bridge.1.Port.4.Name "eth2"
value Device.Bridging.Bridge.1.Port.4.LowerLayers "Device.Ethernet.Interface.3"
value Device.Bridging.Bridge.1.Port.4.PortState "Disabled"
value Device.Bridging.Bridge.1.Port.5.Enable "true"
value Device.Bridging.Bridge.1.Port.5.Status "LowerLayerDown"
value Device.Bridging.Bridge.1.Port.5.Name "eth3"
value Device.Bridging.Bridge.1.Port.5.LowerLayers "Device.Ethernet.Interface.4"
value Device.Bridging.Bridge.1.Port.5.PortState "Disabled"
value Device.Bridging.Bridge.1.Port.6.Enable "true"
value Device.Bridging.Bridge.1.Port.6.Status "Up"
value Device.Bridging.Bridge.1.Port.6.Name "wl0"
value Device.Bridging.Bridge.1.Port.6.LowerLayers "Device.WiFi.SSID.1"
value Device.Bridging.Bridge.1.Port.6.PortState "Forwarding"
value Device.Bridging.Bridge.1.Port.7.Enable "true"
value Device.Bridging.Bridge.1.Port.7.Status "Up"
value Device.Bridging.Bridge.1.Port.7.Name "wl1"
value Device.Bridging.Bridge.1.Port.7.LowerLayers "Device.WiFi.SSID.2"
value Device.Bridging.Bridge.1.Port.7.PortState "Forwarding"
value Device.IP.IPv4Capable "true"
value Device.IP.IPv4Enable "true"
value Device.IP.IPv4Status "Enabled"
value Device.IP.Interface.1.Enable "true"
value Device.IP.Interface.1.IPv4Enable "true"
value Device.IP.Interface.1.Status "Up"
value Device.IP.Interface.1.Name "wan"
value Device.IP.Interface.1.LowerLayers "Device.Ethernet.Link.2"
value Device.IP.Interface.1.MaxMTUSize "1500"
value Device.IP.Interface.1.IPv4Address.1.Enable "true"
value Device.IP.Interface.1.IPv4Address.1.Status "Enabled"
value Device.IP.Interface.1.IPv4Address.1.IPAddress "203.0.113.45"
value Device.IP.Interface.1.IPv4Address.1.SubnetMask "255.255.255.0"
value Device.IP.Interface.1.IPv4Address.1.AddressingType "DHCP"
value Device.IP.Interface.2.Enable "true"
value Device.IP.Interface.2.IPv4Enable "true"
value Device.IP.Interface.2.Status "Up"
value Device.IP.Interface.2.Name "lan"
value Device.IP.Interface.2.LowerLayers "Device.Ethernet.Link.1"
value Device.IP.Interface.2.MaxMTUSize "1500"
value Device.IP.Interface.2.IPv4Address.1.Enable "true"
value Device.IP.Interface.2.IPv4Address.1.Status "Enabled"
value Device.IP.Interface.2.IPv4Address.1.IPAddress "192.168.1.1"
value Device.IP.Interface.2.IPv4Address.1.SubnetMask "255.255.255.0"
value Device.Routing.Router.1.Enable "true"
value Device.Routing.Router.1.Status "Enabled"
value Device.Routing.Router.1.IPv4Forwarding.1.Enable "true"
value Device.Routing.Router.1.IPv4Forwarding.1.Status "Enabled"
value Device.Routing.Router.1.IPv4Forwarding.1.StaticRoute "false"
value Device.Routing.Router.1.IPv4Forwarding.1.GatewayIPAddress "203.0.113.1"
value Device.Routing.Router.1.IPv4Forwarding.1.Interface "Device.IP.Interface.1"
value Device.Routing.Router.1.IPv4Forwarding.1.Origin "DHCPv4"
value Device.Routing.Router.1.IPv4Forwarding.1.ForwardingMetric "0"
value Device.DHCPv4.Client.1.Enable "true"
value Device.DHCPv4.Client.1.Interface "Device.IP.Interface.1"
value Device.DHCPv4.Client.1.Status "Enabled"
value Device.DHCPv4.Client.1.DHCPStatus "Bound"
value Device.DHCPv4.Client.1.IPAddress "203.0.113.45"
value Device.DHCPv4.Client.1.SubnetMask "255.255.255.0"
value Device.DHCPv4.Client.1.IPRouters "203.0.113.1"
value Device.DHCPv4.Client.1.DNSServers "198.51.100.53,198.51.100.54"
value Device.DHCPv4.Client.1.LeaseTimeRemaining "43200"
value Device.DHCPv4.Client.1.DHCPServer "203.0.113.1"
value Device.DHCPv4.Server.Enable "true"
value Device.DHCPv4.Server.Pool.1.Enable "true"
value Device.DHCPv4.Server.Pool.1.Status "Enabled"
value Device.DHCPv4.Server.Pool.1.Order "1"
value Device.DHCPv4.Server.Pool.1.Interface "Device.IP.Interface.2"
value Device.DHCPv4.Server.Pool.1.MinAddress "192.168.1.100"
value Device.DHCPv4.Server.Pool.1.MaxAddress "192.168.1.249"
value Device.DHCPv4.Server.Pool.1.SubnetMask "255.255.255.0"
value Device.DHCPv4.Server.Pool.1.DNSServers "192.168.1.1"
value Device.DHCPv4.Server.Pool.1.DomainName "home.lan"
value Device.DHCPv4.Server.Pool.1.IPRouters "192.168.1.1"
value Device.Hosts.Host.1.PhysAddress "3C:52:82:1A:2B:3C"
value Device.Hosts.Host.1.IPAddress "192.168.1.100"
value Device.Hosts.Host.1.DHCPClient "Device.DHCPv4.Server.Pool.1.Client.1"
value Device.Hosts.Host.1.Layer1Interface "Device.Ethernet.Interface.1"
value Device.Hosts.Host.1.Layer3Interface "Device.IP.Interface.2"
value Device.Hosts.Host.1.InterfaceType "Ethernet"
value Device.Hosts.Host.1.HostName "desktop-pc"
value Device.Hosts.Host.1.Active "true"
value Device.Hosts.Host.1.ActiveLastChange "2024-03-01T08:15:00Z"
value Device.Hosts.Host.1.IPv4Address.1.IPAddress "192.168.1.100"
value Device.DHCPv4.Server.Pool.1.Client.1.Chaddr "3C:52:82:1A:2B:3C"
value Device.DHCPv4.Server.Pool.1.Client.1.Active "true"
value Device.DHCPv4.Server.Pool.1.Client.1.IPv4Address.1.IPAddress "192.168.1.100"
value Device.DHCPv4.Server.Pool.1.Client.1.IPv4Address.1.LeaseTimeRemaining "2024-03-02T08:15:00Z"
value Device.Hosts.Host.2.PhysAddress "F0:18:98:44:7E:21"
value Device.Hosts.Host.2.IPAddress "192.168.1.101"
value Device.Hosts.Host.2.DHCPClient "Device.DHCPv4.Server.Pool.1.Client.2"
value Device.Hosts.Host.2.Layer1Interface "Device.WiFi.SSID.1"
value Device.Hosts.Host.2.Layer3Interface "Device.IP.Interface.2"
value Device.Hosts.Host.2.InterfaceType "Wi-Fi"
value Device.Hosts.Host.2.HostName "laptop"
value Device.Hosts.Host.2.Active "true"
value Device.Hosts.Host.2.ActiveLastChange "2024-03-01T08:15:00Z"
value Device.Hosts.Host.2.AssociatedDevice "Device.WiFi.AccessPoint.1.AssociatedDevice.1"
value Device.Hosts.Host.2.IPv4Address.1.IPAddress "192.168.1.101"
value Device.DHCPv4.Server.Pool.1.Client.2.Chaddr "F0:18:98:44:7E:21"
value Device.DHCPv4.Server.Pool.1.Client.2.Active "true"
value Device.DHCPv4.Server.Pool.1.Client.2.IPv4Address.1.IPAddress "192.168.1.101"
value Device.DHCPv4.Server.Pool.1.Client.2.IPv4Address.1.LeaseTimeRemaining "2024-03-02T08:15:00Z"
value Device.Hosts.Host.3.PhysAddress "5C:AD:CF:90:12:6B"
value Device.Hosts.Host.3.IPAddress "192.168.1.102"
value Device.Hosts.Host.3.DHCPClient "Device.DHCPv4.Server.Pool.1.Client.3"
value Device.Hosts.Host.3.Layer1Interface "Device.WiFi.SSID.2"
value Device.Hosts.Host.3.Layer3Interface "Device.IP.Interface.2"
value Device.Hosts.Host.3.InterfaceType "Wi-Fi"
value Device.Hosts.Host.3.HostName "phone"
value Device.Hosts.Host.3.Active "true"
value Device.Hosts.Host.3.ActiveLastChange "2024-03-01T08:15:00Z"
value Device.Hosts.Host.3.AssociatedDevice "Device.WiFi.AccessPoint.2.AssociatedDevice.1"
value Device.Hosts.Host.3.IPv4Address.1.IPAddress "192.168.1.102"
value Device.DHCPv4.Server.Pool.1.Client.3.Chaddr "5C:AD:CF:90:12:6B"
value Device.DHCPv4.Server.Pool.1.Client.3.Active "true"
value Device.DHCPv4.Server.Pool.1.Client.3.IPv4Address.1.IPAddress "192.168.1.102"
value Device.DHCPv4.Server.Pool.1.Client.3.IPv4Address.1.LeaseTimeRemaining "2024-03-02T08:15:00Z"
value Device.Hosts.Host.4.PhysAddress "00:1B:A9:5D:33:0E"
value Device.Hosts.Host.4.IPAddress "192.168.1.20"
value Device.Hosts.Host.4.DHCPClient ""
value Device.Hosts.Host.4.Layer1Interface "Device.Ethernet.Interface.2"
value Device.Hosts.Host.4.Layer3Interface "Device.IP.Interface.2"
value Device.Hosts.Host.4.InterfaceType "Ethernet"
value Device.Hosts.Host.4.HostName "printer"
value Device.Hosts.Host.4.Active "true"
value Device.Hosts.Host.4.ActiveLastChange "2024-03-01T08:15:00Z"
value Device.Hosts.Host.4.IPv4Address.1.IPAddress "192.168.1.20"
value Device.DNS.SupportedRecordTypes "A,AAAA,SRV,PTR"
value Device.DNS.Client.Enable "true"
value Device.DNS.Client.Status "Enabled"
value Device.DNS.Client.Server.1.Enable "true"
value Device.DNS.Client.Server.1.Status "Enabled"
value Device.DNS.Client.Server.1.DNSServer "198.51.100.53"
value Device.DNS.Client.Server.1.Interface "Device.IP.Interface.1"
value Device.DNS.Client.Server.1.Type "DHCPv4"
value Device.DNS.Client.Server.2.Enable "true"
value Device.DNS.Client.Server.2.Status "Enabled"
value Device.DNS.Client.Server.2.DNSServer "198.51.100.54"
value Device.DNS.Client.Server.2.Interface "Device.IP.Interface.1"
value Device.DNS.Client.Server.2.Type "DHCPv4"
value Device.NAT.MaxNumberOfPortMappings "32"
value Device.NAT.InterfaceSetting.1.Enable "true"
value Device.NAT.InterfaceSetting.1.Status "Enabled"
value Device.NAT.InterfaceSetting.1.Interface "Device.IP.Interface.1"
value Device.WiFi.Radio.1.Enable "true"
value Device.WiFi.Radio.1.Status "Up"
value Device.WiFi.Radio.1.AutoChannelSupported "true"
value Device.WiFi.Radio.1.AutoChannelEnable "true"
value Device.WiFi.Radio.1.MaxSupportedSSIDs "4"
value Device.WiFi.Radio.1.MaxSupportedAssociations "64"
value Device.WiFi.Radio.1.OperatingChannelBandwidth "Auto"
value Device.WiFi.Radio.1.ExtensionChannel "Auto"
value Device.WiFi.Radio.1.GuardInterval "Auto"
value Device.WiFi.Radio.1.TransmitPowerSupported "25,50,75,100"
value Device.WiFi.Radio.1.TransmitPower "100"
value Device.WiFi.Radio.1.RegulatoryDomain "DE "
value Device.WiFi.Radio.1.BeaconPeriod "100"
value Device.WiFi.Radio.1.DTIMPeriod "1"
value Device.WiFi.Radio.1.Name "wifi0"
value Device.WiFi.Radio.1.MaxBitRate "574"
value Device.WiFi.Radio.1.SupportedFrequencyBands "2.4GHz"
value Device.WiFi.Radio.1.OperatingFrequencyBand "2.4GHz"
value Device.WiFi.Radio.1.SupportedStandards "b,g,n,ax"
value Device.WiFi.Radio.1.OperatingStandards "g,n,ax"
value Device.WiFi.Radio.1.PossibleChannels "1,2,3,4,5,6,7,8,9,10,11,12,13"
value Device.WiFi.Radio.1.ChannelsInUse "6"
value Device.WiFi.Radio.1.Channel "6"
value Device.WiFi.Radio.1.SupportedOperatingChannelBandwidths "20MHz,40MHz,Auto"
value Device.WiFi.Radio.1.CurrentOperatingChannelBandwidth "20MHz"
value Device.WiFi.Radio.1.IEEE80211hSupported "false"
value Device.WiFi.Radio.1.Stats.Noise "-92"
value Device.WiFi.SSID.1.Enable "true"
value Device.WiFi.SSID.1.Status "Up"
value Device.WiFi.SSID.1.Name "wl0"
value Device.WiFi.SSID.1.LowerLayers "Device.WiFi.Radio.1"
value Device.WiFi.SSID.1.BSSID "A4:B1:C2:3F:10:10"
value Device.WiFi.SSID.1.MACAddress "A4:B1:C2:3F:10:10"
value Device.WiFi.SSID.1.SSID "Aurora-3F10"
value Device.WiFi.AccessPoint.1.Enable "true"
value Device.WiFi.AccessPoint.1.Status "Enabled"
value Device.WiFi.AccessPoint.1.SSIDReference "Device.WiFi.SSID.1"
value Device.WiFi.AccessPoint.1.SSIDAdvertisementEnabled "true"
value Device.WiFi.AccessPoint.1.WMMCapability "true"
value Device.WiFi.AccessPoint.1.UAPSDCapability "true"
value Device.WiFi.AccessPoint.1.WMMEnable "true"
value Device.WiFi.AccessPoint.1.UAPSDEnable "true"
value Device.WiFi.AccessPoint.1.MaxAllowedAssociations "32"
value Device.WiFi.AccessPoint.1.Security.ModesSupported "None,WPA2-Personal,WPA3-Personal,WPA3-Personal-Transition,WPA2-Enterprise"
value Device.WiFi.AccessPoint.1.Security.ModeEnabled "WPA2-Personal"
value Device.WiFi.AccessPoint.1.Security.KeyPassphrase "kx7q-t4mv-92bd"
value Device.WiFi.AccessPoint.1.WPS.ConfigMethodsSupported "PushButton,PIN"
value Device.WiFi.AccessPoint.1.WPS.ConfigMethodsEnabled "PushButton"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.MACAddress "F0:18:98:44:7E:21"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.OperatingStandard "n"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.AuthenticationState "true"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.LastDataDownlinkRate "144000"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.LastDataUplinkRate "130000"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.SignalStrength "-51"
value Device.WiFi.AccessPoint.1.AssociatedDevice.1.Active "true"
value Device.WiFi.Radio.2.Enable "true"
value Device.WiFi.Radio.2.Status "Up"
value Device.WiFi.Radio.2.AutoChannelSupported "true"
value Device.WiFi.Radio.2.AutoChannelEnable "true"
value Device.WiFi.Radio.2.MaxSupportedSSIDs "4"
value Device.WiFi.Radio.2.MaxSupportedAssociations "64"
value Device.WiFi.Radio.2.OperatingChannelBandwidth "Auto"
value Device.WiFi.Radio.2.ExtensionChannel "Auto"
value Device.WiFi.Radio.2.GuardInterval "Auto"
value Device.WiFi.Radio.2.TransmitPowerSupported "25,50,75,100"
value Device.WiFi.Radio.2.TransmitPower "100"
value Device.WiFi.Radio.2.RegulatoryDomain "DE "
value Device.WiFi.Radio.2.BeaconPeriod "100"
value Device.WiFi.Radio.2.DTIMPeriod "1"
value Device.WiFi.Radio.2.Name "wifi1"
value Device.WiFi.Radio.2.MaxBitRate "2402"
value Device.WiFi.Radio.2.SupportedFrequencyBands "5GHz"
value Device.WiFi.Radio.2.OperatingFrequencyBand "5GHz"
value Device.WiFi.Radio.2.SupportedStandards "a,n,ac,ax"
value Device.WiFi.Radio.2.OperatingStandards "a,n,ac,ax"
value Device.WiFi.Radio.2.PossibleChannels "36,40,44,48,52,56,60,64,100,104,108,112,116,120,124,128,132,136,140"
value Device.WiFi.Radio.2.ChannelsInUse "36,40,44,48"
value Device.WiFi.Radio.2.Channel "36"
value Device.WiFi.Radio.2.SupportedOperatingChannelBandwidths "20MHz,40MHz,80MHz,160MHz,Auto"
value Device.WiFi.Radio.2.CurrentOperatingChannelBandwidth "80MHz"
value Device.WiFi.Radio.2.IEEE80211hSupported "true"
value Device.WiFi.Radio.2.IEEE80211hEnabled "true"
value Device.WiFi.Radio.2.Stats.Noise "-95"
value Device.WiFi.SSID.2.Enable "true"
value Device.WiFi.SSID.2.Status "Up"
value Device.WiFi.SSID.2.Name "wl1"
value Device.WiFi.SSID.2.LowerLayers "Device.WiFi.Radio.2"
value Device.WiFi.SSID.2.BSSID "A4:B1:C2:3F:10:18"
value Device.WiFi.SSID.2.MACAddress "A4:B1:C2:3F:10:18"
value Device.WiFi.SSID.2.SSID "Aurora-3F10-5G"
value Device.WiFi.AccessPoint.2.Enable "true"
value Device.WiFi.AccessPoint.2.Status "Enabled"
value Device.WiFi.AccessPoint.2.SSIDReference "Device.WiFi.SSID.2"
value Device.WiFi.AccessPoint.2.SSIDAdvertisementEnabled "true"
value Device.WiFi.AccessPoint.2.WMMCapability "true"
value Device.WiFi.AccessPoint.2.UAPSDCapability "true"
value Device.WiFi.AccessPoint.2.WMMEnable "true"
value Device.WiFi.AccessPoint.2.UAPSDEnable "true"
value Device.WiFi.AccessPoint.2.MaxAllowedAssociations "32"
value Device.WiFi.AccessPoint.2.Security.ModesSupported "None,WPA2-Personal,WPA3-Personal,WPA3-Personal-Transition,WPA2-Enterprise"
value Device.WiFi.AccessPoint.2.Security.ModeEnabled "WPA2-Personal"
value Device.WiFi.AccessPoint.2.Security.KeyPassphrase "kx7q-t4mv-92bd"
value Device.WiFi.AccessPoint.2.WPS.ConfigMethodsSupported "PushButton,PIN"
value Device.WiFi.AccessPoint.2.WPS.ConfigMethodsEnabled "PushButton"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.MACAddress "5C:AD:CF:90:12:6B"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.OperatingStandard "ax"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.AuthenticationState "true"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.LastDataDownlinkRate "866000"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.LastDataUplinkRate "585000"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.SignalStrength "-58"
value Device.WiFi.AccessPoint.2.AssociatedDevice.1.Active "true"
value Device.SoftwareModules.ExecEnv.1.Enable "true"
value Device.SoftwareModules.ExecEnv.1.Status "Up"
value Device.SoftwareModules.ExecEnv.1.Name "lxc"
value Device.SoftwareModules.ExecEnv.1.Type "Linux Container"
value Device.SoftwareModules.ExecEnv.1.Vendor "Aurora Broadband"
value Device.SoftwareModules.ExecEnv.1.Version "1.2.0"
value Device.SoftwareModules.ExecEnv.1.CurrentRunLevel "-1"
value Device.SoftwareModules.ExecEnv.1.AvailableDiskSpace "65536"
value Device.SoftwareModules.ExecEnv.1.AvailableMemory "32768"
value Device.DeviceInfo.FirmwareImage.1.Alias "cpe-1"
value Device.DeviceInfo.FirmwareImage.2.Alias "cpe-2"
value Device.Users.User.1.Alias "cpe-1"
value Device.Users.User.2.Alias "cpe-2"
value Device.Ethernet.Interface.1.Alias "cpe-1"
value Device.Ethernet.Interface.2.Alias "cpe-2"
value Device.Ethernet.Interface.3.Alias "cpe-3"
value Device.Ethernet.Interface.4.Alias "cpe-4"
value Device.Ethernet.Interface.5.Alias "cpe-5"
value Device.Ethernet.Link.1.Alias "cpe-1"
value Device.Ethernet.Link.2.Alias "cpe-2"
value Device.Bridging.Bridge.1.Alias "cpe-1"
value Device.Bridging.Bridge.1.Port.1.Alias "cpe-1"
value Device.Bridging.Bridge.1.Port.2.Alias "cpe-2"
value Device.Bridging.Bridge.1.Port.3.Alias "cpe-3"
value Device.Bridging.Bridge.1.Port.4.Alias "cpe-4"
value Device.Bridging.Bridge.1.Port.5.Alias "cpe-5"
value Device.Bridging.Bridge.1.Port.6.Alias "cpe-6"
value Device.Bridging.Bridge.1.Port.7.Alias "cpe-7"
value Device.IP.Interface.1.Alias "cpe-1"
value Device.IP.Interface.1.IPv4Address.1.Alias "cpe-1"
value Device.IP.Interface.2.Alias "cpe-2"
value Device.IP.Interface.2.IPv4Address.1.Alias "cpe-1"
value Device.Routing.Router.1.Alias "cpe-1"
value Device.Routing.Router.1.IPv4Forwarding.1.Alias "cpe-1"
value Device.DHCPv4.Client.1.Alias "cpe-1"
value Device.DHCPv4.Server.Pool.1.Alias "cpe-1"
value Device.DHCPv4.Server.Pool.1.Client.1.Alias "cpe-1"
value Device.DHCPv4.Server.Pool.1.Client.2.Alias "cpe-2"
value Device.DHCPv4.Server.Pool.1.Client.3.Alias "cpe-3"
value Device.DNS.Client.Server.1.Alias "cpe-1"
value Device.DNS.Client.Server.2.Alias "cpe-2"
value Device.NAT.InterfaceSetting.1.Alias "cpe-1"
value Device.WiFi.Radio.1.Alias "cpe-1"
value Device.WiFi.Radio.2.Alias "cpe-2"
value Device.WiFi.SSID.1.Alias "cpe-1"
value Device.WiFi.SSID.2.Alias "cpe-2"
value Device.WiFi.AccessPoint.1.Alias "cpe-1"
value Device.WiFi.AccessPoint.2.Alias "cpe-2"
value Device.SoftwareModules.ExecEnv.1.Alias "cpe-1"
