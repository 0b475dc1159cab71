package io.gatehouse.engine;

import io.gatehouse.api.HttpHeaders;
import io.gatehouse.api.Subscription;
import io.gatehouse.api.SubscriptionStore;
import io.gatehouse.engine.context.UrlInfo;
import io.gatehouse.engine.pipeline.PolicyFailure;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * APIM's built-in subscription key check (spec README 9), run after routing and before inbound.
 *
 * <p>The key comes from the API's key header, or from its query parameter when the header is absent. A key must
 * belong to an active subscription (within its start and end dates) scoped to all APIs, to this API, or to a
 * product containing it; a product-scoped key runs the call in that product's context, other keys outside any
 * product. Without a key, an open product containing the API gives its context; else an API that does not require
 * a subscription runs without one; else the call is refused. DECISION (the docs leave it open): a key that is
 * present but unknown is refused even where anonymous access would be allowed.
 */
final class SubscriptionCheck {
  static final String MISSING_CLIENT = "Access denied due to missing subscription key. Make sure to include "
      + "subscription key when making requests to an API.";
  static final String MISSING = "Access denied due to missing subscription key. Make sure to include subscription "
      + "key when making requests to this API.";
  static final String INVALID = "Access denied due to invalid subscription key. Make sure to provide a valid key for "
      + "an active subscription.";

  /**
   * The outcome: the subscription and key used (null for keyless calls) and the product context (null for none).
   */
  record Access(Subscription subscription, String key, String productId) {}

  private SubscriptionCheck() {}

  /**
   * Resolves access or throws the 401 {@link PolicyFailure} (Source {@code authorization}). The {@code
   * WWW-Authenticate} realm of a missing key is the API's base URL on this gateway: {@code url}'s origin, {@code
   * basePath}, then {@code apiPath}.
   */
  static Access resolve(ApiAccess api, HttpHeaders headers, UrlInfo url, String basePath, String apiPath,
      SubscriptionStore store, Instant now) {
    String key = headers.first(api.keyHeader());
    if (key == null) {
      List<String> values = url.query().get(api.keyQuery());
      key = values == null || values.isEmpty() ? null : values.get(0);
    }
    if (key == null || key.isEmpty()) {
      if (api.openProductId() != null) {
        return new Access(null, null, api.openProductId());
      }
      if (!api.subscriptionRequired()) {
        return new Access(null, null, null);
      }
      HttpHeaders challenge = HttpHeaders.of("WWW-Authenticate", "AzureApiManagementKey realm=\""
          + url.origin() + basePath + (apiPath.isEmpty() ? "" : "/" + apiPath)
          + "\",name=\"" + api.keyHeader() + "\",type=\"header\"");
      throw PolicyFailure.withHeaders("authorization", "SubscriptionKeyNotFound", MISSING, 401, MISSING_CLIENT,
          challenge);
    }
    Subscription s = store.findByKey(key);
    if (s == null || !usable(s, now)) {
      throw invalid();
    }
    return switch (s.scope()) {
      case ALL -> new Access(s, key, null);
      case API -> {
        if (!s.target().equalsIgnoreCase(api.apiId())) {
          throw invalid();
        }
        yield new Access(s, key, null);
      }
      case PRODUCT -> {
        String product = s.target().toLowerCase(Locale.ROOT);
        if (!api.productIds().contains(product)) {
          throw invalid();
        }
        yield new Access(s, key, product);
      }
    };
  }

  private static boolean usable(Subscription s, Instant now) {
    return s.state() == Subscription.State.ACTIVE
        && (s.startDate() == null || !now.isBefore(s.startDate()))
        && (s.endDate() == null || now.isBefore(s.endDate()));
  }

  private static PolicyFailure invalid() {
    return PolicyFailure.of("authorization", "SubscriptionKeyInvalid", INVALID, 401, INVALID);
  }
}
