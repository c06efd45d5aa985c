import DoorstepSIP
import Foundation
import Testing

@Suite("SIP settings")
struct SIPSettingsTests {
    @Test("a person's address from the target: the phone's digits or the staff id, nothing else of either")
    func addresses() {
        let trunk = SIPSettings(target: "sip:{phone}@gateway.example")
        #expect(trunk.address(phone: "138-0000 0000", id: "S0002") == "sip:13800000000@gateway.example")
        #expect(trunk.address(phone: "+86 138;x=1@evil", id: "S0002") == "sip:+861381@gateway.example")
        #expect(trunk.address(phone: "", id: "S0002") == nil)
        let desks = SIPSettings(target: "sip:{id}@pbx.example", transport: "tls")
        #expect(desks.address(phone: "", id: "S0002>;x") == "sip:S0002x@pbx.example;transport=tls")
    }

    @Test("settings that cannot work are refused with what to write instead")
    func problems() {
        #expect(SIPSettings(target: "tel:{phone}").problem?.contains("not a SIP address") == true)
        #expect(SIPSettings(target: "sip:operator@pbx").problem?.contains("put {phone} or {id} in it") == true)
        #expect(SIPSettings(target: "sip:{phone}@gw", transport: "sctp").problem?.contains("not udp, tcp or tls") == true)
        #expect(SIPSettings(target: "sip:{phone}@gw", account: "centre").problem?.contains("sip account") == true)
        #expect(SIPSettings(target: "sip:{phone}@gw").problem == nil)
    }

    @Test("baresip's account line: peer to peer, or registering with the password; its config with the control port")
    func baresipFiles() {
        #expect(SIPSettings(target: "sip:{phone}@gw").accountLine() == "<sip:doorstep@127.0.0.1>;regint=0")
        let registered = SIPSettings(target: "sip:{phone}@gw", account: "sip:centre@pbx.example", registrar: "sip:pbx.example",
                                     password: "s3cret", transport: "tls", srtp: true)
        #expect(registered.accountLine() == "<sip:centre@pbx.example;transport=tls>;outbound=\"sip:pbx.example\";regint=600;auth_pass=s3cret;mediaenc=srtp")
        let config = registered.configText(sipListen: "127.0.0.1:5070", controlPort: 4444, defaultMessage: "/tmp/m.wav", modules: "/usr/lib/baresip/modules")
        #expect(config.contains("ctrl_tcp_listen\t\t127.0.0.1:4444\n") && config.contains("audio_source\t\taufile,/tmp/m.wav\n"))
        #expect(config.contains("module\t\t\tsrtp.so\n") && config.contains("sip_listen\t\t127.0.0.1:5070\n"))
    }
}
