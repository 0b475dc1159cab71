package io.gatehouse.servlet;

import io.gatehouse.engine.net.IpAddresses;
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
      byte[] network = IpAddresses.parse(slash < 0 ? e : e.substring(0, slash));
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

  /** Whether no proxy is trusted (the client IP is then always the remote address). */
  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether {@code ip} is a trusted proxy. */
  public boolean trusts(String ip) {
    byte[] address = IpAddresses.parse(ip);
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
      if (IpAddresses.parse(hop) == null) {
        return client;
      }
      client = hop;
      if (!trusts(hop)) {
        return hop;
      }
    }
    return client;
  }
}
