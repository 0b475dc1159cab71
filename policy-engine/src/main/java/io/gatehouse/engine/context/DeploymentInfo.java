package io.gatehouse.engine.context;

/** {@code context.Deployment}. */
public record DeploymentInfo(String region, String serviceName, String serviceId, String gatewayId) {
  /** What an in-process engine reports by default. */
  public static final DeploymentInfo LOCAL = new DeploymentInfo("local", "gatehouse", "gatehouse", "gatehouse");
}
