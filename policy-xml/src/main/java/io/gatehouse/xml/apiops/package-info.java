/**
 * Loads an APIOps-extracted git tree (Azure/apiops v2–v7 and apiops-cli layouts) into a
 * {@link io.gatehouse.xml.config.GatewayConfig}. Entry point: {@link io.gatehouse.xml.apiops.ApiOpsLoader}.
 */
package io.gatehouse.xml.apiops;
