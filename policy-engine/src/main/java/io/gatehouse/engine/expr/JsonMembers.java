package io.gatehouse.engine.expr;

import io.gatehouse.engine.expr.runtime.Formatting;
import io.gatehouse.engine.expr.runtime.JArray;
import io.gatehouse.engine.expr.runtime.JObject;
import io.gatehouse.engine.expr.runtime.JToken;
import io.gatehouse.engine.expr.runtime.JsonConvert;
import io.gatehouse.engine.expr.runtime.JsonTarget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Newtonsoft statics that take any value (spec 8.5): {@code JsonConvert.SerializeObject(value[, Formatting])},
 * {@code JsonConvert.DeserializeObject[<T>](json)} and {@code JObject/JArray/JToken.FromObject(value)}. Values
 * serialise as Newtonsoft does by default: tokens as they are, arrays and lists as arrays, dictionaries and
 * anonymous objects as objects (members in declaration order), everything else as a JSON primitive.
 */
final class JsonMembers {
  private JsonMembers() {}

  static Bound call(Calls c) {
    if (c.target.typeRef == null) {
      return null;
    }
    int n = c.n;
    switch (c.target.typeRef.name + "." + c.name) {
      case "JsonConvert.SerializeObject" -> {
        if (n < 1 || n > 2 || !c.args.get(0).isValue() || n == 2 && !c.is(1, Library.FORMATTING)) {
          return null;
        }
        Eval v = c.args.get(0).eval;
        Eval fmt = n == 2 ? c.arg(1, Library.FORMATTING) : f -> Formatting.None;
        return c.of(CsType.STRING, f -> f.checkString(JsonConvert.serializeObject(jsonable(v.eval(f)),
            (Formatting) fmt.eval(f))));
      }
      case "JsonConvert.DeserializeObject" -> {
        if (n != 1 || !c.is(0, CsType.STRING) || c.typeArgs.size() > 1) {
          return null;
        }
        Eval s = c.arg(0, CsType.STRING);
        if (c.typeArgs.isEmpty()) {
          return c.of(CsType.OBJECT, f -> JsonConvert.deserializeObject((String) s.eval(f)));
        }
        CsType t = c.typeArgs.get(0);
        JsonTarget target = t.kind == CsType.Kind.OBJECT ? JsonTarget.OBJECT
            : t.name.equals("JContainer") ? JsonTarget.JTOKEN
            : Conversions.isJToken(t) ? JsonTarget.valueOf(t.name.toUpperCase(java.util.Locale.ROOT))
            : Conversions.jsonTarget(t.underlying());
        if (target == null) {
          throw new CompileError(c.pos, "DeserializeObject<%s> is not supported", t.name);
        }
        boolean nullable = t.acceptsNull();
        return c.of(t, f -> JsonConvert.deserializeObject((String) s.eval(f), target, nullable));
      }
      case "JObject.FromObject", "JArray.FromObject", "JToken.FromObject" -> {
        if (n != 1 || !c.args.get(0).isValue()) {
          return null;
        }
        Eval v = c.args.get(0).eval;
        CsType t = c.target.typeRef;
        return c.of(t, switch (t.name) {
          case "JObject" -> f -> JObject.fromObject(jsonable(v.eval(f)));
          case "JArray" -> f -> JArray.fromObject(jsonable(v.eval(f)));
          default -> f -> JToken.fromObject(jsonable(v.eval(f)));
        });
      }
      default -> {
        return null;
      }
    }
  }

  /** A dictionary as the ordered map the serializer writes as an object; other values as they are. */
  private static Object jsonable(Object v) {
    if (v instanceof CsDictionary d) {
      Map<Object, Object> m = new LinkedHashMap<>();
      for (Object e : d.entries()) {
        Map.Entry<?, ?> kv = (Map.Entry<?, ?>) e;
        m.put(kv.getKey(), kv.getValue());
      }
      return m;
    }
    return v;
  }
}
