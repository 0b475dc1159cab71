package io.gatehouse.xml.apiops;

/** The APIOps folder layouts the loader can recognise (see {@code apiops-layout.md} §0). */
public enum ApiOpsDialect {
  /** Azure/apiops v0.x–v1.x: {@code apis/<displayName>/<version>/<revision>/}. Recognised, not supported. */
  L0("L0 (Azure/apiops v0.x-v1.x, apis/<displayName>/<version>/<revision>/)", false),
  /** Azure/apiops v2.0–v5.x: link lists in {@code products/<p>/apis.json}. */
  L1("L1 (Azure/apiops v2-v5, products/<p>/apis.json)", true),
  /** Azure/apiops v6.x: one folder per link, {@code apis/<a>/tags/<t>/}, absolute ARM ids. */
  L2("L2 (Azure/apiops v6, products/<p>/apis/<a>/)", true),
  /** Azure/apiops v7.x: like L2 with tag links under {@code tags/<t>/} and relative ids. */
  L3("L3 (Azure/apiops v7, tags/<t>/apis/<a>/)", true),
  /** Azure/apiops-cli: camelCase folders ({@code namedValues/}), full ARM JSON, operationInformation.json. */
  C1("C1 (Azure/apiops-cli, camelCase folders such as namedValues/)", true);

  private final String description;
  private final boolean supported;

  ApiOpsDialect(String description, boolean supported) {
    this.description = description;
    this.supported = supported;
  }

  /** Human-readable name with the producing tool, as printed in diagnostics. */
  public String description() {
    return description;
  }

  /** Whether {@link ApiOpsLoader} loads trees of this layout. */
  public boolean supported() {
    return supported;
  }
}
