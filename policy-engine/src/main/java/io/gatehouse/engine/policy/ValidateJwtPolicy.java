package io.gatehouse.engine.policy;

import io.gatehouse.engine.jwt.DecryptionKey;
import io.gatehouse.engine.jwt.KeyRing;
import io.gatehouse.engine.jwt.KeySet;
import io.gatehouse.engine.jwt.OpenIdConfigKeys;
import io.gatehouse.engine.jwt.TokenRejection;
import io.gatehouse.engine.jwt.TokenRules;
import io.gatehouse.engine.jwt.TokenValidation;
import io.gatehouse.engine.jwt.TokenVerifier;
import io.gatehouse.engine.jwt.VerificationKey;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate-jwt}: token from {@code header-name}, {@code query-parameter-name} or {@code token-value};
 * signature against {@code issuer-signing-keys} and {@code openid-config} keys; JWE via {@code decryption-keys};
 * lifetime, {@code audiences}, {@code issuers} (plus openid-config issuers) and {@code required-claims}. See
 * {@link TokenValidationStep} for the check order. DECISION: {@code validate-connectivity} is accepted and ignored
 * (loading never touches the network).
 */
final class ValidateJwtPolicy {
  private ValidateJwtPolicy() {}

  static Step compile(XmlElement element, CompileContext context) {
    int locations = 0;
    for (String a : new String[] {"header-name", "query-parameter-name", "token-value"}) {
      locations += element.attribute(a).isPresent() ? 1 : 0;
    }
    if (locations != 1) {
      context.error(element.position(),
          "'validate-jwt' needs exactly one of 'header-name', 'query-parameter-name' and 'token-value'");
      return null;
    }
    TokenSource source = new TokenSource(
        element.attribute("header-name").isPresent() ? context.string(element, "header-name", null) : null,
        element.attribute("query-parameter-name").isPresent()
            ? context.string(element, "query-parameter-name", null) : null,
        element.attribute("token-value").isPresent() ? context.string(element, "token-value", null) : null,
        element.attribute("require-scheme").isPresent() ? context.string(element, "require-scheme", null) : null);
    Value<Boolean> requireSigned = context.bool(element, "require-signed-tokens", true);
    if (requireSigned == null) {
      return null;
    }
    if (!requireSigned.isConstant()) {
      context.error(element.position(), "'require-signed-tokens' must be literal");
      return null;
    }
    boolean signed = requireSigned.get(null);
    if (!signed) {
      context.warning(element.position(), "require-signed-tokens=\"false\" accepts unsigned tokens");
    }
    List<Value<String>> urls = new ArrayList<>();
    for (XmlElement oc : element.elements("openid-config")) {
      Value<String> url = context.requiredString(oc, "url");
      if (url != null && url.isConstant() && absoluteHttp(url.get(null)) == null) {
        context.error(oc.position(), "'openid-config' url must be an absolute http or https URL");
        url = null;
      }
      urls.add(url);
    }
    TokenRulesConfig rules = TokenRulesConfig.compile(element, context, List.of());
    List<VerificationKey> keys = TokenKeysConfig.signingKeys(element, context);
    List<DecryptionKey> decryption = TokenKeysConfig.decryptionKeys(element, context);
    Value<Long> code = context.integer(element, "failed-validation-httpcode", 401L);
    Value<String> message = context.string(element, "failed-validation-error-message", null);
    if (urls.contains(null) || rules == null || keys == null || decryption == null || code == null
        || message == null) {
      return null;
    }
    TokenValidation services = context.compiler().tokenValidation();
    return new TokenValidationStep(source,
        new TokenVerifier(decryption, signed, services.options().maxTokenLength()),
        new KeyRing(KeySet.of(keys)), services.signatureCache(), new Plan(rules, urls, services),
        code, message, element.attributeValue("output-token-variable-name"));
  }

  /** An absolute http(s) URL, or null. */
  static URI absoluteHttp(String text) {
    try {
      URI uri = new URI(text.strip());
      boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException | NullPointerException e) {
      return null;
    }
  }

  private static final class Plan implements TokenValidationStep.Plan {
    private final TokenRulesConfig rules;
    private final List<Value<String>> urls;
    private final TokenValidation services;
    private final List<OpenIdConfigKeys> constantSources;

    Plan(TokenRulesConfig rules, List<Value<String>> urls, TokenValidation services) {
      this.rules = rules;
      this.urls = urls;
      this.services = services;
      List<OpenIdConfigKeys> constant = new ArrayList<>();
      for (Value<String> u : urls) {
        if (!u.isConstant()) {
          constant = null;
          break;
        }
        constant.add(services.openIdConfig(absoluteHttp(u.get(null))));
      }
      this.constantSources = constant == null ? null : List.copyOf(constant);
    }

    @Override
    public TokenRules rules(Exchange exchange) {
      return rules.rules(exchange);
    }

    @Override
    public List<OpenIdConfigKeys> sources(Exchange exchange) {
      if (constantSources != null) {
        return constantSources;
      }
      List<OpenIdConfigKeys> out = new ArrayList<>(urls.size());
      for (Value<String> u : urls) {
        URI uri = absoluteHttp(String.valueOf(u.get(exchange)));
        if (uri == null) {
          throw new TokenRejection("JwtInvalid", "openid-config url is not an absolute http or https URL.");
        }
        out.add(services.openIdConfig(uri));
      }
      return out;
    }
  }
}
