package serve

import (
	"net"
	"slices"
)

// RoomAddresses returns the IPv4 addresses of this machine that the room's computers may
// reach: every address of an interface that is up, but the loopback ones; link-local
// addresses (169.254.x.x, a network without a DHCP server) come last. A listen address
// that is not a wildcard (0.0.0.0, ::, "") is the only one.
func RoomAddresses(listen string) []string {
	if ip := net.ParseIP(listen); ip != nil && !ip.IsUnspecified() {
		return []string{ip.String()}
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out, linkLocal []string
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.To4() == nil || n.IP.IsLoopback() {
				continue
			}
			ip := n.IP.To4().String()
			if n.IP.IsLinkLocalUnicast() {
				linkLocal = append(linkLocal, ip)
			} else if !slices.Contains(out, ip) {
				out = append(out, ip)
			}
		}
	}
	return append(out, linkLocal...)
}
