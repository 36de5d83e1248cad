# An IPTV set-top box: Device:2 root (DeviceInfo, ManagementServer, one Ethernet port) with one
# STBService (TR-135): an IP front end, audio and video decoders, HDMI and optical outputs, one player.
# Facts follow tr-181-2-17-0-cwmp-full.xml and tr-135-1-4-1-cwmp-full.xml.

profile tr135-stb
device manufacturer="Vistalink Media" oui=3C9D4E product-class="VL-STB4K"

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

# STBService (TR-135)
param Device.Services.STBServiceNumberOfEntries unsignedInt r
object Device.Services.STBService.{i}. r count=Device.Services.STBServiceNumberOfEntries
param Device.Services.STBService.{i}.Enable boolean w
param Device.Services.STBService.{i}.Alias string w len=..64 notify=canDeny

# capabilities
param Device.Services.STBService.{i}.Capabilities.MaxActiveAVStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.MaxActiveAVPlayers int r range=-1..

param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.MaxActiveIPStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.MaxActiveInboundIPStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.MaxActiveOutboundIPStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.StreamingControlProtocols string r enum="RTSP|IGMP|IGMPv2|IGMPv3|DSM-CC" list
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.StreamingTransportProtocols string r enum="UDP|TCP|SCTP|DCCP|RTP|HTTP" list
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.StreamingTransportControlProtocols string r enum="RTCP|ARQ|AL-FEC" list
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.DownloadTransportProtocols string r enum="HTTP|HTTPS|FTP|FTPS|SFTP|TFTP" list
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.MultiplexTypes string r enum="None|MPEG1-SYS|MPEG2-PS|VOB|MPEG2-TS" list
param Device.Services.STBService.{i}.Capabilities.FrontEnd.IP.MaxDejitteringBufferSize int r range=-1..

param Device.Services.STBService.{i}.Capabilities.PVR.MaxIOStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.PVR.MaxRecordingStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.PVR.MaxPlaybackStreams int r range=-1..
param Device.Services.STBService.{i}.Capabilities.PVR.MaxTimeDelay int r range=-1..

param Device.Services.STBService.{i}.Capabilities.AudioDecoder.AudioStandards string r enum="MPEG1-Part3-Layer2|MPEG1-Part3-Layer3|MPEG2-Part3 -Layer2|MPEG2-Part3-Layer3|MPEG2.5|MP3-PRO|MP3-Surround|MPEG2-AAC-LC|MPEG4-AAC-LC|MPEG4-AAC-MP|MPEG4-BSAC|MPEG4-AAC-HE-v2|MPEG-Surround|DOLBY-AC3|DOLBY-DD+|DTS|DTS-HD" list

param Device.Services.STBService.{i}.Capabilities.VideoDecoder.VideoStandards string r enum="MPEG2-Part2|MPEG4-Part2|MPEG4-Part10|SMPTE-VC-1" list

param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.AudioStandards string r list
param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevelNumberOfEntries unsignedInt r

object Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.{i}. r count=Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevelNumberOfEntries
param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.{i}.Profile string r enum="BASELINE|MAIN|EXTENDED|HIGH|HIGH 10|HIGH 4:2:2|HIGH 4:4:4" list
param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.{i}.Level string r enum="1|1b|1.1|1.2|1.3|2|2.1|2.2|3|3.1|3.2|4|4.1|4.2|5|5.1" list
param Device.Services.STBService.{i}.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.{i}.MaximumDecodingCapability unsignedInt r

param Device.Services.STBService.{i}.Capabilities.AudioOutput.AudioFormats string r enum="ANALOG-MONO|ANALOG-2-CHANNELS|ANALOG-5.1-CHANNELS|DIGITAL-OPTICAL-SP/DIF|DIGITAL-COAXIAL-SP/DIF|HDMI|RF" list

param Device.Services.STBService.{i}.Capabilities.VideoOutput.CompositeVideoStandards string r enum="NTSC-J|NTSC-M|PAL-B|PAL-D|PAL-G|PAL-H|PAL-I|PAL-N|PAL-M|SECAM-B|SECAM-G|SECAM-H|SECAM-D|SECAM-K|SECAM-K1|SECAM-L" list
param Device.Services.STBService.{i}.Capabilities.VideoOutput.VideoFormats string r enum="CVBS|S-Video|YPrPb|RGsB|RGB|HDMI|DVI|RF" list
param Device.Services.STBService.{i}.Capabilities.VideoOutput.Macrovision string r len=..32
param Device.Services.STBService.{i}.Capabilities.VideoOutput.HDCP string r len=..32
param Device.Services.STBService.{i}.Capabilities.VideoOutput.DisplayFormats string r list

param Device.Services.STBService.{i}.Capabilities.HDMI.SupportedResolutions string r enum="640x480p/60Hz|1280x720p/60Hz|1920x1080i/60Hz|720x480p/60Hz|720(1440)x480i/60Hz|1280x720p/50Hz|1920x1080i/50Hz|720x576p/50Hz|720(1440)x240p/60Hz|2880x480i/60Hz|2880x240p/60Hz|1440x480p/60Hz|1920x1080p/60Hz|720(1440)x288p/50Hz|2880x576i/50Hz|2880x288p/50Hz|1440x576p/50Hz|1920x1080p/50Hz|1920x1080p/24Hz|1920x1080p/25Hz|1920x1080p/30Hz|2880x480p/60Hz|2880x576p/50Hz|1920x1080i (1250 total)/50Hz|720(1440)x480i/120Hz|720x480p/120Hz|1920x1080i/120Hz|1280x720p/120Hz|720(1440)x480i/240Hz|720x480p/240Hz|720(1440)x576i/100Hz|720x576p/100Hz|1920x1080i/100Hz|1280x720p/100Hz|720(1440)x576i/200Hz|720x576p/200Hz|1280x720p/24Hz|1280x720p/25Hz|1280x720p/30Hz|1920x1080p/120Hz|1920x1080p/100Hz" list
param Device.Services.STBService.{i}.Capabilities.HDMI.CECSupport boolean r
param Device.Services.STBService.{i}.Capabilities.HDMI.HDMI3D boolean r

param Device.Services.STBService.{i}.Capabilities.CA.CASystems string r list

param Device.Services.STBService.{i}.Capabilities.DRM.DRMSystems string r list

# components
param Device.Services.STBService.{i}.Components.FrontEndNumberOfEntries unsignedInt r
param Device.Services.STBService.{i}.Components.AudioDecoderNumberOfEntries unsignedInt r
param Device.Services.STBService.{i}.Components.VideoDecoderNumberOfEntries unsignedInt r
param Device.Services.STBService.{i}.Components.AudioOutputNumberOfEntries unsignedInt r
param Device.Services.STBService.{i}.Components.VideoOutputNumberOfEntries unsignedInt r
param Device.Services.STBService.{i}.Components.HDMINumberOfEntries unsignedInt r

object Device.Services.STBService.{i}.Components.FrontEnd.{i}. r count=Device.Services.STBService.{i}.Components.FrontEndNumberOfEntries
param Device.Services.STBService.{i}.Components.FrontEnd.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.FrontEnd.{i}.Status string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.Components.FrontEnd.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.FrontEnd.{i}.Name string r len=..256

param Device.Services.STBService.{i}.Components.FrontEnd.{i}.IP.ActiveInboundIPStreams unsignedInt r
param Device.Services.STBService.{i}.Components.FrontEnd.{i}.IP.ActiveOutboundIPStreams unsignedInt r

object Device.Services.STBService.{i}.Components.AudioDecoder.{i}. r count=Device.Services.STBService.{i}.Components.AudioDecoderNumberOfEntries
param Device.Services.STBService.{i}.Components.AudioDecoder.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.AudioDecoder.{i}.Status string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.Components.AudioDecoder.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.AudioDecoder.{i}.Name string r len=..256
param Device.Services.STBService.{i}.Components.AudioDecoder.{i}.AudioStandard string r

object Device.Services.STBService.{i}.Components.VideoDecoder.{i}. r count=Device.Services.STBService.{i}.Components.VideoDecoderNumberOfEntries
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.Status string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.Name string r len=..256
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.MPEG2Part2 string r len=..256
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.MPEG4Part2 string r len=..256
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.MPEG4Part10 string r len=..256
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.SMPTEVC1 string r len=..256
param Device.Services.STBService.{i}.Components.VideoDecoder.{i}.ContentAspectRatio string r enum="4:3|16:9"

object Device.Services.STBService.{i}.Components.AudioOutput.{i}. r count=Device.Services.STBService.{i}.Components.AudioOutputNumberOfEntries
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.Status string r enum="Disabled|Enabled|Muted|Error"
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.Name string r len=..256
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.AudioFormat string r
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.AudioLevel unsignedInt w range=0..100
param Device.Services.STBService.{i}.Components.AudioOutput.{i}.CancelMute boolean w

object Device.Services.STBService.{i}.Components.VideoOutput.{i}. r count=Device.Services.STBService.{i}.Components.VideoOutputNumberOfEntries
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.Status string r enum="Disabled|Enabled|ColorbarEnabled|Error"
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.ColorbarEnable boolean w
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.Name string r len=..256
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.CompositeVideoStandard string r
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.VideoFormat string w
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.AspectRatioBehaviour string r enum="None|Letterbox|16:9 Letterbox|14:9 Letterbox|CenterCutOut|Combined|Combined 16:9 Letterbox and CenterCutOut|Combined 14:9 Letterbox and CenterCutOut"
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.DisplayFormat string w
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.Macrovision boolean r
param Device.Services.STBService.{i}.Components.VideoOutput.{i}.HDCP boolean r

object Device.Services.STBService.{i}.Components.HDMI.{i}. r count=Device.Services.STBService.{i}.Components.HDMINumberOfEntries
param Device.Services.STBService.{i}.Components.HDMI.{i}.Enable boolean w
param Device.Services.STBService.{i}.Components.HDMI.{i}.Status string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.Components.HDMI.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.Components.HDMI.{i}.Name string r len=..256
param Device.Services.STBService.{i}.Components.HDMI.{i}.ResolutionMode string w enum="Auto|Manual"
param Device.Services.STBService.{i}.Components.HDMI.{i}.ResolutionValue string w

param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.Status string r enum="Present|None|Error"
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.Name string r len=..256
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.SupportedResolutions string r list
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.PreferredResolution string r
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.VideoLatency unsignedInt r
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.CECSupport boolean r
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.AutoLipSyncSupport boolean r
param Device.Services.STBService.{i}.Components.HDMI.{i}.DisplayDevice.HDMI3DPresent boolean r

# streams and players
param Device.Services.STBService.{i}.AVStreams.ActiveAVStreams unsignedInt r
param Device.Services.STBService.{i}.AVStreams.AVStreamNumberOfEntries unsignedInt r

object Device.Services.STBService.{i}.AVStreams.AVStream.{i}. r count=Device.Services.STBService.{i}.AVStreams.AVStreamNumberOfEntries
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.Status string r enum="Disabled|Enabled|Error_PVRWriteFailure|Error_PVRReadFailure|Error"
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.Name string r len=..256
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.PVRState string r enum="Disabled|Stopped|Play|Paused|FastForward|Rewind"
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.FrontEnd string r len=..256
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.AudioDecoder string r len=..256
param Device.Services.STBService.{i}.AVStreams.AVStream.{i}.VideoDecoder string r len=..256

param Device.Services.STBService.{i}.AVPlayers.ActiveAVPlayers unsignedInt r
param Device.Services.STBService.{i}.AVPlayers.PreferredAudioLanguage string w len=..64
param Device.Services.STBService.{i}.AVPlayers.PreferredSubtitlingLanguage string w len=..64
param Device.Services.STBService.{i}.AVPlayers.PreferredBehaviour string w len=..64
param Device.Services.STBService.{i}.AVPlayers.AVPlayerNumberOfEntries unsignedInt r

object Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}. r count=Device.Services.STBService.{i}.AVPlayers.AVPlayerNumberOfEntries
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.Enable boolean w
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.Status string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.Alias string w len=..64 notify=canDeny
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.Name string r len=..256
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.AudioLanguage string r len=..64
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.SubtitlingStatus string r enum="Disabled|Enabled|Error"
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.SubtitlingLanguage string r len=..64
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.AudioOutputs string r list
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.VideoOutputs string r list
param Device.Services.STBService.{i}.AVPlayers.AVPlayer.{i}.MainStream string r len=..256

# instances present at first boot
instance Device.Ethernet.Interface.1.
instance Device.IP.Interface.1.
instance Device.IP.Interface.1.IPv4Address.1.
instance Device.DNS.Client.Server.1.
instance Device.Services.STBService.1.
instance Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.1.
instance Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2.
instance Device.Services.STBService.1.Components.FrontEnd.1.
instance Device.Services.STBService.1.Components.AudioDecoder.1.
instance Device.Services.STBService.1.Components.VideoDecoder.1.
instance Device.Services.STBService.1.Components.AudioOutput.1.
instance Device.Services.STBService.1.Components.AudioOutput.2.
instance Device.Services.STBService.1.Components.VideoOutput.1.
instance Device.Services.STBService.1.Components.HDMI.1.
instance Device.Services.STBService.1.AVPlayers.AVPlayer.1.

# initial values
value Device.RootDataModelVersion "2.12"
value Device.DeviceInfo.Manufacturer "Vistalink Media"
value Device.DeviceInfo.ManufacturerOUI "3C9D4E"
value Device.DeviceInfo.ModelName "Vistalink 4K IPTV Box"
value Device.DeviceInfo.ModelNumber "VL-4100"
value Device.DeviceInfo.Description "IPTV set-top box with HDMI 2.0 and H.264/HEVC decoding"
value Device.DeviceInfo.ProductClass "VL-STB4K"
value Device.DeviceInfo.SerialNumber "VLM4100A0012345"
value Device.DeviceInfo.HardwareVersion "REV-C"
value Device.DeviceInfo.SoftwareVersion "5.2.0.118"
value Device.DeviceInfo.MemoryStatus.Total "1048576"
value Device.DeviceInfo.MemoryStatus.Free "612352"
value Device.DeviceInfo.ProcessStatus.CPUUsage "12"
value Device.ManagementServer.URL "http://acs.example.net:7547/"
value Device.ManagementServer.PeriodicInformEnable "true"
value Device.ManagementServer.PeriodicInformInterval "86400"
value Device.ManagementServer.ConnectionRequestURL "http://192.168.1.70:7547/"
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
value Device.Ethernet.Interface.1.MACAddress "3C:9D:4E:08:41:C7"
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
value Device.IP.Interface.1.IPv4Address.1.IPAddress "192.168.1.70"
value Device.IP.Interface.1.IPv4Address.1.SubnetMask "255.255.255.0"
value Device.IP.Interface.1.IPv4Address.1.AddressingType "DHCP"
value Device.DNS.Client.Enable "true"
value Device.DNS.Client.Status "Enabled"
value Device.DNS.Client.Server.1.Enable "true"
value Device.DNS.Client.Server.1.Status "Enabled"
value Device.DNS.Client.Server.1.DNSServer "192.168.1.1"
value Device.DNS.Client.Server.1.Interface "Device.IP.Interface.1"
value Device.DNS.Client.Server.1.Type "DHCPv4"
value Device.Services.STBService.1.Enable "true"
value Device.Services.STBService.1.Capabilities.MaxActiveAVStreams "2"
value Device.Services.STBService.1.Capabilities.MaxActiveAVPlayers "1"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.MaxActiveIPStreams "2"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.MaxActiveInboundIPStreams "2"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.MaxActiveOutboundIPStreams "0"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.StreamingControlProtocols "RTSP,IGMPv2,IGMPv3"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.StreamingTransportProtocols "UDP,RTP,HTTP"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.StreamingTransportControlProtocols "RTCP"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.DownloadTransportProtocols "HTTP,HTTPS"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.MultiplexTypes "MPEG2-TS"
value Device.Services.STBService.1.Capabilities.FrontEnd.IP.MaxDejitteringBufferSize "1024"
value Device.Services.STBService.1.Capabilities.PVR.MaxIOStreams "0"
value Device.Services.STBService.1.Capabilities.PVR.MaxRecordingStreams "0"
value Device.Services.STBService.1.Capabilities.PVR.MaxPlaybackStreams "0"
value Device.Services.STBService.1.Capabilities.PVR.MaxTimeDelay "0"
value Device.Services.STBService.1.Capabilities.AudioDecoder.AudioStandards "MPEG1-Part3-Layer2,MPEG2-AAC-LC,MPEG4-AAC-LC,MPEG4-AAC-HE-v2,DOLBY-AC3,DOLBY-DD+"
value Device.Services.STBService.1.Capabilities.VideoDecoder.VideoStandards "MPEG2-Part2,MPEG4-Part10"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.AudioStandards "MPEG4-AAC-LC,MPEG4-AAC-HE-v2,DOLBY-AC3,DOLBY-DD+"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.1.Profile "MAIN"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.1.Level "4.1"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.1.MaximumDecodingCapability "20000"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2.Profile "HIGH"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2.Level "4.2"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2.MaximumDecodingCapability "50000"
value Device.Services.STBService.1.Capabilities.AudioOutput.AudioFormats "ANALOG-2-CHANNELS,DIGITAL-OPTICAL-SP/DIF,HDMI"
value Device.Services.STBService.1.Capabilities.VideoOutput.CompositeVideoStandards "PAL-B,PAL-G,PAL-I"
value Device.Services.STBService.1.Capabilities.VideoOutput.VideoFormats "CVBS,HDMI"
value Device.Services.STBService.1.Capabilities.VideoOutput.Macrovision "7.1.L1"
value Device.Services.STBService.1.Capabilities.VideoOutput.HDCP "2.2"
value Device.Services.STBService.1.Capabilities.VideoOutput.DisplayFormats "4:3,16:9"
value Device.Services.STBService.1.Capabilities.HDMI.SupportedResolutions "720x576p/50Hz,1280x720p/50Hz,1920x1080i/50Hz,1920x1080p/50Hz,1280x720p/60Hz,1920x1080p/60Hz"
value Device.Services.STBService.1.Capabilities.HDMI.CECSupport "true"
value Device.Services.STBService.1.Capabilities.HDMI.HDMI3D "false"
value Device.Services.STBService.1.Capabilities.CA.CASystems "1234:VistaCAS"
value Device.Services.STBService.1.Capabilities.DRM.DRMSystems "Widevine,PlayReady"
value Device.Services.STBService.1.Components.FrontEnd.1.Enable "true"
value Device.Services.STBService.1.Components.FrontEnd.1.Status "Enabled"
value Device.Services.STBService.1.Components.FrontEnd.1.Name "IP"
value Device.Services.STBService.1.Components.AudioDecoder.1.Enable "true"
value Device.Services.STBService.1.Components.AudioDecoder.1.Status "Enabled"
value Device.Services.STBService.1.Components.AudioDecoder.1.Name "Audio decoder"
value Device.Services.STBService.1.Components.AudioDecoder.1.AudioStandard "MPEG4-AAC-LC"
value Device.Services.STBService.1.Components.VideoDecoder.1.Enable "true"
value Device.Services.STBService.1.Components.VideoDecoder.1.Status "Enabled"
value Device.Services.STBService.1.Components.VideoDecoder.1.Name "Video decoder"
value Device.Services.STBService.1.Components.VideoDecoder.1.MPEG4Part10 "Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2"
value Device.Services.STBService.1.Components.VideoDecoder.1.ContentAspectRatio "16:9"
value Device.Services.STBService.1.Components.AudioOutput.1.Enable "true"
value Device.Services.STBService.1.Components.AudioOutput.1.Status "Enabled"
value Device.Services.STBService.1.Components.AudioOutput.1.Name "HDMI audio"
value Device.Services.STBService.1.Components.AudioOutput.1.AudioFormat "HDMI"
value Device.Services.STBService.1.Components.AudioOutput.1.AudioLevel "80"
value Device.Services.STBService.1.Components.AudioOutput.2.Enable "true"
value Device.Services.STBService.1.Components.AudioOutput.2.Status "Enabled"
value Device.Services.STBService.1.Components.AudioOutput.2.Name "Optical S/PDIF"
value Device.Services.STBService.1.Components.AudioOutput.2.AudioFormat "DIGITAL-OPTICAL-SP/DIF"
value Device.Services.STBService.1.Components.AudioOutput.2.AudioLevel "80"
value Device.Services.STBService.1.Components.VideoOutput.1.Enable "true"
value Device.Services.STBService.1.Components.VideoOutput.1.Status "Enabled"
value Device.Services.STBService.1.Components.VideoOutput.1.Name "HDMI"
value Device.Services.STBService.1.Components.VideoOutput.1.CompositeVideoStandard ""
value Device.Services.STBService.1.Components.VideoOutput.1.VideoFormat "HDMI"
value Device.Services.STBService.1.Components.VideoOutput.1.AspectRatioBehaviour "None"
value Device.Services.STBService.1.Components.VideoOutput.1.DisplayFormat "16:9"
value Device.Services.STBService.1.Components.VideoOutput.1.HDCP "true"
value Device.Services.STBService.1.Components.HDMI.1.Enable "true"
value Device.Services.STBService.1.Components.HDMI.1.Status "Enabled"
value Device.Services.STBService.1.Components.HDMI.1.Name "HDMI"
value Device.Services.STBService.1.Components.HDMI.1.ResolutionMode "Auto"
value Device.Services.STBService.1.Components.HDMI.1.ResolutionValue "1920x1080p/50Hz"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.Status "Present"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.Name "LivingRoomTV"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.SupportedResolutions "1280x720p/50Hz,1920x1080i/50Hz,1920x1080p/50Hz"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.PreferredResolution "1920x1080p/50Hz"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.VideoLatency "40"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.CECSupport "true"
value Device.Services.STBService.1.Components.HDMI.1.DisplayDevice.AutoLipSyncSupport "true"
value Device.Services.STBService.1.AVPlayers.PreferredAudioLanguage "deu"
value Device.Services.STBService.1.AVPlayers.PreferredSubtitlingLanguage "deu"
value Device.Services.STBService.1.AVPlayers.PreferredBehaviour "Normal"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.Enable "true"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.Status "Enabled"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.Name "Main player"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.AudioLanguage "deu"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.SubtitlingStatus "Disabled"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.AudioOutputs "Device.Services.STBService.1.Components.AudioOutput.1"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.VideoOutputs "Device.Services.STBService.1.Components.VideoOutput.1"
value Device.Ethernet.Interface.1.Alias "cpe-1"
value Device.IP.Interface.1.Alias "cpe-1"
value Device.IP.Interface.1.IPv4Address.1.Alias "cpe-1"
value Device.DNS.Client.Server.1.Alias "cpe-1"
value Device.Services.STBService.1.Alias "cpe-1"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.1.Alias "cpe-1"
value Device.Services.STBService.1.Capabilities.VideoDecoder.MPEG4Part10.ProfileLevel.2.Alias "cpe-2"
value Device.Services.STBService.1.Components.FrontEnd.1.Alias "cpe-1"
value Device.Services.STBService.1.Components.AudioDecoder.1.Alias "cpe-1"
value Device.Services.STBService.1.Components.VideoDecoder.1.Alias "cpe-1"
value Device.Services.STBService.1.Components.AudioOutput.1.Alias "cpe-1"
value Device.Services.STBService.1.Components.AudioOutput.2.Alias "cpe-2"
value Device.Services.STBService.1.Components.VideoOutput.1.Alias "cpe-1"
value Device.Services.STBService.1.Components.HDMI.1.Alias "cpe-1"
value Device.Services.STBService.1.AVPlayers.AVPlayer.1.Alias "cpe-1"
