package io.gatehouse.xml;

/** Policy scopes, broad to narrow. */
public enum Scope {
  GLOBAL("global"),
  WORKSPACE("workspace"),
  PRODUCT("product"),
  API("api"),
  OPERATION("operation");

  private final String label;

  Scope(String label) {
    this.label = label;
  }

  /** Lower-case name as used in {@code context.LastError.Scope}. */
  public String label() {
    return label;
  }
}
