package io.gatehouse.engine.policy;

import io.gatehouse.engine.jwt.ClaimRequirement;
import io.gatehouse.engine.jwt.TokenRules;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compiled per-request rules of a token policy ({@code require-expiration-time}, {@code clock-skew},
 * {@code audiences}, {@code issuers}, {@code required-claims}). When every value is a literal the {@link TokenRules}
 * are built once at compile time.
 */
final class TokenRulesConfig {
  private final Value<Boolean> requireExpiration;
  private final Value<Long> clockSkew;
  private final List<Value<String>> audiences;
  private final List<Value<String>> issuers;
  private final List<Claim> claims;
  private final TokenRules constant;

  private record Claim(String name, boolean matchAll, String separator, List<Value<String>> values) {}

  private TokenRulesConfig(Value<Boolean> requireExpiration, Value<Long> clockSkew, List<Value<String>> audiences,
      List<Value<String>> issuers, List<Claim> claims) {
    this.requireExpiration = requireExpiration;
    this.clockSkew = clockSkew;
    this.audiences = audiences;
    this.issuers = issuers;
    this.claims = claims;
    boolean allConstant = requireExpiration.isConstant() && clockSkew.isConstant()
        && audiences.stream().allMatch(Value::isConstant) && issuers.stream().allMatch(Value::isConstant)
        && claims.stream().allMatch(c -> c.values.stream().allMatch(Value::isConstant));
    this.constant = allConstant ? build(null) : null;
  }

  /**
   * Compiles the rules of {@code element}; null when something failed to compile (reported).
   *
   * @param extraAudiences audiences besides {@code audiences} (Entra backend application ids)
   */
  static TokenRulesConfig compile(XmlElement element, CompileContext context, List<String> extraAudiences) {
    Value<Boolean> requireExp = context.bool(element, "require-expiration-time", true);
    Value<Long> skew = context.integer(element, "clock-skew", 0L);
    List<Value<String>> audiences = texts(element, "audiences", "audience", context);
    for (String a : extraAudiences) {
      audiences.add(Value.constant(a));
    }
    List<Value<String>> issuers = texts(element, "issuers", "issuer", context);
    List<Claim> claims = new ArrayList<>();
    boolean ok = requireExp != null && skew != null && !audiences.contains(null) && !issuers.contains(null);
    for (XmlElement group : element.elements("required-claims")) {
      for (XmlElement c : group.elements("claim")) {
        String name = c.attributeValue("name");
        if (name == null || name.isBlank()) {
          context.error(c.position(), "'claim' requires attribute 'name'");
          ok = false;
          continue;
        }
        String match = c.attributeValue("match");
        String m = match == null ? "all" : match.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("all") && !m.equals("any")) {
          context.error(c.position(), "attribute 'match' of 'claim' must be 'all' or 'any'");
          ok = false;
        }
        List<Value<String>> values = new ArrayList<>();
        for (XmlElement v : c.elements("value")) {
          Value<String> value = context.text(v);
          ok &= value != null;
          values.add(value);
        }
        claims.add(new Claim(name, m.equals("all"), c.attributeValue("separator"), values));
      }
    }
    return ok ? new TokenRulesConfig(requireExp, skew, audiences, issuers, claims) : null;
  }

  private static List<Value<String>> texts(XmlElement element, String group, String item, CompileContext context) {
    List<Value<String>> out = new ArrayList<>();
    for (XmlElement g : element.elements(group)) {
      for (XmlElement i : g.elements(item)) {
        out.add(context.text(i));
      }
    }
    return out;
  }

  TokenRules rules(Exchange exchange) {
    return constant != null ? constant : build(exchange);
  }

  private TokenRules build(Exchange exchange) {
    Boolean requireExp = requireExpiration.get(exchange);
    Long skew = clockSkew.get(exchange);
    List<ClaimRequirement> requirements = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      requirements.add(new ClaimRequirement(c.name, c.matchAll, c.separator, values(c.values, exchange)));
    }
    return new TokenRules(requireExp == null || requireExp, skew == null ? 0 : skew, values(audiences, exchange),
        values(issuers, exchange), requirements);
  }

  private static List<String> values(List<Value<String>> values, Exchange exchange) {
    List<String> out = new ArrayList<>(values.size());
    for (Value<String> v : values) {
      String s = v.get(exchange);
      if (s != null) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
