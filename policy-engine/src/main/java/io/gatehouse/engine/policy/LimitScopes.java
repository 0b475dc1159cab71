package io.gatehouse.engine.policy;

import io.gatehouse.engine.pipeline.Exchange;
import io.gatehouse.xml.Scope;

/**
 * Counter keys of the per-subscription policies ({@code rate-limit}, {@code quota}). DECISION: a counter belongs to
 * the policy's scope entity and the subscription: a product-scope policy counts the subscription's calls to every API
 * of the product, an API-scope one the calls to that API, an operation-scope one the calls to that operation; nested
 * {@code api}/{@code operation} limits add the API/operation id. Ids are the runtime ones, so a product document
 * compiled into many operations still shares one counter.
 */
final class LimitScopes {
  private LimitScopes() {}

  static String base(String policy, Scope scope, Exchange exchange) {
    String entity = switch (scope) {
      case PRODUCT -> "product:" + (exchange.product() == null ? "" : exchange.product().id());
      case API -> "api:" + exchange.api().id();
      case OPERATION -> "operation:" + exchange.api().id() + "/" + exchange.operation().id();
      default -> scope.label();
    };
    return policy + "|" + entity + "|subscription:" + exchange.subscription().id();
  }

  static String api(String base, Exchange exchange) {
    return base + "|api:" + exchange.api().id();
  }

  static String operation(String base, Exchange exchange) {
    return base + "|api:" + exchange.api().id() + "|operation:" + exchange.operation().id();
  }
}
