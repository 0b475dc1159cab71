package io.gatehouse.engine.policy;

import io.gatehouse.engine.net.IpAddresses;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Flow;
import io.gatehouse.engine.pipeline.PolicyFailure;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.Position;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ip-filter}: allows or forbids callers by {@code context.Request.IpAddress} against addresses and inclusive
 * ranges, IPv4 and IPv6. Failures are 403 with the reasons {@code CallerIpNotAllowed}, {@code CallerIpBlocked} and
 * {@code FailedToParseCallerIP}. Literal entries are parsed once at load; expression entries per request (an entry
 * that does not evaluate to an address matches nothing).
 */
final class IpFilterPolicy implements Step {
  private final Value<String> action;
  private final List<Entry> entries;

  /** One address (from == to) or range, each bound either a literal or an expression. */
  private record Entry(Value<String> from, Value<String> to, byte[] fromBytes, byte[] toBytes) {
    boolean matches(byte[] ip, Exchange exchange) {
      byte[] f = fromBytes != null ? fromBytes : IpAddresses.parse(from.get(exchange));
      byte[] t = toBytes != null ? toBytes : to == null ? f : IpAddresses.parse(to.get(exchange));
      return f != null && t != null && IpAddresses.inRange(ip, f, t);
    }
  }

  private IpFilterPolicy(Value<String> action, List<Entry> entries) {
    this.action = action;
    this.entries = entries;
  }

  static Step compile(XmlElement element, CompileContext context) {
    Value<String> action = context.requiredString(element, "action");
    if (action == null) {
      return null;
    }
    if (action.isConstant() && parseAction(action.get(null)) == null) {
      context.error(element.attribute("action").orElseThrow().valuePosition(), "action must be allow or forbid");
      return null;
    }
    List<Entry> entries = new ArrayList<>();
    boolean ok = true;
    for (XmlElement child : element.elements()) {
      if (child.name().equals("address")) {
        Value<String> v = context.text(child);
        Entry e = entry(v, null, child.position(), context);
        ok &= e != null;
        entries.add(e);
      } else if (child.name().equals("address-range")) {
        Value<String> from = context.requiredString(child, "from");
        Value<String> to = context.requiredString(child, "to");
        Entry e = from == null || to == null ? null : entry(from, to, child.position(), context);
        ok &= e != null;
        entries.add(e);
      }
    }
    if (entries.isEmpty()) {
      context.error(element.position(), "'ip-filter' needs at least one 'address' or 'address-range'");
      return null;
    }
    return ok ? new IpFilterPolicy(action, List.copyOf(entries)) : null;
  }

  private static Entry entry(Value<String> from, Value<String> to, Position at, CompileContext context) {
    if (from == null) {
      return null;
    }
    byte[] f = null;
    byte[] t = null;
    if (from.isConstant()) {
      f = IpAddresses.parse(from.get(null));
      if (f == null) {
        context.error(at, "'" + from.get(null) + "' is not an IPv4 or IPv6 address");
        return null;
      }
    }
    if (to == null) {
      t = f;
    } else if (to.isConstant()) {
      t = IpAddresses.parse(to.get(null));
      if (t == null) {
        context.error(at, "'" + to.get(null) + "' is not an IPv4 or IPv6 address");
        return null;
      }
      if (f != null && (f.length != t.length || IpAddresses.compare(f, t) > 0)) {
        context.error(at, "address range must go from a lower to a higher address of the same family");
        return null;
      }
    }
    return new Entry(from, to, f, t);
  }

  private static Boolean parseAction(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "allow" -> Boolean.TRUE;
      case "forbid" -> Boolean.FALSE;
      default -> null;
    };
  }

  @Override
  public Flow run(Exchange exchange) {
    Boolean allow = parseAction(action.get(exchange));
    if (allow == null) {
      throw PolicyFailure.internal(null, "ExpressionValueEvaluationFailure",
          "Expression evaluation failed. action must be allow or forbid.");
    }
    String callerIp = exchange.request().ipAddress();
    byte[] ip = IpAddresses.parse(callerIp);
    if (ip == null) {
      throw PolicyFailure.of(null, "FailedToParseCallerIP",
          "Failed to establish IP address for the caller. Access denied.", 403, "Forbidden");
    }
    boolean listed = false;
    for (Entry e : entries) {
      if (e.matches(ip, exchange)) {
        listed = true;
        break;
      }
    }
    if (allow && !listed) {
      throw PolicyFailure.of(null, "CallerIpNotAllowed",
          "Caller IP address " + callerIp.strip() + " is not allowed. Access denied.", 403, "Forbidden");
    }
    if (!allow && listed) {
      throw PolicyFailure.of(null, "CallerIpBlocked", "Caller IP address is blocked. Access denied.", 403,
          "Forbidden");
    }
    return Flow.CONTINUE;
  }
}
