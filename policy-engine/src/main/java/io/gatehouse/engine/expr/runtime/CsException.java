package io.gatehouse.engine.expr.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * A .NET exception raised by the runtime library or thrown by a policy ({@code throw new Exception("x")}).
 *
 * <p>C# surface: {@code Exception.Message}, {@code GetType().Name}, {@code GetType().FullName}, {@code InnerException}
 * and the {@code catch (T)} subtype test {@link #isA(String)}. The type hierarchy covers the exceptions the library
 * throws; unknown names are treated as direct subclasses of {@code System.Exception}.
 */
public final class CsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Simple type name → simple name of its .NET base class. */
  private static final Map<String, String> PARENT = Map.ofEntries(
      Map.entry("SystemException", "Exception"),
      Map.entry("ApplicationException", "Exception"),
      Map.entry("ArgumentException", "SystemException"),
      Map.entry("ArgumentNullException", "ArgumentException"),
      Map.entry("ArgumentOutOfRangeException", "ArgumentException"),
      Map.entry("FormatException", "SystemException"),
      Map.entry("UriFormatException", "FormatException"),
      Map.entry("InvalidCastException", "SystemException"),
      Map.entry("InvalidOperationException", "SystemException"),
      Map.entry("ObjectDisposedException", "InvalidOperationException"),
      Map.entry("NullReferenceException", "SystemException"),
      Map.entry("IndexOutOfRangeException", "SystemException"),
      Map.entry("KeyNotFoundException", "SystemException"),
      Map.entry("NotSupportedException", "SystemException"),
      Map.entry("NotImplementedException", "SystemException"),
      Map.entry("OutOfMemoryException", "SystemException"),
      Map.entry("ArithmeticException", "SystemException"),
      Map.entry("DivideByZeroException", "ArithmeticException"),
      Map.entry("OverflowException", "ArithmeticException"),
      Map.entry("TimeoutException", "SystemException"),
      Map.entry("RegexMatchTimeoutException", "TimeoutException"),
      Map.entry("XmlException", "SystemException"),
      Map.entry("CryptographicException", "SystemException"),
      Map.entry("JsonException", "Exception"),
      Map.entry("JsonReaderException", "JsonException"),
      Map.entry("JsonWriterException", "JsonException"),
      Map.entry("JsonSerializationException", "JsonException"));

  /** Simple type name → namespace. */
  private static final Map<String, String> NAMESPACE = Map.of(
      "KeyNotFoundException", "System.Collections.Generic",
      "RegexMatchTimeoutException", "System.Text.RegularExpressions",
      "XmlException", "System.Xml",
      "CryptographicException", "System.Security.Cryptography",
      "JsonException", "Newtonsoft.Json",
      "JsonReaderException", "Newtonsoft.Json",
      "JsonWriterException", "Newtonsoft.Json",
      "JsonSerializationException", "Newtonsoft.Json");

  private final String typeName;

  /** Creates an exception of .NET type {@code typeName} (simple name, e.g. {@code FormatException}). */
  public CsException(String typeName, String message, Throwable inner) {
    super(message, inner, false, true);
    this.typeName = Objects.requireNonNull(simpleName(typeName));
  }

  /** Creates an exception without an inner exception. */
  public CsException(String typeName, String message) {
    this(typeName, message, null);
  }

  /** {@code new Exception(message)} and friends as written in policies ({@code throw new X(msg)}). */
  public static CsException of(String typeName, String message) {
    String t = simpleName(typeName);
    return new CsException(t, message == null ? defaultMessage(t) : message);
  }

  /** {@code GetType().Name}. */
  public String typeName() {
    return typeName;
  }

  /** {@code GetType().FullName}. */
  public String fullTypeName() {
    return NAMESPACE.getOrDefault(typeName, "System") + "." + typeName;
  }

  /** {@code Message}. */
  public String message() {
    return getMessage();
  }

  /** {@code InnerException}, or null. */
  public CsException innerException() {
    return getCause() instanceof CsException c ? c : null;
  }

  /**
   * True when this exception is caught by {@code catch (catchType)}: same type or a .NET subtype. Accepts simple or
   * namespace-qualified names.
   */
  public boolean isA(String catchType) {
    return isSubtype(typeName, catchType);
  }

  /** True when .NET exception type {@code type} is {@code ancestor} or derives from it. */
  public static boolean isSubtype(String type, String ancestor) {
    String target = simpleName(ancestor);
    for (String t = simpleName(type); t != null; t = t.equals("Exception") ? null : PARENT.getOrDefault(t, "Exception")) {
      if (t.equals(target)) {
        return true;
      }
    }
    return false;
  }

  /** {@code ToString()}: {@code System.FormatException: message}. */
  @Override
  public String toString() {
    return fullTypeName() + ": " + getMessage();
  }

  private static String simpleName(String name) {
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  private static String defaultMessage(String type) {
    return switch (type) {
      case "NullReferenceException" -> "Object reference not set to an instance of an object.";
      case "InvalidCastException" -> "Specified cast is not valid.";
      case "InvalidOperationException" -> "Operation is not valid due to the current state of the object.";
      case "ArgumentException" -> "Value does not fall within the expected range.";
      case "ArgumentNullException" -> "Value cannot be null.";
      case "ArgumentOutOfRangeException" -> "Specified argument was out of the range of valid values.";
      case "FormatException" -> "One of the identified items was in an invalid format.";
      case "IndexOutOfRangeException" -> "Index was outside the bounds of the array.";
      case "KeyNotFoundException" -> "The given key was not present in the dictionary.";
      case "DivideByZeroException" -> "Attempted to divide by zero.";
      case "OverflowException" -> "Arithmetic operation resulted in an overflow.";
      case "NotSupportedException" -> "Specified method is not supported.";
      case "NotImplementedException" -> "The method or operation is not implemented.";
      case "OutOfMemoryException" -> "Insufficient memory to continue the execution of the program.";
      default -> "Exception of type '" + NAMESPACE.getOrDefault(type, "System") + "." + type + "' was thrown.";
    };
  }

  // ---- factories with .NET (Core) default messages ----

  /** {@code NullReferenceException}. */
  public static CsException nullReference() {
    return of("NullReferenceException", null);
  }

  /** {@code KeyNotFoundException}: The given key 'k' was not present in the dictionary. */
  public static CsException keyNotFound(Object key) {
    return new CsException("KeyNotFoundException",
        "The given key '" + CsFormat.toDisplayString(key) + "' was not present in the dictionary.");
  }

  /** {@code InvalidCastException}: Unable to cast object of type 'System.String' to type 'System.Int32'. */
  public static CsException invalidCast(String fromNetType, String toNetType) {
    return new CsException("InvalidCastException",
        "Unable to cast object of type '" + fromNetType + "' to type '" + toNetType + "'.");
  }

  /** {@code InvalidCastException} for a runtime value cast to a .NET type name. */
  public static CsException invalidCastOf(Object value, String toNetType) {
    return invalidCast(CsTypes.netTypeName(value), toNetType);
  }

  /** {@code InvalidCastException} with a custom message (Newtonsoft conversions). */
  public static CsException invalidCastMessage(String message) {
    return new CsException("InvalidCastException", message);
  }

  /**
   * {@code FormatException} for a number that does not parse. DECISION: the classic message "Input string was not in
   * a correct format." (.NET Framework, .NET Core up to 7, Mono); .NET 8 quotes the input instead.
   */
  public static CsException badNumber(String s) {
    return new CsException("FormatException", "Input string was not in a correct format.");
  }

  /** {@code FormatException} with a message. */
  public static CsException format(String message) {
    return new CsException("FormatException", message);
  }

  /** {@code OverflowException}: "Value was either too large or too small for an Int32." */
  public static CsException overflow(String netTypeShort) {
    return new CsException("OverflowException", "Value was either too large or too small for " + article(netTypeShort)
        + " " + netTypeShort + ".");
  }

  /** {@code OverflowException} with the default message. */
  public static CsException arithmeticOverflow() {
    return of("OverflowException", null);
  }

  /** {@code DivideByZeroException}. */
  public static CsException divideByZero() {
    return of("DivideByZeroException", null);
  }

  /** {@code ArgumentNullException}: "Value cannot be null. (Parameter 'name')". */
  public static CsException argumentNull(String param) {
    return new CsException("ArgumentNullException", "Value cannot be null. (Parameter '" + param + "')");
  }

  /** {@code ArgumentException} with a message and optional parameter name. */
  public static CsException argument(String message, String param) {
    return new CsException("ArgumentException", param == null ? message : message + " (Parameter '" + param + "')");
  }

  /** {@code ArgumentOutOfRangeException} with a message and parameter name. */
  public static CsException argumentOutOfRange(String param, String message) {
    String m = message == null ? "Specified argument was out of the range of valid values." : message;
    return new CsException("ArgumentOutOfRangeException", param == null ? m : m + " (Parameter '" + param + "')");
  }

  /** {@code ArgumentOutOfRangeException} for an index: "Index was out of range. Must be non-negative and less than the size of the collection." */
  public static CsException indexArgumentOutOfRange() {
    return argumentOutOfRange("index",
        "Index was out of range. Must be non-negative and less than the size of the collection.");
  }

  /** {@code IndexOutOfRangeException}: "Index was outside the bounds of the array." */
  public static CsException indexOutOfRange() {
    return of("IndexOutOfRangeException", null);
  }

  /** {@code InvalidOperationException} with a message. */
  public static CsException invalidOperation(String message) {
    return of("InvalidOperationException", message);
  }

  /** {@code InvalidOperationException}: "Sequence contains no elements". */
  public static CsException noElements() {
    return invalidOperation("Sequence contains no elements");
  }

  /** {@code JsonReaderException} with Newtonsoft's "..., line L, position P." suffix. */
  public static CsException jsonReader(String message, int line, int position) {
    return new CsException("JsonReaderException",
        message + " Path '', line " + line + ", position " + position + ".");
  }

  /** {@code OutOfMemoryException}-like refusal to build a string beyond {@link CsRuntimeSettings#MAX_STRING_LENGTH}. */
  public static CsException tooLarge() {
    return of("OutOfMemoryException", null);
  }

  /** Throws {@link #tooLarge()} when a string of {@code length} chars would exceed the cap. */
  public static void checkLength(long length) {
    if (length > CsRuntimeSettings.MAX_STRING_LENGTH) {
      throw tooLarge();
    }
  }

  private static String article(String word) {
    return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }
}
