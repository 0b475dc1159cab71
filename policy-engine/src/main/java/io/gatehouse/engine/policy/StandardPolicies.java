package io.gatehouse.engine.policy;

import java.util.Map;

/** The policies Gatehouse implements, by element name. */
final class StandardPolicies {
  private static final Map<String, PolicyFactory> FACTORIES = Map.ofEntries(
      Map.entry("choose", ChoosePolicy::compile),
      Map.entry("set-variable", SetVariablePolicy::compile),
      Map.entry("set-header", SetHeaderPolicy::compile),
      Map.entry("set-query-parameter", SetQueryParameterPolicy::compile),
      Map.entry("rewrite-uri", RewriteUriPolicy::compile),
      Map.entry("set-method", SetMethodPolicy::compile),
      Map.entry("set-status", SetStatusPolicy::compile),
      Map.entry("set-body", SetBodyPolicy::compile),
      Map.entry("return-response", ReturnResponsePolicy::compile),
      Map.entry("mock-response", MockResponsePolicy::compile),
      Map.entry("check-header", CheckHeaderPolicy::compile),
      Map.entry("ip-filter", IpFilterPolicy::compile),
      Map.entry("authentication-basic", AuthenticationBasicPolicy::compile),
      Map.entry("authentication-certificate", AuthenticationCertificatePolicy::compile),
      Map.entry("validate-client-certificate", ValidateClientCertificatePolicy::compile),
      Map.entry("cors", CorsPolicy::compile),
      Map.entry("set-backend-service", SetBackendServicePolicy::compile),
      Map.entry("forward-request", ForwardRequestPolicy::compile),
      Map.entry("find-and-replace", FindAndReplacePolicy::compile),
      Map.entry("trace", TracePolicy::compile),
      Map.entry("validate-jwt", ValidateJwtPolicy::compile),
      Map.entry("validate-azure-ad-token", ValidateAzureAdTokenPolicy::compile),

      Map.entry("rate-limit", RateLimitPolicy::compile),
      Map.entry("rate-limit-by-key", RateLimitByKeyPolicy::compile),
      Map.entry("quota", QuotaPolicy::compile),
      Map.entry("quota-by-key", QuotaByKeyPolicy::compile),
      Map.entry("limit-concurrency", LimitConcurrencyPolicy::compile));

  private StandardPolicies() {}

  static Map<String, PolicyFactory> factories() {
    return FACTORIES;
  }
}
