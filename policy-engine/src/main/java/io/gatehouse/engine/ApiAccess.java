package io.gatehouse.engine;

import java.util.Set;

/**
 * What the built-in subscription key check needs to know about an API.
 *
 * @param apiId the API's root id (revisions share subscriptions)
 * @param subscriptionRequired whether keyless calls are refused (unless an open product contains the API)
 * @param keyHeader header carrying the key
 * @param keyQuery query parameter carrying the key (consulted only when the header is absent)
 * @param productIds lower-case ids of the products containing the API
 * @param openProductId lower-case id of an open product (no subscription required) containing the API, or null
 */
record ApiAccess(String apiId, boolean subscriptionRequired, String keyHeader, String keyQuery, Set<String> productIds,
    String openProductId) {}
