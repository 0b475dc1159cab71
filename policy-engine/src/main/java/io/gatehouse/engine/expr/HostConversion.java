package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.CsException;
import io.gatehouse.engine.expr.runtime.CsParse;
/** The conversions of spec 1.4 from an expression's static type to what its host attribute needs. */
final class HostConversion {
  private HostConversion() {}

  static Eval wrap(Eval body, CsType type, ResultType resultType, ExpressionSource source) {
    switch (resultType) {
      case BOOL -> {
        if (type != CsType.BOOL) {
          throw new CompileError(0, "the expression must be of type 'bool' but is '" + type.name + "'");
        }
        return body;
      }
      case INTEGER -> {
        if (type.isIntegral() && type != CsType.ULONG) {
          return f -> {
            Object v = body.eval(f);
            return Values.toLong(v);
          };
        }
        if (type == CsType.STRING || type == CsType.OBJECT || type.isNullable()) {
          return f -> {
            Object v = body.eval(f);
            if (v == null) {
              throw CsException.nullReference();
            }
            if (v instanceof String s) {
              return CsParse.parseLong(s);
            }
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof Character) {
              return Values.toLong(v);
            }
            throw Values.invalidCast(v, CsType.LONG);
          };
        }
        throw new CompileError(0, "the expression must be an integer but is '" + type.name + "'");
      }
      case STRING -> {
        return f -> {
          Object v = body.eval(f);
          return v == null ? null : Values.toText(v);
        };
      }
      default -> {
        return body;
      }
    }
  }
}
