package io.gatehouse.engine.expr;

/**
 * A runtime error of an expression, described the way .NET would: {@link #typeName()} is the .NET exception type
 * ({@code NullReferenceException}, {@code InvalidCastException}, ...), {@link #getMessage()} its message. The
 * pipeline turns it into the APIM error {@code ExpressionValueEvaluationFailure}.
 */
public class ExpressionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String typeName;

  public ExpressionFailure(String typeName, String message) {
    this(typeName, message, null);
  }

  public ExpressionFailure(String typeName, String message, Throwable cause) {
    super(message, cause, false, false);
    this.typeName = typeName;
  }

  /** The .NET exception type name, e.g. {@code KeyNotFoundException}. */
  public String typeName() {
    return typeName;
  }
}
