package io.gatehouse.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsExceptionTest {
  @Test
  void hierarchyDrivesCatchFilters() {
    assertThat(CsException.badNumber("x").isA("FormatException")).isTrue();
    assertThat(CsException.badNumber("x").isA("Exception")).isTrue();
    assertThat(CsException.badNumber("x").isA("System.SystemException")).isTrue();
    assertThat(CsException.badNumber("x").isA("ArgumentException")).isFalse();
    assertThat(CsException.argumentNull("s").isA("ArgumentException")).isTrue();
    assertThat(CsException.jsonReader("Bad", 1, 1).isA("Newtonsoft.Json.JsonException")).isTrue();
    assertThat(CsException.jsonReader("Bad", 1, 1).isA("SystemException")).isFalse();
    assertThat(CsException.divideByZero().isA("ArithmeticException")).isTrue();
    assertThat(CsException.of("MyCustomException", "m").isA("Exception")).isTrue();
  }

  @Test
  void defaultMessagesMatchDotNet() {
    assertThat(CsException.nullReference().getMessage())
        .isEqualTo("Object reference not set to an instance of an object.");
    assertThat(CsException.keyNotFound("abc").getMessage())
        .isEqualTo("The given key 'abc' was not present in the dictionary.");
    assertThat(CsException.invalidCastOf("10", "System.Int32").getMessage())
        .isEqualTo("Unable to cast object of type 'System.String' to type 'System.Int32'.");
    assertThat(CsException.overflow("Int32").getMessage())
        .isEqualTo("Value was either too large or too small for an Int32.");
    assertThat(CsException.argumentNull("s").getMessage()).isEqualTo("Value cannot be null. (Parameter 's')");
    assertThat(CsException.divideByZero().getMessage()).isEqualTo("Attempted to divide by zero.");
    assertThat(CsException.indexOutOfRange().getMessage()).isEqualTo("Index was outside the bounds of the array.");
    assertThat(CsException.of("Exception", null).getMessage())
        .isEqualTo("Exception of type 'System.Exception' was thrown.");
  }

  @Test
  void typeNames() {
    CsException e = CsException.keyNotFound("k");
    assertThat(e.typeName()).isEqualTo("KeyNotFoundException");
    assertThat(e.fullTypeName()).isEqualTo("System.Collections.Generic.KeyNotFoundException");
    assertThat(CsException.of("System.FormatException", "bad").toString()).isEqualTo("System.FormatException: bad");
  }
}
