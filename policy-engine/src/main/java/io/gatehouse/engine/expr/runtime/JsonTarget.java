package io.gatehouse.engine.expr.runtime;

/**
 * The C# type argument of a JSON conversion ({@code (T)token}, {@code Value<T>}, {@code Values<T>},
 * {@code ToObject<T>}, {@code DeserializeObject<T>}); nullability is a separate flag on each call.
 */
public enum JsonTarget {
  STRING("String"), BOOLEAN("Boolean"), INT32("Int32"), INT64("Int64"), INT16("Int16"), BYTE("Byte"),
  DOUBLE("Double"), FLOAT("Single"), DECIMAL("Decimal"), CHAR("Char"), DATETIME("DateTime"),
  DATETIMEOFFSET("DateTimeOffset"), GUID("Guid"), TIMESPAN("TimeSpan"), BYTES("Byte[]"),
  OBJECT("Object"), JTOKEN("JToken"), JOBJECT("JObject"), JARRAY("JArray"), JVALUE("JValue"), JPROPERTY("JProperty");

  private final String netName;

  JsonTarget(String netName) {
    this.netName = netName;
  }

  /** The .NET simple type name used in Newtonsoft messages ({@code Int32}). */
  public String netName() {
    return netName;
  }

  /** True for value types (where a nullable form exists). */
  public boolean isValueType() {
    return switch (this) {
      case STRING, BYTES, OBJECT, JTOKEN, JOBJECT, JARRAY, JVALUE, JPROPERTY -> false;
      default -> true;
    };
  }
}
