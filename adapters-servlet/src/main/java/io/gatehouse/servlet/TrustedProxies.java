package io.gatehouse.servlet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as IP addresses or CIDR ranges, and the client IP they imply.
 *
 * <p>With no proxies the client IP is the connection's remote address. Otherwise, when the connection comes from a
 * trusted proxy, {@code X-Forwarded-For} is read right to left and the first address that is not a trusted proxy is
 * the client; a malformed entry stops the walk at the last trusted hop (a client cannot forge past a proxy it does
 * not control). Literals are parsed without DNS.
 */
public final class TrustedProxies {
  /** No trusted proxies: the client IP is always the remote address. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses entries such as {@code 10.0.0.0/8}, {@code 192.168.1.7} or {@code fd00::/8}; throws on a bad entry. */
  public static TrustedProxies of(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      String e = entry.strip();
      int slash = e.indexOf('/');
      byte[] network = parse(slash < 0 ? e : e.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
      }
      int prefix = network.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException ex) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("bad CIDR prefix length: " + entry);
        }
      }
      ranges.add(new Range(network, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /** Whether {@code ip} is a trusted proxy. */
  public boolean trusts(String ip) {
    byte[] address = parse(ip);
    if (address == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** The client IP for a connection from {@code remoteAddress} carrying these {@code X-Forwarded-For} values. */
  public String clientIp(String remoteAddress, List<String> forwardedFor) {
    if (ranges.isEmpty() || forwardedFor.isEmpty() || !trusts(remoteAddress)) {
      return remoteAddress;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String hop : value.split(",")) {
        hops.add(hop.strip());
      }
    }
    String client = remoteAddress;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (parse(hop) == null) {
        return client;
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }

  /** The address bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), or null; never resolves names. */
  static byte[] parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    boolean ipv6 = s.indexOf(':') >= 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '.' || (c >= '0' && c <= '9')
          || ipv6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
      if (!ok) {
        return null;
      }
    }
    if (!ipv6) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
          return null;
        }
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return bytes;
    }
    try {
      // A literal containing ':' is parsed by the JDK without any name lookup.
      InetAddress address = InetAddress.getByName(s);
      return address.getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
