//! The address table: which IP addresses the gate never connects to.
//!
//! Source: the IANA IPv4 and IPv6 Special-Purpose Address Registries
//! (<https://www.iana.org/assignments/iana-ipv4-special-registry/> and
//! <https://www.iana.org/assignments/iana-ipv6-special-registry/>, both last updated
//! 2025-10-09), every entry whose "Globally Reachable" column is `False` or `N/A`,
//! with the most specific entry deciding (so 192.0.0.9/32, globally reachable, stays
//! open inside 192.0.0.0/24). Added to the registries' entries, because an SSRF
//! filter must refuse them too: multicast (224.0.0.0/4, `ff00::/8`, from the multicast
//! registries), the deprecated IPv4-compatible (`::/96`) and site-local (`fec0::/10`)
//! IPv6 blocks, and addresses that carry an IPv4 address inside (IPv4-mapped, NAT64
//! `64:ff9b::/96`, 6to4 `2002::/16`), which are judged by the IPv4 address they carry.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// One block of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The block as written in the registry, e.g. `100.64.0.0/10`.
    pub prefix: &'static str,
    /// The registry's name for it, e.g. `Shared Address Space`.
    pub name: &'static str,
    /// Where it is defined, e.g. `RFC 6598`.
    pub source: &'static str,
    /// The registry's "Globally Reachable" column (`N/A` counts as not reachable).
    pub globally_reachable: bool,
}

/// A block of the table: the address bits of its prefix (`u32` or `u128`) and length.
struct Entry<Bits> {
    bits: Bits,
    len: u8,
    block: Block,
}

const fn block(
    prefix: &'static str,
    name: &'static str,
    source: &'static str,
    reachable: bool,
) -> Block {
    Block {
        prefix,
        name,
        source,
        globally_reachable: reachable,
    }
}

const fn v4(
    a: [u8; 4],
    len: u8,
    prefix: &'static str,
    name: &'static str,
    source: &'static str,
    reachable: bool,
) -> Entry<u32> {
    let bits = Ipv4Addr::new(a[0], a[1], a[2], a[3]).to_bits();
    Entry {
        bits,
        len,
        block: block(prefix, name, source, reachable),
    }
}

const fn v6(
    s: [u16; 8],
    len: u8,
    prefix: &'static str,
    name: &'static str,
    source: &'static str,
    reachable: bool,
) -> Entry<u128> {
    let bits = Ipv6Addr::new(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]).to_bits();
    Entry {
        bits,
        len,
        block: block(prefix, name, source, reachable),
    }
}

#[rustfmt::skip]
const IPV4: &[Entry<u32>] = &[
    // IANA IPv4 Special-Purpose Address Registry.
    v4([0, 0, 0, 0], 8, "0.0.0.0/8", "This network", "RFC 791", false),
    v4([0, 0, 0, 0], 32, "0.0.0.0/32", "This host on this network", "RFC 1122", false),
    v4([10, 0, 0, 0], 8, "10.0.0.0/8", "Private-Use", "RFC 1918", false),
    v4([100, 64, 0, 0], 10, "100.64.0.0/10", "Shared Address Space", "RFC 6598", false),
    v4([127, 0, 0, 0], 8, "127.0.0.0/8", "Loopback", "RFC 1122", false),
    v4([169, 254, 0, 0], 16, "169.254.0.0/16", "Link Local", "RFC 3927", false),
    v4([172, 16, 0, 0], 12, "172.16.0.0/12", "Private-Use", "RFC 1918", false),
    v4([192, 0, 0, 0], 24, "192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", false),
    v4([192, 0, 0, 0], 29, "192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", false),
    v4([192, 0, 0, 8], 32, "192.0.0.8/32", "IPv4 dummy address", "RFC 7600", false),
    v4([192, 0, 0, 9], 32, "192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", true),
    v4([192, 0, 0, 10], 32, "192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", true),
    v4([192, 0, 0, 170], 32, "192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880", false),
    v4([192, 0, 0, 171], 32, "192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880", false),
    v4([192, 0, 2, 0], 24, "192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", false),
    v4([192, 31, 196, 0], 24, "192.31.196.0/24", "AS112-v4", "RFC 7535", true),
    v4([192, 52, 193, 0], 24, "192.52.193.0/24", "AMT", "RFC 7450", true),
    v4([192, 88, 99, 0], 24, "192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", false),
    v4([192, 88, 99, 2], 32, "192.88.99.2/32", "6a44-relay anycast address", "RFC 6751", false),
    v4([192, 168, 0, 0], 16, "192.168.0.0/16", "Private-Use", "RFC 1918", false),
    v4([192, 175, 48, 0], 24, "192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", true),
    v4([198, 18, 0, 0], 15, "198.18.0.0/15", "Benchmarking", "RFC 2544", false),
    v4([198, 51, 100, 0], 24, "198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", false),
    v4([203, 0, 113, 0], 24, "203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", false),
    v4([240, 0, 0, 0], 4, "240.0.0.0/4", "Reserved", "RFC 1112", false),
    v4([255, 255, 255, 255], 32, "255.255.255.255/32", "Limited Broadcast", "RFC 8190", false),
    // IANA IPv4 Multicast Address Space Registry.
    v4([224, 0, 0, 0], 4, "224.0.0.0/4", "Multicast", "RFC 5771", false),
];

#[rustfmt::skip]
const IPV6: &[Entry<u128>] = &[
    // IANA IPv6 Special-Purpose Address Registry.
    v6([0, 0, 0, 0, 0, 0, 0, 1], 128, "::1/128", "Loopback Address", "RFC 4291", false),
    v6([0, 0, 0, 0, 0, 0, 0, 0], 128, "::/128", "Unspecified Address", "RFC 4291", false),
    v6([0, 0, 0, 0, 0, 0xffff, 0, 0], 96, "::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291", false),
    v6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96, "64:ff9b::/96", "IPv4-IPv6 Translat.", "RFC 6052", true),
    v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48, "64:ff9b:1::/48", "IPv4-IPv6 Translat.", "RFC 8215", false),
    v6([0x100, 0, 0, 0, 0, 0, 0, 0], 64, "100::/64", "Discard-Only Address Block", "RFC 6666", false),
    v6([0x100, 0, 0, 1, 0, 0, 0, 0], 64, "100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780", false),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 23, "2001::/23", "IETF Protocol Assignments", "RFC 2928", false),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 32, "2001::/32", "TEREDO", "RFC 4380", false),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 1], 128, "2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723", true),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 2], 128, "2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155", true),
    v6([0x2001, 1, 0, 0, 0, 0, 0, 3], 128, "2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "RFC 9665", true),
    v6([0x2001, 2, 0, 0, 0, 0, 0, 0], 48, "2001:2::/48", "Benchmarking", "RFC 5180", false),
    v6([0x2001, 3, 0, 0, 0, 0, 0, 0], 32, "2001:3::/32", "AMT", "RFC 7450", true),
    v6([0x2001, 4, 0x112, 0, 0, 0, 0, 0], 48, "2001:4:112::/48", "AS112-v6", "RFC 7535", true),
    v6([0x2001, 0x10, 0, 0, 0, 0, 0, 0], 28, "2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843", false),
    v6([0x2001, 0x20, 0, 0, 0, 0, 0, 0], 28, "2001:20::/28", "ORCHIDv2", "RFC 7343", true),
    v6([0x2001, 0x30, 0, 0, 0, 0, 0, 0], 28, "2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", true),
    v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32, "2001:db8::/32", "Documentation", "RFC 3849", false),
    v6([0x2002, 0, 0, 0, 0, 0, 0, 0], 16, "2002::/16", "6to4", "RFC 3056", false),
    v6([0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0], 48, "2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534", true),
    v6([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, "3fff::/20", "Documentation", "RFC 9637", false),
    v6([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16, "5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602", false),
    v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7, "fc00::/7", "Unique-Local", "RFC 4193", false),
    v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10, "fe80::/10", "Link-Local Unicast", "RFC 4291", false),
    // Deprecated blocks outside the registry (RFC 4291 section 2.5.5.1, RFC 3879).
    v6([0, 0, 0, 0, 0, 0, 0, 0], 96, "::/96", "IPv4-compatible (deprecated)", "RFC 4291", false),
    v6([0xfec0, 0, 0, 0, 0, 0, 0, 0], 10, "fec0::/10", "Site-Local (deprecated)", "RFC 3879", false),
    // IANA IPv6 Multicast Address Space Registry.
    v6([0xff00, 0, 0, 0, 0, 0, 0, 0], 8, "ff00::/8", "Multicast", "RFC 4291", false),
];

/// The longest prefix of `table` that holds `bits` (an address of `width` bits).
fn most_specific<Bits>(
    table: &'static [Entry<Bits>],
    bits: Bits,
    width: u32,
) -> Option<&'static Block>
where
    Bits: Copy
        + std::ops::BitXor<Output = Bits>
        + std::ops::Shr<u32, Output = Bits>
        + PartialEq
        + From<u8>,
{
    table
        .iter()
        .filter(|e| e.len == 0 || (bits ^ e.bits) >> (width - u32::from(e.len)) == Bits::from(0))
        .max_by_key(|e| e.len)
        .map(|e| &e.block)
}

fn most_specific_v4(ip: Ipv4Addr) -> Option<&'static Block> {
    most_specific(IPV4, ip.to_bits(), 32)
}

fn most_specific_v6(ip: Ipv6Addr) -> Option<&'static Block> {
    most_specific(IPV6, ip.to_bits(), 128)
}

/// The IPv4 address an IPv6 address carries and delivers to, if it is one of the
/// forms that do: IPv4-mapped (`::ffff:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) and
/// 6to4 (`2002:AABB:CCDD::/48`).
pub fn embedded_ipv4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let bits = ip.to_bits();
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the low 32 bits are the IPv4 address these forms carry"
    )]
    let low32 = Ipv4Addr::from_bits(bits as u32);
    if let Some(mapped) = ip.to_ipv4_mapped() {
        return Some(mapped);
    }
    let s = ip.segments();
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return Some(low32);
    }
    if s[0] == 0x2002 {
        let [a, b] = s[1].to_be_bytes();
        let [c, d] = s[2].to_be_bytes();
        return Some(Ipv4Addr::new(a, b, c, d));
    }
    None
}

/// The block that makes `ip` one the gate refuses, or `None` for a globally reachable
/// address. An address carrying an IPv4 address is refused when that address is.
pub fn reserved_block(ip: IpAddr) -> Option<&'static Block> {
    match ip {
        IpAddr::V4(v4) => most_specific_v4(v4).filter(|b| !b.globally_reachable),
        IpAddr::V6(v6) => {
            if let Some(inner) = embedded_ipv4(v6) {
                // 6to4 is "N/A" in the registry: its relays are gone, refuse it whole.
                if v6.segments()[0] == 0x2002 {
                    return most_specific_v6(v6);
                }
                if let Some(block) = most_specific_v4(inner).filter(|b| !b.globally_reachable) {
                    return Some(block);
                }
                if v6.to_ipv4_mapped().is_some() {
                    return None;
                }
            }
            most_specific_v6(v6).filter(|b| !b.globally_reachable)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<&'static str> {
        let ip: IpAddr = text.parse().expect("test address");
        reserved_block(ip).map(|b| b.prefix)
    }

    #[test]
    fn internal_addresses_are_refused_with_their_block() {
        for (ip, block) in [
            ("169.254.169.254", "169.254.0.0/16"),
            ("127.0.0.2", "127.0.0.0/8"),
            ("10.1.2.3", "10.0.0.0/8"),
            ("172.31.255.255", "172.16.0.0/12"),
            ("192.168.1.1", "192.168.0.0/16"),
            ("100.64.0.1", "100.64.0.0/10"),
            ("100.127.255.254", "100.64.0.0/10"),
            ("198.18.0.1", "198.18.0.0/15"),
            ("198.19.255.255", "198.18.0.0/15"),
            ("224.0.0.1", "224.0.0.0/4"),
            ("239.255.255.250", "224.0.0.0/4"),
            ("240.0.0.1", "240.0.0.0/4"),
            ("255.255.255.255", "255.255.255.255/32"),
            ("0.1.2.3", "0.0.0.0/8"),
            ("0.0.0.0", "0.0.0.0/32"),
            ("192.0.0.8", "192.0.0.8/32"),
            ("192.0.2.1", "192.0.2.0/24"),
            ("::1", "::1/128"),
            ("::", "::/128"),
            ("fe80::1", "fe80::/10"),
            ("fd00::1", "fc00::/7"),
            ("fec0::1", "fec0::/10"),
            ("ff02::1", "ff00::/8"),
            ("2001:db8::1", "2001:db8::/32"),
            ("3fff::1", "3fff::/20"),
            ("5f00::1", "5f00::/16"),
            ("100::1", "100::/64"),
            ("2001::1", "2001::/32"),
            ("2002:0808:0808::1", "2002::/16"),
            ("64:ff9b:1::1", "64:ff9b:1::/48"),
            // IPv4-compatible: the bypass, ::127.0.0.1.
            ("::7f00:1", "::/96"),
            ("::a9fe:a9fe", "::/96"),
        ] {
            assert_eq!(refused(ip), Some(block), "{ip}");
        }
    }

    #[test]
    fn embedded_ipv4_is_judged_by_the_address_it_carries() {
        assert_eq!(refused("::ffff:127.0.0.1"), Some("127.0.0.0/8"));
        assert_eq!(refused("::ffff:169.254.169.254"), Some("169.254.0.0/16"));
        assert_eq!(refused("64:ff9b::a9fe:a9fe"), Some("169.254.0.0/16"));
        assert_eq!(refused("64:ff9b::7f00:1"), Some("127.0.0.0/8"));
        assert_eq!(
            refused("64:ff9b::808:808"),
            None,
            "NAT64 of a public address"
        );
        assert_eq!(refused("::ffff:8.8.8.8"), None);
        assert_eq!(
            embedded_ipv4("2002:c0a8:0101::1".parse().expect("6to4")),
            Some(Ipv4Addr::new(192, 168, 1, 1))
        );
    }

    #[test]
    fn public_addresses_and_reachable_exceptions_pass() {
        for ip in [
            "93.184.216.34",
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.0",
            "198.20.0.1",
            "192.0.0.9",
            "192.0.0.10",
            "192.31.196.1",
            "223.255.255.255",
            "2606:4700::1111",
            "2001:4860:4860::8888",
            "2001:1::1",
            "2001:3::1",
            "2001:20::1",
            "2620:4f:8000::1",
        ] {
            assert_eq!(refused(ip), None, "{ip}");
        }
    }
    /// The registries' entries as IANA publishes them (address block, "Globally
    /// Reachable"), typed in from the CSV files independently of the table above, so a
    /// block missing from or mistyped in the table fails here. The first and last
    /// address of every block must be judged as the most specific entry holding it
    /// says; addresses that carry an IPv4 address are left to their own test.
    const REGISTRY: &[(&str, bool)] = &[
        ("0.0.0.0/8", false),
        ("0.0.0.0/32", false),
        ("10.0.0.0/8", false),
        ("100.64.0.0/10", false),
        ("127.0.0.0/8", false),
        ("169.254.0.0/16", false),
        ("172.16.0.0/12", false),
        ("192.0.0.0/24", false),
        ("192.0.0.0/29", false),
        ("192.0.0.8/32", false),
        ("192.0.0.9/32", true),
        ("192.0.0.10/32", true),
        ("192.0.0.170/32", false),
        ("192.0.0.171/32", false),
        ("192.0.2.0/24", false),
        ("192.31.196.0/24", true),
        ("192.52.193.0/24", true),
        ("192.88.99.0/24", false),
        ("192.88.99.2/32", false),
        ("192.168.0.0/16", false),
        ("192.175.48.0/24", true),
        ("198.18.0.0/15", false),
        ("198.51.100.0/24", false),
        ("203.0.113.0/24", false),
        ("240.0.0.0/4", false),
        ("255.255.255.255/32", false),
        ("224.0.0.0/4", false),
        ("::1/128", false),
        ("::/128", false),
        ("::ffff:0:0/96", false),
        ("64:ff9b::/96", true),
        ("64:ff9b:1::/48", false),
        ("100::/64", false),
        ("100:0:0:1::/64", false),
        ("2001::/23", false),
        ("2001::/32", false),
        ("2001:1::1/128", true),
        ("2001:1::2/128", true),
        ("2001:1::3/128", true),
        ("2001:2::/48", false),
        ("2001:3::/32", true),
        ("2001:4:112::/48", true),
        ("2001:10::/28", false),
        ("2001:20::/28", true),
        ("2001:30::/28", true),
        ("2001:db8::/32", false),
        ("2002::/16", false),
        ("2620:4f:8000::/48", true),
        ("3fff::/20", false),
        ("5f00::/16", false),
        ("fc00::/7", false),
        ("fe80::/10", false),
        ("::/96", false),
        ("fec0::/10", false),
        ("ff00::/8", false),
    ];

    /// `text` as (address as 128 bits, prefix length out of 128, is IPv4).
    fn parse_block(text: &str) -> (u128, u32, bool) {
        let (addr, len) = text.split_once('/').expect("a prefix");
        let len: u32 = len.parse().expect("a length");
        match addr.parse::<IpAddr>().expect("an address") {
            IpAddr::V4(v4) => (u128::from(v4.to_bits()), len + 96, true),
            IpAddr::V6(v6) => (v6.to_bits(), len, false),
        }
    }

    fn holds((base, len, _): (u128, u32, bool), bits: u128) -> bool {
        len == 0 || (base ^ bits) >> (128 - len) == 0
    }

    #[test]
    fn the_table_judges_every_registry_block_as_published() {
        let blocks: Vec<_> = REGISTRY
            .iter()
            .map(|(p, r)| (parse_block(p), *r, *p))
            .collect();
        for &(block, _, prefix) in &blocks {
            let (base, len, is_v4) = block;
            let last = if len == 128 {
                base
            } else {
                base | ((1u128 << (128 - len)) - 1)
            };
            for bits in [base, last] {
                let (ip, deciding) = {
                    let deciding = blocks
                        .iter()
                        .filter(|(b, _, _)| b.2 == is_v4 && holds(*b, bits))
                        .max_by_key(|(b, _, _)| b.1)
                        .expect("the block itself holds it");
                    let ip = if is_v4 {
                        IpAddr::V4(Ipv4Addr::from_bits(
                            u32::try_from(bits).expect("an IPv4 block holds 32-bit values"),
                        ))
                    } else {
                        IpAddr::V6(Ipv6Addr::from_bits(bits))
                    };
                    (ip, deciding)
                };
                if let IpAddr::V6(v6) = ip {
                    // Judged by the IPv4 address inside, in its own test; 6to4 is refused whole.
                    if embedded_ipv4(v6).is_some() && v6.segments()[0] != 0x2002 {
                        continue;
                    }
                }
                let expected_reachable = deciding.1;
                assert_eq!(
                    reserved_block(ip).is_none(),
                    expected_reachable,
                    "{ip} (in {prefix}, decided by {})",
                    deciding.2
                );
                if !expected_reachable {
                    assert_eq!(
                        reserved_block(ip).map(|b| b.prefix),
                        Some(deciding.2),
                        "{ip}"
                    );
                }
            }
        }
        assert_eq!(
            blocks.len(),
            IPV4.len() + IPV6.len(),
            "the table and the registry list differ in size"
        );
    }

    #[test]
    fn ipv4_mapped_edges_and_ipv4_compatible_are_refused() {
        assert_eq!(refused("::ffff:0.0.0.0"), Some("0.0.0.0/32"));
        assert_eq!(
            refused("::ffff:255.255.255.255"),
            Some("255.255.255.255/32")
        );
        assert_eq!(refused("::ffff:10.0.0.1"), Some("10.0.0.0/8"));
        assert_eq!(refused("::ffff:100.64.0.1"), Some("100.64.0.0/10"));
        assert_eq!(refused("::ffff:1.2.3.4"), None);
        assert_eq!(refused("::1.2.3.4"), Some("::/96"));
        assert_eq!(refused("::ffff:ffff"), Some("::/96"));
    }
}
