package io.gatehouse.engine.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever touching DNS, and compares them. IPv4 and IPv6 are separate families and
 * never match each other; an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is treated as the IPv4 address it
 * carries (DECISION: that is what a dual-stack socket reports for an IPv4 client).
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** The address bytes (4 or 16) of a literal, or null when {@code text} is not an IP literal. */
  public static byte[] parse(String text) {
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
    if (s.indexOf(':') < 0) {
      return parseIpv4(s);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return null;
      }
    }
    try {
      // A literal containing ':' is parsed by the JDK without any name lookup.
      InetAddress address = InetAddress.getByName(s);
      return address instanceof Inet4Address || address.getAddress().length == 16 ? address.getAddress() : null;
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] parseIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      bytes[i] = (byte) v;
    }
    return bytes;
  }

  /** Unsigned comparison of two addresses of the same family. */
  public static int compare(byte[] a, byte[] b) {
    for (int i = 0; i < a.length; i++) {
      int d = (a[i] & 0xff) - (b[i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  /** Whether {@code address} lies in the inclusive range {@code from..to} (same family only). */
  public static boolean inRange(byte[] address, byte[] from, byte[] to) {
    return address.length == from.length && address.length == to.length
        && compare(address, from) >= 0 && compare(address, to) <= 0;
  }
}
