/**
 * The gateway configuration model: immutable records for APIs, operations, products, named values, fragments,
 * backends and version sets, built programmatically with {@link io.gatehouse.xml.config.GatewayConfig#builder()}
 * or loaded from an APIOps tree by {@link io.gatehouse.xml.apiops.ApiOpsLoader}. Policy documents are carried as
 * unparsed {@link io.gatehouse.xml.PolicySource} text.
 */
package io.gatehouse.xml.config;
