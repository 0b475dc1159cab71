package io.gatehouse.engine.policy;

import io.gatehouse.engine.jwt.DecryptionKey;
import io.gatehouse.engine.jwt.KeyRing;
import io.gatehouse.engine.jwt.KeySet;
import io.gatehouse.engine.jwt.OpenIdConfigKeys;
import io.gatehouse.engine.jwt.TokenRejection;
import io.gatehouse.engine.jwt.TokenRules;
import io.gatehouse.engine.jwt.TokenValidation;
import io.gatehouse.engine.jwt.TokenVerifier;
import io.gatehouse.engine.jwt.VerifiedToken;
import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.engine.pipeline.Step;
import io.gatehouse.xml.XmlElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code validate-azure-ad-token}: {@code validate-jwt} with the tenant's Microsoft Entra openid-config
 * ({@code {authority}/{tenant-id}/v2.0/.well-known/openid-configuration}, authority from
 * {@code authentication-endpoint} or the engine's {@code TokenValidationOptions.withEntraAuthority}) plus a client
 * application check: the token's {@code appid} (v1) or {@code azp} (v2) must be one of
 * {@code client-application-ids}. {@code backend-application-ids} are accepted audiences (each as the id and as
 * {@code api://id}), besides {@code audiences}. The token is read from the {@code Authorization} header with the
 * {@code Bearer} scheme unless {@code header-name}, {@code query-parameter-name} or {@code token-value} says otherwise.
 * DECISION: a missing {@code appid}/{@code azp} is {@code TokenClaimNotFound}, one not listed
 * {@code TokenClaimValueNotAllowed}.
 */
final class ValidateAzureAdTokenPolicy {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,254}");

  private ValidateAzureAdTokenPolicy() {}

  static Step compile(XmlElement element, CompileContext context) {
    int locations = 0;
    for (String a : new String[] {"header-name", "query-parameter-name", "token-value"}) {
      locations += element.attribute(a).isPresent() ? 1 : 0;
    }
    if (locations > 1) {
      context.error(element.position(), "'validate-azure-ad-token' takes at most one of 'header-name', "
          + "'query-parameter-name' and 'token-value'");
      return null;
    }
    boolean query = element.attribute("query-parameter-name").isPresent();
    boolean value = element.attribute("token-value").isPresent();
    TokenSource source = new TokenSource(
        query || value ? null : context.string(element, "header-name", "Authorization"),
        query ? context.string(element, "query-parameter-name", null) : null,
        value ? context.string(element, "token-value", null) : null,
        Value.constant("Bearer"));
    Value<String> tenant = context.requiredString(element, "tenant-id");
    if (tenant != null && tenant.isConstant() && !TENANT.matcher(tenant.get(null)).matches()) {
      context.error(element.position(), "'tenant-id' must be a tenant id or domain name");
      tenant = null;
    }
    Value<String> endpoint = context.string(element, "authentication-endpoint", null);
    List<String> clients = ids(element, "client-application-ids");
    if (clients.isEmpty()) {
      context.error(element.position(),
          "'validate-azure-ad-token' requires 'client-application-ids' with at least one 'application-id'");
    }
    List<String> backendAudiences = new ArrayList<>();
    for (String id : ids(element, "backend-application-ids")) {
      backendAudiences.add(id);
      backendAudiences.add("api://" + id);
    }
    TokenRulesConfig rules = TokenRulesConfig.compile(element, context, backendAudiences);
    List<DecryptionKey> decryption = TokenKeysConfig.decryptionKeys(element, context);
    Value<Long> code = context.integer(element, "failed-validation-httpcode", 401L);
    Value<String> message = context.string(element, "failed-validation-error-message", null);
    if (tenant == null || endpoint == null || clients.isEmpty() || rules == null || decryption == null
        || code == null || message == null) {
      return null;
    }
    TokenValidation services = context.compiler().tokenValidation();
    return new TokenValidationStep(source, new TokenVerifier(decryption, true, services.options().maxTokenLength()),
        new KeyRing(KeySet.of(List.of())), services.signatureCache(),
        new Plan(rules, tenant, endpoint, List.copyOf(clients), services), code, message,
        element.attributeValue("output-token-variable-name"));
  }

  private static List<String> ids(XmlElement element, String group) {
    List<String> out = new ArrayList<>();
    for (XmlElement g : element.elements(group)) {
      for (XmlElement id : g.elements("application-id")) {
        String text = id.text() == null ? "" : id.text().value().strip();
        if (!text.isEmpty()) {
          out.add(text);
        }
      }
    }
    return out;
  }

  private static final class Plan implements TokenValidationStep.Plan {
    private final TokenRulesConfig rules;
    private final Value<String> tenant;
    private final Value<String> endpoint;
    private final List<String> clients;
    private final TokenValidation services;
    private final List<OpenIdConfigKeys> constantSources;

    Plan(TokenRulesConfig rules, Value<String> tenant, Value<String> endpoint, List<String> clients,
        TokenValidation services) {
      this.rules = rules;
      this.tenant = tenant;
      this.endpoint = endpoint;
      this.clients = clients;
      this.services = services;
      this.constantSources = tenant.isConstant() && endpoint.isConstant()
          ? List.of(services.openIdConfig(discovery(tenant.get(null), endpoint.get(null)))) : null;
    }

    private URI discovery(String tenantId, String authority) {
      String base = authority == null || authority.isBlank() ? services.options().entraAuthority() : authority;
      base = base.strip();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      URI uri = tenantId != null && TENANT.matcher(tenantId).matches()
          ? ValidateJwtPolicy.absoluteHttp(base + "/" + tenantId + "/v2.0/.well-known/openid-configuration") : null;
      if (uri == null) {
        throw new TokenRejection("JwtInvalid", "tenant-id or authentication-endpoint is not valid.");
      }
      return uri;
    }

    @Override
    public TokenRules rules(Exchange exchange) {
      return rules.rules(exchange);
    }

    @Override
    public List<OpenIdConfigKeys> sources(Exchange exchange) {
      return constantSources != null ? constantSources
          : List.of(services.openIdConfig(discovery(tenant.get(exchange), endpoint.get(exchange))));
    }

    @Override
    public void extraCheck(VerifiedToken token, Exchange exchange) {
      List<String> appId = token.claimValues("appid");
      String name = "appid";
      if (appId == null) {
        appId = token.claimValues("azp");
        name = "azp";
      }
      if (appId == null) {
        throw new TokenRejection("TokenClaimNotFound",
            "JWT is missing the following claims: appid, azp. Access denied.");
      }
      if (appId.size() != 1 || !clients.contains(appId.get(0))) {
        throw new TokenRejection("TokenClaimValueNotAllowed", "Claim " + name + " value of "
            + TokenRejection.quote(String.join(",", appId)) + " is not allowed. Access denied.");
      }
    }
  }
}
