# A SIP analogue telephone adapter: Device:2 root (DeviceInfo, ManagementServer, one Ethernet port) with one
# VoiceService (TR-104 v2): two FXS ports, two SIP clients on one SIP network, two lines and two extensions.
# Facts follow tr-181-2-17-0-cwmp-full.xml and tr-104-2-0-2-cwmp-full.xml.

profile tr104-voip
device manufacturer="Tellis Telecom" oui=58E1F0 product-class="TT-ATA2"

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
param Device.ManagementServer.InformParameterNumberOfEntries unsignedInt r

object Device.ManagementServer.InformParameter.{i}. w count=Device.ManagementServer.InformParameterNumberOfEntries
param Device.ManagementServer.InformParameter.{i}.Enable boolean w default="false"
param Device.ManagementServer.InformParameter.{i}.Alias string w len=..64
param Device.ManagementServer.InformParameter.{i}.ParameterName string w len=..256 default=""
param Device.ManagementServer.InformParameter.{i}.EventList string w list default=""

# time
param Device.Time.Enable boolean w
param Device.Time.Status string r enum="Disabled|Unsynchronized|Synchronized|Error_FailedToSynchronize|Error"
param Device.Time.NTPServer1 string w len=..64
param Device.Time.NTPServer2 string w len=..64
param Device.Time.CurrentLocalTime dateTime r notify=canDeny
param Device.Time.LocalTimeZone string w len=..256

# network
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

param Device.Ethernet.Interface.{i}.Stats.BytesSent unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.BytesReceived unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.PacketsSent unsignedLong r notify=canDeny
param Device.Ethernet.Interface.{i}.Stats.PacketsReceived unsignedLong r notify=canDeny

param Device.IP.InterfaceNumberOfEntries unsignedInt r
object Device.IP.Interface.{i}. w count=Device.IP.InterfaceNumberOfEntries
param Device.IP.Interface.{i}.Enable boolean w default="false"
param Device.IP.Interface.{i}.IPv4Enable boolean w
param Device.IP.Interface.{i}.Status string r enum="Up|Down|Unknown|Dormant|NotPresent|LowerLayerDown|Error" default="Down"
param Device.IP.Interface.{i}.Alias string w len=..64
param Device.IP.Interface.{i}.Name string r len=..64
param Device.IP.Interface.{i}.LastChange unsignedInt r notify=canDeny
param Device.IP.Interface.{i}.LowerLayers string w list default=""
param Device.IP.Interface.{i}.MaxMTUSize unsignedInt w range=64..65535
param Device.IP.Interface.{i}.Type string r enum="Normal|Loopback|Tunnel|Tunneled" default="Normal"
param Device.IP.Interface.{i}.IPv4AddressNumberOfEntries unsignedInt r

object Device.IP.Interface.{i}.IPv4Address.{i}. w count=Device.IP.Interface.{i}.IPv4AddressNumberOfEntries
param Device.IP.Interface.{i}.IPv4Address.{i}.Enable boolean w default="false"
param Device.IP.Interface.{i}.IPv4Address.{i}.Status string r enum="Disabled|Enabled|Error_Misconfigured|Error" default="Disabled"
param Device.IP.Interface.{i}.IPv4Address.{i}.Alias string w len=..64
param Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress string w len=..15
param Device.IP.Interface.{i}.IPv4Address.{i}.SubnetMask string w len=..15 default=""
param Device.IP.Interface.{i}.IPv4Address.{i}.AddressingType string r enum="DHCP|IKEv2|AutoIP|IPCP|Static" default="Static"

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

# VoiceService (TR-104 v2)
param Device.Services.VoiceServiceNumberOfEntries unsignedInt r
object Device.Services.VoiceService.{i}. r count=Device.Services.VoiceServiceNumberOfEntries
param Device.Services.VoiceService.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.VoIPProfileNumberOfEntries unsignedInt r
param Device.Services.VoiceService.{i}.CodecProfileNumberOfEntries unsignedInt r

# capabilities
param Device.Services.VoiceService.{i}.Capabilities.MaxLineCount int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.MaxExtensionCount int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.MaxCallLogCount int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.MaxSessionsPerLine int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.MaxSessionsPerExtension int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.MaxSessionCount int r range=-1..
param Device.Services.VoiceService.{i}.Capabilities.NetworkConnectionModes string r list
param Device.Services.VoiceService.{i}.Capabilities.UserConnectionModes string r list
param Device.Services.VoiceService.{i}.Capabilities.CodecNumberOfEntries unsignedInt r

param Device.Services.VoiceService.{i}.Capabilities.SIP.Client.Extensions string r list
param Device.Services.VoiceService.{i}.Capabilities.SIP.Client.URISchemes string r list
param Device.Services.VoiceService.{i}.Capabilities.SIP.Client.EventTypes string r list

param Device.Services.VoiceService.{i}.Capabilities.POTS.DialType string r enum="Tone|Pulse|Tone and Pulse"
param Device.Services.VoiceService.{i}.Capabilities.POTS.ClipGeneration boolean r
param Device.Services.VoiceService.{i}.Capabilities.POTS.ChargingPulse boolean r

object Device.Services.VoiceService.{i}.Capabilities.Codec.{i}. r count=Device.Services.VoiceService.{i}.Capabilities.CodecNumberOfEntries
param Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.Codec string r enum="AMR|Clearmode|EVRC1|EVRCB1|G.711MuLaw|G.711ALaw|G.726|G.729|G.729.1|G.729a|G.729e|G.728|G.723.1|G.722|G.722.1|G.722.2|Generic Comfort Noise|GSM-FR|GSM-HR|GSM-EFR|iLBC|Speex"
param Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.BitRate unsignedInt r
param Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.PacketizationPeriod string r len=..64 list
param Device.Services.VoiceService.{i}.Capabilities.Codec.{i}.SilenceSuppression boolean r

param Device.Services.VoiceService.{i}.ReservedPorts.WANPortRange string w list
param Device.Services.VoiceService.{i}.ReservedPorts.LANPortRange string w list

# two FXS ports
param Device.Services.VoiceService.{i}.POTS.Region string w len=..2
param Device.Services.VoiceService.{i}.POTS.FXSNumberOfEntries unsignedInt r

object Device.Services.VoiceService.{i}.POTS.FXS.{i}. r count=Device.Services.VoiceService.{i}.POTS.FXSNumberOfEntries
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.Enable boolean w
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.Status string r enum="Up|Error|Testing|Disabled"
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.Name string r len=..64
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.FaxPassThrough string w enum="Disable|Auto|Force"
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.ModemPassThrough string w enum="Disable|Auto|Force"
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.DialType string w enum="Tone|Pulse"
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.ClipGeneration boolean w
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.Active boolean r
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.TerminalType string w enum="Audio|Fax|Modem|Any"

param Device.Services.VoiceService.{i}.POTS.FXS.{i}.VoiceProcessing.TransmitGain int w
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.VoiceProcessing.ReceiveGain int w
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.VoiceProcessing.EchoCancellationEnable boolean w
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.VoiceProcessing.EchoCancellationInUse boolean r
param Device.Services.VoiceService.{i}.POTS.FXS.{i}.VoiceProcessing.EchoCancellationTail unsignedInt r

# SIP
param Device.Services.VoiceService.{i}.SIP.ClientNumberOfEntries unsignedInt r
param Device.Services.VoiceService.{i}.SIP.NetworkNumberOfEntries unsignedInt r

object Device.Services.VoiceService.{i}.SIP.Client.{i}. w count=Device.Services.VoiceService.{i}.SIP.ClientNumberOfEntries
param Device.Services.VoiceService.{i}.SIP.Client.{i}.Enable boolean w default="false"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.Status string r enum="Up|Initializing|Registering|Deregistering|Error_Misconfigured|Error_Network|Error_Registration|Quiescent|Disabled" default="Disabled"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.SIP.Client.{i}.Origin string r enum="AutoConfigured|Static" default="Static"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.RegisterMode string w enum="RFC3261|STATIC|RFC6140|TISPAN"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.AuthUserName string w len=..128 default=""
param Device.Services.VoiceService.{i}.SIP.Client.{i}.AuthPassword string w len=..128 default=""
param Device.Services.VoiceService.{i}.SIP.Client.{i}.Network string w len=..256
param Device.Services.VoiceService.{i}.SIP.Client.{i}.MaxSessions unsignedInt w default="0"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.RegisterURI string w len=..389 default=""
param Device.Services.VoiceService.{i}.SIP.Client.{i}.E164Format boolean w default="true"
param Device.Services.VoiceService.{i}.SIP.Client.{i}.T38Enable boolean w

object Device.Services.VoiceService.{i}.SIP.Network.{i}. w count=Device.Services.VoiceService.{i}.SIP.NetworkNumberOfEntries
param Device.Services.VoiceService.{i}.SIP.Network.{i}.Enable boolean w default="false"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.Status string r enum="Up|Resolving|Error_DNS|Error_Other|Disabled" default="Disabled"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ProxyServer string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ProxyServerPort unsignedInt w range=0..65535 default="5060"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ProxyServerTransport string w enum="UDP|TCP|TLS|SCTP" default="UDP"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegistrarServer string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegistrarServerPort unsignedInt w range=0..65535 default="5060"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegistrarServerTransport string w enum="UDP|TCP|TLS|SCTP" default="UDP"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ServerDomain string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ChosenDomain string r len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ChosenIPAddress string r len=..45
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ChosenPort unsignedInt r range=0..65535
param Device.Services.VoiceService.{i}.SIP.Network.{i}.UserAgentDomain string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.UserAgentPort unsignedInt w range=0..65535 default="0"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.UserAgentTransport string w enum="UDP|TCP|TLS|SCTP" default="UDP"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.OutboundProxy string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.OutboundProxyPort unsignedInt w range=0..65535 default="5060"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.STUNEnable boolean w default="false"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.STUNServer string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.Organization string w len=..256 default=""
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegistrationPeriod unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.Realm string w
param Device.Services.VoiceService.{i}.SIP.Network.{i}.TimerT1 unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.TimerT2 unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.TimerT4 unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.InviteExpires unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.ReInviteExpires unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegisterExpires unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.RegisterRetryInterval unsignedInt w range=1..
param Device.Services.VoiceService.{i}.SIP.Network.{i}.InboundAuth string w enum="None|Digest|SourceFilter" default="None"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.DSCPMark unsignedInt w range=0..63 default="0"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.VLANIDMark int w range=-1.. default="-1"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.EthernetPriorityMark int w range=-1.. default="-1"
param Device.Services.VoiceService.{i}.SIP.Network.{i}.VoIPProfile string w len=..256
param Device.Services.VoiceService.{i}.SIP.Network.{i}.CodecList string w list
param Device.Services.VoiceService.{i}.SIP.Network.{i}.MaxSessions unsignedInt w default="0"

# call control: lines (accounts) and extensions (phones)
param Device.Services.VoiceService.{i}.CallControl.MaxNumberOfLines unsignedInt w
param Device.Services.VoiceService.{i}.CallControl.MaxNumberOfExtensions unsignedInt w
param Device.Services.VoiceService.{i}.CallControl.LineNumberOfEntries unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.ExtensionNumberOfEntries unsignedInt r

object Device.Services.VoiceService.{i}.CallControl.Line.{i}. w count=Device.Services.VoiceService.{i}.CallControl.LineNumberOfEntries
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Enable boolean w default="false"
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Status string r enum="Up|Error|Testing|Quiescent|Disabled" default="Disabled"
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.CallStatus string r enum="Idle|Dialing|Delivered|Connected|Alerting|Disconnected"
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Origin string r enum="Static|DDIRange"
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.DirectoryNumber string w len=..32 default=""
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Provider string w len=..256
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.CallingFeatures string w len=..256

param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.IncomingCalls.CallsReceived unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.IncomingCalls.CallsConnected unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.IncomingCalls.CallsFailed unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.IncomingCalls.CallsDropped unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.IncomingCalls.TotalCallTime unsignedInt r notify=canDeny

param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.OutgoingCalls.CallsAttempted unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.OutgoingCalls.CallsConnected unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.OutgoingCalls.CallsFailed unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.OutgoingCalls.CallsDropped unsignedInt r
param Device.Services.VoiceService.{i}.CallControl.Line.{i}.Stats.OutgoingCalls.TotalCallTime unsignedInt r notify=canDeny

object Device.Services.VoiceService.{i}.CallControl.Extension.{i}. w count=Device.Services.VoiceService.{i}.CallControl.ExtensionNumberOfEntries
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Enable boolean w default="false"
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Status string r enum="Up|Initializing|Error|Testing|Quiescent|Disabled" default="Disabled"
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.CallStatus string r enum="Idle|Dialing|Delivered|Connected|Alerting|Disconnected"
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Origin string r enum="AutoConfigured|Static" default="Static"
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Name string w len=..256
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.ExtensionNumber string w len=..32 default=""
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.Provider string w len=..256
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.NumberingPlan string w len=..256
param Device.Services.VoiceService.{i}.CallControl.Extension.{i}.CallingFeatures string w len=..256

# VoIP and codec profiles
object Device.Services.VoiceService.{i}.VoIPProfile.{i}. w count=Device.Services.VoiceService.{i}.VoIPProfileNumberOfEntries
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.Enable boolean w default="false"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.Name string w len=..64 default=""
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.DTMFMethod string w enum="InBand|RFC4733|SIPInfo" list default="InBand"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.DTMFMethodG711 string w enum="InBand|RFC4733|SIPInfo|" default=""

param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.LocalPortMin unsignedInt w range=1..65535 default="1024"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.LocalPortMax unsignedInt w range=1..65535 default="1024"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.DSCPMark unsignedInt w range=0..63
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.VLANIDMark int w range=-1.. default="-1"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.EthernetPriorityMark int w range=-1.. default="-1"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.TelephoneEventPayloadType unsignedInt w range=0..128
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.JitterBufferType string w enum="Static|Dynamic"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.JitterBufferMaxSize unsignedInt w
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.JitterBufferMinSize unsignedInt w

param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.RTCP.Enable boolean w
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.RTCP.TxRepeatInterval unsignedInt w range=1..
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.RTCP.LocalCName string w len=..64

param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.SRTP.Enable boolean w
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.SRTP.KeyingMethods string w enum="Null|Static|SDP|IKE" list
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.RTP.SRTP.EncryptionKeySizes unsignedInt w list

param Device.Services.VoiceService.{i}.VoIPProfile.{i}.FaxT38.MaxBitRate unsignedInt w range=0..65535 default="14400"
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.FaxT38.HighSpeedRedundancy unsignedInt w range=0..3
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.FaxT38.LowSpeedRedundancy unsignedInt w range=0..5
param Device.Services.VoiceService.{i}.VoIPProfile.{i}.FaxT38.TCFMethod string w enum="Local|Network"

object Device.Services.VoiceService.{i}.CodecProfile.{i}. w count=Device.Services.VoiceService.{i}.CodecProfileNumberOfEntries
param Device.Services.VoiceService.{i}.CodecProfile.{i}.Enable boolean w
param Device.Services.VoiceService.{i}.CodecProfile.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.VoiceService.{i}.CodecProfile.{i}.Codec string r len=..256
param Device.Services.VoiceService.{i}.CodecProfile.{i}.PacketizationPeriod string w len=..64 list
param Device.Services.VoiceService.{i}.CodecProfile.{i}.SilenceSuppression boolean w

# instances present at first boot
instance Device.Ethernet.Interface.1.
instance Device.IP.Interface.1.
instance Device.IP.Interface.1.IPv4Address.1.
instance Device.DNS.Client.Server.1.
instance Device.Services.VoiceService.1.
instance Device.Services.VoiceService.1.Capabilities.Codec.1.
instance Device.Services.VoiceService.1.Capabilities.Codec.2.
instance Device.Services.VoiceService.1.Capabilities.Codec.3.
instance Device.Services.VoiceService.1.Capabilities.Codec.4.
instance Device.Services.VoiceService.1.POTS.FXS.1.
instance Device.Services.VoiceService.1.POTS.FXS.2.
instance Device.Services.VoiceService.1.SIP.Client.1.
instance Device.Services.VoiceService.1.SIP.Client.2.
instance Device.Services.VoiceService.1.SIP.Network.1.
instance Device.Services.VoiceService.1.CallControl.Line.1.
instance Device.Services.VoiceService.1.CallControl.Line.2.
instance Device.Services.VoiceService.1.CallControl.Extension.1.
instance Device.Services.VoiceService.1.CallControl.Extension.2.
instance Device.Services.VoiceService.1.VoIPProfile.1.
instance Device.Services.VoiceService.1.CodecProfile.1.
instance Device.Services.VoiceService.1.CodecProfile.2.
instance Device.Services.VoiceService.1.CodecProfile.3.
instance Device.Services.VoiceService.1.CodecProfile.4.
instance Device.DeviceInfo.FirmwareImage.1.
instance Device.DeviceInfo.FirmwareImage.2.

# initial values
value Device.RootDataModelVersion "2.14"
value Device.DeviceInfo.Manufacturer "Tellis Telecom"
value Device.DeviceInfo.ManufacturerOUI "58E1F0"
value Device.DeviceInfo.ModelName "Tellis ATA 2FXS"
value Device.DeviceInfo.ModelNumber "ATA-220"
value Device.DeviceInfo.Description "Analogue telephone adapter with two FXS ports (SIP)"
value Device.DeviceInfo.ProductClass "TT-ATA2"
value Device.DeviceInfo.SerialNumber "TT22A9000123"
value Device.DeviceInfo.HardwareVersion "ATA220-R2"
value Device.DeviceInfo.SoftwareVersion "1.9.6"
value Device.DeviceInfo.ActiveFirmwareImage "Device.DeviceInfo.FirmwareImage.1"
value Device.DeviceInfo.BootFirmwareImage "Device.DeviceInfo.FirmwareImage.1"
value Device.DeviceInfo.FirmwareImage.1.Name "image0"
value Device.DeviceInfo.FirmwareImage.1.Version "1.9.6"
value Device.DeviceInfo.FirmwareImage.1.Available "true"
value Device.DeviceInfo.FirmwareImage.1.Status "Active"
value Device.DeviceInfo.FirmwareImage.2.Name "image1"
value Device.DeviceInfo.FirmwareImage.2.Version "1.9.2"
value Device.DeviceInfo.FirmwareImage.2.Available "true"
value Device.DeviceInfo.FirmwareImage.2.Status "Available"
value Device.DeviceInfo.MemoryStatus.Total "65536"
value Device.DeviceInfo.MemoryStatus.Free "21804"
value Device.DeviceInfo.ProcessStatus.CPUUsage "3"
value Device.ManagementServer.URL "http://acs.example.net:7547/"
value Device.ManagementServer.PeriodicInformEnable "true"
value Device.ManagementServer.PeriodicInformInterval "86400"
value Device.ManagementServer.ConnectionRequestURL "http://192.168.1.80:7547/"
value Device.ManagementServer.SupportedConnReqMethods "HTTP"
value Device.Time.Enable "true"
value Device.Time.Status "Synchronized"
value Device.Time.NTPServer1 "0.pool.ntp.org"
value Device.Time.NTPServer2 "1.pool.ntp.org"
value Device.Time.LocalTimeZone "CET-1CEST,M3.5.0,M10.5.0/3"
value Device.Ethernet.Interface.1.Enable "true"
value Device.Ethernet.Interface.1.Status "Up"
value Device.Ethernet.Interface.1.Name "eth0"
value Device.Ethernet.Interface.1.Upstream "true"
value Device.Ethernet.Interface.1.MACAddress "58:E1:F0:33:0A:6E"
value Device.Ethernet.Interface.1.MaxBitRate "-1"
value Device.Ethernet.Interface.1.CurrentBitRate "1000"
value Device.Ethernet.Interface.1.DuplexMode "Auto"
value Device.IP.Interface.1.Enable "true"
value Device.IP.Interface.1.IPv4Enable "true"
value Device.IP.Interface.1.Status "Up"
value Device.IP.Interface.1.Name "wan"
value Device.IP.Interface.1.LowerLayers "Device.Ethernet.Interface.1"
value Device.IP.Interface.1.MaxMTUSize "1500"
value Device.IP.Interface.1.IPv4Address.1.Enable "true"
value Device.IP.Interface.1.IPv4Address.1.Status "Enabled"
value Device.IP.Interface.1.IPv4Address.1.IPAddress "192.168.1.80"
value Device.IP.Interface.1.IPv4Address.1.SubnetMask "255.255.255.0"
value Device.IP.Interface.1.IPv4Address.1.AddressingType "DHCP"
value Device.DNS.Client.Enable "true"
value Device.DNS.Client.Status "Enabled"
value Device.DNS.Client.Server.1.Enable "true"
value Device.DNS.Client.Server.1.Status "Enabled"
value Device.DNS.Client.Server.1.DNSServer "192.168.1.1"
value Device.DNS.Client.Server.1.Interface "Device.IP.Interface.1"
value Device.DNS.Client.Server.1.Type "DHCPv4"
value Device.Services.VoiceService.1.Capabilities.MaxLineCount "2"
value Device.Services.VoiceService.1.Capabilities.MaxExtensionCount "2"
value Device.Services.VoiceService.1.Capabilities.MaxCallLogCount "0"
value Device.Services.VoiceService.1.Capabilities.MaxSessionsPerLine "2"
value Device.Services.VoiceService.1.Capabilities.MaxSessionsPerExtension "2"
value Device.Services.VoiceService.1.Capabilities.MaxSessionCount "4"
value Device.Services.VoiceService.1.Capabilities.NetworkConnectionModes "SIP"
value Device.Services.VoiceService.1.Capabilities.UserConnectionModes "FXS"
value Device.Services.VoiceService.1.Capabilities.SIP.Client.Extensions "INVITE,ACK,BYE,CANCEL,OPTIONS,INFO,REFER,SUBSCRIBE,NOTIFY,PRACK,UPDATE"
value Device.Services.VoiceService.1.Capabilities.SIP.Client.URISchemes "sip,tel"
value Device.Services.VoiceService.1.Capabilities.SIP.Client.EventTypes "message-summary,refer"
value Device.Services.VoiceService.1.Capabilities.POTS.DialType "Tone and Pulse"
value Device.Services.VoiceService.1.Capabilities.POTS.ClipGeneration "true"
value Device.Services.VoiceService.1.Capabilities.POTS.ChargingPulse "false"
value Device.Services.VoiceService.1.Capabilities.Codec.1.Codec "G.711ALaw"
value Device.Services.VoiceService.1.Capabilities.Codec.1.BitRate "64000"
value Device.Services.VoiceService.1.Capabilities.Codec.1.PacketizationPeriod "10,20,30"
value Device.Services.VoiceService.1.Capabilities.Codec.1.SilenceSuppression "true"
value Device.Services.VoiceService.1.CodecProfile.1.Enable "true"
value Device.Services.VoiceService.1.CodecProfile.1.Codec "Device.Services.VoiceService.1.Capabilities.Codec.1"
value Device.Services.VoiceService.1.CodecProfile.1.PacketizationPeriod "20"
value Device.Services.VoiceService.1.CodecProfile.1.SilenceSuppression "false"
value Device.Services.VoiceService.1.Capabilities.Codec.2.Codec "G.711MuLaw"
value Device.Services.VoiceService.1.Capabilities.Codec.2.BitRate "64000"
value Device.Services.VoiceService.1.Capabilities.Codec.2.PacketizationPeriod "10,20,30"
value Device.Services.VoiceService.1.Capabilities.Codec.2.SilenceSuppression "true"
value Device.Services.VoiceService.1.CodecProfile.2.Enable "true"
value Device.Services.VoiceService.1.CodecProfile.2.Codec "Device.Services.VoiceService.1.Capabilities.Codec.2"
value Device.Services.VoiceService.1.CodecProfile.2.PacketizationPeriod "20"
value Device.Services.VoiceService.1.CodecProfile.2.SilenceSuppression "false"
value Device.Services.VoiceService.1.Capabilities.Codec.3.Codec "G.729"
value Device.Services.VoiceService.1.Capabilities.Codec.3.BitRate "8000"
value Device.Services.VoiceService.1.Capabilities.Codec.3.PacketizationPeriod "10,20,30,40"
value Device.Services.VoiceService.1.Capabilities.Codec.3.SilenceSuppression "true"
value Device.Services.VoiceService.1.CodecProfile.3.Enable "true"
value Device.Services.VoiceService.1.CodecProfile.3.Codec "Device.Services.VoiceService.1.Capabilities.Codec.3"
value Device.Services.VoiceService.1.CodecProfile.3.PacketizationPeriod "20"
value Device.Services.VoiceService.1.CodecProfile.3.SilenceSuppression "false"
value Device.Services.VoiceService.1.Capabilities.Codec.4.Codec "G.722"
value Device.Services.VoiceService.1.Capabilities.Codec.4.BitRate "64000"
value Device.Services.VoiceService.1.Capabilities.Codec.4.PacketizationPeriod "10,20,30"
value Device.Services.VoiceService.1.Capabilities.Codec.4.SilenceSuppression "false"
value Device.Services.VoiceService.1.CodecProfile.4.Enable "false"
value Device.Services.VoiceService.1.CodecProfile.4.Codec "Device.Services.VoiceService.1.Capabilities.Codec.4"
value Device.Services.VoiceService.1.CodecProfile.4.PacketizationPeriod "20"
value Device.Services.VoiceService.1.CodecProfile.4.SilenceSuppression "false"
value Device.Services.VoiceService.1.ReservedPorts.WANPortRange "5060,16384-16482"
value Device.Services.VoiceService.1.POTS.Region "DE"
value Device.Services.VoiceService.1.POTS.FXS.1.Enable "true"
value Device.Services.VoiceService.1.POTS.FXS.1.Status "Up"
value Device.Services.VoiceService.1.POTS.FXS.1.Name "FXS1"
value Device.Services.VoiceService.1.POTS.FXS.1.FaxPassThrough "Auto"
value Device.Services.VoiceService.1.POTS.FXS.1.ModemPassThrough "Auto"
value Device.Services.VoiceService.1.POTS.FXS.1.DialType "Tone"
value Device.Services.VoiceService.1.POTS.FXS.1.ClipGeneration "true"
value Device.Services.VoiceService.1.POTS.FXS.1.TerminalType "Any"
value Device.Services.VoiceService.1.POTS.FXS.1.VoiceProcessing.TransmitGain "0"
value Device.Services.VoiceService.1.POTS.FXS.1.VoiceProcessing.ReceiveGain "0"
value Device.Services.VoiceService.1.POTS.FXS.1.VoiceProcessing.EchoCancellationEnable "true"
value Device.Services.VoiceService.1.POTS.FXS.1.VoiceProcessing.EchoCancellationInUse "true"
value Device.Services.VoiceService.1.POTS.FXS.1.VoiceProcessing.EchoCancellationTail "64"
value Device.Services.VoiceService.1.SIP.Client.1.Enable "true"
value Device.Services.VoiceService.1.SIP.Client.1.Status "Up"
value Device.Services.VoiceService.1.SIP.Client.1.RegisterMode "RFC3261"
value Device.Services.VoiceService.1.SIP.Client.1.AuthUserName "49301234561"
value Device.Services.VoiceService.1.SIP.Client.1.Network "Device.Services.VoiceService.1.SIP.Network.1"
value Device.Services.VoiceService.1.SIP.Client.1.MaxSessions "2"
value Device.Services.VoiceService.1.SIP.Client.1.RegisterURI "sip:+49301234561@voip.example.net"
value Device.Services.VoiceService.1.CallControl.Line.1.Enable "true"
value Device.Services.VoiceService.1.CallControl.Line.1.Status "Up"
value Device.Services.VoiceService.1.CallControl.Line.1.CallStatus "Idle"
value Device.Services.VoiceService.1.CallControl.Line.1.Origin "Static"
value Device.Services.VoiceService.1.CallControl.Line.1.DirectoryNumber "+49301234561"
value Device.Services.VoiceService.1.CallControl.Line.1.Provider "Device.Services.VoiceService.1.SIP.Client.1"
value Device.Services.VoiceService.1.CallControl.Extension.1.Enable "true"
value Device.Services.VoiceService.1.CallControl.Extension.1.Status "Up"
value Device.Services.VoiceService.1.CallControl.Extension.1.CallStatus "Idle"
value Device.Services.VoiceService.1.CallControl.Extension.1.Name "Phone 1"
value Device.Services.VoiceService.1.CallControl.Extension.1.ExtensionNumber "1"
value Device.Services.VoiceService.1.CallControl.Extension.1.Provider "Device.Services.VoiceService.1.POTS.FXS.1"
value Device.Services.VoiceService.1.POTS.FXS.2.Enable "true"
value Device.Services.VoiceService.1.POTS.FXS.2.Status "Up"
value Device.Services.VoiceService.1.POTS.FXS.2.Name "FXS2"
value Device.Services.VoiceService.1.POTS.FXS.2.FaxPassThrough "Auto"
value Device.Services.VoiceService.1.POTS.FXS.2.ModemPassThrough "Auto"
value Device.Services.VoiceService.1.POTS.FXS.2.DialType "Tone"
value Device.Services.VoiceService.1.POTS.FXS.2.ClipGeneration "true"
value Device.Services.VoiceService.1.POTS.FXS.2.TerminalType "Any"
value Device.Services.VoiceService.1.POTS.FXS.2.VoiceProcessing.TransmitGain "0"
value Device.Services.VoiceService.1.POTS.FXS.2.VoiceProcessing.ReceiveGain "0"
value Device.Services.VoiceService.1.POTS.FXS.2.VoiceProcessing.EchoCancellationEnable "true"
value Device.Services.VoiceService.1.POTS.FXS.2.VoiceProcessing.EchoCancellationInUse "true"
value Device.Services.VoiceService.1.POTS.FXS.2.VoiceProcessing.EchoCancellationTail "64"
value Device.Services.VoiceService.1.SIP.Client.2.Enable "false"
value Device.Services.VoiceService.1.SIP.Client.2.Status "Disabled"
value Device.Services.VoiceService.1.SIP.Client.2.RegisterMode "RFC3261"
value Device.Services.VoiceService.1.SIP.Client.2.AuthUserName "49301234562"
value Device.Services.VoiceService.1.SIP.Client.2.Network "Device.Services.VoiceService.1.SIP.Network.1"
value Device.Services.VoiceService.1.SIP.Client.2.MaxSessions "2"
value Device.Services.VoiceService.1.SIP.Client.2.RegisterURI "sip:+49301234562@voip.example.net"
value Device.Services.VoiceService.1.CallControl.Line.2.Enable "false"
value Device.Services.VoiceService.1.CallControl.Line.2.Status "Disabled"
value Device.Services.VoiceService.1.CallControl.Line.2.CallStatus "Idle"
value Device.Services.VoiceService.1.CallControl.Line.2.Origin "Static"
value Device.Services.VoiceService.1.CallControl.Line.2.DirectoryNumber "+49301234562"
value Device.Services.VoiceService.1.CallControl.Line.2.Provider "Device.Services.VoiceService.1.SIP.Client.2"
value Device.Services.VoiceService.1.CallControl.Extension.2.Enable "true"
value Device.Services.VoiceService.1.CallControl.Extension.2.Status "Up"
value Device.Services.VoiceService.1.CallControl.Extension.2.CallStatus "Idle"
value Device.Services.VoiceService.1.CallControl.Extension.2.Name "Phone 2"
value Device.Services.VoiceService.1.CallControl.Extension.2.ExtensionNumber "2"
value Device.Services.VoiceService.1.CallControl.Extension.2.Provider "Device.Services.VoiceService.1.POTS.FXS.2"
value Device.Services.VoiceService.1.SIP.Network.1.Enable "true"
value Device.Services.VoiceService.1.SIP.Network.1.Status "Up"
value Device.Services.VoiceService.1.SIP.Network.1.ProxyServer "voip.example.net"
value Device.Services.VoiceService.1.SIP.Network.1.RegistrarServer "voip.example.net"
value Device.Services.VoiceService.1.SIP.Network.1.ServerDomain "voip.example.net"
value Device.Services.VoiceService.1.SIP.Network.1.ChosenDomain "voip.example.net"
value Device.Services.VoiceService.1.SIP.Network.1.ChosenIPAddress "203.0.113.20"
value Device.Services.VoiceService.1.SIP.Network.1.ChosenPort "5060"
value Device.Services.VoiceService.1.SIP.Network.1.OutboundProxyPort "5060"
value Device.Services.VoiceService.1.SIP.Network.1.RegistrationPeriod "3600"
value Device.Services.VoiceService.1.SIP.Network.1.Realm "voip.example.net"
value Device.Services.VoiceService.1.SIP.Network.1.TimerT1 "500"
value Device.Services.VoiceService.1.SIP.Network.1.TimerT2 "4000"
value Device.Services.VoiceService.1.SIP.Network.1.TimerT4 "5000"
value Device.Services.VoiceService.1.SIP.Network.1.InviteExpires "180"
value Device.Services.VoiceService.1.SIP.Network.1.ReInviteExpires "1800"
value Device.Services.VoiceService.1.SIP.Network.1.RegisterExpires "3600"
value Device.Services.VoiceService.1.SIP.Network.1.RegisterRetryInterval "60"
value Device.Services.VoiceService.1.SIP.Network.1.DSCPMark "26"
value Device.Services.VoiceService.1.SIP.Network.1.VoIPProfile "Device.Services.VoiceService.1.VoIPProfile.1"
value Device.Services.VoiceService.1.SIP.Network.1.CodecList "Device.Services.VoiceService.1.CodecProfile.1,Device.Services.VoiceService.1.CodecProfile.2,Device.Services.VoiceService.1.CodecProfile.3"
value Device.Services.VoiceService.1.SIP.Network.1.MaxSessions "4"
value Device.Services.VoiceService.1.CallControl.MaxNumberOfLines "2"
value Device.Services.VoiceService.1.CallControl.MaxNumberOfExtensions "2"
value Device.Services.VoiceService.1.VoIPProfile.1.Enable "true"
value Device.Services.VoiceService.1.VoIPProfile.1.Name "default"
value Device.Services.VoiceService.1.VoIPProfile.1.DTMFMethod "RFC4733"
value Device.Services.VoiceService.1.VoIPProfile.1.DTMFMethodG711 "RFC4733"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.LocalPortMin "16384"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.LocalPortMax "16482"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.DSCPMark "46"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.TelephoneEventPayloadType "101"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.JitterBufferType "Dynamic"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.JitterBufferMaxSize "200"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.JitterBufferMinSize "20"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.RTCP.Enable "true"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.RTCP.TxRepeatInterval "5000"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.SRTP.Enable "false"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.SRTP.KeyingMethods "SDP"
value Device.Services.VoiceService.1.VoIPProfile.1.RTP.SRTP.EncryptionKeySizes "128"
value Device.Services.VoiceService.1.VoIPProfile.1.FaxT38.HighSpeedRedundancy "1"
value Device.Services.VoiceService.1.VoIPProfile.1.FaxT38.LowSpeedRedundancy "3"
value Device.Services.VoiceService.1.VoIPProfile.1.FaxT38.TCFMethod "Network"
value Device.Ethernet.Interface.1.Alias "cpe-1"
value Device.IP.Interface.1.Alias "cpe-1"
value Device.IP.Interface.1.IPv4Address.1.Alias "cpe-1"
value Device.DNS.Client.Server.1.Alias "cpe-1"
value Device.Services.VoiceService.1.Alias "cpe-1"
value Device.Services.VoiceService.1.Capabilities.Codec.1.Alias "cpe-1"
value Device.Services.VoiceService.1.Capabilities.Codec.2.Alias "cpe-2"
value Device.Services.VoiceService.1.Capabilities.Codec.3.Alias "cpe-3"
value Device.Services.VoiceService.1.Capabilities.Codec.4.Alias "cpe-4"
value Device.Services.VoiceService.1.POTS.FXS.1.Alias "cpe-1"
value Device.Services.VoiceService.1.POTS.FXS.2.Alias "cpe-2"
value Device.Services.VoiceService.1.SIP.Client.1.Alias "cpe-1"
value Device.Services.VoiceService.1.SIP.Client.2.Alias "cpe-2"
value Device.Services.VoiceService.1.SIP.Network.1.Alias "cpe-1"
value Device.Services.VoiceService.1.CallControl.Line.1.Alias "cpe-1"
value Device.Services.VoiceService.1.CallControl.Line.2.Alias "cpe-2"
value Device.Services.VoiceService.1.CallControl.Extension.1.Alias "cpe-1"
value Device.Services.VoiceService.1.CallControl.Extension.2.Alias "cpe-2"
value Device.Services.VoiceService.1.VoIPProfile.1.Alias "cpe-1"
value Device.Services.VoiceService.1.CodecProfile.1.Alias "cpe-1"
value Device.Services.VoiceService.1.CodecProfile.2.Alias "cpe-2"
value Device.Services.VoiceService.1.CodecProfile.3.Alias "cpe-3"
value Device.Services.VoiceService.1.CodecProfile.4.Alias "cpe-4"
value Device.DeviceInfo.FirmwareImage.1.Alias "cpe-1"
value Device.DeviceInfo.FirmwareImage.2.Alias "cpe-2"
